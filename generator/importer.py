"""Import corpora into statement files (`python -m generator import`).

Layouts read: JSON Lines of articles (title, content, url, date, source — as SaudiNewsNet),
JSON Lines of aligned documents (NTREX: doc_id, ar_sentences, en_sentences), JSON Lines of
aligned sentence pairs grouped by document (UN: doc, ar, en), and folders of plain `.txt`.
Slugs are stable (date + id, or date + transliterated title); an existing file is never
overwritten unless `force` is set.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pyarabic import trans

from .analysis.sentences import split_sentences
from .analysis.wire import frame
from .sources import SIDECAR_SUFFIX
from .translation import line_markers

SLUG_WORDS = 6


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
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if records and "ar_sentences" in records[0]:
        yield from map(_aligned_document, records)
    elif records and "ar" in records[0] and "doc" in records[0]:
        yield from _sentence_pairs(records)
    else:
        yield from map(_article, records)


def _article(record: dict) -> Imported:
    title = (record.get("title") or "").strip()
    date = str(record.get("date") or record.get("date_extracted") or "")[:10] or None
    fields = {"title": title or record.get("id") or "untitled", "date": date,
              "source": record.get("source"), "url": record.get("url")}
    ident = record.get("id")
    slug = slugify(date, ident) if ident else slugify(date, *title.split()[:SLUG_WORDS])
    return Imported(slug, fields, record["content"].strip())


def _aligned_document(record: dict) -> Imported:
    arabic, english = record["ar_sentences"], record["en_sentences"]
    fields = {"title": arabic[0], "title_en": english[0], "source": record.get("source")}
    return Imported(slugify("ntrex", record["doc_id"]), fields, "\n".join(arabic), tuple(english))


def _sentence_pairs(records: list[dict]) -> Iterator[Imported]:
    documents: dict[str, list[dict]] = {}
    for record in records:
        documents.setdefault(record["doc"], []).append(record)
    for doc, pairs in documents.items():
        symbol = pairs[0].get("doc_symbol") or doc
        fields = {"title": symbol, "title_en": symbol, "source": "United Nations"}
        yield Imported(slugify("un", doc), fields, "\n".join(p["ar"] for p in pairs), tuple(p["en"] for p in pairs))


def _text_folder(folder: Path) -> Iterator[Imported]:
    for file in sorted(folder.glob("*.txt")):
        text = file.read_text(encoding="utf-8-sig")
        yield Imported(slugify(file.stem), {"title": file.stem}, text.strip())


def import_into(path: Path, into: Path, force: bool = False) -> Report:
    """Write every statement found at path into the folder `into`; never overwrite without force."""
    into.mkdir(parents=True, exist_ok=True)
    report = Report()
    used: set[str] = set()
    for item in read_records(path):
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
