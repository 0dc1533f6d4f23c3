"""The site as `mkdocs build` makes it from a temporary project, through the real pipeline."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import make_project

MKDOCS = [sys.executable, "-m", "mkdocs", "build"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

COALITION = """\
---
title: البيان الختامي للاجتماع الوزاري بنمو +2.0%
title_en: Final ministerial statement
date: 2018-02-13
source: وكالة الأنباء
url: https://example.org/statement
---
أكد وزراء الخارجية عزم التحالف على هزيمة داعش.
وقال البيان إن النمو بلغ +2.0% في عام 2017.
"""
COALITION_EN = "The foreign ministers affirmed the Coalition's resolve to defeat Daesh.\n"

HOSTILE_LINES = [
    "<script>alert(1)</script>", "| pipes |", "# heading", "[x](javascript:alert(1))",
    "**bold**", "<img src=x onerror=alert(1)>",
]
HOSTILE = "---\ntitle: '</title><script>alert(2)</script> **عنوان**'\n---\n" + "".join(
    f"{line} نص عربي.\n" for line in HOSTILE_LINES)

BROKEN = "---\ntitle: بيان\ndate: [2018\n---\nنص عربي.\n"


def build(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*MKDOCS, *args], cwd=root, capture_output=True, text=True, timeout=120, env=ENV)


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("project"))
    statements = root / "content" / "statements"
    (statements / "coalition.md").write_text(COALITION, encoding="utf-8")
    (statements / "coalition.en.md").write_text(COALITION_EN, encoding="utf-8")
    (statements / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def strict(project) -> tuple[subprocess.CompletedProcess, Path]:
    """A strict build of well-formed statements."""
    return build(project, "--strict"), project / "site"


@pytest.fixture(scope="module")
def broken(project, strict) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess, Path]:
    """The same project with a statement whose front matter is bad YAML: lax and strict builds."""
    (project / "content" / "statements" / "broken.md").write_text(BROKEN, encoding="utf-8")
    lax = build(project, "--site-dir", "site-lax")
    return lax, build(project, "--strict", "--site-dir", "site-strict"), project / "site-lax"


def test_strict_build_succeeds(strict):
    result, site = strict
    assert result.returncode == 0, result.stderr
    assert (site / "statements" / "coalition" / "index.html").is_file()


def test_pages_are_arabic_right_to_left(strict):
    for path in ["index.html", "statements/coalition/index.html", "about/index.html", "404.html"]:
        html = page(strict[1], path).html
        assert (html["lang"], html["dir"]) == ("ar", "rtl"), path


def test_statement_page(strict):
    soup = page(strict[1], "statements/coalition/index.html").article
    assert soup.h1.get_text(strip=True).startswith("البيان الختامي")
    assert soup.find("a", href="https://example.org/statement")
    for n in (1, 2):  # the English sentence, or «translation pending»: both in English blocks
        english = soup.find(id=f"s{n}").find(class_="bayan-en")
        assert (english["lang"], english["dir"]) == ("en", "ltr")
    assert "الترجمة غير متوفرة" in soup.find(id="s2").get_text()
    assert "+2.0%" in [b.get_text() for b in soup.h1.find_all("bdi")]


def test_home_page_links_every_statement(strict):
    soup = page(strict[1], "index.html").article
    hrefs = {a["href"] for a in soup.find_all("a", href=True)}
    assert {"statements/coalition/", "statements/hostile/"} <= hrefs


def test_hostile_text_is_visible_text(strict):
    whole = page(strict[1], "statements/hostile/index.html")
    assert "</title><script>alert(2)</script>" in whole.title.get_text()
    assert not [s for s in whole.find_all("script") if "alert" in s.get_text()]
    soup = whole.article
    assert not soup.find_all(["script", "img", "strong", "table"])
    assert all(not a["href"].lower().startswith("javascript") for a in soup.find_all("a", href=True))
    headings = [h.get_text() for h in soup.find_all(re.compile(r"^h\d$"))]
    assert "**عنوان**" in headings[0]
    assert not [h for h in headings[1:] if "heading" in h or "نص عربي" in h]  # only the template's own
    text = soup.get_text()
    for line in HOSTILE_LINES + ["<script>alert(2)</script>"]:
        assert line in text


def test_nothing_is_loaded_from_another_host(strict):
    site = strict[1]
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for el in soup.find_all(["script", "link", "img", "iframe", "source"]):
            url = el.get("src") or el.get("href") or ""
            assert not re.match(r"(https?:)?//", url), f"{html}: {el}"


def test_fonts_are_self_hosted(strict):
    css = strict[1] / "assets" / "css" / "bayan.css"
    urls = re.findall(r'url\("([^"]+)"\)', css.read_text(encoding="utf-8"))
    assert len(urls) == 4 and all((css.parent / url).is_file() for url in urls)
    assert (strict[1] / "assets" / "fonts" / "OFL.txt").is_file()


def test_each_language_has_its_search_index_and_material_none(strict):
    """Bayan's index (Pagefind's, in pagefind/) holds the statements and hand-written pages of
    its language, not the home page nor the index pages; Material's own index is left empty (nothing to load)."""
    for folder, language in ((strict[1], "ar"), (strict[1] / "en", "en")):
        entry = json.loads((folder / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        searchable = ["about/index.html", "reference/index.html",
                      "statements/coalition/index.html", "statements/hostile/index.html"]
        assert all((folder / page).is_file() for page in [*searchable, "index.html", "archive/index.html"])
        assert list(entry["languages"]) == [language] and entry["languages"][language]["page_count"] == len(searchable)
        assert (folder / "pagefind" / "pagefind.js").is_file() and not (folder / "pagefind" / "pagefind-ui.js").exists()
        assert json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []


def test_nothing_is_written_into_content(project, strict):
    files = {p.relative_to(project / "content").as_posix() for p in (project / "content").rglob("*")}
    assert files <= {"pages", "pages/about.md", "pages/en", "pages/en/about.md", "statements", "statements/coalition.md",
                     "statements/coalition.en.md", "statements/hostile.md", "statements/broken.md"}


def test_broken_statement_warns_with_file_and_line(broken):
    lax, _, site = broken
    assert lax.returncode == 0, lax.stderr
    assert re.search(r"WARNING .*content/statements/broken\.md:3: error: front-matter", lax.stderr)
    assert lax.stderr.count("broken.md:3: error: front-matter") == 1  # the English mirror does not repeat it
    for folder in (site, site / "en"):
        assert (folder / "statements" / "coalition" / "index.html").is_file()
        assert not (folder / "statements" / "broken").exists()


def test_broken_statement_fails_strict_build(broken):
    assert broken[1].returncode != 0


def media_print_rules(css: str) -> dict[str, str]:
    """The rules inside `@media print { … }`: selector → declarations."""
    start = css.index("{", css.index("@media print")) + 1
    depth, end = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(css[end], 0)
        end += 1
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css[start:end - 1], flags=re.S))
    return {sel.strip(): body for sels, body in rules for sel in sels.split(",")}


def test_print_stylesheet_hides_navigation(strict):
    site = strict[1]
    rules = media_print_rules((site / "assets" / "css" / "bayan.css").read_text(encoding="utf-8"))
    hidden = {sel for sel, body in rules.items() if re.search(r"display:\s*none", body)}
    assert {".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".headerlink"} <= hidden
    assert any("break-inside: avoid" in body for body in rules.values())
    assert "attr(href)" in rules['.md-typeset a[href^="http"]::after']
    links = page(site, "statements/coalition/index.html").find_all("link", rel="stylesheet")
    assert any(link["href"].endswith("assets/css/bayan.css") for link in links)


def test_template_reference_page(strict):
    site = strict[1]
    soup = page(site, "reference/index.html")
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    assert soup.article.find(id="model-claim") and soup.article.find(id="filters")
    assert "reference/" in {a["href"] for a in page(site, "index.html").select("nav a[href]")}


def with_summary_ratio(root: Path, ratio: str) -> Path:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - bayan:\n", f"  - bayan:\n      summary_ratio: {ratio}\n"), encoding="utf-8")
    return root


def test_the_summary_ratio_is_set_in_mkdocs_yml(tmp_path):
    whole, wrong = tmp_path / "whole", tmp_path / "wrong"
    for root, ratio in ((whole, "1.0"), (wrong, "1.5")):
        root.mkdir()
        with_summary_ratio(make_project(root), ratio)
        (root / "content" / "statements" / "coalition.md").write_text(COALITION, encoding="utf-8")
    assert build(whole, "--strict").returncode == 0
    summary = page(whole / "site", "statements/coalition/index.html").find(class_="bayan-summary").get_text()
    assert "أكد وزراء الخارجية" in summary and "وقال البيان" in summary  # the whole text at 1.0
    result = build(wrong)
    assert result.returncode != 0 and "'summary_ratio': a share of a statement's words" in result.stderr


def test_the_sites_pages_are_let_go_before_its_mirror_is_built():
    """MkDocs holds every page's Markdown and HTML until its build ends; the mirror is built
    before the site's build ends, so the site's written pages let go of theirs first."""
    from types import SimpleNamespace as Item

    from generator.site.plugin import release

    written = Item(page=Item(markdown="# بيان", content="<h1>بيان</h1>"), generated_by="bayan", _content="# بيان")
    asset = Item(page=None, generated_by=None, _content=None)
    release([written, asset])
    assert (written.page.markdown, written.page.content, written._content) == (None, None, None)
