"""Loader of speakers.yml: honorifics, titles, heads of bodies and the words that end a subject."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Gender:
    feminine_plurals: tuple[str, ...]
    plurals: tuple[str, ...]


@dataclass(frozen=True)
class Speakers:
    honorifics: tuple[str, ...]
    pronouns: tuple[str, ...]
    heads: tuple[str, ...]
    bodies: tuple[str, ...]  # heads that name a body: no holder's name follows them
    titles: tuple[str, ...]
    abbreviations: tuple[str, ...]  # titles written as their initial and a dot: «د.»
    emphatics: tuple[str, ...]  # «نفسه», «ذاتها» after a noun
    pronoun_prepositions: tuple[str, ...]  # with an attached pronoun: never a subject («فيه»)
    attached_pronouns: tuple[str, ...]
    name_particles: tuple[str, ...]
    connectors: tuple[str, ...]
    title_prepositions: tuple[str, ...]
    gender: Gender
    documents: tuple[str, ...]
    stops: tuple[str, ...]
    adjective_endings: tuple[str, ...]
    max_words: int


@cache
def speakers() -> Speakers:
    """speakers.yml, read once."""
    return read("speakers", Speakers)
