"""Loader of translation_qa.yml: English number words, optional words and name aliases."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class TranslationQA:
    units: dict[str, int]
    tens: dict[str, int]
    hundred: dict[str, int]
    scales: dict[str, int]
    optional: tuple[str, ...]
    vague: tuple[str, ...]
    weak_words_upto: int
    ordinals: tuple[str, ...]
    aliases: dict[str, tuple[str, ...]]


@cache
def translation_qa() -> TranslationQA:
    """translation_qa.yml, read once."""
    return read("translation_qa", TranslationQA)
