"""bench/site.py's edit loop: `mkdocs serve --dirty` runs, a statement is edited, its page is
served new; the time and the server's CPU time are measured."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import yaml
from conftest import make_project

SPEC = importlib.util.spec_from_file_location("bench_site", Path(__file__).parent.parent / "bench" / "site.py")
bench = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(bench)

STATEMENT = "---\ntitle: بيان {n}\ndate: 2018-02-0{n}\n---\nأكد الوزير أن التعاون رقم {n} مهم.\n"


def test_an_edit_is_timed_until_its_page_is_served_new(tmp_path):
    root = make_project(tmp_path)
    for n in range(1, 4):
        (root / "content" / "statements" / f"s{n}.md").write_text(STATEMENT.format(n=n), encoding="utf-8")
    edits = bench.edit_seconds(root, {**os.environ, "NO_MKDOCS_2_WARNING": "1"}, edits=2)
    assert len(edits) == 2 and all(0 < cpu and 0 < seconds < 600 for seconds, cpu in edits)
    assert "مراجعة" in (root / "content" / "statements" / "s2.md").read_text(encoding="utf-8")
    assert "Serving on" in (root / "serve.log").read_text(encoding="utf-8")


def test_the_floor_builds_the_markdown_bayan_made_without_bayan(tmp_path):
    (tmp_path / "bayan").mkdir()
    root = make_project(tmp_path / "bayan")
    (root / "content" / "statements" / "s1.md").write_text(STATEMENT.format(n=1), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = [str(Path(sys.executable).with_name("mkdocs")), "build", "--quiet"]
    bench.run(mkdocs, root, env)
    floor = bench.floor_project(root, tmp_path / "floor")
    bench.run(mkdocs, floor, env)  # the same theme, its search box included, with no bayan plugin
    plugins = yaml.load((floor / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.UnsafeLoader)["plugins"]
    assert "bayan" not in [next(iter(p)) if isinstance(p, dict) else p for p in plugins]
    page = (floor / "site" / "statements" / "s1" / "index.html").read_text(encoding="utf-8")
    assert "أكد الوزير" in page and "bayan-search" in page


def test_the_light_floor_builds_one_plain_page_per_statement(tmp_path):
    (tmp_path / "bayan").mkdir()
    root = make_project(tmp_path / "bayan")
    for n in range(1, 4):
        (root / "content" / "statements" / f"s{n}.md").write_text(STATEMENT.format(n=n), encoding="utf-8")
    light = bench.light_project(root, tmp_path / "light")
    bench.run([str(Path(sys.executable).with_name("mkdocs")), "build", "--quiet"], light,
              {**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    pages = sorted((light / "site" / "p").glob("*/index.html"))
    assert len(pages) == 3
    text = pages[1].read_text(encoding="utf-8")
    assert "أكد الوزير أن التعاون رقم 2 مهم." in text and "title:" not in text
