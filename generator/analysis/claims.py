"""Claims: propositions attributed to a speaker through a reporting cue (lexicon/cues.yml)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from ..arabic import Token, bare, clitic_forms, indexes_of, is_definite, normalize, skip_letters, without_conjunction
from ..lexicon.cues import cues
from ..model import Claim
from .conjugation import PAST, PRESENT, conjugated
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
    clause: bool = False  # a verb comes between it and the source: حسبما أفادت الوزارة
    predicate: bool = False  # what the object is said to be follows the subject: اعتبرها الوزير خطوة
    agree: str | None = None  # the subject it agrees with: "m", "f", "p" (plural), "1" (first person), None (any)


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
    agreement, pronouns = data.agreement, data.agreement.object_pronouns
    for verb in data.verbs:
        needs = tuple(normalize(n) for n in verb.needs)
        tenses = ((PAST, "past", agreement.past), (PRESENT, "present", agreement.present))
        for tense, kind, persons in tenses[:1 + verb.present]:
            for person, agree in persons.items():
                form = normalize(conjugated(verb.past, tense, person))
                if agree == "1" and form == normalize(conjugated(verb.past, tense, "هم")).removesuffix("ا") + "نا":
                    continue  # «دعونا»: also «let us»
                forms.setdefault(form, Cue(verb.cue_en, verb.act, kind, needs, agree=agree))
        for person in ("هو", "هي"):
            past = normalize(conjugated(verb.past, PAST, person))
            for suffix in pronouns:  # اعتبرها الوزير …؛ after a relative: بما أعلنه، ما أكدته
                kind, agree = ("past", agreement.past[person]) if verb.judges else ("relative", None)
                forms.setdefault(past + suffix, Cue(verb.cue_en, verb.act, kind, needs, predicate=verb.judges, agree=agree))
    for item in data.participles:
        needs = tuple(normalize(n) for n in item.needs)
        for form in item.forms:
            stem = normalize(form).removesuffix("ا")
            for ending, agree in data.participle_endings.items():
                forms.setdefault(normalize(stem + (ending or "ا")), Cue(item.cue_en, item.act, "participle", needs, agree=agree))
    for item in data.attributions:
        cue = Cue(item.cue_en, item.act, "attribution", (), normalize(item.joined), item.clause)
        for form in item.forms:
            forms.setdefault(normalize(form), cue)
    words = lambda key: frozenset(normalize(w) for w in getattr(data, key))  # noqa: E731
    return _Lexicon(forms, words("lead_ins"), frozenset(data.openers), words("complementizers"),
                    frozenset(data.quotes), words("content_preps"), words("agentless"), words("relatives"))


def _opens_clause(tokens: tuple[Token, ...], k: int) -> bool:
    """True where a clause starts: the start, after punctuation or a lead-in word."""
    lex = _lexicon()
    return k == 0 or tokens[k - 1].text in lex.openers or tokens[k - 1].norm in lex.lead_ins


def _reported(tokens: tuple[Token, ...], k: int) -> bool:
    """True after a complementizer: a clause of reported speech («قال إن الوزراء أكدوا …»), whose
    verb counts with a subject before it (a verb right after «أن» is no clause: «يجب أن نرى»)."""
    return k > 0 and tokens[k - 1].norm in _lexicon().complementizers


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
    """A subject written before the verb («الوزير يؤكد»), opening its clause; in reported speech
    («قال إن الوزراء أكدوا»), one whose words after the first are definite or known names («أن
    مصر دفعت ثمنا», «أن المملكة تنفرد بين»: no subject)."""
    for j in range(k - 1, max(-1, k - 12), -1):
        if _opens_clause(tokens, j) or _reported(tokens, j):
            subject = subject_span(tokens, j, k, known)
            if not subject or subject.pronoun or coordinated("", tokens, subject, k, known)[1] != k:
                continue
            if _opens_clause(tokens, j) or all(is_definite(t.norm) or bare(t.norm) in known
                                               for t in tokens[j + 1:k] if t.kind == "word"):
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


@cache
def _prepositions(needs: tuple[str, ...]) -> frozenset[str]:
    """The prepositions among the words a cue needs (نص على، أعرب عن): they open its content."""
    return frozenset(needs) & _lexicon().content_preps


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
    while b > a and (tokens[b - 1].kind == "punct" and tokens[b - 1].text not in "»\")" or tokens[b - 1].norm == "و"
                     or tokens[b - 1].norm in lex.lead_ins):  # «…، كما شددوا»
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
            content = _content(text, tokens, after, _reach(tokens, kept, n), hit.cue.needs)
            if hit.cue.kind == "attribution":
                content = content or text[sentence.start:token.start].strip(" ،,")
            claim = Claim(f"c{len(found) + 1}", sentence.n, cue, hit.cue.cue_en, hit.cue.act, None, content)
            first_person = hit.cue.agree == "1"  # «أكدنا» inside a quotation: the speaker quoted, not one named in it
            quoted = _quoted_person(text, tokens, hit.index) if claim_mention is None and not first_person else None
            nested = before is not None and _reported(tokens, before.first)
            found.append(Attribution(claim, claim_mention, hit.cue.agree, quoted, documents, nested))
    return tuple(found)


def _reach(tokens: tuple[Token, ...], kept: list[tuple[_Hit, Subject | None]], n: int) -> int:
    """Where the content of the n-th cue of a sentence ends: at the next cue, or after the claims
    reported inside it («قال إن الوزراء أكدوا كذا»: قال reports what the ministers affirmed)."""
    complementizers = _lexicon().complementizers
    m = n + 1
    while m < len(kept) and (before := kept[m][1]) is not None and before.first \
            and tokens[before.first - 1].norm in complementizers:
        m += 1
    return kept[m][0].index if m < len(kept) else len(tokens)


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
    start = hit.index + 1
    if hit.cue.kind == "attribution" and (hit.cue.clause or start < limit and tokens[start].norm in _lexicon().relatives):
        start += 1 if hit.cue.clause else 2  # «حسبما أفادت الوزارة», «بحسب ما ذكرت المصادر»: past the verb
    subject = subject_span(tokens, start, limit, known, clitic=bool(hit.cue.joined),
                           generic=hit.cue.kind in ("past", "present", "relative"), listed=listed,
                           content=_prepositions(hit.cue.needs))
    if subject is None:
        return None, hit.index + 1
    if hit.cue.predicate and subject.name not in (None, subject.first) and not known.issuperset(
            bare(t.norm) for t in tokens[subject.name:subject.end]):
        subject = replace(subject, end=subject.name, name=None)  # «اعتبرها الوزير خطوة مهمة»: no name
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
