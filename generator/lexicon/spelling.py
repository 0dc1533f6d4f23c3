"""Loader of spelling.yml: the inflections the spelling check rebuilds and what it checks."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Spelling:
    pronouns: tuple[str, ...]
    feminine: str
    feminine_plural: str
    masculine_plural: tuple[str, ...]
    dual: tuple[str, ...]
    nisba: tuple[str, ...]
    past_suffixes: tuple[str, ...]
    present_prefixes: tuple[str, ...]
    present_suffixes: tuple[str, ...]
    noun_endings: tuple[str, ...]
    checked_prefix: str
    checked_stem: str  # a regular expression on the stem, in lookup form
    nisba_endings: tuple[str, ...]
    confusable: tuple[str, ...]  # pairs of letters writers confuse
    also_words: tuple[str, ...]
    letters: str
    min_length: int


@cache
def spelling() -> Spelling:
    """spelling.yml, read once."""
    return read("spelling", Spelling)
