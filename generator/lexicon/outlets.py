"""Loader of outlets.yml: the agencies and newspapers a statement's source names."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..arabic import normalize
from . import read


@dataclass(frozen=True)
class Outlet:
    ar: tuple[str, ...]  # the display name first, then other ways of writing it
    en: str
    codes: tuple[str, ...] = ()  # what corpora call it

    @property
    def name(self) -> str:
        return self.ar[0]


@dataclass(frozen=True)
class Outlets:
    outlets: tuple[Outlet, ...]


@cache
def _by_key() -> dict[str, Outlet]:
    """Each outlet by its codes (lower case) and its normalised Arabic names."""
    keys: dict[str, Outlet] = {}
    for outlet in read("outlets", Outlets).outlets:
        for key in (*(code.lower() for code in outlet.codes), *map(normalize, outlet.ar)):
            keys.setdefault(key, outlet)
    return keys


def outlet(source: str | None) -> Outlet | None:
    """The outlet a source field names (a code such as «was», or a name such as «واس»), if known."""
    if not source or not source.strip():
        return None
    key = source.strip()
    return _by_key().get(key.lower()) or _by_key().get(normalize(key))
