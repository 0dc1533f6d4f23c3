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
    person = with_speakers(unknown, None)[0].speaker  # no list knows him: his name romanised, and marked so
    assert (person.en, person.romanized) == ("Salem Al-Otaibi", True)
    ours = Glossary(terms=(GlossaryEntry(("سالم العتيبي",), "Salim al-Utaybi"),))
    assert (with_speakers(unknown, ours)[0].speaker.en, with_speakers(unknown, ours)[0].speaker.romanized) == (
        "Salim al-Utaybi", False)


def named(text):
    """(speaker words, canonical name, role) of the first claim."""
    speaker = claims(text)[0].speaker
    return speaker.text, speaker.canonical, speaker.role


def test_a_body_whose_name_starts_like_a_clitic_is_a_subject():
    assert named("وأعلنت وكالة الأنباء الرسمية أن الطريق مفتوح.")[0] == "وكالة الأنباء الرسمية"  # not و + ك + الة


def test_a_post_in_apposition_runs_on_to_the_name_of_its_holder():
    assert named("وقال المفتي العام للمنطقة الشرقية الشيخ سالم بن علي الدوسري إن الموعد ثابت.") == (
        "المفتي العام للمنطقة الشرقية الشيخ سالم بن علي الدوسري", "سالم بن علي الدوسري",
        "المفتي العام للمنطقة الشرقية الشيخ")
    found = named("وأوضح الأمين العام لمركز الملك فهد الوطني للبحوث الدكتور خالد بن سعد العمري أن البحث مستمر.")
    assert found[1] == "خالد بن سعد العمري"  # «الملك فهد» is the centre's name, not the speaker's


def test_a_nisba_family_name_ends_the_subject_before_the_object():
    assert named("وأعلن المتحدث باسم القوات الحكومية العقيد سامي الزهراني مقتل ثلاثة مسلحين.")[1] == "سامي الزهراني"
    assert named("وأكد رئيس مجلس الأعيان الشيخ سالم الدوسري فرار عناصر التنظيم من البلدة.")[1] == "سالم الدوسري"


def test_an_object_after_a_title_or_a_body_is_no_name():
    assert named("وتوقع الخبير ارتفاع الطلب في الصيف.")[0] == "الخبير"
    assert named("وأكد الطرفان أهمية التعاون في المجال.")[0] == "الطرفان"
    assert named("وأعلنت الشرطة الاتحادية إحباط محاولة تسلل جديدة للمسلحين.")[0] == "الشرطة الاتحادية"
    assert named("ودعا البيان الحكومة الكندية إلى الحوار.")[0] == "البيان"  # the government is whom it called on
    assert named("وطالب المجلس الوزارة بتوضيح الأسباب.")[0] == "المجلس"


def test_a_name_ends_before_whom_the_speaker_told_and_before_a_post_after_it():
    assert named("وقال سامي الحربي للصحفيين إن الخطة جاهزة.")[:2] == ("سامي الحربي", "سامي الحربي")
    assert named("وقال مصدر أمني لـ«الصحيفة» إن الوضع هادئ.")[0] == "مصدر أمني"
    assert named("وأكد الدكتور خالد العتيبة وزير الصحة أن المستشفى جاهز.")[1] == "خالد العتيبة"
    assert named("وقال الاتحاد الدولي للسيارات في تقرير إن السائق أخطأ.")[0] == "الاتحاد الدولي للسيارات"


def test_a_name_chain_with_its_particles():
    assert named("وقال الأمير عبد الله بن فهد بن عبد العزيز آل سعود إن الحفل كبير.")[1] == \
        "عبد الله بن فهد بن عبد العزيز آل سعود"
    assert named("وأشاد الأمير فيصل بن مساعد بالجهود المبذولة.")[1] == "فيصل بن مساعد"  # مساعد: also a post


def test_a_word_behind_a_preposition_before_a_plural_post_is_no_name():
    assert named("ورحب الوزراء بعودة وزراء الحكومة إلى العاصمة.")[1] == "الوزراء"


def test_the_source_quoted_after_nuqlan_an_is_no_part_of_the_subject():
    assert named("وقال بيان للمجلس نقلا عن اللجنة إن الموعد ثابت.")[0] == "بيان للمجلس"


def test_a_post_in_apposition_after_the_name_is_its_role():
    assert named("وأكد فهد العلي رئيس اللجنة أن الموعد ثابت.") == ("فهد العلي رئيس اللجنة", "فهد العلي", "رئيس اللجنة")
    assert named("وقال سامي الحربي، وزير المالية، إن العجز تراجع.")[1:] == ("سامي الحربي", "وزير المالية")


def test_whom_a_verb_of_telling_told_may_stand_before_its_subject():
    assert named('وأبلغ "الصحيفة" سامي الحربي مدير عام الهيئة، أن العمل جار.')[1] == "سامي الحربي"
    assert named("وأبلغت «الصحيفة» مصادر مطلعة أن الاجتماع تأجل.")[0] == "مصادر مطلعة"


def test_the_first_of_two_coordinated_speakers_keeps_his_own_gender():
    found = claims("حذر الوزير سامي الحربي والمبعوث جون سميث من العزلة. وقال سميث إن الاتفاق مهم. "
                   "وأكد الوزير سامي الحربي أن النجاح ممكن، مفيدًا أن الدعم قائم.")
    assert found[-1].speaker.canonical == "سامي الحربي"  # a masculine participle after a plural-free speaker


def test_fadila_is_an_honorific():
    found = claims("وبين فضيلة الشيخ سالم الدوسري أن الصوم عبادة. وأكد فضيلته أن الرحمة واجبة.")
    assert [c.speaker.canonical for c in found] == ["سالم الدوسري", "سالم الدوسري"]


def test_a_family_name_with_the_article_after_a_title_is_the_name():
    assert named("وقال المهندس الحمادة: «المحطة جاهزة».")[:2] == ("المهندس الحمادة", "الحمادة")
    assert named("وبين الدكتور الفلاحة أن العمل مستمر.")[1] == "الفلاحة"
    assert named("وقال الدكتور الإيراني إن الاتفاق قريب.")[1] == "الإيراني"  # a nisba, as before
    assert named("وأكد الشيخ المسؤول عن الملف أن الموعد ثابت.")[1] == "الشيخ المسؤول"  # a phrase goes on: no name


def test_a_title_written_as_its_initial_and_a_dot():
    assert named("وأكد د.سامر حداد أن الخطة جاهزة.")[1] == "سامر حداد"
    assert named("وقال م. خالد العمري إن المشروع اكتمل.")[:2] == ("م. خالد العمري", "خالد العمري")
    assert named("وقال أ.د سالم النمر إن البحث مستمر.")[1] == "سالم النمر"


def test_a_name_in_quotation_marks_belongs_to_the_noun_before_it():
    assert named("وقالت صحيفة «النهار» اللبنانية إن الوزير استقال.")[0] == "صحيفة «النهار» اللبنانية"
    assert named('وذكرت وكالة "الأنباء الحرة" أن الطريق مغلق.')[0] == 'وكالة "الأنباء الحرة"'
    assert named("وقالت الوزارة «إن الطريق مغلق».")[0] == "الوزارة"  # a definite noun governs no name: the content


def test_an_emphatic_pronoun_belongs_to_the_subject_and_names_the_earlier_speaker():
    found = resolved("وقالت مصادر أمنية إن الطريق مغلق. وأضافت المصادر ذاتها أن العمل جار. وقال المصدر نفسه إن الوضع هادئ.")
    assert found[0][1] == found[1][1] == "مصادر أمنية"
    assert claims("وقال المصدر نفسه إن الوضع هادئ.")[0].speaker.text == "المصدر نفسه"


def test_whom_the_speaker_told_may_stand_between_the_verb_and_the_subject():
    assert named("وقال لـ«الصحيفة» مصدر مطلع إن الاجتماع تأجل.")[0] == "مصدر مطلع"
    assert named('وقال لـ"النهار" المهندس سامي الحربي: إن المحطة جاهزة.')[1] == "سامي الحربي"
    assert named("وقال للصحفيين الوزير إن الخطة جاهزة.")[0] == "الوزير"
    assert named("وقال لوكالة الأنباء الرسمية المتحدث باسم الوزارة إن العمل جار.")[0] == "المتحدث باسم الوزارة"


def test_a_subject_in_quotation_marks_before_the_content():
    assert named("وأوضحت «الغذاء والدواء» أن المنع مستمر.")[:2] == ("الغذاء والدواء", "الغذاء والدواء")
    assert named('وقال "سامي الحربي": العمل جار.')[1] == "سامي الحربي"
    assert named("وقال «مكتب أنباء الجنوب» إن الطريق مغلق.")[1] == "مكتب أنباء الجنوب"  # one name
    assert claims("وقال «إن العمل جار».")[0].speaker is None  # the content in quotation marks


def test_a_name_then_a_post_with_the_article_before_the_content():
    assert named("وقال سامي الحربي المتحدث الرسمي باسم الهيئة إن العمل جار.")[1:] == (
        "سامي الحربي", "المتحدث الرسمي باسم الهيئة")
    assert claims("وأعلن عزم التحالف الرئيس على المضي في الخطة.")[0].speaker is None  # a noun and its genitive


def test_a_preposition_with_its_pronoun_is_no_subject():
    assert named("وذكر فيه البيان أن الخطة جاهزة.")[0] == "البيان"
    assert named("وقالت عنها الوزارة إن العمل جار.")[0] == "الوزارة"
    assert [c.speaker for c in claims("وقال فيه إن العمل جار.")] == [None]
