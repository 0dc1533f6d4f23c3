"""Speakers: the subject span of a cue, and one canonical speaker per person or body.

`subject_span` reads the overt subject after a reporting verb («وشدد الوزراء في …» → الوزراء);
`resolve` gives every claim its speaker: explicit ones are grouped by person or body, implicit
ones (a dropped subject, a participle, an honorific pronoun) take the nearest earlier speaker;
the user's glossary (terms and entities) names them in English over the lexicon.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import chain, compress, count
from typing import TYPE_CHECKING

from ..arabic import (LOOKUP, Token, bare, fold, is_definite, normalize, norms, skip_letters, stems, tokenize,
                      without_conjunction)
from ..lexicon.cues import cues
from ..lexicon.morphology import morphology
from ..lexicon.speakers import speakers
from ..model import Claim, Glossary, Speaker
from .entities import Index, gazetteer, gazetteer_english, glossary_english, match_at, romanized, speaker_names
from .entities import _given_names as given_names
from .entities import _head as org_head

if TYPE_CHECKING:
    from .doc import Doc


@dataclass(frozen=True)
class Subject:
    first: int  # token indexes, end exclusive
    end: int
    name: int | None  # where a personal name starts inside the span
    pronoun: bool = False  # an honorific pronoun (سموه، معاليه)
    generic: bool = False  # a noun phrase outside the lexicon (`generic_subject`)
    name_end: int | None = None  # where the name ends when a post follows it («فلان، مدير عام الهيئة»)


@dataclass(frozen=True)
class Mention:
    """A speaker as the text names it, ready for grouping."""

    text: str
    title: tuple[str, ...]  # bare words before the name (or all words when there is no name)
    name: tuple[str, ...]  # bare words of the personal name
    en: str | None
    canonical: str | None  # from the gazetteer, when the name is known
    pronoun: bool = False
    gender: str | None = None  # "m", "f", "p" (a plural of people), None when unknown
    role: str | None = None  # the title or post before the name, as written
    co: tuple[Mention, ...] = ()  # the speakers coordinated with this one («X وY»: Y); `text` holds all


@dataclass(frozen=True)
class Attribution:
    """A claim as the claims stage finds it: its overt speaker and what resolving a dropped one
    needs. The speakers stage turns these into the claims with their speakers."""

    claim: Claim  # its speaker still None
    mention: Mention | None  # its overt speaker; None when the subject is dropped
    agree: str | None  # the gender and number of the cue: "m", "f", "p", "1" (first person) or None
    quoted: Mention | None = None  # a person named before the cue inside the same quotation
    documents: tuple[str, ...] = ()  # document nouns of its sentence («في بيانهم» → بيان)
    nested: bool = False  # reported inside another claim («قال إن الوزراء أكدوا»)


@dataclass(frozen=True)
class _Lexicon:
    honorifics: frozenset[str]
    pronouns: frozenset[str]
    heads: Index
    bodies: frozenset[str]
    titles: frozenset[str]
    abbreviations: frozenset[str]
    emphatics: frozenset[str]
    pronoun_phrases: frozenset[str]
    particles: frozenset[str]
    connectors: frozenset[str]
    stops: frozenset[str]
    endings: tuple[str, ...]
    complementizers: frozenset[str]
    content_preps: frozenset[str]
    max_words: int
    title_preps: frozenset[str]
    feminine_plurals: frozenset[str]
    plurals: frozenset[str]
    documents: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data, cue_words = speakers(), cues()
    words = lambda key, src=data: frozenset(normalize(w) for w in getattr(src, key))  # noqa: E731
    heads: dict[str, list] = {}
    for head in data.heads:
        parts = tuple(normalize(p) for p in head.split())
        parts = (bare(parts[0]),) + parts[1:]
        heads.setdefault(parts[0], []).append((parts, None))
    return _Lexicon(
        honorifics=words("honorifics"), pronouns=words("pronouns"),
        heads={k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in heads.items()},
        bodies=frozenset(bare(normalize(w)) for w in data.bodies),
        titles=frozenset(bare(normalize(w)) for w in data.titles),
        abbreviations=words("abbreviations"), emphatics=words("emphatics"),
        pronoun_phrases=frozenset(normalize(p.removesuffix("ى") + "ي" * p.endswith("ى") + pronoun)
                                  for p in data.pronoun_prepositions for pronoun in data.attached_pronouns),
        particles=words("name_particles"),
        connectors=words("connectors"), stops=words("stops"),
        endings=tuple(normalize(e) for e in data.adjective_endings),
        complementizers=words("complementizers", cue_words), max_words=data.max_words,
        content_preps=words("content_preps", cue_words),
        title_preps=words("title_prepositions"),
        feminine_plurals=frozenset(bare(normalize(w)) for w in data.gender.feminine_plurals),
        plurals=frozenset(bare(normalize(w)) for w in data.gender.plurals),
        documents=frozenset(bare(normalize(w)) for w in data.documents),
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
        key = _singular(bare(stem))
        entries = lex.heads.get(key) or (lex.heads.get(key[:-1], ()) if key.endswith("ه") else ())
        for words, _ in entries:  # a feminine title too: المستشارة، المتحدثة
            end = k + len(words)
            if end <= limit and all(tokens[k + n].norm == w for n, w in enumerate(words[1:], 1)):
                return end, False
    mention = match_at(tokens, k, gazetteer())
    if mention and mention.end <= limit and mention.entry.type in ("PER", "ORG", "LOC"):
        return mention.end, mention.entry.type == "PER"
    return None


def _singular(key: str) -> str:
    """A title or head for its dual, the dual ending taken off when what is left is one
    (الوزيران → وزير, المستشارتين → مستشاره); any other word as it is."""
    lex = _lexicon()
    if len(key) > 4 and key.endswith(("ان", "ين")) and key not in lex.heads:
        single = key[:-2][:-1] + "ه" if key[-3] == "ت" else key[:-2]
        if single in lex.heads or single in lex.titles or single[:-1] in lex.heads:
            return single
    return key


def _title(norm: str) -> bool:
    """True for a personal title, single or dual, masculine or feminine (الدكتور، الشيخان، الدكتورة)."""
    key = _singular(bare(norm))
    titles = _lexicon().titles
    return key in titles or key.endswith("ه") and key[:-1] in titles


def documents_named(tokens: tuple[Token, ...]) -> tuple[str, ...]:
    """Document nouns of a sentence, possessed or not («في بيانهم» → بيان)."""
    if not _documents_inside().search(" ".join(norms(tokens))):
        return ()  # no word holds a document noun
    found = [hit for hit in map(_document, (token.norm for token in tokens)) if hit]
    return tuple(dict.fromkeys(found))


@cache
def _documents_inside() -> re.Pattern[str]:
    """Any document noun, inside a word or not."""
    return re.compile("|".join(sorted(map(re.escape, _lexicon().documents))))


@cache
def _document(norm: str) -> str | None:
    """The document noun a word is, behind clitics and before a pronoun, if any."""
    lex = _lexicon()
    if not any(d in norm for d in lex.documents):
        return None
    for stem, _ in stems(norm):
        word = bare(stem)
        hit = next((d for d in lex.documents if word == d or word.startswith(d) and len(word) - len(d) <= 2), None)
        if hit:
            return hit
    return None


def is_stop(token: Token) -> bool:
    """True for punctuation and the function words that end a subject."""
    lex = _lexicon()
    return token.kind != "word" or token.norm in lex.stops or token.norm in lex.complementizers


def is_title(text: str) -> bool:
    """True when a speaker's words are a title, post or pronoun rather than a name («الوزير»,
    «مدير عام المصلحة», «سموه»)."""
    lex = _lexicon()
    tokens = tuple(t for t in tokenize(text) if t.kind == "word")
    k = next((n for n, t in enumerate(tokens) if t.norm not in lex.honorifics), None)
    if k is None or tokens[k].norm in lex.pronouns:
        return True
    head = _head_end(tokens, k, len(tokens))
    return bare(tokens[k].norm) in lex.titles or head is not None and not head[1]


def _abbreviated(tokens: tuple[Token, ...], k: int, limit: int) -> bool:
    """True for a title written as its initial and a dot at tokens[k] («د.», «م.»)."""
    return k + 1 < limit and tokens[k].norm in _lexicon().abbreviations and tokens[k + 1].text == "."


def pronoun_phrase(token: Token) -> bool:
    """True for a preposition with an attached pronoun («فيه», «عنها», «عليه»): never a subject."""
    return token.norm in _lexicon().pronoun_phrases


def _emphatic(token: Token) -> bool:
    """True for «نفسه», «ذاتها» …: the noun before it is the one named before."""
    return token.norm in _lexicon().emphatics


def _quoted_name(tokens: tuple[Token, ...], k: int, limit: int) -> int | None:
    """The index after a name in quotation marks at tokens[k] that the noun before it governs
    («صحيفة «بوليتيكو»», «مدير "كويليام"»: a noun without the article), else None."""
    closing = {"«": "»", '"': '"', "“": "”"}.get(tokens[k].text)
    previous = tokens[k - 1] if k else None
    if closing is None or previous is None or previous.kind != "word" or is_definite(previous.norm):
        return None
    close = next((m for m in range(k + 1, min(limit, k + 8)) if tokens[m].text == closing), None)
    return close + 1 if close is not None and close > k + 1 else None


def _given(tokens: tuple[Token, ...], k: int, limit: int, known: frozenset[str]) -> bool:
    """True where a name of two words or more starts at tokens[k] with a given name the names
    data attests or a known name («سامي الحربي»; «عزم التحالف» is a noun and its genitive)."""
    return k + 1 < limit and (bare(tokens[k].norm) in known or tokens[k].norm in given_names())


def _adjective(norm: str) -> bool:
    return is_definite(norm) and norm.endswith(_lexicon().endings)


def _name_run(tokens: tuple[Token, ...], k: int, limit: int, known: frozenset[str], closed: bool = False,
              expected: bool = False) -> int | None:
    """End of a personal name starting at tokens[k] («خالد بحاح», «سليمان الغزي»), if any: one
    that the subject's end follows. `closed`: a family name of the nisba form («الشعيبي») ends
    the name whatever follows it (the object of the verb: «… ناصر الشعيبي مقتل أربعة»);
    `expected`: a name is due (after one person's post), so a family name with the article
    ends it before any word that ends a subject («… أحمد بن محمد الجروان في كلمته»)."""
    j, nisba = _name_scan(tokens, k, limit, known, expected)
    if j == k:
        return None
    if closed and nisba:
        return j
    if all(bare(t.norm) in known for t in tokens[k:j]):
        return j
    if j >= limit or is_stop(tokens[j]) or _conjunct(tokens, j, limit, known):
        return j
    return j if _ends_name(tokens, j, limit) and (j - k >= 2 or _prepositional(tokens[j])) else None  # not «بعودة» before «وزراء»


def _name_scan(tokens: tuple[Token, ...], k: int, limit: int, known: frozenset[str],
               expected: bool = False) -> tuple[int, bool]:
    """How far the words from tokens[k] may be a personal name: up to five names with the
    particles between them («عبد الله بن زايد آل نهيان»), to a nisba family name («الغزي») or
    a known name; and whether a nisba family name ends it."""
    lex = _lexicon()
    j, words = k, 0
    while j < limit and words < 5 and (not is_stop(tokens[j]) or j > k and tokens[j - 1].norm in lex.particles
                                       and tokens[j].kind == "word"):  # «بن علي»
        norm = tokens[j].norm
        if j > k and (_after_and(norm, known) is not None
                      or tokens[j - 1].norm not in lex.particles and _ends_name(tokens, j, limit)):
            break  # «فلان ونظيره …»: a second speaker; «فلان للصحفيين», «فلان وزير الخارجية»
        words += norm not in lex.particles
        if bare(norm) in known:
            j += 1
        elif is_definite(norm):
            if j > k and tokens[j - 1].norm in lex.particles:
                j += 1
            elif j > k and _adjective(norm):
                return j + 1, True
            elif j > k and bare(norm) != norm and (_before_post(tokens, j + 1, limit) or expected and is_stop(tokens[j + 1])):
                return j + 1, False  # a family name with the article: «خالد العطية وزير الخارجية»
            else:
                break
        else:
            j += 1
    return j, False


def _addressed(tokens: tuple[Token, ...], j: int, limit: int, adjunct: bool = False) -> bool:
    """True for a word behind ل (or «لـ» written apart) that names whom a speaker spoke to, right
    before the content («للصحفيين إن», «لـ«الصحيفة»:»); `adjunct`: or before a word that ends a
    subject («للصحفيين خلال …»; after a name only: «الاتحاد الدولي للسيارات في» is one name)."""
    if not (addressee(tokens[j]) or tokens[j].norm == "ل") or j + 1 >= limit:
        return False
    after = tokens[j + 1]
    return after.text in "،,:«\"“" or after.norm in _lexicon().complementizers or adjunct and after.kind == "word" and is_stop(after)


def _before_post(tokens: tuple[Token, ...], j: int, limit: int) -> bool:
    """True where a subject or a post in apposition may follow a name: the end, punctuation, a
    complementizer or a title or head («… العطية وزير الخارجية»)."""
    if j >= limit or tokens[j].kind != "word" or tokens[j].norm in _lexicon().complementizers:
        return True
    head = _head_end(tokens, j, limit)
    return head is not None and not head[1] or _title(tokens[j].norm)


def _post_after(tokens: tuple[Token, ...], k: int, limit: int, known: frozenset[str]) -> int | None:
    """The end of a post in apposition after a name, at tokens[k] or after a comma («فلان مدير
    عام الهيئة، أن», «فلان، وزير المالية، إن»), when the content follows it; else None."""
    at = k + 1 if k < limit and tokens[k].text in "،," else k
    if at >= limit or not _before_post(tokens, at, limit) or tokens[at].kind != "word" \
            or tokens[at].norm in _lexicon().complementizers:
        return None
    post = subject_span(tokens, at, limit, known)
    if post is None or post.name is not None:
        return None
    end = post.end + 1 if post.end < limit and tokens[post.end].text in "،," else post.end
    return post.end if end >= limit or _opens_content(tokens, end, limit) else None


def _ends_name(tokens: tuple[Token, ...], j: int, limit: int) -> bool:
    """True where a name that goes up to tokens[j] ends: before a prepositional phrase
    («بالجهود») or whom the speaker told («للصحفيين»), or a post in apposition, indefinite as it governs a genitive («وزير
    الخارجية»; «عزم التحالف» is no name before «التحالف»)."""
    if j >= limit or tokens[j].kind != "word":
        return True
    if _prepositional(tokens[j]):  # «فلان بالجهود» (أشاد ب…); behind ل only whom he told
        return tokens[j].norm[:1] != "ل" or _addressed(tokens, j, limit, adjunct=True)
    head = None if is_definite(tokens[j].norm) else _head_end(tokens, j, limit)
    return head is not None and not head[1]


def addressee(token: Token) -> bool:
    """A word behind ل after a name: whom the speaker spoke to («فلان للصحفيين»، «لنظيره»)."""
    return token.norm[:1] == "ل" and _prepositional(token)


def subject_span(tokens: tuple[Token, ...], i: int, limit: int, known: frozenset[str],
                 clitic: bool = False, generic: bool = False, listed: frozenset[str] = frozenset(),
                 content: frozenset[str] = frozenset()) -> Subject | None:
    """The overt subject that starts at tokens[i] and ends before tokens[limit], if there is one.

    `clitic`: the subject may carry ب/ل/ك (after «وفقًا لـ»); `generic`: a noun phrase outside
    the lexicon counts when reported speech follows it (`listed`: the dictionary's words), or
    one of the words `content` that open the content of its verb («نصت المادة على»)."""
    lex = _lexicon()
    if i >= limit:
        return None
    if tokens[i].norm in lex.pronouns:
        return Subject(i, i + 1, None, True)
    if not clitic and (_prepositional(tokens[i]) or pronoun_phrase(tokens[i])):
        return None
    j = i
    while j < limit and tokens[j].norm in lex.honorifics:
        j += 1
    head = _head_end(tokens, j, limit) if j < limit else None
    if head is None and j < limit and (_title(tokens[j].norm) or _abbreviated(tokens, j, limit)):
        head = (j + 1, False)  # a personal title opens the subject: «اللواء الدكتور الغزي», «م. فلان»
    if head is None:
        run = _name_run(tokens, j, limit, known) if j < limit else None
        opens = run is not None and (bare(tokens[j].norm) in known or run < limit and tokens[run].norm in lex.complementizers)
        if opens and run is not None:
            return Subject(i, run, j)
        named = run if run is not None else _name_scan(tokens, j, limit, known)[0] if _given(tokens, j, limit, known) else j
        if named > j and (post := _post_after(tokens, named, limit, known)) is not None:
            return Subject(i, post, j, name_end=named)  # «فلان مدير عام الهيئة، أن», «فلان الحربي المتحدث باسم الهيئة إن»
        return generic_subject(tokens, i, limit, listed, content) if generic and j == i else None
    k, person = head
    article = morphology().article
    name = j if person else None
    while k < limit and k - i < lex.max_words:
        token = tokens[k]
        if name is not None and (_conjunct(tokens, k, limit, known)
                                 or addressee(token) and bare(tokens[k - 1].norm) in known):
            break  # «الوزير فلان ونظيره …»: a second speaker; «فلان لنظيره»: whom he spoke to
        if token.kind == "punct":
            if token.text == "." and _abbreviated(tokens, k - 1, limit):
                k += 1  # «د. فلان»
                continue
            if (after := _quoted_name(tokens, k, limit)) is not None:
                k = after  # «صحيفة «بوليتيكو» الأميركية»
                continue
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
            named = _named_after(tokens, k, limit) if name is None and token.norm in lex.title_preps else None
            if named:
                name, k = named
            break
        head = _head_end(tokens, k, limit)
        if head and token.norm.startswith(article) and org_head(token.norm) \
                and tokens[k - 1].norm.startswith(article) and not _title(tokens[k - 1].norm):
            break  # «ودعا البيان الحكومة التركية إلى»: a word with the article has no genitive; the object
        if head:
            if head[1] and name is None and not _genitive(tokens[k - 1]):
                name = k
            k = head[0]
            continue
        if (bare(token.norm) in lex.titles or _abbreviated(tokens, k, limit)) and name is None or _emphatic(token):
            k += 1
            continue
        previous = tokens[k - 1]
        if name is None and previous.kind == "word" and _title(previous.norm) and is_definite(token.norm) \
                and not _adjective(token.norm) and (k + 1 >= limit or tokens[k + 1].kind == "punct"
                                                    or tokens[k + 1].norm in lex.complementizers):
            name, k = k, k + 1  # a family name after a title, before the content: «المهندس الحمادة:» (63 of
            break  # 63 such before إن، أن، «:» or «،» in the 3,000 corpus articles); «عزا المهندس التأخير إلى»: an object
        if token.norm in lex.connectors or (token.norm[:1] == "ل" and len(token.norm) > 3 and name is None):
            k += 1
        elif previous.kind == "word" and not is_definite(previous.norm) and name is None \
                and previous.norm not in lex.abbreviations:  # «أ.د سالم …» is no genitive
            k += 1  # a genitive after an indefinite noun: وزراء خارجية دول …
        elif _adjective(token.norm):
            if name is None and bare(previous.norm) in lex.titles and (k + 1 >= limit or is_stop(tokens[k + 1])):
                name = k  # a family name after a title: الدكتور الغزي
            k += 1
        elif token.norm.startswith("وال") and name is None:
            k += 1  # a coordinated noun inside a body's name: «للإغاثة والأعمال الإنسانية»
        else:
            expected = name is None and k - 1 > j and is_definite(previous.norm) and _holds_posts(tokens, j)  # not «الخبير ارتفاع الطلب»
            run = _name_run(tokens, k, limit, known, expected=expected)
            if run is None and name is None and (expected or _title(previous.norm)):
                run = _name_run(tokens, k, limit, known, closed=True)  # «… الشيخ سالم الدوسري فرار …»
            if run is not None and name is None and k >= i + 2 and tokens[k - 2].norm[:1] == "ل" \
                    and tokens[k - 2].kind == "word" and run < limit and not is_stop(tokens[run]):
                k = run  # «لمركز الملك سلمان للإغاثة»: a name inside a body's name, not the speaker's
                continue
            if run is not None and name is None:
                name, k = k, run
            elif name is None and _holds_posts(tokens, j) and (
                    chain := _post_to_name(tokens, k, limit, known, lex.max_words - (k - i))):
                name, k = chain  # «المفتي العام للقدس … الشيخ محمد حسين»: a post, then the name
            break
    return Subject(i, k, name)


def _post_to_name(tokens: tuple[Token, ...], k: int, limit: int, known: frozenset[str],
                  budget: int) -> tuple[int, int] | None:
    """(name start, end) where the words from tokens[k] go on a post in apposition to the name
    of the person who holds it («العام لمركز الملك عبدالله … الدكتور عبدالله بن صالح الوشمي»,
    «الليبي إبراهيم عميش إن»): definite words, titles, words behind ل/ب or و (a name that is
    the genitive of one of them skipped: «لمركز الملك عبدالله …», «لمطار عدن الدولي»), then a
    name after a personal title, or after a definite word or a place that is of two words or
    more before the content (the end, punctuation, a complementizer or a preposition that
    opens it) or closed by a nisba family name; None if there is none."""
    m = k
    while m < min(limit, k + budget):
        token = tokens[m]
        if token.kind != "word" or is_stop(token):
            return None
        previous = tokens[m - 1]
        if _title(previous.norm) and is_definite(previous.norm) and not is_definite(token.norm):
            run = _name_run(tokens, m, limit, known, expected=True) or _name_run(tokens, m, limit, known, closed=True)
            return (m, run) if run is not None else None  # «… الدكتور عبدالله بن صالح الوشمي»; «أمير منطقة» is a post
        head = _head_end(tokens, m, limit)
        if head and not head[1]:
            m = head[0]
            continue
        if is_definite(token.norm) or _behind_preposition_letter(token.norm) or _title(token.norm) \
                or without_conjunction(token.norm)[0]:
            m += 1
            continue
        run = _name_run(tokens, m, limit, known, expected=True)
        closes = previous.kind == "word" and (is_definite(previous.norm) and previous.norm[:2] != "لل"
                                              or _place(tokens, m - 1))
        if closes:
            if run is not None and run - m >= 2 and _opens_content(tokens, run, limit):
                return m, run
            if (closed := _name_run(tokens, m, limit, known, closed=True)) is not None:
                return m, closed  # «… الموالية ناصر الشعيبي مقتل أربعة»
        m = max(m + 1, _name_scan(tokens, m, limit, known)[0])  # a name inside the post
    return None


def _place(tokens: tuple[Token, ...], k: int) -> bool:
    """True for a place the gazetteer knows, behind a clitic too («بدمشق»)."""
    found = match_at(tokens, k, gazetteer())
    return found is not None and found.end == k + 1 and found.entry.type == "LOC"


def _holds_posts(tokens: tuple[Token, ...], k: int) -> bool:
    """True when the subject's head at tokens[k] is one person's post or title («المتحدث»,
    «الوزيرة», «الشيخ»): not a body (`bodies`, a head in ة whose form without it is no head:
    «الوزارة»), one the gazetteer knows («البنك الدولي»), a plural or a dual («الجانبان»)."""
    lex = _lexicon()
    key = bare(tokens[k].norm)
    if key in lex.plurals or key in lex.feminine_plurals or key in lex.bodies or _singular(key) != key:
        return False
    if _title(key):
        return True
    return key in lex.heads and (not key.endswith("ه") or key[:-1] in lex.heads)


def _behind_preposition_letter(norm: str) -> bool:
    """A word behind ل or ب that a post goes on with («لمركز», «بدمشق»)."""
    return norm[:1] in "لب" and len(norm) > 3


def _opens_content(tokens: tuple[Token, ...], k: int, limit: int) -> bool:
    """True where reported content may start right after a subject: the end, punctuation, a
    complementizer or a preposition a cue's content opens with (على، إلى، عن)."""
    lex = _lexicon()
    return k >= limit or tokens[k].kind == "punct" or tokens[k].norm in lex.complementizers \
        or tokens[k].norm in lex.content_preps


def _conjunct(tokens: tuple[Token, ...], k: int, limit: int,
              known: frozenset[str]) -> tuple[tuple[Token, ...], Subject] | None:
    """A second speaker joined by the «و» of tokens[k] («ونظيره …»، «والملك …»، «ووزير …»: a title,
    honorific, head, body or known name; after a dual title, «الوزيران فلان وفهد الأحمد», any
    name of two words or more) that ends where content may start: the tokens with that «و»
    taken off, and its subject; else None."""
    token = tokens[k]
    rest = _after_and(token.norm, known) if token.kind == "word" else None
    if rest is None:
        return None
    stripped = tokens[:k] + (token._replace(norm=rest),) + tokens[k + 1:]
    joined = None
    if _opens_speaker(stripped, k, limit, known):
        joined = subject_span(stripped, k, limit, known)
    elif not is_definite(rest) and _after_dual(tokens, k) and (run := _name_run(stripped, k, limit, known)) \
            and run - k >= 2:
        joined = Subject(k, run, k)
    if joined is None or joined.pronoun:
        return None
    if not (_before_content(tokens, joined.end, limit) or _conjunct(tokens, joined.end, limit, known)):
        return None
    return stripped, joined


def _after_and(norm: str, known: frozenset[str]) -> str | None:
    """A word without its conjunction «و» (ونظيره → نظيره), None when it has none: «وزير»,
    «وكالة» and known names keep their own و."""
    lex = _lexicon()
    conjunction, rest = without_conjunction(norm)
    whole = bare(norm)
    if conjunction != "و" or whole in lex.heads or whole in lex.titles or whole in known:
        return None
    return rest


def _opens_speaker(tokens: tuple[Token, ...], k: int, limit: int, known: frozenset[str]) -> bool:
    """True when tokens[k] is an honorific, a title, a head or body, or a known name."""
    norm = tokens[k].norm
    return norm in _lexicon().honorifics or _title(norm) or bare(norm) in known or _head_end(tokens, k, limit) is not None


def _after_dual(tokens: tuple[Token, ...], k: int) -> bool:
    """True when a dual title opens the phrase that tokens[k] continues («الوزيران فلان و…»)."""
    lex = _lexicon()
    for j in range(k - 1, max(-1, k - lex.max_words), -1):
        if is_stop(tokens[j]):
            return False
        key = bare(tokens[j].norm)
        if _singular(key) != key:
            return True
    return False


def _before_content(tokens: tuple[Token, ...], k: int, limit: int) -> bool:
    """True where a subject may end before its content: the end, punctuation, a word that ends a
    subject other than a relative («التي»: the phrase goes on, an object more likely than a
    speaker), or ب + a definite noun («رحب فلان وفلان بالاتفاق»)."""
    if k >= limit or tokens[k].kind == "punct":
        return True
    norm = tokens[k].norm
    return is_stop(tokens[k]) and norm not in _relatives() or norm[:1] == "ب" and is_definite(norm)


@cache
def _relatives() -> frozenset[str]:
    return frozenset(normalize(w) for w in cues().relatives)


def coordinated(text: str, tokens: tuple[Token, ...], subject: Subject, limit: int,
                known: frozenset[str]) -> tuple[tuple[Mention, ...], int]:
    """The speakers joined by «و» to a subject of the lexicon (a title, head or known name) that
    names a person («وزير الخارجية فلان ونظيره الأمريكي فلان», «الرئيسان فلان والملك فلان»), each
    a subject of its own, in order, and the token index where the last ends. A subject that names
    no one runs on over «و» («وزارة العمل والتنمية»: one name)."""
    found: list[Mention] = []
    k = subject.end
    if subject.name is None or subject.generic:
        return (), k  # a phrase outside the lexicon may have run into the object: «أشاد فلان بمواقف الرئيس والتحالف»
    while k < limit and (conjunct := _conjunct(tokens, k, limit, known)):
        stripped, joined = conjunct
        found.append(mention(text, stripped, joined, skip_letters(tokens[k].text, 1)))
        k = joined.end
    return tuple(found), k


def _genitive(token: Token) -> bool:
    """True after a noun that governs what follows («لمركز الملك سلمان»: the name is the
    centre's, not the speaker's)."""
    lex = _lexicon()
    return token.kind == "word" and bare(token.norm) not in lex.titles and token.norm not in lex.honorifics and (
        token.norm[:1] == "ل" and len(token.norm) > 3 or not is_definite(token.norm))


def _named_after(tokens: tuple[Token, ...], k: int, limit: int) -> tuple[int, int] | None:
    """(name start, end) when a prepositional phrase inside a title is followed by the name of
    the titled person: «الممثل الخاص … في العراق جورجي بوستن ، …»."""
    m = k + 1
    while m < min(limit, k + 4) and tokens[m].kind == "word" and is_definite(tokens[m].norm):
        m += 1
    if m == k + 1:
        return None
    end = m
    while end < limit and end - m < 4 and tokens[end].kind == "word" and not is_stop(tokens[end]) \
            and not is_definite(tokens[end].norm):
        end += 1
    closed = end >= limit or tokens[end].text in "،," or is_stop(tokens[end])
    return (m, end) if end - m >= 2 and closed else None


def generic_subject(tokens: tuple[Token, ...], i: int, limit: int, listed: frozenset[str],
                    content: frozenset[str] = frozenset()) -> Subject | None:
    """A subject outside the lexicon («عائلة بيانكي», «الاتحاد الدولي للسيارات», «علي الأحمدي»):
    a short noun phrase after the verb that the reported speech follows, directly or after an
    adjunct («في بيان», «لوكالة …», a comma), or that one of the words `content` follows directly
    («نصت المادة الخامسة على»). `listed`: the words the spelling dictionary lists."""
    lex = _lexicon()
    if i >= limit or tokens[i].kind != "word" or is_stop(tokens[i]) or _prepositional(tokens[i]) \
            or pronoun_phrase(tokens[i]):
        return None
    first = tokens[i].norm
    if _behind_preposition(tokens[i].text, listed) or tokens[i].text.endswith(("ًا", "اً")):
        return None  # «بلهجة …», an accusative object «وقفًا»
    end = i
    while end < limit and end - i < 6 and tokens[end].kind == "word" and not is_stop(tokens[end]) \
            and not (end > i and tokens[end].norm[:1] in "بك" and is_definite(tokens[end].norm)) \
            and not (end > i and _addressed(tokens, end, limit)):
        end += 1
    if not (is_definite(first) or end - i >= 2):
        return None
    if end < limit and not (tokens[end].norm in lex.complementizers or tokens[end].text in "«\"“:"
                            or is_stop(tokens[end]) or tokens[end].text in "-–" or _prepositional(tokens[end])):
        return None
    for m in range(end, min(limit, end + 12)):
        quote = tokens[m].text in "«\"“:" and (m > end or is_definite(first))  # «أعلن انعقاد جلسة «…»» is an object
        if tokens[m].norm in lex.complementizers or quote or m == end and tokens[m].norm in content:
            return Subject(i, end, None if is_definite(first) else i, generic=True)
    return None


def _behind_preposition(word: str, listed: frozenset[str]) -> bool:
    """«بلهجة»: ب/ك + a listed word, where the whole is not listed itself (unlike «بطل»)."""
    key = fold(word, LOOKUP)
    return key[:1] in "بك" and key not in listed and key[1:] in listed


def _prepositional(token: Token) -> bool:
    """A word behind ب/ل/ك («لوكالة», «بالوزير»): never a subject."""
    morph = morphology()
    norm = token.norm[1:] if token.norm[:1] in "".join(morph.conjunctions) and len(token.norm) > 4 else token.norm
    definite = norm[1:3] == morph.article and len(norm) - 1 >= len(morph.article) + 2  # «وكالة» is no و + ك + اله
    return norm[:1] in "".join(morph.prepositions) and (definite or norm[:2] == "لل" or _head_end((token._replace(norm=norm[1:]),), 0, 1) is not None)


def mention(text: str, tokens: tuple[Token, ...], subject: Subject, cut: int = 0) -> Mention:
    """The speaker words of a subject span, with what grouping and English names need."""
    start = tokens[subject.first].start + cut
    words = tokens[subject.first:subject.end]
    spoken = text[start:tokens[subject.end - 1].end]
    if subject.pronoun:
        return Mention(spoken, (), (), None, None, True, "f" if tokens[subject.first].norm.endswith("ها") else "m")
    split = subject.end if subject.name is None else subject.name
    title = tuple(bare(t.norm) for t in tokens[subject.first:split] if t.kind == "word" and not _emphatic(t))
    name = tuple(bare(t.norm) for t in tokens[split:subject.end] if t.kind == "word")
    en, canonical, role = None, None, None
    if subject.name is not None:
        role = _role(text, tokens, subject, start)
        offset = subject.name - subject.first
        found = match_at(words, offset, gazetteer())
        if found and found.entry.type == "PER":
            en, canonical = found.entry.en, found.entry.canonical
        else:
            canonical = text[tokens[subject.name].start + (cut if subject.name == subject.first else 0):
                             tokens[(subject.name_end or subject.end) - 1].end]
        if subject.name_end is not None:  # the post after the name
            name = tuple(bare(t.norm) for t in tokens[split:subject.name_end] if t.kind == "word")
            role = text[tokens[subject.name_end].start:tokens[subject.end - 1].end].strip(" ،,") or None
    else:
        found = match_at(words, 0, speaker_names())
        if found and found.end == len(words):
            en = found.entry.en
    return Mention(spoken, title, name, en, canonical, gender=_gender(title or name), role=role)


def _role(text: str, tokens: tuple[Token, ...], subject: Subject, start: int) -> str | None:
    """The title or post written before the name of a subject («رئيس الحكومة» in «رئيس الحكومة
    مارينو راخوي»), None when the name opens the subject."""
    if subject.name is None or subject.name == subject.first:
        return None
    return text[start:tokens[subject.name - 1].end].strip(" ،,") or None


def _gender(words: tuple[str, ...]) -> str | None:
    """Gender and number of a speaker from its first word (bare, normalised)."""
    lex = _lexicon()
    head = next((w for w in words if w not in lex.honorifics), None)
    if head is None:
        return None
    if head in lex.plurals or head.endswith(("ون", "ين")) and len(head) > 4:
        return "p"
    if head in lex.feminine_plurals or head.endswith(("ه", "ات")):
        return "f"
    return "m"


@dataclass
class _Entry:
    canonical: str
    en: str | None
    title: tuple[str, ...]
    names: set[str]
    text: str
    claim: str  # the latest claim that named this speaker
    gender: str | None
    issuer: str | None = None  # for a document (البيان): the canonical name of who issued it
    role: str | None = None  # the title or post the text gives the person


def _find(entries: list[_Entry], m: Mention, words: tuple[str, ...]) -> _Entry | None:
    """The earlier speaker a mention names again: by name, by title, or through a title the text
    puts next to a name (`words`: the bare words of the whole text)."""
    if m.name:
        return _by_name(entries, m) or _by_title(entries, m.title, named=False)
    return _by_title(entries, m.title, named=True) or _apposed(entries, m.title, words)


def _by_name(entries: list[_Entry], m: Mention) -> _Entry | None:
    """A person named before: the same family name (also written alone, «قال العمري»), or a
    short name all of whose words the new name holds («عادل» → «عادل الجبير»)."""
    return next((e for e in reversed(entries)
                 if m.name[-1] in e.names | _name_words(e) or e.names and e.names <= set(m.name)), None)


def _by_title(entries: list[_Entry], title: tuple[str, ...], named: bool) -> _Entry | None:
    """The nearest earlier speaker with the same title. `named`: a title alone may name a person
    named before (the shared start of the titles is all of it or two words); a named mention
    takes over only a title alone that is exactly its own («وزير الخارجية» … «وزير الخارجية فلان»)."""
    if not title:
        return None
    for e in reversed(entries):
        if not named:
            if not e.names and e.title == title:
                return e
            continue
        common = next((n for n, (a, b) in enumerate(zip(title, e.title)) if a != b), min(len(title), len(e.title)))
        if common == len(title) or common >= 2:
            return e
    return None


def _apposed(entries: list[_Entry], title: tuple[str, ...], words: tuple[str, ...]) -> _Entry | None:
    """A named person whose name the text writes right next to this title, before or after it,
    a comma between them or not («إبراهيم المفلح، مدير عام المصلحة» → «وأوضح مدير عام المصلحة»
    is المفلح)."""
    if len(title) < 2:
        return None
    names = [(e, {bare(normalize(e.canonical.split()[-1]))} & _name_words(e)) for e in reversed(entries)
             if len(e.canonical.split()) <= 3]  # a clean name, by its family name
    for at in compress(count(), map(title[0].__eq__, words)):  # where the title may start, at C speed
        if words[at:at + len(title)] != title:
            continue
        end = at + len(title)
        near = {words[at - 1] if at and words[at - 1] not in "،," else words[at - 2] if at > 1 else "",
                words[end] if end < len(words) and words[end] not in "،," else words[end + 1] if end + 1 < len(words) else ""}
        found = next((e for e, name in names if name & near), None)
        if found:
            found.names.update(found.names or found.title)  # a lone word next to a title is a name
            return found
    return None


def _name_words(entry: _Entry) -> set[str]:
    """The words that tell a speaker apart by name: of its name, or the one word it is when that
    word is no title («قال المفلح»)."""
    lex = _lexicon()
    if entry.names:
        return _distinctive(entry.names)
    alone = len(entry.title) == 1 and entry.title[0] not in lex.titles and entry.title[0] not in lex.heads
    return set(entry.title) if alone else set()


def _distinctive(names: set[str]) -> set[str]:
    """The words of a name that tell a person apart (no بن/آل/عبد, no two-letter word)."""
    return {n for n in names if n not in _lexicon().particles and len(n) > 2}


@dataclass(frozen=True)
class _Spoken:
    """An overt speaker of a claim: its person or body, and those coordinated with it."""

    entries: tuple[_Entry, ...]
    text: str  # the speaker's words in that claim
    claim: str
    sentence: int
    nested: bool  # its claim is reported inside another one: an antecedent in its sentence only


def _agreeing(spoken: list[_Spoken], agree: str | None, sentence: int) -> _Spoken | None:
    """The nearest earlier speaker whose gender and number fit the cue (أكدت → feminine, أكدا →
    two coordinated speakers or a plural), else the last one; a speaker reported inside another
    claim only in its own sentence («وأوضح الوزير أن المجلس أعرب …، وجدد …. وبيّن …»: جدد is the
    council's, بيّن the minister's)."""
    spoken = [s for s in spoken if not s.nested or s.sentence == sentence]
    def fits(entries: tuple[_Entry, ...]) -> bool:
        if agree in (None, "1"):  # «أكدنا»: whoever speaks
            return True
        return agree == "p" if len(entries) > 1 else entries[0].gender in (None, agree)
    return next((s for s in reversed(spoken) if fits(s.entries)), spoken[-1] if spoken else None)


def _issuer(m: Mention, mentioned: dict[str, str]) -> str | None:
    """Who issued a document speaker: the speaker of the claim whose sentence named the document
    («وشدد الوزراء في بيانهم» → «وأكد البيان» speaks for الوزراء)."""
    lex = _lexicon()
    document = next((w for w in m.title if w in lex.documents), None) if m.title else None
    return mentioned.get(document) if document else None


def stage(doc: Doc) -> None:
    """speakers: every claim with its speaker, named in English by the user's glossary first."""
    words = tuple(map(bare, norms(chain.from_iterable(doc.tokens))))
    doc.claims = with_speakers(resolve(doc.attributions, words), doc.source.glossary)


@dataclass(frozen=True)
class _Said:
    """A claim and who says it, before the speakers' names are final."""

    claim: Claim
    entry: _Entry
    text: str  # the speaker's words in this claim (its own, or its antecedent's)
    explicit: bool
    from_claim: str | None = None
    role: str | None = None  # the title this claim's words give, when they name no one
    co: tuple[_Entry, ...] = ()  # the speakers coordinated with `entry`


def resolve(found: Sequence[Attribution], words: tuple[str, ...] = ()) -> tuple[Claim, ...]:
    """Claims with their speakers: explicit ones grouped by person or body, implicit ones
    resolved to the nearest earlier speaker that fits; each named person under their fullest
    name (`words`: the bare words of the whole text, for titles written next to a name)."""
    entries: list[_Entry] = []
    spoken: list[_Spoken] = []
    mentioned: dict[str, str] = {}  # document word → canonical name of the speaker who issued it
    said: list[_Said | Claim] = []
    for attribution in found:
        claim, m, quoted = attribution.claim, attribution.mention, attribution.quoted
        if m is None and quoted is not None:
            said.append(replace(claim, speaker=Speaker(quoted.text, quoted.canonical or quoted.text, False, None, quoted.en)))
        elif m is None or m.pronoun:
            source = _agreeing(spoken, attribution.agree, claim.sentence)
            said.append(_Said(claim, source.entries[0], m.text if m else source.text, m is not None, source.claim,
                              co=source.entries[1:]) if source else replace(claim, speaker=None))
        else:
            group = tuple(_named(entries, each, claim.id, mentioned, words) for each in (m, *m.co))
            for word in attribution.documents:
                mentioned.setdefault(word, group[0].canonical)
            spoken.append(_Spoken(group, m.text, claim.id, claim.sentence, attribution.nested))
            said.append(_Said(claim, group[0], m.text, True, None, None if m.name else m.text, group[1:]))
    return tuple(_speaker(s) if isinstance(s, _Said) else s for s in said)


def _named(entries: list[_Entry], m: Mention, claim: str, mentioned: dict[str, str],
           words: tuple[str, ...]) -> _Entry:
    """The entry of an overt speaker: an earlier one it names again (taking a fuller name or a
    first name for a title alone), else a new one."""
    entry = _find(entries, m, words)
    if entry is None:
        entry = _Entry(m.canonical or m.text, m.en, m.title, set(m.name), m.text, claim, m.gender,
                       _issuer(m, mentioned), m.role)
        entries.append(entry)
        return entry
    if m.name and (not entry.names or _fuller(m, entry)):
        entry.canonical = m.canonical or entry.canonical
    if m.name and not entry.names:
        entry.title = entry.title or m.title
        entry.role = entry.role or m.role or entry.text
    entry.names.update(m.name)
    entry.en = m.en or entry.en if m.name else entry.en or m.en
    entry.role = entry.role or m.role
    entry.text, entry.claim = m.text, claim
    return entry


def _fuller(m: Mention, entry: _Entry) -> bool:
    """True when a mention gives the fuller name of a person named before: the gazetteer's
    («عادل» → «عادل الجبير»), or given names before the same family name («عباس» → «محمود عباس»)."""
    known = entry.canonical.split()
    return len(m.name) > len(known) and (m.en is not None or m.canonical is not None
                                         and m.canonical.split()[-len(known):] == known)


def _speaker(said: _Said) -> Claim:
    """The claim with its speaker (and those coordinated with it) under the final name of each
    person or body."""
    entry = said.entry
    role = (said.role or entry.role) if entry.names else None
    co = tuple(_speaker_of(e.text, e, said, e.role if e.names else None) for e in said.co)
    return replace(said.claim, speaker=_speaker_of(said.text, entry, said, role, co))


def _speaker_of(text: str, entry: _Entry, said: _Said, role: str | None, co: tuple[Speaker, ...] = ()) -> Speaker:
    """The speaker of an entry, in English by the lexicon's name, else, for a named person, by
    the romanised name («نهرو عبد الله» → Nahro Abdullah)."""
    romanised = entry.en is None and bool(entry.names)
    en = romanized(entry.canonical) if romanised else entry.en
    return Speaker(text, entry.canonical, said.explicit, said.from_claim, en, entry.issuer, role, co, romanised)


def with_speakers(claims: tuple[Claim, ...], glossary: Glossary | None) -> tuple[Claim, ...]:
    """Speakers, and each speaker coordinated with them, get their English name: the glossary's
    (over the lexicon's), else the one the lexicon found, else the gazetteer's for the whole name
    («وزارة الخارجية», an organisation), else a named person's romanised one."""
    def named(speaker: Speaker) -> Speaker:
        co = tuple(map(named, speaker.co_speakers))
        listed = (glossary_english(speaker.canonical, glossary) or (None if speaker.romanized else speaker.en)
                  or gazetteer_english(speaker.canonical))
        if listed:
            return replace(speaker, en=listed, romanized=False, co_speakers=co)
        return replace(speaker, co_speakers=co)
    return tuple(replace(claim, speaker=named(claim.speaker)) if claim.speaker else claim for claim in claims)
