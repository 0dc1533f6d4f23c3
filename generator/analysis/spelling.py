"""Likely misspellings, checked against the Arramooz dictionary (arramooz-pysqlite).

A word is known when, after its clitics are stripped, it is a dictionary lemma, a regular
inflection of one (ة، ات، ون، ين، nisba ي/ية, verb endings and prefixes), a frequent word form or
a function word. Only words with the article, or with the shape of a form-X verbal noun
(استفعال), are checked, and not nisba adjectives (often made from names). An unknown word is
reported only when one edit (a letter added, two swapped, or one changed for a letter writers
confuse with it) turns it into a listed word, it is written once in the text and it is not part
of a name or written with its vowels: precision before recall. The text is never changed.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, fields
from functools import cache
from importlib import metadata, resources
from itertools import chain, compress, repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from ..arabic import LOOKUP, UNMARKED, Token, fold, norms, proclitics, stems, tokenize
from ..lexicon.morphology import morphology
from ..lexicon.spelling import spelling
from ..model import Sentence
from ..problems import Problem

if TYPE_CHECKING:
    from .doc import Doc

_VOWELS = re.compile("[\u064B-\u0652]")  # tanwin, short vowels, shadda, sukun


@dataclass(frozen=True)
class Dictionary:
    forms: dict[str, str]  # lookup form → spelling to suggest
    listed: frozenset[str]  # forms the dictionary lists as they are (not rebuilt inflections)
    nouns: frozenset[str]  # forms of its nouns and adjectives, inflections included
    frequent_only: frozenset[str]  # forms only the frequency list holds: names among them («تكساس»)
    frequency: dict[str, int]
    prefixes: tuple[str, ...]
    pronouns: tuple[str, ...]
    verb_prefixes: tuple[str, ...]
    verb_suffixes: tuple[str, ...]
    letters: str
    min_length: int
    noun_endings: tuple[str, ...]
    checked_prefix: str
    nisba: tuple[str, ...]
    confusable: frozenset[frozenset[str]]


def database(name: str) -> sqlite3.Connection:
    import arramooz  # the package ships its dictionaries as SQLite files

    path = os.path.join(os.path.dirname(arramooz.__file__), "data", f"{name}.sqlite")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


@cache
def dictionary(cache_dir: Path | None = None) -> Dictionary:
    """The dictionary, built once and then read from `cache_dir` (2-4 s → 0.3 s); without a
    cache folder, the one this process already has from a cache folder (the same words), else
    one built in memory."""
    if cache_dir is None and _KEPT:
        return _KEPT[-1]
    path = _stored_path(cache_dir) if cache_dir else None
    stored = _read(path) if path else None
    if stored is None:
        stored = _build()
        if path:
            _store(path, stored)
    if path:
        _KEPT.append(stored)
    return stored


_KEPT: list[Dictionary] = []  # the dictionaries read from (or stored in) a cache folder


def _stored_path(cache_dir: Path) -> Path:
    """The cache file of this arramooz version, lexicon and code in `cache_dir`."""
    digest = hashlib.sha256(metadata.version("arramooz-pysqlite").encode())
    for name in ("spelling.yml", "morphology.yml"):
        digest.update(resources.files("generator.lexicon").joinpath(name).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return Path(cache_dir) / f"spelling-{digest.hexdigest()[:16]}.marshal"


def _read(path: Path) -> Dictionary | None:
    """The dictionary stored at `path`, or None when it is missing or damaged."""
    try:
        data = path.read_bytes()
        payload = data[32:]
        if hashlib.sha256(payload).digest() != data[:32]:
            return None
        return Dictionary(*marshal.loads(payload))
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _store(path: Path, built: Dictionary) -> None:
    """Write the dictionary to `path` with its checksum, atomically, in place of the files of
    other versions; a folder that cannot be written is no error."""
    payload = marshal.dumps(tuple(getattr(built, field.name) for field in fields(built)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, delete=False) as file:
            file.write(hashlib.sha256(payload).digest() + payload)
        os.replace(file.name, path)
        for old in path.parent.glob("spelling-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def _build() -> Dictionary:
    """The dictionary from Arramooz's nouns, verbs, word frequencies and stop words, and the lexicon."""
    data = spelling()
    forms: dict[str, str] = {}
    nouns: set[str] = set()

    def add(word: str, noun: bool = False) -> None:
        key = fold(word, LOOKUP)
        forms.setdefault(key, key if key == word else word)  # one object when equal: stored and read once
        if noun:
            nouns.add(key)

    with database("arabicdictionary") as db:
        listed = {fold(w, LOOKUP) for (w,) in db.execute("SELECT unvocalized FROM nouns")}
        for word, feminable, fem_plural, masc_plural, relative in db.execute(
                "SELECT unvocalized, feminable, feminin_plural, masculin_plural, relative FROM nouns"):
            add(word, True)
            stem = word.removesuffix(data.feminine)
            if feminable:
                add(word + data.feminine, True)
            add(stem + data.feminine_plural, True)  # many nouns without the flag take ات too
            if stem.endswith("أ"):  # مكافأة → مكافآت: the hamza's alef and the plural's make آ
                add(stem[:-1] + "آت", True)
            if masc_plural:
                for ending in data.masculine_plural:
                    add(word + ending, True)
            for ending in data.dual:
                add(stem + ending if ending.startswith("ت") else word + ending, True)
            if relative:
                for ending in data.nisba:
                    add(stem + ending, True)
        for (word,) in db.execute("SELECT unvocalized FROM verbs"):
            add(word)
            for ending in data.past_suffixes:
                add(word + ending)
                if word[-1] in "ىا":  # انتهى → انتهت، انتهوا
                    add(word[:-1] + ending)
            for stem in {word, word[1:] if word[0] in "اأ" else word, "ؤ" + word[1:] if word[0] == "أ" else word}:
                add(stem)  # present stems: كتب، علن (أعلن)، ؤكد (أكّد), ستخدم (استخدم)
    frequency: dict[str, int] = {}
    lexical = set(forms)
    with database("wordfreq") as db:
        for word, count in db.execute("SELECT unvocalized, freq FROM wordfreq"):
            add(word)
            listed.add(fold(word, LOOKUP))
            frequency[fold(word, LOOKUP)] = max(count, frequency.get(fold(word, LOOKUP), 0))
    for word in data.also_words:
        add(word)
        lexical.add(fold(word, LOOKUP))
    with database("stopwords") as db:
        for (word,) in db.execute("SELECT unvocalized FROM STOPWORDS"):
            add(word)
            lexical.add(fold(word, LOOKUP))
    by_length = lambda items: tuple(sorted((fold(i, LOOKUP) for i in items), key=len, reverse=True))  # noqa: E731
    morph = morphology()
    prefixes = [*proclitics()[1:], *(conj + future for conj in ("", *morph.conjunctions) for future in morph.future)]
    return Dictionary(forms, frozenset(listed), frozenset(nouns), frozenset(forms.keys() - lexical), frequency,
                       by_length(prefixes), by_length(data.pronouns), by_length(data.present_prefixes),
                       by_length(data.present_suffixes),
                       fold(data.letters, LOOKUP), data.min_length, tuple(data.noun_endings),
                       data.checked_prefix, tuple(data.nisba_endings),
                       frozenset(frozenset(pair) for pair in data.confusable))


def _analyses(word: str, d: Dictionary) -> list[tuple[str, str, str]]:
    """(proclitics, stem, suffix) splits of a lookup form, the whole word first."""
    splits = []
    for prefix in ("", *d.prefixes):
        if not word.startswith(prefix) or len(word) - len(prefix) < 2:
            continue
        rest = word[len(prefix):]
        splits.append((prefix, rest, ""))
        if not prefix.endswith("ال"):
            splits += [(prefix, rest[:-len(p)], p) for p in d.pronouns if rest.endswith(p) and len(rest) - len(p) >= 2]
    return splits


def _verb_form(stem: str, d: Dictionary, has: Callable[[str], bool]) -> bool:
    """A present-tense form: يـ/تـ/نـ/أ + a present stem (+ ون، ان …)."""
    for prefix in d.verb_prefixes:
        if stem.startswith(prefix):
            body = stem[len(prefix):]
            if has(body) or any(body.endswith(s) and has(body[:-len(s)]) for s in d.verb_suffixes):
                return True
    return False


@cache
def is_word(word: str, cache_dir: Path | None = None) -> bool:
    """True when a word (as written, with clitics) is known to the dictionary (kept in `cache_dir`)."""
    d = dictionary(cache_dir)
    return _analysed(fold(word, LOOKUP), d, d.forms.__contains__)


@cache
def is_lexicon_word(word: str) -> bool:
    """True when a word is known to Arramooz's nouns, verbs or stop words, not only to its list of
    frequent words, which holds names too («تكساس», «فرانس»)."""
    d = dictionary()
    return _analysed(fold(word, LOOKUP), d, lambda form: form in d.forms and form not in d.frequent_only)


def _analysed(key: str, d: Dictionary, has: Callable[[str], bool]) -> bool:
    """Whether a lookup form splits into clitics and a stem of forms that `has` accepts."""
    return any(_known(stem, d, suffix, has) or "ال" not in prefix and _verb_form(stem, d, has)
               for prefix, stem, suffix in _analyses(key, d))


def is_noun(word: str) -> bool:
    """True when a word as written, with no clitic, is a form of one of the dictionary's nouns
    or adjectives (the dictionary this process keeps, as `dictionary(None)`)."""
    return fold(word, LOOKUP) in dictionary().nouns


def _known(stem: str, d: Dictionary, suffix: str, has: Callable[[str], bool]) -> bool:
    """A noun stem: as listed, with an accusative alef or construct ending, or with ة written ت
    and a hamza on its seat before a pronoun (حكومته، شركائها)."""
    if has(stem) or any(stem.endswith(e) and has(stem[:-1]) for e in d.noun_endings):
        return True
    if suffix and stem[-1:] == "ت":
        return has(stem[:-1] + "ة")
    return bool(suffix) and stem[-1:] in "ئؤ" and has(stem[:-1] + "ء")


def _edits(stem: str, letters: str, confusable: frozenset[frozenset[str]]) -> dict[str, int]:
    """One letter added, two neighbours swapped or a letter changed for one that writers confuse
    with it, each with its likelihood
    (a dropped letter is the commonest slip). Removing a letter is not tried, nor changing the
    first one: they turn too many names into words («بوستن» → «بوست»)."""
    splits = [(stem[:i], stem[i:]) for i in range(1, len(stem) + 1)]  # the first letter stays
    edits = {a + c + b[1:]: 0 for a, b in splits if b for c in letters if frozenset(b[0] + c) in confusable}
    edits.update({a + b[1] + b[0] + b[2:]: 1 for a, b in splits if len(b) > 1})
    edits.update({a + c + b: 2 for a, b in splits for c in letters})
    return edits


@cache
def suggestion(word: str, cache_dir: Path | None = None) -> str | None:
    """The best one-edit correction of an unknown word, written with its clitics, or None (the
    dictionary kept in `cache_dir`)."""
    d = dictionary(cache_dir)
    key = fold(word, LOOKUP)
    if not _checked(key) or key.endswith(d.nisba) or is_word(word, cache_dir):
        return None
    best: tuple[tuple[bool, bool, int, int], str] | None = None
    for prefix, stem, suffix in _analyses(key, d):
        if len(stem) < d.min_length or not (prefix.endswith(d.checked_prefix) or _checked_stem().match(stem)):
            continue
        edits = _edits(stem, d.letters, d.confusable)
        found = set(filter(d.listed.__contains__, edits))  # at C speed: few of the edits are words
        if stem[-1] == "ه" and stem[:-1] + "ة" in d.forms and stem[:-1] + "ة" in edits:
            found.add(stem[:-1] + "ة")
        for candidate in sorted(found, key=list(edits).index):  # in the order of the edits
            if candidate[-1] == "ي" != stem[-1]:
                continue  # «الحقيل» → «الحقلي»: family names, not slips
            rank = (candidate[-1] == stem[-1], candidate[0] == stem[0], edits[candidate], d.frequency.get(candidate, 0))
            if best is None or rank > best[0]:
                best = (rank, prefix + d.forms[candidate] + suffix)
    return best[1] if best else None


@cache
def hamza_slip(word: str, cache_dir: Path | None = None) -> str | None:
    """«الإتفاقية» → «الاتفاقية»: a hamza written on an alef that the dictionary (kept in
    `cache_dir`) writes bare (the connecting alef of افتعال and استفعال nouns), after the article."""
    d = dictionary(cache_dir)
    written = fold(word, UNMARKED)
    at = written.find(d.checked_prefix)
    if at < 0 or at > 3 or written[at + len(d.checked_prefix):][:1] not in "أإ":
        return None
    stem = written[at + len(d.checked_prefix):]
    listed = d.forms.get(fold(stem, LOOKUP))
    if listed is None or listed[0] != "ا":
        return None
    return written[:at + len(d.checked_prefix)] + "ا" + stem[1:]


@cache
def _checked(norm: str) -> bool:
    """True for a word form that is checked: long enough, with the article or a `checked_stem`
    (behind و/ف and ب/ل/ك)."""
    data = spelling()
    prefix = data.checked_prefix
    return len(norm) >= data.min_length + len(prefix) and (
        prefix in norm[:4] or _checked_stem().match(norm, len(_clitics().match(norm)[0])) is not None)


@cache
def _clitics() -> re.Pattern[str]:
    """A conjunction and a preposition at the start of a word, each or not."""
    morph = morphology()
    return re.compile(f"[{''.join(morph.conjunctions)}]?[{''.join(morph.prepositions)}]?")


@cache
def _checked_stem() -> re.Pattern[str]:
    return re.compile(spelling().checked_stem)


_token = itemgetter(1)  # of a (sentence, token) pair
_stem = itemgetter(0)  # of a (stem, letters removed) pair


def spelling_findings(doc: Doc, names: Collection[str] = ()) -> tuple[Problem, ...]:
    """Findings (code `spelling`) for likely misspellings; words of `names` (entities and
    speakers, as written) are never checked."""
    text, body_line = doc.text, doc.source.body_line
    named = set(chain.from_iterable(map(norms, map(tokenize, set(names)))))  # a speaker's words once, not once a claim
    words: list[tuple[Sentence, Token]] = []
    for sentence, tokens in zip(doc.sentences, doc.tokens):  # numbers and punctuation are never `_checked`
        words += zip(repeat(sentence), compress(tokens, map(_checked, norms(tokens))))
    counts = Counter(norms(map(_token, words)))
    once = {norm for norm, count in counts.items() if count == 1}  # a word written twice is meant
    findings = []
    for sentence, token in compress(words, map(once.__contains__, norms(map(_token, words)))):
        if not named.isdisjoint(map(_stem, stems(token.norm))) or _VOWELS.search(token.text):
            continue  # a name, or a word written with its vowels: with care (a verse, a name)
        better = suggestion(token.text, doc.settings.cache_dir) or hamza_slip(token.text, doc.settings.cache_dir)
        if better:
            line = body_line + text.count("\n", 0, token.start)
            findings.append(Problem("info", "spelling", f"«{token.text}»: did you mean «{better}»?", sentence.n, line))
    return tuple(findings)
