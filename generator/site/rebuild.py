"""Rebuilds that build only what changed: `mkdocs serve --dirty` (`make serve`).

MkDocs' `--dirty` builds only the pages whose source file is newer than their HTML, and leaves
the rest of the site folder as the last build wrote it. Bayan's page store keeps the file of a
page whose Markdown did not change untouched (infra/page_cache.py), so MkDocs skips it. What the
skipping alone would get wrong is done here, for each site folder (the site and its mirror):

- a change of what every page depends on (the configuration, the templates, the hand-written
  pages, Bayan's code) empties the site folder first: everything is built again;
- a page of the navigation that MkDocs skips gets its title (and what Material's navigation
  shows of it) from the last build, for the navigation of the pages it builds;
- the HTML of a page gone since the last build (a deleted statement) is removed;
- the search index holds the entries of the pages built, and those of the other pages from the
  last build.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from ..infra.page_cache import fingerprint
from ..project import Project
from .search_index import Entry

T = TypeVar("T")


def site_stamp(project: Project, docs_dir: Path) -> str:
    """What every page of a site depends on besides its own Markdown: the configuration, the
    templates, the hand-written pages (the navigation) and Bayan's code."""
    return fingerprint([project.templates, docs_dir], project.config_files, str(project))


# What the navigation shows of a page: its title, the title with its markup (Material's typeset
# plugin) and its metadata (an icon, a status).
Shown = tuple[str | None, Any, dict[str, Any]]


@dataclass
class LastBuild:
    """What the last build of one site folder in this process wrote."""

    stamp: str
    pages: dict[str, str] = field(default_factory=dict)  # src_uri → the HTML file written
    search: dict[str, Entry] = field(default_factory=dict)  # page URL → its search entry
    shown: dict[str, Shown] = field(default_factory=dict)  # src_uri → a navigation page as the navigation shows it


class Builds:
    """The last build of each site folder, for the next `--dirty` build of the same folder."""

    def __init__(self) -> None:
        self.last: dict[str, LastBuild] = {}

    def start(self, site_dir: str, stamp: str) -> LastBuild | None:
        """Begin a build: the last build of `site_dir`, or None when everything is built again
        (first build in this process, or a changed `stamp`), the folder then emptied first."""
        last = self.last.pop(site_dir, None)
        if last is None or last.stamp != stamp:
            clean_directory(site_dir)
            return None
        return last

    def finish(self, site_dir: str, build: LastBuild) -> None:
        """Remember a build that succeeded (a failed one is forgotten: the next is a full build)."""
        self.last[site_dir] = build


def navigation_titles(pages: Iterable[Page], last: LastBuild | None) -> dict[str, Shown]:
    """Give each page of the navigation that MkDocs skipped (not read: it did not change) what
    the navigation shows of it, from the last build; returns that of every navigation page."""
    shown = {}
    for page in pages:
        uri = page.file.src_uri
        if page.markdown is None and last is not None and uri in last.shown:
            page.title, typeset, page.meta = last.shown[uri]  # type: ignore[misc]
            if typeset is not None:
                page.typeset = typeset  # type: ignore[attr-defined]
        shown[uri] = (page.title, getattr(page, "typeset", None), page.meta)
    return shown


def remove_gone(last: LastBuild, present: Iterable[str]) -> list[str]:
    """Remove the HTML of the pages of the last build that this build no longer has (and the
    folders that leaves empty); the pages removed."""
    gone = sorted(last.pages.keys() - set(present))
    for uri in gone:
        path = Path(last.pages[uri])
        path.unlink(missing_ok=True)
        try:
            path.parent.rmdir()  # statements/x/ of statements/x/index.html
        except OSError:
            pass
    return gone


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory: the theme's templates are compiled once per process,
    not once per build (MkDocs makes a new Jinja environment at each build)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def carry_over(last: Mapping[str, T], fresh: Mapping[str, T], built: set[str], order: Sequence[str]) -> dict[str, T]:
    """Per-page data of a site after a `--dirty` build: the `fresh` data of the pages `built`,
    the `last` build's for the other pages still in the site (`order`); pages built but not in
    `order` come last."""
    merged = {}
    for url in order:
        source = fresh if url in built else last
        if url in source:
            merged[url] = source[url]
    for url, data in fresh.items():
        merged.setdefault(url, data)
    return merged

