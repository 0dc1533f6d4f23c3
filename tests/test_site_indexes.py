"""Index pages across statements: grouping, pagination, links to sentence anchors, reachability,
a small navigation, and charts that are well-formed, accessible SVG with escaped text."""
from __future__ import annotations

import dataclasses
import hashlib
import marshal
import os
import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from types import SimpleNamespace as Item
from urllib.parse import unquote

import pytest
from conftest import HOSTILE, ROOT, full_statement, hostile_statement, load_content
from test_site_render import SITE, to_html

import generator.site.indexes as indexes
from generator.lexicon.labels import vocabulary
from generator.model import Claim, Entity, Meta, Speaker
from generator.site.charts import LABEL_CHARS, bars, month_span, timeline
from generator.site.indexes import in_nav, in_search, is_index_page, link, pack
from generator.site.render import render_pages

SVG = "{http://www.w3.org/2000/svg}"
LINK = re.compile(r'\]\(([^)\s]+)\)|href="([^"]+)"')


def corpus(n: int = 12):
    """n statements over three months and two sources, each with a claim by a shared speaker (a
    full name: a bare title says who only inside its statement)."""
    statements = []
    for i in range(n):
        st = full_statement(f"s{i:02d}")
        meta = Meta(title=f"بيان رقم {i}", date=f"2018-0{1 + i % 3}-{10 + i:02d}",
                    source="وكالة الأنباء" if i % 2 else "وزارة الخارجية")
        claims = st.claims + (Claim("c9", 2, "قال", "said", "warn", Speaker("الوزير", "سامي الحربي", True, role="الوزير"),
                                 f"تحذير {i}"),)
        statements.append(dataclasses.replace(st, meta=meta, claims=claims))
    return statements


@pytest.fixture
def small_pages(monkeypatch, templates_dir):
    monkeypatch.setattr(indexes, "PER_PAGE", 2)
    monkeypatch.setattr(indexes, "ROWS", 5)
    monkeypatch.setattr(indexes, "LATEST", 3)
    import generator.site.render as render
    monkeypatch.setattr(render, "LATEST", 3)
    rendered = render_pages(corpus(), SITE, templates_dir)
    assert rendered.problems == []
    return rendered.pages


def targets(pages: dict[str, str], here: str) -> list[str]:
    """Docs paths (with #fragment) linked from a page; links to other hosts left out."""
    found = []
    for md_link, html_link in LINK.findall(pages[here]):
        target = unquote(md_link or html_link).replace("&amp;", "&")
        if "://" in target or target.startswith("mailto:"):
            continue
        path, _, fragment = target.partition("#")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else here
        found.append(path + (f"#{fragment}" if fragment else ""))
    return found


def test_pack_keeps_small_groups_whole_and_runs_large_ones_on():
    pages = pack([("a", [1, 2]), ("b", [3, 4, 5]), ("c", list(range(7)))], 4, lambda n: f"x{n}")
    assert [[(b.key, b.rows, b.continued) for b in page] for page in pages] == [
        [("a", [1, 2], False)], [("b", [3, 4, 5], False)], [("c", [0, 1, 2, 3], False)], [("c", [4, 5, 6], True)]]
    assert pack([], 4, str) == []


def test_links_are_relative_to_the_page():
    assert link("statements/a.md#s3", "speakers/2.md") == "../statements/a.md#s3"
    assert link("archive/2018-01/index.md", "index.md") == "archive/2018-01/index.md"
    anchors = {"statements/a.md": {"s1"}}
    assert link("statements/a.md#s1", "pillars/index.md", anchors) == "../statements/a.md#s1"
    assert link("statements/a.md#s3", "pillars/index.md", anchors) == "../statements/a.md"  # no such anchor


def test_index_pages_are_known_as_such():
    assert is_index_page("speakers/3.md") and is_index_page("archive/2018-01/index.md")
    assert not is_index_page("statements/a.md") and not is_index_page("index.md")


def test_search_takes_statements_and_the_reference_not_the_home_or_index_pages():
    assert in_search("statements/a.md") and in_search("reference.md")
    assert not in_search("index.md") and not in_search("speakers/3.md") and not in_search("archive/index.md")


def test_archive_groups_by_month_and_paginates(small_pages):
    months = {p for p in small_pages if p.startswith("archive/2018-")}
    assert months == {"archive/2018-01/index.md", "archive/2018-01/2.md", "archive/2018-02/index.md",
                      "archive/2018-02/2.md", "archive/2018-03/index.md", "archive/2018-03/2.md"}
    listed = [t for p in sorted(months) for t in targets(small_pages, p) if t.startswith("statements/")]
    assert sorted(listed) == sorted(f"statements/s{i:02d}.md" for i in range(12))
    first = small_pages["archive/2018-03/index.md"]
    assert first.index("s11.md") < first.index("s08.md")  # newest first
    assert "2.md" in first and "rel=\"next\"" in first
    sources = {p for p in small_pages if p.startswith("sources/") and p != "sources/index.md"}
    assert len(sources) == 6  # two sources, 6 statements each, 2 a page


def test_home_page_shows_the_latest_and_reaches_every_statement(small_pages):
    home = [t for t in targets(small_pages, "index.md") if t.startswith("statements/")]
    assert home == ["statements/s11.md", "statements/s08.md", "statements/s05.md"]
    seen, todo = {"index.md"}, ["index.md"]
    while todo:
        for target in targets(small_pages, todo.pop()):
            path = target.partition("#")[0]
            assert path in small_pages, f"broken link to {target}"
            if path not in seen:
                seen.add(path)
                todo.append(path)
    assert {p for p in small_pages if p.startswith("statements/")} <= seen


def test_index_entries_link_to_existing_sentence_anchors(small_pages):
    statements = {f"statements/{st.slug}.md": st for st in corpus()}
    anchored = 0
    for here in small_pages:
        if here.startswith("statements/"):
            continue
        for target in targets(small_pages, here):
            path, _, fragment = target.partition("#")
            if path in statements and fragment:
                n = int(fragment.removeprefix("s"))
                assert 1 <= n <= len(statements[path].sentences), target
                anchored += 1
    assert anchored > 12 * 3


def test_speakers_collect_claims_across_statements_and_split_pages(small_pages):
    speakers = [p for p in small_pages if p.startswith("speakers/")]
    assert len(speakers) > 1
    text = "".join(small_pages[p] for p in speakers)
    assert len(re.findall(r"^<li>.*تحذير <bdi dir=\"ltr\">\d+</bdi></li>$", text, re.M)) == 12 and "سامي الحربي" in text
    soup = to_html(small_pages["speakers/index.md"])
    assert soup.find("svg", attrs={"role": "img"}) and soup.find("table")


def test_a_one_word_speaker_is_kept_apart_per_statement_a_full_name_is_not():
    one, two = (dataclasses.replace(full_statement(slug), meta=Meta(title=slug)) for slug in ("a", "b"))
    assert indexes.speaker_key(one, Speaker("البيان", "البيان", True)) == "البيان (a)"
    assert indexes.speaker_key(one, Speaker("البيان", "البيان", True)) != indexes.speaker_key(two, Speaker("البيان", "البيان", True))
    assert indexes.speaker_key(one, Speaker("الحربي", "سامي الحربي", True)) == "سامي الحربي"


def test_each_of_coordinated_speakers_has_the_claim_in_the_speakers_index(templates_dir):
    st = full_statement()
    pair = Speaker("الوزيران سامي الحربي وناصر العلي", "سامي الحربي", True,
                   co_speakers=(Speaker("ناصر العلي", "ناصر العلي", True),))
    claim = Claim("c9", 2, "قالا", "said", "assert", pair, "الاتفاق قريب")
    pages = render_pages([dataclasses.replace(st, claims=(claim,))], SITE, templates_dir).pages
    text = "".join(page for path, page in pages.items() if path.startswith("speakers/"))
    headings = re.findall(r"^## (.+?) \{", text, re.M)
    assert text.count("الاتفاق قريب") == 2 and [h for h in headings if "العلي" in h or "الحربي" in h] == [
        "سامي الحربي", "ناصر العلي"]


def test_a_name_without_its_lineage_is_the_one_person_whose_name_has_it(templates_dir):
    """Across statements «سامي الحربي» is «سامي بن فهد الحربي», one entry; a shorter name that
    two people with their lineage share stays apart from both."""
    assert indexes.without_lineage("سامي بن عبد الله الحربي") == "سامي الحربي"
    assert indexes.fuller_names(["سامي الحربي", "سامي بن فهد الحربي", "ناصر آل علي", "ناصر بن خالد آل علي",
                                 "ناصر بن سعد آل علي", "فهد بن سامي"]) == {"سامي الحربي": "سامي بن فهد الحربي"}
    st = full_statement()
    said = [Claim(f"c{n}", 2, "قال", "said", "assert", Speaker(name, name, True), f"القول {said}")
            for n, (name, said) in enumerate((("سامي الحربي", "الأول"), ("سامي بن فهد الحربي", "الثاني"), ("فهد", "الثالث")), 1)]
    pages = render_pages([dataclasses.replace(st, slug=f"s{n}", claims=(claim,)) for n, claim in enumerate(said)],
                         SITE, templates_dir).pages
    text = "".join(page for path, page in pages.items() if path.startswith("speakers/"))
    headings = re.findall(r"^## (.+?) \{", text, re.M)
    assert "سامي بن فهد الحربي" in headings and "سامي الحربي" not in headings
    assert text.count("القول الأول") == text.count("القول الثاني") == 1


def test_entities_show_co_mentions(small_pages):
    assert "يُذكر معه" in small_pages["entities/index.md"]
    co = [t for t in targets(small_pages, "entities/index.md") if "#en" in t]
    assert co and all(t.partition("#")[0] in small_pages and t.startswith("entities/") for t in co)


def test_navigation_keeps_only_top_level_pages(small_pages):
    in_navigation = sorted(p for p in small_pages if in_nav(p))
    assert in_navigation == ["acts/index.md", "archive/index.md", "entities/index.md", "index.md",
                             "pillars/index.md", "reference.md", "sources/index.md", "speakers/index.md"]


def test_hostile_text_stays_text_in_every_index(templates_dir):
    pages = render_pages([hostile_statement()], SITE, templates_dir).pages
    for path, text in pages.items():
        if path.startswith("statements/") or path == "reference.md":
            continue
        soup = to_html(text)
        assert not soup.find_all(["script", "img", "em", "code", "blockquote"]), path
        assert not soup.find_all(onclick=True), path
        assert all(not a["href"].startswith("javascript") for a in soup.find_all("a")), path


def hostile_bars(title, desc, series):
    return bars(title, desc, [(HOSTILE, (3, 1)), ("الوزير 2", (0, 2))], series)


def hostile_timeline(title, desc, series):
    return timeline(title, desc, [("2018-01", (3, 1)), ("2018-04", (0, 2))], series,
                    name=lambda month: HOSTILE if month == "2018-01" else month)


@pytest.mark.parametrize("make", [hostile_bars, hostile_timeline])
def test_charts_are_accessible_well_formed_svg_with_escaped_text(make):
    chart = make("عنوان <b>&", "وصف", ["تأكيد", "<i>"])
    root = ET.fromstring(chart.svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img" and root.get("aria-label") == "عنوان <b>&"
    assert root.find(f"{SVG}title").text == "عنوان <b>&" and root.find(f"{SVG}desc").text == "وصف"
    assert root.get("direction") == "rtl"
    texts = [t.text for t in root.iter(f"{SVG}text")] + [t.text for t in root.iter(f"{SVG}title")]
    assert any(HOSTILE in (t or "") for t in texts) and "<i>" in texts
    assert not [e for e in root.iter() if e.tag.endswith(("script", "foreignObject"))]
    assert "http" not in chart.svg.replace("http://www.w3.org/2000/svg", "")


@pytest.mark.parametrize("make", [hostile_bars, hostile_timeline])
def test_chart_text_keeps_its_size_at_any_width(make):
    """No viewBox: the drawing is as wide as the column, its text at 13 px on a phone as on a
    desktop; horizontal positions are shares of the width, and the height is pixels."""
    root = ET.fromstring(make("عنوان", "وصف", ["تأكيد", "نفي"]).svg)
    assert root.get("viewBox") is None and root.get("width") == "100%" and root.get("font-size") == "13"
    assert int(root.get("height")) > 0
    rects = [r for r in root.iter(f"{SVG}rect") if "transform" not in r.attrib]  # the legend's keys are pixels
    assert rects and all(r.get("x").endswith("%") and r.get("width").endswith("%") for r in rects)
    assert not [t for t in root.iter(f"{SVG}text") if t.get("font-size")]



def tied_corpus() -> list:
    """70 statements naming the same five entities: every co-mention count is a tie."""
    return [dataclasses.replace(st, entities=st.entities + tuple(
        dataclasses.replace(st.entities[0], text=name, canonical=name) for name in ("قطر", "عمان", "مصر")))
        for st in corpus(70)]


def digest_of_pages() -> str:
    return hashlib.sha256(marshal.dumps(render_pages(tied_corpus(), SITE, ROOT / "templates").pages)).hexdigest()


def test_pages_are_the_same_in_any_process_and_with_any_hash_seed(templates_dir):
    """Rendered in forked processes or here, and in runs with other string hashes (the order of
    sets), the pages do not change: co-mentions tied on count keep one order."""
    here = render_pages(tied_corpus(), SITE, templates_dir).pages
    assert render_pages(tied_corpus(), SITE, templates_dir, jobs=2).pages == here
    script = ("import sys; sys.path[:0] = ['tests', '.']; import test_site_indexes; "
              "print(test_site_indexes.digest_of_pages())")
    digests = {subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed}, cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout for seed in ("1", "2", "3")}
    assert len(digests) == 1


def test_a_long_bar_label_is_cut_and_kept_whole_in_its_title():
    name = "وزراء خارجية دول التحالف الدولي ضد تنظيم داعش الإرهابي في الكويت"
    root = ET.fromstring(bars("القائلون", "وصف", [(name, (9,)), ("البيان", (2,))]).svg)
    labels = [t for t in root.iter(f"{SVG}text") if t.find(f"{SVG}title") is not None]
    assert [t.find(f"{SVG}title").text for t in labels] == [name, "البيان"]
    assert labels[0].text.endswith("…") and len(labels[0].text) <= LABEL_CHARS and labels[1].text == "البيان"
    totals = [t for t in root.iter(f"{SVG}text") if t.text in ("9", "2")]
    assert {t.get("text-anchor") for t in totals} == {"end"}  # drawn left of the bar, not over it


def test_a_timeline_shows_the_months_between_as_gaps():
    """2015-07, 2015-08, 2018-02 and 2023-05: a slot for every month between, so that the
    years without statements show as empty axis, not as four adjacent columns."""
    rows = [("2015-07", (2,)), ("2015-08", (1,)), ("2018-02", (4,)), ("2023-05", (1,))]
    root = ET.fromstring(timeline("البيانات", "وصف", rows).svg)
    columns = [r for r in root.iter(f"{SVG}rect")]
    assert len(columns) == 4
    x = [float(r.get("x").rstrip("%")) for r in columns]
    slot = (x[0] - x[1])  # two adjacent months
    assert slot > 0 and round((x[1] - x[2]) / slot) == month_span("2015-08", "2018-02").__len__() - 1
    assert round((x[2] - x[3]) / slot) == len(month_span("2018-02", "2023-05")) - 1
    years = [t.text for t in root.iter(f"{SVG}text") if t.text and t.text.isdigit() and len(t.text) == 4]
    assert years[0] == "2015" and years[-1] == "2023" and years == sorted(years)
    assert len(years) <= 320 // 44  # as many as fit on a phone without crowding


def test_a_short_timeline_names_its_months_and_a_single_month_is_no_wall():
    rows = [(f"2018-{m:02d}", (m,)) for m in range(1, 13)]
    root = ET.fromstring(timeline("أفعال القول", "وصف", rows, name=lambda m: f"شهر {int(m[5:])}").svg)
    labels = [t.text for t in root.iter(f"{SVG}text") if t.text and t.text.startswith("شهر")]
    assert labels == ["شهر 1", "شهر 4", "شهر 7", "شهر 10"]  # four names fit in 320 px
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "middle" and t.text.isdigit()] == \
        [str(m) for m in range(1, 13)]  # each month's total above its column
    one = ET.fromstring(timeline("أفعال القول", "وصف", [("2018-02", (3,))]).svg)
    assert float(one.find(f"{SVG}rect").get("width").rstrip("%")) <= 8.4  # 70% of a 12% slot


def test_month_span_crosses_years():
    assert month_span("2017-11", "2018-02") == ["2017-11", "2017-12", "2018-01", "2018-02"]
    assert month_span("2018-02", "2018-02") == ["2018-02"]


def test_legends_name_only_the_acts_that_occur_and_each_table_is_shown_once(small_pages):
    """The corpus has claims of three acts: the charts' legends name those three, not every act
    Bayan knows; the archive and acts pages show their table once (the chart without its own)."""
    act_names = vocabulary("act").names["ar"]
    names = {act_names[a] for a in ("assert", "announce", "warn")}
    for path in ("speakers/index.md", "acts/index.md"):
        svg = ET.fromstring(to_html(small_pages[path]).find("svg").decode())
        legend = {t.text for t in svg.iter(f"{SVG}text")} & set(act_names.values())
        assert legend == names, path
    for path in ("archive/index.md", "acts/index.md"):
        assert len(to_html(small_pages[path]).find_all("table")) == 1, path
    acts = to_html(small_pages["acts/index.md"]).table
    assert [th.get_text() for th in acts.find_all("th")] == ["الشهر", "الأقوال", "حسب الفعل"]
    first = acts.tbody.find("tr").find_all("td")  # March 2018: four statements, four claims each
    assert first[1].get_text() == "16" and all(name in first[2].get_text() for name in names)


def test_index_pages_count_in_arabic_number_agreement(templates_dir):
    """«4 قائلين», «كيانان», «بيان واحد»: each count with the form its number takes."""
    pages = render_pages(corpus(2), SITE, templates_dir).pages
    text = {path: to_html(pages[path]).get_text() for path in
            ("speakers/index.md", "entities/index.md", "archive/2018-01/index.md", "pillars/index.md")}
    assert "4 قائلين، الأكثر أقوالًا أولًا." in text["speakers/index.md"]
    assert "كيانان، الأكثر ذكرًا أولًا." in text["entities/index.md"] and "يذكره بيانان" in text["entities/index.md"]
    assert "بيان واحد." in text["archive/2018-01/index.md"]
    assert "يعلن ركائز أو يعددها بيانان." in text["pillars/index.md"]
    assert "لا قائلين." in to_html(render_pages([], SITE, templates_dir).pages["speakers/index.md"]).get_text()


def test_an_act_page_is_titled_by_the_act_label_not_its_code(templates_dir):
    heading = to_html(render_pages(corpus(2), SITE, templates_dir).pages["acts/assert/index.md"]).h1
    assert heading.get_text(" ", strip=True) == "قول"


def test_one_outlet_however_written_is_one_entry_of_the_sources_index(tmp_path, templates_dir):
    folder = tmp_path / "content" / "statements"
    folder.mkdir(parents=True)
    for n, source in enumerate(["was", "واس", "وكالة الأنباء السعودية", "3alyoum"]):
        (folder / f"s{n}.md").write_text(f"---\ntitle: بيان {n}\nsource: {source}\n---\nأكد الوزير أهمية التعاون.\n",
                                         encoding="utf-8")
    statements, _ = load_content(tmp_path / "content")
    rows = to_html(render_pages(statements, SITE, templates_dir).pages["sources/index.md"]).tbody.find_all("tr")
    assert [[td.get_text() for td in tr.find_all("td")] for tr in rows] == [
        ["وكالة الأنباء السعودية", "3"], ["صحيفة عين اليوم", "1"]]


def speakers_bars(rows, series, language):
    return bars("Speakers", "desc", rows, series, language=language)


def speakers_timeline(rows, series, language):
    return timeline("Speakers", "desc", [("2018-01", rows[0][1]), ("2018-03", rows[1][1])], series,
                    name=lambda month: rows[0][0] if month == "2018-01" else rows[1][0], language=language)


def percent(value: str) -> float:
    return float(value.rstrip("%"))


@pytest.mark.parametrize("make", [speakers_bars, speakers_timeline])
def test_an_english_chart_is_the_mirror_image_and_marks_arabic_labels(make):
    rows = [("John Kerry", (3, 1)), ("سالم العتيبي", (0, 2))]
    rtl, ltr = (ET.fromstring(make(rows, ["assertion", "call"], lang).svg) for lang in ("ar", "en"))
    assert (rtl.get("direction"), ltr.get("direction")) == ("rtl", "ltr")
    drawn = [(r, l) for r, l in zip(rtl.iter(f"{SVG}rect"), ltr.iter(f"{SVG}rect")) if "transform" not in r.attrib]
    assert drawn
    for right, left in drawn:  # the bars and columns, in % of the width
        assert percent(left.get("x")) == pytest.approx(100 - percent(right.get("x")) - percent(right.get("width")),
                                                       abs=0.02)
    keys = [(r, l) for r, l in zip(rtl.iter(f"{SVG}rect"), ltr.iter(f"{SVG}rect")) if "transform" in r.attrib]
    assert [(r.get("x"), l.get("x")) for r, l in keys] == [("100.00%", "0.00%")] * 2  # the legend from each reading edge
    marked = {t.get("lang") for t in ltr.iter(f"{SVG}text") if (t.text or "").startswith(("سالم", "John"))}
    assert marked == {"ar", None}
    assert {t.get("lang") for t in rtl.iter(f"{SVG}text") if (t.text or "").startswith(("سالم", "John"))} == {"en", None}


def english_pages(templates_dir) -> dict[str, str]:
    return render_pages(corpus(), SITE, templates_dir, language="en").pages


def test_english_indexes_name_things_in_english_and_mark_the_arabic(templates_dir):
    pages = english_pages(templates_dir)
    speakers, entities = to_html(pages["speakers/index.md"]), to_html(pages["entities/index.md"])
    assert speakers.h1.get_text() == "Speakers" and entities.h1.get_text() == "Entities"
    assert "the Coalition foreign ministers" in [h.get_text() for h in speakers.find_all("h2")]
    unnamed = [h for h in speakers.find_all("h2") if h.find(lang="ar")]  # no English name: the Arabic, marked
    assert unnamed and all(h.find(lang="ar")["dir"] == "rtl" for h in unnamed)
    assert {"Daesh", "Kuwait"} <= {h.get_text() for h in entities.find_all("h2")}
    archive = to_html(pages["archive/index.md"])
    assert archive.h1.get_text() == "Archive by month" and "March 2018" in archive.get_text()
    sources = to_html(pages["sources/index.md"])
    assert "Ministry of Foreign Affairs" not in sources.get_text()  # hand-built statements: no source_en
    assert all(a.find(lang="ar") for a in sources.table.find_all("a"))  # the Arabic source names, marked
    act = to_html(pages["acts/warn/index.md"])
    assert act.h1.get_text() == "warning" and "said" in act.get_text()


def test_an_entity_with_no_english_name_is_named_in_arabic_and_linked_to_in_english(templates_dir):
    """Its heading is its Arabic name, marked, with the anchor the «Named with» links point to;
    the statement page says it has no English name."""
    st = full_statement()
    unnamed = Entity("هيئة الموانئ الجديدة", "هيئة الموانئ الجديدة", "", "ORG", (1,))
    st = dataclasses.replace(st, entities=(*st.entities, unnamed))
    pages = render_pages([st], SITE, templates_dir, language="en").pages
    entities = to_html(pages["entities/index.md"])
    heading = next(h for h in entities.find_all("h2") if "هيئة الموانئ الجديدة" in h.get_text())
    assert heading.get_text().strip() == "هيئة الموانئ الجديدة" and heading.find(lang="ar")["dir"] == "rtl"
    anchors = {h.get("id") for h in entities.find_all("h2")}
    links = [a for a in entities.find_all("a") if "هيئة الموانئ الجديدة" in a.get_text()]
    assert links and all(a["href"].split("#")[1] in anchors for a in links if a["href"].startswith("#"))
    assert all(h.get_text().strip() for h in entities.find_all("h2"))  # no heading left empty
    statement = to_html(pages[f"statements/{st.slug}.md"])
    row = next(tr for tr in statement.find_all("tr") if "هيئة الموانئ الجديدة" in tr.get_text())
    assert "(no English name)" in row.td.get_text()


def test_the_navigation_puts_each_index_first_page_in_place_of_its_folder():
    def page(src_uri: str, home: bool = False) -> Item:
        return Item(file=Item(src_uri=src_uri), is_homepage=home, parent="section", children=None)

    speakers, acts, about, home = page("speakers/index.md"), page("acts/index.md"), page("about.md"), page("index.md", True)
    items = [home, about, Item(title="Acts", children=[acts]), Item(title="Speakers", children=[speakers]),
             Item(title="Notes", children=[page("notes/a.md")])]
    top = indexes.top_level(items)
    assert top[:4] == [home, speakers, acts, about] and top[4].title == "Notes"
    assert speakers.parent is None


def test_an_english_speakers_index_qualifies_a_speaker_with_no_english_name_by_the_english_title(templates_dir):
    st = full_statement()
    st = dataclasses.replace(st, meta=dataclasses.replace(st.meta, title_en="Ministers meet"), claims=(
        Claim("c9", 2, "قال", "said", "assert", Speaker("المجتمعون", "المجتمعون", True), "الاتفاق قريب"),))
    speakers = to_html(render_pages([st], SITE, templates_dir, language="en").pages["speakers/index.md"])
    heading = next(h for h in speakers.find_all("h2") if "المجتمعون" in h.get_text())
    row = next(tr for tr in speakers.table.find_all("tr") if "المجتمعون" in tr.get_text())
    for shown in (heading, row.td):
        assert shown.get_text().strip() == "المجتمعون (Ministers meet)"
        assert shown.find(lang="ar").get_text() == "المجتمعون"  # only the Arabic name is marked Arabic
    label = next(t for t in speakers.find("svg").find_all("text") if "المجتمعون" in t.get_text())
    assert label.find(string=True) == "المجتمعون (Ministers meet)"
