"""MkDocs plugin: statements from content/ become generated pages; nothing is written there.

Each build reads and analyses `content/statements/`, renders the home page, the template
reference and one page per statement through the templates (the project's `templates/` over
the built-in ones), and adds them as virtual files, with the assets under `templates/assets/`.
A statement that cannot be read, analysed or rendered is reported as a warning (which fails
`mkdocs build --strict`) naming its file and line; the others still build.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .cache import AnalysisCache
from .indexes import in_nav
from .model import Statement
from .pipeline import load_content
from .render import render_pages

log = get_plugin_logger("bayan")

_BODY_DIR = re.compile(r'<body\b[^>]*\bdir="(ltr|rtl)"')
_HTML_LANG = re.compile(r'<html\b(?![^>]*\bdir=)[^>]*?\blang="[^"]*"')


def html_dir(output: str) -> str:
    """Copy the theme's writing direction from <body> to <html> (Material sets it on body)."""
    body = _BODY_DIR.search(output)
    if not body:
        return output
    return _HTML_LANG.sub(lambda m: f'{m.group()} dir="{body[1]}"', output, count=1)


class BayanConfig(Config):
    """Folders are relative to mkdocs.yml; an empty `cache_dir` turns the analysis cache off."""

    content_dir = opt.Type(str, default="content")
    templates_dir = opt.Type(str, default="templates")
    cache_dir = opt.Type(str, default=".cache/bayan")
    jobs = opt.Type(int, default=1)


class BayanPlugin(BasePlugin[BayanConfig]):
    """Generate the statement pages and the home page of a Bayan site."""

    def _folder(self, config: MkDocsConfig, name: str) -> Path:
        return Path(config.config_file_path).parent / name

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        templates = self._folder(config, self.config.templates_dir)
        content = self._folder(config, self.config.content_dir)
        rendered = render_pages(self._statements(config), config, templates, content.parent)
        for problem in rendered.problems:  # that page is left out; the others build
            log.warning(str(problem))
        for src_uri, markdown in rendered.pages.items():
            if files.get_file_from_path(src_uri) is not None:
                log.info("%s in the docs folder replaces the generated page", src_uri)
                continue
            file = File.generated(config, src_uri, content=markdown)
            if not in_nav(src_uri):
                # Statements and further index pages are reached by links: the navigation stays small.
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        assets = templates / "assets"
        for path in sorted(p for p in assets.rglob("*") if p.is_file()):
            src_uri = "assets/" + path.relative_to(assets).as_posix()
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        return files

    def _statements(self, config: MkDocsConfig) -> list[Statement]:
        """Every statement that reads and analyses; each problem becomes a warning."""
        cache_dir = self.config.cache_dir
        cache = AnalysisCache(self._folder(config, cache_dir)) if cache_dir else None
        content = self._folder(config, self.config.content_dir)
        statements, problems = load_content(content, cache, self.config.jobs)
        for problem in problems:
            log.warning(str(problem))
        good = []
        for statement in statements:
            errors = [f for f in statement.findings if f.level == "error"]
            for finding in errors:  # reading errors leave a file out; these are analysis crashes
                log.warning(finding.message)
            if not errors:
                good.append(statement)
        return good

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Put the writing direction on <html> as well."""
        return html_dir(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The same for static templates such as 404.html."""
        return html_dir(output_content)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[[], None]
    ) -> LiveReloadServer:
        """Rebuild when a statement or a template changes."""
        server.watch(str(self._folder(config, self.config.content_dir)))
        server.watch(str(self._folder(config, self.config.templates_dir)))
        return server
