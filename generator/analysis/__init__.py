"""Analysis pipeline: pure stages from a Source to a Statement.

wire frame → sentences → claims → speakers → pillars → entities, figures (with the user's
glossary) → translation alignment and QA → summary → character, pillar and spelling findings.
Each stage reads the body text and what the stages before it produced; offsets always refer
to `Source.body`.
"""
from __future__ import annotations

from dataclasses import replace

from .glossary import with_entities, with_speakers
from ..model import Meta, Source, Statement
from .translation import align
from .translation_qa import check as check_translation
from .characters import character_findings
from .claims import find_claims
from .entities import find_entities
from .figures import find_figures
from .pillars import find_pillars, pillar_findings
from .sentences import split_sentences
from .speakers import resolve
from .spelling import spelling_findings
from .summary import RATIO, summarize
from .wire import Frame, category, frame


def analyze(source: Source) -> Statement:
    """Analyse one statement: everything its page shows."""
    body = source.body
    wire = frame(body)
    meta = _meta(source.meta, wire)
    sentences = tuple(split_sentences(body, wire.start, wire.end))
    claims = with_speakers(resolve(find_claims(body, sentences)), source.glossary)
    pillars = find_pillars(body, sentences, claims)
    translation, alignment_findings = align(source, sentences)
    english = translation.sentences if translation else None
    entities = with_entities(body, sentences, find_entities(body, sentences, (0, wire.start)), source.glossary)
    names = [e.text for e in entities] + [c.speaker.text for c in claims if c.speaker]
    ratio = RATIO if source.summary_ratio is None else source.summary_ratio
    return Statement(
        slug=source.slug,
        path=source.path,
        meta=meta,
        sentences=sentences,
        claims=claims,
        pillars=pillars,
        entities=entities,
        figures=find_figures(body, sentences),
        summary=summarize(sentences, claims, pillars, ratio, translation=english),
        translation=translation,
        findings=(alignment_findings + check_translation(source, sentences, translation, entities)
                  + character_findings(body, sentences, source.body_line)
                  + pillar_findings(pillars) + spelling_findings(body, sentences, names, source.body_line)),
    )


def _meta(meta: Meta, wire: Frame) -> Meta:
    """Front matter completed from the wire frame and the title; what the user wrote wins."""
    return replace(
        meta,
        dateline=meta.dateline or wire.dateline,
        date=meta.date or wire.date,
        place=meta.place or wire.place,
        place_en=meta.place_en or wire.place_en,
        agency=meta.agency or wire.agency,
        category=meta.category or category(meta.title),
    )
