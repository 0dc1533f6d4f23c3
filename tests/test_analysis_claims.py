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
