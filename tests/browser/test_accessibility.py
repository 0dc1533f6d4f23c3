"""Accessibility basics on every built page: one h1, headings in order, tables with header
cells, `lang` wherever the language changes, links with a name. Static HTML, no browser."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ARABIC_WORD = re.compile(r"[\u0621-\u064A]{2,}")
NOT_TEXT = ["script", "style", "svg", "code", "pre", "kbd"]
HEADING = re.compile(r"^h[1-6]$")


@pytest.fixture(scope="module")
def pages(site_dir: Path) -> dict[str, BeautifulSoup]:
    return {p.relative_to(site_dir).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in sorted(site_dir.rglob("*.html"))}


def lang_of(element: Tag) -> str:
    """The language in effect at an element: its own `lang` or its nearest ancestor's."""
    while element is not None and not element.get("lang"):
        element = element.parent
    return element.get("lang", "") if element is not None else ""


def test_one_h1_and_headings_in_order(pages):
    for path, soup in pages.items():
        levels = [int(h.name[1]) for h in soup.body.find_all(HEADING)]
        assert levels.count(1) == 1 and levels[0] == 1, f"{path}: {levels}"
        skipped = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert not skipped, f"{path}: heading levels skip {skipped}"


def test_tables_have_header_cells(pages):
    tables = [(path, t) for path, soup in pages.items() for t in soup.body.find_all("table")]
    assert tables, "the test site has tables (claims, entities, figures)"
    for path, table in tables:
        first_row = table.find("tr")
        assert first_row and first_row.find_all("th") and not first_row.find_all("td"), path


def test_every_language_switch_has_lang(pages):
    """In the text of a page: its article and footer. (The header, navigation and table of
    contents repeat titles as plain text: MkDocs drops their markup, `lang` included.)"""
    wrong = []
    for path, soup in pages.items():
        texts = [t for part in soup.select("article, footer") for t in part.find_all(string=True)]
        assert texts, path
        for text in texts:
            if text.find_parent(NOT_TEXT) or not text.strip():
                continue
            lang = lang_of(text.parent)
            if LATIN_WORD.search(text) and not lang.startswith("en"):
                wrong.append(f"{path}: English in lang={lang!r}: {text.strip()[:50]!r}")
            if ARABIC_WORD.search(text) and not lang.startswith("ar"):
                wrong.append(f"{path}: Arabic in lang={lang!r}: {text.strip()[:50]!r}")
    assert not wrong, "\n".join(wrong)


def test_links_have_names(pages):
    for path, soup in pages.items():
        for link in soup.body.find_all("a", href=True):
            name = (link.get_text(strip=True) or link.get("aria-label") or link.get("title")
                    or any(img.get("alt") for img in link.find_all("img")))
            assert name, f"{path}: a link without a name: {link}"
