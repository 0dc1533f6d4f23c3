"""Analysis: one Doc per statement through the named stages of `stages.STAGES`.

Each stage reads the body text and what the stages before it put on the Doc; offsets always
refer to `Source.body`.
"""
from __future__ import annotations

from ..model import Source, Statement
from . import stages
from .doc import Doc, Settings

__all__ = ["Settings", "analyze"]


def analyze(source: Source, settings: Settings = Settings()) -> Statement:
    """Analyse one statement: everything its page shows."""
    doc = Doc(source, settings)
    for stage in stages.STAGES:
        stage.run(doc)
    return doc.statement()
