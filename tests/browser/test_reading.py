"""Reading a statement in Chromium: right to left, the self-hosted font, numbers that keep their
sign, an English column left to right, nothing fetched from another host."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import FIGURES, new_tab, open_page, screenshot
from .site import SEED

STATEMENT = "statements/security-council/"
FONT = "Noto Naskh Arabic"

# The box of an element, and of each character of a text node, in CSS pixels.
BOX = "el => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top}; }"
CHARS = """node => [...node.data].map((ch, i) => {
  const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
  const r = range.getBoundingClientRect(); return {ch, left: r.left, right: r.right, top: r.top};
})"""


@pytest.fixture(scope="module")
def statement(context, base_url) -> Iterator[Page]:
    """The statement page, loaded once for the tests that only look at it."""
    tab = open_page(new_tab(context), base_url, STATEMENT)
    yield tab
    tab.close()


def box(page: Page, selector: str) -> dict[str, float]:
    return page.locator(selector).first.evaluate(BOX)


def test_statement_page_reads_right_to_left(statement):
    html = "[document.documentElement.dir, document.documentElement.lang]"
    assert statement.evaluate(html) == ["rtl", "ar"]
    assert statement.locator("article").evaluate("el => getComputedStyle(el).direction") == "rtl"
    content, article = box(statement, ".md-content"), box(statement, "article")
    nav, toc = box(statement, ".md-sidebar--primary"), box(statement, ".md-sidebar--secondary")
    assert nav["left"] >= content["right"] - 1, "the navigation belongs on the right"
    assert toc["right"] <= content["left"] + 1, "the table of contents belongs on the left"
    h1 = statement.locator("article h1")
    assert h1.evaluate("el => getComputedStyle(el).textAlign") in ("start", "right")
    first = h1.evaluate_handle("el => el.firstChild").evaluate(CHARS)[0]
    assert abs(first["right"] - article["right"]) < 40, "the title starts at the right edge"


def test_arabic_glyphs_use_the_self_hosted_font(statement, base_url):
    family = statement.locator("#s1 .bayan-ar").evaluate("el => getComputedStyle(el).fontFamily")
    assert family.strip('"').startswith(FONT)
    loaded = statement.evaluate(
        "[...document.fonts].filter(f => f.family.replace(/\"/g, '') === %r && f.status === 'loaded')"
        ".map(f => f.weight)" % FONT)
    assert "400" in loaded
    woff2 = statement.evaluate("performance.getEntriesByType('resource').map(e => e.name)"
                               ".filter(n => n.endsWith('noto-naskh-arabic-arabic-400-normal.woff2'))")
    assert woff2 and all(url.startswith(base_url) for url in woff2)
    # What Chromium really drew the Arabic sentence with (DevTools protocol).
    cdp = statement.context.new_cdp_session(statement)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#s1 .bayan-ar"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    drawn = {f["familyName"]: f["glyphCount"] for f in fonts}
    assert max(drawn, key=drawn.get) == FONT, drawn
    assert any(f["isCustomFont"] for f in fonts if f["familyName"] == FONT)


def test_signed_number_keeps_its_sign_on_the_left(statement):
    bdi = statement.locator("#s2 .bayan-ar bdi", has_text="+2.0%")
    chars = bdi.evaluate_handle("el => el.firstChild").evaluate(CHARS)
    assert "".join(c["ch"] for c in sorted(chars, key=lambda c: c["left"])) == "+2.0%"
    number = bdi.evaluate(BOX)
    before = bdi.evaluate_handle("el => el.previousSibling").evaluate(CHARS)[-2]  # «بنسبة »
    after = bdi.evaluate_handle("el => el.nextSibling").evaluate(CHARS)[1]  # « خلال»
    assert before["ch"] == "ة" and after["ch"] == "خ"
    assert before["left"] >= number["right"] - 1, "the Arabic before the number is on its right"
    if abs(after["top"] - number["top"]) < 5:  # the Arabic after it, when on the same line
        assert after["right"] <= number["left"] + 1


def test_english_reads_left_to_right(statement):
    for selector in ("#s1 .bayan-en", ".bayan-title-en"):
        element = statement.locator(selector).first
        assert element.evaluate("el => getComputedStyle(el).direction") == "ltr", selector
        first = element.evaluate_handle("el => el.firstChild").evaluate(CHARS)[0]
        assert abs(first["left"] - element.evaluate(BOX)["left"]) < 2, f"{selector} starts on the left"
    assert box(statement, "#s1 .bayan-en")["right"] <= box(statement, "#s1 .bayan-ar")["left"], \
        "the English column is left of the Arabic one"


def test_language_switch(page, base_url):
    open_page(page, base_url, STATEMENT)
    page.wait_for_load_state("networkidle")  # Material's script has read the other site's sitemap
    links = page.locator(".md-header a[hreflang^='en']")
    if not links.count():
        pytest.skip("the site has no language switch yet (the English mirror is another issue)")
    page.locator(".md-header .md-select").first.hover()  # Material's switch opens on hover
    with page.expect_navigation():
        links.first.click()
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]
    assert page.url.endswith("/en/" + STATEMENT)  # the same statement, in English
    page.locator(".md-header .md-select").first.hover()
    with page.expect_navigation():
        page.locator(".md-header a[hreflang='ar']").first.click()
    assert page.url.endswith("/" + STATEMENT) and "/en/" not in page.url


def test_no_page_requests_another_host(page, base_url, site_dir: Path):
    paths = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    for path in paths:
        open_page(page, base_url, path.removesuffix("index.html"))
    assert len(paths) >= 6 and FIGURES.outside == []


def test_screenshots(page, base_url):
    shots = [screenshot(open_page(page, base_url, ""), "home", full_page=True),
             screenshot(open_page(page, base_url, STATEMENT), "statement", full_page=True)]
    assert all(shot.stat().st_size > 10_000 for shot in shots)


def test_charts_take_the_width_of_the_column(page, base_url):
    """An index page's chart is drawn across the text column, its legend readable."""
    tab = open_page(page, base_url, "speakers/")
    chart, article = box(tab, "svg.bayan-chart"), box(tab, "article")
    width = chart["right"] - chart["left"]
    assert width >= 0.9 * (article["right"] - article["left"]) and width > 400  # not Chromium's 300 px
    assert chart["right"] <= article["right"] + 1


def test_arabic_quoted_in_english_reads_with_english_marks(page, base_url):
    open_page(page, base_url, "en/" + STATEMENT)
    quoted = page.locator("q[lang='ar']").first
    direction, quotes = quoted.evaluate("el => [getComputedStyle(el).direction, getComputedStyle(el).quotes]")
    opening, closing = re.findall(r'"(.)"', quotes)[:2]
    assert direction == "rtl"  # so its opening mark is drawn on its right, its closing one on its left
    assert (closing, opening) == ("“", "”"), "the English line reads “…” left to right"


@pytest.mark.parametrize("language", ["", "en/"])
def test_a_quote_opens_in_place_on_its_sentence_in_full(page, base_url, language):
    """A claim shows the first words of its sentence; clicked, the sentence in full (both
    languages, copied from the full text without its anchors) opens under it, and the reader
    stays where they are; clicked again, it closes."""
    open_page(page, base_url, f"{language}statements/{SEED}/")
    quote = page.locator("td a.bayan-quote").nth(2)
    pair = page.locator(".bayan-parallel " + quote.get_attribute("href"))
    assert quote.get_attribute("aria-expanded") == "false"
    assert len(quote.text_content()) < len(pair.text_content()) / 2
    quote.click()
    opened = page.locator("td .bayan-quoted")
    assert opened.count() == 1 and opened.is_visible()
    assert opened.locator(".bayan-pair").text_content() == pair.text_content()
    assert opened.locator("[lang=ar]").count() and opened.locator("[lang=en]").count()
    assert opened.locator("[id]").count() == 0 and page.evaluate("location.hash") == ""
    assert quote.get_attribute("aria-expanded") == "true"
    quote.click()
    assert page.locator(".bayan-quoted").count() == 0 and quote.get_attribute("aria-expanded") == "false"
