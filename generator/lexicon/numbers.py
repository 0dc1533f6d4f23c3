"""Loader of numbers.yml: Arabic cardinal number words and their values."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Numbers:
    units: dict[str, int]
    tens: dict[str, int]
    teen: tuple[str, ...]
    scales: dict[str, int]
    fractions: dict[str, float]
    conjunction: str
    decimal_letter: str  # between the digits of a decimal, after the fraction: «935ر6» is 6.935


@cache
def numbers() -> Numbers:
    """numbers.yml, read once."""
    return read("numbers", Numbers)
