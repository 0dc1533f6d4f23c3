"""Each site reads in its language: a built site of 200 generated statements (tests/corpus.py),
every page of both languages read. The English mirror: at most 5% of the letters outside elements
marked lang="ar" (the quoted originals, names with no English) are Arabic. The Arabic site: its
interface (navigation, titles, labels, notes) is Arabic, and at most 5% of the letters outside
elements marked lang="en" and code are Latin."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import make_project
from corpus import write_corpus
from mkdocs.commands.build import build
from mkdocs.config import load_config

ARABIC = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
MOST = 0.05
# What the reader of an Arabic page meets as its interface.
INTERFACE = ("nav.md-nav--primary .md-nav__link", ".md-header__topic", "article h1", "article h2", "article h3",
             "article th", "article dt", "article summary", "article figcaption", ".bayan-label",
             ".bayan-meta-line", "table.bayan-findings td", "details.bayan-findings td", ".bayan-pager")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("languages"))
    write_corpus(root / "content" / "statements")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BAYAN_JOBS", "2")
        for config in ("mkdocs.yml", "mkdocs.en.yml"):  # the Arabic site, then its English mirror in site/en/
            build(load_config(str(root / config), strict=True))
    return root / "site"


def pages(site: Path, language: str) -> list[Path]:
    root = site / "en" if language == "en" else site
    return sorted(p for p in root.rglob("*.html") if language == "en" or p.relative_to(site).parts[0] != "en")


def outside(element: BeautifulSoup, lang: str) -> BeautifulSoup:
    """The element without its scripts, styles and the parts marked `lang` (and code, which is
    neither language)."""
    for part in element.find_all(["script", "style", "code"]) + element.find_all(attrs={"lang": lang}):
        part.decompose()
    return element


def share(text: str, foreign: re.Pattern[str]) -> float:
    arabic, latin = len(ARABIC.findall(text)), len(LATIN.findall(text))
    return len(foreign.findall(text)) / max(1, arabic + latin)


def body(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").body


def test_the_generated_site_is_large_and_varied(site):
    assert len(list((site / "statements").iterdir())) == 200
    assert len(list((site / "speakers").glob("*/index.html"))) >= 1 and (site / "en" / "acts" / "index.html").is_file()
    english = (site / "en" / "speakers" / "index.html").read_text(encoding="utf-8")
    assert "Ministry of Foreign Affairs" in english and 'lang="ar"' in english  # known names, and unknown ones


def test_every_page_of_the_english_mirror_reads_as_english(site):
    shares = {page: share(outside(body(page), "ar").get_text(" "), ARABIC) for page in pages(site, "en")}
    worst = max(shares, key=shares.get)
    print(f"\nEnglish mirror: {len(shares)} pages, Arabic letters outside lang=ar: "
          f"mean {sum(shares.values()) / len(shares):.2%}, most {shares[worst]:.2%} ({worst.relative_to(site)})")
    assert len(shares) > 100
    assert {str(p.relative_to(site)): s for p, s in shares.items() if s > MOST} == {}


def test_the_english_mirror_is_left_to_right_its_arabic_right_to_left(site):
    for page in pages(site, "en"):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert (html.html["lang"], html.html["dir"]) == ("en", "ltr"), page
        marked = [el for el in html.select("article [lang=ar]") if not el.find_parent("svg")]  # SVG: `direction`
        assert marked == [el for el in marked if el.get("dir") == "rtl"], page


def test_every_arabic_page_has_an_arabic_interface(site):
    shares, latin = {}, []
    for page in pages(site, "ar"):
        html = body(page)
        for element in html.select(", ".join(INTERFACE)):
            text = outside(element, "en").get_text(" ")
            if LATIN.search(text):
                latin.append(f"{page.relative_to(site)}: {' '.join(text.split())[:80]}")
        shares[page] = share(outside(html, "en").get_text(" "), LATIN)
    worst = max(shares, key=shares.get)
    print(f"\nArabic site: {len(shares)} pages, Latin letters outside lang=en and code: "
          f"mean {sum(shares.values()) / len(shares):.2%}, most {shares[worst]:.2%} ({worst.relative_to(site)})")
    assert latin == []
    assert {str(p.relative_to(site)): s for p, s in shares.items() if s > MOST} == {}


def test_the_navigation_names_the_indexes_in_the_page_language(site):
    top = "nav.md-nav--primary > ul > li > a.md-nav__link"
    titles = [" ".join(a.get_text().split()) for a in body(site / "index.html").select(top)]
    assert titles[:7] == ["الرئيسية", "الأرشيف حسب الشهر", "المصادر", "القائلون", "الكيانات", "الركائز",
                          "أفعال القول عبر الزمن"]
    english = [" ".join(a.get_text().split()) for a in body(site / "en" / "index.html").select(top)]
    assert english[:7] == ["Home", "Archive by month", "Sources", "Speakers", "Entities", "Pillars",
                           "Reporting acts over time"]


HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"')
ID = re.compile(r'\sid="([^"]*)"')


def test_every_link_leads_to_a_page_of_the_site_and_its_anchor(site):
    """Links written in the templates' HTML (the pager, the index lists, the tables) are site
    URLs like those of Markdown links: none is left pointing at a `.md` source."""
    html = {page: page.read_text(encoding="utf-8") for page in site.rglob("*.html")}
    ids = {page: {unescape(i) for i in ID.findall(text)} for page, text in html.items()}
    broken, links, pagers = [], 0, 0
    for page, text in html.items():
        if page.name == "404.html":  # served at any depth: its links start at the site's root
            continue
        pagers += 'class="bayan-pager"' in text
        for href in map(unescape, HREF.findall(text)):
            if urlsplit(href).scheme or href.startswith(("//", "mailto:")):
                continue
            path, _, anchor = href.partition("#")
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            links += 1
            if target not in html and not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif anchor and target in ids and anchor not in ids[target]:
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert pagers > 10 and links > 10_000
    assert broken == []
