"""analysis/claims.py: reporting cues and what makes a claim, one text per rule."""
from conftest import doc_of

from generator.analysis.claims import find_claims
from generator.analysis.speakers import resolve


def claims(text):
    return resolve(find_claims(doc_of(text)))


def test_participle_adds_a_claim_of_the_same_speaker():
    found = claims("أكد الوزير أن الوضع مستقر، مشيرًا إلى أن الجهود مستمرة.")
    assert [c.cue for c in found] == ["أكد", "مشيرًا"]
    assert found[1].speaker.explicit is False and found[1].speaker.text == "الوزير"
    assert found[1].content == "الجهود مستمرة"


def test_event_verb_is_not_a_claim():
    assert claims("استقبل الوزير السفير الفرنسي في مكتبه.") == ()


def test_feminine_verb_and_cue_without_conjunction():
    found = claims("وأكدت الوزارة أن الخدمات متاحة.")
    assert [(c.cue, c.act) for c in found] == [("أكدت", "affirm")]
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


def said(text):
    return [(c.cue, c.speaker.canonical if c.speaker else None, c.content) for c in claims(text)]


def test_verb_forms_come_from_the_conjugation_of_the_past():
    from generator.analysis.conjugation import PAST, PRESENT, conjugated
    assert conjugated("قَالَ", PRESENT, "هم") == "يَقُولُونَ" and conjugated("نَفَى", PAST, "هم") == "نَفَوْا"
    text = ("ويقولان إن الموعد ثابت. ونفوا أن يكون القرار نهائيا. وتنفي الهيئة وجود خلاف. "
            "وأكدتا أن العمل مستمر. ويدعون إلى الهدوء.")
    assert [c.cue for c in claims(text)] == ["يقولان", "نفوا", "تنفي", "أكدتا", "يدعون"]


def test_first_person_inside_a_quotation_is_the_speaker_quoted():
    found = said("وقال الوزير سامي الحربي: «التقينا الرئيس عادل الجبير، وأكدنا له أن الدعم مستمر، وطالبنا بوقف النار».")
    assert [(c, s) for c, s, _ in found[1:]] == [("أكدنا", "سامي الحربي"), ("طالبنا", "سامي الحربي")]
    assert claims("علينا أن نحذر الناس.") == ()  # a verb right after «أن» is no clause of its own


def test_a_law_or_a_resolution_speaks_with_nassa_ala():
    assert said("ونصت المادة الخامسة على أن يعاقب المخالف بغرامة.") == [("نصت", "المادة الخامسة", "يعاقب المخالف بغرامة")]
    assert said("وينص الاتفاق الجديد على رفع الرسوم تدريجيا.")[0][1] == "الاتفاق الجديد"


def test_tweeted_and_according_to_with_a_verb_before_the_source():
    assert said("وغرد الوزير على حسابه: «العمل مستمر».")[0][:2] == ("غرد", "الوزير")
    assert said("وارتفعت الأسعار حسبما أفادت وزارة التجارة.")[0][:2] == ("حسبما", "وزارة التجارة")
    found = said("وارتفعت الأسعار بحسب ما ذكرت صحيفة محلية.")
    assert [(c, s) for c, s, _ in found] == [("بحسب", "صحيفة محلية")]  # ذكرت is no second claim


def test_reported_speech_inside_reported_speech():
    found = said("وقال المتحدث إن الوزراء أكدوا ضرورة الحل، كما شددوا على الحوار.")
    assert found == [("قال", "المتحدث", "الوزراء أكدوا ضرورة الحل"), ("أكدوا", "الوزراء", "ضرورة الحل"),
                     ("شددوا", "الوزراء", "الحوار")]
    assert [c for c, _, _ in said("وأشار إلى أن المدينة تنفرد بين المدن بأن الطقس معتدل.")] == ["أشار"]
    found = said("وأوضح الوزير أن المجلس أعرب عن شكره، وجدد دعمه للخطة. وبين أن العمل مستمر.")
    assert [(c, s) for c, s, _ in found] == [("أوضح", "الوزير"), ("أعرب", "المجلس"), ("جدد", "المجلس"),
                                           ("بين", "الوزير")]


def test_a_verb_of_judgement_with_its_object_pronoun():
    found = said("ورحب المجلس بالقرار، واعتبرته الهيئة خطوة مهمة.")
    assert [(c, s) for c, s, _ in found] == [("رحب", "المجلس"), ("اعتبرته", "الهيئة")]
    assert claims("وتعتبر المدينة أكبر مركز تجاري في المنطقة.") == ()  # تُعتبر: is considered
