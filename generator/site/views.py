"""The structural summary of a statement, derived from its analysis (never from free text).

Who spoke and how often, the claims by act, the announced pillars in one line each, and the
key figures and entities: what a reader needs before the text itself.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Entity, Figure, Statement

PILLAR_WORDS = 12  # a pillar's line: its first words
TOP_ENTITIES = 6
TOP_FIGURES = 4


@dataclass(frozen=True)
class SpeakerLine:
    """One speaker of the statement's registry with the acts of their claims."""

    canonical: str
    en: str | None
    claims: int
    acts: tuple[tuple[str, int], ...]  # (act, count), most frequent first


@dataclass(frozen=True)
class PillarLine:
    n: int
    line: str  # the first words of the pillar's text
    cut: bool  # True when the line was shortened


@dataclass(frozen=True)
class Overview:
    speakers: tuple[SpeakerLine, ...]
    claims: int
    acts: tuple[tuple[str, int], ...]  # (act, count), most frequent first
    announced: int | None
    pillars: tuple[PillarLine, ...]
    figures: tuple[Figure, ...]
    entities: tuple[Entity, ...]


def overview(statement: Statement) -> Overview:
    """The structural summary of an analysed statement."""
    by_speaker: dict[str, list[str]] = {}
    english: dict[str, str | None] = {}
    for claim in statement.claims:
        name = claim.speaker.canonical if claim.speaker else ""
        by_speaker.setdefault(name, []).append(claim.act)
        english.setdefault(name, claim.speaker.en if claim.speaker else None)
    speakers = tuple(SpeakerLine(name, english[name], len(acts), _ranked(acts))
                     for name, acts in by_speaker.items() if name)
    pillars = statement.pillars
    return Overview(
        speakers=speakers,
        claims=len(statement.claims),
        acts=_ranked([c.act for c in statement.claims]),
        announced=pillars.announced if pillars else None,
        pillars=tuple(_pillar_line(i.n, i.text) for i in pillars.items) if pillars else (),
        figures=tuple(f for f in statement.figures if f.unit != "pillar")[:TOP_FIGURES],
        entities=tuple(sorted(statement.entities, key=lambda e: -len(e.sentences))[:TOP_ENTITIES]),
    )


def _ranked(items: list[str]) -> tuple[tuple[str, int], ...]:
    """Counts, most frequent first, ties in order of first appearance."""
    counts = Counter(items)
    order = {item: i for i, item in reversed(list(enumerate(items)))}
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]])))


def _pillar_line(n: int, text: str) -> PillarLine:
    words = text.split()
    return PillarLine(n, " ".join(words[:PILLAR_WORDS]), len(words) > PILLAR_WORDS)
