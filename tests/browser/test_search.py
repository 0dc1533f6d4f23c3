"""Arabic search that forgives spelling: one spec in Python (the index) and JavaScript (the
query), and real queries typed into the header's search box."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Page

from generator.lexicon.counts import phrase
from generator.site.search import MIN_STEM, PREFIXES, fold, key, keys, stems, words
from generator.site.search_index import plain_text

from .conftest import FIGURES, open_page, screenshot

# word → (fold, key): the spec both implementations are held to.
CASES = {
    "الأمم": ("الامم", "امم"), "إعادة": ("اعاده", "اعاده"), "آلية": ("اليه", "اليه"),
    "ٱلله": ("الله", "الله"), "مصطفى": ("مصطفي", "مصطفي"), "المتحدة": ("المتحده", "متحده"),
    "مَجْلِسُ": ("مجلس", "مجلس"), "مجلـــس": ("مجلس", "مجلس"), "لِلْأُمَمِ": ("للامم", "امم"),
    "لداعش": ("لداعش", "داعش"), "داعش": ("داعش", "داعش"), "والأمم": ("والامم", "امم"),
    "بالإضافة": ("بالاضافه", "اضافه"), "فالحكومة": ("فالحكومه", "حكومه"),
    "وللمنظمات": ("وللمنظمات", "منظمات"), "كالعادة": ("كالعاده", "عاده"),
    "وبالتعاون": ("وبالتعاون", "تعاون"), "البيان": ("البيان", "بيان"), "بيان": ("بيان", "يان"),
    "ولد": ("ولد", "ولد"), "الله": ("الله", "الله"), "اللجنة": ("اللجنه", "لجنه"),
    "٢٠١٧": ("2017", "2017"), "Security": ("security", "security"), "COVID": ("covid", "covid"),
    "ایران": ("ايران", "ايران"), "مشترک": ("مشترك", "مشترك"), "فی": ("في", "في"),
    "والکویت": ("والكويت", "كويت"),
}
# What the reader types → a spelling in the text that must match it (key(typed) ∈ keys(text)).
VARIANTS = [
    ("داعش", "لداعش"), ("لداعش", "داعش"), ("بيان", "البيان"), ("البيان", "بيان"),
    ("الامم", "للأمم"), ("أمم", "والأمم"), ("لجنة", "اللجنة"), ("اللجنه", "لجنة"),
    ("حكومه", "فالحكومة"), ("بالحكومة", "الحكومة"), ("وللتحالف", "التحالف"),
    ("والتعاون", "بالتعاون"), ("اضافة", "وبالإضافة"), ("كالسلام", "الســلام"),
    ("ایران", "إيران"), ("مشترک", "المشترك"), ("الکویت", "بالكويت"),
]
# Queries typed into the search box → the statement they must find. Every spelling rule is
# covered: hamza, ى/ي, ة/ه, diacritics, tatweel, ال, و/ف/ب/ل and their combinations, digits.
QUERIES = {
    "الامم المتحدة": "security-council", "داعش": "security-council",
    "مجلس الامن": "security-council", "أمم": "security-council",
    "للأمم المتحده": "security-council", "لِلْأُمَمِ": "security-council",
    "مجلـــس": "security-council", "فالتحالف": "security-council",
    "Security Council": "security-council", "resolution": "security-council",
    "مصطفي": "ministers", "الية": "ministers", "اضافة": "ministers",
    "اعاده الاعمار": "ministers", "الاولويه": "ministers", "وَأَكَّدَ المُجْتَمِعُونَ": "ministers",
    "السلام": "ministers", "حكومه": "ministers", "والحكومة": "ministers",
    "التعاون": "ministers", "منظمات": "ministers", "لجنه": "ministers", "2017": "ministers",
    "بالكويت": "ministers", "Kuwait": "ministers",
    "باقتصاد": "finance", "وزاره الماليه": "finance", "صادرات": "finance",
    "قياسى": "finance", "growth": "finance", "وزاره المالیه": "finance", "الکویت": "ministers",
}
JS_SPEC = "cases => cases.map(w => [bayanSearch.fold(w), bayanSearch.key(w)])"


def test_python_follows_the_spec():
    assert {word: (fold(word), key(word)) for word in CASES} == CASES


def test_javascript_follows_the_same_spec(page, base_url):
    open_page(page, base_url, "")
    got = page.evaluate(JS_SPEC, list(CASES))
    assert dict(zip(CASES, map(tuple, got))) == CASES
    assert page.evaluate("bayanSearch.query('والأمم،المتحدة +لداعش -\"مجلس الأمن\"')") == \
        "امم متحده داعش مجلس امن"


@pytest.mark.parametrize(("typed", "text"), VARIANTS)
def test_index_holds_the_key_of_every_spelling(typed, text):
    assert key(typed) in keys(text)


def test_five_prefixes_give_the_keys_of_all_prefixes():
    """`keys` tries only KEY_PREFIXES: the same keys as every prefix, on words built to be hard
    (stems that start with و/ف/ب/ل/ال themselves, short stems, لل)."""
    hard_stems = ["فرحة", "وطن", "ولد", "بيت", "بيان", "لبنان", "للعالم", "لجنة", "لدى", "الله", "اللجنة", "كتاب", "امم", "له"]
    for word in {p + s for p in PREFIXES for s in hard_stems} | set(CASES):
        every = {key(p + s) for s in stems(fold(word)) for p in PREFIXES if not p or len(s) >= MIN_STEM}
        assert set(keys(word)) == every, word


def test_unrelated_words_do_not_meet():
    assert key("ولد") not in keys("لدى") and key("الله") not in keys("له")


def plain_search_finds(site_dir: Path, query: str, slug: str) -> bool:
    """Whether a search of the page's words as written (prefix matching, as Material's own
    search does) would find a word of the query."""
    page = (site_dir / "statements" / slug / "index.html").read_text(encoding="utf-8")
    tokens = {w.lower() for w in words(plain_text(page[page.index("<article"):]))}
    return any(t.startswith(w.lower()) for w in words(query) for t in tokens)


def search(page: Page, query: str) -> list[str]:
    """Type `query` into the header's search box; the paths of the pages in the results."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # Material reads the query on keyup
    page.wait_for_function("!document.querySelector('.md-search-result__item')")
    box.fill(query)
    box.press("End")
    try:
        page.wait_for_selector(".md-search-result__item", timeout=3000)
    except Exception:  # noqa: BLE001 - no result is an answer too
        return []
    page.wait_for_selector(".md-search-result__list:not([aria-busy])")  # every result shown is there
    hrefs = page.locator(".md-search-result__link").evaluate_all("els => els.map(a => a.href)")
    return [unquote(urlsplit(href).path) for href in hrefs]


def test_search_box_finds_every_spelling(page, base_url, site_dir):
    open_page(page, base_url, "")
    page.locator("input.md-search__input").click()
    missed = {}
    for query, slug in QUERIES.items():
        FIGURES.queries += 1
        FIGURES.key_only += not plain_search_finds(site_dir, query, slug)
        paths = search(page, query)
        if f"/statements/{slug}/" in paths:
            FIGURES.found += 1
        else:
            missed[query] = paths
    assert not missed
    assert len(QUERIES) >= 20 and FIGURES.key_only >= 20, "the queries must need the search keys"


def test_results_show_the_original_text(page, base_url):
    open_page(page, base_url, "")
    page.locator("input.md-search__input").click()
    assert "/statements/security-council/" in search(page, "الامم المتحدة")
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text() == "بيان مجلس الأمن حول التحالف الدولي"
    assert "أكد مجلس الأمن التابع للأمم المتحدة" in first.inner_text()
    assert first.locator("mark").all_inner_texts() == ["للأمم", "المتحدة"]  # the words the query found
    assert "امم متحده" not in page.locator(".md-search-result").inner_text()
    shown = page.locator(".md-search-result__item").count()
    assert page.locator(".md-search-result__meta").inner_text() == phrase(shown, "result", "ar").format(n=shown)
    screenshot(page, "search")


def test_the_count_of_results_takes_the_arabic_plural_form(page, base_url):
    """The browser's plural rules pick the form lexicon/counts.yml has for Babel's category."""
    open_page(page, base_url, "")
    forms = page.evaluate("n => { const b = document.querySelector('[data-bayan-search]'); "
                          "const f = JSON.parse(b.dataset.count), r = new Intl.PluralRules('ar'); "
                          "return n.map(x => f[r.select(x)]); }", [1, 2, 3, 11, 100, 103])
    assert forms == [phrase(n, "result", "ar") for n in (1, 2, 3, 11, 100, 103)]
    assert forms[1] == "نتيجتان" and forms[3] == "{n} نتيجة"


def test_the_english_mirror_searches_its_own_index(page, base_url):
    """The English site's box finds the English page, counts in English, and loads only the
    English index (en/pagefind/)."""
    loaded = []
    page.on("request", lambda r: "pagefind" in r.url and loaded.append(urlsplit(r.url).path))
    open_page(page, base_url, "en/")
    page.locator("input.md-search__input").click()
    paths = search(page, "Coalition")
    assert "/en/statements/security-council/" in paths and all(p.startswith("/en/") for p in paths)
    shown = len(paths)
    assert page.locator(".md-search-result__meta").inner_text() == phrase(shown, "result", "en").format(n=shown)
    assert loaded and all(p.startswith("/en/pagefind/") for p in loaded)
    screenshot(page, "search-en")
