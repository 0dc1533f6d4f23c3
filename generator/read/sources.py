"""Read and validate statements from content/: front matter, Arabic body, English sidecar.

Every problem is reported with the file and line it comes from; a broken statement is
skipped without hiding the others. Nothing here ever writes.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import re
from pathlib import Path
from typing import Any, Callable, NamedTuple

import yaml

from ..lexicon.labels import vocabulary
from ..lexicon.outlets import outlet
from ..model import Glossary, GlossaryEntry, Meta, Source
from ..problems import Problem, ProblemError, error

STATEMENTS_DIR = "statements"
SIDECAR_SUFFIX = ".en.md"
GLOSSARY = "glossary.yml"  # in the content folder, beside statements/
MAX_BYTES = 2 * 1024 * 1024
FIELDS = {"title", "title_en", "date", "source", "url", "template"}
NAME = re.compile(r"^[\w-]+$")
# The line `new` writes where the text goes: a statement that still holds it is not published.
PLACEHOLDER = "اكتب هنا نص البيان كما صدر، مكان هذا السطر."

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
FENCE = "---"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
ENTITY_TYPES = vocabulary("entity_type").codes  # ORG LOC PER DOC EVENT OTHER (lexicon/labels.yml)


def read_statements(
    content_dir: Path, max_bytes: int = MAX_BYTES, read: Callable[..., tuple[Source, list[Problem]]] | None = None
) -> tuple[list[Source], list[Problem]]:
    """All statements under content_dir/statements, sorted by slug, and every problem found.

    A statement with an error is left out; warnings leave it in. Each file is read by `read`
    (read_statement, or one that reuses the last build's readings: infra/memo.py).
    """
    read = read or read_statement
    folder = Path(content_dir) / STATEMENTS_DIR
    root = Path(content_dir).parent
    problems: list[Problem] = []
    sources: list[Source] = []
    seen: dict[str, tuple[str, str]] = {}  # slug key → (slug, file)
    files = sorted(folder.glob("*")) if folder.is_dir() else []
    try:
        glossary = read_glossary(Path(content_dir) / GLOSSARY, root)
    except ProblemError as err:  # reported once; the statements build without it
        problems.append(err.problem)
        glossary = Glossary()
    for file in files:
        rel = _relative(file, root)
        if file.name.startswith(".") or file.name.endswith(SIDECAR_SUFFIX):
            continue  # hidden files (editor swap files, .DS_Store); sidecars are read with their statement
        if not file.is_file() or file.suffix not in (".md", ".txt"):
            problems.append(warning(rel, 1, "ignored-file",
                                    "not a statement: only .md and .txt files in statements/ are read"))
            continue
        slug = file.stem
        clash = seen.get(slug_key(slug))
        if clash:
            same = "is already used by" if clash[0] == slug else f"clashes with '{clash[0]}' of"
            problems.append(Problem("error", "duplicate-slug", f"slug '{slug}' {same} {clash[1]} (one page, "
                                    "one URL per slug, whatever the letter case)", line=1, path=rel))
            continue
        seen[slug_key(slug)] = (slug, rel)
        try:
            source, warnings = read(file, root, max_bytes, glossary)
        except ProblemError as err:
            problems.append(err.problem)
            continue
        problems.extend(warnings)
        sources.append(source)
    for sidecar in sorted(folder.glob(f"*{SIDECAR_SUFFIX}")) if folder.is_dir() else []:
        owner = seen.get(slug_key(sidecar.name[: -len(SIDECAR_SUFFIX)]))
        if owner is None or owner[0] != sidecar.name[: -len(SIDECAR_SUFFIX)]:
            problems.append(warning(_relative(sidecar, root), 1, "orphan-sidecar",
                                    "English sidecar without its Arabic statement"))
    return sources, problems


def warning(path: str, line: int, code: str, message: str) -> Problem:
    """A problem that leaves the statement in."""
    return Problem("warning", code, message, line=line, path=path)


def slug_key(slug: str) -> str:
    """What makes two slugs the same page on a case-insensitive file system or URL."""
    return slug.lower()


def read_statement(file: Path, root: Path, max_bytes: int = MAX_BYTES,
                   glossary: Glossary | None = None) -> tuple[Source, list[Problem]]:
    """One statement file (.md with front matter or plain .txt) and its sidecar, if any.

    Paths in messages and in the Source are relative to root (the project folder). Without
    `glossary`, the content folder's glossary.yml is read (its errors raise ProblemError).
    """
    rel = _relative(file, root)
    slug = file.stem
    if not NAME.match(slug):
        raise error(rel, 1, "bad-slug", f"file name '{file.name}' must use only letters, digits, '-' and '_'")
    _inside(file, rel)
    text = read_text(file, rel, max_bytes)
    warnings: list[Problem] = []
    if file.suffix == ".md":
        fields, body, body_line = split_front_matter(text, rel)
        meta = _meta(fields, text, rel, warnings)
    else:
        meta, body, body_line = Meta(title=slug), text, 1
    body, body_line = _trim_leading_blank_lines(body, body_line)
    if not body.strip():
        raise error(rel, body_line, "empty-body", "the statement has no text")
    if not ARABIC_LETTER.search(body):
        raise error(rel, body_line, "no-arabic", "the statement text contains no Arabic")
    for n, line in enumerate(body.splitlines()):
        if line.strip() == PLACEHOLDER:
            raise error(rel, body_line + n, "placeholder",
                        "the placeholder line of `new` is still there: replace it with the statement's text")
    translation, lines, sidecar_rel = None, (), None
    sidecar = file.with_name(slug + SIDECAR_SUFFIX)
    if sidecar.is_file():
        sidecar_rel = _relative(sidecar, root)
        _inside(sidecar, sidecar_rel)
        paragraphs = read_paragraphs(read_text(sidecar, sidecar_rel, max_bytes))
        translation = tuple(p.text for p in paragraphs)
        lines = tuple(p.line for p in paragraphs)
    if glossary is None:
        glossary = read_glossary(file.parent.parent / GLOSSARY, root)
    source = Source(slug=slug, path=rel, meta=meta, body=body, body_line=body_line,
                    translation=translation, translation_path=sidecar_rel, translation_lines=lines,
                    glossary=glossary, template_line=field_line(text, "template") if meta.template else 1)
    return source, warnings


def _inside(file: Path, rel: str) -> None:
    """Refuse a file that is a link to somewhere outside its folder."""
    if file.is_symlink() and file.resolve().parent != file.parent.resolve():
        raise error(rel, 1, "outside-content",
                          f"'{file.name}' links to {file.resolve()}, outside {file.parent.name}/")


def read_text(file: Path, rel: str, max_bytes: int = MAX_BYTES) -> str:
    """Decode a UTF-8 file (BOM and CRLF accepted) or fail naming the line and byte offset."""
    size = file.stat().st_size
    if size > max_bytes:
        raise error(rel, 1, "too-large", f"file is {size} bytes, over the limit of {max_bytes}")
    data = file.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        hint = " (the file looks like UTF-16: save it as UTF-8)" if data[:2] in UTF16_BOMS else ""
        raise error(rel, line, "not-utf8", f"invalid UTF-8 at byte offset {err.start}{hint}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, rel: str) -> tuple[dict[str, Any], str, int]:
    """Front matter fields, the body after it, and the body's first line number."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return {}, text, 1
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise error(rel, 1, "front-matter", "front matter opened with '---' is never closed") from None
    block = "\n".join(lines[1:close])
    try:
        fields = _load_yaml(block) if block.strip() else {}
    except RecursionError:
        raise error(rel, 2, "front-matter", "invalid YAML: nested too deeply") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise error(rel, line, "front-matter", f"invalid YAML: {problem}") from None
    if not isinstance(fields, dict):
        raise error(rel, 2, "front-matter", "front matter must be a mapping of field: value")
    return fields, "\n".join(lines[close + 1:]), close + 2


class _Loader(yaml.SafeLoader):
    """Safe YAML whose every error is a YAMLError with a position (`date: 2018-02-30` included)."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as err:
            raise yaml.constructor.ConstructorError(None, None, str(err), node.start_mark) from None


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader), _Loader):  # type: ignore[misc]
    """`_Loader` on libyaml when available: front matter of 3,000 statements in 0.3 s, not 3 s."""


def _load_yaml(block: str) -> Any:
    """YAML through libyaml; on an error, `_Loader` parses again to locate it exactly."""
    try:
        data = yaml.load(block, _FastLoader)
    except yaml.YAMLError:
        return yaml.load(block, _Loader)
    if _too_deep(data):
        raise RecursionError("nested too deeply")  # as the Python parser would
    return data


def _too_deep(data: Any, limit: int = 100) -> bool:
    """Whether YAML data nests deeper than `limit` lists or mappings."""
    level, seen = [data], set()
    for _ in range(limit):
        containers = [item for item in level if isinstance(item, (list, dict)) and id(item) not in seen]
        seen.update(map(id, containers))  # aliases share objects: each is visited once
        level = [v for item in containers for v in (item.values() if isinstance(item, dict) else item)]
        if not level:
            return False
    return True


class Paragraph(NamedTuple):
    text: str  # inner line breaks joined with spaces
    line: int  # line of the file where it starts


def read_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs separated by blank lines, each with the line it starts on."""
    paragraphs: list[Paragraph] = []
    block: list[str] = []
    start = 1
    for number, line in enumerate([*text.split("\n"), ""], 1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            paragraphs.append(Paragraph(" ".join(" ".join(block).split()), start))
            block = []
    return tuple(paragraphs)


def read_glossary(file: Path, root: Path) -> Glossary:
    """The project's glossary (empty when there is none); errors name the file and line."""
    if not file.is_file():
        return Glossary()
    stat = file.stat()
    return _glossary(file, _relative(file, root), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _glossary(file: Path, rel: str, mtime: int, size: int) -> Glossary:
    text = read_text(file, rel)
    try:
        data = yaml.load(text, _Loader) or {}
    except RecursionError:
        raise error(rel, 1, "glossary", "invalid YAML: nested too deeply") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise error(rel, mark.line + 1 if mark else 1, "glossary",
                          f"invalid YAML: {getattr(err, 'problem', None) or err}") from None
    if not isinstance(data, dict) or set(data) - {"entities", "terms"}:
        raise error(rel, 1, "glossary", "the glossary is a mapping with 'entities' and 'terms' lists")
    sections = {}
    for section in ("entities", "terms"):
        items = data.get(section) or []
        if not isinstance(items, list):
            raise error(rel, field_line(text, section), "glossary", f"'{section}' must be a list")
        sections[section] = tuple(_glossary_entry(item, section, rel, text) for item in items)
    return Glossary(**sections)


def _glossary_entry(item: Any, section: str, rel: str, text: str) -> GlossaryEntry:
    ar = item.get("ar") if isinstance(item, dict) else None
    ar = [ar] if isinstance(ar, str) else ar
    en, kind = (item.get("en"), item.get("type")) if isinstance(item, dict) else (None, None)
    valid = (isinstance(ar, list) and ar and all(isinstance(a, str) and ARABIC_LETTER.search(a) for a in ar)
             and isinstance(en, str) and en.strip() and (kind is None or kind in ENTITY_TYPES))
    if not valid:
        first = ar[0] if isinstance(ar, list) and ar and isinstance(ar[0], str) else None
        line = next((i for i, l in enumerate(text.split("\n"), 1) if first and first in l), field_line(text, section))
        raise error(rel, line, "glossary",
                          f"each of '{section}' needs 'ar' (Arabic variants) and 'en' (text)"
                          + (f" and a 'type' among {', '.join(ENTITY_TYPES)}" if section == "entities" else ""))
    return GlossaryEntry(tuple(a.strip() for a in ar), en.strip(),
                         (kind or "OTHER") if section == "entities" else None)


def field_line(text: str, key: str) -> int:
    """The line of a statement file's text where front matter `key:` is set (1 when absent)."""
    for i, line in enumerate(text.split("\n"), 1):
        if re.match(rf"^{re.escape(str(key))}\s*:", line):
            return i
    return 1


def _meta(fields: dict[str, Any], text: str, rel: str, warnings: list[Problem]) -> Meta:
    def line_of(key: str) -> int:
        return field_line(text, key)

    for key in fields:
        if key not in FIELDS:
            warnings.append(warning(rel, line_of(key), "unknown-field",
                                    f"unknown field '{key}' (known: {', '.join(sorted(FIELDS))})"))
    for key in FIELDS & fields.keys():
        value = fields[key]
        if key != "date" and value is not None and not isinstance(value, str):
            raise error(rel, line_of(key), "bad-field", f"field '{key}' must be text, got {_kind(value)}")
    title = fields.get("title")
    if not title or not str(title).strip():
        raise error(rel, line_of("title") if "title" in fields else 1, "missing-title",
                          "front matter needs a 'title'")
    template = fields.get("template")
    if template is not None and not NAME.match(template):
        raise error(rel, line_of("template"), "bad-template",
                          f"template '{template}' must be a plain name (letters, digits, '-', '_')")
    url = fields.get("url")
    if url is not None and not re.match(r"^https?://", url):
        warnings.append(warning(rel, line_of("url"), "bad-url",
                                    f"url '{url}' is not http(s) and is not linked"))
        url = None
    source = fields.get("source")
    known = outlet(source)  # «was», «واس»: one outlet, by its name
    return Meta(title=title.strip(), title_en=fields.get("title_en"), date=_date(fields.get("date"), rel, line_of),
                source=known.name if known else source, url=url, template=template,
                source_en=known.en if known else None)


def _kind(value: Any) -> str:
    """What a YAML value is, in words (never the value: it may be huge or nested)."""
    kinds = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a mapping",
             set: "a set", bytes: "binary data", dt.date: "a date", dt.datetime: "a date and time"}
    return kinds.get(type(value), type(value).__name__)


def _date(value: Any, rel: str, line_of: Callable[[str], int]) -> str | None:
    if not isinstance(value, (str, int, dt.date, type(None))) or isinstance(value, bool):
        raise error(rel, line_of("date"), "bad-date", f"date must be a date (YYYY-MM-DD), got {_kind(value)}")
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat() if value else None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise error(rel, line_of("date"), "bad-date", f"date '{value}' is not a date (YYYY-MM-DD)") from None


def _trim_leading_blank_lines(body: str, line: int) -> tuple[str, int]:
    """Drop blank lines before the text (counting them) and trailing whitespace."""
    lines = body.split("\n")
    blank = next((i for i, text in enumerate(lines) if text.strip()), None)
    if blank is None:  # no text at all: point at where it should begin
        return "", line
    return "\n".join(lines[blank:]).rstrip(), line + blank


def _relative(file: Path, root: Path) -> str:
    try:
        return os.path.relpath(file, root).replace(os.sep, "/")
    except ValueError:
        return str(file)
