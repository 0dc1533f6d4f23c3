"""Arabic text helpers on PyArabic: normalisation for matching, tokens with offsets, numbers.

Normalised forms are for matching only; every token keeps its offsets into the original text.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import NamedTuple

from pyarabic import araby

from .lexicon.morphology import morphology
from .lexicon.numbers import numbers

_NUMBER = r"[0-9\u0660-\u0669]+(?:[.,\u066B\u066C][0-9\u0660-\u0669]+)*"
_MARKS = r"\u0610-\u061A\u064B-\u065F\u0670\u0640"  # diacritics and tatweel
_PUNCT = r"\.{2,}|[^\s\w]"
_TOKEN = re.compile(rf"(?P<num>{_NUMBER})|(?P<word>(?:[^\W\d_]|[{_MARKS}])+)|(?P<punct>{_PUNCT})")
# The same tokens, several times faster to read, wherever no run of word characters holds a
# digit or `_` (there, `_TOKEN` splits the run or skips part of it): (spaces, num, word, punct).
_QUICK = re.compile(rf"(\s*)(?:({_NUMBER})|([\w{_MARKS}]+)|({_PUNCT}))")
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")
_DIGIT = re.compile(r"\d")
_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
# Arabic letters, presentation forms included (not digits, marks or punctuation).
ARABIC_LETTER = re.compile("[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]")


# The normaliser: each variant is one translation table, for one kind of matching. Every rule
# maps single letters to letters no other rule changes, so one pass of `str.translate` applies
# them all in any order. `drop`: marks removed; `alef`: letters written ا; `seats`: ؤ→و, ئ→ي;
# `teh`: ة→ه; `maksura`: ى→ي; `digits`: Arabic-Indic and Persian digits → 0-9; `persian`: ی→ي, ک→ك.
Variant = dict[int, "str | None"]
_PYARABIC_MARKS = "".join(araby.TASHKEEL) + araby.TATWEEL  # PyArabic's strip_tashkeel and strip_tatweel
_UNICODE_MARKS = "".join(map(chr, [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640]))
_QURANIC_MARKS = "".join(map(chr, range(0x06D6, 0x06EE)))
_HAMZA_ALEFS = araby.ALEF_MADDA + araby.ALEF_HAMZA_ABOVE + araby.ALEF_HAMZA_BELOW


def _variant(drop: str, alef: str, *, seats: bool = False, teh: bool = True, maksura: bool = True,
             digits: bool = False, persian: bool = False) -> Variant:
    """One translation table of the normaliser (see above)."""
    table: dict[str, str | None] = {**dict.fromkeys(drop), **dict.fromkeys(alef, araby.ALEF)}
    if seats:
        table.update({araby.WAW_HAMZA: araby.WAW, araby.YEH_HAMZA: araby.YEH})
    if teh:
        table[araby.TEH_MARBUTA] = araby.HEH
    if maksura:
        table[araby.ALEF_MAKSURA] = araby.YEH
    if digits:
        table.update(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))
    if persian:
        table.update({"\u06CC": araby.YEH, "\u06A9": araby.KAF})  # Persian yeh ی and keheh ک
    return str.maketrans(table)


# Matching in the analysis (`normalize`, Token.norm): hamza forms and ٱ (and a small alef) → ا.
MATCH = _variant(_PYARABIC_MARKS, _HAMZA_ALEFS + araby.ALEF_WASLA + araby.MINI_ALEF)
# Word statistics of the summary: hamza on any seat taken away (PyArabic's tasheel).
TERMS = _variant(_PYARABIC_MARKS, _HAMZA_ALEFS + araby.HAMZA_ABOVE + araby.HAMZA_BELOW, seats=True)
# Cues and speaker keys of the gold files: tasheel only, ة and ى kept.
COMPARE = _variant(_PYARABIC_MARKS, _HAMZA_ALEFS + araby.HAMZA_ABOVE + araby.HAMZA_BELOW, seats=True, teh=False,
                   maksura=False)
# Dictionary lookup of the spelling check: every mark dropped, ة kept (it is not ه).
LOOKUP = _variant(_UNICODE_MARKS, _HAMZA_ALEFS, teh=False)
# Hamza slips of the spelling check: the letters as written, every mark dropped.
UNMARKED = _variant(_UNICODE_MARKS, "", teh=False, maksura=False)
# Search keys (site search, and its JavaScript twin): every mark, Quranic ones too, ASCII digits,
# and the Persian yeh and kaf that Persian keyboards type for ي and ك.
SEARCH = _variant(_UNICODE_MARKS + _QURANIC_MARKS, _HAMZA_ALEFS + araby.ALEF_WASLA, digits=True, persian=True)


def fold(text: str, variant: Variant) -> str:
    """Text in the normal form of one variant of the normaliser."""
    return text.translate(variant)


def has_arabic(text: str) -> bool:
    """Whether a text holds an Arabic letter: the language a page marks a name with."""
    return ARABIC_LETTER.search(text) is not None


@cache
def normalize(text: str) -> str:
    """Matching form (MATCH): no diacritics or tatweel, plain alef, ى→ي, ة→ه."""
    return text.translate(MATCH)


class Token(NamedTuple):
    text: str
    start: int  # offsets into the original text
    end: int
    norm: str
    kind: str  # "word" | "num" | "punct"


_new_token = tuple.__new__  # Token's own __new__ is a Python function: too slow for every token


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Words, numbers and punctuation of text[start:end], with offsets into text."""
    stop = len(text) if end is None else end
    quick = _quick_tokens(text, start, stop)
    return quick if quick is not None else _exact_tokens(text, start, stop)


def _exact_tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    """The tokens of text[start:end] by `_TOKEN`."""
    return tuple([_new_token(Token, (word := m.group(), m.start(), m.end(), normalize(word), m.lastgroup or "punct"))
                  for m in _TOKEN.finditer(text, start, end)])


def _quick_tokens(text: str, start: int, end: int) -> tuple[Token, ...] | None:
    """The tokens of text[start:end] by `_QUICK`, or None where they could differ from `_TOKEN`'s."""
    tokens = []
    position = start  # only spaces lie between matches: every other character starts a token
    for space, number, word, punct in _QUICK.findall(text, start, end):
        if word and not word.isalpha() and _DIGIT_OR_UNDERSCORE.search(word):
            return None
        piece = word or number or punct  # words first: most tokens are words
        position += len(space)
        stop = position + len(piece)
        kind = "word" if word else "num" if number else "punct"
        tokens.append(_new_token(Token, (piece, position, stop, normalize(piece), kind)))
        position = stop
    return tuple(tokens)


_norm_of = itemgetter(3)  # Token.norm, read without a Python-level call


def norms(tokens: Iterable[Token]) -> Iterator[str]:
    """The normalised forms of tokens."""
    return map(_norm_of, tokens)


def indexes_of(tokens: tuple[Token, ...], words: frozenset[str]) -> list[int]:
    """Indexes of the tokens whose normalised form is one of `words`: a sentence that holds
    none of them costs one pass at C speed."""
    if words.isdisjoint(map(_norm_of, tokens)):
        return []
    return [k for k, norm in enumerate(map(_norm_of, tokens)) if norm in words]


def clitic_forms(bases: Iterable[str], keep: Callable[[str], bool]) -> frozenset[str]:
    """Every word whose `stems` can hold one of `bases`, with or without the article (behind و/ف
    and ب/ل/ك, لل for ال), that `keep` accepts: the words a per-word test can be true for, as one set."""
    morph = morphology()
    article = morph.article
    clitics = ["", *morph.prepositions]
    clitics += [conj + clitic for conj in morph.conjunctions for clitic in clitics]
    found = set()
    for stem in bases:
        bodies = [stem, article + stem]
        bodies += [body[len(article[0]):] for body in bodies if body.startswith(article[0] + "ل")]  # ل + ال: لل
        found.update(clitic + body for body in bodies for clitic in clitics)
    return frozenset(filter(keep, found))


def with_article(clitic: str) -> str:
    """A clitic and the article as written: ل + ال is written لل."""
    article = morphology().article
    return clitic + (article[1:] if clitic.endswith("ل") else article)


@cache
def proclitics() -> tuple[str, ...]:
    """Every run of clitics a word can carry, as written: a conjunction, a preposition and the
    article, each or not (the empty run first)."""
    morph = morphology()
    return tuple(dict.fromkeys(conj + (with_article(prep) if article else prep)
                               for conj in ("", *morph.conjunctions) for prep in ("", *morph.prepositions)
                               for article in (False, True)))


def without_conjunction(norm: str) -> tuple[str, str]:
    """(conjunction, rest) for a word with an attached و/ف, else ("", norm)."""
    morph = morphology()
    if norm[:1] in morph.conjunctions and len(norm) - 1 >= morph.min_stem:
        return norm[0], norm[1:]
    return "", norm


@cache
def stems(norm: str) -> tuple[tuple[str, int], ...]:
    """(stem, letters removed) for the word and for it without و/ف and then ب/ل/ك (لل→ال)."""
    morph = morphology()
    article, minimum = morph.article, morph.min_stem
    found = [(norm, 0)]
    conj, rest = without_conjunction(norm)
    if conj:
        found.append((rest, 1))
    for word, cut in list(found):
        if word[:1] in morph.prepositions and len(word) - 1 >= minimum:
            tail = word[1:]
            found.append((tail, cut + 1))
            if word[0] == "ل" and tail.startswith("ل"):
                found.append((article[0] + tail, cut + 1))  # للأمم → الأمم
    return tuple(dict.fromkeys(found))


def skip_letters(text: str, letters: int) -> int:
    """Index in text after its first `letters` letters (diacritics after them included)."""
    index = 0
    for _ in range(letters):
        index += 1
        while index < len(text) and (araby.is_tashkeel(text[index]) or text[index] == araby.TATWEEL):
            index += 1
    return index


@cache
def is_definite(norm: str) -> bool:
    """True for a word with the article, also behind a clitic (والوزير، للأمم)."""
    article = morphology().article
    shortest = len(article) + 2  # «اله» in وكالة (و + ك + اله) is no article
    return any(s.startswith(article) and len(s) >= shortest for s, _ in stems(norm)) or norm.startswith("لل")


@cache
def digits_value(text: str) -> int | float:
    """Value of a digit string (Western or Arabic-Indic; ',' or '٬' as thousands separator)."""
    plain = text.translate(_INDIC).replace("\u066B", ".")
    if re.fullmatch(r"\d{1,3}(?:[,\u066C]\d{3})+|\d{1,3}(?:\.\d{3}){2,}", plain):
        plain = re.sub(r"[.,\u066C]", "", plain)
    plain = plain.replace(",", ".")
    if plain.count(".") > 1:  # a version or a date such as 39.0.3: its first number
        plain = plain.split(".")[0]
    value = float(plain)
    return int(value) if value.is_integer() and "." not in plain else value


@cache
def _numbers() -> dict[str, dict[str, float]]:
    data = numbers()
    table = {key: {normalize(w): v for w, v in getattr(data, key).items()}
             for key in ("units", "tens", "scales", "fractions")}
    table["teen"] = {normalize(w): 10 for w in data.teen}
    table["conjunction"] = {normalize(data.conjunction): 0}
    return table


@cache
def number_word(norm: str) -> tuple[str, float] | None:
    """(class, value) of a cardinal number word, with or without a joining و."""
    table = _numbers()
    conj = next(iter(table["conjunction"]))
    for word in (norm, norm[1:] if norm.startswith(conj) else None):
        if word is None:
            continue
        for kind in ("units", "tens", "scales", "fractions"):
            if word in table[kind]:
                return kind, table[kind][word]
    return None


def number_starts(text: str, tokens: tuple[Token, ...], start: int = 0, end: int | None = None) -> tuple[int, ...]:
    """Indexes of `tokens`, the tokens of text[start:end], that can start a number: digits or a
    number word."""
    if not _DIGIT.search(text, start, len(text) if end is None else end):  # a "num" token holds a digit
        return tuple(indexes_of(tokens, _number_words()))
    words = _number_words()
    return tuple([i for i, t in enumerate(tokens) if t.kind == "num" or t.norm in words])


@cache
def _number_words() -> frozenset[str]:
    """Every word that `number_word` reads."""
    table = _numbers()
    conj = next(iter(table["conjunction"]))
    words = {word for kind in ("units", "tens", "scales", "fractions") for word in table[kind]}
    return frozenset(filter(number_word, words | {conj + word for word in words}))


@dataclass(frozen=True)
class Quantity:
    value: int | float
    first: int  # token indexes, end exclusive
    end: int
    noun: int | None  # index of the counted noun, when there is one


def read_number(tokens: tuple[Token, ...], i: int) -> tuple[int | float, int] | None:
    """(value, end) of the number (digits or words) starting at tokens[i]."""
    token = tokens[i]
    if token.kind == "num":
        value, j = digits_value(token.text), i + 1
        if (decimal := _letter_decimal(tokens, i)) is not None:
            value, j = decimal, i + 3
        scale = number_word(tokens[j].norm) if j < len(tokens) else None
        if scale and scale[0] == "scales":
            scaled = value * scale[1]
            if isinstance(scaled, float):  # 6.935 million is 6935000, not 6935000.000000001
                scaled = round(scaled, 6)
                scaled = int(scaled) if scaled.is_integer() else scaled
            return scaled, j + 1
        return value, j
    table = _numbers()
    conj = next(iter(table["conjunction"]))
    first = number_word(token.norm)
    if not first or first[0] == "fractions" or token.norm.startswith(conj):
        return None
    total, current, j = 0.0, 0.0, i
    while j < len(tokens) and tokens[j].kind == "word":
        norm, word = tokens[j].norm, number_word(tokens[j].norm)
        joined = j > i and norm.startswith(conj)
        if j > i and norm in table["teen"] and tokens[j - 1].norm in table["units"]:
            current += 10
        elif word and word[0] in ("units", "tens") and (j == i or joined):
            current += word[1]
        elif word and word[0] == "scales" and not joined:
            total, current = total + max(current, 1) * word[1], 0.0
        else:
            break
        j += 1
    value = total + current
    return (int(value) if value.is_integer() else value), j


def _letter_decimal(tokens: tuple[Token, ...], i: int) -> float | None:
    """The decimal that tokens[i] starts when it is written with the decimal letter, fraction
    first («935ر6» is 6.935: it shows as «6ر935»); None otherwise."""
    if i + 2 >= len(tokens):
        return None
    fraction, letter, whole = tokens[i:i + 3]
    if (letter.text != numbers().decimal_letter or whole.kind != "num" or fraction.end != letter.start
            or letter.end != whole.start or not (fraction.text.isdigit() and whole.text.isdigit())):
        return None
    return float(f"{whole.text.translate(_INDIC)}.{fraction.text.translate(_INDIC)}")


def read_quantity(tokens: tuple[Token, ...], i: int) -> Quantity | None:
    """A number, its counted noun and a joined fraction: «ثلاث سنوات ونصف السنة» → 3.5."""
    read = read_number(tokens, i)
    if read is None:
        return None
    value, j = read
    noun = j if j < len(tokens) and tokens[j].kind == "word" and not number_word(tokens[j].norm) else None
    end = j if noun is None else j + 1
    if noun is not None and end < len(tokens):
        fraction = number_word(tokens[end].norm)
        if fraction and fraction[0] == "fractions" and tokens[end].norm[0] == "و":
            value, end = value + fraction[1], end + 1
            if end < len(tokens) and tokens[end].kind == "word" and _same_noun(tokens[end].norm, tokens[noun].norm):
                end += 1
    return Quantity(value, i, end, noun)


def _same_noun(a: str, b: str) -> bool:
    """Loose match of a repeated counted noun (سنوات … السنة, أشهر … الشهر)."""
    a = a.removeprefix(morphology().article)
    return a[:2] == b[:2]


@cache
def bare(norm: str) -> str:
    """A normalised word without its article (الوزير → وزير), for comparing names and titles."""
    article, minimum = morphology().article, morphology().min_stem
    return norm[len(article):] if norm.startswith(article) and len(norm) - len(article) >= minimum - 1 else norm
