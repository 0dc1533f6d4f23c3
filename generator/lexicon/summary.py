"""Loader of summary.yml: stop words and boilerplate of extractive summaries."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Summary:
    version: int
    stopwords: tuple[str, ...]
    boilerplate: dict[str, str]  # name → regular expression (re.VERBOSE)


@cache
def summary() -> Summary:
    """summary.yml, read once."""
    return read("summary", Summary)
