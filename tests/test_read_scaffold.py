"""read/scaffold.py: `new` writes a statement that `check` flags until its text replaces the
placeholder, with a slug cut at a word, and never overwrites."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.read.scaffold import slug_words
from generator.read.sources import PLACEHOLDER, read_statement
from generator.problems import ProblemError

TITLE = "البيان الختامي: «قمة» 'الرياض' #1 | [x]"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def statement_files(tmp_path: Path) -> list[Path]:
    return [p for p in (tmp_path / "content" / "statements").glob("*.md") if not p.name.endswith(".en.md")]


def fill(statement: Path, text: str = "أكد الوزير أهمية التعاون.") -> None:
    """Replace the placeholder line of a statement made by `new` with its text."""
    statement.write_text(statement.read_text(encoding="utf-8").replace(PLACEHOLDER, text), encoding="utf-8")


def test_new_writes_a_statement_that_check_flags_until_it_is_filled_in(tmp_path):
    result = run(tmp_path, "new", TITLE, "--date", "2026-11-29", "--source", "واس: الرياض",
                 "--title-en", "Final: 'summit'", "--content", "content")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "content" / "statements"
    (statement,) = statement_files(tmp_path)
    assert statement.name == "2026-11-29-final-summit.md" and statement.name in result.stdout
    assert (folder / f"{statement.stem}.en.md").read_text(encoding="utf-8") == ""
    with pytest.raises(ProblemError) as raised:
        read_statement(statement, tmp_path)
    assert (raised.value.problem.code, raised.value.problem.line) == ("placeholder", 7)
    check = run(tmp_path, "check")
    assert check.returncode == 1
    assert check.stdout.startswith(f"content/statements/{statement.name}:7: error: placeholder: ")
    assert check.stderr.strip().endswith("1 error(s), 0 warning(s), 0 note(s)")
    build = run(tmp_path, "render", "--out", str(tmp_path / "out"))
    assert build.returncode == 1 and "placeholder" in build.stdout
    assert not (tmp_path / "out" / "statements" / statement.name).exists()  # left out, as any broken statement

    fill(statement)
    source, warnings = read_statement(statement, tmp_path)
    assert not warnings
    assert (source.meta.title, source.meta.date, source.meta.source, source.meta.title_en) == \
           (TITLE, "2026-11-29", "واس: الرياض", "Final: 'summit'")
    check = run(tmp_path, "check")
    assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr


@pytest.mark.parametrize(("title", "words"), [
    ("اجتماع وزراء الخارجية للتشاور حول الأوضاع في المنطقة", ["اجتماع", "وزراء", "الخارجية", "للتشاور", "حول", "الأوضاع"]),
    ("بيان وزراء الخارجية بشأن الأوضاع في", ["بيان", "وزراء", "الخارجية", "بشأن", "الأوضاع"]),
    ("Statement on the situation in Yemen and the region", ["Statement", "on", "the", "situation", "in", "Yemen"]),
    ("Final statement of the", ["Final", "statement"]), ("في", ["في"])])
def test_a_slug_ends_on_a_word_that_means_something(title, words):
    assert slug_words(title) == words


def test_new_takes_the_slug_from_the_english_title_when_given(tmp_path):
    assert run(tmp_path, "new", "البيان الختامي حول الأوضاع في", "--date", "2026-11-29").returncode == 0
    assert run(tmp_path, "new", "البيان الختامي", "--date", "2026-11-30", "--title-en",
               "Final statement of the meeting on the region").returncode == 0
    assert sorted(p.stem for p in statement_files(tmp_path)) == [
        "2026-11-29-albyan-alkhtamy-hwl-alawdae", "2026-11-30-final-statement-of-the-meeting"]


def test_new_never_overwrites(tmp_path):
    assert run(tmp_path, "new", "بيان", "--date", "2026-11-29").returncode == 0
    (statement,) = statement_files(tmp_path)
    statement.write_text("---\ntitle: كتبته\n---\nنصي.\n", encoding="utf-8")
    again = run(tmp_path, "new", "بيان", "--date", "2026-11-29")
    assert again.returncode == 1 and "not overwritten" in again.stderr
    assert statement.read_text(encoding="utf-8") == "---\ntitle: كتبته\n---\nنصي.\n"


def test_new_wants_a_date(tmp_path):
    assert run(tmp_path, "new", "بيان", "--date", "someday").returncode == 2
    assert not (tmp_path / "content").exists()
