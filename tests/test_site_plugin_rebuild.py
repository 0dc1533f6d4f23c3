"""The plugin's rebuilds: an unchanged project reuses its last build, an edited statement is analysed again, alone."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import make_project

STATEMENT = "---\ntitle: بيان {n}\ndate: 2018-0{m}-01\nsource: وكالة {s}\n---\nأكد الوزير أن التعاون رقم {n} مهم.\n"


def build(root: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BAYAN_TIMING": "1", "BAYAN_JOBS": "2", **env}
    environment.pop("CI", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True,
                          text=True, timeout=180, env=environment)


def test_rebuilds_reuse_what_did_not_change(tmp_path):
    root = make_project(tmp_path)
    for n in range(6):
        (root / "content" / "statements" / f"s{n}.md").write_text(
            STATEMENT.format(n=n, m=1 + n % 2, s=n % 3), encoding="utf-8")
    first = build(root)
    assert first.returncode == 0, first.stderr
    assert "read and analyse 6 statements" in first.stderr
    assert "\r" not in first.stderr and "it/s" not in first.stderr  # no progress bar: stderr is no terminal
    search_index = {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "site" / "pagefind").rglob("*")
                    if p.is_file()}
    again = build(root)
    assert again.returncode == 0 and "unchanged, pages of the last build" in again.stderr
    assert "search index of 8 pages" in again.stderr  # 6 statements, the about and reference pages
    assert {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "site" / "pagefind").rglob("*")
            if p.is_file()} == search_index  # the same index, file for file
    (root / "content" / "statements" / "s1.md").write_text(STATEMENT.format(n=9, m=2, s=1), encoding="utf-8")
    edited = build(root)
    assert edited.returncode == 0 and "read and analyse 6 statements" in edited.stderr
    html = (root / "site" / "statements" / "s1" / "index.html").read_text(encoding="utf-8")
    assert "بيان 9" in html
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"'):]
    assert "statements/s" not in nav.split("</nav>")[0]  # statements are linked, not in the sidebar


def test_a_page_corrupted_in_the_store_is_rebuilt_not_published(tmp_path):
    root = make_project(tmp_path)
    (root / "content" / "statements" / "s1.md").write_text(STATEMENT.format(n=1, m=1, s=1), encoding="utf-8")
    assert build(root).returncode == 0
    (stored,) = (root / ".cache" / "bayan").glob("pages-ar/speakers/index.md")
    stored.write_text("garbage {{", encoding="utf-8")
    again = build(root)
    assert again.returncode == 0 and "unchanged, pages of the last build" not in again.stderr.split("Building the mirror")[0]
    assert "garbage" not in (root / "site" / "speakers" / "index.html").read_text(encoding="utf-8")
    assert "garbage" not in stored.read_text(encoding="utf-8")
