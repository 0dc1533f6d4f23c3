"""Extractive summaries: order, size, pillars, boilerplate, English, determinism."""
from __future__ import annotations

import random

import pytest
from conftest import doc_of

from generator.analysis import summary
from generator.analysis.claims import find_claims
from generator.analysis.pillars import find_pillars
from generator.analysis.speakers import resolve
from generator.analysis.summary import RATIO, clean, summarize, unwrap_lines
from generator.model import Claim, Pillars, Sentence

BODY = [
    "أعلن مجلس الوزراء اليوم عن خطة وطنية جديدة لدعم التعليم والصحة في جميع المحافظات.",
    "وتشمل الخطة بناء مئة مدرسة جديدة وتجهيز المستشفيات بالأجهزة الحديثة.",
    "وقد حضر الاجتماع عدد من الوزراء والمسؤولين في القاعة الكبرى.",
    "وتقوم الخطة على أربع ركائز هي التعليم والصحة والطرق والمياه.",
    "وأكد رئيس المجلس أن التعليم هو أساس التنمية في البلاد.",
    "وقدمت الفرقة الوطنية عرضا فنيا قصيرا بعد الجلسة.",
    "ودعا الوزراء المواطنين إلى المشاركة في تنفيذ الخطة الوطنية.",
    "وستبدأ المرحلة الأولى من الخطة في مطلع العام المقبل.",
    "وتناول المشاركون الغداء في مطعم الفندق.",
    "واختتم الاجتماع بالتقاط الصور التذكارية.",
]


def sentences(texts: list[str]) -> list[Sentence]:
    """Sentences with offsets as if the texts were joined by single spaces."""
    out, start = [], 0
    for n, text in enumerate(texts, 1):
        out.append(Sentence(n, text, start, start + len(text)))
        start += len(text) + 1
    return out


def test_source_order_and_text():
    summary = summarize(sentences(BODY))
    assert list(summary.sentences) == sorted(summary.sentences)
    assert summary.text == " ".join(BODY[n - 1] for n in summary.sentences)
    assert 1 in summary.sentences


def words(text: str) -> int:
    return len(text.split())


@pytest.mark.parametrize("ratio", [0.2, RATIO, 0.5, 0.7, 1.0])
def test_size_is_a_share_of_the_words(ratio):
    """The summary's word count is as near the budget as whole sentences allow."""
    summary = summarize(sentences(BODY), ratio=ratio)
    budget = ratio * sum(words(t) for t in BODY)
    assert abs(words(summary.text) - budget) <= max(words(t) for t in BODY) / 2


def test_at_least_one_sentence():
    assert summarize(sentences(BODY), ratio=0.01).sentences == (1,)


def test_pillar_announcement_is_included():
    pillars = Pillars(announced=4, noun="ركائز", sentence=4, items=())
    assert summarize(sentences(BODY), pillars=pillars, ratio=0.1).sentences == (1, 4)  # the lead says who speaks
    lead = Pillars(announced=4, noun="ركائز", sentence=1, items=())
    assert summarize(sentences(BODY), pillars=lead, ratio=0.1).sentences == (1,)


STATEMENT = (
    "أعلن وزير الزراعة اليوم إطلاق برنامج وطني لحماية الغابات من الحرائق والرعي الجائر.\n"
    "وقال الوزير في مؤتمر صحفي عقده في مقر الوزارة إن البرنامج يمتد خمس سنوات.\n"
    "وحضر المؤتمر عدد من مديري المناطق وممثلي الجمعيات البيئية.\n"
    "وأوضح أن الغابات تغطي مساحات واسعة من المرتفعات الشمالية والغربية.\n"
    "وأشار إلى أن الحرائق أتلفت في الأعوام الماضية آلاف الأشجار النادرة.\n"
    "ويقوم البرنامج على ثلاثة محاور رئيسية يعمل عليها فريق من الخبراء والمتطوعين في كل منطقة.\n"
    "أولاً: إنشاء أبراج مراقبة في الغابات الكبيرة.\n"
    "ثانياً: تدريب المتطوعين على إطفاء الحرائق.\n"
    "ثالثاً: زراعة مليون شجرة في المناطق المتضررة.\n"
    "وتمنى الوزير للبرنامج النجاح وشكر الحاضرين على مشاركتهم."
)


def test_pillar_announcement_found_by_the_analysis_is_included():
    """A late announcement of the pillars enters a default-sized summary beside the lead."""
    doc = doc_of(STATEMENT)
    found = doc.sentences
    claims = resolve(find_claims(doc))
    pillars = find_pillars(doc, claims)
    assert pillars is not None and pillars.sentence == 6
    assert 6 not in summarize(found, claims).sentences
    summary = summarize(found, claims, pillars)
    assert summary.sentences[0] == 1 and 6 in summary.sentences
    assert len(summary.sentences) < len(found) / 2


def with_claim(n: int) -> list[Claim]:
    return [Claim("c1", n, "دعا", "called", "call", None, "المشاركة في تنفيذ الخطة")]


def test_claims_break_near_ties_of_position():
    """A claim lifts its sentence over a neighbour just before it; position still rules."""
    assert summarize(sentences(BODY), ratio=0.5).sentences == (1, 2, 3, 4)
    assert summarize(sentences(BODY), claims=with_claim(5), ratio=0.5).sentences == (1, 2, 3, 5)
    assert summarize(sentences(BODY), claims=with_claim(7), ratio=0.5).sentences == (1, 2, 3, 4)


def test_dateline_trailer_and_byline_never_enter():
    texts = ["الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "بقلم: محمد أحمد",
             *BODY, "// انتهى //"]
    summary = summarize(sentences(texts), ratio=1.0)
    assert summary.sentences == tuple(range(3, 13))
    assert "واس" not in summary.text and "انتهى" not in summary.text


def test_glued_dateline_and_trailer_are_cut():
    texts = ["الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس " + BODY[0],
             *BODY[1:], BODY[-1] + " // انتهى //"]
    summary = summarize(sentences(texts), ratio=1.0)
    assert summary.text.startswith("أعلن مجلس الوزراء")
    assert summary.text.endswith("التذكارية.")
    assert clean("عمّان (بترا) - " + BODY[1]) == BODY[1]


def test_english_follows_chosen_sentences():
    english = [f"English {n}." for n in range(1, 11)]
    english[2] = None
    summary = summarize(sentences(BODY), ratio=0.5, translation=english)
    expected = [english[n - 1] for n in summary.sentences if english[n - 1]]
    assert summary.text_en == " ".join(expected)
    assert summarize(sentences(BODY)).text_en is None


def test_deterministic():
    first = summarize(sentences(BODY), ratio=0.4)
    assert all(summarize(sentences(BODY), ratio=0.4) == first for _ in range(3))


def test_nothing_to_summarise():
    summary = summarize(sentences(["// انتهى //"]))
    assert summary.sentences == () and summary.text == ""


def test_unwrap_lines_keeps_offsets():
    text = "أعلن المجلس عن خطة\nجديدة لدعم التعليم.\nوتشمل الخطة بناء المدارس\n\nفقرة ثانية."
    joined = unwrap_lines(text)
    assert len(joined) == len(text)
    assert joined == "أعلن المجلس عن خطة جديدة لدعم التعليم.\nوتشمل الخطة بناء المدارس\n\nفقرة ثانية."


def eager_pick(scores, vectors, words, budget, chosen):
    """The plain greedy choice `_pick` must equal: every likeness brought up to date each round."""
    total = sum(words[n] for n in chosen)
    rest = [n for n in scores if n not in chosen]
    likeness = {n: max([summary._cosine(vectors[n], vectors[c], summary._squares(vectors[n]),
                                        summary._squares(vectors[c])) for c in chosen], default=0.0) for n in rest}
    while rest:
        best = max(rest, key=lambda n: scores[n] - summary.REDUNDANCY * likeness[n])
        if chosen and abs(total + words[best] - budget) > abs(total - budget):
            break
        chosen.append(best)
        rest.remove(best)
        total += words[best]
        for n in rest:
            likeness[n] = max(likeness[n], summary._cosine(vectors[n], vectors[best], summary._squares(vectors[n]),
                                                           summary._squares(vectors[best])))
    return chosen


def test_pick_chooses_as_the_plain_greedy_choice_would():
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(12)]
    for _ in range(300):
        count = rng.randint(1, 25)
        vectors = {n: {w: rng.choice([0.5, 1.0, 2.0]) for w in rng.sample(vocabulary, rng.randint(0, 5))}
                   for n in range(1, count + 1)}
        scores = {n: rng.choice([1 - n / count, 0.5, 1.0, 1.5 - n / count]) for n in vectors}  # ties too
        words = {n: rng.randint(3, 40) for n in vectors}
        budget = rng.uniform(0.1, 0.6) * sum(words.values())
        first = [rng.choice(list(vectors))] if rng.random() < 0.3 else []
        assert summary._pick(scores, vectors, words, budget, list(first)) == \
            eager_pick(scores, vectors, words, budget, list(first))
