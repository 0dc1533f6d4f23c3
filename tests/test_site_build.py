"""`python -m generator build`: a reproducible date, a site_dir that would wipe the project refused, and the same site from ProperDocs."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, make_project

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


SEED = ROOT / "content" / "statements" / "2018-02-13-coalition-ministerial.md"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    """ProperDocs, the maintained fork of MkDocs 1.6, builds the shipped site with both languages
    identically; the pages differ only in the <meta name="generator"> naming the engine."""
    (tmp_path / "project").mkdir()
    root = make_project(tmp_path / "project")
    shutil.copy(SEED, root / "content" / "statements" / SEED.name)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1518480000", "NO_MKDOCS_2_WARNING": "1"}
    for engine in ("mkdocs", "properdocs"):
        result = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-f", "mkdocs.yml",
                                 "-d", str(tmp_path / engine)], cwd=root, capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
    files = {engine: sorted(p.relative_to(tmp_path / engine) for p in (tmp_path / engine).rglob("*") if p.is_file())
             for engine in ("mkdocs", "properdocs")}
    assert files["mkdocs"] == files["properdocs"] and Path("en/index.html") in files["mkdocs"]
    differ = [path for path in files["mkdocs"]
              if GENERATOR.sub(b"", (tmp_path / "mkdocs" / path).read_bytes())
              != GENERATOR.sub(b"", (tmp_path / "properdocs" / path).read_bytes())]
    assert differ == []
