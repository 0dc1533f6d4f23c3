"""bench/site.py's edit loop: `mkdocs serve --dirty` runs, a statement is edited, its page is
served new; the time and the server's CPU time are measured."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

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
