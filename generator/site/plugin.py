"""MkDocs plugin: adapters between MkDocs' events and Bayan's road (generator/project.py).

- on_startup: which command runs (`build`, `serve`, `gh-deploy`), for the mirror's build;
- on_config: the `bayan:` settings (with the ones of an INHERITed mkdocs.yml) become a Project,
  and the configuration gets what the pages need (site/theme.py);
- on_pre_build: under --dirty, the last build of the site folder, or the folder emptied;
- on_files: the road's pages become generated files (nothing is written into content/), with
  the package's assets and the project's `templates/assets/` over them; a problem is a warning
  (it fails `--strict`) naming its file and line, and the other pages still build; once the
  statements are analysed, the English mirror starts building beside the site, in a process of
  its own (site/mirror.py; under `mkdocs serve` the same one at every rebuild), when nothing else
  runs in this one (a process forked beside other threads may inherit a lock one of them holds);
- on_env: the theme's templates can count (the search box's results); under --dirty, the titles
  of the navigation's pages MkDocs skips;
- on_nav: each index's first page at the top of the navigation, titled in the page's language;
- on_page_markdown, on_page_content: every page out of Material's search index (the site's
  search is Pagefind's, site/search_index.py), each searchable page (not the index pages) into
  Bayan's;
- on_post_page, on_post_template: the writing direction on <html>;
- on_post_build: the search index of the pages' Arabic search keys (worked out in another
  process while MkDocs builds the pages) into `pagefind/` (under --dirty, the entries of the
  pages built with the last build's others, written while the pages are already served), then
  the English mirror into `en/`: waited for, or built now when no process could be forked;
- on_serve: rebuild when a statement, a template or the mirror's pages change; the analysis
  loaded for the first edit; each rebuild then runs without the cyclic garbage collector, which
  collects once at its end.

Under `mkdocs serve` the plugin keeps each language's last build in memory (infra/memo.py): a
rebuild reads, analyses and renders only what changed. With `--dirty` (`make serve`), MkDocs then
builds only the pages whose Markdown changed (site/rebuild.py).

`BAYAN_TIMING=1` prints the plugin's own time per step, `on_post_page` included.
"""
from __future__ import annotations

import gc
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from functools import partial
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..infra.memo import Memo
from ..infra.pool import MIN_CALLS, start_forked
from ..infra.progress import Timer
from ..lexicon.counts import forms
from ..problems import ProblemError
from ..project import BayanConfig, Project, pages, warm_up
from .indexes import in_nav, in_search, top_level
from .mirror import FOLDER, SITE_PROBLEMS, MirrorWorker, Site, build_mirror, can_fork, mirror_docs
from .raw_blocks import SetAside, put_back, set_aside, target
from .rebuild import Builds, LastBuild, MemoryBytecodeCache, carry_over, navigation_titles, remove_gone, site_stamp
from .search_index import FOLDER as SEARCH_FOLDER
from .search_index import Entry, IndexWriter, entry
from .theme import assets, configure

log = get_plugin_logger("bayan")

_BODY_DIR = re.compile(r'<body\b[^>]*\bdir="(ltr|rtl)"')
_HTML_LANG = re.compile(r'<html\b(?![^>]*\bdir=)[^>]*?\blang="[^"]*"')


def html_dir(output: str) -> str:
    """Copy the theme's writing direction from <body> to <html> (Material sets it on body)."""
    body = _BODY_DIR.match(output, output.find("<body"))  # found at once, not searched for
    if not body:
        return output
    return _HTML_LANG.sub(lambda m: f'{m.group()} dir="{body[1]}"', output, count=1)


def not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """False for MkDocs' warning that a --dirty build may leave the navigation and links wrong."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def release(files: Iterable[File]) -> None:
    """Let go of the Markdown and HTML of pages already written: MkDocs holds every page's until
    its build ends, and the mirror is built before the site's build ends (at 3,000 statements
    both languages' pages held at once took the build past 1 GiB)."""
    for file in files:
        if file.page is not None:
            file.page.markdown = file.page.content = None
        if file.generated_by:
            file._content = None  # noqa: SLF001 - a generated page's Markdown, read once


def _report_failure(folder: Path, written: Future[int | None]) -> None:
    """Log a search index written in the background that failed (the site stays served; the
    next save writes it again)."""
    if (err := written.exception()) is not None:
        log.error("the search index %s was not written: %s", folder, err)


def _url_of(page: File, files: Files, path: str) -> str | None:
    """The URL, relative to `page`, of the page a link in one of its HTML blocks points to (a
    warning, as MkDocs gives for Markdown links, when there is none)."""
    linked = files.get_file_from_path(target(page.src_uri, path))
    if linked is None:
        log.warning("%s links to '%s', which is not a page of the site", page.src_uri, path)
        return None
    return get_relative_url(linked.url, page.url)


def _generated(config: MkDocsConfig, src_uri: str, page: str | Path) -> File:
    """A generated page from its Markdown, or from a file MkDocs reads when it builds the page."""
    if isinstance(page, Path):
        return File.generated(config, src_uri, abs_src_path=str(page))
    return File.generated(config, src_uri, content=page)


class BayanPlugin(BasePlugin[BayanConfig]):
    """Adapt Bayan's road to MkDocs: settings → Project, pages → generated files."""

    command, dirty = "build", False
    serving = False  # `mkdocs serve` has built the site once and serves it

    def __init__(self) -> None:
        super().__init__()
        self.memos: dict[str, Memo] = {}  # each language's last build, for the next (`mkdocs serve`)
        self.builds = Builds()  # each site folder's last build, for the next `--dirty` one
        self.last: LastBuild | None = None  # the last build of the folder being built, when --dirty
        self.compiled = MemoryBytecodeCache()  # the theme's templates, compiled once (`mkdocs serve`)
        self.index_writer = IndexWriter()  # the search indexes, written beside the build (site/search_index.py)
        self.mirror_worker: MirrorWorker | None = None  # builds the English mirror beside the site

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember the command, for the mirror's build (this also keeps one plugin instance
        across the rebuilds of `mkdocs serve`). Under --dirty, MkDocs' warning that the
        navigation may be wrong is left out: the plugin makes it right (site/rebuild.py)."""
        self.command, self.dirty = command, dirty
        self._stop_mirror()  # a worker of the last command in this process
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(not_the_dirty_warning)

    def on_shutdown(self) -> None:
        self._stop_mirror()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.serving:
            # A rebuild makes hundreds of thousands of short-lived objects beside the memo: the
            # cyclic collector would walk them again and again (a third of Bayan's time for one
            # edit at 1,000 statements); it runs once at the end of the build instead.
            gc.disable()
        self.timer = Timer()
        self.search_keys: Callable[[], dict[str, tuple[str, ...]]] | None = None
        self.mirror_started = False  # the worker builds this build's mirror beside it
        try:
            self.project = Project.load(Path(config.config_file_path))
        except ProblemError as err:
            raise PluginError(str(err.problem)) from None
        for change in configure(config, self.project.language, self.project.mirror is not None):
            log.info(change)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Under --dirty, the last build of this site folder, or an emptied folder when
        everything must be built again (site/rebuild.py)."""
        self.last, self.built = None, set()  # the URLs of the pages MkDocs builds
        if self.dirty:
            self.stamp = site_stamp(self.project, Path(config.docs_dir))
            self.last = self.builds.start(config.site_dir, self.stamp)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.timer = timer = Timer()
        self.page_seconds, self.pages_seen = 0.0, 0  # time spent in on_post_page
        self.search_entries: dict[str, Entry] = {}  # page URL → its entry
        self.set_aside: dict[str, SetAside] = {}  # a generated page's HTML blocks, by its source path
        project = self.project
        memo = self.memos.setdefault(project.language, Memo()) if self.command == "serve" else None
        try:
            self._start_mirror(config, fork=False)  # a worker already there (a rebuild) starts at once
            result = pages(project, project.language, config, timer, memo, partial(self._start_mirror, config))
            self._start_mirror(config)  # the pages of the last build: nothing was analysed
        except BaseException:
            self._tell_mirror(set())  # the worker waits for it
            raise
        reported = {str(problem) for problem in result.problems}
        shown = SITE_PROBLEMS.take() if project.mirror is None else set()  # the mirror does not repeat them
        for problem in result.problems:  # that statement or page is left out; the others build
            if str(problem) not in shown:
                log.warning(str(problem))
        self._tell_mirror(reported)
        self._start_search_keys(result.made)
        for src_uri, page in result.pages.items():
            if files.get_file_from_path(src_uri) is not None:
                log.info("%s in the docs folder replaces the generated page", src_uri)
                continue
            file = _generated(config, src_uri, page)
            if not in_nav(src_uri):
                # Statements and further index pages are reached by links: the navigation stays small.
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        for src_uri, path in assets(project.templates).items():
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        self.pages = {file.src_uri: file for file in files.documentation_pages()}
        if self.last is not None:
            remove_gone(self.last, self.pages)
        timer.lap(f"{len(result.pages)} pages added")
        return files

    def _start_mirror(self, config: MkDocsConfig, fork: bool = True) -> None:
        """Start building the English mirror beside the site, once per build: in the worker of
        the last build (`mkdocs serve`), or in one forked now (with `fork`: once the statements
        are analysed, which the worker then finds in the cache). Where none can be forked, the
        mirror is built after the site (`on_post_build`)."""
        mirror = self.project.mirror
        if mirror is None or self.mirror_started:
            return
        worker = self.mirror_worker
        if worker is None or not worker.serves(mirror, self.command, self.dirty):
            if not fork:
                return
            self._stop_mirror()
            if not can_fork():
                return
            self.mirror_worker = worker = MirrorWorker(mirror, self.command, self.dirty, self._serving)
        log.info("Building the mirror %s into %s/%s", mirror.name, config.site_dir, FOLDER)
        worker.start(Site.of(config))
        self.mirror_started = True

    def _tell_mirror(self, reported: set[str]) -> None:
        """Let the mirror's build know the problems the site reported."""
        if self.mirror_started:
            self.mirror_worker.tell(reported)
        elif self.project.mirror is not None:
            SITE_PROBLEMS.tell(reported)

    def _start_search_keys(self, pages: dict[str, str]) -> None:
        """With more than one job, work out the search keys of the pages' words in another
        process while MkDocs builds them (`on_post_build` takes them)."""
        if self.project.jobs < 2 or len(pages) < MIN_CALLS:
            return
        from .search import keys_of_pages

        self.search_keys = start_forked(partial(keys_of_pages, pages.values()))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Each index's first page in the navigation, in place of its folder's section."""
        nav.items = top_level(nav.items)
        self.nav = nav
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """The theme's templates get `counted(noun)`: a noun's phrases by plural category in the
        site's language (lexicon/counts.yml), with which the search box counts its results.
        Under `mkdocs serve`, the theme's templates are compiled once; under --dirty, the pages
        of the navigation MkDocs skipped get their titles from the last build (site/rebuild.py)."""
        env.globals["counted"] = partial(forms, language=self.project.language)
        if self.command == "serve":
            env.bytecode_cache = self.compiled
        if self.dirty:
            self.shown = navigation_titles(self.nav.pages, self.last)
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Leave every page out of Material's search index (Material then loads none and the
        header's search box is Bayan's, generator/theme/partials/search.html); remember which
        pages Bayan's index takes: not the home page nor the index pages (the statements they
        point to are in it), nor a page whose front matter says `search: exclude`. Note the page
        as built (under --dirty, MkDocs reads only the pages it builds)."""
        self.built.add(page.url)
        search = page.meta.get("search") or {}
        page.meta["bayan_searchable"] = not search.get("exclude") and not (
            page.file.generated_by and not in_search(page.file.src_uri))
        page.meta["search"] = {**search, "exclude": True}
        if not page.file.generated_by:
            return markdown
        aside = self.set_aside[page.file.src_uri] = set_aside(markdown)
        return aside.markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Put a generated page's HTML blocks back (site/raw_blocks.py); keep what the search
        index needs of a searchable page (its words, not its HTML)."""
        aside = self.set_aside.pop(page.file.src_uri, None)
        if aside is not None:
            html = put_back(html, aside, partial(_url_of, page.file, files))
            page.present_anchor_ids = (page.present_anchor_ids or set()) | aside.anchors()
        if page.meta.get("bayan_searchable"):
            self.search_entries[page.url] = entry(page.url, page.title or "", html, self.project.language)
        return html

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

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the search index of the pages' Arabic search keys (site/search_index.py),
        remember the build for the next --dirty one; wait for the mirror built beside, or build
        it now (`serve`, `--dirty`: site/mirror.py)."""
        from .search import learn

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
        index = self._write_search_index(Path(config.site_dir) / SEARCH_FOLDER)
        if self.dirty:
            written = {uri: file.abs_dest_path for uri, file in self.pages.items()}
            self.builds.finish(config.site_dir, LastBuild(self.stamp, written, self.search_entries, self.shown))
        if os.environ.get("BAYAN_TIMING"):
            print(timer.report(), file=sys.stderr)
        else:
            log.debug(timer.report())
        if self.mirror_started:
            self.mirror_started = False
            try:
                self.mirror_worker.wait()
            finally:
                if self.command != "serve":
                    self._stop_mirror()
        elif self.project.mirror is not None:
            release(self.pages.values())
            log.info("Building the mirror %s into %s/%s", self.project.mirror.name, config.site_dir, FOLDER)
            build_mirror(self.project.mirror, Site.of(config), self.command, self.dirty)
        if index is not None:  # the build ends with its index written
            start = time.perf_counter()
            count = index.result()
            if os.environ.get("BAYAN_TIMING"):
                print(f"bayan: search index of {count} pages, waited for {time.perf_counter() - start:.2f} s",
                      file=sys.stderr)
        self._collect()

    def on_build_error(self, *, error: Exception) -> None:
        if self.mirror_started and self.command != "serve":
            self._stop_mirror()
        self.mirror_started = False
        self._collect()

    def _stop_mirror(self) -> None:
        worker, self.mirror_worker = self.mirror_worker, None
        if worker is not None:
            worker.stop()

    def _collect(self) -> None:
        """At the end of a rebuild under `mkdocs serve`, collect what it left (on_config)."""
        if self.serving:
            gc.enable()
            gc.collect()

    def _serving(self) -> None:
        """Once the first build is served (here, and in the mirror's worker): the analysis
        loaded for the first edit, and the garbage collector made to skip what the first build
        leaves for the next ones (the memo: thousands of analyses), which it would otherwise
        walk through again and again at each rebuild."""
        warm_up(self.project)
        gc.collect()
        gc.freeze()
        self.serving = True

    def _write_search_index(self, folder: Path) -> Future[int | None] | None:
        """Start writing the search index of this build's entries (Pagefind indexes them while
        MkDocs builds the mirror): the index being written, which the build waits for. After a
        --dirty build, the index of the entries of the pages built with the other pages' from
        the last build, only when an entry changed, and not waited for: the pages are served
        meanwhile."""
        if self.last is None:
            self.timer.lap(f"search index of {len(self.search_entries)} pages started")
            return self.index_writer.submit(list(self.search_entries.values()), folder, self.project.language)
        built = len(self.search_entries)
        order = [file.url for file in self.pages.values()]
        self.search_entries = carry_over(self.last.search, self.search_entries, self.built, order)
        if self.search_entries != self.last.search:
            written = self.index_writer.submit(list(self.search_entries.values()), folder, self.project.language)
            written.add_done_callback(partial(_report_failure, folder))
        self.timer.lap(f"search index: {built} pages built, the index written in the background")
        return None

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[[], None]
    ) -> LiveReloadServer:
        """Rebuild when a statement, a template or the mirror's configuration or pages change
        (ready to serve: `_serving`)."""
        self._serving()
        watched = [self.project.content, self.project.templates]
        if self.project.mirror is not None:
            watched += [self.project.mirror, mirror_docs(self.project.mirror)]
        for path in watched:
            if path.exists():
                server.watch(str(path))
        return server
