"""Claims: propositions attributed to a speaker through a reporting cue (lexicon/cues.yml)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from ..arabic import Token, bare, clitic_forms, indexes_of, is_definite, normalize, skip_letters, without_conjunction
from ..lexicon.cues import cues
from ..model import Claim
from .conjugation import PAST, PRESENT, conjugated
from .entities import gazetteer, match_at
from .entities import mentions as entity_mentions
from .speakers import (Attribution, Mention, Subject, addressee, coordinated, documents_named, is_stop, known_names,
                       mention, pronoun_phrase, subject_span)
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
    addressed: bool = False  # its direct object is whom it tells: «أبلغ "الصحيفة" فلان أن»


@dataclass(frozen=True)
class _Hit:
    index: int  # token index of the cue
    cue: Cue
    cut: int  # letters of an attached و/ف


@dataclass(frozen=True)
class _Lexicon:
    forms: dict[str, Cue]
    lead_ins: frozenset[str]
    fronting: frozenset[str]
    fronted_words: int
    prepositions: frozenset[str]
    preposition_takers: frozenset[str]
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
                forms.setdefault(form, Cue(verb.cue_en, verb.act, kind, needs, agree=agree, addressed=verb.addressed))
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
    fronting = frozenset(conj + w for w in words("fronting") for conj in ("", "و", "ف"))
    return _Lexicon(forms, words("lead_ins"), fronting, data.fronted_words, words("prepositions"),
                    words("preposition_takers"), frozenset(data.openers), words("complementizers"),
                    frozenset(data.quotes), words("content_preps"), words("agentless"), words("relatives"))


def _opens_clause(tokens: tuple[Token, ...], k: int) -> bool:
    """True where a clause starts: the start, after punctuation or a lead-in word."""
    lex = _lexicon()
    return k == 0 or tokens[k - 1].text in lex.openers or tokens[k - 1].norm in lex.lead_ins


def _after_fronted(tokens: tuple[Token, ...], k: int, known: frozenset[str]) -> bool:
    """True where a verb follows a phrase fronted at the start of its sentence: a preposition and
    a few words («وفي القاهرة أعلنت الدار», «إلى ذلك قال الوزير») that end in a definite word or a
    name, or after which the verb has a subject («ومن جهة أخرى أكد المصدر»); an indefinite word
    before a verbal noun is its noun («في إطار حث الطلاب»)."""
    lex = _lexicon()
    if not 2 <= k <= lex.fronted_words + 1 or tokens[0].norm not in lex.fronting:
        return False
    if any(t.kind != "word" or t.norm in lex.relatives or t.norm in lex.complementizers for t in tokens[1:k]):
        return False
    last = tokens[k - 1].norm
    return (is_definite(last) or bare(last) in known or match_at(tokens, k - 1, gazetteer()) is not None
            or subject_span(tokens, k + 1, len(tokens), known, generic=True) is not None)


def _as_preposition(tokens: tuple[Token, ...], k: int, cut: int) -> bool:
    """True where a cue form that is a preposition too reads as the preposition: anywhere but at
    the start of a clause («الفرق بين الأمرين», «فيما بين الطرفين»), and as «وبين» after a «بين»
    of the same sentence («بين الرياض وبين القاهرة»); never with a written shadda («بيّن»)."""
    lex = _lexicon()
    word = tokens[k].norm[cut:]
    if word not in lex.prepositions or "\u0651" in tokens[k].text:
        return False
    if cut:
        return any(t.norm == word for t in tokens[:k])
    return not _opens_clause(tokens, k) or k > 0 and tokens[k - 1].norm in lex.preposition_takers


def _passive(token: Token, cut: int) -> bool:
    """True for a past verb written with a damma on its first letter («أُعلن», «ذُكر»)."""
    text = token.text[skip_letters(token.text, cut):]
    return len(text) > 1 and text[1] == "\u064f"


def _adjective_of(tokens: tuple[Token, ...], k: int, cue: Cue) -> bool:
    """True for a feminine or plural participle right after an indefinite noun that it describes
    («قيود مشددة»); the masculine with its alef is accusative, a circumstantial («مؤكدًا»)."""
    if cue.agree not in ("f", "p") or k == 0:
        return False
    before = tokens[k - 1]
    return (before.kind == "word" and not is_definite(before.norm) and not before.norm.endswith(("ه", "ها", "هم", "هما"))
            and _cue_of(before.norm) is None)


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
            if _opens_clause(tokens, j) or subject.name is not None or all(
                    is_definite(t.norm) or bare(t.norm) in known for t in tokens[j + 1:k] if t.kind == "word"):
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
        if _as_preposition(tokens, k, hit.cut) or hit.cue.kind == "past" and _passive(tokens[k], hit.cut) \
                or hit.cue.kind == "participle" and _adjective_of(tokens, k, hit.cue):
            continue
        if hit.cue.kind == "relative" and (k == 0 or without_conjunction(tokens[k - 1].norm)[1] not in lex.relatives
                                           and tokens[k - 1].norm not in lex.relatives):
            continue
        if hit.cue.kind in ("past", "present") and not hit.cut and not _opens_clause(tokens, k):
            before = _svo_subject(tokens, k, known)
            if before is None and not _after_fronted(tokens, k, known):
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
            if hit.cue.needs and hit.cue.kind == "participle" and not (
                    hit.index + 1 < limit and _is_marker(tokens[hit.index + 1], hit.cue.needs)):
                continue  # its content follows it: «مفيدًا أن»; «يعد الأمر مفيدًا بالنسبة …» is «useful»
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


def _after_quoted(tokens: tuple[Token, ...], k: int, limit: int) -> int:
    """The token index after a short name in quotation marks at tokens[k] («"الاقتصادية"»,
    «عكاظ»), else k."""
    quotes = {"«": "»", '"': '"', "“": "”"}
    if k >= limit or tokens[k].text not in quotes:
        return k
    close = next((m for m in range(k + 1, min(limit, k + 5)) if tokens[m].text == quotes[tokens[k].text]), None)
    return close + 1 if close is not None else k


def _after_addressee(tokens: tuple[Token, ...], k: int, limit: int, known: frozenset[str]) -> Subject | None:
    """The subject after whom the speaker spoke to, when that stands right after the verb: «لـ»
    and a name in quotation marks («وقال لـ«الصحيفة» مصدر مطلع إن»: 95 times after a reporting
    verb in the 3,000 corpus articles, with «للصحفيين» and «لوكالة …»), or a word behind ل and the
    definite words of its name («وقال لوكالة الأنباء الرسمية الوزير …» no: a title opens the subject)."""
    if k >= limit or tokens[k].kind != "word":
        return None
    if tokens[k].norm == "ل":
        start = _after_quoted(tokens, k + 1, limit)
        if start == k + 1:
            return None
    elif addressee(tokens[k]):
        start = k + 1
        while start < limit and start - k <= 3 and tokens[start].kind == "word" and is_definite(tokens[start].norm) \
                and not _opens_subject(tokens, start, limit, known):
            start += 1
    else:
        return None
    subject = subject_span(tokens, start, limit, known) or _quoted_subject(tokens, start, limit, known)
    return subject if subject is not None and not subject.pronoun else None


def _opens_subject(tokens: tuple[Token, ...], k: int, limit: int, known: frozenset[str]) -> bool:
    """True where a subject of the lexicon (a title, head or known name) starts at tokens[k]."""
    subject = subject_span(tokens, k, limit, known)
    return subject is not None and not subject.generic


def _quoted_subject(tokens: tuple[Token, ...], k: int, limit: int, known: frozenset[str]) -> Subject | None:
    """A subject written in quotation marks right before the content («وأوضحت «الهيئة العامة» أن»:
    33 times after a reporting verb in the 3,000 corpus articles): the words inside the marks, a
    person's name when they are one, else the name of a body («مكتب أخبار سوريا» is one name)."""
    end = _after_quoted(tokens, k, limit)
    if end == k or end >= limit or not (tokens[end].norm in _lexicon().complementizers or tokens[end].text == ":") \
            or tokens[k + 1].norm in _lexicon().complementizers:
        return None  # «قال «إن …»»: the content itself
    inside = subject_span(tokens, k + 1, end - 1, known)
    if inside is not None and inside.end == end - 1 and inside.name == k + 1 and inside.name_end is None:
        return inside
    return Subject(k + 1, end - 1, None, generic=True)


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
    if hit.cue.addressed:
        start = _after_quoted(tokens, start, limit)  # «أبلغ "الصحيفة" فلان أن»: whom it told first
    verb = hit.cue.kind in ("past", "present", "relative")
    if verb and start < limit and pronoun_phrase(tokens[start]):
        start += 1  # «وذكر فيه البيان أن»: a subject of the lexicon after the preposition and its pronoun
        verb = False  # («قال عليه السلام»: a blessing)
    subject = subject_span(tokens, start, limit, known, clitic=bool(hit.cue.joined), generic=verb, listed=listed,
                           content=_prepositions(hit.cue.needs))
    if subject is None and verb:
        subject = _after_addressee(tokens, start, limit, known) or _quoted_subject(tokens, start, limit, known)
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
    return replace(lead, text=text[tokens[subject.first].start + cut:tokens[end - 1].end], co=co), end
