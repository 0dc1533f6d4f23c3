"""The English sidecar `<slug>.en.md` aligned to the Arabic sentences.

A paragraph (blank-line separated) translates the next sentence, in order. A paragraph may
start with a marker that says which sentence(s) it translates, and the next unmarked paragraph
continues after them:

- `[3] …`   translates sentence 3;
- `[4-5] …` translates sentences 4 and 5 together (one English paragraph for two sentences);
- the same marker on consecutive paragraphs: several English paragraphs for one sentence.

The stage then checks each aligned paragraph (translation_qa).

Every sentence without English, every paragraph beyond the last sentence and every marker that
goes back is a `translation/*` finding naming both files and lines.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Sentence, Source, Translation
from ..problems import Problem
from .sentences import sentence_lines
from .translation_qa import check

if TYPE_CHECKING:
    from .doc import Doc

MARKER = re.compile(r"^\[(\d+)(?:\s*[-–]\s*(\d+))?\]\s*")


@dataclass(frozen=True)
class Unit:
    """What one English paragraph (or run of paragraphs) translates."""

    first: int  # sentence numbers, inclusive
    last: int
    text: str
    line: int  # line of the sidecar where it starts


def units(paragraphs: Sequence[str], lines: Sequence[int]) -> list[Unit]:
    """The paragraphs with the sentences they translate (markers or position), in file order."""
    found: list[Unit] = []
    cursor = 1
    for i, paragraph in enumerate(paragraphs):
        line = lines[i] if i < len(lines) else 1
        marker = MARKER.match(paragraph)
        if marker:
            first = int(marker[1])
            last = max(first, int(marker[2] or first))
            text = paragraph[marker.end():].strip()
        else:
            first = last = cursor
            text = paragraph
        if found and (found[-1].first, found[-1].last) == (first, last):  # more of the same sentence(s)
            prev = found[-1]
            found[-1] = Unit(first, last, f"{prev.text} {text}".strip(), prev.line)
        else:
            found.append(Unit(first, last, text, line))
        cursor = last + 1
    return found


def line_markers(body: str, sentences: Sequence[Sentence]) -> list[str]:
    """For a body whose lines each have one English paragraph: the marker each paragraph
    needs ("" where its position says it already), so that a line the splitter cut into two
    sentences («[4-5]») or a line with no sentence of its own stays aligned."""
    markers: list[str] = []
    offset, cursor, previous = 0, 1, (1, 1)
    for line in body.split("\n"):
        starting = [s.n for s in sentences if offset <= s.start < offset + len(line) + 1]
        group = (starting[0], starting[-1]) if starting else previous
        markers.append("" if group == (cursor, cursor) and starting else
                       f"[{group[0]}]" if group[0] == group[1] else f"[{group[0]}-{group[1]}]")
        cursor, previous = group[1] + 1, group
        offset += len(line) + 1
    return markers


def stage(doc: Doc) -> None:
    """translation: the English sidecar aligned to the sentences, and its alignment and QA findings."""
    translation, findings = align(doc.source, doc.sentences)
    doc.translation = translation
    doc.findings += findings + check(doc.source, doc.sentences, translation, doc.entities)


def align(source: Source, sentences: Sequence[Sentence]) -> tuple[Translation | None, tuple[Problem, ...]]:
    """English for each sentence (None where missing) and the alignment findings.

    No sidecar, or an empty one, is no translation: the pages say «translation pending».
    """
    if not source.translation:
        return None, ()
    total = len(sentences)
    at = sentence_lines(source, sentences)
    sidecar = source.translation_path or f"{source.slug}.en.md"
    english: list[str | None] = [None] * total
    covered: set[int] = set()
    groups: list[tuple[int, ...]] = []
    findings: list[Problem] = []

    def finding(code: str, message: str, unit: Unit | None, sentence: int | None = None) -> None:
        findings.append(Problem("warning", code, message, sentence, unit.line if unit else None,
                                sidecar if unit else None))

    previous: Unit | None = None
    for unit in units(source.translation, source.translation_lines):
        where = f"{sidecar}:{unit.line}"
        if unit.first > total:
            finding("translation/extra", f"{where}: paragraph for sentence {unit.first}, but {source.path} "
                    f"has {total} sentence(s): an extra paragraph, or one too many blank lines", unit)
        elif covered & set(range(unit.first, unit.last + 1)):
            finding("translation/order", f"{where}: paragraph for sentence {unit.first} "
                    f"({source.path}:{at[unit.first]}), which an earlier paragraph"
                    f"{f' (line {previous.line})' if previous else ''} already translates", unit, unit.first)
        else:
            last = min(unit.last, total)
            english[unit.first - 1] = unit.text
            covered.update(range(unit.first, last + 1))
            if last > unit.first:
                groups.append(tuple(range(unit.first, last + 1)))
            if not unit.text:
                finding("translation/empty", f"{where}: the paragraph for sentence {unit.first} "
                        f"({source.path}:{at[unit.first]}) has no text", unit, unit.first)
        previous = unit
    missing = tuple(n for n in range(1, total + 1) if n not in covered)
    for first, last in _runs(missing):
        span = f"sentence {first}" if first == last else f"sentences {first}-{last}"
        line = f"{source.path}:{at[first]}" + (f"-{at[last]}" if last != first else "")
        findings.append(Problem("warning", "translation/missing",
                                f"{line}: {span} {'has' if first == last else 'have'} no English "
                                f"paragraph in {sidecar}{_after(first, source)}", first, at[first]))
    translation = Translation(sentences=tuple(t if t else None for t in english),
                              missing=missing, groups=tuple(groups))
    return translation, tuple(findings)


def _after(first: int, source: Source) -> str:
    """Where in the sidecar the missing paragraph would go: after the one for sentence first-1."""
    before = [u for u in units(source.translation or (), source.translation_lines) if u.last < first]
    return f" (after line {before[-1].line})" if before else ""


def _runs(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive runs: (2, 3, 4, 7) → [(2, 4), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs
