"""MkDocs plugin: adapters between MkDocs' events and Bayan's road (generator/project.py).

- on_startup: which command runs (`build`, `serve`, `gh-deploy`), for the mirror's build;
- on_config: the `bayan:` settings (with the ones of an INHERITed mkdocs.yml) become a Project,
  and the configuration gets what the pages need (site/theme.py);
- on_files: the road's pages become generated files (nothing is written into content/), with
  the package's assets and the project's `templates/assets/` over them; a problem is a warning
  (it fails `--strict`) naming its file and line, and the other pages still build;
- on_env: the theme's templates can count (the search box's results);
- on_nav: each index's first page at the top of the navigation, titled in the page's language;
- on_page_markdown, on_page_content: every page out of Material's search index (the site's
  search is Pagefind's, site/search_index.py), each searchable page (not the index pages) into
  Bayan's;
- on_post_page, on_post_template: the writing direction on <html>;
- on_post_build: the search index of the pages' Arabic search keys (worked out in another
  process while MkDocs builds the pages) into `pagefind/`, then the English mirror into `en/`
  (site/mirror.py);
- on_serve: rebuild when a statement, a template or the mirror's pages change.

`BAYAN_TIMING=1` prints the plugin's own time per step, `on_post_page` included.
"""
from __future__ import annotations

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
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..infra.pool import start_forked
from ..lexicon.counts import forms
from ..infra.progress import Timer
from ..problems import ProblemError
from ..project import BayanConfig, Project, pages
from .indexes import in_nav, in_search, top_level
from .mirror import FOLDER, build_mirror, mirror_docs
from .search_index import FOLDER as SEARCH_FOLDER
from .search_index import Entry, entry, write_index
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


def _generated(config: MkDocsConfig, src_uri: str, page: str | Path) -> File:
    """A generated page from its Markdown, or from a file MkDocs reads when it builds the page."""
    if isinstance(page, Path):
        return File.generated(config, src_uri, abs_src_path=str(page))
    return File.generated(config, src_uri, content=page)


class BayanPlugin(BasePlugin[BayanConfig]):
    """Adapt Bayan's road to MkDocs: settings → Project, pages → generated files."""

    command, dirty = "build", False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember the command, for the mirror's build (this also keeps one plugin instance
        across the rebuilds of `mkdocs serve`)."""
        self.command, self.dirty = command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.timer = Timer()
        self.search_keys: Callable[[], dict[str, tuple[str, ...]]] | None = None
        self.search_entries: list[Entry] = []
        try:
            self.project = Project.load(Path(config.config_file_path))
        except ProblemError as err:
            raise PluginError(str(err.problem)) from None
        for change in configure(config, self.project.language, self.project.mirror is not None):
            log.info(change)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.timer = timer = Timer()
        self.page_seconds, self.pages_seen = 0.0, 0  # time spent in on_post_page
        self.search_entries = []
        project = self.project
        result = pages(project, project.language, config, timer)
        mirrored = project.mirror is not None
        if mirrored:
            _REPORTED_BY_SITE.clear()
        for problem in result.problems:  # that statement or page is left out; the others build
            if mirrored or str(problem) not in _REPORTED_BY_SITE:  # the mirror does not repeat them
                log.warning(str(problem))
            if mirrored:
                _REPORTED_BY_SITE.add(str(problem))
        if isinstance(next(iter(result.pages.values()), None), str):
            self._start_search_keys(result.pages)  # type: ignore[arg-type]
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
        timer.lap(f"{len(result.pages)} pages added")
        return files

    def _start_search_keys(self, pages: dict[str, str]) -> None:
        """With more than one job, work out the search keys of the pages' words in another
        process while MkDocs builds them (`on_post_build` takes them)."""
        if self.project.jobs < 2:
            return
        from .search import keys_of_pages

        self.search_keys = start_forked(partial(keys_of_pages, pages.values()))

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """The theme's templates get `counted(noun)`: a noun's phrases by plural category in the
        site's language (lexicon/counts.yml), with which the search box counts its results."""
        env.globals["counted"] = partial(forms, language=self.project.language)
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Each index's first page in the navigation, in place of its folder's section."""
        nav.items = top_level(nav.items)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Leave every page out of Material's search index (Material then loads none and the
        header's search box is Bayan's, generator/theme/partials/search.html); remember which
        pages Bayan's index takes: not the home page nor the index pages (the statements they
        point to are in it), nor a page whose front matter says `search: exclude`."""
        search = page.meta.get("search") or {}
        page.meta["bayan_searchable"] = not search.get("exclude") and not (
            page.file.generated_by and not in_search(page.file.src_uri))
        page.meta["search"] = {**search, "exclude": True}
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Keep what the search index needs of a searchable page (its words, not its HTML)."""
        if page.meta.get("bayan_searchable"):
            self.search_entries.append(entry(page.url, page.title or "", html))
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
        """Write the search index of the pages' Arabic search keys (site/search_index.py), then
        build the mirror."""
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
        count = write_index(self.search_entries, Path(config.site_dir) / SEARCH_FOLDER, self.project.language)
        self.search_entries = []
        timer.lap(f"search index of {count} pages")
        if os.environ.get("BAYAN_TIMING"):
            print(timer.report(), file=sys.stderr)
        else:
            log.debug(timer.report())
        if self.project.mirror is not None:
            log.info("Building the mirror %s into %s/%s", self.project.mirror.name, config.site_dir, FOLDER)
            build_mirror(self.project.mirror, config, self.command, self.dirty)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[[], None]
    ) -> LiveReloadServer:
        """Rebuild when a statement, a template or the mirror's configuration or pages change."""
        watched = [self.project.content, self.project.templates]
        if self.project.mirror is not None:
            watched += [self.project.mirror, mirror_docs(self.project.mirror)]
        for path in watched:
            if path.exists():
                server.watch(str(path))
        return server
