"""Read and validate statements from content/: front matter, Arabic body, English sidecar.

Every problem is reported with the file and line it comes from; a broken statement is
skipped without hiding the others. Nothing here ever writes.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from .model import Meta, Source

STATEMENTS_DIR = "statements"
SIDECAR_SUFFIX = ".en.md"
MAX_BYTES = 2 * 1024 * 1024
FIELDS = {"title", "title_en", "date", "source", "url", "template"}
NAME = re.compile(r"^[\w-]+$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
FENCE = "---"
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10× faster


@dataclass
class SourceError(Exception):
    """A problem in a content file, located by path and line."""

    path: str
    line: int
    code: str
    message: str
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.code}: {self.message}"


def read_statements(
    content_dir: Path, max_bytes: int = MAX_BYTES
) -> tuple[list[Source], list[SourceError]]:
    """All statements under content_dir/statements, sorted by slug, and every problem found.

    A statement with an error is left out; warnings leave it in.
    """
    folder = Path(content_dir) / STATEMENTS_DIR
    root = Path(content_dir).parent
    problems: list[SourceError] = []
    sources: list[Source] = []
    seen: dict[str, str] = {}
    files = sorted(folder.glob("*")) if folder.is_dir() else []
    for file in files:
        if not file.is_file() or file.name.endswith(SIDECAR_SUFFIX):
            continue
        if file.suffix not in (".md", ".txt"):
            continue
        rel = _relative(file, root)
        slug = file.stem
        if slug in seen:
            problems.append(SourceError(rel, 1, "duplicate-slug", f"slug '{slug}' is already used by {seen[slug]}"))
            continue
        seen[slug] = rel
        try:
            source, warnings = read_statement(file, root, max_bytes)
        except SourceError as err:
            problems.append(err)
            continue
        problems.extend(warnings)
        sources.append(source)
    for sidecar in sorted(folder.glob(f"*{SIDECAR_SUFFIX}")) if folder.is_dir() else []:
        if sidecar.name[: -len(SIDECAR_SUFFIX)] not in seen:
            problems.append(SourceError(_relative(sidecar, root), 1, "orphan-sidecar",
                                        "English sidecar without its Arabic statement", "warning"))
    return sources, problems


def read_statement(file: Path, root: Path, max_bytes: int = MAX_BYTES) -> tuple[Source, list[SourceError]]:
    """One statement file (.md with front matter or plain .txt) and its sidecar, if any.

    Paths in messages and in the Source are relative to root (the project folder).
    """
    rel = _relative(file, root)
    slug = file.stem
    if not NAME.match(slug):
        raise SourceError(rel, 1, "bad-slug", f"file name '{file.name}' must use only letters, digits, '-' and '_'")
    text = read_text(file, rel, max_bytes)
    warnings: list[SourceError] = []
    if file.suffix == ".md":
        fields, body, body_line = split_front_matter(text, rel)
        meta = _meta(fields, text, rel, warnings)
    else:
        meta, body, body_line = Meta(title=slug), text, 1
    body, body_line = _trim_leading_blank_lines(body, body_line)
    if not body.strip():
        raise SourceError(rel, body_line, "empty-body", "the statement has no text")
    if not ARABIC_LETTER.search(body):
        raise SourceError(rel, body_line, "no-arabic", "the statement text contains no Arabic")
    translation, sidecar_rel = None, None
    sidecar = file.with_name(slug + SIDECAR_SUFFIX)
    if sidecar.is_file():
        sidecar_rel = _relative(sidecar, root)
        translation = read_paragraphs(read_text(sidecar, sidecar_rel, max_bytes))
    source = Source(slug=slug, path=rel, meta=meta, body=body, body_line=body_line,
                    translation=translation, translation_path=sidecar_rel)
    return source, warnings


def read_text(file: Path, rel: str, max_bytes: int = MAX_BYTES) -> str:
    """Decode a UTF-8 file (BOM and CRLF accepted) or fail naming the line and byte offset."""
    size = file.stat().st_size
    if size > max_bytes:
        raise SourceError(rel, 1, "too-large", f"file is {size} bytes, over the limit of {max_bytes}")
    data = file.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise SourceError(rel, line, "not-utf8", f"invalid UTF-8 at byte offset {err.start}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, rel: str) -> tuple[dict[str, Any], str, int]:
    """Front matter fields, the body after it, and the body's first line number."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return {}, text, 1
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise SourceError(rel, 1, "front-matter", "front matter opened with '---' is never closed") from None
    block = "\n".join(lines[1:close])
    try:
        fields = _load_yaml(block) if block.strip() else {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise SourceError(rel, line, "front-matter", f"invalid YAML: {problem}") from None
    if not isinstance(fields, dict):
        raise SourceError(rel, 2, "front-matter", "front matter must be a mapping of field: value")
    return fields, "\n".join(lines[close + 1:]), close + 2


def _load_yaml(block: str) -> Any:
    """YAML with libyaml; an error is raised again by the Python parser, whose marks are exact."""
    try:
        return yaml.load(block, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.safe_load(block)


def read_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs separated by blank lines, inner line breaks joined with spaces."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return tuple(" ".join(b.split()) for b in blocks if b.strip())


def field_line(text: str, key: str) -> int:
    """The line of a statement file's text where front matter `key:` is set (1 when absent)."""
    for i, line in enumerate(text.split("\n"), 1):
        if re.match(rf"^{re.escape(str(key))}\s*:", line):
            return i
    return 1


def front_matter_line(file: Path, key: str) -> int:
    """The line of `key:` in a statement file's front matter (1 when absent or unreadable)."""
    try:
        return field_line(read_text(file, str(file)), key)
    except (OSError, SourceError):
        return 1


def _meta(fields: dict[str, Any], text: str, rel: str, warnings: list[SourceError]) -> Meta:
    def line_of(key: str) -> int:
        return field_line(text, key)

    for key in fields:
        if key not in FIELDS:
            warnings.append(SourceError(rel, line_of(key), "unknown-field",
                                        f"unknown field '{key}' (known: {', '.join(sorted(FIELDS))})", "warning"))
    for key in FIELDS & fields.keys():
        value = fields[key]
        if key != "date" and value is not None and not isinstance(value, str):
            raise SourceError(rel, line_of(key), "bad-field", f"field '{key}' must be text, got {value!r}")
    title = fields.get("title")
    if not title or not str(title).strip():
        raise SourceError(rel, line_of("title") if "title" in fields else 1, "missing-title",
                          "front matter needs a 'title'")
    template = fields.get("template")
    if template is not None and not NAME.match(template):
        raise SourceError(rel, line_of("template"), "bad-template",
                          f"template '{template}' must be a plain name (letters, digits, '-', '_')")
    url = fields.get("url")
    if url is not None and not re.match(r"^https?://", url):
        warnings.append(SourceError(rel, line_of("url"), "bad-url",
                                    f"url '{url}' is not http(s) and is not linked", "warning"))
        url = None
    return Meta(title=title.strip(), title_en=fields.get("title_en"), date=_date(fields.get("date"), rel, line_of),
                source=fields.get("source"), url=url, template=template)


def _date(value: Any, rel: str, line_of: Callable[[str], int]) -> str | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat() if value else None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise SourceError(rel, line_of("date"), "bad-date", f"date '{value}' is not a date (YYYY-MM-DD)") from None


def _trim_leading_blank_lines(body: str, line: int) -> tuple[str, int]:
    """Drop blank lines before the text (counting them) and trailing whitespace."""
    lines = body.split("\n")
    blank = next((i for i, text in enumerate(lines) if text.strip()), len(lines))
    return "\n".join(lines[blank:]).rstrip(), line + blank


def _relative(file: Path, root: Path) -> str:
    try:
        return os.path.relpath(file, root).replace(os.sep, "/")
    except ValueError:
        return str(file)
