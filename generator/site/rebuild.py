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
  last build (Material's own merge under `--dirty` keeps one page's).
"""
from __future__ import annotations

import json
import os
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
from .search import add_key_fields, add_keys

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
    search: dict[str, list[str]] = field(default_factory=dict)  # page URL → its search entries (JSON)
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


def page_of(location: str) -> str:
    """The page URL of a search entry's location (`statements/x/#s3` → `statements/x/`)."""
    return location.split("#", 1)[0]


def search_entries(index: Path, keyed: bool) -> tuple[dict, dict[str, list[str]]]:
    """Material's search index at `index`: its header (config) and its entries as compact JSON,
    by page URL, given their Arabic search keys unless they have them (`keyed`)."""
    data = json.loads(index.read_bytes())
    docs = data.pop("docs")
    by_page: dict[str, list[str]] = {}
    for doc in docs:
        by_page.setdefault(page_of(doc.get("location", "")), []).append(_compact(doc if keyed else add_keys(doc)))
    return data, by_page


def write_search_index(index: Path, header: dict, by_page: Mapping[str, list[str]]) -> None:
    """Write a search index from its header (the key fields named in it) and its entries."""
    add_key_fields(header)
    entries = ",".join(entry for page in by_page.values() for entry in page)
    text = _compact(header)[:-1] + ("," if header else "") + f'"docs":[{entries}]}}'
    tmp = index.with_name(f".{index.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, index)


def _compact(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
