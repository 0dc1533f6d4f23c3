"""The English sidecar: one paragraph per Arabic sentence, aligned by position."""
from __future__ import annotations

from collections.abc import Sequence

from .model import Finding, Sentence, Source, Translation


def align(source: Source, sentences: Sequence[Sentence]) -> tuple[Translation | None, tuple[Finding, ...]]:
    """English for each sentence (None where missing), and findings when the counts differ."""
    if source.translation is None:
        return None, ()
    paragraphs = source.translation
    english = tuple(paragraphs[i] if i < len(paragraphs) else None for i in range(len(sentences)))
    missing = tuple(i + 1 for i, text in enumerate(english) if text is None)
    findings: list[Finding] = []
    if len(paragraphs) != len(sentences):
        findings.append(Finding(
            level="warning", code="translation/alignment",
            message=(f"{source.translation_path} has {len(paragraphs)} paragraph(s) for the "
                     f"{len(sentences)} sentence(s) of {source.path}: one paragraph per sentence expected"),
        ))
    return Translation(sentences=english, missing=missing), tuple(findings)
