"""Entities against gold: the Arabic span found (precision, recall, F) and the English name.

A gold entity is found by a system entity whose text or canonical name is the same words, an
attached clitic aside (gold «للمجلس البلدي» = «المجلس البلدي»), or by one that
holds it or that it holds and whose English is the gold's (another variant of the same name:
«السعودية» in «المملكة العربية السعودية»). The English of a found entity is right when one of
its forms matches one of the gold's (`english_matches`). Errors are counted by kind: missed (no
system entity shares a word sequence with it), wrong edges (one overlaps it), spurious (a system
entity no gold entity overlaps) and wrong kind (found, another type).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..arabic import stems, tokenize
from ..model import Entity

ENTITY_ERRORS = {"missed": "missed", "edges": "wrong edges", "spurious": "spurious", "kind": "wrong kind"}
# English words before a person's name that are no part of it («Dr. Samir Khouri»)
_TITLES = frozenset("mr mrs ms dr sheikh shaikh sir prince princess king queen president crown emir amir "
                    "maj gen col brig lt capt general colonel major his her royal highness excellency "
                    "eng prof".split())
_VOWELS = re.compile(r"[aeiouy]+")


@dataclass
class EntityScore:
    """Counts of one file (or the total)."""

    gold: int = 0
    system: int = 0
    found: int = 0  # gold entities found
    right: int = 0  # system entities that find a gold one
    english: int = 0  # gold entities found with an English name that matches
    errors: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)


def _words(text: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(text) if t.kind != "punct")


def _same_word(a: str, b: str) -> bool:
    """Two normalised words that are one word behind different clitics (للمجلس، المجلس)."""
    return a == b or not {s for s, _ in stems(a)}.isdisjoint(s for s, _ in stems(b))


def _same(a: Sequence[str], b: Sequence[str]) -> bool:
    return len(a) == len(b) and bool(a) and _same_word(a[0], b[0]) and tuple(a[1:]) == tuple(b[1:])


def _within(part: Sequence[str], whole: Sequence[str]) -> bool:
    """Whether the words `part` run inside `whole` (the first one behind a clitic, too)."""
    n = len(part)
    return any(_same(part, whole[i:i + n]) for i in range(len(whole) - n + 1)) if n else False


def _overlap(a: Sequence[str], b: Sequence[str]) -> bool:
    return _within(a, b) or _within(b, a)


def _english_words(text: str) -> list[str]:
    """The words of an English name without accents or apostrophes; an acronym as «#UN» (no skeleton changes it)."""
    text = unicodedata.normalize("NFKD", text)
    text = re.sub(r"['’‘`ʿʾ]", "", "".join(c for c in text if not unicodedata.combining(c)))
    return ["#" + w if len(w) > 1 and w.isupper() else w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)]


def english_forms(name: str) -> set[str]:
    """The forms an English name can be matched by: the whole name, the name without its
    parenthesised parts and each of them, and the part before a comma; without a leading «the»
    or personal titles, as a skeleton (`_skeleton`) of its words run together («Abdul Latif» =
    «Abdullatif»); an acronym as is."""
    pieces = {name, re.sub(r"\([^)]*\)", " ", name), *re.findall(r"\(([^)]*)\)", name)}
    pieces |= {piece.split(",")[0] for piece in pieces}
    forms = set()
    for piece in pieces:
        words = _english_words(piece)
        while len(words) > 1 and (words[0] == "the" or words[0] in _TITLES):
            words = words[1:]
        if words:
            forms.add(_skeleton("".join(words)))
    return forms


def _skeleton(word: str) -> str:
    """A word's consonants with a mark where vowels stand, doubled letters once: transliterations
    of one Arabic name agree on it («Mahmoud» = «Mahmud», «Khaled» = «Khalid»), a name written
    without its vowels («Mhmd») does not."""
    return _VOWELS.sub("V", re.sub(r"(.)\1+", r"\1", word))


def english_matches(system: str, gold: str) -> bool:
    """Whether a system English name reads as the gold's (see `english_forms`)."""
    return bool(system.strip()) and not english_forms(system).isdisjoint(english_forms(gold))


def _finds(words: Sequence[str], english: str, entity: Entity, names: set[tuple[str, ...]]) -> bool:
    """Whether a system entity finds the gold entity of `words` and `english`."""
    return (any(_same(words, n) for n in names)
            or (english_matches(entity.en, english) and any(_overlap(words, n) for n in names)))


def score_entities(gold: Iterable[dict[str, Any]], entities: Sequence[Entity]) -> EntityScore:
    """Score the system's entities of one statement against its gold entities."""
    score = EntityScore(system=len(entities))
    system = [(entity, {_words(entity.text), _words(entity.canonical)}) for entity in entities]
    finders: set[int] = set()
    near: set[int] = set()  # system entities that overlap a gold entity
    for item in gold:
        score.gold += 1
        words, english = _words(item["ar"]), item.get("en") or ""
        found = [k for k, (entity, names) in enumerate(system) if _finds(words, english, entity, names)]
        overlapping = [k for k, (_, names) in enumerate(system) if any(_overlap(words, n) for n in names)]
        finders.update(found)
        near.update(overlapping)
        if not found:
            kind = "edges" if overlapping else "missed"
            score.errors[kind] += 1
            shown = " / ".join(system[k][0].text for k in overlapping)
            score.misses.append(f"entity {ENTITY_ERRORS[kind]}: {item['ar']} ({english})" + (f" → {shown}" if shown else ""))
            continue
        score.found += 1
        matched = [system[k][0] for k in found]
        if any(english_matches(entity.en, english) for entity in matched):
            score.english += 1
        else:
            score.misses.append(f"entity English wrong: {item['ar']} → «{matched[0].en}» (gold {english})")
        if all(entity.type != item.get("type") for entity in matched):
            score.errors["kind"] += 1
            score.misses.append(f"entity wrong kind: {item['ar']} {matched[0].type} (gold {item.get('type')})")
    score.right = len(finders)
    for k, (entity, _) in enumerate(system):
        if k not in near:
            score.errors["spurious"] += 1
            score.misses.append(f"entity spurious: {entity.text} ({entity.type})")
    return score
