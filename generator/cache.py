"""Analysis cache: a statement is re-analysed only when its text or the analysis changed.

The key is a hash of everything analysis reads from a source plus the analysis version (the
lexicon and the analysis code), so editing one statement re-analyses that one only.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from .model import Source, Statement, statement_from_dict

PACKAGE = Path(__file__).parent
ANALYSIS_FILES = ("lexicon/**/*.yml", "analysis/**/*.py", "arabic.py", "model.py", "translation.py",
                  "translation_qa.py", "glossary.py")


@functools.cache
def analysis_version() -> str:
    """A hash of the lexicon and the analysis code: changes whenever their results may change."""
    digest = hashlib.sha256()
    for pattern in ANALYSIS_FILES:
        for file in sorted(PACKAGE.glob(pattern)):
            digest.update(file.relative_to(PACKAGE).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


class AnalysisCache:
    """Analysed statements stored as JSON files, one per source version."""

    def __init__(self, folder: Path, version: str | None = None) -> None:
        self.folder = Path(folder)
        self.version = version or analysis_version()

    def key(self, source: Source) -> str:
        data = json.dumps([self.version, dataclasses.asdict(source)], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    def _path(self, source: Source) -> Path:
        key = self.key(source)
        return self.folder / key[:2] / f"{key}.json"

    def get(self, source: Source) -> Statement | None:
        """The cached analysis of this exact source, or None."""
        try:
            data = json.loads(self._path(source).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return statement_from_dict(data)

    def put(self, source: Source, statement: Statement) -> None:
        """Store an analysis (atomically, so a crash never leaves a half-written entry)."""
        path = self._path(source)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
            json.dump(statement.to_dict(), tmp, ensure_ascii=False)
        os.replace(tmp.name, path)
