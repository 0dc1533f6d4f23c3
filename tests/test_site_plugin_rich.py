"""A built page with every part of the model filled: the analysis is replaced by hand-built
statements so that the page does not depend on how far the analysis stages have come."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import full_statement, hostile_statement, make_project
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

import generator.analysis
from generator.analysis import Settings
from generator.model import Source, Statement


def hand_built(source: Source, settings: Settings) -> Statement:
    statement = hostile_statement if source.slug == "hostile" else full_statement
    return dataclasses.replace(statement(source.slug), path=source.path)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("rich"))
    for slug in ("full", "hostile"):
        (root / "content" / "statements" / f"{slug}.txt").write_text("نص عربي.\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(generator.analysis, "analyze", hand_built)
        build(load_config(str(root / "mkdocs.yml"), strict=True))
    return root / "site"


def article(site: Path, slug: str) -> BeautifulSoup:
    html = (site / "statements" / slug / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").article


def test_claims_table(site):
    table = article(site, "full").find(id="claims").find_next("table")
    assert [th.get_text() for th in table.find_all("th")] == ["الجملة", "القائل", "فعل القول", "نوعه", "المضمون"]
    rows = table.tbody.find_all("tr")
    assert len(rows) == 3 and rows[0].find("a", href="#s1")
    gloss = rows[0].find(lang="en", string="affirmed")
    assert gloss and gloss["dir"] == "ltr"


def test_every_section(site):
    soup = article(site, "full")
    assert [h["id"] for h in soup.find_all("h2")] == ["summary", "pillars", "claims", "entities",
                                                      "figures", "text"]
    summary = soup.find(class_="bayan-summary")  # its sentences by their first words, written out in the text
    assert [a["href"] for a in summary.find_all("a", class_="bayan-quote")] == ["#s1", "#s3"]
    assert "Kuwait" in soup.find(id="entities").find_next("table").get_text()


def test_parallel_text(site):
    soup = article(site, "full")
    english = soup.find(id="s1").find(class_="bayan-en")
    assert (english["lang"], english["dir"]) == ("en", "ltr")
    assert english.get_text() == "The ministers affirmed the Coalition's resolve."
    assert "الترجمة غير متوفرة" in soup.find(id="s2").get_text()
    assert "+2.0%" in [b.get_text() for b in soup.find(id="s2").find_all("bdi")]


def test_hostile_fields_stay_text(site):
    soup = article(site, "hostile")
    assert not soup.find_all(["script", "img", "strong"]) and not soup.find_all(onclick=True)
    assert all(not a["href"].startswith("javascript") for a in soup.find_all("a", href=True))
    assert len(soup.find_all("h1")) == 1 and "<script>alert(1)</script>" in soup.h1.get_text()
    for table in soup.find_all("table"):  # pipes in the text add no columns
        assert {len(tr.find_all(["td", "th"])) for tr in table.find_all("tr")} == {len(table.find_all("th"))}


def test_template_error_names_file_and_line(tmp_path, caplog):
    root = make_project(tmp_path)
    (root / "content" / "statements" / "one.txt").write_text("نص عربي.\n", encoding="utf-8")
    (root / "templates" / "partials").mkdir()
    (root / "templates" / "partials" / "figures.md.j2").write_text("\n{% if %}\n", encoding="utf-8")
    with pytest.raises(Abort):
        build(load_config(str(root / "mkdocs.yml"), strict=True))
    assert re.search(r"partials/figures\.md\.j2:2: error: template:", caplog.text)


def test_an_unknown_template_shows_its_error_in_the_page_and_fails_strict(tmp_path, caplog):
    root = make_project(tmp_path)
    statements = root / "content" / "statements"
    (statements / "one.txt").write_text("نص عربي.\n", encoding="utf-8")
    (statements / "two.md").write_text("---\ntitle: بيان\ntemplate: nosuch\n---\nنص عربي.\n", encoding="utf-8")
    build(load_config(str(root / "mkdocs.yml")))
    assert re.search(r"WARNING.*content/statements/two\.md:3: error: template: unknown template 'nosuch'", caplog.text)
    assert len([r for r in caplog.records if r.levelname == "WARNING"]) == 1  # no dead link to it either
    assert (root / "site" / "statements" / "one" / "index.html").is_file()
    error = BeautifulSoup((root / "site" / "statements" / "two" / "index.html").read_text(encoding="utf-8"),
                          "html.parser").find("dl", role="alert")
    assert error.code.get_text() == "content/statements/two.md:3" and "nosuch" in error.get_text()
    with pytest.raises(Abort):
        build(load_config(str(root / "mkdocs.yml"), strict=True))


TYPO = "{{ statement.figures|length }}\n{{ <b>oops</b> }}\n"  # line 2: a syntax error, with markup in it


def test_a_template_typo_shows_in_the_pages_that_use_it_and_blanks_nothing_else(tmp_path):
    """`mkdocs build` (as `mkdocs serve` runs it) with a typo in a partial only the Arabic full
    statement page includes: that page shows the error (file, line, message, escaped); the
    `brief` page, the English mirror's page and the indexes listing every statement stay."""
    root = make_project(tmp_path)
    statements = root / "content" / "statements"
    (statements / "full.md").write_text("---\ntitle: بيان كامل\ndate: 2018-02-13\n---\nأكد الوزير أهمية الحوار.\n",
                                        encoding="utf-8")
    (statements / "brief.md").write_text("---\ntitle: موجز\ndate: 2018-02-12\ntemplate: brief\n---\n"
                                         "وقال الوزير إن الحل سياسي.\n", encoding="utf-8")
    (root / "templates" / "partials").mkdir(parents=True, exist_ok=True)
    (root / "templates" / "partials" / "figures.md.j2").write_text(TYPO, encoding="utf-8")
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        build(load_config(str(root / config)))
    site = root / "site"
    page = BeautifulSoup((site / "statements" / "full" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.article.h1.get_text(strip=True).startswith("خطأ في القالب")
    error = page.find("dl", role="alert")
    assert error.code.get_text() == "templates/partials/figures.md.j2:2"
    assert "unexpected '<'" in error.get_text() and not error.find("b")
    assert "content/statements/full.md" in error.get_text()
    assert 'role="alert"' not in (site / "statements" / "brief" / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "statements" / "full" / "index.html").read_text(encoding="utf-8")
    assert 'role="alert"' not in english  # the mirror's page has its own partial: untouched
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").article
    assert {a["href"] for a in home.find_all("a", href=True) if a["href"].startswith("statements/")} == {
        "statements/full/", "statements/brief/"}
    speakers = BeautifulSoup((site / "speakers" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert speakers.article.find("h2")  # the speakers are listed


def test_overview_keeps_speakers_apart(site):
    who = " ".join(article(site, "full").find(class_="bayan-overview").li.get_text().split())
    assert "؛ البيان" in who  # «…(1: …)؛ البيان (1: …)», not «…)؛البيان»
