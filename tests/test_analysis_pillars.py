"""Pillars, figures and sentence rules on texts written for each rule."""
from conftest import doc_of

from generator.analysis import analyze
from generator.analysis.figures import find_figures
from generator.analysis.pillars import find_pillars, pillar_findings
from generator.analysis.sentences import split_sentences
from generator.model import Meta, Source


def pillars(text):
    return find_pillars(doc_of(text))


def test_announced_count_with_any_noun_and_number_word_or_digit():
    for noun, number, value in [("مبادئ", "خمسة", 5), ("أهداف", "4", 4), ("توصيات", "ثلاث", 3), ("بنود", "ستة", 6)]:
        found = pillars(f"أعلن المجلس {number} {noun} للمرحلة. أولاً الأمن. ثانيًا التعليم.")
        assert (found.noun, found.announced) == (noun, value)


def test_ordinals_in_all_forms():
    text = "تقوم الرؤية على ثلاثة محاور. المحور الأول الاقتصاد. والمحور الثاني المجتمع. ثالثها الوطن."
    assert [(i.n, i.sentences) for i in pillars(text).items] == [(1, (2,)), (2, (3,)), (3, (4,))]
    numbered = "حدد البيان ثلاث نقاط.\n1- وقف القتال.\n2- فتح الممرات.\n3- بدء الحوار."
    assert [(i.n, i.sentences) for i in pillars(numbered).items] == [(1, (2,)), (2, (3,)), (3, (4,))]


def test_items_listed_inside_the_announcing_sentence():
    found = pillars("تقوم الخطة على ثلاثة محاور: الأمن، والاقتصاد، والتعليم. وقال الوزير إن التنفيذ قريب.")
    assert [i.text for i in found.items] == ["الأمن", "والاقتصاد", "والتعليم"]
    assert all(i.sentences == (1,) for i in found.items)


def test_count_mismatch_is_a_finding():
    found = pillars("حدد الاجتماع أربعة أهداف. أولها الأمن. ثانيها التنمية.")
    assert found.announced == 4 and len(found.items) == 2
    assert [f.code for f in pillar_findings(found)] == ["pillars/count-mismatch"]
    statement = analyze(Source("s", "s.md", Meta(title="t"), "حدد الاجتماع أربعة أهداف. أولها الأمن. ثانيها التنمية."))
    assert any(f.code == "pillars/count-mismatch" for f in statement.findings)


def test_figures_money_percent_dates_and_resolutions():
    text = ("بلغت الميزانية 230 مليار ريال بزيادة 5 في المائة في 3 رمضان 1436 هـ الموافق 20 يونيو 2015 م. "
            "وطالب بتنفيذ القرار رقم 2216.")
    found = [(f.value, f.unit) for f in find_figures(doc_of(text))]
    assert found == [(230_000_000_000, "SAR"), (5, "percent"), ("2015-06-20", "date"),  # one day, two calendars
                     (2216, "resolution-number")]


def test_one_letter_abbreviation_does_not_end_a_sentence_but_an_era_mark_does():
    assert len(split_sentences("كشف د. الشعيبي أن الدراسة جاهزة.")) == 1
    assert len(split_sentences("وقع الحادث في 10 أغسطس 2015 م. ثم انتهى التحقيق.")) == 2


def test_among_the_pillars_is_the_next_item():
    for among in ("ومن بين", "من بين"):
        text = f"تقوم الرؤية على ثلاث ركائز. أولها الأمن. ثانيها الاقتصاد. {among} الركائز كذلك التعليم."
        found = pillars(text)
        assert [(i.n, i.sentences) for i in found.items] == [(1, (2,)), (2, (3,)), (3, (4,))]
        assert found.items[2].text.startswith(among)


def test_pillars_with_ordinal_markers():
    text = "حدد البيان ثلاثة مبادئ. أولاً احترام السيادة. ثانيًا عدم التدخل. ثالثًا الحوار."
    pillars = find_pillars(doc_of(text))
    assert (pillars.announced, pillars.noun, pillars.sentence) == (3, "مبادئ", 1)
    assert [(i.n, i.sentences, i.explicit) for i in pillars.items] == [(1, (2,), True), (2, (3,), True), (3, (4,), True)]


def test_no_pillars_without_an_enumeration():
    text = "أكد الوزير أن الوضع مستقر."
    assert find_pillars(doc_of(text)) is None


def test_a_counted_noun_with_no_item_after_it_announces_nothing():
    assert pillars("شنت الطائرات غارات ليلية ضربت خلالها ستة أهداف. وقال المتحدث إن العمليات مستمرة.") is None
    assert pillars("أوقفت الشرطة خمسة عناصر مطلوبين في عملية أمنية. وأحيل الموقوفون إلى النيابة.") is None


def test_numbered_paragraphs_without_an_announcement_are_no_enumeration():
    assert pillars("24 - تلاحظ اللجنة تقدم العمل.\n25 - وتوصي الدول بالتعاون.\n26 - وتقرر مواصلة النظر.") is None


def test_an_ordinal_used_as_an_adverb_marks_no_item():
    assert pillars("بدأ الفريق بالتدريب أولاً، ثم انتقل إلى المباراة ثانياً بعد الاستراحة.") is None
    opening = pillars("أولاً: دعم الشباب، وثانياً: تمكين المرأة.")
    assert [(i.n, i.sentences) for i in opening.items] == [(1, (1,)), (2, (1,))]


def test_several_marked_items_in_one_sentence():
    found = analyze(Source("s", "s.md", Meta(title="t"), "تناول اللقاء ثلاثة محاور: المحور الأول الأمن المائي، "
                           "والمحور الثاني الطاقة، والمحور الثالث النقل. وقال الوزير إن التنفيذ قريب.")).pillars
    assert [(i.n, i.sentences, i.explicit) for i in found.items] == [(1, (1,), True), (2, (1,), True), (3, (1,), True)]
    assert [i.text for i in found.items] == ["المحور الأول الأمن المائي", "والمحور الثاني الطاقة",
                                             "والمحور الثالث النقل."]


def test_items_listed_after_an_opener_and_joined_by_wa():
    found = pillars("حدد المجلس ثلاث أولويات وهي دعم التعليم والصحة والإسكان الميسر. وأقر الميزانية.")
    assert [i.text for i in found.items] == ["دعم التعليم", "والصحة", "والإسكان الميسر"]
    assert pillars("حدد المجلس أربع أولويات وهي دعم التعليم والصحة. وأقر الميزانية.") is None  # not as many as announced
