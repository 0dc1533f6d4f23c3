"""Loader of wire.yml: news agencies, wire trailers and title categories."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Agency:
    ar: tuple[str, ...]
    en: str


@dataclass(frozen=True)
class Wire:
    agencies: tuple[Agency, ...]
    dateline_max_words: int
    navigation: tuple[str, ...]  # words of a web page's navigation before an article (importer)
    trailers: tuple[str, ...]  # regular expressions of a trailing line
    categories: dict[str, str]  # category → English


@cache
def wire() -> Wire:
    """wire.yml, read once."""
    return read("wire", Wire)
