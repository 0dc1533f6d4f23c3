"""The analysis of the seed statement (coalition ministerial, 2018) against its hand annotation."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from strategies import FUZZ, any_text, rich_text

from generator.analysis import analyze
from generator.model import Meta, Source, statement_from_dict

SEED = Path(__file__).parent / "fixtures" / "coalition-ministerial-2018.ar.txt"


@pytest.fixture(scope="module")
def statement():
    body = SEED.read_text(encoding="utf-8")
    return analyze(Source("coalition-ministerial-2018", str(SEED), Meta(title="seed"), body))


def test_ten_sentences_with_exact_offsets(statement):
    body = SEED.read_text(encoding="utf-8")
    assert len(statement.sentences) == 10
    assert all(body[s.start:s.end] == s.text for s in statement.sentences)
    assert statement.sentences[1].text.startswith("وشدد الوزراء في بيانهم الختامي")


def test_eleven_claims_with_cues_and_acts(statement):
    cues = [c.cue for c in statement.claims]
    assert cues == ["أكد", "شدد", "أكد", "قال", "أشار", "ذكر", "دعا", "مشيرًا", "أوضح", "قال", "ذكر"]
    acts = [c.act for c in statement.claims]
    # أكد affirms, قال and ذكر report, أشار and أوضح explain or point out
    assert acts == ["affirm", "emphasize", "affirm", "assert", "explain", "assert", "call", "explain",
                    "explain", "assert", "assert"]
    assert [c.sentence for c in statement.claims] == [1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10]


def test_explicit_speakers(statement):
    by_sentence = {c.sentence: c.speaker for c in statement.claims if c.speaker.explicit}
    assert by_sentence[1].text == "وزراء خارجية دول التحالف الدولي ضد تنظيم داعش الإرهابي"
    assert by_sentence[2].text == "الوزراء"
    assert by_sentence[3].text == "البيان"
    assert by_sentence[6].text == "البيان"
    assert set(by_sentence) == {1, 2, 3, 6}


def test_implicit_speakers_resolve_to_the_statement(statement):
    implicit = [c for c in statement.claims if not c.speaker.explicit]
    assert sorted({c.sentence for c in implicit}) == [4, 5, 7, 8, 9, 10]
    ids = {c.id: c for c in statement.claims}
    for claim in implicit:
        assert claim.speaker.text == "البيان"
        assert claim.speaker.canonical == "البيان"
        assert ids[claim.speaker.from_claim].speaker.text == "البيان"


def test_claim_content_follows_cue_and_speaker(statement):
    first, second, fourth = statement.claims[0], statement.claims[1], statement.claims[3]
    assert first.content.startswith("عزم التحالف على المضي")
    assert second.content.startswith("استمرار جهود التحالف")
    assert fourth.content.startswith("التحالف يعمل على تعزيز مكاسبه")


def test_pillars(statement):
    pillars = statement.pillars
    assert (pillars.announced, pillars.noun, pillars.sentence) == (4, "ركائز", 6)
    assert [i.sentences for i in pillars.items] == [(6,), (7,), (8,), (9, 10)]
    assert [i.explicit for i in pillars.items] == [True, False, True, False]


def test_entities_with_english_names(statement):
    english = {e.en for e in statement.entities}
    assert {"Global Coalition against Daesh", "Daesh (ISIS)", "Iraq", "Syria", "Tampa",
            "UN Security Council", "UNSC Resolution 2254", "Charter of the United Nations",
            "Counter ISIS Finance Group (CIFG)"} <= english


def test_figures(statement):
    found = {(f.value, f.unit, f.sentence) for f in statement.figures}
    assert {(3.5, "year", 5), (4, "pillar", 6), (2254, "resolution-number", 4)} <= found


def test_summary_includes_the_pillar_announcement(statement):
    assert 6 in statement.summary.sentences
    assert statement.summary.sentences == tuple(sorted(statement.summary.sentences))


def test_the_three_slips_of_the_seed_are_reported(statement):
    messages = [f.message for f in statement.findings if f.code == "spelling"]
    assert messages == ["«باستنثاء»: did you mean «باستثناء»?", "«الأمول»: did you mean «الأموال»?",
                        "«الإقليمة»: did you mean «الإقليمية»?"]


@FUZZ
@given(body=rich_text, title=any_text)
def test_analysis_never_raises_and_offsets_slice_the_text(body, title):
    body = body.strip() + " أكد الوزير."
    source = Source(slug="fuzz", path="content/statements/fuzz.md", meta=Meta(title=title or "ع"), body=body)
    statement = analyze(source)
    numbers = {s.n for s in statement.sentences}
    assert [s.n for s in statement.sentences] == list(range(1, len(statement.sentences) + 1))
    for s in statement.sentences:
        assert 0 <= s.start <= s.end <= len(body) and body[s.start:s.end] == s.text
    texts = {s.n: s.text for s in statement.sentences}
    for claim in statement.claims:
        assert claim.sentence in numbers and claim.cue in texts[claim.sentence]
    for figure in statement.figures:
        assert figure.sentence in numbers
    for entity in statement.entities:
        assert set(entity.sentences) <= numbers
    for finding in statement.findings:
        assert finding.sentence is None or finding.sentence in numbers
    assert statement_from_dict(json.loads(json.dumps(statement.to_dict()))) == statement
