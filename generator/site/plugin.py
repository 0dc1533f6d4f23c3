"""MkDocs plugin: adapters between MkDocs' events and Bayan's road (generator/project.py).

- on_startup: which command runs (`build`, `serve`, `gh-deploy`), for the mirror's build;
- on_config: the `bayan:` settings (with the ones of an INHERITed mkdocs.yml) become a Project,
  and the configuration gets what the pages need (site/theme.py);
- on_pre_build: under --dirty, the last build of the site folder, or the folder emptied;
- on_files: the road's pages become generated files (nothing is written into content/), with
  the package's assets and the project's `templates/assets/` over them; a problem is a warning
  (it fails `--strict`) naming its file and line, and the other pages still build;
- on_nav: each index's first page at the top of the navigation, titled in the page's language;
- on_env: under --dirty, the titles of the navigation's pages MkDocs skips;
- on_page_markdown, on_post_page, on_post_template: index pages out of search, the writing
  direction on <html>;
- on_post_build: the Arabic search keys into the search index (worked out in another process
  while MkDocs builds the pages, or taken from the last build's index; under --dirty, the pages
  built merged into the last build's), then the English mirror into `en/` (site/mirror.py);
- on_serve: rebuild when a statement, a template or the mirror's pages change; the analysis
  loaded for the first edit.

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
from collections.abc import Callable
from functools import partial
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..infra.memo import Memo
from ..infra.page_cache import rewrite_once
from ..infra.pool import MIN_CALLS, start_forked
from ..infra.progress import Timer
from ..problems import ProblemError
from ..project import BayanConfig, Project, pages, warm_up
from .indexes import in_nav, is_index_page, top_level
from .mirror import FOLDER, build_mirror, mirror_docs
from .rebuild import (Builds, LastBuild, MemoryBytecodeCache, carry_over, navigation_titles, remove_gone,
                      search_entries, site_stamp, write_search_index)
from .theme import assets, configure

log = get_plugin_logger("bayan")

# The problems the site's build reported, which the build of its mirror does not report again.
_REPORTED_BY_SITE: set[str] = set()
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


def _generated(config: MkDocsConfig, src_uri: str, page: str | Path) -> File:
    """A generated page from its Markdown, or from a file MkDocs reads when it builds the page."""
    if isinstance(page, Path):
        return File.generated(config, src_uri, abs_src_path=str(page))
    return File.generated(config, src_uri, content=page)


class BayanPlugin(BasePlugin[BayanConfig]):
    """Adapt Bayan's road to MkDocs: settings → Project, pages → generated files."""

    command, dirty = "build", False

    def __init__(self) -> None:
        super().__init__()
        self.memos: dict[str, Memo] = {}  # each language's last build, for the next (`mkdocs serve`)
        self.builds = Builds()  # each site folder's last build, for the next `--dirty` one
        self.last: LastBuild | None = None  # the last build of the folder being built, when --dirty
        self.compiled = MemoryBytecodeCache()  # the theme's templates, compiled once (`mkdocs serve`)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember the command, for the mirror's build (this also keeps one plugin instance
        across the rebuilds of `mkdocs serve`). Under --dirty, MkDocs' warning that the
        navigation may be wrong is left out: the plugin makes it right (site/rebuild.py)."""
        self.command, self.dirty = command, dirty
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(not_the_dirty_warning)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.timer = Timer()
        self.search_keys: Callable[[], dict[str, tuple[str, ...]]] | None = None
        try:
            self.project = Project.load(Path(config.config_file_path))
        except ProblemError as err:
            raise PluginError(str(err.problem)) from None
        for change in configure(config, self.project.language, self.project.mirror is not None):
            log.info(change)
        search = config.plugins.get("material/search")
        if self.dirty and search is not None:
            # Material merges one page's entries into its last index under --dirty; the plugin
            # merges the entries of every page built itself (on_post_build), from a fresh index.
            search.search_index_prev = None  # type: ignore[attr-defined]
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
        project = self.project
        memo = self.memos.setdefault(project.language, Memo()) if self.command == "serve" else None
        result = pages(project, project.language, config, timer, memo)
        mirrored = project.mirror is not None
        if mirrored:
            _REPORTED_BY_SITE.clear()
        for problem in result.problems:  # that statement or page is left out; the others build
            if mirrored or str(problem) not in _REPORTED_BY_SITE:  # the mirror does not repeat them
                log.warning(str(problem))
            if mirrored:
                _REPORTED_BY_SITE.add(str(problem))
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
        """Under `mkdocs serve`, the theme's templates compiled once; under --dirty, the pages of
        the navigation MkDocs skipped get their titles from the last build (site/rebuild.py)."""
        if self.command == "serve":
            env.bytecode_cache = self.compiled
        if self.dirty:
            self.shown = navigation_titles(self.nav.pages, self.last)
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Leave the index pages out of search: the statements they point to are in it. Note
        the page as built (under --dirty, MkDocs reads only the pages it builds)."""
        self.built.add(page.url)
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
        """Give the search index the Arabic search keys (site/search.py), remember the build
        for the next --dirty one, then build the mirror."""
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
        index = Path(config.site_dir) / "search" / "search_index.json"
        searched = self._key_search_index(index) if index.is_file() else {}
        if self.dirty:
            written = {uri: file.abs_dest_path for uri, file in self.pages.items()}
            self.builds.finish(config.site_dir, LastBuild(self.stamp, written, searched, self.shown))
        if os.environ.get("BAYAN_TIMING"):
            print(timer.report(), file=sys.stderr)
        else:
            log.debug(timer.report())
        if self.project.mirror is not None:
            log.info("Building the mirror %s into %s/%s", self.project.mirror.name, config.site_dir, FOLDER)
            build_mirror(self.project.mirror, config, self.command, self.dirty)

    def _key_search_index(self, index: Path) -> dict[str, list[str]]:
        """Give the search index at `index` its keys: those of the last build's index when
        MkDocs wrote the same index again; after a --dirty build, the entries of the pages
        built, keyed, with the other pages' from the last build. Under --dirty, returns the
        entries by page URL, for the next build."""
        from .search import normalise_index

        timer = self.timer
        if self.last is not None:
            header, fresh = search_entries(index, keyed=False)
            searched = carry_over(self.last.search, fresh, self.built, [file.url for file in self.pages.values()])
            write_search_index(index, header, searched)
            timer.lap(f"search keys of {len(fresh)} pages built")
            return searched
        if self.project.cache:
            reused = rewrite_once(index, self.project.cache, f"search-{self.project.language}", normalise_index)
            timer.lap("search keys of the last build" if reused else "search keys")
        else:
            normalise_index(index)
            timer.lap("search keys")
        if not self.dirty:
            return {}
        searched = search_entries(index, keyed=True)[1]
        timer.lap("search entries kept")
        return searched

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[[], None]
    ) -> LiveReloadServer:
        """Rebuild when a statement, a template or the mirror's configuration or pages change.
        Before serving, load the analysis for the first edit, and let the garbage collector skip
        what the site's first build leaves for the next ones (the memo: thousands of analyses),
        which it would otherwise walk through again and again at each rebuild."""
        warm_up(self.project)
        gc.collect()
        gc.freeze()
        watched = [self.project.content, self.project.templates]
        if self.project.mirror is not None:
            watched += [self.project.mirror, mirror_docs(self.project.mirror)]
        for path in watched:
            if path.exists():
                server.watch(str(path))
        return server
