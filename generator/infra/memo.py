"""What the last build of one language made, kept in memory for the next build of the same
process: `mkdocs serve` rebuilds the site at every save, and most of it has not changed.

- each statement file's reading, reused while the file, its sidecar and the glossary are the same;
- each reading's analysis, reused while the reading is the same object;
- what each page was made from (a statement, an index page's context), its problem and its
  sentence anchors: a page made from the same thing is not rendered again, the page store
  (page_cache.py) holds its Markdown.

All of it holds for one `key` (the templates, the configuration, Bayan's code and settings) and
while the page store holds what the memo's last build stored there: `renew` forgets everything
otherwise, and the next build is a full one.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Glossary, Source, Statement
from ..problems import Problem
from ..read.sources import SIDECAR_SUFFIX

Signature = tuple[tuple[int, int, int] | None, ...]
Reader = Callable[[Path, Path, int, Glossary], tuple[Source, list[Problem]]]


@dataclass
class Made:
    """What a page was made from (compared with `==`: the same objects are equal at once), the
    problem that made it an error page, and the sentence anchors it holds."""

    source: object
    problem: Problem | None = None
    anchors: frozenset[str] = frozenset()


@dataclass
class Memo:
    """One language's last build: readings by file, analyses by reading, pages by docs path."""

    key: str = ""
    stored: str | None = None  # the page store's fingerprint after this memo's last build
    readings: dict[Path, tuple[Signature, Source, list[Problem]]] = field(default_factory=dict)
    analyses: dict[int, tuple[Source, Statement]] = field(default_factory=dict)  # by id() of the Source
    made: dict[str, Made] = field(default_factory=dict)
    env: Any = None  # the Jinja environment of the pages' templates

    def renew(self, key: str, stored: str | None) -> None:
        """Forget everything when `key` is not the one the memo holds for, or the page store no
        longer holds the memo's last build (`stored`: the fingerprint it holds now)."""
        if key != self.key or stored != self.stored:
            self.key, self.stored, self.readings, self.analyses, self.made, self.env = key, stored, {}, {}, {}, None

    def reader(self, read: Reader) -> Reader:
        """`read` (read_statement), reusing the last reading of a file whose file, sidecar and
        glossary did not change; only the files read in this build are kept."""
        kept: dict[Path, tuple[Signature, Source, list[Problem]]] = {}
        self.readings, last = kept, self.readings

        def reuse(file: Path, root: Path, max_bytes: int, glossary: Glossary) -> tuple[Source, list[Problem]]:
            signature = (_stat(file), _stat(file.with_name(file.stem + SIDECAR_SUFFIX)))
            held = last.get(file)
            if held is None or held[0] != signature or held[1].glossary != glossary:
                source, warnings = read(file, root, max_bytes, glossary)
                held = (signature, source, warnings)
            kept[file] = held
            return held[1], list(held[2])

        return reuse

    def analysis(self, source: Source) -> Statement | None:
        """The analysis of this very reading in the last build, or None."""
        held = self.analyses.get(id(source))
        return held[1] if held is not None and held[0] is source else None

    def keep_analyses(self, pairs: list[tuple[Source, Statement]]) -> None:
        """The analyses of this build (the only ones kept)."""
        self.analyses = {id(source): (source, statement) for source, statement in pairs}

    def unchanged(self, path: str, source: object) -> Made | None:
        """What the last build knew of the page at `path` if it was made from the same `source`."""
        held = self.made.get(path)
        return held if held is not None and (held.source is source or held.source == source) else None


def _stat(path: Path) -> tuple[int, int, int] | None:
    """A file's size, modification time and inode: any save changes one of them."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino
