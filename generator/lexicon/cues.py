"""Loader of cues.yml: reporting verbs, participles and attributions, and the words around them."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Agreement:
    past: dict[str, str]  # libqutrub's pronoun → the subject its past agrees with (m, f, p, 1)
    present: dict[str, str]
    object_pronouns: tuple[str, ...]


@dataclass(frozen=True)
class Verb:
    past: str  # vocalized, third person masculine singular: أَكَّدَ
    cue_en: str
    act: str
    present: bool = True  # whether the present forms are cues
    judges: bool = False  # its past with an object pronoun is a claim of its own («اعتبرها»)
    needs: tuple[str, ...] = ()  # words that must follow («@speech»: reported speech)


@dataclass(frozen=True)
class Participle:
    forms: tuple[str, ...]
    cue_en: str
    act: str
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Attribution:
    forms: tuple[str, ...]
    cue_en: str
    act: str
    joined: str = ""  # a preposition attached to the source: وفقًا لـ
    clause: bool = False  # a verb comes between it and the source: حسبما أفادت الوزارة


@dataclass(frozen=True)
class Cues:
    agreement: Agreement
    verbs: tuple[Verb, ...]
    participle_endings: dict[str, str]
    participles: tuple[Participle, ...]
    attributions: tuple[Attribution, ...]
    refines: dict[str, str]  # a finer act → the guidelines' act it refines (evaluation only)
    lead_ins: tuple[str, ...]
    relatives: tuple[str, ...]
    openers: tuple[str, ...]
    complementizers: tuple[str, ...]
    content_preps: tuple[str, ...]
    quotes: tuple[str, ...]
    agentless: tuple[str, ...]
    events: tuple[str, ...]  # verbs of events, not claims (documentation: no stage reads them)


@cache
def cues() -> Cues:
    """cues.yml, read once."""
    return read("cues", Cues)
