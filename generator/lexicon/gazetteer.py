"""Loader of gazetteer.yml: named entities, names that carry a number, speaker phrases."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Name:
    ar: tuple[str, ...]  # the first is canonical
    en: str
    type: str = "PER"


@dataclass(frozen=True)
class Numbered:
    ar: tuple[str, ...]
    canonical: str  # with {n} for the number
    en: str
    type: str


@dataclass(frozen=True)
class Gazetteer:
    entities: tuple[Name, ...]
    numbered: tuple[Numbered, ...]
    number_word: str
    speakers: tuple[Name, ...]  # speaker phrases that are not entities (البيان، الوزراء)


@cache
def gazetteer() -> Gazetteer:
    """gazetteer.yml, read once."""
    return read("gazetteer", Gazetteer)
