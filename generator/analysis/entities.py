"""Named entities from the gazetteer and the user's glossary: organisations, places, people,
documents, events; and those no list knows, by construction: places and countries from CLDR's
territory names (Babel), organisations from a head noun and its genitive chain («وزارة الشؤون
الإسلامية»), people from a title and a name chain («الأمير محمد بن سلمان»). The longest span
wins; where two spans are as long, the gazetteer's.

Entities of the glossary (content/glossary.yml) are found in the text like the gazetteer's
(diacritics, hamza forms and attached clitics ignored), and their English name wins over the
gazetteer's.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from babel import Locale

from ..arabic import (Token, clitic_forms, digits_value, indexes_of, is_definite, normalize, norms, number_word,
                      skip_letters, stems, tokenize)
from ..lexicon.cues import cues
from ..lexicon.gazetteer import Name, Numbered
from ..lexicon.gazetteer import gazetteer as gazetteer_yml
from ..lexicon.morphology import morphology
from ..lexicon.names import names
from ..model import Claim, Entity, Glossary, GlossaryEntry
from .conjugation import PAST, PRESENT, conjugated
from .spelling import dictionary, is_lexicon_word, is_noun, is_word

if TYPE_CHECKING:
    from arabic_name_romanizer import Transliterator

    from .doc import Doc


@dataclass(frozen=True)
class Entry:
    canonical: str
    en: str
    type: str
    romanized: bool = False  # en is the romaniser's spelling


@dataclass(frozen=True)
class Mention:
    first: int  # token indexes, end exclusive
    end: int
    start: int  # character offsets into the text (an attached clitic left out)
    stop: int
    entry: Entry


Index = dict[str, tuple[tuple[tuple[str, ...], Entry], ...]]
_DIGIT = re.compile("[0-9\u0660-\u0669]")
_LONGEST_NAME = 6  # words of a name chain after its given name, at most («بن نايف بن عبد العزيز آل سعود»)
_CONSTRUCT_NOUNS = 2  # indefinite nouns in construct after an organisation's head, at most
_TOWN_WORDS = 3  # words of a town's name the dictionary does not know, at most
_QUOTES = {"«": "»", '"': '"', "“": "”"}  # quotation marks, opening → closing
_COUNTRY = "SA"  # the romaniser's regional preference (ISO 3166)
_PAST_ENDINGS = ("", "ت", "ا", "تا", "وا")  # a past verb's agreement: هو، هي، هما، هما مؤ، هم


def _index(groups: Sequence[Name]) -> Index:
    index: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for group in groups:
        entry = Entry(group.ar[0], group.en, group.type)
        for variant in group.ar:
            words = tuple(t.norm for t in tokenize(variant))
            index.setdefault(words[0], []).append((words, entry))
    return {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in index.items()}


@cache
def gazetteer() -> Index:
    """Entity variants by their first normalised word, longest first."""
    return _index(gazetteer_yml().entities)


@cache
def speaker_names() -> Index:
    """Speaker phrases that are not entities (البيان، الوزراء) with their English names."""
    return _index(gazetteer_yml().speakers)


@cache
def _name_key(name: str) -> tuple[str, ...]:
    """A whole name as its normalised words (punctuation left out), as names are compared."""
    return tuple(t.norm for t in tokenize(name) if t.kind != "punct")


def glossary_english(name: str, glossary: Glossary | None) -> str | None:
    """The English the glossary (entities and terms) gives a whole name, else None."""
    key = _name_key(name)
    for entry in (*glossary.entities, *glossary.terms) if glossary else ():
        if any(_name_key(variant) == key for variant in entry.ar):
            return entry.en
    return None


@cache
def _gazetteer_english() -> dict[tuple[str, ...], str]:
    data = gazetteer_yml()
    return {_name_key(v): group.en for group in (*data.speakers, *data.entities) for v in group.ar}


def gazetteer_english(name: str) -> str | None:
    """The English the gazetteer (entities, then speaker phrases) gives a whole name, else None."""
    return _gazetteer_english().get(_name_key(name))


def english_name(name: str, glossary: Glossary | None) -> str | None:
    """The English of a whole name (a speaker, a source): the glossary's, then the gazetteer's;
    None when neither knows it. Diacritics and hamza forms are ignored."""
    return glossary_english(name, glossary) or gazetteer_english(name)


def match_at(tokens: tuple[Token, ...], i: int, index: Index) -> Mention | None:
    """The longest variant of the index that starts at tokens[i] (behind a clitic, too)."""
    for stem, cut in stems(tokens[i].norm):
        for words, entry in index.get(stem, ()):
            end = i + len(words)
            # the second word first: it rules out most variants before a tuple is built
            if end == i + 1 or (end <= len(tokens) and tokens[i + 1].norm == words[1]
                                and tuple(norms(tokens[i + 2:end])) == words[2:]):
                return Mention(i, end, _after_clitics(tokens[i], stem, cut), tokens[end - 1].end, entry)
    return None


def _after_clitics(token: Token, stem: str, cut: int) -> int:
    """Offset of a word's stem after `cut` clitic letters; a stem rewritten from them (للأمم →
    الأمم) keeps the letter it was made from, so no letter of the name is lost («للأمم»)."""
    kept = cut - (token.norm[cut:] != stem)
    return token.start + skip_letters(token.text, kept)


def _behind_clitics(firsts: Collection[str]) -> frozenset[str]:
    """Every word that is one of `firsts`, bare or behind a clitic."""
    return clitic_forms(firsts, lambda norm: any(stem in firsts for stem, _ in stems(norm)))


@cache
def _starts() -> frozenset[str]:
    """Every word that can begin a gazetteer entry."""
    return _behind_clitics(gazetteer())


def mentions(tokens: tuple[Token, ...], index: Index | None = None,
             firsts: frozenset[str] | None = None) -> list[Mention]:
    """Non-overlapping longest matches, left to right (`firsts`: the words the index's names can
    begin with, clitics included; without it, every word of another index is tried)."""
    if index is None:
        index, firsts = gazetteer(), _starts()
    starts = indexes_of(tokens, firsts) if firsts is not None else range(len(tokens))
    found: list[Mention] = []
    after = 0  # the end of the last mention found
    for i in [i for i in starts if tokens[i].kind != "punct"]:
        mention = match_at(tokens, i, index) if i >= after else None
        if mention:
            found.append(mention)
            after = mention.end
    return found


@cache
def _numbered() -> tuple[tuple[tuple[str, ...], Numbered], ...]:
    data = gazetteer_yml()
    return tuple(sorted(((tuple(t.norm for t in tokenize(v)), group)
                         for group in data.numbered for v in group.ar), key=lambda x: -len(x[0])))


@cache
def _numbered_firsts() -> frozenset[str]:
    return frozenset(words[0] for words, _ in _numbered())


@cache
def _number_starts() -> frozenset[str]:
    """Every word that can begin a name that carries a number."""
    return _behind_clitics(_numbered_firsts())


def numbered_mentions(tokens: tuple[Token, ...]) -> list[Mention]:
    """Names that carry a number: «قرار مجلس الأمن رقم (2254)»."""
    number_word = normalize(gazetteer_yml().number_word)
    found = []
    for i in indexes_of(tokens, _number_starts()):
        for words, group in _numbered():
            end = i + len(words)
            if end > len(tokens) or all(s != words[0] for s, _ in stems(tokens[i].norm)):
                continue
            if any(tokens[i + k].norm != w for k, w in enumerate(words[1:], 1)):
                continue
            j = end + (end < len(tokens) and tokens[end].norm == number_word)
            j += j < len(tokens) and tokens[j].text == "("
            if j < len(tokens) and tokens[j].kind == "num":
                n = digits_value(tokens[j].text)
                last = j + (j + 1 < len(tokens) and tokens[j + 1].text == ")")
                entry = Entry(group.canonical.format(n=n), group.en.format(n=n), group.type)
                found.append(Mention(i, last + 1, tokens[i].start, tokens[last].end, entry))
                break
    return found


@cache
def territories() -> Index:
    """CLDR's territory names in Arabic (Babel), as places with their English CLDR names; a
    parenthesised qualifier («ميانمار (بورما)») is left out."""
    skipped = set(names().territories_skipped)
    arabic, english = Locale("ar").territories, Locale("en").territories
    return _index([Name((_unqualified(arabic[code]),), _unqualified(english[code]), "LOC")
                   for code in arabic if code in english and code not in skipped])


def _unqualified(name: str) -> str:
    """A name without its parenthesised qualifier."""
    return re.sub(r"\s*\(.*?\)", "", name).strip()


@cache
def known() -> Index:
    """The gazetteer with CLDR's territories; where both know a name, the gazetteer's entry."""
    merged = {first: list(variants) for first, variants in gazetteer().items()}
    listed = {words for variants in merged.values() for words, _ in variants}
    for first, variants in territories().items():
        merged.setdefault(first, []).extend(v for v in variants if v[0] not in listed)
    return {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in merged.items()}


@cache
def _known_starts() -> frozenset[str]:
    """Every word that can begin a known name."""
    return _behind_clitics(known())


def known_mentions(tokens: tuple[Token, ...]) -> list[Mention]:
    """Every match of a known name (gazetteer or territory), the longest at each start."""
    found = (_known_at(tokens, i) for i in indexes_of(tokens, _known_starts()))
    return [m for m in found if m]


def _known_at(tokens: tuple[Token, ...], i: int) -> Mention | None:
    """The longest known name at tokens[i]."""
    return match_at(tokens, i, known()) if tokens[i].kind != "punct" else None


@cache
def _words(*fields: str) -> frozenset[str]:
    """Normalised forms of the words of names.yml's lists `fields`."""
    lexicon = names()
    return frozenset(normalize(w) for field in fields for w in getattr(lexicon, field))


@cache
def _head(norm: str) -> tuple[int, bool] | None:
    """(clitic letters, definite) when the word is an organisation's head, bare, behind clitics
    or with the article («لوزارة», «والاتحاد», «للهيئة»)."""
    heads, with_article, article = _words("org_heads"), _words("org_heads", "article_heads"), "ال"
    for stem, cut in stems(norm):
        if stem in heads:  # ل + اللجنة is written للجنة too: keep both lams
            return cut - (cut > 0 and stem[0] == norm[cut - 1] == "ل"), False
        if stem.startswith(article) and stem[len(article):] in with_article:
            return cut - (norm[cut:] != stem), True
    return None


@cache
def _behind_article(norm: str) -> tuple[str, ...]:
    """The nouns a word can be behind its clitics and the article («وللحكومة» → حكومة)."""
    article = morphology().article
    return tuple(stem[len(article):] for stem, _ in stems(norm) if stem.startswith(article))


@cache
def _common_head(norm: str) -> bool:
    """A head of a name only with the article, and then only with the nisba of a place among
    its adjectives («النظام الإيراني»; not «النظام الأساسي للحكم», «النظام الدولي»)."""
    return not _words("article_heads").isdisjoint(_behind_article(norm))


@cache
def _adjective(norm: str) -> bool:
    """A definite adjective that may qualify a name: a nisba («الأوروبي») or a listed one."""
    return norm.startswith("ال") and (norm in _words("adjectives") or (len(norm) > 4 and _nisba_ending(norm)))


@cache
def _nisba_ending(norm: str) -> bool:
    """Whether a word ends as a nisba adjective does («الأوروبي», «فرنسية»), not as a noun whose
    ي follows a long ا («حماية», «الرعاية»)."""
    return any(norm.endswith(e) and not norm[:-len(e)].endswith("ا") for e in names().nisba_endings)


def _ends_name(token: Token) -> bool:
    """A token no name runs through: punctuation, a number, or a word that ends a name."""
    return token.kind != "word" or token.norm in _words("stops")


def _agrees(head: str, adjective: str) -> bool:
    """Whether a nisba adjective agrees in gender with the head noun it follows: «الهيئة
    الملكية», «المجلس الوطني», a feminine plural as a feminine («السلطات المصرية»); not «النادي
    الرئيسية» (the adjective of another noun)."""
    if adjective in _words("adjectives"):
        return True
    return head.endswith(("ه", "ات")) == adjective.endswith("يه")


def _joined(norm: str, last: str) -> bool:
    """A word with و or ل and the article that carries a name on: after a noun, و with a noun
    («الأوقاف والشؤون»); after an adjective, و with an adjective («السياسية والأمنية») or ل with
    a noun («العامة للسياحة»)."""
    if norm.startswith("وال"):
        return last == "definite" or _adjective(norm[1:])
    return last == "adjective" and norm.startswith("لل")


def _chain_end(tokens: tuple[Token, ...], k: int, definite: bool, construct: int = 0, quoted: bool = False) -> int:
    """End of the genitive chain and adjectives after an organisation's head at k - 1: a word
    with the article after one without (the genitive, with the name of a person after a title:
    «جامعة الملك سعود»), after at most `construct` indefinite nouns in construct («وكالة أنباء
    الإمارات») or a name in quotation marks when `quoted` («صحيفة «التلغراف» اللندنية»), an
    adjective after a word with it (those right after a head that has it agreeing
    with it: not «الحكومة المحلية الأهالي»), and words joined to the chain by و or ل (`_joined`)."""
    first, end, last, titles = k, k, "definite" if definite else "", _words("titles", "posts")
    if quoted and not definite and k < len(tokens) and (close := _closing_quote(tokens, k)):
        end = k = close + 1  # «صحيفة «واشنطن بوست»», «وكالة "رويترز"»
        last = "definite"
    while k < len(tokens) and k - first < 10 and not _ends_name(tokens[k]):
        norm = tokens[k].norm
        if not last and (place := _place_at(tokens, k)):  # «جامعة كولومبيا», «محافظة ديالى»
            last, k = "definite", place.end
        elif not last and k - first < construct and _construct_noun(tokens[k]) and not _person_named_at(tokens, k):
            k += 1  # the chain goes on, and ends only at a definite word (not «حكومة حيدر العبادي»)
            continue
        elif k > first and not last and (_head(norm) and not _common_head(norm) or norm in _words("titles")):
            break  # «مجلس إدارة الشركة», «جامعة طيبة الدكتور …»: the name of another body or a person
        elif not last and _foreign(tokens[k]):  # «جامعة هارفارد», «شركة مورجان ستانلي»
            last = "definite"
            while k < len(tokens) and _foreign(tokens[k]):
                k += 1
        elif norm.startswith("ال") and not last:
            last = "definite"
            k = _name_end(tokens, k + 1) if norm in titles else k + 1
        elif last and _adjective(norm) and (not definite or (k > first and last == "definite")
                                            or _agrees(tokens[first - 1].norm, norm)):
            last = "adjective"
            k += 1
        elif last == "adjective" and _purpose(tokens, k):
            last, k = "definite", k + 2  # «… الدولي لخدمة اللغة»: a noun in construct behind ل
        elif _joined(norm, last) and not _not_a_name(norm):
            last = "adjective" if last == "adjective" and norm.startswith("و") else "definite"
            k += 1
        else:
            break
        end = k
    return end


def _person_named_at(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether a person's name (given and family name) begins at tokens[k]."""
    return tokens[k].norm in _name_starts() and _name_at(tokens, k) is not None


def _closing_quote(tokens: tuple[Token, ...], k: int) -> int | None:
    """The index of the mark that closes a name of one to three words in quotation marks opened
    at tokens[k] (730 after a bare organisation head in the 3,000 corpus articles, of 50 sampled
    all a name: «شركة «مايكروسوفت»», «صحيفة «نيويورك تايمز»»)."""
    close = _QUOTES.get(tokens[k].text)
    if close is None:
        return None
    return next((m for m in range(k + 2, min(len(tokens), k + 5)) if tokens[m].text == close), None)


def _purpose(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether ل + a noun in construct with a definite word begins at k: the purpose an
    institution's name states after its adjectives («المركز الوطني لمكافحة الإرهاب»; not another
    organisation: «… الأفغانية لوكالة الصحافة»)."""
    token = tokens[k]
    if not token.norm.startswith("ل") or token.norm.startswith("لل") or k + 1 == len(tokens) or _head(token.norm):
        return False
    genitive = tokens[k + 1]
    return (is_noun(token.text[1:]) and genitive.kind == "word" and genitive.norm.startswith("ال")
            and not _ends_name(genitive))


def _construct_noun(token: Token) -> bool:
    """An indefinite noun in construct between an organisation's bare head and the definite
    word that ends its name («وكالة أنباء الإمارات», «هيئة سوق المال»): one of the dictionary's
    nouns as written (not «وشعب», «تواكب», «يقودها»), with no nisba ending (not «لجنة وزارية»),
    no organisation's head; words that end a name («شركة في») end the chain before."""
    norm = token.norm
    return (token.kind == "word" and not is_definite(norm) and not _nisba_ending(norm) and not _head(norm)
            and is_noun(token.text))


def _foreign(token: Token) -> bool:
    """A word of a foreign name written in Arabic letters: no article (also behind a clitic: not
    «للطعون»), no nisba ending (not «فرنسية»), no word of the dictionary and none that cannot be
    part of a name. The 3,000 corpus articles have 348 such words without the article after a
    bare organisation head (163 different pairs); of the 70 most frequent pairs (250 of them),
    all but «لجنة للطعون» and «وكالة شئون» are the organisation's own name («جامعة هارفارد»,
    «وكالة رويترز», «حزب سيريزا», «بنك باركليز»)."""
    return _unknown_word(token) and not _nisba_ending(token.norm)


def _place_at(tokens: tuple[Token, ...], k: int) -> Mention | None:
    """The known place (gazetteer or CLDR) named at tokens[k]."""
    known_name = _known_at(tokens, k)
    return known_name if known_name and known_name.entry.type == "LOC" else None


def _phrase(tokens: tuple[Token, ...], first: int, end: int, start: int) -> str:
    """The words of tokens[first:end] as written, from offset `start` of the first, a space where
    the text has one («صحيفة «التلغراف»»)."""
    words = [tokens[first].text[start - tokens[first].start:]]
    for previous, token in zip(tokens[first:end], tokens[first + 1:end]):
        words.append((" " if token.start > previous.end else "") + token.text)
    return "".join(words)


def _found(tokens: tuple[Token, ...], first: int, end: int, start: int, kind: str) -> Mention:
    """A mention of a name no list knows: its words are its canonical name, with no English (a
    person's is its romanisation, given once the entity is kept: `find_entities`)."""
    return Mention(first, end, start, tokens[end - 1].end, Entry(_phrase(tokens, first, end, start), "", kind))


@cache
def _romanizer() -> Transliterator:
    # The spellings attested in Wikidata that the package ships, then its rules; not its neural
    # model: 16 ms a name (1 ms without), for 2 of the 51 gold names (23 against 21). Its index
    # keeps its answers (the same given names come back in name after name) and only the best
    # spelling of each word is combined: 0.3 ms a name, the same spellings on the gold names.
    from arabic_name_romanizer import Transliterator  # 0.1 s: only when a person needs a name

    romanizer = Transliterator(auto_load_model=False, max_per_unit=1, max_combinations=1)
    index = romanizer.index
    if index is not None:
        index.conn.close()
        index.conn = _read_only(index.path)
        romanizer.index = SimpleNamespace(lookup_full=cache(index.lookup_full), lookup_unit=cache(index.lookup_unit))
    return romanizer


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection to a database file that a package ships: immutable, so that no query locks
    the file and checks it for changes (a third of the time of a lookup)."""
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)


@cache
def romanized(name: str) -> str:
    """The English spelling of a personal name (arabic-name-romanizer), as the Gulf spells it:
    the statements are Saudi («عادل» → Adel, «العتيبي» → Al-Otaibi)."""
    return _romanizer().transliterate(name, country=_COUNTRY)


@cache
def _place_heads() -> dict[str, str]:
    """The normalised head nouns of places, with the English word that follows a place's name."""
    return {normalize(head): english for head, english in names().place_heads.items()}


@cache
def _place_head(norm: str) -> tuple[int, str] | None:
    """The clitic letters before a place's head noun without the article («بمحافظة») and the
    head's English word («Governorate»)."""
    heads = _place_heads()
    return next(((cut, heads[stem]) for stem, cut in stems(norm) if stem in heads), None)


@cache
def _place_starts() -> frozenset[str]:
    """Every word that can be a place's head noun."""
    return clitic_forms(_place_heads(), lambda norm: _place_head(norm) is not None)


def _headed_place_at(tokens: tuple[Token, ...], i: int) -> Mention | None:
    """A place named by a head noun and a known place («محافظة الأنبار»), a word with the
    article the dictionary does not know («محافظة الطارمية») or a person's title and name
    («مطار الملك خالد»), with the adjectives that agree
    with the head but the nisba of a place («مطار القاهرة الدولي»; not «العراقية» after
    «محافظة ديالى»). The English is the place's and the head's word, without adjectives."""
    head = _place_head(tokens[i].norm)
    if head is None or i + 1 == len(tokens):
        return None
    cut, word = head
    place = _place_at(tokens, i + 1)
    end = place.end if place else _chain_end(tokens, i + 1, False)
    named_after = tokens[i + 1].norm in _words("titles", "posts")  # «مطار الملك خالد»
    if end == i + 1 or (place is None and is_word(tokens[i + 1].text) and not named_after):
        return None  # not «مطار المدينة»
    named = end
    while end < len(tokens) and _adjective(tokens[end].norm) and _agrees(tokens[i].norm, tokens[end].norm) \
            and not _of_a_place(tokens, end, end + 1):  # «محافظة ديالى العراقية»: the country's
        end += 1
    found = _found(tokens, i, end, tokens[i].start + skip_letters(tokens[i].text, cut), "LOC")
    if place and place.entry.en and end == named:  # «Anbar Governorate»
        english = place.entry.en if place.entry.en.endswith(word) else f"{place.entry.en} {word}"
        found = replace(found, entry=replace(found.entry, en=english))
    return found


@cache
def _doc_starts() -> frozenset[str]:
    """Every word that can be a document's head noun, behind a clitic too («وقانون»)."""
    return _behind_clitics(_words("doc_heads"))


def _doc_at(tokens: tuple[Token, ...], i: int) -> Mention | None:
    """The law or treaty that a document's head noun and its genitive chain name («قانون
    مكافحة الإرهاب», «ميثاق الأمم المتحدة»)."""
    cut = next(cut for stem, cut in stems(tokens[i].norm) if stem in _words("doc_heads"))
    end = _chain_end(tokens, i + 1, False, _CONSTRUCT_NOUNS, quoted=True)
    return _found(tokens, i, end, tokens[i].start + skip_letters(tokens[i].text, cut), "DOC") if end > i + 1 else None


@cache
def _town_starts() -> frozenset[str]:
    """Every word that can be a noun whose genitive names a town, behind a clitic too («بمدينة»)."""
    return _behind_clitics(_words("town_heads"))


def _town_at(tokens: tuple[Token, ...], i: int) -> Mention | None:
    """The town or district that the words after a town noun name, when no list knows them and
    the dictionary's nouns and verbs do not («مدينة سوروتش», «ولاية تكساس»: its list of frequent
    words holds such names), without the noun."""
    k = i + 1
    while k < len(tokens) and k - i <= _TOWN_WORDS and _unknown_word(tokens[k], is_lexicon_word) \
            and not _place_at(tokens, k) \
            and (tokens[k].norm.endswith("ي") or not _nisba_ending(tokens[k].norm)):  # «زاركلي», not «يونانية»
        k += 1
    return _found(tokens, i + 1, k, tokens[i + 1].start, "LOC") if k > i + 1 else None


def _unknown_word(token: Token, known: Callable[[str], bool] = is_word) -> bool:
    """A word no dictionary knows (`known`), without the article, that can be part of a name
    («سوروتش»)."""
    norm = token.norm
    return (token.kind == "word" and len(norm) > 2 and not is_definite(norm) and not _not_a_name(norm)
            and not known(token.text))


@cache
def _org_starts() -> frozenset[str]:
    """Every word that can be an organisation's head."""
    return clitic_forms(_words("org_heads", "article_heads"), lambda norm: _head(norm) is not None)


def org_mentions(tokens: tuple[Token, ...]) -> list[Mention]:
    """Organisations named by a head noun and its genitive chain («وزارة الشؤون الإسلامية») or,
    with the article, by the adjectives that follow it («الاتحاد الأفريقي»)."""
    found = (_org_at(tokens, i) for i in indexes_of(tokens, _org_starts()))
    return [m for m in found if m]


def _named(adjective: str, modifiers: int) -> bool:
    """Whether a head with the article and its modifiers are a name: an adjective first
    («الوزارة الخارجية» is none), then a second modifier («المجلس الأعلى للتعليم») or the nisba
    of a place or a scope («الحكومة الكينية», «البنك الدولي»; «المجلس البلدي» describes)."""
    return _adjective(adjective) and (modifiers > 1 or _of_scope(adjective))


def _of_scope(adjective: str) -> bool:
    """The nisba of a place or a scope («الكينية», «الدولي»)."""
    return adjective in _words("scope_adjectives") or _of_a_place_nisba(adjective)


def _of_a_place_nisba(adjective: str) -> bool:
    """The nisba of a known place («الكينية»)."""
    return _adjective(adjective) and _nisba_stem(adjective) in _place_stems()


def _nisba_stem(adjective: str) -> str:
    """A nisba adjective without its article and ending: «الكينية» → «كين»."""
    body = adjective.removeprefix("ال")
    ending = max((e for e in names().nisba_endings if body.endswith(e)), key=len, default="")
    return body[:len(body) - len(ending)]


@cache
def _place_stems() -> frozenset[str]:
    """The stems a place's nisba is made of (`_nisba_places`)."""
    return frozenset(_nisba_places())


@cache
def _nisba_places() -> dict[str, str]:
    """One-word place names, known or CLDR's, without the article and the ending their nisba
    drops (كينيا → كين, اليمن → يمن), or their own nisba ending («السعودية» → سعود), of three
    letters or more, with the place's English name."""
    places = {words[0]: entry.en for variants in known().values() for words, entry in variants
              if entry.type == "LOC" and len(words) == 1}
    found: dict[str, str] = {}
    for place, english in places.items():
        body = place.removeprefix("ال")
        stems_ = {body, *(body[:-len(e)] for e in names().place_endings if body.endswith(e))}
        if is_definite(place) and _nisba_ending(place):  # a nisba as a name: not مالي, «المالية»
            stems_.add(_nisba_stem(place))
        for stem in stems_:
            if len(stem) >= 3:  # «جد» of جدة would make «الجدي» a nisba
                found.setdefault(stem, english)
    return found


def _demonym(adjective: str) -> str | None:
    """The English adjective of the place a nisba is of («التركية» → Turkish), if the lexicon has it."""
    place = _nisba_places().get(_nisba_stem(adjective)) if _adjective(adjective) else None
    return names().demonyms.get(place) if place else None


def _body_english(norm: str) -> str | None:
    """The English of a body's head with the article («الحكومة» → government), if the lexicon has it."""
    heads = _body_heads()
    return next((heads[noun] for noun in _behind_article(norm) if noun in heads), None)


@cache
def _body_heads() -> dict[str, str]:
    return {normalize(head): english for head, english in names().body_english.items()}


def _with_demonym(mention: Mention, demonym: str | None, english: str | None) -> Mention:
    """The mention with the English «<demonym> <english>» when both are known («Turkish government»)."""
    if not demonym or not english:
        return mention
    return replace(mention, entry=replace(mention.entry, en=f"{demonym} {english}"))


def _org_at(tokens: tuple[Token, ...], i: int) -> Mention | None:
    """The organisation whose head is tokens[i], if a genitive or an adjective follows it."""
    head = _head(tokens[i].norm)
    if head is None:
        return None
    cut, definite = head
    end = _chain_end(tokens, i + 1, definite, _CONSTRUCT_NOUNS, quoted=True)
    if end == i + 1 or (definite and not _named(tokens[i + 1].norm, end - i - 1)):
        return None
    if _common_head(tokens[i].norm) and not any(_of_a_place_nisba(t.norm) for t in tokens[i + 1:end]):
        return None  # «القوات الموالية للحكومة», «النظام الدولي» describe; «القوات الخاصة الليبية» names
    found = _found(tokens, i, end, tokens[i].start + skip_letters(tokens[i].text, cut), "ORG")
    if definite and end == i + 2:  # «الحكومة التركية»: Turkish government
        return _with_demonym(found, _demonym(tokens[i + 1].norm), _body_english(tokens[i].norm))
    return found


@cache
def _not_names() -> frozenset[str]:
    """Words that are no part of a personal name: those that end names, titles, posts,
    organisations' heads, and the reporting and event verbs of cues.yml with their agreement
    endings."""
    data = cues()
    tenses = ((PAST, data.agreement.past), (PRESENT, data.agreement.present))
    forms = [conjugated(verb.past, tense, person) for verb in data.verbs
             for tense, persons in tenses[:1 + verb.present] for person in persons]
    forms += [event + ending for event in data.events for ending in _PAST_ENDINGS]
    return _words("stops", "org_heads", "titles", "posts", "construct_posts") | frozenset(map(normalize, forms))


@cache
def _not_a_name(norm: str) -> bool:
    """A word that cannot be part of a personal name, bare or behind clitics («لشركة»), or a
    number word («خمسة»)."""
    others = _not_names()
    return any(stem in others for stem, _ in stems(norm)) or number_word(norm) is not None


def _family_name(norm: str) -> bool:
    """A definite word that can close a name chain: no feminine noun or adjective («الجلسة»,
    «الطبية» in «مدينة الملك عبدالعزيز الطبية»)."""
    return not norm.endswith("ه")


def _name_end(tokens: tuple[Token, ...], k: int) -> int:
    """End of the name chain that starts at k: given names (at most `max_bare_names` in a row,
    «عبد العزيز» one of them), then lineage («بن سلمان») and a family name, with آل («آل
    الشيخ») or the article («العمري»). k itself when no name starts there."""
    lexicon = names()
    lineage, compounds, family = _words("lineage"), _words("compounds"), _words("family")
    start, end, bare, joined = k, k, 0, ""
    while k < len(tokens) and not _ends_name(tokens[k]) and (joined or not _not_a_name(tokens[k].norm)):
        norm = tokens[k].norm
        if norm.startswith(("لل", "بال")) or (k > start and norm.startswith("و")):
            break  # a preposition with its noun, or the conjunction of the next phrase
        if norm in lineage or norm in compounds or norm in family:
            joined = "lineage" if norm in lineage else joined or ("family" if norm in family else "compound")
        elif joined == "family":
            return k + 1
        elif joined:
            bare = lexicon.max_bare_names if joined == "lineage" else bare + 1
            joined, end = "", k + 1
        elif is_definite(norm):
            return k + 1 if k > start and _family_name(norm) else end
        elif k > start and norm.endswith("ه") and norm not in _given_names() and is_noun(tokens[k].text) \
                and _name_goes_on(tokens, k + 1):
            break  # a father's name is a man's: «وأكد سليمان محاصرة الرمادي»; «حمزة», «عماد مغنية» are names
        elif bare < lexicon.max_bare_names and len(norm) > 1:  # «ب.» is an initial, no name
            bare, end = bare + 1, k + 1
        elif bare == lexicon.max_bare_names and _foreign(tokens[k]):
            return k + 1  # a foreign name's last word no dictionary knows: «أحمد داود أوغلو», «هوا تشون ينغ»
        else:
            break
        k += 1
    return end


def _name_goes_on(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether a word at k can go on a name chain."""
    return k < len(tokens) and not _ends_name(tokens[k]) and not _not_a_name(tokens[k].norm)


@cache
def _title_starts() -> frozenset[str]:
    """Every word that can be a personal title or a post, bare or in construct."""
    return _behind_clitics(_words("titles", "posts", "construct_posts"))


def _title(tokens: tuple[Token, ...], i: int) -> tuple[int, int] | None:
    """(where the name can start, the fewest words it needs) after the title or post at i: one
    word after a title, two after a post; a post in construct with the office it holds first
    («وزير الخارجية الإيطالي»). None: no title, a title inside a name («عبد الملك»), or a post in
    construct with no office after it."""
    if i and tokens[i - 1].norm in _words("compounds"):
        return None
    words = {stem for stem, _ in stems(tokens[i].norm)}
    if words & _words("titles"):
        return i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text == "."), 1  # د. محمد
    if words & _words("posts"):
        return i + 1, 2
    if words & _words("construct_posts"):
        office = _office_end(tokens, i + 1)
        return (office, 2) if office > i + 1 else None
    return None


def _office_end(tokens: tuple[Token, ...], k: int) -> int:
    """End of the office a post in construct holds, from k: «باسم» and an organisation or a
    known name («المتحدث الرسمي باسم وزارة الخارجية»), an organisation («رئيس مجلس الوزراء»),
    or a genitive chain with its adjectives («وزير الخارجية الإيطالي»); k when none."""
    start = k
    while k < len(tokens) and _adjective(tokens[k].norm):
        k += 1
    if k < len(tokens) and tokens[k].norm in _words("on_behalf"):
        k += 1
    else:
        k = start
        k += 1
    if k < len(tokens) and tokens[k].kind == "word":
        named = _org_at(tokens, k) or _known_at(tokens, k)
        if named:
            return _chain_end(tokens, named.end, True)
    return _chain_end(tokens, k, False)


def person_mentions(tokens: tuple[Token, ...]) -> list[Mention]:
    """People named after a title («الأمير محمد بن سلمان», «الرئيس الأمريكي باراك أوباما») or
    a post and its office («وزير الزراعة الأردني سامر …»): the name chain, without the title
    and the words between them."""
    found = (_person_at(tokens, i) for i in indexes_of(tokens, _title_starts()))
    return [m for m in found if m]


def _person_at(tokens: tuple[Token, ...], i: int) -> Mention | None:
    """The person named after the title or post at tokens[i], if a name follows it."""
    after = _title(tokens, i)
    if after is None:
        return None
    k, fewest = after
    while k < len(tokens) and (_adjective(tokens[k].norm) or tokens[k].norm in _words("ranks")):
        k += 1
    end = _name_end(tokens, k)
    if end - k < fewest or (fewest > 1 and not _plausible_name(tokens[k:end])):
        return None
    return _found(tokens, k, end, tokens[k].start, "PER")


def _plausible_name(words: Sequence[Token]) -> bool:
    """Whether words after a post begin a name rather than the rest of the sentence: a given name
    attested in Wikidata (`_given_names`), or a word that neither carries a clitic before a name
    with the article («لمكافحة التدخين»: a preposition and its noun) or the conjunction («وهو
    يبتسم») nor ends as a feminine noun or a verb with ت («مبادرة طيبة», «تضمنت الكلمة»)."""
    first = words[0].norm
    if first in _given_names():
        return True
    if first[0] in names().conjunction_letters or first.endswith(tuple(names().not_name_endings)):
        return False
    return not (first[0] in names().preposition_letters and any(is_definite(w.norm) for w in words[1:]))


@cache
def _given_names() -> frozenset[str]:
    """Given names attested at least `min_given_count` times in the Wikidata names that
    arabic-name-romanizer ships, normalised."""
    return _attested("given", names().min_given_count)


@cache
def _family_names(least: int) -> frozenset[str]:
    """Family names (surnames) attested at least `least` times in the Wikidata names that
    arabic-name-romanizer ships."""
    return _attested("surname", least)


def _attested(role: str, least: int) -> frozenset[str]:
    """Name units of the romaniser's index of one role ("given", "surname"), attested at least
    `least` times."""
    return frozenset(normalize(key) for key, count in _unit_counts(role) if count >= least)


@cache
def _unit_counts(role: str) -> tuple[tuple[str, int], ...]:
    """(name unit, times attested) of the romaniser's index, for one role: one pass over the
    index serves every threshold."""
    from arabic_name_romanizer.api import default_resources_dir

    with closing(_read_only(default_resources_dir() / "names.sqlite3")) as db:
        return tuple(db.execute("SELECT arabic_key, SUM(count) FROM units WHERE role = ? GROUP BY arabic_key",
                                (role,)).fetchall())


@cache
def _untitled_given_names() -> frozenset[str]:
    """Given names attested often enough to begin a name with no title before it."""
    return _attested("given", names().min_untitled_given_count)


@cache
def _name_starts() -> frozenset[str]:
    """Every given name that can begin a name with no title, bare or behind the conjunction و."""
    return frozenset(c + name for name in _untitled_given_names() for c in ("", *names().conjunction_letters[:1]))


def name_mentions(tokens: tuple[Token, ...]) -> list[Mention]:
    """People named without a title by an attested given name and an attested family name,
    with the lineage between them («عادل الجبير», «فهد بن سلطان العتيبي»)."""
    found = (_name_at(tokens, i) for i in indexes_of(tokens, _name_starts()))
    return [m for m in found if m]


def _name_at(tokens: tuple[Token, ...], i: int) -> Mention | None:
    """The name that an attested given name at tokens[i] begins, if an attested family name ends
    it: with the article, attested once; without it, twice («سلام دائم» is no name)."""
    if i and (tokens[i - 1].norm in _words("compounds") or tokens[i - 1].norm in _words("lineage")):
        return None  # inside a longer name
    family_names = _family_names(1)
    if family_names.isdisjoint(norms(tokens[i + 1:i + 1 + _LONGEST_NAME])):
        return None  # no family name near: most given names that are words too («سعيد») stop here
    norm = tokens[i].norm
    cut = int(norm not in _untitled_given_names())  # the conjunction
    end = _name_end(tokens, i)
    family = tokens[end - 1].norm
    if end - i < 2 or family not in _family_names(1 if is_definite(family) else 2):
        return None
    start = tokens[i].start + skip_letters(tokens[i].text, cut)
    return _found(tokens, i, end, start, "PER")


def _longest(tokens: tuple[Token, ...], known: list[Mention], found: list[Mention]) -> list[Mention]:
    """Mentions that do not overlap, the longest first; of two as long, the known one. A name
    found by construction that starts with a known one is that one with modifiers («الحكومة
    اليمنية الشرعية»): the known name stands for it; unless the nisba of a place follows it,
    which names another («وزارة الخارجية التركية»)."""
    at = {m.first: m for m in known}
    ranked = sorted([(m, 0) for m in known] + [(_of_the_place(tokens, at[m.first], m) if m.first in at else m, 1)
                                               for m in found if m.first not in at
                                               or _of_a_place(tokens, at[m.first].end, m.end)],
                    key=lambda item: (item[0].first - item[0].end, item[1], item[0].first))
    taken: list[Mention] = []
    used: set[int] = set()
    for mention, _ in ranked:
        if used.isdisjoint(range(mention.first, mention.end)):
            taken.append(mention)
            used.update(range(mention.first, mention.end))
    return sorted(taken, key=lambda m: m.first)


def _of_the_place(tokens: tuple[Token, ...], known_name: Mention, found: Mention) -> Mention:
    """A known name with the nisba of a place after it, in English when that is all it adds
    («وزارة الخارجية التركية» → Turkish Ministry of Foreign Affairs)."""
    if found.end != known_name.end + 1:
        return found
    return _with_demonym(found, _demonym(tokens[known_name.end].norm), known_name.entry.en)


def _of_a_place(tokens: tuple[Token, ...], k: int, end: int) -> bool:
    """Whether tokens[k], before `end`, is the nisba of a place («التركية»)."""
    return k < end and _of_a_place_nisba(tokens[k].norm)


@cache
def _any_starts() -> frozenset[str]:
    """Every word that can begin a known name, an organisation, a document, a place's or a town's
    head, a person's title or a given name."""
    return (_known_starts() | _org_starts() | _doc_starts() | _place_starts() | _town_starts() | _title_starts()
            | _name_starts())


def all_mentions(tokens: tuple[Token, ...]) -> list[Mention]:
    """The names of a sentence, known or found by construction, longest span first."""
    known_names, built, after = [], [], 0  # after: the end of the last known name
    kinds = ((_org_starts(), _org_at), (_doc_starts(), _doc_at), (_place_starts(), _headed_place_at),
             (_town_starts(), _town_at), (_title_starts(), _person_at), (_name_starts(), _name_at))
    known_starts = _known_starts()
    for i in indexes_of(tokens, _any_starts()):  # one pass over the sentence for every kind
        norm = tokens[i].norm
        if i >= after and norm in known_starts:  # a known name inside a longer one never wins
            known_names.append(_known_at(tokens, i))
            after = known_names[-1].end if known_names[-1] else after
        for starts, find in kinds:
            if norm in starts:
                built.append(find(tokens, i))
    return _longest(tokens, [m for m in known_names if m], [m for m in built if m])

def stage(doc: Doc) -> None:
    """entities: the gazetteer's, CLDR's territories, organisations and people found by
    construction, and the user's glossary's, one per canonical name."""
    doc.entities = with_entities(doc, find_entities(doc), doc.source.glossary)


def find_entities(doc: Doc) -> tuple[Entity, ...]:
    """Entities of the statement, one per canonical name, with the sentences that mention it.

    Entities of the dateline (before the statement proper) count too, with no sentence. The
    words looked up on the way («محافظة الطارمية», «وكالة رويترز») are the dictionary's that the
    project keeps (spelling.dictionary), loaded first."""
    dictionary(doc.settings.cache_dir)
    text = doc.text
    seen: dict[str, tuple[str, Entry, list[int]]] = {}
    spans = [(0, 0, doc.frame.start, doc.dateline)] if doc.frame.start > 0 else []
    spans += [(s.n, s.start, s.end, tokens) for s, tokens in zip(doc.sentences, doc.tokens)]
    found = [(n, tokens, all_mentions(tokens) + (numbered_mentions(tokens) if _DIGIT.search(text, start, end) else []))
             for n, start, end, tokens in spans]  # a numbered name holds digits
    again = _index(_places_found(m for _, _, ms in found for m in ms) + _people_speaking(doc.claims))
    firsts = _behind_clitics(again)
    for n, tokens, sentence_mentions in found:
        for mention in sentence_mentions + (_again(tokens, again, firsts, sentence_mentions) if again else []):
            surface = text[mention.start:mention.stop]
            key = mention.entry.canonical
            if key not in seen:
                entry = mention.entry
                if entry.type == "PER" and not entry.en:
                    entry = replace(entry, en=romanized(entry.canonical), romanized=True)
                seen[key] = (surface, entry, [])
            if n and n not in seen[key][2]:
                seen[key][2].append(n)
    return tuple(Entity(surface, e.canonical, e.en, e.type, tuple(ns), romanized=e.romanized)
                 for surface, e, ns in seen.values())


def _places_found(found: Iterable[Mention]) -> list[Name]:
    """The places of a statement found by their construction («مدينة سوروتش»)."""
    return [Name((m.entry.canonical,), m.entry.en, "LOC") for m in found
            if m.entry.type == "LOC" and m.entry not in _known_entries()]


def _people_speaking(claims: Sequence[Claim]) -> list[Name]:
    """The speakers of a statement whose words are a person's name: an attested given name,
    then one to three words of a name (`_in_a_name`: «وقال محمود المعراوي إن»)."""
    people = []
    for speaker in {c.speaker.canonical for c in claims if c.speaker and c.speaker.explicit}:
        words = [t for t in tokenize(speaker) if t.kind == "word"]
        if 2 <= len(words) <= 4 and _opens_a_name(words[0]) and all(map(_in_a_name, words[1:])):
            people.append(Name((speaker,), "", "PER"))
    return people


def _opens_a_name(word: Token) -> bool:
    """Whether a word can open a person's name without a title: a given name attested as one
    without it («محمود», «أبو»), آل («آل مغرم»), or an attested given name that is no noun of the
    dictionary («ميشال»; not «بيان» of «بيان صادر»). Not بن: the end of a longer name."""
    norm = word.norm
    return (norm in _untitled_given_names() or norm in _words("family")
            or norm in _given_names() and not is_definite(norm) and not is_noun(word.text))


def _in_a_name(word: Token) -> bool:
    """Whether a word after a given name can be part of the name: a particle («بن»), an attested
    family name, or a word no dictionary knows («المعراوي»; not «قائلا», «للصحفيين»)."""
    norm = word.norm
    return (norm in _words("lineage", "family") or norm in _family_names(1)
            or not _not_a_name(norm) and not is_word(word.text))


@cache
def _known_entries() -> frozenset[Entry]:
    """The entries of the gazetteer and CLDR's territories."""
    return frozenset(entry for variants in known().values() for _, entry in variants)


def _again(tokens: tuple[Token, ...], names: Index, firsts: frozenset[str], found: list[Mention]) -> list[Mention]:
    """The names found elsewhere in the statement (`names`, whose words begin with `firsts`),
    named again in a sentence where they overlap none of its names («سوروتش» alone after «مدينة
    سوروتش»)."""
    return [m for m in mentions(tokens, names, firsts) if all(m.end <= f.first or m.first >= f.end for f in found)]


def glossary_index(entries: Sequence[GlossaryEntry]) -> Index:
    """Glossary entries by the first normalised word of each Arabic variant, longest first."""
    found: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for item in entries:
        entry = Entry(item.ar[0], item.en, item.type or "OTHER")
        for variant in item.ar:
            words = tuple(t.norm for t in tokenize(variant) if t.kind != "punct")
            if words:
                found.setdefault(words[0], []).append((words, entry))
    return {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in found.items()}


def with_entities(doc: Doc, entities: tuple[Entity, ...], glossary: Glossary | None) -> tuple[Entity, ...]:
    """The entities with the glossary's: its English names replace the gazetteer's for the same
    canonical name, and its other names are added where the text mentions them."""
    if not glossary or not glossary.entities:
        return entities
    text = doc.text
    own = glossary_index(glossary.entities)
    english = {normalize(v): g.en for g in glossary.entities for v in g.ar}
    merged = {e.canonical: replace(e, en=english[normalize(e.canonical)], romanized=False)
              if normalize(e.canonical) in english else e for e in entities}
    for sentence, tokens in zip(doc.sentences, doc.tokens):
        for mention in mentions(tokens, own):
            entry = mention.entry
            known = merged.get(entry.canonical)
            if known is None:
                merged[entry.canonical] = Entity(text[mention.start:mention.stop], entry.canonical, entry.en,
                                                 entry.type, (sentence.n,))
            elif sentence.n not in known.sentences:
                merged[entry.canonical] = replace(known, en=entry.en, sentences=(*known.sentences, sentence.n))
    return tuple(merged.values())
