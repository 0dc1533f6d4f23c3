"""Speakers: the subject span of a cue, and one canonical speaker per person or body.

`subject_span` reads the overt subject after a reporting verb («وشدد الوزراء في …» → الوزراء);
`resolve` gives every claim its speaker: explicit ones are grouped by person or body, implicit
ones (a dropped subject, a participle, an honorific pronoun) take the nearest earlier speaker.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from ..arabic import Token, bare, is_definite, normalize, stems
from ..lexicon import load
from ..model import Claim, Speaker
from .entities import Index, gazetteer, match_at, speaker_names


@dataclass(frozen=True)
class Subject:
    first: int  # token indexes, end exclusive
    end: int
    name: int | None  # where a personal name starts inside the span
    pronoun: bool = False  # an honorific pronoun (سموه، معاليه)


@dataclass(frozen=True)
class Mention:
    """A speaker as the text names it, ready for grouping."""

    text: str
    title: tuple[str, ...]  # bare words before the name (or all words when there is no name)
    name: tuple[str, ...]  # bare words of the personal name
    en: str | None
    canonical: str | None  # from the gazetteer, when the name is known
    pronoun: bool = False


@dataclass(frozen=True)
class _Lexicon:
    honorifics: frozenset[str]
    pronouns: frozenset[str]
    heads: Index
    titles: frozenset[str]
    particles: frozenset[str]
    connectors: frozenset[str]
    stops: frozenset[str]
    endings: tuple[str, ...]
    complementizers: frozenset[str]
    max_words: int


@cache
def _lexicon() -> _Lexicon:
    data, cues = load("speakers"), load("cues")
    words = lambda key, src=data: frozenset(normalize(w) for w in src[key])  # noqa: E731
    heads: dict[str, list] = {}
    for head in data["heads"]:
        parts = tuple(normalize(p) for p in head.split())
        parts = (bare(parts[0]),) + parts[1:]
        heads.setdefault(parts[0], []).append((parts, None))
    return _Lexicon(
        honorifics=words("honorifics"), pronouns=words("pronouns"),
        heads={k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in heads.items()},
        titles=frozenset(bare(normalize(w)) for w in data["titles"]),
        particles=words("name_particles"),
        connectors=words("connectors"), stops=words("stops"),
        endings=tuple(normalize(e) for e in data["adjective_endings"]),
        complementizers=words("complementizers", cues), max_words=data["max_words"],
    )


@cache
def known_names() -> frozenset[str]:
    """Bare words of the people in the gazetteer."""
    return frozenset(bare(w) for entries in gazetteer().values() for words, entry in entries
                     if entry.type == "PER" for w in words)


def _head_end(tokens: tuple[Token, ...], k: int, limit: int) -> tuple[int, bool] | None:
    """(end, is a person) of a title, body or gazetteer entity starting at tokens[k]."""
    lex = _lexicon()
    for stem, _ in stems(tokens[k].norm):
        for words, _ in lex.heads.get(bare(stem), ()):
            end = k + len(words)
            if end <= limit and all(tokens[k + n].norm == w for n, w in enumerate(words[1:], 1)):
                return end, False
    mention = match_at(tokens, k, gazetteer())
    if mention and mention.end <= limit and mention.entry.type in ("PER", "ORG", "LOC"):
        return mention.end, mention.entry.type == "PER"
    return None


def is_stop(token: Token) -> bool:
    """True for punctuation and the function words that end a subject."""
    lex = _lexicon()
    return token.kind != "word" or token.norm in lex.stops or token.norm in lex.complementizers


def _adjective(norm: str) -> bool:
    return is_definite(norm) and norm.endswith(_lexicon().endings)


def _name_run(tokens: tuple[Token, ...], k: int, limit: int, known: frozenset[str]) -> int | None:
    """End of a personal name starting at tokens[k] («خالد بحاح», «سليمان الغزي»), if any."""
    lex = _lexicon()
    j = k
    while j < limit and j - k < 5 and not is_stop(tokens[j]):
        norm = tokens[j].norm
        if bare(norm) in known:
            j += 1
        elif is_definite(norm):
            if j > k and tokens[j - 1].norm in lex.particles:
                j += 1
            elif j > k and _adjective(norm):
                j += 1
                break
            else:
                break
        else:
            j += 1
    if j == k:
        return None
    if all(bare(t.norm) in known for t in tokens[k:j]):
        return j
    return j if j >= limit or is_stop(tokens[j]) else None


def subject_span(tokens: tuple[Token, ...], i: int, limit: int, known: frozenset[str]) -> Subject | None:
    """The overt subject that starts at tokens[i] and ends before tokens[limit], if there is one."""
    lex = _lexicon()
    if i >= limit:
        return None
    if tokens[i].norm in lex.pronouns:
        return Subject(i, i + 1, None, True)
    j = i
    while j < limit and tokens[j].norm in lex.honorifics:
        j += 1
    head = _head_end(tokens, j, limit) if j < limit else None
    if head is None:
        run = _name_run(tokens, j, limit, known) if j < limit else None
        opens = run is not None and (bare(tokens[j].norm) in known or run < limit and tokens[run].norm in lex.complementizers)
        return Subject(i, run, j) if opens and run is not None else None
    k, person = head
    name = j if person else None
    while k < limit and k - i < lex.max_words:
        token = tokens[k]
        if token.kind == "punct":
            if token.text == "(":
                close = next((m for m in range(k + 1, min(limit, k + 8)) if tokens[m].text == ")"), None)
                if close is None:
                    break
                k = close + 1
                continue
            if token.text in "،," and k + 1 < limit and bare(tokens[k + 1].norm) in lex.titles:
                k += 1
                continue
            break
        if is_stop(token):
            break
        head = _head_end(tokens, k, limit)
        if head:
            if head[1] and name is None:
                name = k
            k = head[0]
            continue
        if bare(token.norm) in lex.titles and name is None:
            k += 1
            continue
        previous = tokens[k - 1]
        if token.norm in lex.connectors or (token.norm[:1] == "ل" and len(token.norm) > 3):
            k += 1
        elif previous.kind == "word" and not is_definite(previous.norm) and name is None:
            k += 1  # a genitive after an indefinite noun: وزراء خارجية دول …
        elif _adjective(token.norm):
            if name is None and bare(previous.norm) in lex.titles and (k + 1 >= limit or is_stop(tokens[k + 1])):
                name = k  # a family name after a title: الدكتور الغزي
            k += 1
        else:
            run = _name_run(tokens, k, limit, known)
            if run is not None and name is None:
                name, k = k, run
            break
    return Subject(i, k, name)


def mention(text: str, tokens: tuple[Token, ...], subject: Subject, cut: int = 0) -> Mention:
    """The speaker words of a subject span, with what grouping and English names need."""
    start = tokens[subject.first].start + cut
    words = tokens[subject.first:subject.end]
    spoken = text[start:tokens[subject.end - 1].end]
    if subject.pronoun:
        return Mention(spoken, (), (), None, None, True)
    split = subject.end if subject.name is None else subject.name
    title = tuple(bare(t.norm) for t in tokens[subject.first:split] if t.kind == "word")
    name = tuple(bare(t.norm) for t in tokens[split:subject.end] if t.kind == "word")
    en, canonical = None, None
    if subject.name is not None:
        offset = subject.name - subject.first
        found = match_at(words, offset, gazetteer())
        if found and found.entry.type == "PER":
            en, canonical = found.entry.en, found.entry.canonical
        else:
            canonical = text[tokens[subject.name].start:tokens[subject.end - 1].end]
    else:
        found = match_at(words, 0, speaker_names())
        if found and found.end == len(words):
            en = found.entry.en
    return Mention(spoken, title, name, en, canonical)


@dataclass
class _Entry:
    canonical: str
    en: str | None
    title: tuple[str, ...]
    names: set[str]
    text: str
    claim: str  # the latest claim that named this speaker


def _find(entries: list[_Entry], m: Mention) -> _Entry | None:
    if m.name:
        return next((e for e in reversed(entries) if m.name[-1] in e.names), None)
    for e in reversed(entries):
        common = next((n for n, (a, b) in enumerate(zip(m.title, e.title)) if a != b), min(len(m.title), len(e.title)))
        if common == len(m.title) or common >= 2:
            return e
    return None


def resolve(found: list[tuple[Claim, Mention | None]]) -> tuple[Claim, ...]:
    """Claims with their speakers: grouped explicit ones, resolved implicit ones."""
    entries: list[_Entry] = []
    last: _Entry | None = None
    claims = []
    for claim, m in found:
        if m is None or m.pronoun:
            speaker = None
            if last is not None:
                speaker = Speaker(m.text if m else last.text, last.canonical, m is not None, last.claim, last.en)
            claims.append(replace(claim, speaker=speaker))
            continue
        entry = _find(entries, m)
        if entry is None:
            canonical = m.canonical or m.text
            entry = _Entry(canonical, m.en, m.title, set(m.name), m.text, claim.id)
            entries.append(entry)
        else:
            entry.names.update(m.name)
            entry.en = entry.en or m.en
            entry.text, entry.claim = m.text, claim.id
        last = entry
        claims.append(replace(claim, speaker=Speaker(m.text, entry.canonical, True, None, entry.en)))
    return tuple(claims)
