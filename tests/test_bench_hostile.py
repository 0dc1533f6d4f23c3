"""The hostile corpus end to end (bench/hostile.py), and its injection oracle on its own."""
from __future__ import annotations

import importlib.util
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


def test_search_entries_keep_only_what_material_keeps(tmp_path):
    index = tmp_path / "search_index.json"
    index.write_text('{"docs": [{"location": "a/", "title": "&lt;b&gt;", "text": "<p>x <code>y</code></p>"},'
                     '{"location": "b/", "title": "t", "text": "<img src=x onerror=alert(1)>"}]}', encoding="utf-8")
    found, entries = hostile.search_injections(index)
    assert entries == 2 and len(found) == 1 and found[0].startswith("search b/ text: <img")


def test_hostile_corpus_end_to_end(tmp_path):
    report = hostile.evaluate(tmp_path)
    assert report.fixtures >= 40
    assert report.ok, "\n".join(report.lines())
