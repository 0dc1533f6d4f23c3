"""Rendering: escaping filters, <bdi> isolation and the page set, without MkDocs."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import HOSTILE, empty_statement, full_statement, hostile_statement
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.config import load_config
from strategies import FUZZ, rich_text

import generator
from generator.lexicon.labels import vocabulary
from generator.model import Figure, Meta, Statement
from generator.problems import Problem
from generator.site.render import Escaped, bdi, is_web_url, make_env, md, mixed, render_pages, sentence_anchors

EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables"]
SITE = {"site_name": "بيان"}


def to_html(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=EXTENSIONS), "html.parser")


@pytest.mark.parametrize("text", [
    HOSTILE, "- item", "+ item", "* item", "1. item", "2) item", "# heading", "=== x", "---",
    "> quote", "    code", "`code`", "a\n\n# heading\n\n| a | b |\n|---|---|", "x {: #id }",
    "~~del~~ ^^ins^^ \\* &amp; &copy;", "[x]: http://example.org", "<!-- c -->", "![i](x.png)",
])
@pytest.mark.parametrize("escape", [md, bdi])
def test_escaped_text_renders_as_one_plain_paragraph(text, escape):
    soup = to_html(escape(text))
    assert len(soup.find_all("p")) == 1 and {el.name for el in soup.find_all(True)} <= {"p", "bdi"}
    assert soup.get_text() == " ".join(text.split())


def test_md_escapes_html_and_is_idempotent():
    out = md('<a href="x">&\'')
    assert out == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
    assert md(out) is out and isinstance(out, Escaped)
    assert md(None) == "" and md(3.5) == "3.5"


def test_bdi_isolates_signed_numbers_and_latin_runs():
    soup = to_html(bdi("ارتفع النمو +2.0% وبلغ و2015 نحو ٢٥٪ بحسب UN Security Council و COVID-19"))
    runs = [(b.get_text(), b.get("dir"), b.get("lang")) for b in soup.find_all("bdi")]
    assert runs == [("+2.0%", "ltr", None), ("2015", "ltr", None), ("٢٥٪", "ltr", None),
                    ("UN Security Council", "ltr", "en"), ("COVID-19", "ltr", "en")]


def test_mixed_marks_the_arabic_english_quotes_and_escapes_the_rest():
    soup = to_html(mixed("«الطلبه»: did you mean «الطلبة»? <b>x</b>"))
    assert [(b.get_text(), b["lang"], b["dir"]) for b in soup.find_all("bdi")] == [
        ("الطلبه", "ar", "rtl"), ("الطلبة", "ar", "rtl")]
    assert not soup.find("b") and soup.get_text() == "«الطلبه»: did you mean «الطلبة»? <b>x</b>"
    with pytest.raises(ValueError):
        mixed(md("x"))


@pytest.mark.parametrize(("language", "spelling", "entity"), [
    ("ar", "«الطلبه»: لعلّ الصواب «الطلبة»", "«الكويت» لا يُذكر في الترجمة (المتوقع «Kuwait»)"),
    ("en", "possible spelling slip", "name missing from the English")])
def test_a_note_describes_a_finding_in_the_page_language_with_the_words_it_quotes(language, spelling, entity):
    note = make_env(None, language).filters["note"]
    found = [Problem("info", "spelling", "«الطلبه»: did you mean «الطلبة»?"),
             Problem("warning", "translation/entity", "x: «الكويت» is not named in the English (expected «Kuwait»)")]
    assert [to_html(note(f)).get_text() for f in found] == [spelling, entity]
    hostile = to_html(note(Problem("info", "spelling", "«<b>x</b>»: did you mean «y»?")))
    assert not hostile.find("b")


def test_every_finding_code_of_the_analysis_has_a_note():
    codes = set(re.findall(r'"((?:characters|translation|pillars)/[a-z-]+)"',
                           "".join(p.read_text(encoding="utf-8") for p in Path(generator.__file__).parent.rglob("*.py"))))
    codes |= {f"characters/{c}" for c in re.findall(r'_finding\([^"]*"([a-z-]+)"', (
        Path(generator.__file__).parent / "analysis" / "characters.py").read_text(encoding="utf-8"))}
    assert codes and codes | {"spelling"} <= set(vocabulary("finding").codes)


def test_bdi_wants_raw_text():
    with pytest.raises(ValueError):
        bdi(md("نص"))


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/x", True), ("HTTP://example.org", True), ("javascript:alert(1)", False),
    ("data:text/html,x", False), ("//example.org", False), ("example.org", False), (None, False),
])
def test_only_web_urls_are_links(url, ok):
    assert is_web_url(url) is ok


def test_page_set_and_order(templates_dir):
    old = dataclasses.replace(full_statement("old"), meta=Meta(title="قديم", date="2001-01-01"))
    pages = render_pages([old, full_statement("new"), empty_statement()], SITE, templates_dir).pages
    own = {p for p in pages if p.split("/")[0] not in {"archive", "sources", "speakers", "entities", "pillars", "acts"}}
    assert own == {"index.md", "reference.md", "statements/old.md", "statements/new.md", "statements/empty.md"}
    index = pages["index.md"]
    assert index.index("statements/new.md") < index.index("statements/old.md")


def test_full_statement_page(templates_dir):
    soup = to_html(render_pages([full_statement()], SITE, templates_dir).pages["statements/full.md"])
    assert soup.h1.get_text() == "البيان الختامي للاجتماع الوزاري"
    assert soup.find(class_="bayan-title-en")["lang"] == "en"
    assert soup.find("a", href="https://example.org/a?b=1&c=2").get_text() == "وكالة الأنباء"
    assert {h["id"] for h in soup.find_all("h2")} == {"summary", "pillars", "claims", "entities",
                                                       "figures", "text"}
    claims, entities, figures = soup.find_all("table")
    assert [th.get_text() for th in claims.find_all("th")] == ["الجملة", "القائل", "فعل القول", "نوعه", "المضمون"]
    assert "affirmed" in claims.get_text() and "Kuwait" in entities.get_text()
    assert [tr.find_all("td")[2].get_text() for tr in figures.tbody.find_all("tr")] == ["نسبة مئوية", "—"]
    assert [li["value"] for li in soup.find(class_="bayan-pillars").find_all("li")] == ["1", "2"]
    pairs = soup.find_all(class_="bayan-pair")
    assert [p["id"] for p in pairs] == ["s1", "s2", "s3"]
    assert pairs[1].find(class_="bayan-pending")["lang"] == "en"
    assert "الترجمة غير متوفرة" in pairs[1].get_text()
    assert all(p["dir"] == "ltr" for p in soup.find_all(lang="en"))
    assert "+2.0%" in [b.get_text() for b in soup.find_all("bdi")]


def test_empty_statement_page(templates_dir):
    soup = to_html(render_pages([empty_statement()], SITE, templates_dir).pages["statements/empty.md"])
    assert [h["id"] for h in soup.find_all("h2")] == ["text"]
    assert not soup.find("table") and not soup.find("dl")
    # No translation at all: said once, and each sentence is the Arabic alone, the whole width.
    assert soup.find(class_="bayan-pending-note").get_text(strip=True) == "لم يُترجَم هذا البيان إلى الإنجليزية بعد."
    assert "bayan-parallel--ar" in soup.find(class_="bayan-parallel")["class"]
    assert not soup.find(class_="bayan-pending") and not soup.find(class_="bayan-en")
    assert soup.find(id="s1").find(class_="bayan-ar")


def long_statement() -> Statement:
    """The full statement with sentences longer than a quote (the summary quotes 1 and 3)."""
    st = full_statement("long")
    words = "في إطار الجهود المشتركة التي تبذلها الدول الأعضاء لتعزيز الأمن والاستقرار في المنطقة"
    sentences = tuple(dataclasses.replace(s, text=f"{s.text[:-1]} {words} {n}.") for n, s in enumerate(st.sentences, 1))
    translation = dataclasses.replace(st.translation, sentences=tuple(
        t and f"{t[:-1]}, as part of the joint efforts of the member states for security and stability {n}."
        for n, t in enumerate(st.translation.sentences, 1)))
    return dataclasses.replace(st, sentences=sentences, translation=translation)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_each_sentence_is_written_out_once_and_quoted_elsewhere(templates_dir, language):
    st = long_statement()
    soup = to_html(render_pages([st], SITE, templates_dir, language=language).pages["statements/long.md"])
    english = [t for t in st.translation.sentences if t]
    for text in [s.text for s in st.sentences] + english:
        assert soup.get_text().count(text) == 1, text  # in the full text, and nowhere else
    anchors = {el["id"] for el in soup.select(".bayan-parallel [id]")}
    quotes = {section: soup.find(id=section).find_next(class_=kind).find_all("a", class_="bayan-quote")
              for section, kind in (("summary", "bayan-summary"), ("pillars", "bayan-pillars"))}
    quotes["claims"] = soup.find(id="claims").find_next("table").find_all("a", class_="bayan-quote")
    assert [q["href"] for q in quotes["summary"]] == ["#s1", "#s3"]
    assert [q["href"] for q in quotes["claims"]] == ["#s1", "#s2", "#s3"]
    assert all(q["href"][1:] in anchors for qs in quotes.values() for q in qs)
    first = quotes["summary"][0].get_text()  # the start of sentence 1, cut at a word
    assert first.endswith("…") and first[:-1] in (english[0] if language == "en" else st.sentences[0].text)


def test_a_brief_writes_its_sentences_out(templates_dir):
    """A brief has no full text: its summary is the sentences themselves, in both languages."""
    st = dataclasses.replace(long_statement(), meta=Meta(title="موجز", template="brief"))
    for language in ("ar", "en"):
        soup = to_html(render_pages([st], SITE, templates_dir, language=language).pages["statements/long.md"])
        assert not soup.find("a", class_="bayan-quote")
        assert st.summary.text in soup.get_text() and st.summary.text_en in soup.get_text()


def test_empty_site_has_a_home_page(templates_dir):
    assert "content/statements/" in render_pages([], SITE, templates_dir).pages["index.md"]


def test_hostile_text_stays_text(templates_dir):
    pages = render_pages([hostile_statement()], SITE, templates_dir).pages
    for soup in map(to_html, (pages["index.md"], pages["statements/hostile.md"])):
        for overview in soup.find_all("ul", class_="bayan-overview"):  # the template's own list
            overview.decompose()
        assert not soup.find_all(["script", "img", "strong", "em", "code", "blockquote", "ul"])
        assert not soup.find_all("h1")[1:] and not soup.find_all(["h3", "h4", "h5", "h6"])
        assert not soup.find_all(onclick=True)
        assert all(not a["href"].startswith("javascript") for a in soup.find_all("a"))
        assert HOSTILE.split("}")[0] in soup.get_text()


def test_a_statement_can_choose_its_template(tmp_path):
    (tmp_path / "brief.md.j2").write_text("# {{ statement.meta.title|bdi }}\n", encoding="utf-8")
    st = dataclasses.replace(empty_statement(), meta=Meta(title="قصير", template="brief"))
    assert render_pages([st], SITE, tmp_path).pages["statements/empty.md"] == "# قصير\n"


def test_sentence_anchors_are_id_attributes_only():
    page = '<div class="bayan-pair" id="s1"><p data-id="s2">s4</p><span\nid="s3" title=\'id="s5"\'>'
    assert sentence_anchors(page) == {"s1", "s3"}


ROOT = Path(__file__).resolve().parent.parent


def _markdown() -> markdown.Markdown:
    """Python-Markdown with exactly the extensions and settings of mkdocs.yml."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


MD = _markdown()


# How the templates place escaped text: (Markdown around {}, the elements that context makes).
CONTEXTS = [
    ("{}", {"p"}),
    ("# {}", {"h1", "a"}),
    ("## [{}](statements/x.md)", {"h2", "a"}),
    ("{}\n{{: .bayan-summary lang=\"en\" dir=\"ltr\" }}", {"p"}),
    ("| a | b |\n| --- | --- |\n| {} | [1](#s1) |", {"table", "thead", "tbody", "tr", "th", "td", "a"}),
    ('<p class="bayan-ar" lang="ar" dir="rtl">{}</p>', {"p"}),
    ('<table data-cards>\n<tbody>\n<tr><td data-label="x">{}</td></tr>\n</tbody>\n</table>',
     {"table", "tbody", "tr", "td"}),
    ('<ol class="bayan-summary">\n<li value="1"><a class="bayan-quote" href="#s1">{}</a></li>\n</ol>',
     {"ol", "li", "a"}),
    ("<dl>\n<dt>x</dt>\n<dd>{}</dd>\n</dl>", {"dl", "dt", "dd"}),
]


MARKER = re.compile(r"⟨U\+([0-9A-F]{4,6})⟩")


def _shown(html: str, context: set[str]) -> str:
    """The text a reader sees, hidden characters put back from their markers; asserts that only
    the context's own elements and the filters' <bdi> and markers are there."""
    soup = BeautifulSoup(html, "html.parser")
    for el in soup.find_all(True):
        if el.name == "a" and "headerlink" in (el.get("class") or []):
            el.decompose()
    for el in soup.find_all(True):
        if el.name == "span":
            assert el.get("class") == ["bayan-invisible"] and set(el.attrs) == {"class", "dir", "title"}, el
        elif el.name == "bdi":
            assert set(el.attrs) <= {"dir", "lang"}, el
        else:
            assert el.name in context, el
            assert not [a for a in el.attrs if a.startswith("on") or a == "style"], el
    text = MARKER.sub(lambda m: chr(int(m.group(1), 16)), soup.get_text())
    return " ".join(text.split())


@FUZZ
@given(text=rich_text.filter(str.split), escape=st.sampled_from([md, bdi]), where=st.sampled_from(CONTEXTS))
def test_escaped_text_renders_as_itself(text, escape, where):
    """(Templates print a field only when it has text: an empty one is left out.)"""
    template, context = where
    shown = _shown(MD.reset().convert(template.format(escape(text))), context)
    expected = _shown(MD.reset().convert(template.format("QQQ")), context).replace("QQQ", text)
    assert shown == " ".join(expected.split())


@pytest.mark.parametrize(("language", "template", "expected"), [
    ("ar", '{{ 18000000000|number }}', '<bdi dir="ltr">18,000,000,000</bdi>'),
    ("en", '{{ 18000000000|number }}', "18,000,000,000"),
    ("en", '{{ 2254|number(grouping=false) }} {{ 3.5|number }}', "2254 3.5"),
    ("ar", '{{ "2015-08-10"|number }}', '<bdi dir="ltr">2015-08-10</bdi>'),
    ("en", '{{ "<b>"|number }}', "&lt;b&gt;"),
])
def test_number_filter_groups_as_the_language_writes_numbers(language, template, expected):
    assert make_env(None, language).from_string(template).render() == expected


@pytest.mark.parametrize(("language", "numbers", "expected"), [
    ("ar", (0, 1, 2, 3, 11, 100, 1200),
     ["لا قائلين", "قائل واحد", "قائلان", '<bdi dir="ltr">3</bdi> قائلين', '<bdi dir="ltr">11</bdi> قائلًا',
      '<bdi dir="ltr">100</bdi> قائل', '<bdi dir="ltr">1,200</bdi> قائل']),
    ("en", (0, 1, 2, 1200), ["0 speakers", "1 speaker", "2 speakers", "1,200 speakers"]),
])
def test_count_filter_gives_the_form_of_the_plural_category(language, numbers, expected):
    template = make_env(None, language).from_string('{{ n|count("speaker") }}')
    assert [template.render(n=n) for n in numbers] == expected


@pytest.mark.parametrize(("findings", "summary"), [(1, "ملاحظة واحدة على البيان وترجمته"),
                                                   (2, "ملاحظتان على البيان وترجمته"),
                                                   (3, "3 ملاحظات على البيان وترجمته"),
                                                   (11, "11 ملاحظة على البيان وترجمته")])
def test_statement_page_counts_its_notes_in_arabic(templates_dir, findings, summary):
    notes = tuple(Problem("warning", "x", f"note {i}", sentence=1) for i in range(findings))
    statement = dataclasses.replace(full_statement(), findings=notes)
    soup = to_html(render_pages([statement], SITE, templates_dir).pages["statements/full.md"])
    assert soup.find("summary").get_text() == summary


def test_figures_are_grouped_and_counted_in_each_language(templates_dir):
    figures = (Figure("18000000000 ريال", 18000000000, "SAR", 1), Figure("٤ سنوات", 4, "year", 1),
               Figure("(2254)", 2254, "resolution-number", 2), Figure("سنة واحدة", 1, "year", 2))
    statement = dataclasses.replace(full_statement(), figures=figures)
    arabic = to_html(render_pages([statement], SITE, templates_dir).pages["statements/full.md"])
    table = arabic.find("h2", id="figures").find_next("table")
    values = [tr.find_all("td")[1] for tr in table.tbody.find_all("tr")]
    assert [td.get_text() for td in values] == ["18,000,000,000", "4", "2254", "1"]
    assert all(td.bdi and td.bdi["dir"] == "ltr" for td in values)
    english = to_html(render_pages([statement], SITE, templates_dir, language="en").pages["statements/full.md"])
    line = next(li for li in english.find("ul", class_="bayan-overview").find_all("li") if "Figures" in li.get_text())
    assert "SAR 18,000,000,000" in line.get_text() and "4 years" in line.get_text()
    assert "1 year" in line.get_text() and "4 year " not in line.get_text()
    table = english.find("h2", id="figures").find_next("table")
    assert [tr.find("td").get_text() for tr in table.tbody.find_all("tr")] == ["18,000,000,000", "4", "2254", "1"]
    assert [tr.find_all("td")[1].get_text() for tr in table.tbody.find_all("tr")] == [
        "SAR", "year", "resolution number", "year"]


@pytest.mark.parametrize(("text", "runs"), [
    ("نقلًا عن 3alyoum اليوم", ["3alyoum"]), ("مسافة 10km و1.5km", ["10km", "1.5km"]),
    ("القرار 2254.", ["2254"]), ("في 2015-08-10 و-3", ["2015-08-10", "-3"])])
def test_bdi_keeps_a_latin_word_that_starts_with_digits_in_one_run(text, runs):
    assert [b.get_text() for b in to_html(bdi(text)).find_all("bdi")] == runs
