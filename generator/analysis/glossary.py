"""The user's glossary (content/glossary.yml) applied to an analysis.

Entities of the glossary are found in the text like the gazetteer's, and their English name
wins over the gazetteer's; terms (and entities) give their English name to speakers they name.
Matching is the gazetteer's: diacritics, hamza forms and attached clitics ignored.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .entities import Entry, Index, mentions
from .arabic import normalize, tokenize
from ..model import Claim, Entity, Glossary, GlossaryEntry, Sentence


def index(entries: Sequence[GlossaryEntry]) -> Index:
    """Glossary entries by the first normalised word of each Arabic variant, longest first."""
    found: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for item in entries:
        entry = Entry(item.ar[0], item.en, item.type or "OTHER")
        for variant in item.ar:
            words = tuple(t.norm for t in tokenize(variant) if t.kind != "punct")
            if words:
                found.setdefault(words[0], []).append((words, entry))
    return {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in found.items()}


def with_entities(text: str, sentences: Sequence[Sentence], entities: tuple[Entity, ...],
                  glossary: Glossary | None) -> tuple[Entity, ...]:
    """The entities with the glossary's: its English names replace the gazetteer's for the same
    canonical name, and its other names are added where the text mentions them."""
    if not glossary or not glossary.entities:
        return entities
    own = index(glossary.entities)
    english = {normalize(v): g.en for g in glossary.entities for v in g.ar}
    merged = {e.canonical: replace(e, en=english.get(normalize(e.canonical), e.en)) for e in entities}
    for sentence in sentences:
        for mention in mentions(tokenize(text, sentence.start, sentence.end), own):
            entry = mention.entry
            known = merged.get(entry.canonical)
            if known is None:
                merged[entry.canonical] = Entity(text[mention.start:mention.stop], entry.canonical, entry.en,
                                                 entry.type, (sentence.n,))
            elif sentence.n not in known.sentences:
                merged[entry.canonical] = replace(known, en=entry.en, sentences=(*known.sentences, sentence.n))
    return tuple(merged.values())


def with_speakers(claims: tuple[Claim, ...], glossary: Glossary | None) -> tuple[Claim, ...]:
    """Speakers named in the glossary get its English name (over the lexicon's)."""
    if not glossary:
        return claims
    english = {normalize(v): g.en for g in (*glossary.terms, *glossary.entities) for v in g.ar}
    named = []
    for claim in claims:
        speaker = claim.speaker
        en = english.get(normalize(speaker.canonical)) if speaker else None
        named.append(replace(claim, speaker=replace(speaker, en=en)) if en else claim)
    return tuple(named)
