"""Sentence splitting with offsets into the original text.

A sentence ends at . ؟ ? ! … or `..` (with any closing quotes or brackets after them) and at a
line break. The commas ، and , and : ؛ never end a sentence, nor does a point between digits or
after a one-letter abbreviation («د. الشعيبي»).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..model import Sentence, Source

if TYPE_CHECKING:
    from .doc import Doc

_DIGIT = r"[0-9\u0660-\u0669]"
# A one-letter abbreviation before a name: «د.» (doctor), «م.» (engineer), «أ.» (professor) —
# but not the era mark of a year («2015 م.»).
_ABBREVIATION = r"(?<![^\s(])(?<![0-9\u0660-\u0669] )[دمأ]"
_BOUNDARY = re.compile(
    rf"(?:\.{{2,}}|…|[؟?!]|(?<!{_DIGIT})(?<!{_ABBREVIATION})\.|(?<!{_ABBREVIATION})\.(?!{_DIGIT}))+"
    rf"[\"'»”’)\]]*|\n"
)
_CONTENT = re.compile(r"\w")
_FIRST = re.compile(r"[.…؟?!\n]")  # every boundary starts with one of these


def stage(doc: Doc) -> None:
    """sentences: the sentences of the statement proper (inside the wire frame), and their tokens."""
    doc.set_sentences(split_sentences(doc.text, doc.frame.start, doc.frame.end))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of text[start:end], numbered from 1, stripped, offsets into text."""
    stop = len(text) if end is None else end
    sentences: list[Sentence] = []
    position = start
    for match in _boundaries(text, start, stop):
        _add(sentences, text, position, match.end())
        position = match.end()
    _add(sentences, text, position, stop)
    return sentences


def _boundaries(text: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    """`_BOUNDARY.finditer(text, start, stop)`, trying the pattern only where a boundary can start
    (a quick scan: the pattern itself is slow to try at every character)."""
    position = start
    while first := _FIRST.search(text, position, stop):
        match = _BOUNDARY.match(text, first.start(), stop)
        if match:
            yield match
        position = match.end() if match else first.end()


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not _CONTENT.search(stripped):
        return
    first = start + (len(piece) - len(piece.lstrip()))
    sentences.append(Sentence(len(sentences) + 1, stripped, first, first + len(stripped)))


def sentence_lines(source: Source, sentences: Sequence[Sentence]) -> dict[int, int]:
    """The line of the statement file where each sentence starts."""
    return {s.n: source.body_line + source.body.count("\n", 0, s.start) for s in sentences}
