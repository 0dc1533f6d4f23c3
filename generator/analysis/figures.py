"""Figures: numbers with their unit («ثلاث سنوات ونصف السنة» → 3.5 year, «(2254)» → resolution,
«10 أغسطس 2015» → 2015-08-10 date)."""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..arabic import Token, bare, normalize, number_word, read_number, read_quantity
from ..lexicon.figures import figures
from ..lexicon.pillars import pillars
from ..model import Figure
from .dates import read_date, with_same_day

if TYPE_CHECKING:
    from .doc import Doc


@cache
def _units() -> dict[str, tuple[tuple[int, tuple[str, ...], str], ...]]:
    """(rank, normalised words, unit) by first word, ranked longest first; pillar nouns count
    as the unit «pillar»."""
    data = figures()
    units = [(tuple(bare(normalize(w)) for w in form.split()), unit)
             for unit, forms in data.units.items() for form in forms]
    units += [((bare(normalize(noun)),), "pillar") for noun in pillars().nouns]
    by_first: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    for rank, (words, unit) in enumerate(sorted(units, key=lambda u: -len(u[0]))):
        by_first.setdefault(words[0], []).append((rank, words, unit))
    return {first: tuple(entries) for first, entries in by_first.items()}


def _unit_at(tokens: tuple[Token, ...], j: int) -> tuple[str, int] | None:
    """The highest-ranked unit whose words (bare, or as written) start at tokens[j]."""
    units = _units()
    first = tokens[j]
    candidates = sorted(units.get(bare(first.norm), ()) + units.get(first.text, ()))
    for _, words, unit in candidates:
        end = j + len(words)
        if end <= len(tokens) and all(bare(tokens[j + k].norm) == w or tokens[j + k].text == w
                                      for k, w in enumerate(words[1:], 1)):
            return unit, end
    return None


def _is_resolution(tokens: tuple[Token, ...], i: int) -> bool:
    data = figures().resolution
    before = {normalize(w) for w in data.before}
    window = tokens[max(0, i - data.window - 2):i]
    return tokens[i].kind == "num" and any(t.norm in before for t in window) and (
        normalize(data.word) in {t.norm for t in window[-2:]} or (i > 0 and tokens[i - 1].text == "("))


def _figure(text: str, tokens: tuple[Token, ...], i: int, n: int) -> tuple[Figure, int] | None:
    if tokens[i].kind != "num" and not number_word(tokens[i].norm):
        return None
    date = read_date(tokens, i) if tokens[i].kind == "num" else None
    if date:
        date = with_same_day(tokens, date)
        return Figure(text[tokens[date.first].start:tokens[date.end - 1].end], date.iso, "date", n), date.end
    read = read_number(tokens, i)
    if read is None:
        return None
    value, j = read
    if _is_resolution(tokens, i):
        numero = normalize(figures().resolution.word)
        first = i - 1 if tokens[i - 1].text == "(" or tokens[i - 1].norm == numero else i
        last = j if j < len(tokens) and tokens[j].text == ")" and tokens[first].text == "(" else j - 1
        return Figure(text[tokens[first].start:tokens[last].end], value,
                      figures().resolution.unit, n), last + 1
    unit = _unit_at(tokens, j) if j < len(tokens) else None
    if unit is None:
        return None
    end = unit[1]
    quantity = read_quantity(tokens, i)
    if quantity and quantity.noun == j and quantity.end > end:
        value, end = quantity.value, quantity.end
    return Figure(text[tokens[i].start:tokens[end - 1].end], value, unit[0], n), end


def stage(doc: Doc) -> None:
    """figures: the numbers that carry a unit."""
    doc.figures = find_figures(doc)


def find_figures(doc: Doc) -> tuple[Figure, ...]:
    """Numbers that carry a unit, in order of appearance."""
    text = doc.text
    figures = []
    for k, (sentence, tokens) in enumerate(zip(doc.sentences, doc.tokens)):
        after = 0  # the end of the last figure found
        for i in doc.number_starts(k):
            found = _figure(text, tokens, i, sentence.n) if i >= after else None
            if found:
                figures.append(found[0])
                after = found[1]
    return tuple(figures)
