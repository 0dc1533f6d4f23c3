"""The view step: what each page template receives, made from the analysed statements alone.

A statement page receives the Statement, its structural overview (who spoke and how often, the
claims by act, the announced pillars one line each, key figures and entities: derived from the
analysis, never from free text), the English of each sentence, its docs path and the MkDocs
configuration; the home page receives the latest statements with their overviews. Templates
and `render.py` only read this context: `python -m generator analyze --view FILE` prints it.
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..model import Entity, Figure, Statement
from .templates import template_file

VIEW_SCHEMA = "bayan/view@1"
STATEMENT_TEMPLATE = "statement"  # the template of a statement without `template:`
PILLAR_WORDS = 12  # a pillar's line: its first words
TOP_ENTITIES = 6
TOP_FIGURES = 4


@dataclass(frozen=True)
class SpeakerLine:
    """One speaker of the statement's registry with the acts of their claims."""

    canonical: str  # the speaker's full name
    en: str | None  # the English name, None where there is none
    claims: int  # how many claims are theirs
    acts: tuple[tuple[str, int], ...]  # (act, count), most frequent first
    role: str | None = None  # the title or post the statement gives the person


@dataclass(frozen=True)
class PillarLine:
    """One announced pillar in a line."""

    n: int  # the pillar's rank
    line: str  # the first words of the pillar's text
    cut: bool  # True when the line was shortened


@dataclass(frozen=True)
class Overview:
    """The structural summary of a statement, derived from its analysis."""

    speakers: tuple[SpeakerLine, ...]  # who spoke, in order of their first claim
    claims: int  # how many claims in all
    acts: tuple[tuple[str, int], ...]  # (act, count), most frequent first
    announced: int | None  # the number of pillars announced
    pillars: tuple[PillarLine, ...]  # the pillars, one line each
    figures: tuple[Figure, ...]  # the first figures, pillar counts left out
    entities: tuple[Entity, ...]  # the entities named in the most sentences


def overview(statement: Statement) -> Overview:
    """The structural summary of an analysed statement."""
    by_speaker: dict[str, list[str]] = {}
    english: dict[str, str | None] = {}
    roles: dict[str, str | None] = {}
    for claim in statement.claims:
        for person in claim.speaker.people if claim.speaker else ():  # each of coordinated speakers
            name = person.canonical
            by_speaker.setdefault(name, []).append(claim.act)
            english[name] = english.get(name) or person.en
            roles[name] = roles.get(name) or person.role
    speakers = tuple(SpeakerLine(name, english[name], len(acts), _ranked(acts), roles[name])
                     for name, acts in by_speaker.items())
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


def english(statement: Statement) -> dict[int, str]:
    """The English translation of each translated sentence, by sentence number."""
    tr = statement.translation
    if tr is None:
        return {}
    return {n: text for n, text in enumerate(tr.sentences, 1) if text}


def statement_path(statement: Statement) -> str:
    """The docs-relative path of a statement's page."""
    return f"statements/{statement.slug}.md"


def page_url(statement: Statement) -> str:
    """A Markdown link target to a statement's page, relative to the home page."""
    return quote(statement_path(statement))


@dataclass(frozen=True)
class StatementPage:
    """A statement's page to render: where it goes, its template, and what the template receives."""

    path: str  # docs path
    template: str  # template file: the statement's `template:`, or statement.md.j2
    context: dict[str, Any]


def statement_page(statement: Statement, site: Mapping[str, Any]) -> StatementPage:
    """The page of one statement and its template context."""
    path = statement_path(statement)
    context = {"statement": statement, "overview": overview(statement), "english": english(statement),
               "path": path, "site": site}
    return StatementPage(path, template_file(statement.meta.template or STATEMENT_TEMPLATE), context)


def home_context(latest: Sequence[Statement], total: int, sections: Sequence[Any],
                 site: Mapping[str, Any]) -> dict[str, Any]:
    """What the home page receives: the latest statements (newest first) with their overviews."""
    return {"statements": list(latest), "overviews": {st.slug: overview(st) for st in latest}, "total": total,
            "sections": sections, "site": site}


def template_line(statement: Statement, lines: Mapping[str, int]) -> int:
    """The line of a statement's `template:` field, as reading found it (`lines`: statement path
    → line); 1 where it is not known."""
    return lines.get(statement.path, 1)


def view_json(page: StatementPage) -> dict[str, Any]:
    """A statement page's context as JSON-ready data (`analyze --view`); `site`, the MkDocs
    configuration, is left out."""
    context = {key: value for key, value in page.context.items() if key != "site"}
    context["statement"] = context["statement"].to_dict()
    context["overview"] = dataclasses.asdict(context["overview"])
    return {"path": page.path, "template": page.template, "context": context}
