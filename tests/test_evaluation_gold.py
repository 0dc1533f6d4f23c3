"""Scoring against gold: offsets map sentences, cues match after normalisation."""
from dataclasses import replace

import yaml

from generator.evaluation.gold import evaluate, normalise_word, score_statement, speaker_error
from generator.model import Claim, Entity, Meta, PillarItem, Pillars, Sentence, Speaker, Statement, Summary

BODY = "أكد الوزير أن التعاون مهم. وقال إن الخطة تقوم على ثلاثة محاور أولها الأمن. ثانيها الاقتصاد."
GOLD = yaml.safe_load("""
sentences:
  - {n: 1, starts: "أكد الوزير أن", claims: [{cue: أكد, act: assert, speaker: الوزير, explicit: true, speaker_key: الوزير}]}
  - {n: 2, starts: "وقال إن الخطة", claims: [{cue: قال, act: assert, speaker: null, explicit: false, speaker_key: الوزير}]}
  - {n: 3, starts: "ثانيها الاقتصاد", claims: []}
pillars:
  announced: 3
  noun: محاور
  items: [{n: 1, sentences: [2]}, {n: 2, sentences: [3]}]
entities:
  - {ar: "الوزير", en: "the Minister", type: PER}
figures:
  - {text: "ثلاثة محاور", value: 3, unit: pillar, sentence: 2}
""")


def sentences(*cuts: int) -> tuple[Sentence, ...]:
    bounds = [0, *cuts, len(BODY)]
    return tuple(Sentence(i + 1, BODY[a:b].strip(), a + (len(BODY[a:b]) - len(BODY[a:b].lstrip())), b)
                 for i, (a, b) in enumerate(zip(bounds, bounds[1:])))


def statement(split, claims=(), pillars=None, entities=()) -> Statement:
    return Statement("t", "t.md", Meta(title="t"), split, tuple(claims), pillars, tuple(entities))


def claim(sentence: int, cue: str, speaker: str, act: str = "assert") -> Claim:
    return Claim(f"c{sentence}", sentence, cue, "said", act, Speaker(speaker, speaker, True), "…")


def test_normalise_word_drops_conjunction_hamza_and_diacritics():
    assert normalise_word("وأكّد") == normalise_word("أكد") == normalise_word("اكد")
    assert normalise_word("فقال") == "قال"
    assert normalise_word("مشيرًا") == normalise_word("مشيرا")


def test_perfect_analysis_scores_one():
    split = sentences(BODY.index("وقال"), BODY.index("ثانيها"))
    pillars = Pillars(3, "محاور", 2, (PillarItem(1, (2,), True, ""), PillarItem(2, (3,), True, "")))
    analysed = statement(split, [claim(1, "أكد", "الوزير"), claim(2, "قال", "الوزير")],
                         pillars, [Entity("الوزير", "الوزير", "The Minister", "PER", (1,))])
    score = score_statement(GOLD, replace(analysed, summary=Summary((1, 2), "…", None)), BODY)
    figures = score.figures()
    assert figures["sentences"] == figures["claims F1"] == figures["speakers"] == 1.0
    assert figures["pillars"] == figures["pillar counts"] == figures["entities"] == 1.0
    assert score.misses == []


def test_a_missed_boundary_costs_sentences_not_claims():
    split = sentences(BODY.index("وقال"))  # sentences 2 and 3 glued together
    score = score_statement(GOLD, statement(split, [claim(1, "وأكد", "الوزير"), claim(2, "قال", "البيان", "call")]), BODY)
    figures = score.figures()
    assert round(figures["sentences"], 2) == 0.67
    assert figures["claims F1"] == 1.0
    assert figures["speakers"] == 0.5 and figures["acts"] == 0.5
    assert figures["pillar counts"] == 0.0 and figures["entities"] == 0.0


def test_extra_claim_lowers_precision():
    split = sentences(BODY.index("وقال"), BODY.index("ثانيها"))
    score = score_statement(GOLD, statement(split, [claim(1, "أكد", "الوزير"), claim(2, "قال", "الوزير"),
                                                    claim(3, "ذكر", "الوزير")]), BODY)
    assert round(score.figures()["claims P"], 2) == 0.67
    assert "claim extra: s3 ذكر" in score.misses


def test_summary_must_hold_the_pillars_announcement():
    split = sentences(BODY.index("وقال"), BODY.index("ثانيها"))
    with_announcement = replace(statement(split), summary=Summary((1, 2), "…", None))
    assert score_statement(GOLD, with_announcement, BODY).figures()["pillars in summary"] == 1.0
    lead_only = score_statement(GOLD, replace(statement(split), summary=Summary((1,), "…", None)), BODY)
    assert lead_only.figures()["pillars in summary"] == 0.0
    assert "summary without the pillars' announcement (s2)" in lead_only.misses


def test_evaluate_prints_the_summary_line(tmp_path, capsys):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "t.txt").write_text(BODY, encoding="utf-8")
    gold = dict(GOLD, source="seeds/t.txt")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "t.gold.yml").write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    evaluate(tmp_path / "gold", None)
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("claims F1 ") and " · speakers " in last and " · sentences " in last
    assert [part.split(" ")[0] for part in last.split(" · ")[-3:]] == ["pillars", "entities", "English"]


def test_wrong_speakers_are_counted_by_kind():
    def said(text, canonical=None):
        return Speaker(text, canonical or text, True)
    assert speaker_error("الوزير", "الوزير", None) == "empty"
    assert speaker_error("وزير المالية سامي الحربي", "الحربي", said("وزير المالية")) == "edges"
    assert speaker_error("مدير عام هيئة النقل", "الحربي", said("مدير عام هيئة النقل")) == "unresolved"
    assert speaker_error(None, "الحربي", said("سموه", "الأمير")) == "unresolved"
    assert speaker_error(None, "الحربي", said("خالد العمري")) == "person"


def test_the_breakdown_sums_the_wrong_speakers():
    split = sentences(BODY.index("وقال"), BODY.index("ثانيها"))
    analysed = statement(split, [claim(1, "أكد", "الوزير"), Claim("c2", 2, "قال", "said", "assert", None, "…")])
    score = score_statement(GOLD, analysed, BODY)
    assert score.speaker_errors == {"empty": 1}
    assert "empty speaker 1 · wrong edges 0" in score.speaker_error_line()


def test_a_finer_act_counts_as_the_guidelines_act_it_refines():
    """The gold calls أكد and أشار assert; Bayan's affirm and explain refine it, warn does not."""
    split = sentences(BODY.index("وقال"), BODY.index("ثانيها"))
    refined = score_statement(GOLD, statement(split, [claim(1, "أكد", "الوزير", "affirm"),
                                                      claim(2, "قال", "الوزير", "explain")]), BODY)
    assert refined.figures()["acts"] == 1.0
    other = score_statement(GOLD, statement(split, [claim(1, "أكد", "الوزير", "affirm"),
                                                    claim(2, "قال", "الوزير", "warn")]), BODY)
    assert other.figures()["acts"] == 0.5 and "act wrong: s2 قال warn (gold assert)" in other.misses


def test_a_key_names_the_speaker_with_or_without_the_article():
    split = sentences(BODY.index("وقال"), BODY.index("ثانيها"))
    indefinite = statement(split, [claim(1, "أكد", "وزير"), claim(2, "قال", "بيان للوزير")])
    assert score_statement(GOLD, indefinite, BODY).figures()["speakers"] == 1.0  # «قال وزير»: the key الوزير
    other = statement(split, [claim(1, "أكد", "وزيرة"), claim(2, "قال", "المدير")])
    assert score_statement(GOLD, other, BODY).figures()["speakers"] == 0.0
