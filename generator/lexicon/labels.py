"""The labels of every vocabulary a page names (labels.yml), read and checked once."""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache

from . import read

LANGUAGES = ("ar", "en")


@dataclass(frozen=True)
class Label:
    ar: str
    en: str


@dataclass(frozen=True)
class Labels:
    """labels.yml: each vocabulary, its codes in the order pages show them."""

    act: dict[str, Label]
    entity_type: dict[str, Label]
    unit: dict[str, Label]
    month: dict[int, Label]
    level: dict[str, Label]
    finding: dict[str, Label]


KINDS = tuple(f.name for f in fields(Labels))


@dataclass(frozen=True)
class Vocabulary:
    """One vocabulary: its codes in order, each with a label per language."""

    kind: str
    names: dict[str, dict[str, str]]  # language → code → label, codes in the file's order

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.names["ar"])

    def label(self, code: str, language: str = "ar") -> str:
        """The label of `code`, or the code itself when the vocabulary does not name it."""
        return self.names[language].get(code, code)


@cache
def labels() -> Labels:
    """labels.yml, read once."""
    return read("labels", Labels)


@cache
def vocabulary(kind: str) -> Vocabulary:
    """The vocabulary `kind` (one of KINDS) of labels.yml; an empty label is an error here."""
    if kind not in KINDS:
        raise KeyError(f"no vocabulary {kind!r} in labels.yml (known: {', '.join(KINDS)})")
    entries: dict[object, Label] = getattr(labels(), kind)
    for code, label in entries.items():
        if not (label.ar.strip() and label.en.strip()):
            raise ValueError(f"labels.yml: {kind} {code!r} needs a non-empty 'ar' and 'en' label")
    return Vocabulary(kind, {language: {str(code): getattr(label, language) for code, label in entries.items()}
                             for language in LANGUAGES})
