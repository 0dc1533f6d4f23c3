"""The pages of the last build, reused as they are when nothing they depend on has changed.

A build depends on the content folder, the project's templates, the configuration files (the
mirror's and the one it INHERITs from) and Bayan itself (its code, templates and lexicon). Their
fingerprint is taken from file names, sizes and modification times, which costs a few
milliseconds where reading and hashing 3,000 statements costs a second: an unchanged project
then skips reading, analysis and rendering. Any change goes through the normal path, where the
analysis cache still spares the statements that did not change. Each stored page is checked
against the digest kept with it before it is used: a page changed in the store (by hand, a disk
or an editor) makes the pages anew rather than be published. A page keeps its file, untouched,
while its Markdown stays the same, so MkDocs' `--dirty` skips it.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..problems import Problem

PACKAGE = Path(__file__).parent.parent


def fingerprint(folders: Iterable[Path], files: Iterable[Path] = (), extra: str = "") -> str:
    """A digest of every file's path, size and modification time under the folders, and the files."""
    digest = hashlib.sha256(extra.encode("utf-8"))
    for folder in [*folders, PACKAGE]:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                _add(digest, os.path.join(root, name))
    for file in files:
        _add(digest, str(file))
    return digest.hexdigest()


def _add(digest: "hashlib._Hash", path: str) -> None:
    try:
        info = os.stat(path)
    except OSError:
        digest.update(f"{path}\0missing\n".encode("utf-8", "surrogateescape"))
        return
    digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))


class PageCache:
    """The pages (docs path → Markdown) and the problems of the last build of one site, as files
    in one folder, with the fingerprint they were made under (a changed project never reads
    them). A page whose Markdown stays the same keeps its file untouched, and so its modification
    time: `mkdocs serve --dirty` rebuilds only the pages whose file is newer than their HTML."""

    def __init__(self, folder: Path, name: str = "ar") -> None:
        self.parent = Path(folder)
        self.name = name  # one store per site (the Arabic site and its English mirror)
        self.folder = self.parent / f"pages-{name}"

    def _contents(self) -> dict[str, Any] | None:
        try:
            stored = json.loads((self.folder / _CONTENTS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return stored if isinstance(stored, dict) else None

    def stored_key(self) -> str | None:
        """The fingerprint of the build the store holds, or None."""
        return (self._contents() or {}).get("key")

    def load(self, key: str | None) -> tuple[dict[str, Path], list[Problem], list[Problem]] | None:
        """The page files, problems and findings stored under this fingerprint (None: whatever
        was stored last), or None, also when a page file no longer holds what was stored
        (changed by hand, a disk or an editor): the pages are then made anew."""
        stored = self._contents()
        if stored is None or key is not None and stored.get("key") != key:
            return None
        try:
            pages = {uri: self.folder / uri for uri in stored["pages"]}
            if any(_digest(pages[uri].read_bytes()) != digest for uri, digest in stored["pages"].items()):
                return None
            problems = [Problem(**p) for p in stored["problems"]]
            findings = [Problem(**p) for p in stored["findings"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return pages, problems, findings

    def save(self, key: str, pages: Mapping[str, str | None], problems: list[Problem],
             findings: list[Problem]) -> dict[str, Path]:
        """Store this build's pages, in their order; None for a page kept from the last build,
        unchanged (its file stays as it is). A page file is written only when it does not hold
        the page already; the files of pages no longer in the build are removed. Returns every
        page's file."""
        before = (self._contents() or {}).get("pages", {})
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / _CONTENTS).unlink(missing_ok=True)  # until it is written again, nothing is used
        digests = {}
        for uri, markdown in pages.items():
            if markdown is None:
                digests[uri] = before[uri]
                continue
            data = markdown.encode("utf-8")
            target = self.folder / uri
            if not _holds(target, data):
                target.parent.mkdir(parents=True, exist_ok=True)
                _write_atomic(target, data)
            digests[uri] = _digest(data)
        for uri in before.keys() - digests.keys():
            _remove(self.folder, uri)
        contents = {"key": key, "pages": digests, "problems": [asdict(p) for p in problems],
                    "findings": [asdict(p) for p in findings]}
        _write_atomic(self.folder / _CONTENTS, json.dumps(contents, ensure_ascii=False).encode("utf-8"))
        for old in self.parent.glob(f"pages-{self.name}-*"):  # the stores of an older Bayan
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
        return {uri: self.folder / uri for uri in digests}


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file at `path` holds exactly `data`."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _write_atomic(path: Path, data: bytes) -> None:
    """Write a file through a temporary file and a rename: never seen half-written."""
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}-", delete=False) as tmp:
        tmp.write(data)
    os.replace(tmp.name, path)


def _remove(folder: Path, uri: str) -> None:
    """Remove a page's file, and the folders it leaves empty inside `folder`."""
    path = folder / uri
    path.unlink(missing_ok=True)
    for parent in path.parents:
        if parent == folder or not parent.is_relative_to(folder):
            break
        try:
            parent.rmdir()
        except OSError:  # not empty
            break


_CONTENTS = ".contents.json"  # each page's digest, the problems and findings, written last: a stored build is complete


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

