"""The wire frame of a body: a leading dateline or byline, trailing wire marks, and what the
dateline and the title tell (place, agency, date, category)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from ..arabic import Token, normalize, tokenize
from ..lexicon.wire import wire as wire_yml
from ..model import Glossary, Meta
from .dates import dates_in
from .entities import english_name, gazetteer, match_at

if TYPE_CHECKING:
    from .doc import Doc

_TERMINAL = re.compile(r"[.؟?!…]")
_CATEGORY = re.compile(r"\s*(\S+)\s*/\s*\S")
# One segment of a byline at the head of a line: up to four words, then «-», «–», «/» or «:».
_PLACED_WORDS = 6  # a dateline line without an agency has at most this many words
_SEGMENT = re.compile(r"\s*([^\s\-–/:.،؟!]+(?:[ \t]+[^\s\-–/:.،؟!]+){0,3})\s*([-–/:])")


@dataclass(frozen=True)
class Frame:
    dateline: str | None
    start: int  # the statement proper is body[start:end]
    end: int
    place: str | None = None  # as written in the dateline
    place_en: str | None = None
    agency: str | None = None  # English name of the agency that signs the dateline
    date: str | None = None  # ISO, the Gregorian date of the dateline (a Hijri one converted)


@cache
def _wire() -> tuple[dict[str, str], int, tuple[re.Pattern[str], ...], dict[str, str]]:
    data = wire_yml()
    agencies = {normalize(v).replace(" ", ""): a.en for a in data.agencies for v in a.ar}
    trailers = tuple(re.compile(p) for p in data.trailers)
    categories = {normalize(k): k for k in data.categories}
    return agencies, data.dateline_max_words, trailers, categories


@cache
def _longest_name() -> int:
    """Words in the longest agency name (أ ف ب: 3)."""
    return max(len(v.split()) for a in wire_yml().agencies for v in a.ar)


def frame(body: str) -> Frame:
    """Where the statement proper starts and ends, and its dateline if it has one."""
    agencies, max_words, trailers, _ = _wire()
    start, end, dateline = 0, len(body), None
    first = re.match(r"\s*([^\n]*)\n", body)
    agency = _agency(first.group(1), agencies, max_words) if first else None
    if agency or first and _placed(first.group(1)):
        dateline, start = first.group(1).strip(), first.end()
    elif byline := _byline(body, agencies, max_words) or _placed_byline(body):
        dateline, start, agency = byline
    lines = body[start:end].split("\n")
    while lines and (not lines[-1].strip() or any(t.match(lines[-1]) for t in trailers)):
        end -= len(lines.pop()) + (1 if lines else 0)
    if dateline is None:
        return Frame(None, start, max(start, end))
    tokens = tokenize(dateline)
    place, place_en = _place(dateline, tokens)
    dates = dates_in(tokens)
    iso = next((d.iso for d in dates if d.calendar == "gregorian"), dates[0].iso if dates else None)
    return Frame(dateline, start, max(start, end), place, place_en, agency, iso)


def _agency(line: str, agencies: dict[str, str], max_words: int) -> str | None:
    """English name of the agency that makes a first line a dateline, else None."""
    if _TERMINAL.search(line):  # a sentence, not a dateline: not worth tokenizing
        return None
    words = _words(line)
    if not words or len(words) > max_words:
        return None
    for width in range(1, _longest_name() + 1):  # a name of one word (واس), or of a few (أ ف ب، عين اليوم)
        for k in range(len(words) - width + 1):
            if (name := "".join(words[k:k + width])) in agencies:
                return agencies[name]
    joined = "".join(words)
    return next((en for ar, en in agencies.items() if joined.endswith(ar)), None)


def _tagged(segment: str, agencies: dict[str, str]) -> str | None:
    """The agency a segment names in brackets or quotation marks after a place, or alone
    («الرياض (واس)», «(رويترز)»), else None."""
    tag = re.fullmatch(r"[^()«»\"]*[(«\"]([^()«»\"]+)[)»\"]", segment.strip())
    return agencies.get("".join(_words(tag.group(1)))) if tag else None


def _place_at(body: str, at: int) -> bool:
    """True when a known place opens the text at `at` («واس – جدة …»)."""
    tokens = tuple(t for t in tokenize(body[at:at + 60]) if t.kind != "punct")
    found = match_at(tokens, 0, gazetteer()) if tokens else None
    return found is not None and found.entry.type == "LOC"


def _placed_byline(body: str) -> tuple[str, int, None] | None:
    """A dateline without an agency before the text on its first line, up to «:» («الدوحة / مكتب
    الإعلام: …»): (dateline, where the text starts, no agency)."""
    head = re.match(r"\s*([^\n:]+):[ \t]*", body)
    if head is None or not _placed(head.group(1)):
        return None
    return head.group(1).strip(), head.end(), None


def _placed(line: str) -> bool:
    """True for a first line that is a dateline without an agency: short segments joined by «-»,
    «–» or «/», one of them a known place and none a sentence («الدوحة / مكتب الإعلام»,
    «صنعاء - خاص بالصحيفة», «مكة المكرمة – كاتب الخبر»)."""
    if _TERMINAL.search(line) or len(line.split()) > _PLACED_WORDS:
        return False
    segments = [s.strip() for s in re.split(r"[-–/]", line)]
    return len(segments) >= 2 and all(segments) and any(map(_is_place, segments))


def _is_place(segment: str) -> bool:
    """True when a segment of a byline is a known place and nothing else («جدة», «مكة المكرمة»)."""
    tokens = tuple(t for t in tokenize(segment) if t.kind != "punct")
    found = match_at(tokens, 0, gazetteer()) if tokens else None
    return found is not None and found.entry.type == "LOC" and found.end == len(tokens)


def _words(line: str) -> list[str]:
    """The normalised words of a line, its punctuation left out (as agency names are matched)."""
    return [t.norm for t in tokenize(line) if t.kind != "punct"]


def _byline(body: str, agencies: dict[str, str], max_words: int) -> tuple[str, int, str | None] | None:
    """A dateline at the head of the first line, before the text on the same line: short
    segments joined by «-», «–» or «/», one of them an agency's name, up to «:» or the dash after the last
    («سبق- الرياض: …», «القاهرة - أ ش أ - …», «محمد علي- سبق- جدة: …», «الرياض (واس) - …»), or
    the agency alone before a dash and the text («واس - أكد …»): (dateline, where the text
    starts, the agency's English name)."""
    pos, agency, end, before_agency, after_agency, agency_end = 0, None, None, 0, 0, 0
    while (segment := _SEGMENT.match(body, pos)) and after_agency <= 2:
        pos = segment.end()
        if agency is None:
            agency = agencies.get("".join(_words(segment.group(1)))) or _tagged(segment.group(1), agencies)
            before_agency += agency is None
            agency_end = pos if agency and segment.group(2) != "/" else 0
        else:
            after_agency += 1
        # the text starts after «:», or after the dash that follows «place - agency»; a byline
        # that opens with the agency and has no «:» may go on into the text («واس – جدة أعلن …»)
        if agency and (segment.group(2) == ":" or before_agency and not after_agency):
            end = pos
        if segment.group(2) == ":":
            break
    if agency and end is None and not before_agency and agency_end and not _place_at(body, agency_end):
        end = agency_end  # «واس - أكد الوزير …»; «واس – جدة أعلن …» may go on, it is left whole
    if agency is None or end is None or len(body[:end].split()) > max_words:
        return None
    return body[:end].strip().rstrip(":-–/ "), end + len(body[end:]) - len(body[end:].lstrip()), agency


def _place(dateline: str, tokens: tuple[Token, ...]) -> tuple[str | None, str | None]:
    """The place of a dateline (of these tokens), with its English: a known place anywhere in it,
    else the words before its first number («أملج 25 شوال …»)."""
    for k in range(len(tokens)):
        found = match_at(tokens, k, gazetteer()) if tokens[k].kind == "word" else None
        if found and found.entry.type == "LOC":
            return dateline[found.start:found.stop], found.entry.en
    head = next((k for k, t in enumerate(tokens) if t.kind != "word"), len(tokens))
    if 0 < head < len(tokens) and tokens[head].kind == "num":
        return dateline[tokens[0].start:tokens[head - 1].end], None
    return None, None


def category(title: str) -> str | None:
    """The category prefix of a wire title («سياسي / …» → سياسي), as written, if known."""
    match = _CATEGORY.match(title)
    if match is None:
        return None
    return match.group(1) if normalize(match.group(1)) in _wire()[3] else None


def stage(doc: Doc) -> None:
    """wire: the frame of the body, its dateline's tokens, and the meta completed from both."""
    wire = doc.frame = frame(doc.text)
    doc.dateline = tokenize(doc.text, 0, wire.start)
    doc.meta = _meta(doc.source.meta, wire, doc.source.glossary)


def _meta(meta: Meta, wire: Frame, glossary: Glossary | None) -> Meta:
    """Front matter completed from the wire frame and the title, and the source's English name;
    what the user wrote wins."""
    return replace(
        meta,
        source_en=meta.source_en or (english_name(meta.source, glossary) if meta.source else None),
        dateline=meta.dateline or wire.dateline,
        date=meta.date or wire.date,
        place=meta.place or wire.place,
        place_en=meta.place_en or wire.place_en,
        agency=meta.agency or wire.agency,
        category=meta.category or category(meta.title),
    )
