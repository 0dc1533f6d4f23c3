"""Loader of invisible.yml: the characters a page must show as markers rather than as themselves,
which the analysis reports (analysis/characters.py) and the escaping filters show (site/render.py)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import astuple, dataclass
from functools import cache

from . import read


@dataclass(frozen=True)
class Invisible:
    """One regular-expression class per kind of invisible character."""

    bidi_controls: str
    zero_width: str
    controls: str
    tags: str


@cache
def invisible() -> Invisible:
    """invisible.yml, read once."""
    return read("invisible", Invisible)


# One character of any kind.
INVISIBLE = re.compile("|".join(astuple(invisible())))


def describe(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: the code point and its Unicode name, if it has one."""
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip()
