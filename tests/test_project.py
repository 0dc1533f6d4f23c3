"""The road: reading + analysis (the cache skips unchanged statements, jobs run in parallel,
failures stay local) and the project's settings."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import load_content

import generator.analysis
import generator.infra.analysis_cache
from generator.infra.pool import GC_THRESHOLD, MIN_CALLS, fewer_collections


def write(root: Path, name: str, text: str) -> Path:
    path = root / "content" / "statements" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def counting_analyze(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = generator.analysis.analyze

    def analyze(source, settings):
        calls.append(source.slug)
        return real(source, settings)

    monkeypatch.setattr(generator.analysis, "analyze", analyze)
    return calls


def test_unchanged_statements_come_from_the_cache(tmp_path, monkeypatch):
    for n in range(3):
        write(tmp_path, f"s{n}.md", f"---\ntitle: بيان {n}\n---\nأكد الوزير أن التعاون رقم {n} مهم.\n")
    cache = tmp_path / "cache"
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
    monkeypatch.setattr(generator.infra.analysis_cache, "analysis_version", lambda: "1")
    load_content(tmp_path / "content", tmp_path / "cache")
    calls = counting_analyze(monkeypatch)
    monkeypatch.setattr(generator.infra.analysis_cache, "analysis_version", lambda: "2")
    load_content(tmp_path / "content", tmp_path / "cache")
    assert calls == ["s"]
    assert [p.name for p in (tmp_path / "cache").glob("analysis-*")] == ["analysis-2.json"]  # the old one is gone


def test_parallel_jobs_give_the_same_result(tmp_path):
    for n in range(MIN_CALLS + 2):  # enough to be worth the processes
        write(tmp_path, f"s{n}.txt", f"أكد الوزير أن التعاون رقم {n} مهم.\nوقال إن العمل مستمر.\n")
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

    real = generator.analysis.analyze
    monkeypatch.setattr(generator.analysis, "analyze", analyze)
    a, b = load_content(tmp_path / "content")[0]
    assert a.findings[0].level == "error" and str(a.findings[0]).startswith("content/statements/a.txt:1: error:")
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
    cache = tmp_path / "cache"
    (default,), _ = load_content(tmp_path / "content", cache)
    calls = counting_analyze(monkeypatch)
    (whole,), _ = load_content(tmp_path / "content", cache, summary_ratio=1.0)
    assert calls == ["s"]  # not the default summary from the cache
    assert len(default.summary.sentences) < 10 and whole.summary.sentences == tuple(range(1, 11))


# ---- settings: read once, inherited by the mirror, the same errors for check and build ----


import pytest  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402
from conftest import make_project  # noqa: E402

from generator.problems import ProblemError  # noqa: E402
from generator.project import Project  # noqa: E402

TEN_SENTENCES = "---\ntitle: بيان\n---\n" + "".join(
    f"أكد الوزير في الجملة رقم {n} أهمية التعاون بين البلدين.\n" for n in range(1, 11))


def with_setting(root: Path, line: str) -> Path:
    """The project with `line` (e.g. `summary_ratio: 1.0`) under `bayan:` in its mkdocs.yml."""
    config = root / "mkdocs.yml"
    key = line.split(":")[0]
    kept = [each for each in config.read_text(encoding="utf-8").split("\n") if not each.startswith(f"      {key}:")]
    config.write_text("\n".join(kept).replace("  - bayan:\n", f"  - bayan:\n      {line}\n"), encoding="utf-8")
    return root


def run(root: Path, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=root, capture_output=True, text=True, timeout=180)


def test_a_setting_in_mkdocs_yml_reaches_the_english_mirror(tmp_path):
    root = with_setting(make_project(tmp_path), "summary_ratio: 1.0")
    (root / "content" / "statements" / "s.md").write_text(TEN_SENTENCES, encoding="utf-8")
    english = "\n\n".join(f"The minister stressed cooperation, in sentence {n}." for n in range(1, 11))
    (root / "content" / "statements" / "s.en.md").write_text(english, encoding="utf-8")
    assert Project.load(root / "mkdocs.en.yml").summary_ratio == 1.0
    assert Project.load(root / "mkdocs.en.yml").language == "en"
    result = run(root, "generator", "build", "--strict")
    assert result.returncode == 0, result.stderr
    for site, first, last in ((root / "site", "رقم 1 ", "رقم 10 "),  # the whole text in both languages
                              (root / "site" / "en", "sentence 1.", "sentence 10.")):
        html = (site / "statements" / "s" / "index.html").read_text(encoding="utf-8")
        summary = BeautifulSoup(html, "html.parser").find(class_="bayan-summary").get_text()
        assert first in summary and last in summary, summary


def test_the_mirrors_own_setting_wins_over_the_inherited_one(tmp_path):
    root = with_setting(make_project(tmp_path), "summary_ratio: 0.5")
    mirror = root / "mkdocs.en.yml"
    mirror.write_text(mirror.read_text(encoding="utf-8").replace("      language: en", "      language: en\n"
                                                                  "      summary_ratio: 0.25"), encoding="utf-8")
    assert Project.load(root / "mkdocs.yml").summary_ratio == 0.5
    assert Project.load(mirror).summary_ratio == 0.25


def test_command_line_flags_win_over_mkdocs_yml(tmp_path):
    root = with_setting(make_project(tmp_path), "max_bytes: 1000")
    assert Project.load(root / "mkdocs.yml").max_bytes == 1000
    assert Project.load(root / "mkdocs.yml", max_bytes=50).max_bytes == 50
    assert Project.load(root / "mkdocs.yml", max_bytes=None).max_bytes == 1000  # not given


BAD_SETTINGS = [
    ("summary_ratio: 5", "summary_ratio"),
    ("summary_ratio: none of it", "summary_ratio"),
    ("jobs: 0", "jobs"),
    ("jobs: many", "jobs"),
    ("max_bytes: -1", "max_bytes"),
    ("language: fr", "language"),
    ("content_dir: 3", "content_dir"),
    ("templates_dir: [a]", "templates_dir"),
    ("cache_dir: {a: 1}", "cache_dir"),
    ("colour: blue", "colour"),
]


@pytest.mark.parametrize("line,name", BAD_SETTINGS)
def test_check_and_build_agree_on_a_wrong_setting(tmp_path, line, name):
    root = with_setting(make_project(tmp_path), line)
    (root / "content" / "statements" / "s.md").write_text(TEN_SENTENCES, encoding="utf-8")
    check = run(root, "generator", "check")
    build = run(root, "mkdocs", "build")
    assert check.returncode == 1 and build.returncode != 0
    line_number = (root / "mkdocs.yml").read_text(encoding="utf-8").split("\n").index("      " + line) + 1
    assert f"mkdocs.yml:{line_number}: error: config: bayan: {name}:" in check.stdout
    for output in (check.stdout, build.stderr):
        assert name in output, output


@pytest.mark.parametrize("line,name", [s for s in BAD_SETTINGS if s[1] != "language"])  # the mirror sets its own
def test_a_wrong_inherited_setting_stops_the_mirror_too(tmp_path, line, name):
    root = with_setting(make_project(tmp_path), line)
    with pytest.raises(ProblemError) as raised:
        Project.load(root / "mkdocs.en.yml")
    problem = raised.value.problem
    assert problem.path.endswith("mkdocs.yml") and name in problem.message
    assert (root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")[problem.line - 1].strip() == line


WARMED = """
import sys, time
from pathlib import Path
from generator.project import Project, analyse_source, warm_up
from generator.read.sources import read_statement
project = Project.load(Path("mkdocs.yml"))
source, _ = read_statement(Path(sys.argv[1]), Path.cwd())
start = time.process_time()
warm_up(project)
warming = time.process_time() - start
start = time.process_time()
analyse_source(source, project.analysis_settings())
print(warming, time.process_time() - start)
"""


def test_after_the_warm_up_a_statement_is_analysed_at_once(tmp_path):
    """What `mkdocs serve` does after its first build: the first edit does not wait for the
    analysis to load."""
    statement = write(tmp_path, "a.md", "---\ntitle: بيان\n---\nقال الوزير إن التعاون مستمر بين البلدين.\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - bayan\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", WARMED, str(statement)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=300)
    warming, analysing = map(float, result.stdout.split())
    assert analysing < warming / 3, (warming, analysing)
