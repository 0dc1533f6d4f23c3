"""The data model: plain frozen dataclasses that analysis fills and templates read.

`Statement.to_dict()` is the `bayan/analysis@1` JSON contract (see analysis-schema.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from .problems import Problem


@dataclass(frozen=True)
class Meta:
    """Front-matter metadata of a statement (plus what analysis reads off a wire dateline)."""

    title: str  # the Arabic title (front matter `title:`, or the file name)
    title_en: str | None = None  # the English title (front matter `title_en:`)
    date: str | None = None  # ISO date
    source: str | None = None  # who issued or carried it; a known outlet by its name (lexicon/outlets.yml)
    url: str | None = None  # where it was published (http or https only)
    dateline: str | None = None  # the wire dateline before the text, as written («الرياض - واس»)
    template: str | None = None  # the template chosen in the front matter (None: statement)
    place: str | None = None  # the dateline's place as written
    place_en: str | None = None  # the English name of the dateline's place
    agency: str | None = None  # English name of the agency that signs the dateline
    category: str | None = None  # a wire title's category prefix («سياسي / …» → سياسي)
    source_en: str | None = None  # the English name of a known outlet (lexicon/outlets.yml)


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
    """One sentence of the text; its page anchor is `#s<n>`."""

    n: int  # its number, 1-based
    text: str  # the sentence as written
    start: int  # offsets into Source.body
    end: int  # offset just after the sentence


@dataclass(frozen=True)
class Speaker:
    """Who says a claim. Coordinated speakers (two presidents, a minister and his counterpart) are
    one speaker: the first person's canonical, en and role, the whole phrase as text, and each
    other person in co_speakers."""

    text: str  # as written, or the resolved speaker's words when implicit
    canonical: str  # the full name the speaker resolves to, the same across the statement
    explicit: bool  # true when the sentence names the speaker; false for a dropped subject or pronoun
    from_claim: str | None = None  # for an implicit speaker: the id of the claim it was resolved from
    en: str | None = None  # the English name (glossary, then lexicon), None where there is none
    issuer: str | None = None  # for a document (البيان): canonical name of who issued it
    role: str | None = None  # the title or post the text gives the named person, as written
    co_speakers: tuple[Speaker, ...] = ()  # the other persons or bodies of a coordinated subject
    romanized: bool = False  # en is a named person's name romanised (arabic-name-romanizer), from no list

    @property
    def people(self) -> tuple[Speaker, ...]:
        """Each person or body who says the claim: this speaker, then its co-speakers."""
        return (self, *self.co_speakers)


@dataclass(frozen=True)
class Claim:
    """Something a speaker says, reported by a cue (a verb, a participle, «وفقًا لـ»)."""

    id: str  # c1, c2 … in order
    sentence: int  # the number of its sentence
    cue: str  # as written, without an attached و/ف
    cue_en: str  # the cue in English («affirmed»)
    act: str  # the speech act: one of the act codes under Values (assert: plain reporting, affirm …)
    speaker: Speaker | None  # None where no speaker was found
    content: str  # what is said, as written


@dataclass(frozen=True)
class PillarItem:
    """One pillar of an enumeration."""

    n: int  # its rank: 1 for the first
    sentences: tuple[int, ...]  # the sentences that state or elaborate it
    explicit: bool  # true when an ordinal or number marks it in the text; false when inferred
    text: str  # its first words, as written


@dataclass(frozen=True)
class Pillars:
    """The principles a statement announces («أربع ركائز») and the ones found in the text."""

    announced: int | None  # the number announced, None when only ordinals mark the list
    noun: str | None  # the word that names them, as written (ركائز، محاور، مبادئ …)
    sentence: int  # the sentence that announces them
    items: tuple[PillarItem, ...]  # the pillars found, in order


@dataclass(frozen=True)
class Entity:
    """A named organisation, place, person, document or event."""

    text: str  # as first written in the text
    canonical: str  # its name in the glossary or the gazetteer; as written when no list knows it
    en: str  # its English name ("" when none is known)
    type: str  # one of the entity_type codes under Values (ORG LOC PER DOC EVENT OTHER)
    sentences: tuple[int, ...]  # the sentences that name it
    romanized: bool = False  # en is a person's name romanised (arabic-name-romanizer), from no list: a translation need not spell it so


@dataclass(frozen=True)
class Figure:
    """A number with its unit, or a date."""

    text: str  # as written («ثلاث سنوات ونصف السنة», «٨٨٧ محتجزاً»)
    value: float | int | str  # the number (3.5, 887), or the ISO date of a date
    unit: str | None  # one of the unit codes under Values, or date
    sentence: int  # the number of its sentence


@dataclass(frozen=True)
class Summary:
    """The sentences a reader needs, in source order."""

    sentences: tuple[int, ...]  # their numbers
    text: str  # their Arabic text, joined
    text_en: str | None = None  # their English, where every one of them is translated


@dataclass(frozen=True)
class Translation:
    sentences: tuple[str | None, ...]  # English per sentence, None where missing
    missing: tuple[int, ...]  # the sentences without English
    # Sentences translated by one English paragraph (`[4-5]` in the sidecar), e.g. ((4, 5),):
    # the English is on the first of them, the others are None and not missing.
    groups: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True)
class Statement:
    """A fully analysed statement: exactly what templates receive."""

    slug: str  # the file name without its extension: the page is statements/<slug>/
    path: str  # the statement's file, relative to the project
    meta: Meta  # the front matter
    sentences: tuple[Sentence, ...]  # the text, sentence by sentence
    claims: tuple[Claim, ...] = ()  # who said what, in order
    pillars: Pillars | None = None  # None where the statement announces no pillars
    entities: tuple[Entity, ...] = ()  # the names it mentions
    figures: tuple[Figure, ...] = ()  # its numbers and dates
    summary: Summary | None = None  # its summary
    translation: Translation | None = None  # its English (<slug>.en.md), None where there is none
    findings: tuple[Problem, ...] = field(default_factory=tuple)  # what an editor should see

    def to_dict(self) -> dict[str, Any]:
        """The statement as JSON-ready data (bayan/analysis@1): what `dataclasses.asdict` gives,
        without its deep copy of every value (the model's values are immutable)."""
        return _plain(self)


_FIELDS: dict[type, tuple[str, ...]] = {}  # the field names of each dataclass of the model


def _plain(value: Any) -> Any:
    """A model value as dicts, tuples, lists and the immutable values they hold."""
    kind = type(value)
    if kind in (str, int, float, bool) or value is None:
        return value
    if kind in (tuple, list):
        return kind(_plain(v) for v in value)
    if kind is dict:
        return {k: _plain(v) for k, v in value.items()}
    names = _FIELDS.get(kind)
    if names is None:
        if not is_dataclass(kind):
            return value
        names = _FIELDS[kind] = tuple(f.name for f in fields(value))
    return {name: _plain(getattr(value, name)) for name in names}


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
