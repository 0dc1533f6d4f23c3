"""The analysis as one Doc through named stages: their order, the Doc's tokens, the settings."""
from generator.analysis import Settings, analyze, spelling
from generator.analysis.doc import Doc
from generator.analysis.stages import STAGES
from generator.model import Meta, Source

BODY = "الرياض 5 رمضان 1436 هـ واس\nأكد الوزير أن المملكة تدعم الحوار.\nوقال إن ٣ مبادرات أُطلقت."


def test_stages_run_in_the_agreed_order():
    assert [stage.name for stage in STAGES] == ["wire", "sentences", "claims", "speakers", "pillars", "entities",
                                                "figures", "translation", "summary", "findings"]


def test_each_stage_fills_the_doc_and_the_statement_is_what_they_found():
    doc = Doc(Source("s", "s.md", Meta(title="t"), BODY))
    for stage in STAGES:
        stage.run(doc)
    assert doc.frame.start > 0 and doc.meta.agency and doc.claims and doc.summary
    assert doc.statement() == analyze(doc.source)


def test_tokens_are_made_once_with_offsets_into_the_original_text():
    doc = Doc(Source("s", "s.md", Meta(title="t"), BODY))
    for stage in STAGES[:2]:
        stage.run(doc)
    assert len(doc.tokens) == len(doc.sentences) == 2
    for sentence, tokens in zip(doc.sentences, doc.tokens):
        assert tokens and all(BODY[t.start:t.end] == t.text for t in tokens)
        assert sentence.start <= tokens[0].start and tokens[-1].end <= sentence.end
    assert all(BODY[t.start:t.end] == t.text for t in doc.dateline) and doc.dateline[-1].end <= doc.frame.start


def test_the_summary_ratio_comes_from_the_settings():
    body = "".join(f"أكد الوزير في الجملة رقم {n} أهمية التعاون بين البلدين.\n" for n in range(1, 11))
    source = Source("s", "s.md", Meta(title="t"), body)
    assert analyze(source, Settings(summary_ratio=1.0)).summary.sentences == tuple(range(1, 11))
    assert len(analyze(source).summary.sentences) < 10
    assert Settings.given(None) == Settings() and Settings.given(0.5).summary_ratio == 0.5
    assert "cache_dir" not in Settings(cache_dir=None).results()


def test_the_spelling_dictionary_is_kept_in_the_cache_folder_it_is_given(tmp_path):
    built = spelling.dictionary.__wrapped__(tmp_path / "cache")
    (stored,) = (tmp_path / "cache").glob("spelling-*.marshal")
    assert spelling._read(stored) == built
