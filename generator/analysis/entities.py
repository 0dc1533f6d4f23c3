"""Named entities from the gazetteer and the user's glossary: organisations, places, people,
documents, events.

Entities of the glossary (content/glossary.yml) are found in the text like the gazetteer's
(diacritics, hamza forms and attached clitics ignored), and their English name wins over the
gazetteer's.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from ..arabic import Token, clitic_forms, digits_value, indexes_of, normalize, norms, skip_letters, stems, tokenize
from ..lexicon.gazetteer import Name, Numbered
from ..lexicon.gazetteer import gazetteer as gazetteer_yml
from ..model import Entity, Glossary, GlossaryEntry

if TYPE_CHECKING:
    from .doc import Doc


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


def _index(groups: Sequence[Name]) -> Index:
    index: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for group in groups:
        entry = Entry(group.ar[0], group.en, group.type)
        for variant in group.ar:
            words = tuple(t.norm for t in tokenize(variant))
            index.setdefault(words[0], []).append((words, entry))
    return {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in index.items()}


@cache
def gazetteer() -> Index:
    """Entity variants by their first normalised word, longest first."""
    return _index(gazetteer_yml().entities)


@cache
def speaker_names() -> Index:
    """Speaker phrases that are not entities (البيان، الوزراء) with their English names."""
    return _index(gazetteer_yml().speakers)


def _name_key(name: str) -> tuple[str, ...]:
    """A whole name as its normalised words (punctuation left out), as names are compared."""
    return tuple(t.norm for t in tokenize(name) if t.kind != "punct")


def glossary_english(name: str, glossary: Glossary | None) -> str | None:
    """The English the glossary (entities and terms) gives a whole name, else None."""
    key = _name_key(name)
    for entry in (*glossary.entities, *glossary.terms) if glossary else ():
        if any(_name_key(variant) == key for variant in entry.ar):
            return entry.en
    return None


@cache
def _gazetteer_english() -> dict[tuple[str, ...], str]:
    data = gazetteer_yml()
    return {_name_key(v): group.en for group in (*data.speakers, *data.entities) for v in group.ar}


def gazetteer_english(name: str) -> str | None:
    """The English the gazetteer (entities, then speaker phrases) gives a whole name, else None."""
    return _gazetteer_english().get(_name_key(name))


def english_name(name: str, glossary: Glossary | None) -> str | None:
    """The English of a whole name (a speaker, a source): the glossary's, then the gazetteer's;
    None when neither knows it. Diacritics and hamza forms are ignored."""
    return glossary_english(name, glossary) or gazetteer_english(name)


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
def _numbered() -> tuple[tuple[tuple[str, ...], Numbered], ...]:
    data = gazetteer_yml()
    return tuple(sorted(((tuple(t.norm for t in tokenize(v)), group)
                         for group in data.numbered for v in group.ar), key=lambda x: -len(x[0])))


@cache
def _numbered_firsts() -> frozenset[str]:
    return frozenset(words[0] for words, _ in _numbered())


@cache
def _number_starts() -> frozenset[str]:
    """Every word that can begin a name that carries a number."""
    return _behind_clitics(_numbered_firsts())


def numbered_mentions(tokens: tuple[Token, ...]) -> list[Mention]:
    """Names that carry a number: «قرار مجلس الأمن رقم (2254)»."""
    number_word = normalize(gazetteer_yml().number_word)
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
                entry = Entry(group.canonical.format(n=n), group.en.format(n=n), group.type)
                found.append(Mention(i, last + 1, tokens[i].start, tokens[last].end, entry))
                break
    return found


def stage(doc: Doc) -> None:
    """entities: the gazetteer's and the user's glossary's, one per canonical name."""
    doc.entities = with_entities(doc, find_entities(doc), doc.source.glossary)


def find_entities(doc: Doc) -> tuple[Entity, ...]:
    """Entities of the statement, one per canonical name, with the sentences that mention it.

    Entities of the dateline (before the statement proper) count too, with no sentence."""
    text = doc.text
    seen: dict[str, tuple[str, Entry, list[int]]] = {}
    spans = [(0, 0, doc.frame.start, doc.dateline)] if doc.frame.start > 0 else []
    spans += [(s.n, s.start, s.end, tokens) for s, tokens in zip(doc.sentences, doc.tokens)]
    for n, start, end, tokens in spans:
        numbered = numbered_mentions(tokens) if _DIGIT.search(text, start, end) else []  # a numbered name holds digits
        for mention in mentions(tokens) + numbered:
            surface = text[mention.start:mention.stop]
            key = mention.entry.canonical
            if key not in seen:
                seen[key] = (surface, mention.entry, [])
            if n and n not in seen[key][2]:
                seen[key][2].append(n)
    return tuple(Entity(surface, e.canonical, e.en, e.type, tuple(ns)) for surface, e, ns in seen.values())


def glossary_index(entries: Sequence[GlossaryEntry]) -> Index:
    """Glossary entries by the first normalised word of each Arabic variant, longest first."""
    found: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for item in entries:
        entry = Entry(item.ar[0], item.en, item.type or "OTHER")
        for variant in item.ar:
            words = tuple(t.norm for t in tokenize(variant) if t.kind != "punct")
            if words:
                found.setdefault(words[0], []).append((words, entry))
    return {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in found.items()}


def with_entities(doc: Doc, entities: tuple[Entity, ...], glossary: Glossary | None) -> tuple[Entity, ...]:
    """The entities with the glossary's: its English names replace the gazetteer's for the same
    canonical name, and its other names are added where the text mentions them."""
    if not glossary or not glossary.entities:
        return entities
    text = doc.text
    own = glossary_index(glossary.entities)
    english = {normalize(v): g.en for g in glossary.entities for v in g.ar}
    merged = {e.canonical: replace(e, en=english.get(normalize(e.canonical), e.en)) for e in entities}
    for sentence, tokens in zip(doc.sentences, doc.tokens):
        for mention in mentions(tokens, own):
            entry = mention.entry
            known = merged.get(entry.canonical)
            if known is None:
                merged[entry.canonical] = Entity(text[mention.start:mention.stop], entry.canonical, entry.en,
                                                 entry.type, (sentence.n,))
            elif sentence.n not in known.sentences:
                merged[entry.canonical] = replace(known, en=entry.en, sentences=(*known.sentences, sentence.n))
    return tuple(merged.values())
