"""The findings stage: invisible characters, a pillar count that disagrees, likely misspellings."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .characters import character_findings
from .pillars import pillar_findings
from .spelling import spelling_findings

if TYPE_CHECKING:
    from .doc import Doc


def stage(doc: Doc) -> None:
    """findings: character, pillar and spelling findings, after the translation's; the names of
    entities and speakers are never checked for spelling."""
    names = [e.text for e in doc.entities] + [c.speaker.text for c in doc.claims if c.speaker]
    doc.findings += (character_findings(doc.text, doc.sentences, doc.source.body_line)
                     + pillar_findings(doc.pillars) + spelling_findings(doc, names))
