"""Claims: propositions attributed to a speaker through a reporting cue (lexicon/cues.yml)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from ..arabic import Token, clitic_forms, indexes_of, normalize, skip_letters, without_conjunction
from ..lexicon.cues import cues
from ..model import Claim
from .entities import mentions as entity_mentions
from .speakers import (Attribution, Mention, Subject, addressee, coordinated, documents_named, is_stop, known_names,
                       mention, subject_span)
from .spelling import dictionary

if TYPE_CHECKING:
    from .doc import Doc


@dataclass(frozen=True)
class Cue:
    cue_en: str
    act: str
    kind: str  # "past" | "present" | "participle" | "attribution" | "relative"
    needs: tuple[str, ...] = ()
    joined: str = ""  # a preposition attached to the source: وفقًا لـ
    agree: str | None = None  # the subject it agrees with: "m", "f", "p" (plural), None (any)


@dataclass(frozen=True)
class _Hit:
    index: int  # token index of the cue
    cue: Cue
    cut: int  # letters of an attached و/ف


@dataclass(frozen=True)
class _Lexicon:
    forms: dict[str, Cue]
    lead_ins: frozenset[str]
    openers: frozenset[str]
    complementizers: frozenset[str]
    quotes: frozenset[str]
    content_preps: frozenset[str]
    agentless: frozenset[str]
    relatives: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data = cues()
    forms: dict[str, Cue] = {}
    agreement = data.agreement
    for verb in data.verbs:
        needs = tuple(normalize(n) for n in verb.needs)
        for ending, agree in agreement.past.items():
            forms.setdefault(normalize(verb.past + (ending or "")), Cue(verb.cue_en, verb.act, "past", needs, "", agree))
        for form in verb.also:
            agree = next((a for e, a in agreement.past.items() if e and normalize(form).endswith(normalize(e))), "m")
            forms.setdefault(normalize(form), Cue(verb.cue_en, verb.act, "past", needs, "", agree))
        for stem in verb.present:
            for ending, plural in agreement.present.items():
                agree = "p" if plural else agreement.present_prefixes.get(normalize(stem)[0])
                forms.setdefault(normalize(stem + (ending or "")), Cue(verb.cue_en, verb.act, "present", needs, "", agree))
        for form in [verb.past, *verb.also[:1]]:
            for suffix in agreement.object_pronouns:
                forms.setdefault(normalize(form + suffix), Cue(verb.cue_en, verb.act, "relative", needs))
    for item in data.participles:
        needs = tuple(normalize(n) for n in item.needs)
        for form in item.forms:
            stem = normalize(form).removesuffix("ا")
            for ending, agree in data.participle_endings.items():
                forms.setdefault(normalize(stem + (ending or "ا")), Cue(item.cue_en, item.act, "participle", needs, "", agree))
    for item in data.attributions:
        cue = Cue(item.cue_en, item.act, "attribution", (), normalize(item.joined))
        for form in item.forms:
            forms.setdefault(normalize(form), cue)
    words = lambda key: frozenset(normalize(w) for w in getattr(data, key))  # noqa: E731
    return _Lexicon(forms, words("lead_ins"), frozenset(data.openers), words("complementizers"),
                    frozenset(data.quotes), words("content_preps"), words("agentless"), words("relatives"))


def _opens_clause(tokens: tuple[Token, ...], k: int) -> bool:
    lex = _lexicon()
    return k == 0 or tokens[k - 1].text in lex.openers or tokens[k - 1].norm in lex.lead_ins


@cache
def _cue_of(norm: str) -> tuple[Cue, int] | None:
    """The cue a word is, with the letters of its attached و/ف."""
    forms = _lexicon().forms
    if norm in forms:
        return forms[norm], 0
    conj, rest = without_conjunction(norm)
    if conj and rest in forms and forms[rest].kind in ("past", "present", "participle"):
        return forms[rest], 1
    return None


@cache
def _cue_words() -> frozenset[str]:
    """Every normalised word that `_cue_of` finds a cue in."""
    return clitic_forms(_lexicon().forms, lambda word: _cue_of(word) is not None)


def _is_marker(token: Token, needs: tuple[str, ...] = ()) -> bool:
    lex = _lexicon()
    if token.norm in lex.complementizers or token.text in lex.quotes:
        return not needs or "@speech" in needs
    return any(token.norm == n or (len(n) == 1 and token.norm.startswith(n)) for n in needs)


def _svo_subject(tokens: tuple[Token, ...], k: int, known: frozenset[str]) -> Subject | None:
    """A subject written before the verb («الوزير يؤكد»), opening its clause."""
    for j in range(k - 1, max(-1, k - 12), -1):
        if _opens_clause(tokens, j):
            subject = subject_span(tokens, j, k, known)
            if subject and not subject.pronoun and coordinated("", tokens, subject, k, known)[1] == k:
                return subject  # «الوزير يؤكد», «الوزير ونظيره يؤكدان»
    return None


def _candidates(tokens: tuple[Token, ...], known: frozenset[str]) -> list[tuple[_Hit, Subject | None]]:
    """Cue words that stand where a reporting verb can stand, with a preverbal subject if any."""
    lex = _lexicon()
    found = []
    for k in indexes_of(tokens, _cue_words()):
        cue = _cue_of(tokens[k].norm)
        if tokens[k].kind != "word" or cue is None:
            continue
        hit = _Hit(k, *cue)
        before = None
        if hit.cue.kind == "relative" and (k == 0 or without_conjunction(tokens[k - 1].norm)[1] not in lex.relatives
                                           and tokens[k - 1].norm not in lex.relatives):
            continue
        if hit.cue.kind in ("past", "present") and not hit.cut and not _opens_clause(tokens, k):
            before = _svo_subject(tokens, k, known)
            if before is None:
                continue
        if (hit.cue.kind == "present" and tokens[k].norm in lex.agentless and k + 1 < len(tokens)
                and tokens[k + 1].norm in lex.complementizers):
            continue
        found.append((hit, before))
    return found


def _content(text: str, tokens: tuple[Token, ...], a: int, limit: int, needs: tuple[str, ...]) -> str:
    """The reported words between the cue (and its speaker) and the next cue."""
    lex = _lexicon()
    opens = lambda t: _is_marker(t, needs) or _is_marker(t) or t.norm in lex.content_preps  # noqa: E731
    if a < limit and _is_adjunct(tokens[a]) and tokens[a].norm not in lex.content_preps:
        marker = next((m for m in range(a, limit) if opens(tokens[m])), None)
        comma = next((m for m in range(a, limit) if tokens[m].text in "،,"), None)
        a = marker if marker is not None else (comma + 1 if comma is not None else a)
    while a < limit and (opens(tokens[a]) or tokens[a].kind == "punct"):
        a += 1
    b = limit
    while b > a and (tokens[b - 1].kind == "punct" and tokens[b - 1].text not in "»\")" or tokens[b - 1].norm == "و"):
        b -= 1
    return text[tokens[a].start:tokens[b - 1].end] if b > a else ""


def _is_adjunct(token: Token) -> bool:
    """A comma, a function word or a word behind ل between the speaker and the content («في
    بيانهم …»، «، لدى …»، «للصحفيين …»)."""
    return token.text in "،," or is_stop(token) and not _is_marker(token) or addressee(token)


def stage(doc: Doc) -> None:
    """claims: every claim with its overt speaker, for the speakers stage to resolve."""
    doc.attributions = find_claims(doc)


def find_claims(doc: Doc) -> tuple[Attribution, ...]:
    """Claims in order, each with its overt speaker and what resolving a dropped one needs."""
    text = doc.text
    known = known_names()  # grows with the names of the speakers found
    listed = dictionary(doc.settings.cache_dir).listed
    found: list[Attribution] = []
    for sentence, tokens in zip(doc.sentences, doc.tokens):
        candidates = _candidates(tokens, known)
        kept = []
        for n, (hit, before) in enumerate(candidates):
            limit = candidates[n + 1][0].index if n + 1 < len(candidates) else len(tokens)
            if hit.cue.needs and not any(_is_marker(t, hit.cue.needs) for t in tokens[hit.index + 1:limit]):
                continue
            kept.append((hit, before))
        documents = documents_named(tokens) if kept else ()
        for n, (hit, before) in enumerate(kept):
            limit = kept[n + 1][0].index if n + 1 < len(kept) else len(tokens)
            claim_mention, after = _speaker(text, tokens, hit, before, limit, known, listed)
            if hit.cue.kind in ("attribution", "relative") and claim_mention is None:
                continue
            if claim_mention and claim_mention.name and not known.issuperset(claim_mention.name):
                known = known.union(claim_mention.name)
            token = tokens[hit.index]
            cue = token.text[skip_letters(token.text, hit.cut):]
            content = _content(text, tokens, after, limit, hit.cue.needs)
            if hit.cue.kind == "attribution":
                content = content or text[sentence.start:token.start].strip(" ،,")
            claim = Claim(f"c{len(found) + 1}", sentence.n, cue, hit.cue.cue_en, hit.cue.act, None, content)
            quoted = _quoted_person(text, tokens, hit.index) if claim_mention is None else None
            found.append(Attribution(claim, claim_mention, hit.cue.agree, quoted, documents))
    return tuple(found)


def _quoted_person(text: str, tokens: tuple[Token, ...], k: int) -> Mention | None:
    """The person named last before tokens[k] inside a quotation still open at k («… صدق نبينا
    محمد حين حذر وقال …»): the speaker of a cue inside reported words."""
    lex = _lexicon()
    opened = None
    for j in range(k):
        if tokens[j].text in lex.quotes and tokens[j].text != ":":
            opened = None if opened is not None and tokens[j].text == '"' else j
        elif tokens[j].text in "»”":
            opened = None
    if opened is None:
        return None
    people = [m for m in entity_mentions(tokens[opened + 1:k]) if m.entry.type == "PER"]
    if not people:
        return None
    person = people[-1]
    return Mention(text[person.start:person.stop], (), (), person.entry.en, person.entry.canonical)


def _speaker(text: str, tokens: tuple[Token, ...], hit: _Hit, before: Subject | None, limit: int,
             known: frozenset[str], listed: frozenset[str]) -> tuple[Mention | None, int]:
    """The overt speaker of a cue and the token index where its content may start (`listed`:
    the words of the spelling dictionary)."""
    if before is not None:
        return _with_coordinated(text, tokens, before, hit.index, known)[0], hit.index + 1
    if hit.cue.kind == "participle":
        return None, hit.index + 1
    subject = subject_span(tokens, hit.index + 1, limit, known, clitic=bool(hit.cue.joined),
                           generic=hit.cue.kind in ("past", "present", "relative"), listed=listed)
    if subject is None:
        return None, hit.index + 1
    cut = 0
    if hit.cue.joined and tokens[subject.first].norm.startswith(hit.cue.joined):
        cut = skip_letters(tokens[subject.first].text, len(hit.cue.joined))
    return _with_coordinated(text, tokens, subject, limit, known, cut)


def _with_coordinated(text: str, tokens: tuple[Token, ...], subject: Subject, limit: int, known: frozenset[str],
                      cut: int = 0) -> tuple[Mention, int]:
    """The mention of a subject with the speakers coordinated with it («فلان ونظيره فلان»), and the
    token index where the last of them ends."""
    lead = mention(text, tokens, subject, cut)
    co, end = coordinated(text, tokens, subject, limit, known)
    if not co:
        return lead, end
    return replace(lead, text=text[tokens[subject.first].start + cut:tokens[end - 1].end], co=co, gender="p"), end
