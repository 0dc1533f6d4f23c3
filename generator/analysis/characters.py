"""Invisible and misleading characters: bidi controls, zero-width characters, look-alikes.

Such characters can reorder or disguise what a reader sees, so each one is a finding with its
sentence and file line. Legitimate Arabic typography (ZWNJ between letters, tatweel) is not.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ..lexicon.invisible import describe, invisible
from ..model import Sentence
from ..problems import Problem

BIDI_CONTROLS = re.compile(invisible().bidi_controls)
ZERO_WIDTH = re.compile(invisible().zero_width)
CONTROLS = re.compile(invisible().controls)
TAGS = re.compile(invisible().tags + "+")  # a run of tag characters is one finding
WORD = re.compile(r"\w+")
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
ARABIC = re.compile(f"[{_ARABIC}]")
ARABIC_WORD = re.compile(f"[{_ARABIC}]+")
# Quick scans for what a finding needs, so that most texts are read twice rather than five times:
# a character of one of the four patterns above, and a letter (a word character, not a digit or
# `_`) outside the Arabic blocks, which a word of two scripts holds.
HIDDEN = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e"
                    "\x00-\x08\x0e-\x1f\x7f-\x9f\U000e0000-\U000e007f]")
FOREIGN_LETTER = re.compile(rf"[^\W\d_{_ARABIC}]")


def character_findings(body: str, sentences: Sequence[Sentence], body_line: int = 1) -> tuple[Problem, ...]:
    """A finding for each bidi control, stray zero-width or control character, run of tag
    characters and mixed-script word."""
    findings = []
    if HIDDEN.search(body):
        findings += _hidden(body, sentences, body_line)
    for match in WORD.finditer(body) if FOREIGN_LETTER.search(body) else ():
        if match.group().isascii() or ARABIC_WORD.fullmatch(match.group()):
            continue  # one script: Latin, or Arabic letters only
        scripts = _scripts(match.group())
        if len(scripts) > 1:
            findings.append(_finding(body, sentences, body_line, match.start(), "mixed-script",
                                     f"«{match.group()}» mixes {' and '.join(sorted(scripts))} letters (look-alike?)"))
    return tuple(sorted(findings, key=lambda f: (f.line or 0, f.code)))


def _hidden(body: str, sentences: Sequence[Sentence], body_line: int) -> list[Problem]:
    """A finding for each bidi control, stray zero-width or control character and run of tag
    characters."""
    findings = []
    for match in BIDI_CONTROLS.finditer(body):
        findings.append(_finding(body, sentences, body_line, match.start(), "bidi-control",
                                 f"bidi control {describe(match.group())} can reorder the text a reader sees"))
    for match in ZERO_WIDTH.finditer(body):
        findings.append(_finding(body, sentences, body_line, match.start(), "invisible-character",
                                 f"invisible {describe(match.group())}"))
    for match in TAGS.finditer(body):
        hidden = "".join(chr(ord(c) - 0xE0000) for c in match.group())
        findings.append(_finding(body, sentences, body_line, match.start(), "hidden-text",
                                 f"{len(hidden)} invisible tag character(s) spelling {hidden!r}"))
    for match in CONTROLS.finditer(body):
        findings.append(_finding(body, sentences, body_line, match.start(), "control-character",
                                 f"control character {describe(match.group())}"))
    return findings


def _scripts(word: str) -> set[str]:
    scripts = set()
    for char in word:
        if not char.isalpha():
            continue
        if ARABIC.match(char):
            scripts.add("Arabic")
        else:
            scripts.add(unicodedata.name(char, "UNKNOWN").split()[0].title())
    return scripts


def _finding(body: str, sentences: Sequence[Sentence], body_line: int, offset: int, code: str,
             message: str) -> Problem:
    sentence = next((s.n for s in sentences if s.start <= offset < s.end), None)
    line = body_line + body.count("\n", 0, offset)
    return Problem(level="warning", code=f"characters/{code}", message=message, sentence=sentence, line=line)
