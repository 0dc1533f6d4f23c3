"""MkDocs plugin: statements from content/ become generated pages; nothing is written there.

Each build reads and analyses `content/statements/`, renders the home page, the template
reference and one page per statement through the templates (the project's `templates/` over
the built-in ones), and adds them as virtual files, with the assets under `templates/assets/`.
With `language: en` (mkdocs.en.yml) the same pages are rendered through the English templates
(`en/`) for the mirror site.
A statement that cannot be read, analysed or rendered is reported as a warning (which fails
`mkdocs build --strict`) naming its file and line; the others still build.

Speed: analysis and rendering run in `jobs` processes (or `BAYAN_JOBS`; `auto` = the CPU
count) with a progress bar on a terminal, and the search keys of the pages' words are worked out
in another process while MkDocs builds the pages; analyses are cached by content, an unchanged
project hands MkDocs the page files of the last build (and imports neither the analysis, the
rendering nor the search code) and a search index seen before gets its keys from the cache.
`BAYAN_TIMING=1` prints the plugin's own time per step, `on_post_page` included.
"""
from __future__ import annotations

import gc
import os
import re
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..analysis import Settings
from ..infra.page_cache import PageCache, config_files, fingerprint, rewrite_once
from ..infra.pool import start_forked
from ..infra.analysis_cache import AnalysisCache, analysis_version
from .indexes import in_nav, is_index_page
from ..model import Statement
from ..infra.progress import Timer, jobs_from, show_progress
from ..read.sources import MAX_BYTES

log = get_plugin_logger("bayan")

_BODY_DIR = re.compile(r'<body\b[^>]*\bdir="(ltr|rtl)"')
_HTML_LANG = re.compile(r'<html\b(?![^>]*\bdir=)[^>]*?\blang="[^"]*"')


def html_dir(output: str) -> str:
    """Copy the theme's writing direction from <body> to <html> (Material sets it on body)."""
    body = _BODY_DIR.match(output, output.find("<body"))  # found at once, not searched for
    if not body:
        return output
    return _HTML_LANG.sub(lambda m: f'{m.group()} dir="{body[1]}"', output, count=1)


def _generated(config: MkDocsConfig, src_uri: str, page: str | Path) -> File:
    """A generated page from its Markdown, or from a file MkDocs reads when it builds the page."""
    if isinstance(page, Path):
        return File.generated(config, src_uri, abs_src_path=str(page))
    return File.generated(config, src_uri, content=page)


class BayanConfig(Config):
    """Folders are relative to mkdocs.yml; an empty `cache_dir` turns the analysis cache off."""

    content_dir = opt.Type(str, default="content")
    language = opt.Choice(("ar", "en"), default="ar")  # en: the English mirror (mkdocs.en.yml)
    templates_dir = opt.Type(str, default="templates")
    cache_dir = opt.Type(str, default=".cache/bayan")
    jobs = opt.Type((int, str), default=1)  # a number or "auto"; BAYAN_JOBS overrides it
    max_bytes = opt.Type(int, default=MAX_BYTES)  # a statement or sidecar file larger than this is refused
    summary_ratio = opt.Optional(opt.Type((int, float)))  # share of a statement's words its summary holds


class BayanPlugin(BasePlugin[BayanConfig]):
    """Generate the statement pages and the home page of a Bayan site."""

    def _folder(self, config: MkDocsConfig, name: str) -> Path:
        return Path(config.config_file_path).parent / name

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.timer = Timer()
        self.search_keys: Callable[[], dict[str, tuple[str, ...]]] | None = None
        try:
            self.jobs = jobs_from(self.config.jobs)
        except ValueError as err:
            raise PluginError(f"bayan: {err}") from None
        ratio = self.config.summary_ratio
        if ratio is not None and not 0 < ratio <= 1:
            raise PluginError(f"bayan: summary_ratio is a share of a statement's words, more than 0 and at most 1,"
                              f" not {ratio}")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.timer = timer = Timer()
        self.page_seconds, self.pages_seen = 0.0, 0  # time spent in on_post_page
        templates = self._folder(config, self.config.templates_dir)
        pages, messages = self._pages(config, templates, timer)
        for message in messages:  # that statement or page is left out; the others build
            log.warning(message)
        for src_uri, page in pages.items():
            if files.get_file_from_path(src_uri) is not None:
                log.info("%s in the docs folder replaces the generated page", src_uri)
                continue
            file = _generated(config, src_uri, page)
            if not in_nav(src_uri):
                # Statements and further index pages are reached by links: the navigation stays small.
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        assets = templates / "assets"
        for path in sorted(p for p in assets.rglob("*") if p.is_file()):
            src_uri = "assets/" + path.relative_to(assets).as_posix()
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        timer.lap(f"{len(pages)} pages added")
        return files

    def _pages(self, config: MkDocsConfig, templates: Path, timer: Timer
               ) -> tuple[dict[str, str] | dict[str, Path], list[str]]:
        """The generated pages (Markdown, or the files of the last build when nothing changed) and
        the problems to report."""
        content = self._folder(config, self.config.content_dir)
        cache_dir = self._folder(config, self.config.cache_dir) if self.config.cache_dir else None
        key = fingerprint([content, templates], config_files(Path(config.config_file_path)), analysis_version())
        store = PageCache(cache_dir, self.config.language) if cache_dir else None
        if store and (cached := store.load(key)):
            timer.lap("unchanged, pages of the last build")
            return cached
        statements, messages = self._statements(config, cache_dir)
        timer.lap(f"read and analyse {len(statements)} statements")
        from .render import render_pages

        rendered = render_pages(statements, config, templates, content.parent, self.config.language, self.jobs)
        messages += [str(problem) for problem in rendered.problems]
        del statements  # the pages say it all now: let the analyses go before MkDocs builds the site
        gc.collect()
        timer.lap("render")
        self._start_search_keys(rendered.pages)
        if store:
            store.save(key, rendered.pages, messages)
            timer.lap("save")
        return rendered.pages, messages

    def _start_search_keys(self, pages: dict[str, str]) -> None:
        """With more than one job, work out the search keys of the pages' words in another
        process while MkDocs builds them (`on_post_build` takes them)."""
        if self.jobs < 2:
            return
        from .search import keys_of_pages

        self.search_keys = start_forked(partial(keys_of_pages, pages.values()))

    def _statements(self, config: MkDocsConfig, cache_dir: Path | None) -> tuple[list[Statement], list[str]]:
        """Every statement that reads and analyses, and a message for each problem."""
        from ..pipeline import load_content

        cache = AnalysisCache(cache_dir) if cache_dir else None
        content = self._folder(config, self.config.content_dir)
        statements, problems = load_content(content, cache, self.jobs, self.config.max_bytes, show_progress(),
                                            Settings.given(self.config.summary_ratio, cache_dir))
        messages = [str(problem) for problem in problems]
        good = []
        for statement in statements:
            errors = [f for f in statement.findings if f.level == "error"]
            messages += [f.message for f in errors]  # reading errors leave a file out; these are analysis crashes
            if not errors:
                good.append(statement)
        return good, messages

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Leave the index pages out of search: the statements they point to are in it."""
        if page.file.generated_by and is_index_page(page.file.src_uri):
            page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
        return markdown

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Put the writing direction on <html> as well."""
        start = time.perf_counter()
        output = html_dir(output)
        self.page_seconds += time.perf_counter() - start
        self.pages_seen += 1
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The same for static templates such as 404.html."""
        return html_dir(output_content)

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Give the search index the Arabic search keys (site/search.py), or the keyed index
        of the last build when MkDocs wrote the same index again."""
        from .search import learn, normalise_index

        timer = self.timer
        timer.skip()  # MkDocs built the pages in between
        timer.add(f"writing direction of {self.pages_seen} pages", self.page_seconds)
        if self.search_keys is not None:
            try:
                learn(self.search_keys())
            except Exception as err:  # noqa: BLE001 - the keys are then worked out here
                log.debug("search keys from the other process failed: %s", err)
            self.search_keys = None
            timer.lap("search keys of the pages' words, waited for")
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            if self.config.cache_dir:
                cache_dir = self._folder(config, self.config.cache_dir)
                reused = rewrite_once(index, cache_dir, f"search-{self.config.language}", normalise_index)
                timer.lap("search keys of the last build" if reused else "search keys")
            else:
                normalise_index(index)
                timer.lap("search keys")
        if os.environ.get("BAYAN_TIMING"):
            print(timer.report(), file=sys.stderr)
        else:
            log.debug(timer.report())

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[[], None]
    ) -> LiveReloadServer:
        """Rebuild when a statement or a template changes."""
        server.watch(str(self._folder(config, self.config.content_dir)))
        server.watch(str(self._folder(config, self.config.templates_dir)))
        return server
