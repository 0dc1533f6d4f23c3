"""Reading + analysis: the cache skips unchanged statements, jobs run in parallel, failures stay local."""
from pathlib import Path

import generator.pipeline as pipeline
from generator.analysis import Settings
from generator.infra.analysis_cache import AnalysisCache
from generator.pipeline import load_content
from generator.infra.pool import GC_THRESHOLD, fewer_collections


def write(root: Path, name: str, text: str) -> Path:
    path = root / "content" / "statements" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def counting_analyze(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = pipeline.analyze

    def analyze(source, settings):
        calls.append(source.slug)
        return real(source, settings)

    monkeypatch.setattr(pipeline, "analyze", analyze)
    return calls


def test_unchanged_statements_come_from_the_cache(tmp_path, monkeypatch):
    for n in range(3):
        write(tmp_path, f"s{n}.md", f"---\ntitle: بيان {n}\n---\nأكد الوزير أهمية التعاون رقم {n}.\n")
    cache = AnalysisCache(tmp_path / "cache")
    calls = counting_analyze(monkeypatch)
    first, _ = load_content(tmp_path / "content", cache)
    assert sorted(calls) == ["s0", "s1", "s2"]
    calls.clear()
    again, _ = load_content(tmp_path / "content", cache)
    assert calls == [] and again == first
    write(tmp_path, "s1.md", "---\ntitle: بيان معدل\n---\nقال الوزير إن العمل مستمر.\n")
    edited, _ = load_content(tmp_path / "content", cache)
    assert calls == ["s1"] and edited[1].meta.title == "بيان معدل"


def test_a_new_analysis_version_invalidates_the_cache(tmp_path, monkeypatch):
    write(tmp_path, "s.md", "---\ntitle: بيان\n---\nأكد الوزير أهمية التعاون.\n")
    load_content(tmp_path / "content", AnalysisCache(tmp_path / "cache", version="1"))
    calls = counting_analyze(monkeypatch)
    load_content(tmp_path / "content", AnalysisCache(tmp_path / "cache", version="2"))
    assert calls == ["s"]
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["analysis-2.json"]  # the old one is gone


def test_parallel_jobs_give_the_same_result(tmp_path):
    for n in range(8):
        write(tmp_path, f"s{n}.txt", f"أكد الوزير أهمية التعاون رقم {n}.\nوقال إن العمل مستمر.\n")
    serial, _ = load_content(tmp_path / "content")
    parallel, _ = load_content(tmp_path / "content", jobs=2)
    assert parallel == serial


def test_a_crashing_analysis_becomes_an_error_finding(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", "أكد الوزير.\n")
    write(tmp_path, "b.txt", "قال الوزير.\n")

    def analyze(source, settings):
        if source.slug == "a":
            raise ValueError("boom")
        return real(source, settings)

    real = pipeline.analyze
    monkeypatch.setattr(pipeline, "analyze", analyze)
    a, b = load_content(tmp_path / "content")[0]
    assert a.findings[0].level == "error" and "content/statements/a.txt:1:" in a.findings[0].message
    assert "ValueError: boom" in a.findings[0].message
    assert b.sentences and not b.findings


def test_analysis_brings_translation_summary_and_character_findings(tmp_path):
    write(tmp_path, "s.md", "---\ntitle: بيان\n---\nأكد الوزير أهمية التعاون.\n"
                            "وذكر أن الخطة تقوم على ثلاث ركائز أولها الأمن.\nوقال إن المبلغ \u202e100\u202c.\n")
    (tmp_path / "content" / "statements" / "s.en.md").write_text("The minister affirmed.\n\nSecond.\n",
                                                                  encoding="utf-8")
    (statement,), _ = load_content(tmp_path / "content")
    assert statement.translation.sentences == ("The minister affirmed.", "Second.", None)
    assert statement.translation.missing == (3,)
    assert 2 in statement.summary.sentences
    codes = [(f.code, f.line) for f in statement.findings]
    assert ("translation/missing", 6) in codes
    assert ("characters/bidi-control", 6) in codes


def test_the_collector_runs_less_often_only_while_analysing():
    import gc

    before = gc.get_threshold()
    try:
        with fewer_collections():
            assert gc.get_threshold() == GC_THRESHOLD
            raise ValueError("a crash inside")
    except ValueError:
        pass
    assert gc.get_threshold() == before


def test_the_summary_ratio_is_the_sites_and_part_of_the_cache_key(tmp_path, monkeypatch):
    sentences = "".join(f"أكد الوزير في الجملة رقم {n} أهمية التعاون بين البلدين.\n" for n in range(1, 11))
    write(tmp_path, "s.md", "---\ntitle: بيان\n---\n" + sentences)
    cache = AnalysisCache(tmp_path / "cache")
    (default,), _ = load_content(tmp_path / "content", cache)
    calls = counting_analyze(monkeypatch)
    (whole,), _ = load_content(tmp_path / "content", cache, settings=Settings(summary_ratio=1.0))
    assert calls == ["s"]  # not the default summary from the cache
    assert len(default.summary.sentences) < 10 and whole.summary.sentences == tuple(range(1, 11))
