"""Analysis pipeline: pure stages from a Source to a Statement."""
from __future__ import annotations

import re

from ..model import Sentence, Source, Statement


def analyze(source: Source) -> Statement:
    """Analyse one statement (placeholder: sentences only, to be replaced by the real stages)."""
    sentences = []
    for n, m in enumerate(re.finditer(r"[^.؟?!\n]+[.؟?!]*", source.body), 1):
        sentences.append(Sentence(n, m.group().strip(), m.start(), m.end()))
    return Statement(source.slug, source.path, source.meta, tuple(sentences))
