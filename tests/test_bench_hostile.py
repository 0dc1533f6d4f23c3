"""The hostile corpus end to end (bench/hostile.py), and its injection oracle on its own."""
from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

SPEC = importlib.util.spec_from_file_location("hostile", Path(__file__).parent.parent / "bench" / "hostile.py")
hostile = sys.modules.setdefault("hostile", importlib.util.module_from_spec(SPEC))
SPEC.loader.exec_module(hostile)

PAGE = """<html><head><title>{title}</title><script>var theme = 1;</script></head><body>
<div class="md-content"><article><h1 id="t">عنوان</h1><p class="bayan-ar">{body}</p></article></div></body></html>"""
ALLOWED = {("html", (), ()), ("head", (), ()), ("title", (), ()), ("script", (), ()), ("body", (), ()),
           ("div", ("class",), ("md-content",)), ("article", (), ()), ("h1", ("id",), ()),
           ("p", ("class",), ("bayan-ar",)), ("strong", (), ()), ("a", ("href",), ())}


def injections(body: str, title: str = "t") -> list[str]:
    return hostile.page_injections(PAGE.format(title=title, body=body), "page", ALLOWED)


def test_the_oracle_passes_escaped_text():
    assert injections("&lt;script&gt; **bayanpwn-b** &#35; bayanpwn-h <strong>قال</strong> "
                      '<a href="https://example.org/">x</a>') == []


def test_the_oracle_finds_what_text_would_inject():
    cases = {
        "<script>alert('bayanpwn')</script>": "<script> in the content",
        "<img src=x onerror=alert(1)>": "event handler onerror",
        "<strong>bayanpwn-b</strong>": "markup made from the text",
        '<a href="javascript:alert(1)">x</a>': "href='javascript:alert(1)'",
        '<a href="data:text/html,x">x</a>': "href='data:text/html,x'",
        '<p class="bayanpwn">x</p>': "is not produced by the templates",
        "</p><h1>again</h1><p>": "2 <h1> in the article",
    }
    for body, problem in cases.items():
        assert any(problem in found for found in injections(body)), body
    assert injections("x", title="</title><b>x</b>") != []


def test_search_records_hold_no_markup(tmp_path):
    (tmp_path / "fragment").mkdir()
    for name, record in {"a": {"url": "a/", "content": "امم متحده", "meta": {"title": "<b>"}},
                         "b": {"url": "b/", "content": "x <img src=x>", "meta": {}}}.items():
        data = b"pagefind_dcd" + json.dumps(record).encode()
        (tmp_path / "fragment" / f"{name}.pf_fragment").write_bytes(gzip.compress(data))
    found, entries = hostile.search_injections(tmp_path)
    assert entries == 2 and found == ["search b/: markup in the search keys"]


def test_hostile_corpus_end_to_end(tmp_path):
    report = hostile.evaluate(tmp_path)
    assert report.fixtures >= 40
    assert report.ok, "\n".join(report.lines())
