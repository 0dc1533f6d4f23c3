"""Broken and hostile content files: each is a clear error or warning naming file and line,
never a crash; `check` reports reading problems, analysis findings and template problems."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.read.sources import read_statements

BODY = "أكد الوزير أهمية التعاون.\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, n in zip("abcdefgh", "bcdefghi"))


def write(root: Path, name: str, data: str | bytes) -> Path:
    path = root / "content" / "statements" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def problems_of(root: Path) -> list[tuple[str, str, int]]:
    _, problems = read_statements(root / "content")
    return sorted((p.path.rsplit("/", 1)[-1], p.code, p.line) for p in problems)


@pytest.mark.parametrize("front, code, line, words", [
    ("title: عنوان\ndate: 2018-02-30\n", "front-matter", 3, "day is out of range"),
    ("title: عنوان\ndate: 2018-13-01\n", "front-matter", 3, "month must be in 1..12"),
    ("title: !!int abc\n", "front-matter", 2, "invalid literal"),
    ("title: " + "[" * 3000 + "]" * 3000 + "\n", "front-matter", 2, "nested too deeply"),
    ("title: [عنوان, آخر]\n", "bad-field", 2, "got a list"),
    ("title: عنوان\nsource: {a: 1}\n", "bad-field", 3, "got a mapping"),
    ("title: عنوان\ndate: [2018, 2]\n", "bad-date", 3, "got a list"),
    ("title: عنوان\ndate: true\n", "bad-date", 3, "got true/false"),
    (BOMB + "title: *i\n", "bad-field", 11, "got a list"),
])
def test_mistyped_front_matter_is_an_error_with_its_line(tmp_path, front, code, line, words):
    write(tmp_path, "a.md", f"---\n{front}---\n{BODY}")
    sources, problems = read_statements(tmp_path / "content")
    (problem,) = problems
    assert sources == [] and (problem.code, problem.line) == (code, line)
    assert words in problem.message and len(problem.message) < 300


def test_slugs_that_differ_only_by_letter_case_clash(tmp_path):
    write(tmp_path, "Report.md", f"---\ntitle: أ\n---\n{BODY}")
    write(tmp_path, "report.txt", BODY)
    write(tmp_path, "REPORT.md", f"---\ntitle: ب\n---\n{BODY}")
    sources, problems = read_statements(tmp_path / "content")
    assert [s.path for s in sources] == ["content/statements/REPORT.md"]
    assert [(p.code, p.path) for p in problems] == [("duplicate-slug", "content/statements/Report.md"),
                                                    ("duplicate-slug", "content/statements/report.txt")]
    assert "clashes with 'REPORT' of content/statements/REPORT.md" in problems[0].message


def test_sidecar_of_another_case_is_an_orphan(tmp_path):
    write(tmp_path, "a.md", f"---\ntitle: أ\n---\n{BODY}")
    write(tmp_path, "A.en.md", "Text.\n")
    assert ("A.en.md", "orphan-sidecar", 1) in problems_of(tmp_path)


def test_files_that_are_not_statements_are_named(tmp_path):
    write(tmp_path, "a.md", f"---\ntitle: أ\n---\n{BODY}")
    write(tmp_path, "notes.html", "<p>x</p>")
    (tmp_path / "content" / "statements" / "drafts").mkdir()
    write(tmp_path, ".a.md.swp", b"\x00\xff")
    assert problems_of(tmp_path) == [("drafts", "ignored-file", 1), ("notes.html", "ignored-file", 1)]


def test_a_link_out_of_the_statements_folder_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("سر " + BODY, encoding="utf-8")
    write(tmp_path, "a.md", f"---\ntitle: أ\n---\n{BODY}")
    os.symlink(secret, tmp_path / "content" / "statements" / "leak.txt")
    os.symlink(secret, tmp_path / "content" / "statements" / "a.en.md")
    sources, problems = read_statements(tmp_path / "content")
    assert sources == []
    assert sorted((p.path, p.code) for p in problems) == [
        ("content/statements/a.en.md", "outside-content"), ("content/statements/leak.txt", "outside-content")]


def check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "check", *args], cwd=root,
                          capture_output=True, text=True, encoding="utf-8")


def test_check_lists_findings_and_template_problems(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: عنوان\ntemplate: nosuch\n---\n" + BODY)
    write(tmp_path, "b.txt", "أكد الوزير\u202e أهمية التعاون.\n")
    result = check(tmp_path)
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert any(line.startswith("content/statements/a.md:3: error: template: unknown template 'nosuch'")
               for line in lines), lines
    assert ("content/statements/b.txt:1: warning: characters/bidi-control: bidi control U+202E "
            "RIGHT-TO-LEFT OVERRIDE can reorder the text a reader sees (sentence 1)") in lines


def test_check_size_limit_from_the_command_line_and_mkdocs_yml(tmp_path):
    write(tmp_path, "a.txt", BODY * 10)
    assert check(tmp_path).returncode == 0
    small = check(tmp_path, "--max-bytes", "100")
    assert small.returncode == 1 and "too-large: file is" in small.stdout
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: content\nplugins:\n  - bayan:\n      max_bytes: 100\n", encoding="utf-8")
    assert "over the limit of 100" in check(tmp_path).stdout

