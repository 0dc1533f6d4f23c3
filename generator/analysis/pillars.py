"""Pillars: an announced enumeration of principles and the sentences that state each item.

An item is marked by an ordinal (أولها، ثانيًا، المحور الثالث، 1-) or by «من بين الركائز»; items
listed after the announcement in its own sentence («ثلاثة محاور: الأمن، والاقتصاد، والتعليم»)
count when there are as many as announced. Otherwise a sentence
without a mark starts the next item while numbers are left before the next marked item (or the
announced count), and otherwise elaborates the current one; after the last marked item, a
sentence that names its speaker ends the enumeration.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..arabic import Token, bare, clitic_forms, digits_value, indexes_of, normalize, norms, read_quantity
from ..lexicon.pillars import pillars
from ..model import Claim, PillarItem, Pillars
from ..problems import Problem

if TYPE_CHECKING:
    from .doc import Doc

NEXT = 0  # marker value of «من بين الركائز»: the item after the current one


@dataclass(frozen=True)
class _Lexicon:
    nouns: frozenset[str]
    singular: frozenset[str]
    markers: dict[str, int]
    adjectives: dict[str, int]
    among: tuple[str, ...]
    numbering: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data = pillars()
    ordinals = lambda key: {normalize(w): int(n) for n, ws in getattr(data, key).items() for w in ws}  # noqa: E731
    return _Lexicon(frozenset(bare(normalize(w)) for w in data.nouns),
                    frozenset(bare(normalize(w)) for w in data.singular),
                    ordinals("markers"), ordinals("adjectives"),
                    tuple(normalize(w) for w in data.among.split()), frozenset(data.numbering))


def _announcement(tokens: tuple[Token, ...], numbers: tuple[int, ...]) -> tuple[int, str, int] | None:
    """(count, noun as written, token index after it) of «أربع ركائز» in a sentence, given where
    its numbers can start."""
    for i in numbers:
        quantity = read_quantity(tokens, i)
        if quantity and quantity.noun is not None and bare(tokens[quantity.noun].norm) in _lexicon().nouns:
            return int(quantity.value), tokens[quantity.noun].text, quantity.noun + 1
    return None


def _marker(tokens: tuple[Token, ...], start: int) -> tuple[int, int] | None:
    """(value or NEXT, token index) of the first item mark at or after tokens[start]."""
    lex = _lexicon()
    if start == 0 and len(tokens) > 1 and tokens[0].kind == "num" and tokens[1].text in lex.numbering:
        return int(digits_value(tokens[0].text)), 0  # «1- …», «2) …»
    for i in [i for i in indexes_of(tokens, _mark_words()) if i >= start]:
        norm = tokens[i].norm
        word = norm[1:] if norm[:1] == "و" and norm[1:] in lex.markers else norm
        if word in lex.markers:
            return lex.markers[word], i
        if i + 1 < len(tokens) and bare(norm) in lex.singular and tokens[i + 1].norm in lex.adjectives:
            return lex.adjectives[tokens[i + 1].norm], i
        first = i + 1 - len(lex.among)  # «من بين» is found by its last word: «من» is too common
        if (norm == lex.among[-1] and first >= start and tuple(norms(tokens[first:i + 1])) == lex.among
                and i + 1 < len(tokens) and bare(tokens[i + 1].norm) in lex.nouns):
            return NEXT, first
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
    return (norm in lex.markers or norm[:1] == "و" and norm[1:] in lex.markers or bare(norm) in lex.singular
            or norm == lex.among[-1])


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
    marks: dict[int, tuple[int, int]] = {}
    for k in range(first or 0, len(tokens)):
        mark = _marker(tokens[k], start if k == first else 0)
        if mark:
            marks[k] = mark
    if first is None:
        if sum(1 for v, _ in marks.values() if v) < 2:
            return None
        first = min(marks)
    if announced and not any(k > first for k in marks):
        listed = _listed(text, tokens[first], start, announced)
        if listed:
            return Pillars(announced, noun, sentences[first].n, tuple(
                PillarItem(n, (sentences[first].n,), False, item) for n, item in enumerate(listed, 1)))
    named = {c.sentence for c in claims if c.speaker is not None and c.speaker.explicit}
    items: list[list] = []  # [n, sentence indexes, explicit, text start]
    for k in range(first, len(tokens)):
        n = items[-1][0] if items else 0
        if k in marks:
            value, at = marks[k]
            items.append([value or n + 1, [k], True, tokens[k][at].start])
            continue
        if k == first:
            continue
        ahead = [marks[m][0] for m in sorted(marks) if m > k]
        fixed = next((i for i, v in enumerate(ahead) if v), len(ahead))  # «من بين» marks before it
        ceiling = ahead[fixed] if fixed < len(ahead) else (announced or n) + 1
        free = ceiling - 1 - n - fixed
        if free > 0:
            items.append([n + 1, [k], False, sentences[k].start])
        elif items and (ahead or sentences[k].n not in named):  # before a marked item, all elaborates
            items[-1][1].append(k)
        else:
            break
    if not items:
        return None
    return Pillars(announced, noun, sentences[first].n, tuple(
        PillarItem(n, tuple(sentences[k].n for k in ks), explicit,
                   text[at:sentences[ks[0]].end]) for n, ks, explicit, at in items))


def _listed(text: str, tokens: tuple[Token, ...], start: int, announced: int) -> list[str] | None:
    """Items listed after the announcement inside its sentence, separated by «،»: «ثلاثة محاور:
    الأمن، والاقتصاد، والتعليم» — only when there are as many as announced."""
    items: list[list[Token]] = [[]]
    for token in tokens[start:]:
        if token.text in "،,؛":
            items.append([])
        elif token.kind != "punct" or items[-1]:
            items[-1].append(token)
    items = [i for i in items if any(t.kind == "word" for t in i)]
    if len(items) != announced:
        return None
    return [text[i[0].start:i[-1].end].rstrip(".").strip() for i in items]


def pillar_findings(pillars: Pillars | None) -> tuple[Problem, ...]:
    """A warning when the announced count and the items found disagree."""
    if pillars is None or pillars.announced is None or pillars.announced == len(pillars.items):
        return ()
    return (Problem("warning", "pillars/count-mismatch",
                    f"{pillars.announced} {pillars.noun} announced, {len(pillars.items)} found", pillars.sentence),)
