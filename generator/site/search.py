"""Arabic-aware search: a search key that forgives spelling, on both sides of Material's search.

One spec, implemented twice — here for the index and in ``generator/assets/js/bayan-search.js``
for the query (tests run both over the same table of cases):

- ``fold``: lower case, no diacritics or tatweel, أ/إ/آ/ٱ → ا, ى → ي, ة → ه, Arabic-Indic
  digits → 0-9;
- ``key``: a folded word without its leading و/ف, then ب/ك/ل (لل = ل + ال), then ال, each
  removed only while at least ``MIN_STEM`` letters remain. The query sends ``key(word)``;
- ``keys``: what the index holds for a word, ``key(p + s)`` for every stem ``s`` of the word
  and every prefix ``p`` (for stems of ``MIN_STEM`` letters or more), so a query word matches
  whenever it shares a stem with the text («داعش» · «لداعش», «البيان» · «بيان»). Five prefixes
  give every such key (``KEY_PREFIXES``): ``key`` takes any prefix off whole, so ``key(p + s)``
  only depends on where ``p`` leaves ``key``'s steps (before ``s``: none, conjunction,
  preposition, ل before a stem starting with ل, article).

The index gets the keys of each entry's title and text as two extra fields; the shown title and
text stay the original.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from itertools import chain
from pathlib import Path

from .. import arabic
from ..lexicon.morphology import morphology

MIN_STEM = 3
_WORD = re.compile("[^\\W_]+(?:[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640][^\\W_]*)*")
_TAG = re.compile(r"<[^>]*>")
_MORPHOLOGY = morphology()  # the lexicon's clitics (generator/assets/js/bayan-search.js holds a copy)
CONJUNCTIONS, PREPOSITIONS = "".join(_MORPHOLOGY.conjunctions), "".join(_MORPHOLOGY.prepositions)
ARTICLE = _MORPHOLOGY.article
PREFIXES = arabic.proclitics()  # every prefix a word can carry: conjunction, preposition, article
_PREFIXES_BY_LETTER = {letter: tuple(p for p in PREFIXES if p[:1] == letter) for letter in CONJUNCTIONS + PREPOSITIONS + ARTICLE[0]}
# One prefix for each step `key` can be at when it reaches the stem (see the module docstring).
KEY_PREFIXES = ("", CONJUNCTIONS[0], PREPOSITIONS[0], "ل", ARTICLE)
FIELDS = {"title": ("bayan_title", 1e3), "text": ("bayan_text", 1e0)}


def fold(text: str) -> str:
    """Lower case, without diacritics or tatweel, one alef, ي for ى, ه for ة, ASCII digits."""
    return arabic.fold(text.lower(), arabic.SEARCH)


def _cut(word: str, prefix: str) -> str | None:
    """`word` without `prefix`, if it starts with it and MIN_STEM letters remain."""
    if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
        return word[len(prefix):]
    return None


def key(word: str) -> str:
    """The search key of one word: folded, then و/ف, ب/ك/ل (or لل) and ال taken off in turn."""
    return _strip(fold(word))


def _strip(word: str) -> str:
    """`key` of a folded word."""
    if word[:1] and word[0] in CONJUNCTIONS:
        word = _cut(word, word[0]) or word
    if word[:1] and word[0] in PREPOSITIONS:
        word = _cut(word, "لل") or _cut(word, word[0]) or word
    return _cut(word, ARTICLE) or word


def stems(word: str) -> set[str]:
    """Every way to read a folded word as prefix + stem: the stems, the word itself included."""
    return {word, *(rest for prefix in _PREFIXES_BY_LETTER.get(word[:1], ()) if (rest := _cut(word, prefix)))}


_KEYS: dict[str, tuple[str, ...]] = {}  # the keys of the words met so far (see `learn`)


def keys(word: str) -> tuple[str, ...]:
    """The keys the index holds for a word: key(prefix + stem) for every stem and every prefix
    that `key` could take off again (a stem of MIN_STEM letters or more)."""
    found = _KEYS.get(word)
    if found is None:
        found = _KEYS[word] = tuple(sorted({_strip(prefix + stem) for stem in stems(fold(word))
                                            for prefix in KEY_PREFIXES if not prefix or len(stem) >= MIN_STEM}))
    return found


def keys_of_pages(pages: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The keys of every word of these pages (Markdown or HTML): worked out in another process
    while MkDocs builds the site, then handed to `learn`."""
    found = set()
    for page in pages:
        found.update(words(html.unescape(page)))
    return {word: keys(word) for word in found}


def learn(table: Mapping[str, tuple[str, ...]]) -> None:
    """Take the keys of words worked out elsewhere (by `keys_of_pages`)."""
    _KEYS.update(table)


def words(text: str) -> list[str]:
    """The words of a text (letters and digits, with their diacritics)."""
    return _WORD.findall(text)


def index_terms(text: str) -> str:
    """The keys of every word of an index entry's text (HTML tags left out), once each."""
    plain = html.unescape(_TAG.sub(" ", text))
    return " ".join(dict.fromkeys(chain.from_iterable(map(keys, words(plain)))))


def add_key_fields(header: dict) -> None:
    """Name the key fields, with their boosts, in a search index's header (its `config`)."""
    fields = header["config"].setdefault("fields", {})
    for name, (field, boost) in FIELDS.items():
        fields[field] = {"boost": boost}


def add_keys(doc: dict) -> dict:
    """Give an entry of the search index the keys of its title and text."""
    for name, (field, _) in FIELDS.items():
        doc[field] = index_terms(doc.get(name, ""))
    return doc


def normalise_index(path: Path) -> int:
    """Add the key fields to Material's search index at `path`; the number of entries.

    The entries are written one by one and let go once written: the index of a large site
    never sits in memory twice."""
    index = json.loads(path.read_bytes())
    docs = index.pop("docs")
    add_key_fields(index)
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps(index, **compact)[:-1] + ("," if index else "") + '"docs":[')
        for n, doc in enumerate(docs):
            out.write(("," if n else "") + json.dumps(add_keys(doc), **compact))
            docs[n] = None
        out.write("]}")
    return len(docs)
