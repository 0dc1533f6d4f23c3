"""The wire frame of a body: a leading dateline or byline and trailing wire marks."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..arabic import normalize, tokenize
from ..lexicon import load

_TERMINAL = re.compile(r"[.؟?!…]")


@dataclass(frozen=True)
class Frame:
    dateline: str | None
    start: int  # the statement proper is body[start:end]
    end: int


@cache
def _wire() -> tuple[frozenset[str], int, tuple[re.Pattern[str], ...]]:
    data = load("wire")
    agencies = frozenset(normalize(a).replace(" ", "") for a in data["agencies"])
    trailers = tuple(re.compile(p) for p in data["trailers"])
    return agencies, data["dateline_max_words"], trailers


def frame(body: str) -> Frame:
    """Where the statement proper starts and ends, and its dateline if it has one."""
    agencies, max_words, trailers = _wire()
    start, end, dateline = 0, len(body), None
    first = re.match(r"\s*([^\n]*)\n", body)
    if first and _is_dateline(first.group(1), agencies, max_words):
        dateline, start = first.group(1).strip(), first.end()
    lines = body[start:end].split("\n")
    while lines and (not lines[-1].strip() or any(t.match(lines[-1]) for t in trailers)):
        end -= len(lines.pop()) + (1 if lines else 0)
    return Frame(dateline, start, max(start, end))


def _is_dateline(line: str, agencies: frozenset[str], max_words: int) -> bool:
    words = [t.norm for t in tokenize(line) if t.kind != "punct"]
    if not words or len(words) > max_words or _TERMINAL.search(line):
        return False
    joined = "".join(words)
    return any(w in agencies for w in words) or any(joined.endswith(a) for a in agencies)
