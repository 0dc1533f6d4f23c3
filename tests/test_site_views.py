"""The structural summary: derived from the analysis, shown at the top of the page and in lists."""
from dataclasses import replace

from bs4 import BeautifulSoup
from markdown import Markdown

from generator.model import PillarItem, Pillars, Speaker
from generator.site.render import render_pages
from generator.site.views import PILLAR_WORDS, overview
from tests.conftest import empty_statement, full_statement

SITE = {"site_name": "بيان"}


def html(markdown_text: str) -> BeautifulSoup:
    converter = Markdown(extensions=["attr_list", "md_in_html", "tables", "toc"])
    return BeautifulSoup(converter.convert(markdown_text), "html.parser")


def test_overview_counts_speakers_acts_and_pillars():
    st = full_statement()
    o = overview(replace(st, figures=(st.figures[0], replace(st.figures[1], unit="pillar"))))
    assert o.claims == 3
    assert [(s.canonical, s.claims, s.acts) for s in o.speakers] == [
        ("وزراء خارجية دول التحالف", 1, (("assert", 1),)), ("البيان", 1, (("announce", 1),))]
    assert o.acts == (("assert", 2), ("announce", 1))
    assert o.announced == 4 and [p.n for p in o.pillars] == [1, 2]
    assert [f.text for f in o.figures] == ["+2.0%"]  # the pillar count is not a key figure
    assert o.entities[0].canonical == "الكويت"  # mentioned in the most sentences


def test_pillar_lines_are_cut_to_their_first_words():
    long = " ".join(f"كلمة{i}" for i in range(PILLAR_WORDS + 5))
    st = replace(full_statement(), pillars=Pillars(1, "ركائز", 1, (PillarItem(1, (1,), True, long),)))
    (line,) = overview(st).pillars
    assert line.cut and len(line.line.split()) == PILLAR_WORDS


def test_statement_page_opens_with_the_overview():
    pages = render_pages([full_statement()], SITE).pages
    soup = html(pages["statements/full.md"])
    items = soup.find("ul", class_="bayan-overview").find_all("li", recursive=False)
    text = [li.get_text(" ", strip=True) for li in items]
    assert text[0].startswith("من تحدث") and "وزراء خارجية دول التحالف" in text[0]
    assert "the Coalition foreign ministers" in text[0]
    assert text[1].startswith("الأقوال") and "3" in text[1] and "قول 2" in text[1]
    assert text[2].startswith("الركائز") and "الحشد والتنسيق" in text[2]


def test_home_page_lists_one_overview_line_per_statement():
    pages = render_pages([full_statement(), empty_statement()], SITE).pages
    lines = html(pages["index.md"]).find_all(class_="bayan-overview-line")
    assert len(lines) == 1 and "الأقوال 3" in lines[0].get_text(" ", strip=True)


def test_english_mirror_opens_with_the_overview_in_english():
    pages = render_pages([full_statement()], SITE, None, language="en").pages
    items = html(pages["statements/full.md"]).find("ul", class_="bayan-overview").find_all("li", recursive=False)
    text = [li.get_text(" ", strip=True) for li in items]
    assert text[0].startswith("Who spoke:") and "the Coalition foreign ministers" in text[0]
    assert "statement 2" in text[1] and "Daesh" in text[-1]
    line = html(pages["index.md"]).find(class_="bayan-overview-line").get_text(" ", strip=True)
    assert "3 claims" in line and "4 pillars" in line


def test_two_mentions_of_one_person_are_one_speaker_with_the_role():
    st = full_statement()
    named = Speaker("وزير المالية سامي الحربي", "سامي الحربي", True, role="وزير المالية")
    titled = Speaker("وزير المالية", "سامي الحربي", True, en="Sami Al-Harbi", role="وزير المالية")
    claims = (replace(st.claims[0], speaker=named), replace(st.claims[1], speaker=titled))
    (line,) = overview(replace(st, claims=claims)).speakers
    assert (line.canonical, line.claims, line.en, line.role) == ("سامي الحربي", 2, "Sami Al-Harbi", "وزير المالية")


def coordinated_statement():
    st = full_statement()
    pair = Speaker("وزير المالية سامي الحربي ونظيره ناصر العلي", "سامي الحربي", True, en="Sami Al-Harbi",
                   co_speakers=(Speaker("نظيره ناصر العلي", "ناصر العلي", True, role="نظيره"),))
    return replace(st, claims=(replace(st.claims[0], speaker=pair), *st.claims[1:]))


def test_each_of_coordinated_speakers_is_one_who_spoke():
    lines = overview(coordinated_statement()).speakers
    assert [(s.canonical, s.claims) for s in lines][:2] == [("سامي الحربي", 1), ("ناصر العلي", 1)]
    assert lines[1].role == "نظيره"


def test_the_claims_table_names_both_coordinated_speakers_in_each_language():
    st = coordinated_statement()
    arabic = html(render_pages([st], SITE).pages["statements/full.md"]).find("table").find_all("tr")[1]
    assert "سامي الحربي" in arabic.get_text() and "ناصر العلي" in arabic.get_text()
    english = html(render_pages([st], SITE, None, language="en").pages["statements/full.md"]).find("table")
    row = english.find_all("tr")[1].get_text(" ", strip=True)
    assert "Sami Al-Harbi and" in row and "ناصر العلي" in row and "(no English name)" in row
