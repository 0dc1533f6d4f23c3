"""The edit loop in Chromium: while `mkdocs serve --dirty` runs (`make serve`), saving a statement
updates its open page and the index page it appears on, without the reader reloading them; a
deleted statement leaves the site."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import make_project
from playwright.sync_api import Browser, Page

from .conftest import VIEWPORT

STATEMENT = "---\ntitle: {title}\ndate: 2018-02-{day:02d}\nsource: وكالة الأنباء\n---\nأكد الوزير خالد أن التعاون رقم {n} مهم.\n"
ARCHIVE = "archive/2018-02/"
WAIT_MS = 120_000  # a loaded machine; the loop's time is measured by bench/site.py


def write(root: Path, slug: str, title: str, n: int) -> Path:
    path = root / "content" / "statements" / f"{slug}.md"
    path.write_text(STATEMENT.format(title=title, day=n, n=n), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A project served by `mkdocs serve --dirty` (what `make serve` runs): its folder and URL."""
    root = make_project(tmp_path_factory.mktemp("edit-loop"))
    for n, slug in enumerate(("first", "second", "third"), 1):
        write(root, slug, f"بيان التجربة {'الأول الثاني الثالث'.split()[n - 1]}", n)
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    log = (root / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=root, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 600
        while True:  # the first build, then the server listens
            try:
                urllib.request.urlopen(url, timeout=60).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((root / "serve.log").read_text(encoding="utf-8")) from None
                time.sleep(0.2)
        yield root, url
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


@pytest.fixture
def tabs(browser: Browser, served: tuple[Path, str]) -> Iterator[tuple[Page, Page, list[str]]]:
    """Two tabs on the served site, and the requests they make to any other host."""
    local = urlsplit(served[1]).netloc
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    outside: list[str] = []
    context.on("request", lambda request: urlsplit(request.url).netloc not in (local, "")
               and outside.append(request.url))
    yield context.new_page(), context.new_page(), outside
    context.close()


def heading(page: Page) -> str:
    return page.locator("article h1").first.inner_text()


def test_saving_a_statement_updates_its_page_and_the_index_in_the_browser(served, tabs):
    root, url = served
    statement, archive, outside = tabs
    statement.goto(url + "statements/second/")
    archive.goto(url + ARCHIVE)
    assert "بيان التجربة الثاني" in heading(statement)
    assert "بيان التجربة الثاني" in archive.locator("article").inner_text()
    write(root, "second", "بيان التجربة المعدل", 2)
    # No reload here: MkDocs' live reload brings the new page in each open tab.
    statement.wait_for_function("document.querySelector('article h1')?.textContent.includes('المعدل')",
                                timeout=WAIT_MS)
    archive.wait_for_function("document.querySelector('article')?.textContent.includes('بيان التجربة المعدل')",
                              timeout=WAIT_MS)
    assert "بيان التجربة الثاني" not in archive.locator("article").inner_text()
    assert "بيان التجربة الأول" in archive.locator("article").inner_text()  # the others stay listed
    english = statement.context.new_page()
    english.goto(url + "en/statements/second/")
    assert "بيان التجربة المعدل" in english.locator("article").inner_text()  # the mirror too
    assert outside == []


def test_a_deleted_statement_leaves_the_site(served, tabs):
    root, url = served
    _, archive, outside = tabs
    archive.goto(url + ARCHIVE)
    assert "بيان التجربة الثالث" in archive.locator("article").inner_text()
    (root / "content" / "statements" / "third.md").unlink()
    archive.wait_for_function("(article => article && !article.textContent.includes('بيان التجربة الثالث'))(document.querySelector('article'))",
                              timeout=WAIT_MS)
    gone = archive.context.new_page()
    assert gone.goto(url + "statements/third/").status == 404
    assert outside == []
