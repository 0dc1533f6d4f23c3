"""Loader of dates.yml: month names of both calendars, era marks and plausible years."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Dates:
    gregorian: dict[int, tuple[str, ...]]  # month number → its names
    hijri: dict[int, tuple[str, ...]]
    hijri_marks: tuple[str, ...]
    gregorian_marks: tuple[str, ...]
    same_day: tuple[str, ...]  # between a date and the same day in the other calendar
    same_day_gap: int  # how many of them at most
    years: dict[str, tuple[int, ...]]  # calendar → (lowest, highest) year


@cache
def dates() -> Dates:
    """dates.yml, read once."""
    return read("dates", Dates)
