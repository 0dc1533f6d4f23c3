"""The English mirror: built after the Arabic site into site/en/, each page linked to its twin."""
from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import make_project
from test_site_plugin import HOSTILE, build

TRANSLATED = """\
---
title: بيان وزاري
title_en: Ministerial statement
date: 2018-02-13
source: وكالة الأنباء الكويتية
---
أكد وزير الخارجية أن 25 جنديا قتلوا في الكويت.
وقال الوزير إن الحل سياسي.
ودعا مجلس الأمن إلى التحرك.
"""
TRANSLATED_EN = """\
The foreign minister affirmed that 25 soldiers were killed in Kuwait.

[3] He called on the Security Council to act.
"""
GLOSSARY = "terms:\n  - {ar: [وزير الخارجية], en: the Foreign Minister}\n"
PAGE = "statements/translated/index.html"


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("mirror"))
    statements = root / "content" / "statements"
    (statements / "translated.md").write_text(TRANSLATED, encoding="utf-8")
    (statements / "translated.en.md").write_text(TRANSLATED_EN, encoding="utf-8")
    (statements / "pending.md").write_text("---\ntitle: بيان بلا ترجمة\n---\nأكد الوزير أهمية الحوار.\n", encoding="utf-8")
    (statements / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    (root / "content" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    result = build(root, "--strict")  # the Arabic site builds its mirror into en/
    assert result.returncode == 0, result.stderr
    return root / "site"


def switch(page: BeautifulSoup) -> dict[str, str]:
    return {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")}


def test_both_sites_are_built(site):
    assert (site / PAGE).is_file() and (site / "en" / PAGE).is_file()
    assert (site / "en" / "about" / "index.html").is_file() and not (site / "en" / "en").exists()


@pytest.mark.parametrize("path", ["index.html", PAGE, "about/index.html", "reference/index.html"])
def test_language_switch_leads_to_the_twin_page(site, path):
    depth = path.count("/")
    arabic, english = soup(site, path), soup(site / "en", path)
    twin = path.removesuffix("index.html")
    assert posixpath.normpath(switch(arabic)["en"]) == posixpath.normpath("../" * depth + "en/" + twin)
    assert posixpath.normpath(switch(english)["ar"]) == posixpath.normpath("../" * (depth + 1) + twin)
    assert (site / "en" / path).resolve() == (site / path).parent.joinpath(switch(arabic)["en"], "index.html").resolve()
    assert (site / path).resolve() == (site / "en" / path).parent.joinpath(switch(english)["ar"], "index.html").resolve()


def test_no_page_shows_markdown_syntax_as_text(site):
    """An attribute list ({: .class }) that did not attach to its block would show as text."""
    for page in site.rglob("*.html"):
        text = soup(site, str(page.relative_to(site))).get_text()
        assert "{: " not in text and "{ #" not in text, page


def test_mirror_is_english_left_to_right_with_arabic_quotes(site):
    page = soup(site / "en", PAGE)
    assert (page.html["lang"], page.html["dir"]) == ("en", "ltr")
    assert (soup(site, PAGE).html["lang"], soup(site, PAGE).html["dir"]) == ("ar", "rtl")
    article = page.article
    assert article.h1.get_text(strip=True).startswith("Ministerial statement")
    quotes = article.select("[lang=ar]")
    assert quotes and all(q["dir"] == "rtl" for q in quotes)
    assert "بيان وزاري" in article.select_one(".bayan-title-ar").get_text()
    assert {h.get_text(strip=True).rstrip("¶") for h in article.find_all("h2")} >= {"Claims", "Entities", "Full text"}


def test_mirror_claims_and_entities_are_in_english(site):
    article = soup(site / "en", PAGE).article
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in article.find("table").find_all("tr")[1:]]
    assert rows[0][1] == "the Foreign Minister"  # from content/glossary.yml
    assert rows[0][2].startswith("affirmed") and rows[0][3] == "affirmation"
    assert rows[0][4].startswith("The foreign minister affirmed")
    assert "translation pending" in rows[1][4]  # sentence 2 has no English: the Arabic, marked
    assert "UN Security Council" in article.get_text() and "Kuwait" in article.get_text()


def test_mirror_text_marks_pending_sentences_and_never_guesses(site):
    article = soup(site / "en", PAGE).article
    assert "Translation pending" in article.find(id="s2").get_text()
    assert article.find(id="s3").find(class_="bayan-ar")["lang"] == "ar"
    pending = soup(site / "en", "statements/pending/index.html").article
    assert "no English translation yet" in pending.get_text()
    assert not pending.select(".bayan-en")  # said once, not on every sentence: the Arabic alone
    assert pending.find(id="s1").find(class_="bayan-ar").find(class_="bayan-n").get_text() == "1"


def test_editor_sees_the_translation_findings(site):
    notes = soup(site / "en", PAGE).article.find(class_="bayan-findings").get_text()
    assert "translation/missing" in notes and "translated.en.md" in notes


def test_mirror_keeps_hostile_text_inert(site):
    page = soup(site / "en", "statements/hostile/index.html")
    assert not [s for s in page.find_all("script") if "alert" in s.get_text()]
    assert not page.article.find_all(["img", "strong"])
    assert "<script>alert(1)</script>" in page.article.get_text()


def test_mirror_overview_keeps_speakers_apart(site):
    who = " ".join(soup(site, "en/" + PAGE).find(class_="bayan-overview").li.get_text().split())
    assert who.startswith("Who spoke:") and "); " in who and ");" not in who.replace("); ", "")
