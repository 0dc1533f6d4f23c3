"""Loader of cues.yml: reporting verbs, participles and attributions, and the words around them."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Agreement:
    past: dict[str, str]  # past ending → the subject it agrees with (m, f, p)
    present: dict[str, bool]  # present ending → a plural or dual ending
    present_prefixes: dict[str, str]
    object_pronouns: tuple[str, ...]


@dataclass(frozen=True)
class Verb:
    past: str
    present: tuple[str, ...]
    cue_en: str
    act: str
    also: tuple[str, ...] = ()  # more past forms
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
