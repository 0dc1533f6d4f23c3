"""The pages of the last build, reused as they are when nothing they depend on has changed.

A build depends on the content folder, the project's templates, the configuration files (the
mirror's and the one it INHERITs from) and Bayan itself (its code, templates and lexicon). Their
fingerprint is taken from file names, sizes and modification times, which costs a few
milliseconds where reading and hashing 3,000 statements costs a second: an unchanged project
then skips reading, analysis and rendering. Any change goes through the normal path, where the
analysis cache still spares the statements that did not change. Each stored page is checked
against the digest kept with it before it is used: a page changed in the store (by hand, a disk
or an editor) makes the pages anew rather than be published.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

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
    """The pages (docs path → Markdown) and the problems of the last build, as files in a folder
    named by its fingerprint (so a changed project never reads it). An unchanged project hands
    MkDocs the page files, which MkDocs reads as it reads the pages of its docs folder."""

    def __init__(self, folder: Path, name: str = "ar") -> None:
        self.folder = Path(folder)
        self.name = name  # one stored build per site (the Arabic site and its English mirror)

    def _path(self, key: str) -> Path:
        return self.folder / f"pages-{self.name}-{key[:32]}"

    def load(self, key: str) -> tuple[dict[str, Path], list[Problem], list[Problem]] | None:
        """The page files, problems and findings stored under this fingerprint, or None, also
        when a page file no longer holds what was stored (changed by hand, a disk or an editor):
        the pages are then made anew."""
        folder = self._path(key)
        try:
            stored = json.loads((folder / _CONTENTS).read_text(encoding="utf-8"))
            pages = {uri: folder / uri for uri in stored["pages"]}
            if any(_digest(pages[uri].read_bytes()) != digest for uri, digest in stored["pages"].items()):
                return None
            problems = [Problem(**p) for p in stored["problems"]]
            findings = [Problem(**p) for p in stored["findings"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return pages, problems, findings

    def save(self, key: str, pages: dict[str, str], problems: list[Problem], findings: list[Problem]) -> None:
        """Store this build's output, replacing the previous one: written in a temporary folder
        that takes its name once complete."""
        self.folder.mkdir(parents=True, exist_ok=True)
        folder = self._path(key)
        tmp = Path(tempfile.mkdtemp(dir=self.folder, prefix=f".{folder.name}-"))
        digests = {}
        for uri, markdown in pages.items():
            target = tmp / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            data = markdown.encode("utf-8")
            target.write_bytes(data)
            digests[uri] = _digest(data)
        contents = {"pages": digests, "problems": [asdict(p) for p in problems],
                    "findings": [asdict(p) for p in findings]}
        (tmp / _CONTENTS).write_text(json.dumps(contents, ensure_ascii=False), encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(tmp, folder)
        for old in self.folder.glob(f"pages-{self.name}-*"):
            if old == folder:
                continue
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:  # a store of an older Bayan (one file)
                old.unlink(missing_ok=True)


_CONTENTS = ".contents.json"  # each page's digest, the problems and findings, written last: a stored build is complete


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
