"""The characters a page must show as markers rather than as themselves (invisible.yml)."""
from __future__ import annotations

import re
import unicodedata

from . import load

KINDS = ("bidi_controls", "zero_width", "controls", "tags")
# One character of any kind: the analysis reports it, the escaping filters show it.
INVISIBLE = re.compile("|".join(load("invisible")[kind] for kind in KINDS))


def describe(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: the code point and its Unicode name, if it has one."""
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip()
