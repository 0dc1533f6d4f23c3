"""Loader of pillars.yml: the nouns of an enumeration of principles and the marks of its items."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Pillars:
    nouns: tuple[str, ...]
    singular: tuple[str, ...]
    markers: dict[int, tuple[str, ...]]  # item number → its ordinals
    adjectives: dict[int, tuple[str, ...]]
    numbering: tuple[str, ...]
    among: str
    list_openers: tuple[str, ...]
    list_marks: tuple[str, ...]  # punctuation that opens such a list (:)
    bullets: tuple[str, ...]  # signs that open a bulleted item at the start of a line
    letters: tuple[str, ...]  # letters that number items, in order (أ- ب- ج-)


@cache
def pillars() -> Pillars:
    """pillars.yml, read once."""
    return read("pillars", Pillars)
