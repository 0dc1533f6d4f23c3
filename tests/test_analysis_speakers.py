"""Claims and speakers on texts written for each rule: verb forms, subjects, resolution."""
from conftest import doc_of

from generator.analysis.claims import find_claims
from generator.analysis.speakers import Subject, coordinated, known_names, resolve, with_speakers
from generator.arabic import bare, tokenize
from generator.model import Glossary, GlossaryEntry


def claims(text):
    return resolve(find_claims(doc_of(text)))


def said(text):
    return [(c.cue, c.speaker.text if c.speaker else None, bool(c.speaker and c.speaker.explicit))
            for c in claims(text)]


def test_verb_with_object_pronoun_after_a_relative_is_a_claim_with_its_own_subject():
    found = said("ورحب الوزير بما أعلنه رئيس الوزراء من إصلاحات. وقال إن ذلك مهم. وشكره على ما قدمه.")
    assert found[:2] == [("رحب", "الوزير", True), ("أعلنه", "رئيس الوزراء", True)]
    assert [c for c, _, _ in found] == ["رحب", "أعلنه", "قال"]


def test_present_and_agreement_forms_and_participles():
    text = ("تؤكد الوزارة أن الخطة جاهزة. ويؤكد الوزراء أن التنفيذ بدأ، مشيرين إلى النتائج. "
            "وأكدوا أن الدعم مستمر، مؤكداً أن العمل جار، لافتًا إلى الحاجة، معربةً عن الأمل.")
    assert [c.cue for c in claims(text)] == ["تؤكد", "يؤكد", "مشيرين", "أكدوا", "مؤكداً", "لافتًا", "معربةً"]


def test_event_verbs_are_not_claims():
    assert claims("استقبل الوزير السفير. والتقى الوفد بالمسؤولين. وبحث الجانبان التعاون. وترأس الأمير الاجتماع.") == ()


def test_nominal_attribution_and_mid_sentence_cue():
    found = said("ارتفعت الأسعار وفقًا للهيئة العامة للإحصاء، وقال الوزير إن ذلك مؤقت.")
    assert [c for c, _, _ in found] == ["وفقًا", "قال"] and found[1][1] == "الوزير"
    assert said("ارتفعت الأسعار بحسب مصادر مطلعة.")[0][:2] == ("بحسب", "مصادر مطلعة")


def test_implicit_subject_agrees_in_gender_and_number():
    text = ("أكدت الوزارة أن الخطة جاهزة. وقال الوزير إن التنفيذ بدأ. وأضافت أن الدعم مستمر. "
            "وقال الوزراء إن الاجتماع ناجح. وأكد المتحدث أن الموعد ثابت. وأكدوا أن العمل مستمر.")
    resolved = [c.speaker.canonical for c in claims(text)]
    assert resolved[2] == "الوزارة" and resolved[5] == "الوزراء"


def test_subject_outside_the_lexicon_when_speech_follows():
    assert said("وقالت عائلة اللاعب في بيان إن حالته مستقرة.")[0] == ("قالت", "عائلة اللاعب", True)
    assert said("وقال الاتحاد الدولي للسيارات في تقرير إن السائق لم يخفف سرعته.")[0][1] == "الاتحاد الدولي للسيارات"


def test_object_before_a_preposition_or_quote_is_not_a_subject():
    assert said("وقال لوكالة الأنباء إن الوضع هادئ.")[0][2] is False
    assert said("ودعا الشعب إلى الهدوء.")[0][2] is False
    assert said("وأعلن انعقاد جلسة طارئة «للتباحث في الأمر».") == [("أعلن", None, False)]


def test_title_with_a_prepositional_phrase_keeps_the_name_that_follows():
    found = said("وقال المبعوث الخاص للأمم المتحدة في اليمن جون سميث في بيان اليوم إن الهدنة صامدة.")
    assert found[0][1] == "المبعوث الخاص للأمم المتحدة في اليمن جون سميث"
    assert said("وأكد الوزير في بيان صحفي اليوم أن الخطة جاهزة.")[0][1] == "الوزير"


def test_a_name_inside_an_organisation_is_not_the_speaker():
    found = claims("وأوضح المتحدث الرسمي لمركز الملك سلمان للإغاثة سامي الحربي أن الطائرة وصلت.")
    assert found[0].speaker.text.endswith("سامي الحربي") and found[0].speaker.canonical == "سامي الحربي"


def test_a_cue_inside_a_quotation_belongs_to_the_person_named_there():
    found = claims("وقال الشيخ: «صدق النبي حين حذر من الغلو». وأضاف أن الاعتدال واجب.")
    assert [(c.cue, c.speaker.canonical) for c in found] == [("قال", "الشيخ"), ("حذر", "نبينا محمد"), ("أضاف", "الشيخ")]


def test_document_speaker_linked_to_who_issued_it():
    found = claims("وشدد الوزراء في بيانهم على وحدة الصف. وأكد البيان أن الحل سياسي. وقال إن الحوار مستمر.")
    assert found[1].speaker.text == "البيان" and found[1].speaker.issuer == "الوزراء"
    assert found[2].speaker.issuer == "الوزراء"


def test_one_canonical_name_per_person_titles_and_honorifics():
    found = claims("أكد الأمين العام لمجلس التعاون الدكتور عبد اللطيف الزياني أن الأمن مهم. "
                   "وأعرب الزياني عن أمله. وأوضح معاليه أن الاجتماع مثمر. وقال الأمين العام إن القمة قريبة.")
    assert len({c.speaker.canonical for c in found}) == 1


def test_honorific_pronoun_is_an_explicit_speaker():
    found = claims("أكد الأمير خالد أن التنمية مستمرة. وأشار سموه إلى أن المشاريع كثيرة.")
    assert found[1].speaker.text == "سموه" and found[1].speaker.explicit
    assert found[1].speaker.canonical == found[0].speaker.canonical


def test_family_name_joins_the_full_mention():
    found = claims("أعرب وزير الخارجية الألماني فرانك فالتر شتاينماير عن أمله. وأكد شتاينماير أن العلاقات قوية.")
    assert found[0].speaker.canonical == found[1].speaker.canonical
    assert found[1].speaker.en == "Frank-Walter Steinmeier"


def resolved(text):
    """(cue, canonical, role) of each claim, resolved with the words of the whole text."""
    doc = doc_of(text)
    words = tuple(bare(t.norm) for sentence in doc.tokens for t in sentence)
    return [(c.cue, c.speaker.canonical if c.speaker else None, c.speaker.role if c.speaker else None)
            for c in resolve(find_claims(doc), words)]


def test_a_named_person_keeps_the_title_as_role_and_the_name_as_canonical():
    found = resolved("قال وزير المالية سامي الحربي إن العجز تراجع.")
    assert found == [("قال", "سامي الحربي", "وزير المالية")]


def test_a_title_alone_named_later_with_the_name_is_that_person_from_the_start():
    found = resolved("حذر وزير المالية من العجز. وقال وزير المالية سامي الحربي إن الإنفاق سيتراجع.")
    assert [c for _, c, _ in found] == ["سامي الحربي", "سامي الحربي"]
    assert found[0][2] == "وزير المالية"


def test_a_title_the_text_wrote_next_to_a_name_resolves_to_that_person():
    text = ("زار سامي الحربي مدير عام هيئة النقل، الموقع أمس. وقال الحربي إن الخطة جاهزة. "
            "وأوضح مدير عام هيئة النقل أن التنفيذ بدأ.")
    assert resolved(text)[-1] == ("أوضح", "الحربي", "مدير عام هيئة النقل")


def test_a_short_name_joins_the_full_name_that_follows():
    found = resolved("قال عادل إن الخطة جاهزة. وأكد عادل الجبير أن التنفيذ بدأ.")
    assert [c for _, c, _ in found] == ["عادل الجبير", "عادل الجبير"]  # the gazetteer's full name


def test_given_names_before_the_same_family_name_make_the_fuller_name():
    found = resolved("قال العمري إن الخطة جاهزة. وأكد خالد العمري أن التنفيذ بدأ.")
    assert [c for _, c, _ in found] == ["خالد العمري", "خالد العمري"]



def test_a_dropped_subject_takes_the_resolved_person_and_role():
    found = resolved("قال وزير المالية سامي الحربي إن العجز تراجع. وأضاف أن الإنفاق سيتراجع.")
    assert found[1] == ("أضاف", "سامي الحربي", "وزير المالية")


def test_a_body_has_no_role():
    assert resolved("أكدت الوزارة أن الخطة جاهزة.") == [("أكدت", "الوزارة", None)]


def test_coordinated_speakers_are_one_speaker_with_each_person():
    (claim, dual) = claims("وأكد الرئيسان خالد الساعدي والملك فيصل الثاني أن الحوار مستمر. وشددا على أهمية الأمن.")
    assert claim.speaker.text == "الرئيسان خالد الساعدي والملك فيصل الثاني"
    assert [p.canonical for p in claim.speaker.people] == ["خالد الساعدي", "فيصل الثاني"]
    assert claim.speaker.co_speakers[0].role == "الملك" and claim.content == "الحوار مستمر"
    assert [p.canonical for p in dual.speaker.people] == ["خالد الساعدي", "فيصل الثاني"]  # شددا: both
    assert not dual.speaker.explicit


def test_a_counterpart_joins_the_speaker_and_a_plural_verb_keeps_both():
    found = claims("وقال وزير المالية سامي الحربي ونظيره الكويتي ناصر العلي إن الاتفاق قريب. "
                   "وأكدت الوزارة أن الموعد ثابت. كما لفتا إلى أهمية التنفيذ. وأضاف الحربي أن العمل جار.")
    assert [p.canonical for p in found[0].speaker.people] == ["سامي الحربي", "ناصر العلي"]
    assert found[0].speaker.co_speakers[0].role == "نظيره الكويتي"
    assert [p.canonical for p in found[2].speaker.people] == ["سامي الحربي", "ناصر العلي"]  # past the ministry
    assert [p.canonical for p in found[3].speaker.people] == ["سامي الحربي"]


def test_after_a_dual_title_a_name_outside_the_lexicon_is_a_second_speaker():
    (claim,) = claims("وقال الوزيران سعد المطيري وفهد الدوسري في ندوة أمس إن الحكومة باقية.")
    assert [p.canonical for p in claim.speaker.people] == ["سعد المطيري", "فهد الدوسري"]
    assert claim.content == "الحكومة باقية"


def test_what_is_not_a_second_speaker():
    # a body's own name, an addressee behind ل, an object behind ب, a word whose و is its own
    assert claims("وقالت وزارة العمل والتنمية الاجتماعية إن البرنامج بدأ.")[0].speaker.co_speakers == ()
    (to_press,) = claims("وقال وزير الخارجية عادل الجبير للصحفيين إن اللقاء مثمر.")
    assert to_press.speaker.text == "وزير الخارجية عادل الجبير" and to_press.content == "اللقاء مثمر"
    praise = claims("وأشاد الوزير عادل الجبير بالموقف الثابت للرئيس سعد المطيري والتحالف العربي، مؤكدا أن الدعم مستمر.")
    assert praise[0].speaker.text == "الوزير عادل الجبير" and praise[0].speaker.co_speakers == ()
    (agency,) = claims("وقال وزير المالية سامي الحربي وكالة الأنباء الرسمية إن العجز تراجع.")
    assert agency.speaker.co_speakers == ()


def test_no_second_speaker_after_a_subject_outside_the_lexicon_that_may_run_into_the_object():
    text = "سرحان بدور الرئيس هادي والتحالف العربي إن"
    tokens = tokenize(text)
    assert coordinated(text, tokens, Subject(0, 4, 0, generic=True), len(tokens), known_names()) == ((), 4)
    (alliance,), end = coordinated(text, tokens, Subject(2, 4, 3), len(tokens), known_names())
    assert alliance.text == "التحالف العربي" and end == 6


def test_coordinated_subject_before_a_dual_verb():
    (claim,) = claims("وزير المالية سامي الحربي ونظيره الكويتي ناصر العلي يؤكدان أن الاتفاق قريب.")
    assert [p.canonical for p in claim.speaker.people] == ["سامي الحربي", "ناصر العلي"] and claim.speaker.explicit


def test_a_speaker_the_gazetteer_knows_by_its_whole_name_gets_its_english_the_glossary_first():
    found = claims("وأكدت وزارة الخارجية أن الحل سياسي.")
    assert [(c.speaker.canonical, c.speaker.en) for c in with_speakers(found, None)] == [
        ("وزارة الخارجية", "Ministry of Foreign Affairs")]
    ours = Glossary(terms=(GlossaryEntry(("وزارة الخارجية",), "the Foreign Ministry"),))
    assert with_speakers(found, ours)[0].speaker.en == "the Foreign Ministry"
    unknown = claims("وقال سالم العتيبي إن الحل سياسي.")
    assert with_speakers(unknown, None)[0].speaker.en is None
