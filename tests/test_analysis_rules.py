"""One text per rule of the analysis engine."""
from generator.analysis import analyze
from generator.analysis.claims import find_claims
from generator.analysis.figures import find_figures
from generator.analysis.pillars import find_pillars
from generator.analysis.sentences import split_sentences
from generator.analysis.speakers import resolve
from generator.analysis.wire import frame
from generator.arabic import normalize, read_quantity, tokenize
from generator.model import Meta, Source

from conftest import doc_of


def claims(text):
    return resolve(find_claims(doc_of(text)))


def test_normalisation_for_matching_only():
    assert normalize("مُشِيرًا") == "مشيرا"
    assert normalize("أإآ") == "ااا"
    assert normalize("مدرسة على") == "مدرسه علي"
    assert normalize("كـبير") == "كبير"


def test_tokens_keep_offsets():
    text = "وأكّد الوزيرُ، أن"
    assert all(text[t.start:t.end] == t.text for t in tokenize(text))


def test_number_words_and_digits():
    assert read_quantity(tokenize("ثلاث سنوات ونصف"), 0).value == 3.5
    assert read_quantity(tokenize("أربع ركائز"), 0).value == 4
    assert read_quantity(tokenize("خمسة وعشرون عاما"), 0).value == 25
    assert read_quantity(tokenize("٢٥ عاما"), 0).value == 25


def test_arabic_comma_and_colon_do_not_split():
    text = "قال الوزير، في بيان: إن الوضع مستقر؛ وأضاف أن الجهود مستمرة."
    assert len(split_sentences(text)) == 1


def test_decimal_numbers_do_not_split():
    text = "ارتفع النمو 2.0 في المائة، والتضخم 18.75 في المائة. وقال الوزير إن ذلك جيد."
    sentences = split_sentences(text)
    assert len(sentences) == 2 and sentences[0].text.endswith("18.75 في المائة.")


def test_ellipsis_question_and_line_break_split():
    text = "هل انتهى الأمر؟ لا.. ليس بعد… ربما\nغدا"
    assert [s.text for s in split_sentences(text)] == ["هل انتهى الأمر؟", "لا..", "ليس بعد…", "ربما", "غدا"]


def test_wire_dateline_and_trailer_are_framed_out():
    body = " الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n أكد الوزير أن الوضع مستقر.\n // انتهى //\n 15:22 ت م \n"
    statement = analyze(Source("t", "t", Meta(title="t"), body))
    assert statement.meta.dateline.startswith("الرياض 25 شوال")
    assert [s.text for s in statement.sentences] == ["أكد الوزير أن الوضع مستقر."]


def test_participle_adds_a_claim_of_the_same_speaker():
    found = claims("أكد الوزير أن الوضع مستقر، مشيرًا إلى أن الجهود مستمرة.")
    assert [c.cue for c in found] == ["أكد", "مشيرًا"]
    assert found[1].speaker.explicit is False and found[1].speaker.text == "الوزير"
    assert found[1].content == "الجهود مستمرة"


def test_event_verb_is_not_a_claim():
    assert claims("استقبل الوزير السفير الفرنسي في مكتبه.") == ()


def test_feminine_verb_and_cue_without_conjunction():
    found = claims("وأكدت الوزارة أن الخدمات متاحة.")
    assert [(c.cue, c.act) for c in found] == [("أكدت", "assert")]
    assert found[0].speaker.text == "الوزارة"


def test_verbal_noun_is_not_a_cue():
    assert claims("الأمر الثاني حث العلماء على متابعة الشباب.") == ()


def test_agentless_passive_is_not_a_claim():
    assert claims("يذكر أن الاجتماع عقد في الرياض.") == ()


def test_idiom_needs_its_preposition():
    assert [c.act for c in claims("وأعرب الوزير عن أمله في التوصل إلى حل.")] == ["express"]
    assert claims("عبر الطريق السريع وصل الوفد.") == ()


def test_nominal_attribution_needs_a_speaker():
    found = claims("ارتفعت الصادرات بحسب وزارة التجارة.")
    assert [(c.cue, c.speaker.text) for c in found] == [("بحسب", "وزارة التجارة")]
    assert claims("يعمل التحالف وفقًا لمبادئ القانون الدولي.") == ()


def test_honorific_pronoun_is_an_explicit_speaker():
    found = claims("أكد الأمير خالد أن التنمية مستمرة. وأشار سموه إلى أن المشاريع كثيرة.")
    assert found[1].speaker.text == "سموه" and found[1].speaker.explicit
    assert found[1].speaker.canonical == found[0].speaker.canonical


def test_family_name_joins_the_full_mention():
    found = claims("أعرب وزير الخارجية الألماني فرانك فالتر شتاينماير عن أمله. وأكد شتاينماير أن العلاقات قوية.")
    assert found[0].speaker.canonical == found[1].speaker.canonical
    assert found[1].speaker.en == "Frank-Walter Steinmeier"


def test_pillars_with_ordinal_markers():
    text = "حدد البيان ثلاثة مبادئ. أولاً احترام السيادة. ثانيًا عدم التدخل. ثالثًا الحوار."
    pillars = find_pillars(doc_of(text))
    assert (pillars.announced, pillars.noun, pillars.sentence) == (3, "مبادئ", 1)
    assert [(i.n, i.sentences, i.explicit) for i in pillars.items] == [(1, (2,), True), (2, (3,), True), (3, (4,), True)]


def test_no_pillars_without_an_enumeration():
    text = "أكد الوزير أن الوضع مستقر."
    assert find_pillars(doc_of(text)) is None


def test_number_word_figure():
    text = "استمرت الجهود ثلاث سنوات ونصف السنة، وبلغت التكلفة 230 مليار ريال بزيادة 5% عن القرار رقم 2216."
    found = [(f.text, f.value, f.unit) for f in find_figures(doc_of(text))]
    assert found == [("ثلاث سنوات ونصف السنة", 3.5, "year"), ("230 مليار ريال", 230_000_000_000, "SAR"),
                     ("5%", 5, "percent"), ("رقم 2216", 2216, "resolution-number")]


def test_frame_without_wire_marks_is_the_whole_body():
    body = "أكد الوزير أن الوضع مستقر."
    assert frame(body).start == 0 and frame(body).end == len(body) and frame(body).dateline is None
