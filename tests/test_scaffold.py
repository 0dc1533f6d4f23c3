"""`new` and `new-template` create the right files and never overwrite; `check` renders templates."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.site.templates import BUILTIN_TEMPLATES
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


def test_new_template_copies_a_builtin_and_never_overwrites(tmp_path):
    for name, file in [("brief", "brief.md.j2"), ("partials/claims", "partials/claims.md.j2"),
                       ("statement.md.j2", "statement.md.j2")]:
        result = run(tmp_path, "new-template", name)
        assert result.returncode == 0, result.stderr
        copy = tmp_path / "templates" / file
        assert copy.read_text(encoding="utf-8") == (BUILTIN_TEMPLATES / file).read_text(encoding="utf-8")
    copy.write_text("mine\n", encoding="utf-8")
    again = run(tmp_path, "new-template", "statement")
    assert again.returncode == 1 and "not overwritten" in again.stderr
    assert copy.read_text(encoding="utf-8") == "mine\n"


def test_new_template_as_a_new_layout(tmp_path):
    assert run(tmp_path, "new-template", "brief", "--as", "memo").returncode == 0
    assert (tmp_path / "templates" / "memo.md.j2").is_file()
    assert run(tmp_path, "new-template", "brief", "--as", "../x").returncode == 1


def test_new_template_refuses_an_unknown_name(tmp_path):
    result = run(tmp_path, "new-template", "../../etc/passwd")
    assert result.returncode == 1 and "partials/claims" in result.stderr
    assert not (tmp_path / "templates").exists()


def test_check_reports_template_errors(tmp_path):
    assert run(tmp_path, "new", "بيان أول", "--date", "2026-11-29").returncode == 0
    assert run(tmp_path, "new", "بيان ثان", "--date", "2026-11-30", "--template", "nosuch").returncode == 0
    assert run(tmp_path, "new-template", "partials/header").returncode == 0
    header = tmp_path / "templates" / "partials" / "header.md.j2"
    header.write_text(header.read_text(encoding="utf-8").replace("meta.title|bdi", "meta.titel|bdi"), encoding="utf-8")
    result = run(tmp_path, "check")
    assert result.returncode == 1, result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 2  # the unknown template, and the header of the other statement
    assert any(line.startswith("content/statements/2026-11-30-") and ".md:4: error: template: unknown template 'nosuch'"
               in line for line in lines)
    assert any(line.startswith("templates/partials/header.md.j2:3: error: template: ") and "titel" in line
               and "(rendering content/statements/2026-11-29-" in line for line in lines)
