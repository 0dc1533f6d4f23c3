"""Pillars: an announced enumeration of principles and the sentences that state each item.

An item is marked by an ordinal (أولها، ثانيًا، المحور الثالث، 1-، أ-) or by «من بين الركائز»;
one sentence may mark several («المحور الأول … والمحور الثاني …»); after an announcement, lines
that open with a bullet («- …», «• …») right after it are items too. Items listed after the
announcement in its own sentence and a list opener («ثلاثة محاور: الأمن، والاقتصاد، والتعليم»,
«… وهي الأمن والاقتصاد والتعليم», «في مقدمتها …») count when there are as many as announced.
Otherwise a sentence without a mark starts the next item while numbers are left before the next
marked item (or the announced count), and otherwise elaborates the current one; after the last
marked item, a sentence that names its speaker ends the enumeration, and so does a mark that
goes back to an item already given (a second «أولاً»).

Not every counted noun is an announcement: «ضربت ستة أهداف» is followed by no marked or listed
item, «قتل 3 عناصر إرهابية داخل المزرعة، ونجحت …» by no list opener, and «خسر 206 نقاط» counts
more than ordinals go; none is one. Without an announcement, ordinal words make an enumeration
of two items or more («أولاً … ثانيًا …»); numbered paragraphs («1- …», «٢٤ - …») and bullets
alone do not.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from ..arabic import (Token, bare, clitic_forms, digits_value, indexes_of, is_definite, normalize, norms, read_quantity,
                      without_conjunction)
from ..lexicon.pillars import pillars
from ..model import Claim, PillarItem, Pillars
from ..problems import Problem

if TYPE_CHECKING:
    from .doc import Doc

NEXT = 0  # marker value of «من بين الركائز»: the item after the current one


class Mark(NamedTuple):
    """An item mark in a sentence: its number (or NEXT), the token it starts at, whether it is a
    paragraph number («1- …») rather than a word, and whether it opens a clause (first in the
    sentence or after punctuation: «أولاً: …», not the adverb of «بدأ بها أولاً، ثم …»)."""

    value: int
    at: int
    numbered: bool = False
    opens: bool = True


@dataclass(frozen=True)
class _Lexicon:
    nouns: frozenset[str]
    singular: frozenset[str]
    markers: dict[str, int]
    adjectives: dict[str, int]
    among: tuple[str, ...]
    numbering: frozenset[str]
    openers: tuple[tuple[str, ...], ...]
    list_marks: frozenset[str]
    bullets: frozenset[str]
    letters: dict[str, int]  # a letter that numbers an item → its number


@cache
def _lexicon() -> _Lexicon:
    data = pillars()
    ordinals = lambda key: {normalize(w): int(n) for n, ws in getattr(data, key).items() for w in ws}  # noqa: E731
    return _Lexicon(frozenset(bare(normalize(w)) for w in data.nouns),
                    frozenset(bare(normalize(w)) for w in data.singular),
                    ordinals("markers"), ordinals("adjectives"),
                    tuple(normalize(w) for w in data.among.split()), frozenset(data.numbering),
                    tuple(tuple(normalize(w) for w in opener.split()) for opener in data.list_openers),
                    frozenset(data.list_marks),
                    frozenset(data.bullets), {normalize(w): n for n, w in enumerate(data.letters, 1)})


def _announcement(tokens: tuple[Token, ...], numbers: tuple[int, ...]) -> tuple[int, str, int] | None:
    """(count, noun as written, token index after it) of «أربع ركائز» in a sentence, given where
    its numbers can start."""
    lex = _lexicon()
    for i in numbers:
        quantity = read_quantity(tokens, i)
        if quantity and quantity.noun is not None and bare(tokens[quantity.noun].norm) in lex.nouns \
                and quantity.value <= max(lex.markers.values()):  # «خسر المؤشر 206 نقاط»: no enumeration
            return int(quantity.value), tokens[quantity.noun].text, quantity.noun + 1
    return None


def _marks(tokens: tuple[Token, ...], start: int) -> list[Mark]:
    """Every item mark at or after tokens[start], in order."""
    lex = _lexicon()
    found = []
    if start == 0 and (bullet := _bullet(tokens)) is not None:
        found.append(Mark(bullet, 0, numbered=True))
    for i in [i for i in indexes_of(tokens, _mark_words()) if i >= start]:
        norm = tokens[i].norm
        word = _ordinal(norm)
        if word in lex.markers:
            found.append(Mark(lex.markers[word], i, opens=i == 0 or tokens[i - 1].kind == "punct"))
        elif i + 1 < len(tokens) and _singular(norm) and tokens[i + 1].norm in lex.adjectives:
            found.append(Mark(lex.adjectives[tokens[i + 1].norm], i))
        else:
            first = i + 1 - len(lex.among)  # «من بين» is found by its last word: «من» is too common
            if (norm == lex.among[-1] and first >= start and tuple(norms(tokens[first:i + 1])) == lex.among
                    and i + 1 < len(tokens) and bare(tokens[i + 1].norm) in lex.nouns):
                found.append(Mark(NEXT, first))
    return found


def _bullet(tokens: tuple[Token, ...]) -> int | None:
    """The number of a line that opens with a number or a letter of the abjad before «-» or «)»
    («1- …», «ب) …»), NEXT for one that opens with a bullet («- …», «• …»), else None."""
    lex = _lexicon()
    if not tokens:
        return None
    if tokens[0].text in lex.bullets and len(tokens) > 1 and tokens[1].kind == "word":
        return NEXT
    if len(tokens) > 1 and tokens[1].text in lex.numbering:
        if tokens[0].kind == "num":
            return int(digits_value(tokens[0].text))
        return lex.letters.get(tokens[0].norm)
    return None


@cache
def _mark_words() -> frozenset[str]:
    """Every word that `_may_mark` is true for."""
    lex = _lexicon()
    return clitic_forms([*lex.markers, *lex.singular, lex.among[-1]], _may_mark)


@cache
def _may_mark(norm: str) -> bool:
    """True when a word can start an item mark (an ordinal, a singular noun before an ordinal
    adjective) or end «من بين»."""
    lex = _lexicon()
    return _ordinal(norm) in lex.markers or _singular(norm) or norm == lex.among[-1]


def _ordinal(norm: str) -> str:
    """An ordinal word without the conjunction before it («وثانيها» → «ثانيها»), else the word."""
    rest = without_conjunction(norm)[1]
    return rest if rest in _lexicon().markers else norm


def _singular(norm: str) -> bool:
    """True for the singular noun of an item («المحور»), also behind و/ف («والمحور»)."""
    singular = _lexicon().singular
    return bare(norm) in singular or bare(without_conjunction(norm)[1]) in singular


def stage(doc: Doc) -> None:
    """pillars: the statement's enumeration of principles, if it has one."""
    doc.pillars = find_pillars(doc, doc.claims)


def find_pillars(doc: Doc, claims: tuple[Claim, ...] = ()) -> Pillars | None:
    """The statement's enumeration of principles, or None when it has none."""
    text, sentences, tokens = doc.text, doc.sentences, doc.tokens
    announced, noun, first, start = None, None, None, 0
    for k, sentence_tokens in enumerate(tokens):
        found = _announcement(sentence_tokens, doc.number_starts(k))
        if found:
            (announced, noun, start), first = found, k
            break
    marks: dict[int, list[Mark]] = {}
    for k in range(first or 0, len(tokens)):
        if found_marks := _marks(tokens[k], start if k == first else 0):
            marks[k] = found_marks
    if first is not None and not _is_bullet(marks.get(first + 1, ())):
        marks = {k: kept for k, ms in marks.items() if (kept := [m for m in ms if not _is_bullet([m])])}
    if first is None:  # no announcement: ordinals that open clauses; numbered paragraphs are no enumeration
        marks = {k: kept for k, ms in marks.items() if (kept := [m for m in ms if m.opens and not m.numbered])}
        if sum(1 for ms in marks.values() for m in ms if m.value) < 2:
            return None
        first = min(marks)
    elif not any(k > first for k in marks) and len(marks.get(first, ())) < 2:
        listed = _listed(text, tokens[first], start, announced)
        if listed:
            return Pillars(announced, noun, sentences[first].n, tuple(
                PillarItem(n, (sentences[first].n,), False, item) for n, item in enumerate(listed, 1)))
        if not marks:
            return None  # a counted noun («ستة أهداف») with no item after it: no announcement
    named = {c.sentence for c in claims if c.speaker is not None and c.speaker.explicit}
    items: list[list] = []  # [n, sentence indexes, explicit, text start, text end]
    for k in range(first, len(tokens)):
        n = items[-1][0] if items else 0
        if k in marks:
            if _restarts(marks[k], n):
                if announced is not None or len(items) > 1:
                    break  # «أولاً …» again: another enumeration begins
                items = []  # what came before was one item: the enumeration is the one that begins here
            for mark, following in zip(marks[k], [*marks[k][1:], None]):
                end = tokens[k][following.at].start if following else sentences[k].end
                previous = items[-1][0] if items else 0
                items.append([mark.value or previous + 1, [k], True, tokens[k][mark.at].start, end])
            continue
        if k == first:
            continue
        ahead = [mark.value for m in sorted(marks) if m > k for mark in marks[m]]
        fixed = next((i for i, v in enumerate(ahead) if v), len(ahead))  # «من بين» marks before it
        ceiling = ahead[fixed] if fixed < len(ahead) else (announced or n) + 1
        free = ceiling - 1 - n - fixed
        if free > 0:
            items.append([n + 1, [k], False, sentences[k].start, sentences[k].end])
        elif items and (ahead or sentences[k].n not in named):  # before a marked item, all elaborates
            items[-1][1].append(k)
        else:
            break
    if not items or announced is None and len(items) < 2:
        return None  # one item left before another enumeration begins is no enumeration
    return Pillars(announced, noun, sentences[first].n, tuple(
        PillarItem(n, tuple(sentences[k].n for k in ks), explicit, text[at:end].rstrip(" ،,؛\n"))
        for n, ks, explicit, at, end in items))


def _is_bullet(marks: Sequence[Mark]) -> bool:
    """True for the marks of a line that opens with a bullet («- …»)."""
    return any(m.numbered and m.value == NEXT for m in marks)


def _restarts(marks: list[Mark], n: int) -> bool:
    """True when the first numbered mark of a sentence goes back to an item already given (an
    enumeration counts up: a second «أولاً» starts another one)."""
    first = next((m.value for m in marks if m.value), None)
    return n > 0 and first is not None and first <= n


def _listed(text: str, tokens: tuple[Token, ...], start: int, announced: int) -> list[str] | None:
    """Items listed after the announcement inside its sentence — after a list opener («:»، «وهي»،
    «تتمثل في») when there is one — separated by «،», or else also by «و» before a definite
    noun: «ثلاثة محاور: الأمن، والاقتصاد، والتعليم», «ثلاثة عناصر وهي الأمن والاقتصاد
    والتعليم»; only after a list opener, and when there are as many as announced."""
    start = _after_opener(tokens, start)
    if start is None:
        return None
    parts: list[list[Token]] = [[]]
    for token in tokens[start:]:
        if token.text in "،,؛":
            parts.append([])
        elif token.kind != "punct" or parts[-1]:
            parts[-1].append(token)
    parts = [p for p in parts if any(t.kind == "word" for t in p)]
    if len(parts) != announced:
        parts = [piece for part in parts for piece in _split_at_conjoined_nouns(part)]
    if len(parts) != announced:
        return None
    return [text[p[0].start:p[-1].end].rstrip(".").strip() for p in parts]


def _after_opener(tokens: tuple[Token, ...], start: int) -> int | None:
    """Where a list begins: after the first list opener at or after `start`; None without one."""
    words = [t.norm for t in tokens]
    for i in range(start, len(tokens)):
        if tokens[i].text in _lexicon().list_marks:
            return i + 1
        for opener in _lexicon().openers:
            if tuple(words[i:i + len(opener)]) == opener:
                return i + len(opener)
    return None


def _split_at_conjoined_nouns(part: list[Token]) -> list[list[Token]]:
    """A run of tokens cut before each «و» + definite noun («الأمن والاقتصاد» → two)."""
    pieces: list[list[Token]] = [[]]
    for token in part:
        conjunction, rest = without_conjunction(token.norm)
        if conjunction and is_definite(rest) and pieces[-1]:
            pieces.append([])
        pieces[-1].append(token)
    return pieces


def pillar_findings(pillars: Pillars | None) -> tuple[Problem, ...]:
    """A warning when the announced count and the items found disagree."""
    if pillars is None or pillars.announced is None or pillars.announced == len(pillars.items):
        return ()
    return (Problem("warning", "pillars/count-mismatch",
                    f"{pillars.announced} {pillars.noun} announced, {len(pillars.items)} found", pillars.sentence),)
