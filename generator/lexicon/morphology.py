"""Loader of morphology.yml: the clitics (the one list of them) and the shortest stem."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Morphology:
    conjunctions: tuple[str, ...]
    prepositions: tuple[str, ...]
    article: str
    future: tuple[str, ...]
    min_stem: int


@cache
def morphology() -> Morphology:
    """morphology.yml, read once."""
    return read("morphology", Morphology)
