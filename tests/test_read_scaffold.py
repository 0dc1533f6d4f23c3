"""read/scaffold.py: `new` writes a statement that passes `check`, and never overwrites."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.read.sources import read_statement

TITLE = "البيان الختامي: «قمة» 'الرياض' #1 | [x]"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def statement_files(tmp_path: Path) -> list[Path]:
    return [p for p in (tmp_path / "content" / "statements").glob("*.md") if not p.name.endswith(".en.md")]


def test_new_writes_a_statement_that_passes_check(tmp_path):
    result = run(tmp_path, "new", TITLE, "--date", "2026-11-29", "--source", "واس: الرياض",
                 "--title-en", "Final: 'summit'", "--content", "content")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "content" / "statements"
    (statement,) = statement_files(tmp_path)
    assert statement.name.startswith("2026-11-29-") and statement.name in result.stdout
    assert (folder / f"{statement.stem}.en.md").read_text(encoding="utf-8") == ""
    source, warnings = read_statement(statement, tmp_path)
    assert not warnings
    assert (source.meta.title, source.meta.date, source.meta.source, source.meta.title_en) == \
           (TITLE, "2026-11-29", "واس: الرياض", "Final: 'summit'")
    check = run(tmp_path, "check")
    assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr


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
