"""Translation QA: what a human translation must not lose, checked per aligned paragraph.

Each check compares the Arabic sentence(s) with the English paragraph that translates them:

- `translation/number`: a number on one side and not the other, compared by value (Western and
  Arabic-Indic digits, Arabic and English number words: «ثلاثة ملايين» = «3 million»);
- `translation/entity`: an entity of the sentence whose English name (glossary or gazetteer) is
  not in the English;
- `translation/untranslated`: Arabic left in the English;
- `translation/length`: English much shorter or longer than its Arabic (the ratio of
  characters outside `LENGTH_RATIO`, calibrated on human translations: bench/translation_qa.py).
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from ..arabic import digits_value, normalize, number_word, read_number, tokenize
from ..lexicon.numbers import numbers
from ..lexicon.translation_qa import TranslationQA, translation_qa
from ..model import Entity, Sentence, Source, Translation
from ..problems import Problem
from .sentences import sentence_lines

# English characters per Arabic character: below or above is a finding. Human translations of
# NTREX and UN sentences fall inside this range for more than 99% of pairs (bench/translation_qa.py).
LENGTH_RATIO = (0.5, 2.2)
MIN_LENGTH = 40  # shorter Arabic (a title, a dateline) varies too much to judge by length
ARABIC_SHARE = 0.2  # more Arabic letters than this share of the English paragraph's letters
SMALL = {0, 1}  # «one» and «واحد» are as often words as numbers: never reported alone

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")
_DIGITS = r"[0-9\u0660-\u0669]+"
_INDIC = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789")
# A paragraph number at the start: «31 - », «5-1 », «17.33 », «(a) 2.»
_ENUMERATOR = re.compile(rf"^\s*\(?{_DIGITS}(?:[.\-]{_DIGITS})*\s*[-.)]?\s+(?=\S)")
_D = "[0-9\u0660-\u0669]"
_GROUPS = re.compile(rf"(?<![\d\u0660-\u0669.,])(?:{_D}{{1,3}}(?: {_D}{{3}})+(?! {_D})|{_D}{{3}}(?: {_D}{{3}})* {_D}{{1,2}})"
                     rf"(?![\d\u0660-\u0669])")
_YEARS = re.compile(r"\b((?:19|20)\d\d)[-–](\d\d)\b")  # 1950-53
_CLOCK = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*[ap]\.?m\b\.?", re.IGNORECASE)
_EN_TOKEN = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?[a-z]*|[a-z]+")
_ORDINAL = {"st", "nd", "rd", "th"}
_EN_WORD = re.compile(r"[a-z0-9]+", re.IGNORECASE)


@cache
def _lexicon() -> TranslationQA:
    return translation_qa()


class Numbers(NamedTuple):
    """Numbers of a text by value: strong ones must be on the other side; weak ones (an ordinal,
    a small number word, a clock time) only match a strong number of the other side."""

    strong: Counter
    weak: Counter


def english_numbers(text: str) -> Numbers:
    """The numbers of English text: digits (with a scale word) and number words."""
    lexicon = _lexicon()
    words = {**lexicon.units, **lexicon.tens}
    scales = {k: v for k, v in lexicon.scales.items() if len(k) > 2}  # m, bn, k only after digits
    strong: Counter = Counter()
    weak: Counter = Counter()
    for match in [*_CLOCK.finditer(text), *_ENUMERATOR.finditer(text)]:
        weak.update(_clean(digits_value(v)) for v in re.findall(r"\d+(?:\.\d+)?", match[0]))
        weak.update(_clean(digits_value(v)) for v in re.findall(r"\d+", match[0]))
    text = _YEARS.sub(lambda m: f"{m[1]}-{m[1][:2]}{m[2]}", _ENUMERATOR.sub(" ", _CLOCK.sub(" ", text)))
    tokens = _EN_TOKEN.findall(text.lower())
    total, current = 0.0, None  # a number being read from words
    ordinals = set(lexicon.ordinals)

    def close(ordinal: bool = False) -> None:
        nonlocal total, current
        if current is not None:
            value = _clean(total + current)
            (weak if ordinal or value <= lexicon.weak_words_upto else strong)[value] += 1
        total, current = 0.0, None

    for i, token in enumerate(tokens):
        if token[0].isdigit():
            close()
            number, suffix = re.fullmatch(r"([\d,]*\d(?:\.\d+)?)([a-z]*)", token).groups()
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            scale = lexicon.scales.get(suffix) or scales.get(after, 1)
            value = _clean(float(number.replace(",", "")) * scale)
            if suffix == "s" and value >= 100:  # the 1990s
                continue
            (weak if suffix in _ORDINAL else strong)[value] += 1
        elif token in words:
            if current is not None and not (current % 100 == 0 or (current % 10 == 0 and words[token] < 10)):
                close()
            current = (current or 0) + words[token]
        elif token in lexicon.hundred and current is not None:
            current *= 100
        elif token in scales and current is not None:
            total, current = total + current * scales[token], 0.0
        elif not (token == "and" and current is not None):
            close(ordinal=token in ordinals)
    close()
    return Numbers(strong, weak)


def arabic_numbers(text: str) -> Numbers:
    """The numbers of Arabic text: digits (either script) and number words."""
    vague = {normalize(w) for w in _lexicon().vague}
    teen = {normalize(w) for w in numbers().teen}
    strong: Counter = Counter()
    weak: Counter = Counter()
    for match in _ENUMERATOR.finditer(text):
        weak.update(_clean(digits_value(v)) for v in re.findall(_DIGITS, match[0]))
    text = _ENUMERATOR.sub(" ", text)
    for match in _GROUPS.finditer(text):  # UN typography: «000 475» is 475,000 written in groups
        groups = match[0].translate(_INDIC).split()
        reverse = groups[0] == "000" or len(groups[0]) == 3 and len(groups[-1]) < 3
        strong[_clean(int("".join(reversed(groups) if reverse else groups)))] += 1
        weak[_clean(int("".join(groups if reverse else reversed(groups))))] += 1
    text = _GROUPS.sub(" ", text)
    tokens = list(tokenize(text))
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "num" and re.fullmatch(r"\d{1,3}\.\d{3}", token.text.translate(_INDIC)):
            plain = token.text.translate(_INDIC)  # 150.000: 150 or 150,000, either may match
            weak.update([_clean(float(plain)), _clean(int(plain.replace(".", "")))])
            i += 1
            continue
        if token.norm in teen and (i == 0 or not number_word(tokens[i - 1].norm)):
            i += 1  # «التاسع عشر»: the teen of an ordinal
            continue
        if token.kind == "word" and token.norm[:1] == "و" and number_word(token.norm[1:]):
            token = tokens[i] = token._replace(norm=token.norm[1:])  # «وخمسة وعشرون»: the number starts here
        if token.kind == "word" and token.norm in vague:
            i += 1
            continue
        if token.kind == "num" or (token.kind == "word" and number_word(token.norm)):
            read = read_number(tuple(tokens), i)
            if read is not None:
                clock = token.kind == "num" and i + 2 < len(tokens) and tokens[i + 1].text == ":"
                (weak if clock else strong)[_clean(read[0])] += 1
                i = max(read[1], i + 1)
                continue
            if token.kind == "num":
                strong[_clean(digits_value(token.text))] += 1
        i += 1
    return Numbers(strong, weak)


def _clean(value: float) -> float:
    return round(float(value), 4)


def _shown(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:g}"


def number_mismatch(arabic: str, english: str) -> tuple[list[float], list[float]]:
    """(values in the Arabic missing from the English, values in the English missing from the Arabic)."""
    ar, en = arabic_numbers(arabic), english_numbers(english)
    lost = sorted(v for v in ar.strong - en.strong - en.weak if v not in SMALL)
    added = sorted(v for v in en.strong - ar.strong - ar.weak if v not in SMALL)
    return lost, added


@cache
def _optional() -> frozenset[str]:
    return frozenset(_lexicon().optional)


def name_forms(name: str) -> list[frozenset[str]]:
    """The words an English name must show, for each of its forms: «Daesh (ISIS)» → {daesh},
    {isis}; «European Union» → {european, union}, {eu}; «UN Security Council» → {security,
    council} (short capitals inside a longer name may be left out)."""
    inner = re.findall(r"\(([^)]*)\)", name)
    outer = re.sub(r"\([^)]*\)", " ", name)
    forms = []
    for form in [outer, *inner]:
        raw = _EN_WORD.findall(_fold(form))
        content = [w for w in raw if w.lower() not in _optional()]
        if len(content) > 1:
            content = [w for w in content if not (w.isupper() and len(w) <= 4)] or content
            initials = "".join(w[0].lower() for w in content)  # EU, UK, US, USA
            forms += [frozenset({initials}), frozenset({initials[:2]})]
        if content:
            forms.append(frozenset(w.lower() for w in content))
    return [f for f in forms if len(f) > 1 or len(next(iter(f))) > 1]


def plain_english(text: str) -> str:
    """English as names are looked up in: accents folded, U.S. → US, possessive 's removed."""
    text = re.sub(r"\b([A-Z])\.(?=[A-Z]\b|[A-Z]\.)", r"\1", _fold(text))
    return re.sub(r"\b([A-Z]{2,})\.", r"\1", re.sub(r"['’]s\b", "", text))


def english_words(text: str) -> frozenset[str]:
    """Lowercased words of English text, as `plain_english` gives them."""
    return frozenset(w.lower() for w in _EN_WORD.findall(plain_english(text)))


def _fold(text: str) -> str:
    """Text without accents: Erdoğan → Erdogan."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def word_in(word: str, words: frozenset[str]) -> bool:
    """The word, or a derived form: Syria ~ Syrian, Germany ~ German, Egypt ~ Egyptian."""
    if word in words:
        return True
    return len(word) >= 4 and any(len(w) >= 4 and abs(len(w) - len(word)) <= 3 and
                                  (w.startswith(word) or word.startswith(w)) for w in words)


def named(form: frozenset[str], words: frozenset[str]) -> bool:
    """A name of one or two words must be all there; a longer one may drop a third of them
    («the Coalition against Daesh» names the «Global Coalition against Daesh»)."""
    found = sum(word_in(w, words) for w in form)
    return found >= (len(form) if len(form) <= 2 else math.ceil(len(form) * 2 / 3))


def names_missing(entities: Iterable[Entity], english: str) -> list[Entity]:
    """The entities none of whose English forms is in the English text; a romanised name is not
    expected (a translator may spell it otherwise)."""
    words = english_words(english)
    return [e for e in entities
            if not e.romanized and entity_forms(e) and not any(named(f, words) for f in entity_forms(e))]


def entity_forms(entity: Entity) -> list[frozenset[str]]:
    """The forms of an entity's English name; a person is also named by the surname alone."""
    found = [f for name in [entity.en, *_lexicon().aliases.get(entity.en, ())] for f in name_forms(name)]
    surname = _EN_WORD.findall(_fold(entity.en).lower())[-1:] if entity.type == "PER" else []
    return found + [frozenset(surname)] if surname else found  # Erdoğan for Recep Tayyip Erdoğan


def arabic_share(english: str) -> float:
    """The share of Arabic letters among the letters of a text."""
    letters = _LETTER.findall(english)
    return sum(bool(_ARABIC_LETTER.match(c)) for c in letters) / len(letters) if letters else 0.0


def length_ratio(arabic: str, english: str) -> float:
    """Characters of English per character of Arabic (spaces excluded)."""
    return len("".join(english.split())) / max(1, len("".join(arabic.split())))


def check(source: Source, sentences: Sequence[Sentence], translation: Translation | None,
          entities: Sequence[Entity]) -> tuple[Problem, ...]:
    """Every QA finding of a statement's translation, in sentence order."""
    if translation is None:
        return ()
    at = sentence_lines(source, sentences)
    findings: list[Problem] = []
    grouped = {g[0]: g for g in translation.groups}
    for sentence in sentences:
        english = translation.sentences[sentence.n - 1] if sentence.n <= len(translation.sentences) else None
        if not english:
            continue
        group = grouped.get(sentence.n, (sentence.n,))
        arabic = " ".join(s.text for s in sentences if s.n in group)
        span = f"sentence {group[0]}" if len(group) == 1 else f"sentences {group[0]}-{group[-1]}"
        where = f"{source.path}:{at[sentence.n]}"

        def add(code: str, message: str) -> None:
            findings.append(Problem("warning", code, f"{where}: {span}: {message}", sentence.n, at[sentence.n]))

        share = arabic_share(english)
        if share > ARABIC_SHARE:
            add("translation/untranslated", f"the English in {source.translation_path} is "
                f"{share:.0%} Arabic letters: left untranslated?")
            continue
        lost, added = number_mismatch(arabic, english)
        if lost:
            add("translation/number", f"{', '.join(map(_shown, lost))} in the Arabic, not in the English")
        if added:
            add("translation/number", f"{', '.join(map(_shown, added))} in the English, not in the Arabic")
        mentioned = [e for e in entities if set(e.sentences) & set(group)]
        for entity in names_missing(mentioned, english):
            add("translation/entity", f"«{entity.text}» is not named in the English (expected «{entity.en}»)")
        ratio = length_ratio(arabic, english)
        low, high = LENGTH_RATIO
        if len(arabic) >= MIN_LENGTH and not low <= ratio <= high:
            add("translation/length", f"the English is {ratio:.2f} times as long as the Arabic "
                f"(expected {low}-{high}): {'something left out?' if ratio < low else 'does it belong here?'}")
    return tuple(findings)
