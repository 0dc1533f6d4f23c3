"""Extractive summary: the sentences a reader needs, in source order.

Each sentence that survives boilerplate removal gets a score from its position, and a little
more when it carries a claim (a tie-break); the sentence announcing the pillars is always taken,
with the lead sentence that says who speaks, and the rest are picked greedily, each one's score
lessened by its TF-IDF likeness to those already picked, until the summary holds about `ratio`
of the text's words. Word statistics run over normalised (PyArabic), stop-word-filtered
(Arabic-Stopwords + lexicon) words.

Measured on EASC (bench/easc.py, the site's summaries: ROUGE-2 F 0.462 at the default ratio),
position is what human summaries follow: likeness to the lead sentence, TF-IDF or TextRank
centrality, paragraph openings, numbers, sentence length and question marks each lowered
ROUGE-2 or moved it by less than 0.005, and a claim weighing half the range of positions lowered
it to 0.436. bench/easc_fit.py fits the human votes with a logistic regression (left out one
topic at a time: 0.460-0.465 against 0.463 for the lead) and compares budget rules: only rules
giving long articles a larger share do better (words^1.3 0.471; never passing the budget 0.475,
with ratio 0.41), the opposite of what the human summarisers did, so the budget stays `ratio` of
the words. Its last part shows what lies between the lead and 0.48: EASC cut its human sentences
to 255 characters (the lead cut so scores 0.478), 61 of its 571 longer human summaries are
sentences 1, 3, 5 …, and the lead itself passes 0.48 only at 0.45 of the words.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import chain, repeat
from operator import mul
from typing import TYPE_CHECKING

from ..arabic import TERMS, fold, with_article
from ..lexicon.morphology import morphology
from ..lexicon.summary import Summary as SummaryWords
from ..lexicon.summary import summary as summary_yml
from ..model import Claim, Pillars, Sentence, Summary

if TYPE_CHECKING:
    from .doc import Doc

RATIO = 0.35  # share of the text's words a summary holds (human EASC summaries: ~32%)
POSITION = 1.0  # weight of 1 - rank/n: news and statements put the point first
CLAIM = 0.15  # weight of carrying a claim (someone affirmed, called, condemned …): a tie-break
REDUNDANCY = 0.5  # penalty per unit of cosine with a sentence already chosen
MIN_WORDS = 3  # a sentence with fewer words after boilerplate removal is never chosen

_WORD = re.compile(r"\w+")
_FINAL = ".؟?!:…\"'»”)"
_WRAP = re.compile(rf"(?<![{re.escape(_FINAL)}\s])([ \t]*)\n(?![ \t]*\n)")

Vector = dict[str, float]


def _lexicon() -> SummaryWords:
    return summary_yml()


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.VERBOSE) for p in _lexicon().boilerplate.values())


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from arabicstopwords import arabicstopwords  # a large module, needed only once a summary is made

    words = list(arabicstopwords.stopwords_list()) + list(_lexicon().stopwords)
    return frozenset(fold(w, TERMS) for w in words)


@lru_cache(maxsize=1)
def _prefixes() -> tuple[str, ...]:
    morph = morphology()
    return tuple(fold(with_article(clitic), TERMS) for clitic in ("", *morph.conjunctions, *morph.prepositions))


# A run of word characters and of the characters TERMS removes or changes (diacritics, hamza
# marks): normalised, each run is one word of the normalised text, or nothing.
_RUN = re.compile(f"[\\w{re.escape(''.join(map(chr, TERMS)))}]+")


def terms(text: str) -> list[str]:
    """Content words of a text: normalised, stop words and numbers dropped, prefixes cut."""
    return list(filter(None, map(_term, _RUN.findall(text))))


@cache
def _term(run: str) -> str | None:
    """A run normalised and without its prefix, or None for a stop word, a number or a letter."""
    word = fold(run, TERMS)
    if word in _stopwords() or word.isdigit() or len(word) < 2:
        return None
    for prefix in _prefixes():
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def clean(text: str) -> str:
    """A sentence's text without dateline, trailer, byline or other boilerplate."""
    for pattern in _boilerplate():
        text = pattern.sub("", text)
    return text.strip()


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines: a newline not after sentence-final punctuation becomes a space.

    For news text wrapped mid-sentence (EASC's newspaper articles); blank lines and breaks after
    punctuation stay. The result has the same length, so sentence offsets still fit `text`.
    """
    return _WRAP.sub(lambda m: m.group(1) + " ", text)


def _cosine(a: Vector, b: Vector, norm_a: float, norm_b: float) -> float:
    """Cosine of two vectors, given the sums of their squared weights."""
    dot = sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))
    norm = math.sqrt(norm_a * norm_b)
    return dot / norm if norm else 0.0


def _squares(vector: Vector) -> float:
    return sum(map(mul, vector.values(), vector.values()))


def _vectors(texts: Sequence[str]) -> list[Vector]:
    """TF-IDF vectors, sentences as documents."""
    bags = [Counter(terms(t)) for t in texts]
    df = Counter(chain.from_iterable(bags))
    n = len(bags)
    logs = {count: math.log((n + 1) / (count + 0.5)) for count in set(df.values())}  # few distinct counts
    idf = dict(zip(df, map(logs.__getitem__, df.values())))
    return [dict(zip(bag, map(mul, bag.values(), map(idf.__getitem__, bag)))) for bag in bags]


def _scores(count: int, claimed: Sequence[bool]) -> list[float]:
    """Position + claim, for `count` sentences in source order."""
    return [POSITION * (1 - r / count) + CLAIM * claimed[r] for r in range(count)]


def _pick(scores: dict[int, float], vectors: dict[int, Vector], words: dict[int, int],
          budget: float, chosen: list[int]) -> list[int]:
    """Add the best sentence, less its likeness to those chosen, while that nears `budget` words.

    A sentence's likeness (its highest cosine with a chosen sentence) only grows, so its value
    from fewer chosen sentences bounds it from above: each round brings up to date only the
    sentences whose bound can still beat the best one (ties go to the earlier sentence)."""
    total = sum(words[n] for n in chosen)
    rest = [n for n in scores if n not in chosen]
    squares = {n: _squares(v) for n, v in vectors.items()}
    likeness = {n: 0.0 for n in rest}
    seen = {n: 0 for n in rest}  # how many of the chosen sentences likeness[n] has taken in

    def value(n: int) -> float:
        for c in chosen[seen[n]:]:
            likeness[n] = max(likeness[n], _cosine(vectors[n], vectors[c], squares[n], squares[c]))
        seen[n] = len(chosen)
        return scores[n] - REDUNDANCY * likeness[n]

    while rest:
        best, best_value = None, -math.inf
        for n in sorted(rest, key=lambda n: -(scores[n] - REDUNDANCY * likeness[n])):
            if scores[n] - REDUNDANCY * likeness[n] < best_value:
                break  # this bound, and every one after it, is below the best value
            current = value(n)
            if current > best_value or current == best_value and n < best:
                best, best_value = n, current
        if chosen and abs(total + words[best] - budget) > abs(total - budget):
            break
        chosen.append(best)
        rest.remove(best)
        total += words[best]
    return chosen


def stage(doc: Doc) -> None:
    """summary: the sentences a reader needs, at the settings' ratio, with their English."""
    english = doc.translation.sentences if doc.translation else None
    doc.summary = summarize(doc.sentences, doc.claims, doc.pillars, doc.settings.summary_ratio, translation=english)


def summarize(sentences: Sequence[Sentence], claims: Sequence[Claim] = (),
              pillars: Pillars | None = None, ratio: float = RATIO,
              translation: Sequence[str | None] | None = None) -> Summary:
    """Choose sentences holding about `ratio` of the words (at least one sentence), in source order.

    `translation` holds the English of each sentence (None where missing); `text_en` joins
    the English of the chosen sentences, or is None without any.
    """
    texts = {s.n: clean(s.text) for s in sentences}
    words = {n: len(_WORD.findall(text)) for n, text in texts.items()}
    eligible = [n for n in texts if words[n] >= MIN_WORDS]
    if not eligible:
        return Summary((), "", None)
    with_claim = {c.sentence for c in claims}
    vectors = dict(zip(eligible, _vectors([texts[n] for n in eligible])))
    scores = dict(zip(eligible, _scores(len(eligible), [n in with_claim for n in eligible])))
    chosen = list(dict.fromkeys([eligible[0], pillars.sentence])) if pillars and pillars.sentence in scores else []
    budget = ratio * sum(words[n] for n in eligible)
    numbers = tuple(sorted(_pick(scores, vectors, words, budget, chosen)))
    english = [translation[n - 1] for n in numbers if translation and n <= len(translation)]
    english = [e for e in english if e]
    return Summary(numbers, " ".join(texts[n] for n in numbers),
                   " ".join(english) if english else None)
