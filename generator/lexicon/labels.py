"""The labels of every vocabulary a page names (labels.yml), read and checked once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import load

KINDS = ("act", "entity_type", "unit", "month", "level")
LANGUAGES = ("ar", "en")


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
def vocabulary(kind: str) -> Vocabulary:
    """The vocabulary `kind` (one of KINDS) of labels.yml; a malformed entry is an error here."""
    if kind not in KINDS:
        raise KeyError(f"no vocabulary {kind!r} in labels.yml (known: {', '.join(KINDS)})")
    entries = load("labels")[kind]
    names: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
    for code, label in entries.items():
        if not isinstance(label, dict) or set(label) != set(LANGUAGES) or not all(
                isinstance(v, str) and v for v in label.values()):
            raise ValueError(f"labels.yml: {kind} {code!r} needs a non-empty 'ar' and 'en' label")
        for language in LANGUAGES:
            names[language][str(code)] = label[language]
    return Vocabulary(kind, names)
