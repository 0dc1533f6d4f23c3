"""Property tests (Hypothesis) over the reader, the analysis and the escaping filters.

- reading random bytes or random front matter raises nothing but ProblemError;
- analysing random text (Arabic, bidi controls, Markdown and HTML syntax) never raises, and
  every offset slices the original text;
- statement text through `md`/`bdi`, in the Markdown contexts the templates use and through the
  Markdown extensions of mkdocs.yml, becomes exactly its own text: no element or attribute that
  the text put there, and every character still there (hidden ones as visible markers).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from generator.analysis import analyze
from generator.model import Meta, Source, statement_from_dict
from generator.site.render import bdi, md
from generator.problems import ProblemError
from generator.read.sources import read_statement

ROOT = Path(__file__).resolve().parent.parent
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
HOSTILE_CHARS = (ARABIC * 3 + "٠١٢٣٤٥٦٧٨٩0123456789 ،؛؟«».!:-\n" + "<>&\"'`*_[](){}|#+!~^=%$@\\/"
                 + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
                 + "\u200b\u200c\u200d\u2060\ufeff\u00ad\u0640\x00\x02\x03\x1b\x85\u2028\t"
                 + "abcxyzABC\u0430\u043e")
hostile_text = st.text(alphabet=HOSTILE_CHARS, max_size=200)
any_text = st.one_of(hostile_text, st.text(max_size=120))
SNIPPETS = st.sampled_from(["<script>alert(1)</script>", "[x](javascript:alert(1))", "![i](x.png)", "# h",
                            "| a | b |\n| - | - |", "{: onclick=x }", "{{ site }}", "{% if 1 %}", "[^1]",
                            "*[A]: b", "!!! note", "<img src=x onerror=y>", "&lt;b&gt;", "&#60;i&#62;",
                            "<!--", "]]>", "<div markdown=\"1\">**b**</div>", "\n    code", "\n---\n",
                            "1. x", "- y", "> q", "\\*", "**b**", "~~d~~", "`c`", "\x02wzxhzdk:0\x03"])
rich_text = st.lists(st.one_of(any_text, SNIPPETS), max_size=8).map("".join)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _read(folder: Path, name: str, data: bytes) -> None:
    file = folder / "statements" / name
    file.parent.mkdir(exist_ok=True)
    file.write_bytes(data)
    try:
        source, warnings = read_statement(file, folder)
    except ProblemError as err:
        problem = err.problem
        assert problem.line >= 1 and problem.path == f"statements/{name}" and problem.message
        return
    assert "\r" not in source.body and source.body.strip() and source.body_line >= 1
    assert isinstance(source.meta.title, str) and source.meta.title.strip()
    assert all(w.level == "warning" for w in warnings)


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".md", ".txt"]))
def test_reader_on_random_bytes(folder, data, suffix):
    _read(folder, "random" + suffix, data)


yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), any_text, st.dates()),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(any_text, inner, max_size=3)),
    max_leaves=6)
fields = st.dictionaries(st.one_of(st.sampled_from(["title", "title_en", "date", "source", "url", "template"]),
                                   any_text), yaml_values, max_size=6)


@FUZZ
@given(fields=fields, raw=rich_text, body=rich_text, dump=st.booleans())
def test_reader_on_random_front_matter(folder, fields, raw, body, dump):
    front = yaml.safe_dump(fields, allow_unicode=True) if dump else raw
    _read(folder, "front.md", f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass"))


@FUZZ
@given(body=rich_text, title=any_text)
def test_analysis_never_raises_and_offsets_slice_the_text(body, title):
    body = body.strip() + " أكد الوزير."
    source = Source(slug="fuzz", path="content/statements/fuzz.md", meta=Meta(title=title or "ع"), body=body)
    statement = analyze(source)
    numbers = {s.n for s in statement.sentences}
    assert [s.n for s in statement.sentences] == list(range(1, len(statement.sentences) + 1))
    for s in statement.sentences:
        assert 0 <= s.start <= s.end <= len(body) and body[s.start:s.end] == s.text
    texts = {s.n: s.text for s in statement.sentences}
    for claim in statement.claims:
        assert claim.sentence in numbers and claim.cue in texts[claim.sentence]
    for figure in statement.figures:
        assert figure.sentence in numbers
    for entity in statement.entities:
        assert set(entity.sentences) <= numbers
    for finding in statement.findings:
        assert finding.sentence is None or finding.sentence in numbers
    assert statement_from_dict(json.loads(json.dumps(statement.to_dict()))) == statement


def _markdown() -> markdown.Markdown:
    """Python-Markdown with exactly the extensions and settings of mkdocs.yml."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


MD = _markdown()
# How the templates place escaped text: (Markdown around {}, the elements that context makes).
CONTEXTS = [
    ("{}", {"p"}),
    ("# {}", {"h1", "a"}),
    ("## [{}](statements/x.md)", {"h2", "a"}),
    ("{}\n{{: .bayan-summary lang=\"en\" dir=\"ltr\" }}", {"p"}),
    ("| a | b |\n| --- | --- |\n| {} | [1](#s1) |", {"table", "thead", "tbody", "tr", "th", "td", "a"}),
    ('<p class="bayan-ar" lang="ar" dir="rtl">{}</p>', {"p"}),
    ("<dl>\n<dt>x</dt>\n<dd>{}</dd>\n</dl>", {"dl", "dt", "dd"}),
]
MARKER = re.compile(r"⟨U\+([0-9A-F]{4,6})⟩")


def _shown(html: str, context: set[str]) -> str:
    """The text a reader sees, hidden characters put back from their markers; asserts that only
    the context's own elements and the filters' <bdi> and markers are there."""
    soup = BeautifulSoup(html, "html.parser")
    for el in soup.find_all(True):
        if el.name == "a" and "headerlink" in (el.get("class") or []):
            el.decompose()
    for el in soup.find_all(True):
        if el.name == "span":
            assert el.get("class") == ["bayan-invisible"] and set(el.attrs) == {"class", "dir", "title"}, el
        elif el.name == "bdi":
            assert set(el.attrs) <= {"dir", "lang"}, el
        else:
            assert el.name in context, el
            assert not [a for a in el.attrs if a.startswith("on") or a == "style"], el
    text = MARKER.sub(lambda m: chr(int(m.group(1), 16)), soup.get_text())
    return " ".join(text.split())


@FUZZ
@given(text=rich_text.filter(str.split), escape=st.sampled_from([md, bdi]), where=st.sampled_from(CONTEXTS))
def test_escaped_text_renders_as_itself(text, escape, where):
    """(Templates print a field only when it has text: an empty one is left out.)"""
    template, context = where
    shown = _shown(MD.reset().convert(template.format(escape(text))), context)
    expected = _shown(MD.reset().convert(template.format("QQQ")), context).replace("QQQ", text)
    assert shown == " ".join(expected.split())
