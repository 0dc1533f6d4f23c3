"""Browser fixtures: the built test site served on 127.0.0.1, Debian's Chromium through
Playwright, every request recorded; the figures of the run printed at the end."""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, make_project
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from .site import build_site, serve

CHROMIUM = Path(os.environ.get("BAYAN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # other hosts fail at once
]
ARTIFACTS = ROOT / "tests" / "artifacts"
VIEWPORT = {"width": 1280, "height": 900}  # wide enough for both sidebars


@dataclass
class Figures:
    """What the browser tests saw, printed in the terminal summary."""

    pages: set[str] = field(default_factory=set)
    outside: list[str] = field(default_factory=list)
    queries: int = 0
    found: int = 0
    key_only: int = 0  # queries a search of the words as written would miss
    ran: bool = False


FIGURES = Figures()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not FIGURES.ran:
        return
    found = f"{FIGURES.found}/{FIGURES.queries}" if FIGURES.queries else "not run"
    terminalreporter.write_sep("-", "browser figures")
    terminalreporter.write_line(f"pages checked in Chromium: {len(FIGURES.pages)}")
    terminalreporter.write_line(f"requests to outside hosts: {len(FIGURES.outside)}")
    terminalreporter.write_line(
        f"search queries found: {found} ({FIGURES.key_only} only through the Arabic search keys)")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test site, built strictly from the project's templates and our statements."""
    return build_site(make_project(tmp_path_factory.mktemp("browser-project")))


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's chromium or set BAYAN_CHROMIUM)")
    FIGURES.ran = True
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def context(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    """One browser context; a request to any other host is recorded (and fails to resolve)."""
    local = urlsplit(base_url).netloc

    def outside(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme not in ("data", "blob") and parts.netloc != local

    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    context.on("request", lambda request: outside(request.url) and FIGURES.outside.append(request.url))
    yield context
    context.close()


def new_tab(context: BrowserContext) -> Page:
    """A fresh tab; every page it loads is counted as checked."""
    tab = context.new_page()
    tab.on("framenavigated", lambda frame: frame.parent_frame is None
           and FIGURES.pages.add(urlsplit(frame.url).path))
    return tab


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    tab = new_tab(context)
    yield tab
    tab.close()


def open_page(page: Page, base_url: str, path: str) -> Page:
    """Load `path` of the site and wait until its fonts have loaded."""
    page.goto(base_url + path)
    page.evaluate("document.fonts.ready.then(() => true)")
    return page


def screenshot(page: Page, name: str, **options: object) -> Path:
    """Save a PNG under tests/artifacts/; its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), **options)
    return path
