"""Entities outside the gazetteer: CLDR territories, organisations by their head noun, people by
a title and a name chain; the longest span wins and no letter is lost to a clitic."""
from __future__ import annotations

import subprocess
import sys

from generator.analysis.entities import all_mentions, known, match_at, org_mentions, person_mentions
from generator.analysis import analyze
from generator.arabic import tokenize
from generator.model import Meta, Source


def found(text: str) -> dict[str, tuple[str, str]]:
    """Surface text → (type, English name) of every mention in one sentence."""
    return {text[m.start:m.stop]: (m.entry.type, m.entry.en) for m in all_mentions(tokenize(text))}


def test_a_country_the_gazetteer_does_not_list_comes_from_cldr() -> None:
    assert found("زار الوفد بوتان ونيبال الشهر الماضي") == {"بوتان": ("LOC", "Bhutan"), "نيبال": ("LOC", "Nepal")}


def test_a_territory_behind_a_clitic_keeps_its_name() -> None:
    assert found("وصلت المساعدات لتشاد")["تشاد"] == ("LOC", "Chad")


def test_the_longest_territory_name_wins() -> None:
    assert found("عاد السفير من جمهورية أفريقيا الوسطى أمس") == {
        "جمهورية أفريقيا الوسطى": ("LOC", "Central African Republic")}


def test_the_gazetteer_wins_where_both_know_a_name() -> None:
    """CLDR's canonical name would be «الولايات المتحدة»; the gazetteer's is the full one."""
    [mention] = all_mentions(tokenize("وقعت الولايات المتحدة الاتفاق"))
    assert mention.entry.canonical == "الولايات المتحدة الأمريكية"


def test_no_letter_is_lost_to_the_preposition_before_the_article() -> None:
    text = "أشاد المندوب للأمم المتحدة بالجهود"
    tokens = tokenize(text)
    mention = match_at(tokens, 2, known())
    assert mention is not None and text[mention.start:mention.stop] == "للأمم المتحدة"


def test_an_organisation_is_its_head_and_genitive_chain_up_to_a_preposition() -> None:
    text = "أعلنت وزارة الشؤون الاجتماعية في الكويت برنامجا جديدا"
    assert [text[m.start:m.stop] for m in org_mentions(tokenize(text))] == ["وزارة الشؤون الاجتماعية"]


def test_an_organisation_runs_through_coordination_and_a_lam_after_an_adjective() -> None:
    text = "افتتحت الهيئة الوطنية للثقافة والفنون معرضا"
    assert [text[m.start:m.stop] for m in org_mentions(tokenize(text))] == ["الهيئة الوطنية للثقافة والفنون"]


def test_an_organisation_stops_before_a_second_definite_noun() -> None:
    text = "دعت وزارة الصحة المواطنين إلى الحذر"
    assert [text[m.start:m.stop] for m in org_mentions(tokenize(text))] == ["وزارة الصحة"]


def test_a_head_with_the_article_needs_an_adjective() -> None:
    assert org_mentions(tokenize("وأكدت الوزارة الخطة")) == []
    text = "وأكد المجلس الأعلى للتعليم الخطة"
    assert [text[m.start:m.stop] for m in org_mentions(tokenize(text))] == ["المجلس الأعلى للتعليم"]


def test_an_organisation_keeps_the_name_of_the_person_it_is_named_after() -> None:
    text = "تخرج في جامعة الأمير سلطان بن فهد عام 2010"
    assert [text[m.start:m.stop] for m in org_mentions(tokenize(text))] == ["جامعة الأمير سلطان بن فهد"]


def test_an_organisation_found_by_its_head_has_no_english_name() -> None:
    assert found("قالت نقابة الأطباء المصرية ذلك")["نقابة الأطباء المصرية"] == ("ORG", "")


def test_a_person_is_the_name_chain_after_a_title() -> None:
    text = "واستقبل الأمير فيصل بن خالد بن عبد الله آل سعود الوفد"
    assert [text[m.start:m.stop] for m in person_mentions(tokenize(text))] == ["فيصل بن خالد بن عبد الله آل سعود"]


def test_a_name_chain_ends_with_a_family_name_and_skips_adjectives_after_the_title() -> None:
    text = "وقال الرئيس الكيني سامي أحمد العتيبي إن البلاد مستعدة"
    assert [text[m.start:m.stop] for m in person_mentions(tokenize(text))] == ["سامي أحمد العتيبي"]


def test_a_name_chain_stops_at_a_post_a_verb_or_a_noun_with_the_article() -> None:
    assert [m.entry.canonical for m in person_mentions(tokenize("التقى الشيخ سالم نائب الرئيس"))] == ["سالم"]
    assert [m.entry.canonical for m in person_mentions(tokenize("كان الدكتور خالد أكد ذلك"))] == ["خالد"]
    assert [m.entry.canonical for m in person_mentions(tokenize("افتتح الأمير ماجد بن سعد الجلسة"))] == [
        "ماجد بن سعد"]


def test_a_title_with_no_name_is_no_person() -> None:
    assert person_mentions(tokenize("وصل الوزير إلى المطار")) == []


def test_a_post_needs_a_name_of_two_words() -> None:
    assert person_mentions(tokenize("وتبادل الرئيس الآراء مع الضيوف")) == []
    assert person_mentions(tokenize("أكد الوزير سامي أن الخطة جاهزة")) == []
    assert [m.entry.canonical for m in person_mentions(tokenize("أكد الوزير سامي يوسف أن الخطة جاهزة"))] == [
        "سامي يوسف"]


def test_a_title_inside_a_name_is_none() -> None:
    assert [m.entry.canonical for m in person_mentions(tokenize("قال الشيخ عبد الملك الراشد"))] == [
        "عبد الملك الراشد"]


def test_a_name_the_gazetteer_knows_stands_for_the_longer_phrase_that_starts_with_it() -> None:
    [mention] = all_mentions(tokenize("رحبت الحكومة اليمنية الشرعية بالقرار"))
    assert mention.entry.en == "Yemeni government"


def test_an_adjective_that_does_not_agree_with_the_head_is_not_its_own() -> None:
    assert org_mentions(tokenize("ووصل النادي الرئيسية صباحا")) == []


def test_a_genitive_behind_a_preposition_ends_the_organisation() -> None:
    text = "زار طلاب جامعة الملك فهد بالظهران المعرض"
    assert [text[m.start:m.stop] for m in org_mentions(tokenize(text))] == ["جامعة الملك فهد"]


def test_a_name_chain_stops_at_a_conjunction_or_a_preposition_with_its_noun() -> None:
    assert [m.entry.canonical for m in person_mentions(tokenize("حضر السيد ماهر ومدير المكتب"))] == ["ماهر"]
    assert [m.entry.canonical for m in person_mentions(tokenize("دعا الشيخ ناصر للتعاون"))] == ["ناصر"]


def test_a_rank_between_title_and_name_is_left_out_and_a_number_is_no_name() -> None:
    assert [m.entry.canonical for m in person_mentions(tokenize("صرح اللواء الركن فهد العمري"))] == ["فهد العمري"]
    assert person_mentions(tokenize("وأصيب العميد خمسة جنود")) == []


def test_a_feminine_word_with_the_article_does_not_close_a_name() -> None:
    assert [m.entry.canonical for m in person_mentions(tokenize("نقل الشيخ سعد المدينة"))] == ["سعد"]


def test_after_an_adjective_only_an_adjective_joins_with_wa() -> None:
    text = "اجتمع المجلس الوطني الكيني والسكان أمس"
    assert [text[m.start:m.stop] for m in org_mentions(tokenize(text))] == ["المجلس الوطني الكيني"]
    text = "أقرت اللجنة السياسية والأمنية الخطة"
    assert [text[m.start:m.stop] for m in org_mentions(tokenize(text))] == ["اللجنة السياسية والأمنية"]


def test_a_head_with_the_article_and_one_adjective_is_a_name_by_the_nisba_of_a_place() -> None:
    text = "أعلنت الحكومة الكينية وقالت الشركة الاستثمارية ورحب البنك الدولي"
    assert [text[m.start:m.stop] for m in org_mentions(tokenize(text))] == ["الحكومة الكينية", "البنك الدولي"]


def test_a_head_that_begins_with_lam_keeps_the_lam_before_it() -> None:
    text = "قدم تقريره للجنة الانتخابات أمس"
    assert [text[m.start:m.stop] for m in org_mentions(tokenize(text))] == ["للجنة الانتخابات"]


def test_the_participle_qadi_ends_an_organisation_and_an_initial_is_no_name() -> None:
    text = "صدر قرار مجلس الشورى القاضي بتعديل النظام"
    assert [text[m.start:m.stop] for m in org_mentions(tokenize(text))] == ["مجلس الشورى"]
    assert person_mentions(tokenize("كتب الدكتور ب. ن.")) == []


def test_a_person_no_list_knows_gets_the_romanised_name_as_english() -> None:
    statement = analyze(Source("t", "t.md", Meta(title="t"), "قال وزير الزراعة الأردني سامر حداد إن الموسم جيد."))
    assert [(e.text, e.type, e.en) for e in statement.entities] == [("سامر حداد", "PER", "Samer Haddad")]


def test_a_person_after_a_post_and_its_office_is_the_name() -> None:
    assert found("قال وزير الزراعة الأردني سامر حداد إن الموسم جيد") == {"سامر حداد": ("PER", "")}
    assert found("أوضح المتحدث الرسمي باسم هيئة الطيران نادر الخطيب أن الرحلات مستمرة")["نادر الخطيب"][0] == "PER"
    assert found("التقى رئيس مجلس الإدارة فهد المطيري بالموظفين")["فهد المطيري"][0] == "PER"


def test_what_follows_a_post_is_no_name_when_it_is_a_clause_or_a_preposition_with_its_noun() -> None:
    assert found("وأكد رئيس الوزراء وهو يبتسم أن الأمر انتهى") == {}
    assert found("دعا وزير الصحة لمكافحة التدخين في المدارس") == {}
    assert found("أشاد مدير الفرع مبادرة طيبة من الأهالي") == {}


def test_a_name_without_a_title_needs_an_attested_given_name_and_family_name() -> None:
    assert found("وكتب خالد العتيبي تعليقا على الخبر") == {"خالد العتيبي": ("PER", "")}
    assert found("وقدم بيان صادر عن الجمعية شكرا للمتطوعين") == {}
    assert found("وتحدث سلام دائم عن المستقبل") == {}



def test_romanising_a_person_loads_neither_the_neural_model_nor_numpy() -> None:
    """The romaniser's attested spellings and rules serve every name: its ONNX model (and the
    runtime and numpy it needs) stays unloaded, so a build pays no time for it."""
    script = (
        "import sys\n"
        "from generator.analysis import analyze\n"
        "from generator.model import Meta, Source\n"
        "statement = analyze(Source('t', 't.md', Meta(title='t'), 'قال وزير الزراعة الأردني سامر حداد إن الموسم جيد.'))\n"
        "assert [e.en for e in statement.entities] == ['Samer Haddad'], statement.entities\n"
        "print(sorted(m for m in ('onnxruntime', 'numpy') if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_a_place_head_and_a_known_place_are_one_place_named_in_english() -> None:
    assert found("قتل ثلاثة في محافظة الأنبار أمس") == {"محافظة الأنبار": ("LOC", "Anbar Governorate")}
    assert found("هبطت الطائرة في مطار القاهرة") == {"مطار القاهرة": ("LOC", "Cairo Airport")}


def test_a_place_head_before_a_word_the_dictionary_knows_is_no_place() -> None:
    assert found("دعا إلى المحافظة على الأمن") == {}
    assert found("أكد أهمية محافظة الشباب على القيم") == {}


def test_the_nisba_of_a_place_after_a_known_name_makes_another_name() -> None:
    """«وزارة الخارجية» is the gazetteer's; «التركية» says whose: Turkey's, not the reader's own."""
    assert list(found("قالت وزارة الخارجية التركية في بيان")) == ["وزارة الخارجية التركية"]


def test_an_organisation_may_be_named_after_a_place_without_the_article() -> None:
    assert found("قال رئيس جامعة كولومبيا إن الطلاب عادوا") == {"جامعة كولومبيا": ("ORG", "")}


def test_a_place_head_looks_words_up_in_the_dictionary_the_analysis_keeps(tmp_path):
    """«محافظة الطارمية» asks the spelling dictionary whether «الطارمية» is a word: the one kept in
    the project's cache, built once, not a second one built in memory (2-4 s, at the first
    edit of `mkdocs serve` too)."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from generator.analysis import analyze, spelling\n"
        "from generator.analysis.doc import Settings\n"
        "from generator.model import Meta, Source\n"
        "builds, build = [], spelling._build\n"
        "spelling._build = lambda: builds.append(1) or build()\n"
        "statement = analyze(Source('t', 't.md', Meta(title='t'), 'قصفت الطائرات محافظة الطارمية أمس.'),\n"
        "                    Settings.given(cache_dir=Path(sys.argv[1])))\n"
        "print(len(builds), [e.canonical for e in statement.entities])\n"
    )
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True)
    builds, entities = run.stdout.split(" ", 1)
    assert builds == "1" and "محافظة الطارمية" in entities


def test_an_organisation_head_takes_a_foreign_name_written_in_arabic_letters():
    assert found("ذكرت وكالة رويترز أن الاجتماع انتهى.")["وكالة رويترز"][0] == "ORG"
    assert found("وأعلنت شركة سامسونج عن هاتف جديد.")["شركة سامسونج"][0] == "ORG"
    assert found("شارك وفد من شركة فرنسية في المعرض.") == {}  # an adjective, no name
    assert found("قدمت الشركة طلبا إلى لجنة للطعون.") == {}  # a word of the dictionary


def test_an_organisation_head_takes_nouns_in_construct_before_the_definite_word_that_ends_its_name() -> None:
    assert found("وبثت وكالة أنباء اليمن الخبر صباحا.")["وكالة أنباء اليمن"][0] == "ORG"
    assert found("أحالت النيابة القضية إلى محكمة جنايات الجيزة.")["محكمة جنايات الجيزة"][0] == "ORG"
    assert found("وأصدرت هيئة تنظيم الاتصالات قرارا.")["هيئة تنظيم الاتصالات"][0] == "ORG"
    assert "هيئة تطوير" not in " ".join(found("وقالت هيئة تطوير قد تنجح المبادرة."))  # no definite word ends it
    assert found("وتواجه حكومة جديدة تواكب المرحلة صعوبات.") == {}  # an adjective and a verb, no name
    assert found("وعقد مجلس إدارة الشركة اجتماعه.") == {}  # a body of another, unnamed, organisation
    people = found("وأعلنت حكومة حيدر العبادي خطة.")  # a person's government: the person is the name
    assert people.get("حيدر العبادي", ("",))[0] == "PER" and "حكومة حيدر العبادي" not in people


def test_a_body_named_with_the_article_takes_the_nisba_of_a_place() -> None:
    assert found("وقالت الشرطة الكينية إن التحقيق مستمر.")["الشرطة الكينية"][0] == "ORG"
    assert found("وأعلنت السلطات الماليزية أمس.")["السلطات الماليزية"][0] == "ORG"  # a feminine plural, a feminine adjective
    assert found("وأكدت القوات الجوية الكندية أنها مستعدة.")["القوات الجوية الكندية"][0] == "ORG"
    assert found("وتقدمت القوات الموالية للحكومة نحو المدينة.") == {}  # described, not named
    assert found("وشرح النظام الإلكتروني الجديد للطلاب.") == {}
    assert found("وانتقد المشاركون النظام الدولي.") == {}  # a scope is not enough for such a head
    assert found("وتقدمت قوات الأمن نحو المدينة.") == {}  # without the article, a common noun


def test_an_organisation_head_behind_the_preposition_and_the_article_written_as_two_lams() -> None:
    assert found("وقدم الوفد شكره للديوان الملكي الأردني.")["للديوان الملكي الأردني"][0] == "ORG"


def test_a_town_no_list_knows_is_named_after_a_town_noun_and_found_again_alone() -> None:
    assert found("وقع الانفجار في مدينة كارانتوس غرب البلاد.") == {"كارانتوس": ("LOC", "")}
    assert found("ووصلت القافلة إلى بلدة فيلموروك أمس.") == {"فيلموروك": ("LOC", "")}
    assert found("وقصفت الطائرات قرية زوبركلي أمس.") == {"زوبركلي": ("LOC", "")}  # not a nisba: no dictionary knows it
    assert found("وزار الوفد مدينة سيكانية.") == {}  # a feminine nisba
    assert found("وعاد الوفد إلى ولاية تكساس أمس.")["تكساس"][0] == "LOC"  # in the frequency list only
    assert found("وتقع المدرسة في منطقة تشهد توترا.") == {}  # a verb, no name
    assert found("وهي مدينة كبيرة.") == {}  # an adjective
    text = "قصفت الطائرات مدينة كارانتوس أمس. وقال سكان كارانتوس إن القصف استمر."
    entities = analyze(Source("t", "t.md", Meta(title="t"), text)).entities
    assert [(e.text, e.type, e.sentences) for e in entities] == [("كارانتوس", "LOC", (1, 2))]


def test_a_law_or_a_treaty_is_named_by_its_head_and_genitive_chain() -> None:
    assert found("وأقر المجلس قانون حماية البيانات أمس.")["قانون حماية البيانات"] == ("DOC", "")
    assert found("ووقع البلدان معاهدة الحدود البحرية.")["معاهدة الحدود البحرية"] == ("DOC", "")
    assert found("وقال إن لاتفاقية جنيف قيمة كبيرة.") == {"اتفاقية جنيف": ("DOC", "")}  # not the city
    assert found("وأعلن قرار الحكومة أمس.") == {}  # a decision is no document's name


def test_adjectives_right_after_a_definite_head_agree_with_it() -> None:
    assert found("ودعت الحكومة المحلية الأهالي إلى الخروج.") == {}  # the object, no adjective of الحكومة
    assert found("وقالت القوات الجوية الملكية الكندية إن الطائرة عادت.")["القوات الجوية الملكية الكندية"][0] == "ORG"
    assert found("وأعلن المجلس الأعلى للشؤون الإسلامية أمس.")["المجلس الأعلى للشؤون الإسلامية"][0] == "ORG"


def test_a_country_named_by_a_nisba_has_its_adjective_too() -> None:
    assert found("وقالت السلطات السعودية إن المنفذ فتح.")["السلطات السعودية"][0] == "ORG"
    assert found("وأعلنت السلطات المالية أمس.") == {}  # «المالية» is financial: مالي has no article


def test_a_noun_ending_in_ta_marbuta_is_no_fathers_name_inside_a_name_chain() -> None:
    assert "PER" not in {kind for kind, _ in found("وأكد سليمان مكافحة الرمادي في البلاد.").values()}
    assert found("وأكد عماد حمزة الزهراني أن الفريق جاهز.")["عماد حمزة الزهراني"][0] == "PER"  # a man's name


def test_an_institution_states_its_purpose_with_lam_and_a_noun_in_construct() -> None:
    assert found("وأصدرت الهيئة الوطنية لمكافحة الفساد تقريرا.")["الهيئة الوطنية لمكافحة الفساد"][0] == "ORG"
    assert found("وقال المتحدث باسم القوات الكندية لوكالة الأنباء إن …")["القوات الكندية"][0] == "ORG"  # told to an agency


def test_a_speaker_named_by_a_given_name_and_an_unknown_family_name_is_a_person_wherever_named() -> None:
    text = "وقال مدير المركز ماجد القحطوري إن العمل بدأ. وكان ماجد القحطوري زار الموقع أمس."
    entities = analyze(Source("t", "t.md", Meta(title="t"), text)).entities
    assert [(e.text, e.type, e.sentences) for e in entities if e.type == "PER"] == [("ماجد القحطوري", "PER", (1, 2))]
    statement = analyze(Source("t", "t.md", Meta(title="t"), "وقال بيان صادر عن الوزارة إن العمل بدأ."))
    assert [e for e in statement.entities if e.type == "PER"] == []  # a document, not a person named بيان


def test_a_body_named_by_a_places_nisba_is_named_in_english_with_the_places_adjective() -> None:
    assert found("وقالت الحكومة الكينية إن الانتخابات ستجرى.")["الحكومة الكينية"] == ("ORG", "Kenyan government")
    assert found("وقالت وزارة الخارجية الكندية إن")["وزارة الخارجية الكندية"] == ("ORG", "Canadian Ministry of Foreign Affairs")
    assert found("وقالت القوات الجوية الكندية إن")["القوات الجوية الكندية"] == ("ORG", "")  # no English of its own words


def test_a_place_named_after_a_person_takes_the_title_and_the_name() -> None:
    found_here = found("وغادر مطار الملك فهد الدولي أمس.")
    assert found_here["مطار الملك فهد الدولي"][0] == "LOC" and "فهد الدولي" not in found_here


def test_an_organisation_head_takes_a_name_in_quotation_marks() -> None:
    assert found("وقالت صحيفة «ديلي نيوز» الكندية إن")["صحيفة «ديلي نيوز» الكندية"][0] == "ORG"
    assert found('ذكرت وكالة "تسنيم" أن')['وكالة "تسنيم"'][0] == "ORG"
    assert found("وقال الوزير «إن الخطة جاهزة» أمس.") == {}  # a quotation, no name after a head


def test_a_foreign_name_keeps_a_third_word_no_dictionary_knows() -> None:
    assert found("وقال رئيس المفوضية جان كلود يونكر إن")["جان كلود يونكر"][0] == "PER"
    assert "سامي الحربي أمس" not in found("وقال الوزير سامي الحربي أمس إن")  # a word of the dictionary ends it
