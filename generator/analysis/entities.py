"""Named entities from the gazetteer: organisations, places, people, documents, events."""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from .arabic import Token, clitic_forms, digits_value, indexes_of, normalize, norms, skip_letters, stems, tokenize
from ..lexicon import load
from ..model import Entity, Sentence


@dataclass(frozen=True)
class Entry:
    canonical: str
    en: str
    type: str


@dataclass(frozen=True)
class Mention:
    first: int  # token indexes, end exclusive
    end: int
    start: int  # character offsets into the text (an attached clitic left out)
    stop: int
    entry: Entry


Index = dict[str, tuple[tuple[tuple[str, ...], Entry], ...]]
_DIGIT = re.compile("[0-9\u0660-\u0669]")


def _index(groups: list[dict]) -> Index:
    index: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for group in groups:
        entry = Entry(group["ar"][0], group["en"], group.get("type", "PER"))
        for variant in group["ar"]:
            words = tuple(t.norm for t in tokenize(variant))
            index.setdefault(words[0], []).append((words, entry))
    return {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in index.items()}


@cache
def gazetteer() -> Index:
    """Entity variants by their first normalised word, longest first."""
    return _index(load("gazetteer")["entities"])


@cache
def speaker_names() -> Index:
    """Speaker phrases that are not entities (البيان، الوزراء) with their English names."""
    return _index(load("gazetteer")["speakers"])


def match_at(tokens: tuple[Token, ...], i: int, index: Index) -> Mention | None:
    """The longest variant of the index that starts at tokens[i] (behind a clitic, too)."""
    for stem, cut in stems(tokens[i].norm):
        for words, entry in index.get(stem, ()):
            end = i + len(words)
            # the second word first: it rules out most variants before a tuple is built
            if end == i + 1 or (end <= len(tokens) and tokens[i + 1].norm == words[1]
                                and tuple(norms(tokens[i + 2:end])) == words[2:]):
                start = tokens[i].start + skip_letters(tokens[i].text, cut)
                return Mention(i, end, start, tokens[end - 1].end, entry)
    return None


def _behind_clitics(firsts: Collection[str]) -> frozenset[str]:
    """Every word that is one of `firsts`, bare or behind a clitic."""
    return clitic_forms(firsts, lambda norm: any(stem in firsts for stem, _ in stems(norm)))


@cache
def _starts() -> frozenset[str]:
    """Every word that can begin a gazetteer entry."""
    return _behind_clitics(gazetteer())


def mentions(tokens: tuple[Token, ...], index: Index | None = None) -> list[Mention]:
    """Non-overlapping longest matches, left to right."""
    starts = indexes_of(tokens, _starts()) if index is None else range(len(tokens))
    index = gazetteer() if index is None else index
    found: list[Mention] = []
    after = 0  # the end of the last mention found
    for i in [i for i in starts if tokens[i].kind != "punct"]:
        mention = match_at(tokens, i, index) if i >= after else None
        if mention:
            found.append(mention)
            after = mention.end
    return found


@cache
def _numbered() -> tuple[tuple[tuple[str, ...], dict], ...]:
    data = load("gazetteer")
    return tuple(sorted(((tuple(t.norm for t in tokenize(v)), group)
                         for group in data["numbered"] for v in group["ar"]), key=lambda x: -len(x[0])))


@cache
def _numbered_firsts() -> frozenset[str]:
    return frozenset(words[0] for words, _ in _numbered())


@cache
def _number_starts() -> frozenset[str]:
    """Every word that can begin a name that carries a number."""
    return _behind_clitics(_numbered_firsts())


def numbered_mentions(tokens: tuple[Token, ...]) -> list[Mention]:
    """Names that carry a number: «قرار مجلس الأمن رقم (2254)»."""
    number_word = normalize(load("gazetteer")["number_word"])
    found = []
    for i in indexes_of(tokens, _number_starts()):
        for words, group in _numbered():
            end = i + len(words)
            if end > len(tokens) or all(s != words[0] for s, _ in stems(tokens[i].norm)):
                continue
            if any(tokens[i + k].norm != w for k, w in enumerate(words[1:], 1)):
                continue
            j = end + (end < len(tokens) and tokens[end].norm == number_word)
            j += j < len(tokens) and tokens[j].text == "("
            if j < len(tokens) and tokens[j].kind == "num":
                n = digits_value(tokens[j].text)
                last = j + (j + 1 < len(tokens) and tokens[j + 1].text == ")")
                entry = Entry(group["canonical"].format(n=n), group["en"].format(n=n), group["type"])
                found.append(Mention(i, last + 1, tokens[i].start, tokens[last].end, entry))
                break
    return found


def find_entities(text: str, sentences: list[Sentence] | tuple[Sentence, ...],
                  dateline: tuple[int, int] = (0, 0)) -> tuple[Entity, ...]:
    """Entities of the statement, one per canonical name, with the sentences that mention it.

    Entities of the dateline span `text[dateline[0]:dateline[1]]` count too, with no sentence."""
    seen: dict[str, tuple[str, Entry, list[int]]] = {}
    spans = [(0, *dateline)] if dateline[1] > dateline[0] else []
    for n, start, end in spans + [(s.n, s.start, s.end) for s in sentences]:
        tokens = tokenize(text, start, end)
        numbered = numbered_mentions(tokens) if _DIGIT.search(text, start, end) else []  # a numbered name holds digits
        for mention in mentions(tokens) + numbered:
            surface = text[mention.start:mention.stop]
            key = mention.entry.canonical
            if key not in seen:
                seen[key] = (surface, mention.entry, [])
            if n and n not in seen[key][2]:
                seen[key][2].append(n)
    return tuple(Entity(surface, e.canonical, e.en, e.type, tuple(ns)) for surface, e, ns in seen.values())
