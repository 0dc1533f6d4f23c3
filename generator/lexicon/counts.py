"""Loader of counts.yml: the phrase for n of each counted noun, by CLDR plural category.

Babel's plural rules (CLDR) choose the category of a number in a language; the phrases are the
file's. A noun whose phrases do not cover exactly the categories of a language is an error
naming the file and the noun.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale

from . import LexiconError, read

LANGUAGES = ("ar", "en")
NUMBER = "{n}"  # where a phrase puts the number


@dataclass(frozen=True)
class Counts:
    nouns: dict[str, dict[str, dict[str, str]]]  # noun → language → plural category → phrase


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)


def categories(language: str) -> frozenset[str]:
    """The CLDR plural categories of `language` (Arabic: zero one two few many other)."""
    return frozenset(_locale(language).plural_form.tags) | {"other"}  # Babel leaves out the implicit one


def category(n: float, language: str) -> str:
    """The CLDR plural category of the number `n` in `language` (Babel's rules)."""
    return _locale(language).plural_form(abs(n))


@cache
def counts() -> Counts:
    """counts.yml, read and checked once."""
    data = read("counts", Counts)
    for noun, languages in data.nouns.items():
        if set(languages) != set(LANGUAGES):
            raise LexiconError(f"counts.yml: nouns.{noun}: needs exactly the languages {', '.join(LANGUAGES)}")
        for language, phrases in languages.items():
            if set(phrases) != categories(language):
                raise LexiconError(f"counts.yml: nouns.{noun}.{language}: needs exactly the plural categories "
                                   f"{', '.join(sorted(categories(language)))}, not {', '.join(phrases)}")
            for name, phrase in phrases.items():
                if not phrase.strip() or phrase.count(NUMBER) > 1:
                    raise LexiconError(f"counts.yml: nouns.{noun}.{language}.{name}: a phrase, with {NUMBER} "
                                       "at most once")
    return data


def is_counted(noun: object) -> bool:
    """True where lexicon/counts.yml has the plural forms of a noun or unit: `figure.unit is counted`."""
    return str(noun) in counts().nouns


def forms(noun: str, language: str) -> dict[str, str]:
    """The phrases of `noun` in `language` by plural category, with {n} where the number goes."""
    try:
        return counts().nouns[noun][language]
    except KeyError:
        known = ", ".join(counts().nouns)
        raise KeyError(f"no counted noun {noun!r} in counts.yml (known: {known})") from None


def phrase(n: float, noun: str, language: str) -> str:
    """The phrase for `n` of `noun` in `language`, with {n} where the number goes."""
    return forms(noun, language)[category(n, language)]
