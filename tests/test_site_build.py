"""`python -m generator build`: a reproducible date, and a site_dir that would wipe the project refused."""
from __future__ import annotations

import subprocess
import sys

from conftest import make_project

from generator.site.build import source_date_epoch


def test_source_date_epoch_is_the_newest_statement_date(tmp_path):
    statements = tmp_path / "statements"
    statements.mkdir()
    (statements / "a.md").write_text("---\ntitle: أ\ndate: 2018-02-13\n---\nنص عربي.\n", encoding="utf-8")
    (statements / "b.md").write_text("---\ntitle: ب\ndate: 2017-01-01\n---\nنص عربي.\n", encoding="utf-8")
    (statements / "c.txt").write_text("نص بلا تاريخ.\n", encoding="utf-8")
    assert source_date_epoch(tmp_path) == 1518480000  # 2018-02-13T00:00:00Z
    assert source_date_epoch(tmp_path / "nothing") == 0


def test_a_site_dir_over_the_templates_is_refused(tmp_path):
    root = make_project(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("site_dir: site", "site_dir: templates")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    before = sorted(p.relative_to(root) for p in (root / "templates").rglob("*"))
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root, capture_output=True, text=True)
    assert result.returncode == 2 and "would replace" in result.stderr and "templates" in result.stderr
    assert sorted(p.relative_to(root) for p in (root / "templates").rglob("*")) == before
