"""Loader of figures.yml: units of counted nouns and how a resolution number is written."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Resolution:
    before: tuple[str, ...]
    word: str
    unit: str
    window: int  # words between قرار and the number


@dataclass(frozen=True)
class Figures:
    units: dict[str, tuple[str, ...]]  # unit → its forms
    resolution: Resolution


@cache
def figures() -> Figures:
    """figures.yml, read once."""
    return read("figures", Figures)
