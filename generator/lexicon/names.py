"""Loader of names.yml: organisation head nouns, personal titles and name particles, and the
words that end a name."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Names:
    org_heads: tuple[str, ...]
    doc_heads: tuple[str, ...]  # heads of a law's or a treaty's name: «قانون مكافحة الإرهاب»
    article_heads: tuple[str, ...]  # heads of a name only with the article: «السلطات المصرية»
    place_heads: dict[str, str]  # head noun → the English word after the place's name
    town_heads: tuple[str, ...]  # nouns whose genitive is the place: «مدينة سوروتش»
    adjectives: tuple[str, ...]
    nisba_endings: tuple[str, ...]
    place_endings: tuple[str, ...]
    demonyms: dict[str, str]  # a place's English name → its English adjective
    body_english: dict[str, str]  # a body's head noun → its English, after a demonym
    scope_adjectives: tuple[str, ...]
    titles: tuple[str, ...]
    posts: tuple[str, ...]
    construct_posts: tuple[str, ...]
    on_behalf: tuple[str, ...]
    min_given_count: int
    min_untitled_given_count: int
    conjunction_letters: tuple[str, ...]
    preposition_letters: tuple[str, ...]
    not_name_endings: tuple[str, ...]
    ranks: tuple[str, ...]
    lineage: tuple[str, ...]
    family: tuple[str, ...]
    compounds: tuple[str, ...]
    max_bare_names: int
    stops: tuple[str, ...]
    territories_skipped: tuple[str, ...]


@cache
def names() -> Names:
    """names.yml, read once."""
    return read("names", Names)
