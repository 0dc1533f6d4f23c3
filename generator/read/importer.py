"""Import corpora into statement files (`python -m generator import`).

Layouts read: JSON Lines of articles (title, content, url, date, source — as SaudiNewsNet),
JSON Lines of aligned documents (NTREX: doc_id, ar_sentences, en_sentences), JSON Lines of
aligned sentence pairs grouped by document (UN: doc, ar, en; NTREX pairs: doc_id, sent_index,
ar, en), and folders of plain `.txt`. Articles may carry their text as `content` or `article`
(EASC). Slugs are stable (date + id, or date + transliterated title); an existing file is never
overwritten unless `force` is set.

Aligned units become one line of the body each, and one paragraph of the English sidecar each,
with a `[n]`/`[n-m]` marker where Bayan's sentence splitter does not make that line exactly the
next sentence.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from pyarabic import trans

from ..analysis.sentences import split_sentences
from ..analysis.translation import line_markers
from ..analysis.wire import frame
from ..lexicon.outlets import outlet
from ..lexicon.wire import wire
from .sources import SIDECAR_SUFFIX

SLUG_WORDS = 6
TEXT_FIELDS = ("content", "article", "text")


class ImportFormatError(Exception):
    """A corpus record that cannot be read, located by file and line."""


@dataclass(frozen=True)
class Imported:
    """One statement to write: front matter, Arabic body, optional English paragraphs."""

    slug: str
    fields: dict[str, str]
    body: str
    english: tuple[str, ...] | None = None


@dataclass
class Report:
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def slugify(*parts: str | None) -> str:
    """A file-name-safe slug: Arabic transliterated with PyArabic, other characters dropped."""
    latin = trans.utf82latin(" ".join(p for p in parts if p)).lower()
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-")[:80].strip("-") or "statement"


def read_records(path: Path) -> Iterator[Imported]:
    """Statements from a JSON Lines file or a folder of .txt files."""
    if path.is_dir():
        yield from _text_folder(path)
        return
    records = list(_json_lines(path))
    first = records[0] if records else {}
    if "ar_sentences" in first:
        yield from map(_aligned_document, records)
    elif "ar" in first and ("doc" in first or "doc_id" in first):
        yield from _sentence_pairs(records)
    elif any(key in first for key in TEXT_FIELDS):
        yield from map(_article, records)
    elif records:
        raise ImportFormatError(f"{path}:1: unknown layout: a record needs one of {', '.join(TEXT_FIELDS)}, "
                                f"ar_sentences, or ar with doc/doc_id (fields found: {', '.join(first)})")


def _json_lines(path: Path) -> Iterator[dict]:
    for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as err:
            raise ImportFormatError(f"{path}:{n}: not JSON: {err}") from None
        if not isinstance(record, dict):
            raise ImportFormatError(f"{path}:{n}: a record must be a JSON object")
        yield record


def _article(record: dict) -> Imported:
    title = _plain(str(record.get("title") or ""))
    date = str(record.get("date") or record.get("date_extracted") or "")[:10] or None
    fields = {"title": title or record.get("id") or "untitled", "date": date,
              "source": source_name(record.get("source")), "url": record.get("url")}
    ident = record.get("id")
    slug = slugify(date, ident) if ident else slugify(date, *title.split()[:SLUG_WORDS])
    text = next((record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str)), "")
    return Imported(slug, fields, _without_navigation(html.unescape(text)).strip())


def _plain(text: str) -> str:
    """A scraped one-line field as text: HTML entities decoded («&#8220;» → «“»), blanks joined."""
    return " ".join(html.unescape(text).split())


def source_name(source: object) -> str | None:
    """The display name of the outlet a corpus names by code («was» → «وكالة الأنباء السعودية»);
    any other source as it is."""
    if not isinstance(source, str):
        return None
    known = outlet(source)
    return known.name if known else _plain(source) or None


@cache
def _navigation() -> re.Pattern[str]:
    words = "|".join(map(re.escape, wire().navigation))
    return re.compile(rf"\A\s*(?:(?:{words})\b[ \t]*)+")


def _without_navigation(text: str) -> str:
    """The text without the web-page navigation words it starts with («Next Previous …»)."""
    return _navigation().sub("", text, count=1)


def _aligned_document(record: dict) -> Imported:
    arabic, english = record["ar_sentences"], record["en_sentences"]
    fields = {"title": arabic[0], "title_en": english[0], "source": source_name(record.get("source"))}
    return _aligned(slugify("ntrex", record["doc_id"]), fields, arabic, english)


def _sentence_pairs(records: list[dict]) -> Iterator[Imported]:
    documents: dict[str, list[dict]] = {}
    for record in records:
        documents.setdefault(str(record.get("doc") or record.get("doc_id")), []).append(record)
    un = "doc" in records[0]
    for doc, pairs in documents.items():
        pairs.sort(key=lambda p: p.get("sent_index", 0))  # stable: file order when there is none
        if un:
            symbol = pairs[0].get("doc_symbol") or doc
            fields = {"title": symbol, "title_en": symbol, "source": "United Nations"}
        else:
            fields = {"title": pairs[0]["ar"], "title_en": pairs[0]["en"], "source": source_name(pairs[0].get("source"))}
        yield _aligned(slugify("un" if un else "ntrex", doc), fields,
                       [p["ar"] for p in pairs], [p["en"] for p in pairs])


def _aligned(slug: str, fields: dict, arabic: list[str], english: list[str]) -> Imported:
    """An aligned document: each Arabic unit on one line, its English as one paragraph."""
    pairs = [(_plain(ar), _plain(en)) for ar, en in zip(arabic, english)]
    return Imported(slug, fields, "\n".join(ar for ar, _ in pairs), tuple(en for _, en in pairs))


def _text_folder(folder: Path) -> Iterator[Imported]:
    for file in sorted(folder.glob("*.txt")):
        text = file.read_text(encoding="utf-8-sig")
        yield Imported(slugify(file.stem), {"title": file.stem}, text.strip())


def import_into(path: Path, into: Path, force: bool = False) -> Report:
    """Write every statement found at path into the folder `into`; never overwrite without force."""
    items = list(read_records(path))  # a broken record stops the import before anything is written
    into.mkdir(parents=True, exist_ok=True)
    report = Report()
    used: set[str] = set()
    for item in items:
        slug = _unique(item.slug, used)
        target = into / f"{slug}.md"
        if target.exists() and not force:
            report.skipped.append(target)
            continue
        target.write_text(render_statement(item), encoding="utf-8")
        if item.english is not None:
            (into / f"{slug}{SIDECAR_SUFFIX}").write_text(render_sidecar(item), encoding="utf-8")
        report.written.append(target)
    return report


def render_sidecar(item: Imported) -> str:
    """The English sidecar: one paragraph per line of the body, with a `[n]` marker wherever
    Bayan's sentence splitter does not make that line exactly the next sentence."""
    wire = frame(item.body)
    markers = line_markers(item.body, split_sentences(item.body, wire.start, wire.end))
    english = [" ".join(text.split()) for text in item.english or ()]
    return "\n\n".join(f"{m} {e}" if m else e for m, e in zip(markers, english)) + "\n"


def render_statement(item: Imported) -> str:
    """The statement file: YAML front matter (safely quoted) and the body."""
    fields = {k: v for k, v in item.fields.items() if v}
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n{item.body}\n"


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    used.add(candidate)
    return candidate
