"""`summarize FILE.jsonl`: the site's summary of each record, bad lines named and skipped."""
from __future__ import annotations

import json
from pathlib import Path

from test_analysis_summary import BODY, STATEMENT

from generator.analysis import analyze
from generator.evaluation.summaries import summarize_jsonl
from generator.model import Meta, Source


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), "utf-8")
    return path


def record(**fields: str) -> str:
    return json.dumps(fields, ensure_ascii=False)


def read_out(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_one_summary_per_record_in_order(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", [record(id="a", article="\n".join(BODY)), "",
                                              record(id="b", content=BODY[0])])
    assert summarize_jsonl(src, tmp_path / "out.jsonl") == (2, [])
    lines = read_out(tmp_path / "out.jsonl")
    assert [line["id"] for line in lines] == ["a", "b"]
    assert lines[0]["summary"].startswith(BODY[0]) and lines[1]["summary"] == BODY[0]


def test_the_summary_is_the_one_the_site_shows(tmp_path):
    """Claims and the pillars' announcement weigh in as on a statement page."""
    src = write_lines(tmp_path / "in.jsonl", [record(id="s", article=STATEMENT)])
    summarize_jsonl(src, tmp_path / "out.jsonl")
    site = analyze(Source("s", "s.md", Meta(title=""), STATEMENT)).summary
    assert 6 in site.sentences  # «ويقوم البرنامج على ثلاثة محاور …»
    assert read_out(tmp_path / "out.jsonl") == [{"id": "s", "summary": site.text}]


def test_wrapped_lines_are_joined_with_a_space(tmp_path):
    """A newspaper article wrapped mid-sentence: the summary keeps whole sentences, words apart."""
    article = BODY[0].replace("جديدة لدعم", "جديدة\nلدعم") + "\n" + "\n".join(BODY[1:])
    src = write_lines(tmp_path / "in.jsonl", [record(id="w", article=article)])
    summarize_jsonl(src, tmp_path / "out.jsonl")
    assert read_out(tmp_path / "out.jsonl")[0]["summary"].startswith(BODY[0] + " ")


def test_bad_lines_are_named_and_the_others_summarised(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", [
        record(id="a", article=BODY[0]),
        '{"id": "broken", "article": "نص',
        record(article=BODY[1]),
        json.dumps({"id": "c", "article": ["not", "text"]}),
        record(id="d", content=BODY[2]),
    ])
    count, problems = summarize_jsonl(src, tmp_path / "out.jsonl")
    assert count == 2 and [line["id"] for line in read_out(tmp_path / "out.jsonl")] == ["a", "d"]
    assert [p.split(": ")[0] for p in problems] == [f"{src}:2", f"{src}:3", f"{src}:4"]
    assert "not JSON" in problems[0] and '"id"' in problems[1] and "must be text" in problems[2]


def test_a_line_not_in_utf8_is_named(tmp_path):
    src = tmp_path / "in.jsonl"
    windows_arabic = '{"id": "b", "article": "نص"}'.encode("cp1256")
    src.write_bytes(record(id="a", article=BODY[0]).encode() + b"\n" + windows_arabic + b"\n")
    count, problems = summarize_jsonl(src, tmp_path / "out.jsonl")
    assert count == 1 and problems[0].startswith(f"{src}:2: not UTF-8 text")


def test_lines_kept_as_the_site_keeps_them(tmp_path):
    """With join_lines off, a byline on its own line stays apart, as on a statement page."""
    text = "عين اليوم – جدة\n" + "\n".join(BODY)
    src = write_lines(tmp_path / "in.jsonl", [record(id="k", content=text)])
    summarize_jsonl(src, tmp_path / "joined.jsonl")
    summarize_jsonl(src, tmp_path / "kept.jsonl", join_lines=False)
    site = analyze(Source("k", "k.md", Meta(title=""), text)).summary
    assert read_out(tmp_path / "kept.jsonl") == [{"id": "k", "summary": site.text}]
    assert read_out(tmp_path / "joined.jsonl")[0]["summary"].startswith("عين اليوم – جدة " + BODY[0])
