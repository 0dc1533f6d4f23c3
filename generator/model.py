"""The data model: plain frozen dataclasses that analysis fills and templates read.

`Statement.to_dict()` is the `bayan/analysis@1` JSON contract (see analysis-schema.md).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .problems import Problem


@dataclass(frozen=True)
class Meta:
    """Front-matter metadata of a statement (plus what analysis reads off a wire dateline)."""

    title: str
    title_en: str | None = None
    date: str | None = None  # ISO date
    source: str | None = None
    url: str | None = None
    dateline: str | None = None
    template: str | None = None
    place: str | None = None  # the dateline's place as written
    place_en: str | None = None
    agency: str | None = None  # English name of the agency that signs the dateline
    category: str | None = None  # a wire title's category prefix («سياسي / …» → سياسي)


@dataclass(frozen=True)
class GlossaryEntry:
    """Arabic variants (the first is canonical) of a name or term, and its English form."""

    ar: tuple[str, ...]
    en: str
    type: str | None = None  # an entity type (ORG LOC PER DOC EVENT OTHER); None for a term


@dataclass(frozen=True)
class Glossary:
    """The user's names and terms (content/glossary.yml): entities are found in the text like
    the gazetteer's, terms give English to speakers the lexicon has no English for."""

    entities: tuple[GlossaryEntry, ...] = ()
    terms: tuple[GlossaryEntry, ...] = ()


@dataclass(frozen=True)
class Source:
    """A statement as read from content/, before analysis."""

    slug: str
    path: str  # as given, relative to the project when possible
    meta: Meta
    body: str  # the Arabic text; all offsets refer to it
    body_line: int = 1  # line of the file where the body starts
    translation: tuple[str, ...] | None = None  # English paragraphs from <slug>.en.md
    translation_path: str | None = None
    translation_lines: tuple[int, ...] = ()  # line of the sidecar where each paragraph starts
    glossary: Glossary | None = None  # the project's content/glossary.yml
    template_line: int = 1  # line of the front matter's `template:` field


@dataclass(frozen=True)
class Sentence:
    n: int  # 1-based
    text: str
    start: int  # offsets into Source.body
    end: int


@dataclass(frozen=True)
class Speaker:
    """Who says a claim. Coordinated speakers (two presidents, a minister and his counterpart) are
    one speaker: the first person's canonical, en and role, the whole phrase as text, and each
    other person in co_speakers."""

    text: str  # as written, or the resolved speaker's words when implicit
    canonical: str
    explicit: bool
    from_claim: str | None = None
    en: str | None = None
    issuer: str | None = None  # for a document (البيان): canonical name of who issued it
    role: str | None = None  # the title or post the text gives the named person, as written
    co_speakers: tuple[Speaker, ...] = ()  # the other persons or bodies of a coordinated subject

    @property
    def people(self) -> tuple[Speaker, ...]:
        """Each person or body who says the claim: this speaker, then its co-speakers."""
        return (self, *self.co_speakers)


@dataclass(frozen=True)
class Claim:
    id: str
    sentence: int
    cue: str  # as written, without an attached و/ف
    cue_en: str
    act: str  # assert emphasize call warn welcome condemn deny announce express commit
    speaker: Speaker | None
    content: str


@dataclass(frozen=True)
class PillarItem:
    n: int
    sentences: tuple[int, ...]
    explicit: bool
    text: str


@dataclass(frozen=True)
class Pillars:
    announced: int | None
    noun: str | None
    sentence: int
    items: tuple[PillarItem, ...]


@dataclass(frozen=True)
class Entity:
    text: str
    canonical: str
    en: str
    type: str  # ORG LOC PER DOC EVENT OTHER
    sentences: tuple[int, ...]


@dataclass(frozen=True)
class Figure:
    text: str
    value: float | int | str
    unit: str | None
    sentence: int


@dataclass(frozen=True)
class Summary:
    sentences: tuple[int, ...]
    text: str
    text_en: str | None = None


@dataclass(frozen=True)
class Translation:
    sentences: tuple[str | None, ...]  # English per sentence, None where missing
    missing: tuple[int, ...]
    # Sentences translated by one English paragraph (`[4-5]` in the sidecar), e.g. ((4, 5),):
    # the English is on the first of them, the others are None and not missing.
    groups: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True)
class Statement:
    """A fully analysed statement: exactly what templates receive."""

    slug: str
    path: str
    meta: Meta
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...] = ()
    pillars: Pillars | None = None
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    summary: Summary | None = None
    translation: Translation | None = None
    findings: tuple[Problem, ...] = field(default_factory=tuple)  # what an editor should see

    def to_dict(self) -> dict[str, Any]:
        """The statement as JSON-ready data (bayan/analysis@1)."""
        return asdict(self)


def statement_from_dict(data: dict[str, Any]) -> Statement:
    """Rebuild a Statement from its JSON form (the inverse of `Statement.to_dict`)."""
    def speaker(d: dict[str, Any] | None) -> Speaker | None:
        return Speaker(**{**d, "co_speakers": tuple(map(speaker, d.get("co_speakers", ())))}) if d else None

    pillars = data.get("pillars")
    summary = data.get("summary")
    translation = data.get("translation")
    return Statement(
        slug=data["slug"],
        path=data["path"],
        meta=Meta(**data["meta"]),
        sentences=tuple(Sentence(**s) for s in data["sentences"]),
        claims=tuple(Claim(**{**c, "speaker": speaker(c["speaker"])}) for c in data["claims"]),
        pillars=Pillars(**{**pillars, "items": tuple(
            PillarItem(**{**i, "sentences": tuple(i["sentences"])}) for i in pillars["items"])}) if pillars else None,
        entities=tuple(Entity(**{**e, "sentences": tuple(e["sentences"])}) for e in data["entities"]),
        figures=tuple(Figure(**f) for f in data["figures"]),
        summary=Summary(**{**summary, "sentences": tuple(summary["sentences"])}) if summary else None,
        translation=Translation(tuple(translation["sentences"]), tuple(translation["missing"]),
                                tuple(tuple(g) for g in translation.get("groups", ()))) if translation else None,
        findings=tuple(Problem(**f) for f in data["findings"]),
    )
