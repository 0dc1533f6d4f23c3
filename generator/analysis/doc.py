"""The Doc that the analysis stages fill: one statement's text, tokenised once, and what each
stage found in it.

Offsets always point into `Doc.text` (the source's body); normalised forms are for matching only.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..arabic import Token, number_starts, tokenize
from ..model import Claim, Entity, Figure, Meta, Pillars, Sentence, Source, Statement, Summary, Translation
from ..problems import Problem
from .summary import RATIO

if TYPE_CHECKING:
    from .speakers import Attribution
    from .wire import Frame


@dataclass(frozen=True)
class Settings:
    """What the analysis of every statement of a build shares."""

    summary_ratio: float = RATIO  # share of a statement's words its summary holds
    cache_dir: Path | None = None  # where the spelling dictionary is kept; None: built in memory each run

    @classmethod
    def given(cls, summary_ratio: float | None = None, cache_dir: Path | None = None) -> Settings:
        """Settings from options that may be unset (None: the default)."""
        return cls(RATIO if summary_ratio is None else summary_ratio, cache_dir)

    def results(self) -> dict[str, Any]:
        """The settings that change what the analysis finds (all but where caches live)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "cache_dir"}


@dataclass(eq=False)
class Doc:
    """One statement under analysis: the source, then one slot for what each stage adds."""

    source: Source
    settings: Settings = Settings()
    frame: Frame | None = None  # wire: where the statement proper starts and ends
    meta: Meta | None = None  # wire: the front matter completed from the dateline and title
    dateline: tuple[Token, ...] = ()  # wire: the tokens before the statement proper
    sentences: tuple[Sentence, ...] = ()  # sentences
    tokens: tuple[tuple[Token, ...], ...] = ()  # sentences: the tokens of each sentence
    attributions: tuple[Attribution, ...] = ()  # claims: each claim with its overt speaker
    claims: tuple[Claim, ...] = ()  # speakers: the claims with their speakers
    pillars: Pillars | None = None
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    translation: Translation | None = None
    summary: Summary | None = None
    findings: list[Problem] = field(default_factory=list)  # translation, then findings
    _numbers: dict[int, tuple[int, ...]] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        """The body all offsets point into."""
        return self.source.body

    def set_sentences(self, sentences: Sequence[Sentence]) -> None:
        """The sentences and the tokens of each, tokenised here once."""
        text = self.text
        self.sentences = tuple(sentences)
        self.tokens = tuple([tokenize(text, s.start, s.end) for s in self.sentences])

    def number_starts(self, k: int) -> tuple[int, ...]:
        """Indexes of the tokens of the k-th sentence (0-based) that can start a number."""
        found = self._numbers.get(k)
        if found is None:
            sentence = self.sentences[k]
            found = self._numbers[k] = number_starts(self.text, self.tokens[k], sentence.start, sentence.end)
        return found

    def statement(self) -> Statement:
        """What the stages found, as the model's Statement."""
        return Statement(
            slug=self.source.slug,
            path=self.source.path,
            meta=self.meta or self.source.meta,
            sentences=self.sentences,
            claims=self.claims,
            pillars=self.pillars,
            entities=self.entities,
            figures=self.figures,
            summary=self.summary,
            translation=self.translation,
            findings=tuple(self.findings),
        )
