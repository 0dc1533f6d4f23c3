"""`render --out`: each language as a Markdown tree that a site engine without Bayan builds."""
from __future__ import annotations

import shutil
import subprocess
import sys

from bs4 import BeautifulSoup
from conftest import ROOT, make_project
from test_site_plugin import ENV

from generator.project import Project
from generator.site.export import export

SEED = ROOT / "content" / "statements" / "2018-02-13-coalition-ministerial.md"
PLAIN = """site_name: {name}
docs_dir: {docs}
site_dir: {site}
theme: {{name: material, language: {language}, font: false}}
extra_css: [assets/css/bayan.css]
extra_javascript: [assets/js/bayan-search.js]
markdown_extensions: [attr_list, md_in_html, tables, toc]
"""


def test_plain_mkdocs_builds_each_exported_tree(tmp_path):
    (tmp_path / "project").mkdir()
    root = make_project(tmp_path / "project")
    shutil.copy(SEED, root / "content" / "statements" / SEED.name)
    written, problems = export(Project.load(root / "mkdocs.yml"), tmp_path / "out", ["ar", "en"])
    assert problems == [] and written > 0
    for language in ("ar", "en"):
        config = tmp_path / f"{language}.yml"
        config.write_text(PLAIN.format(name="Bayan", docs=tmp_path / "out" / language, site=tmp_path / "site" / language,
                                       language=language), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                                capture_output=True, text=True, env=ENV, timeout=120)
        assert result.returncode == 0, result.stderr
        page = BeautifulSoup((tmp_path / "site" / language / "statements" / SEED.stem / "index.html")
                             .read_text(encoding="utf-8"), "html.parser")
        assert page.find(id="s1") is not None and page.html["lang"] == language
