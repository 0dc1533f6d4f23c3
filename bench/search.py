"""What a reader's first query costs: Bayan's search (Pagefind) against Material's search.

Usage: python bench/search.py [SHARED_DIR] [--sizes 300,3000] [--query "مجلس الوزراء"]

For each size, the first N articles of SHARED_DIR/corpus/saudinewsnet-3000.jsonl are imported
into a temporary project and built twice:

- Bayan: the site as `mkdocs build` makes it (the search index in pagefind/, loaded on demand);
- Material: MkDocs + Material building the same Markdown with Material's search plugin, its
  index given the Arabic search keys as Bayan's search did before Pagefind (two key fields).

Each site is served on 127.0.0.1 and opened in headless Chromium with a cold cache; as soon as
the home page has loaded, the query is typed into the header's search box. Printed per design:
bytes the search transferred (its index, worker and scripts), bytes of the whole visit, time
to the first result shown from the first key typed and from the last, and the page's
JavaScript heap (main thread and workers).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.site.search import index_terms, words  # noqa: E402
from tests.browser.site import serve  # noqa: E402

_SPEC = importlib.util.spec_from_file_location("bench_site", ROOT / "bench" / "site.py")  # not the stdlib's `site`
bench_site = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench_site)

CHROMIUM = Path(os.environ.get("BAYAN_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-precise-memory-info",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
SEARCH_PATHS = re.compile(r"/(pagefind|search|assets/javascripts/workers|assets/javascripts/lunr)/|bayan-search\.js")
QUERY = "مجلس الوزراء"  # typed as written in the text: «the council of ministers»
MATERIAL_KEYS = {"title": "bayan_title", "text": "bayan_text"}  # the key fields of the former design
MATERIAL_SEARCH = """  - search:
      lang: ar
      separator: '[\\s\\-،؛؟«»…“”"(),.:;!?\\[\\]]+'
"""  # Material's search as Bayan configured it


@dataclass
class FirstQuery:
    """What the first query of a cold visit cost."""

    search_bytes: int  # transferred for the search: index, worker, scripts
    total_bytes: int  # the whole visit: the page and the search
    seconds: float  # from the first key typed to the first result shown
    after_typing: float  # from the last key typed to the first result shown (0: shown while typing)
    results: int  # results shown
    heap_mib: float  # JavaScript heap of the page and its workers after the results
    outside: int  # requests to another host than the site's


def first_query(page: Page, base_url: str, query: str) -> FirstQuery:
    """Open the site's home page in `page` (a fresh context: cold cache), type `query` into the
    header's search box as soon as it has loaded; what that cost."""
    local = urlsplit(base_url).netloc
    sizes: list[tuple[str, int]] = []
    outside: list[str] = []
    page.on("requestfinished", lambda r: sizes.append((r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])))
    page.on("request", lambda r: urlsplit(r.url).netloc != local and urlsplit(r.url).scheme in ("http", "https")
            and outside.append(r.url))
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.goto(base_url, wait_until="load")
    box = page.locator("input.md-search__input")
    box.click()
    start = time.perf_counter()
    box.press_sequentially(query)
    typed = time.perf_counter()
    page.wait_for_selector(".md-search-result__item", timeout=600_000)  # Material builds its whole index first
    seconds = time.perf_counter() - start
    page.wait_for_selector(".md-search-result__list:not([aria-busy])")  # Bayan's: every result shown there
    results = page.locator(".md-search-result__item").count()
    page.wait_for_load_state("networkidle")
    heap = sum(m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "JSHeapUsedSize")
    heap += worker_heap(page)
    return FirstQuery(sum(n for url, n in sizes if SEARCH_PATHS.search(urlsplit(url).path)),
                      sum(n for _, n in sizes), seconds, max(0.0, start + seconds - typed), results, heap / 2**20,
                      len(outside))


def worker_heap(page: Page) -> float:
    """Bytes of JavaScript heap the page's workers use (Material's search runs in one)."""
    total = 0.0
    for worker in page.workers:
        try:
            total += worker.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
        except Exception:  # noqa: BLE001 - a worker that ended uses nothing
            pass
    return total


def measure(site: Path, query: str) -> FirstQuery:
    """`first_query` on a built site, in a fresh headless Chromium."""
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
            return first_query(context.new_page(), url, query)
        finally:
            browser.close()


def material_site(bayan: Path, root: Path, env: dict[str, str]) -> Path:
    """The same Markdown built by MkDocs + Material with Material's search, its index holding
    the Arabic search keys as two extra fields (the design Bayan had before Pagefind)."""
    bench_site.floor_project(bayan, root)
    config = root / "mkdocs.yml"
    text = re.sub(r"  custom_dir: .*\n", "", config.read_text(encoding="utf-8"))  # Material's own search box
    text = re.sub(r"extra_javascript: .*\n", "", text).replace("  - search\n", MATERIAL_SEARCH)
    config.write_text(text, encoding="utf-8")
    subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "--quiet"], cwd=root, env=env, check=True)
    index_path = root / "site" / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for field in MATERIAL_KEYS.values():
        index["config"]["fields"][field] = {"boost": 1.0}
    for doc in index["docs"]:
        for name, field in MATERIAL_KEYS.items():
            doc[field] = index_terms(words(re.sub(r"<[^>]+>", " ", doc.get(name, ""))))
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return root / "site"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(ROOT.parent / "shared"), help="the shared/ folder")
    parser.add_argument("--sizes", default="300,3000", help="statement counts (default 300,3000)")
    parser.add_argument("--query", default=QUERY, help="the query typed (words as written in the text)")
    args = parser.parse_args(argv)
    corpus = Path(args.shared) / "corpus" / "saudinewsnet-3000.jsonl"
    env = {**os.environ, "BAYAN_JOBS": "auto", "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = [str(Path(sys.executable).with_name("mkdocs")), "build", "--quiet"]
    print(f"{'N':>5} {'design':<9} | {'search KB':>9} {'visit KB':>8} | results s: {'from 1st key':>12}"
          f" {'after typing':>12} {'shown':>5} | {'heap MiB':>8} | outside")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix=f"bayan-search-{size}-") as tmp:
            (Path(tmp) / "bayan").mkdir()
            bayan = bench_site.project(Path(tmp) / "bayan", corpus, size)
            subprocess.run(mkdocs, cwd=bayan, env=env, check=True)
            (Path(tmp) / "material").mkdir()
            sites = {"Bayan": bayan / "site", "Material": material_site(bayan, Path(tmp) / "material", env)}
            for design, site in sites.items():
                got = measure(site, args.query)
                print(f"{size:>5} {design:<9} | {got.search_bytes / 1000:9.0f} {got.total_bytes / 1000:8.0f} |"
                      f"            {got.seconds:12.2f} {got.after_typing:12.2f} {got.results:5d} |"
                      f" {got.heap_mib:8.1f} | {got.outside}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
