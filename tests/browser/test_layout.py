"""Pages on a phone, on a desktop and on paper, in both languages: nothing scrolls sideways on a
390 px phone and no text there is under 12 px (charts included); on a 1280 px desktop no table
hides columns behind a scroll; printed on A4 the seed statement takes at most three pages with
nothing cut off, a brief one page. Screenshots and the printed pages go to tests/artifacts/."""
from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from .conftest import ARTIFACTS, VIEWPORT, open_page, screenshot
from .site import SEED

PHONE = {"width": 390, "height": 844}
A4_TEXT_WIDTH = 710  # CSS px between the margins of an A4 page (21 cm - 2 × 1.1 cm)
SEED_PAGE = f"statements/{SEED}/"
LANGUAGES = ("", "en/")  # the Arabic site, and its English mirror

# Visible text smaller than 12 px: HTML text at its computed size, chart text at the size it is
# drawn (its font size times the drawing's scale). Hidden, transparent and off-screen text (a
# closed drawer) is left out.
SMALL_TEXT = """() => {
  const width = document.documentElement.clientWidth, small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement, text = walker.currentNode.data.trim();
    if (!text || el.closest('svg')) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || box.right <= 0 || box.left >= width) continue;
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 12) small.push(`${size}px ${el.tagName}.${el.className}: ${text.slice(0, 30)}`);
  }
  for (const t of document.querySelectorAll('svg text')) {
    if (!t.checkVisibility() || !t.textContent.trim()) continue;
    const size = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
    if (size < 12) small.push(`${size.toFixed(1)}px svg text: ${t.textContent.trim().slice(0, 30)}`);
  }
  return small;
}"""
# The tables of the text that scroll sideways: a table (Material makes it its own scroll box on
# screen) or the box Material wraps it in, wider inside than it shows.
HIDDEN_COLUMNS = """() => [...document.querySelectorAll('article table')].flatMap(table =>
  [table, table.closest('.md-typeset__scrollwrap')].filter(box => box && box.scrollWidth > box.clientWidth + 1)
    .map(box => [box.scrollWidth, box.clientWidth, table.querySelector('th, td')?.textContent.trim()]))"""
SIDEWAYS = "[document.scrollingElement.scrollWidth, document.documentElement.clientWidth]"


def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, both languages, as paths to open."""
    return sorted(p.relative_to(site_dir).as_posix().removesuffix("index.html")
                  for p in site_dir.rglob("*.html") if p.name != "404.html")


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[BrowserContext]:
    """A 390 × 844 phone (other hosts fail to resolve, as in every context of these tests)."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True,
                                  service_workers="block")
    yield context
    context.close()


def test_on_a_phone_no_page_scrolls_sideways_and_no_text_is_under_12px(phone, base_url, site_dir):
    tab = phone.new_page()
    sideways, small = {}, {}
    pages = site_pages(site_dir)
    for path in pages:
        open_page(tab, base_url, path)
        scroll, width = tab.evaluate(SIDEWAYS)
        if scroll > width:
            sideways[path] = scroll
        if found := tab.evaluate(SMALL_TEXT):
            small[path] = found[:3]
    tab.close()
    assert len(pages) > 30 and any(p.startswith("en/") for p in pages)
    assert not sideways, f"wider than {PHONE['width']} px: {sideways}"
    assert not small, small


def test_on_a_desktop_no_table_hides_columns(page, base_url, site_dir):
    hidden = {}
    for path in site_pages(site_dir):
        if found := open_page(page, base_url, path).evaluate(HIDDEN_COLUMNS):
            hidden[path] = found
    assert not hidden, hidden


@pytest.mark.parametrize("language", LANGUAGES)
def test_claims_are_cards_on_a_phone_and_a_table_on_a_desktop(phone, page, base_url, language):
    """On a phone each claim is a card of labelled lines as wide as the text; on a desktop the
    claims are a table whose columns all show."""
    tab = open_page(phone.new_page(), base_url, language + SEED_PAGE)
    table = tab.locator("article table").first
    assert table.evaluate("t => getComputedStyle(t).display") == "block"
    cell = table.locator("tbody td").nth(1)
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert label.strip('"') == table.locator("thead th").nth(1).inner_text().strip()
    text, article = table.evaluate("t => t.getBoundingClientRect().width"), \
        tab.locator("article").evaluate("a => a.clientWidth")
    assert text >= 0.9 * (article - 32)  # not two words wide
    tab.close()
    open_page(page, base_url, language + SEED_PAGE)
    table = page.locator("article table").first
    assert table.evaluate("t => getComputedStyle(t).display") != "block"
    assert table.locator("thead th").last.is_visible() and not page.evaluate(HIDDEN_COLUMNS)


def test_arabic_is_drawn_larger_than_latin_of_the_same_size(page, base_url):
    """Naskh's Arabic faces are scaled up (`size-adjust`) so that Arabic matches the Latin beside
    it: the Arabic of the same font-size is drawn taller than before; its digits are not."""
    open_page(page, base_url, SEED_PAGE)
    heights = page.evaluate("""() => {
      const c = document.createElement('canvas').getContext('2d');
      c.font = '100px "Noto Naskh Arabic"';
      const arabic = c.measureText('سمن'), latin = c.measureText('2018');
      return [arabic.actualBoundingBoxAscent + arabic.actualBoundingBoxDescent, latin.actualBoundingBoxAscent];
    }""")
    arabic, digits = heights
    assert arabic > 70 and digits < 80, heights  # unscaled: Arabic body 61, digits 72 (per 100 px)
    sizes = page.evaluate("[...document.querySelectorAll('article td, article small')]"
                          ".map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 12


def pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF that Chromium wrote (its page objects are not compressed)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def print_page(page: Page, base_url: str, path: str, name: str) -> int:
    """Print `path` on A4 as Chromium does; keep the PDF (and its pages as PNG) in
    tests/artifacts/; the number of pages."""
    open_page(page, base_url, path)
    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
    if shutil.which("pdftoppm"):  # poppler-utils: the printed pages as images, to look at
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(ARTIFACTS / f"{name}.pdf"), str(ARTIFACTS / name)],
                       check=True)
    return pdf_pages(pdf)


def cut_off_in_print(page: Page) -> list:
    """At the width of an A4 page's text, in print: what runs past the edge (tables, the page)."""
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    try:
        return page.evaluate(f"[{SIDEWAYS}, {HIDDEN_COLUMNS}()]")
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size(VIEWPORT)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_seed_prints_on_three_a4_pages_with_nothing_cut_off(page, base_url, language):
    pages = print_page(page, base_url, language + SEED_PAGE, f"print-seed-{language.strip('/') or 'ar'}")
    (scroll, width), hidden = cut_off_in_print(page)
    assert scroll <= width and not hidden
    assert pages <= 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_brief_prints_on_one_page(page, base_url, language):
    assert print_page(page, base_url, language + "statements/brief/", f"print-brief-{language.strip('/') or 'ar'}") == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshots_at_both_widths(phone, page, base_url, language):
    """The seed, an index page and a statement without translation, on a phone and a desktop."""
    shots = []
    for path, name in ((SEED_PAGE, "seed"), ("speakers/", "speakers"), ("statements/ministers/", "untranslated")):
        for tab, width in ((phone.new_page(), PHONE["width"]), (page, VIEWPORT["width"])):
            open_page(tab, base_url, language + path)
            shots.append(screenshot(tab, f"layout-{name}-{language.strip('/') or 'ar'}-{width}", full_page=True))
            if tab is not page:
                tab.close()
    assert all(shot.stat().st_size > 10_000 for shot in shots)
