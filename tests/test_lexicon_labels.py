"""lexicon/labels.yml: one vocabulary for Python and the templates, checked against the analysis
lexicon so that a new act, unit or month there cannot go unlabelled here."""
from pathlib import Path

import pytest
import yaml
from pyarabic.araby import strip_tashkeel

import generator.lexicon
from generator.lexicon.cues import cues
from generator.lexicon.dates import dates
from generator.lexicon.figures import figures
from generator.lexicon.labels import KINDS, vocabulary
from generator.read.sources import ENTITY_TYPES
from generator.site.indexes import ACTS, Indexes, month_name
from generator.site.render import make_env

BUILTIN_LEXICON = Path(generator.lexicon.__file__).parent


def test_acts_are_the_acts_of_the_cues_in_their_order():
    lexicon = cues()
    in_order = dict.fromkeys(v.act for v in lexicon.verbs)
    assert vocabulary("act").codes == tuple(in_order)
    assert {c.act for c in lexicon.participles + lexicon.attributions} <= set(in_order)


def test_units_are_the_units_the_analysis_gives():
    lexicon = figures()
    analysed = {*lexicon.units, lexicon.resolution.unit, "pillar"}  # pillar: analysis/figures.py
    assert set(vocabulary("unit").codes) == analysed


def test_months_are_the_first_names_of_dates_yml():
    gregorian = dates().gregorian
    assert vocabulary("month").codes == tuple(str(n) for n in range(1, 13))
    assert tuple(vocabulary("month").names["ar"].values()) == tuple(gregorian[n][0] for n in range(1, 13))


def test_every_entity_type_of_the_gazetteer_is_labelled():
    gazetteer = yaml.safe_load((BUILTIN_LEXICON / "gazetteer.yml").read_text(encoding="utf-8"))
    used = {entry["type"] for section in gazetteer.values() if isinstance(section, list)
            for entry in section if isinstance(entry, dict) and "type" in entry}
    assert used and used <= set(vocabulary("entity_type").codes) == set(ENTITY_TYPES)


def test_every_vocabulary_has_both_languages():
    for kind in KINDS:
        names = vocabulary(kind).names
        assert list(names["ar"]) == list(names["en"]) and all(names["ar"].values())


@pytest.mark.parametrize(("language", "month", "act", "kind"), [("ar", "أغسطس 2015", "إدانة", "هيئة"),
                                                                 ("en", "August 2015", "condemnation", "organisation")])
def test_indexes_read_their_names_from_labels_in_the_page_language(language, month, act, kind):
    assert ACTS == vocabulary("act").codes and month_name("2015-08", language) == month
    page = Indexes([], str, language)
    page._add("x.md", "t")
    assert (page.pages[0].context["act_names"]["condemn"], page.pages[0].context["type_names"]["ORG"]) == (act, kind)


@pytest.mark.parametrize(("language", "expected"), [("ar", "تحذير · نسبة مئوية"), ("en", "warning · percent")])
def test_label_filter_speaks_the_page_language(language, expected):
    env = make_env(None, language)
    page = env.from_string('{{ "warn"|label("act") }} · {{ "percent"|label("unit") }}').render()
    assert page == expected
    assert env.from_string('{{ "parsec"|label("unit") }} {{ "parsec" is labelled("unit") }}').render() == "parsec False"


def test_unknown_vocabulary_is_an_error():
    with pytest.raises(KeyError):
        vocabulary("colour")


def test_finer_acts_refine_acts_of_the_vocabulary():
    refines = cues().refines
    assert set(refines) | set(refines.values()) <= set(vocabulary("act").codes)
    assert not set(refines) & set(refines.values())  # one step: a refined act refines nothing


@pytest.mark.parametrize(("verb", "act", "ar", "en"), [
    ("قال", "assert", "قول", "statement"), ("أكد", "affirm", "تأكيد", "affirmation"),
    ("أوضح", "explain", "توضيح", "explanation"), ("أشار", "explain", "توضيح", "explanation"),
    ("اعتبر", "opine", "رأي", "opinion")])
def test_each_reporting_verb_has_the_act_its_label_names(verb, act, ar, en):
    assert {strip_tashkeel(v.past): v.act for v in cues().verbs}[verb] == act
    assert (vocabulary("act").label(act, "ar"), vocabulary("act").label(act, "en")) == (ar, en)
