"""Translation QA, one rule at a time, on small pairs written for these tests."""
import pytest

from generator.analysis import analyze
from generator.analysis.translation_qa import arabic_numbers, english_numbers, number_mismatch
from generator.model import Glossary, GlossaryEntry, Meta, Source


def findings(arabic: str, english: str, glossary: Glossary | None = None) -> list[tuple[str, str]]:
    source = Source(slug="t", path="content/statements/t.md", meta=Meta(title="t"), body=arabic,
                    translation=(english,), translation_path="content/statements/t.en.md",
                    translation_lines=(1,), glossary=glossary)
    return [(f.code, f.message) for f in analyze(source).findings if f.code.startswith("translation/")]


def codes(*args) -> list[str]:
    return [code for code, _ in findings(*args)]


@pytest.mark.parametrize("arabic, english", [
    ("قتل ٢٥ شخصا في الهجوم الذي وقع أمس في المدينة الكبيرة.", "25 people were killed in yesterday's attack on the big city."),
    ("قتل خمسة وعشرون شخصا في الهجوم الذي وقع أمس في المدينة.", "Twenty-five people were killed in yesterday's attack on the city."),
    ("خصصت الحكومة ثلاثة ملايين دولار لإعادة إعمار المدارس المتضررة.", "The government set aside $3 million to rebuild the damaged schools."),
    ("بلغت نسبة النمو 2.5% خلال عام 2017 بحسب التقرير الرسمي للوزارة.", "Growth reached 2.5% in 2017, according to the ministry's official report."),
])
def test_numbers_match_by_value_across_scripts_and_words(arabic, english):
    assert number_mismatch(arabic, english) == ([], [])


def test_a_number_lost_or_added_is_reported():
    arabic = "قتل ٢٥ شخصا وأصيب 40 آخرون في الهجوم الذي وقع أمس في المدينة."
    assert ("translation/number" in codes(arabic, "25 people were killed and others hurt in yesterday's attack in the city."))
    (message,) = [m for c, m in findings(arabic, "25 people were killed and 40 hurt in the attack on the city, 12 said.")
                  if c == "translation/number"]
    assert "12 in the English, not in the Arabic" in message and message.startswith("content/statements/t.md:1")


def test_weak_numbers_only_match():
    assert english_numbers("the 19th century, two stores, at 3 p.m.").strong == {}
    assert arabic_numbers("القرن التاسع عشر").strong == {}


def test_an_entity_without_its_english_name_is_reported():
    arabic = "رحب مجلس الأمن بالاتفاق الذي توصلت إليه الأطراف اليمنية في الكويت."
    assert "translation/entity" not in codes(arabic, "The Security Council welcomed the agreement the Yemeni parties reached in Kuwait.")
    (message,) = [m for c, m in findings(arabic, "The Council welcomed the agreement the Yemeni parties reached in Kuwait.")
                  if c == "translation/entity"]
    assert "UN Security Council" in message


def test_glossary_names_are_checked_and_shown():
    glossary = Glossary(entities=(GlossaryEntry(("الهيئة الوطنية للرقابة",), "National Oversight Authority", "ORG"),))
    arabic = "أعلنت الهيئة الوطنية للرقابة عن نتائج التحقيق في القضية أمس."
    assert "translation/entity" in codes(arabic, "The authority announced the results of the inquiry yesterday.", glossary)
    assert "translation/entity" not in codes(arabic, "The National Oversight Authority announced the results yesterday.", glossary)


def test_untranslated_and_empty_english():
    arabic = "أكد الوزير أهمية التعاون بين البلدين في جميع المجالات."
    assert codes(arabic, "أكد الوزير أهمية التعاون بين البلدين.") == ["translation/untranslated"]


def test_length_ratio_outside_the_calibrated_range():
    arabic = "أكد الوزير أهمية التعاون بين البلدين في جميع المجالات الاقتصادية والثقافية والعلمية."
    assert codes(arabic, "The minister spoke.") == ["translation/length"]
    assert codes(arabic, "The minister stressed the importance of cooperation between the two countries "
                 "in all economic, cultural and scientific fields.") == []


def test_a_romanised_person_name_is_not_expected_in_the_english():
    arabic = "قال وزير الزراعة الأردني سامر حداد إن الموسم جيد هذا العام."
    [person] = [e for e in analyze(Source(slug="t", path="t.md", meta=Meta(title="t"), body=arabic)).entities
                if e.type == "PER"]
    assert person.romanized and person.en == "Samer Haddad"
    assert "translation/entity" not in codes(arabic, "Jordan's farm minister Sameer Hadad said the season is good this year.")
    glossary = Glossary(entities=(GlossaryEntry(ar=("سامر حداد",), en="Samir Haddad", type="PER"),))
    assert "translation/entity" in codes(arabic, "The farm minister said the season is good this year.", glossary)
