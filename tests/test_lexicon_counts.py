"""lexicon/counts.yml: each counted noun in every plural form of Arabic (CLDR: zero, one, two,
few, many, other) and English, chosen by Babel's plural rules; every noun a template counts and
every unit of a figure is there."""
import re
from pathlib import Path

import pytest

import generator
from generator.lexicon import LexiconError, parse
from generator.lexicon.counts import NUMBER, Counts, categories, category, counts, phrase
from generator.lexicon.figures import figures

TEMPLATES = Path(generator.__file__).parent / "templates"
NUMBERS = (0, 1, 2, 3, 11, 100)
# The category CLDR gives each number: Arabic has a form for each, English only one and other.
ARABIC = {0: "zero", 1: "one", 2: "two", 3: "few", 11: "many", 100: "other"}
ENGLISH = {0: "other", 1: "one", 2: "other", 3: "other", 11: "other", 100: "other"}
# Nouns written the same whatever the number (a percentage; «يورو» has no dual in use).
INVARIABLE = {"percent": {"zero", "one", "two"}, "EUR": {"two"}}
NOUNS = sorted(counts().nouns)


def test_babel_gives_each_test_number_its_category():
    assert {n: category(n, "ar") for n in NUMBERS} == ARABIC
    assert {n: category(n, "en") for n in NUMBERS} == ENGLISH
    assert categories("ar") == set(ARABIC.values()) and categories("en") == {"one", "other"}
    assert [category(n, "ar") for n in (103, 111, 1000, 2.5)] == ["few", "many", "other", "other"]


@pytest.mark.parametrize("noun", NOUNS)
def test_arabic_forms_agree_with_the_number(noun):
    """0: «لا …» or the singular; 1: the singular with واحد; 2: the dual (…ان); 3: a plural
    after the number; 11: the accusative singular (…ًا, or a feminine …ة); 100: the singular."""
    forms = {n: phrase(n, noun, "ar") for n in NUMBERS}
    invariable = INVARIABLE.get(noun, set())
    singular = forms[100].replace(NUMBER, "").strip()
    assert forms[100] == f"{NUMBER} {singular}"
    assert forms[0].startswith("لا ") or forms[0] == forms[100]
    if "one" not in invariable:
        assert NUMBER not in forms[1] and forms[1].split()[-1] in {"واحد", "واحدة"}
        assert forms[1].split()[0] == singular.split()[0]
    if "two" not in invariable:
        assert NUMBER not in forms[2] and forms[2].endswith("ان")
    assert forms[3].startswith(f"{NUMBER} ") and (forms[3] != forms[100] or noun in INVARIABLE)
    assert forms[11].startswith(f"{NUMBER} ") and re.search(r"(ًا|ة|و)$", forms[11])


@pytest.mark.parametrize("noun", NOUNS)
def test_english_forms_agree_with_the_number(noun):
    forms = {n: phrase(n, noun, "en") for n in NUMBERS}
    assert all(NUMBER in form for form in forms.values())
    assert len({forms[n] for n in (0, 2, 3, 11, 100)}) == 1  # the plural, from 0 on
    assert forms[1] != forms[2] or noun in {"percent", "km", "SAR", "USD", "EUR"}


@pytest.mark.parametrize(("noun", "arabic", "english"), [
    ("statement", ["لا بيانات", "بيان واحد", "بيانان", "{n} بيانات", "{n} بيانًا", "{n} بيان"],
     ["{n} statements", "{n} statement", "{n} statements", "{n} statements", "{n} statements", "{n} statements"]),
    ("note", ["لا ملاحظات", "ملاحظة واحدة", "ملاحظتان", "{n} ملاحظات", "{n} ملاحظة", "{n} ملاحظة"],
     ["{n} notes", "{n} note", "{n} notes", "{n} notes", "{n} notes", "{n} notes"]),
    ("speaker", ["لا قائلين", "قائل واحد", "قائلان", "{n} قائلين", "{n} قائلًا", "{n} قائل"],
     ["{n} speakers", "{n} speaker", "{n} speakers", "{n} speakers", "{n} speakers", "{n} speakers"]),
    ("year", ["{n} سنة", "سنة واحدة", "سنتان", "{n} سنوات", "{n} سنة", "{n} سنة"],
     ["{n} years", "{n} year", "{n} years", "{n} years", "{n} years", "{n} years"]),
])
def test_phrases_of_common_nouns(noun, arabic, english):
    assert [phrase(n, noun, "ar") for n in NUMBERS] == arabic
    assert [phrase(n, noun, "en") for n in NUMBERS] == english


def test_every_noun_a_template_counts_is_there():
    counted = {m for file in TEMPLATES.rglob("*.md.j2")
               for m in re.findall(r'count\("([^"]+)"\)', file.read_text(encoding="utf-8"))}
    assert counted >= {"statement", "claim", "note", "speaker", "entity", "pillar"}
    assert counted <= set(NOUNS)


def test_every_unit_that_counts_is_there():
    assert {*figures().units, "pillar"} <= set(NOUNS)


def test_unknown_noun_is_named():
    with pytest.raises(KeyError, match="no counted noun 'parsec'"):
        phrase(3, "parsec", "ar")


@pytest.mark.parametrize(("text", "message"), [
    ("nouns: {x: {ar: {one: a, other: b}, en: {one: a, other: b}}}", "nouns.x.ar: needs exactly the plural categories"),
    ("nouns: {x: {ar: {zero: a, one: a, two: a, few: a, many: a, other: a}}}", "nouns.x: needs exactly the languages"),
    ("nouns: {x: {ar: {zero: a, one: a, two: a, few: a, many: a, other: '{n} {n}'}, en: {one: a, other: b}}}",
     "nouns.x.ar.other: a phrase"),
])
def test_malformed_forms_are_errors_naming_the_noun(monkeypatch, text, message):
    import generator.lexicon.counts as module
    monkeypatch.setattr(module, "read", lambda name, schema: parse("counts.yml", text, schema))
    module.counts.cache_clear()
    try:
        with pytest.raises(LexiconError, match=re.escape(message)):
            module.counts()
    finally:
        module.counts.cache_clear()


def test_the_file_parses_as_its_schema():
    assert isinstance(counts(), Counts) and len(NOUNS) >= 20
