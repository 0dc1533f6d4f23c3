"""The analysis as data: the named stages a Doc goes through, top to bottom.

Each stage is `stage(doc) -> None`: it reads what the stages before it put on the Doc and adds
its own (the slot it fills is named after it on `Doc`).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from . import claims, entities, figures, findings, pillars, sentences, speakers, summary, translation, wire
from .doc import Doc


class Stage(NamedTuple):
    name: str
    run: Callable[[Doc], None]


STAGES: tuple[Stage, ...] = (
    Stage("wire", wire.stage),  # dateline, trailers, meta from the dateline and title
    Stage("sentences", sentences.stage),  # sentences of the statement proper, tokenised once
    Stage("claims", claims.stage),  # reporting cues and their overt speakers
    Stage("speakers", speakers.stage),  # one speaker per person or body; dropped subjects resolved
    Stage("pillars", pillars.stage),  # an announced enumeration of principles
    Stage("entities", entities.stage),  # gazetteer and glossary names
    Stage("figures", figures.stage),  # numbers with their unit
    Stage("translation", translation.stage),  # the English sidecar aligned, and its QA
    Stage("summary", summary.stage),  # the sentences a reader needs
    Stage("findings", findings.stage),  # characters, pillar count, spelling
)
