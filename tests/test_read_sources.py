"""Reading content/: front matter, sidecars, and errors that name file and line."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from strategies import FUZZ, any_text, rich_text

from generator.problems import ProblemError
from generator.read.sources import read_statement, read_statements

BODY = "أكد الوزير أهمية التعاون.\n"


def write(root: Path, name: str, data: str | bytes) -> Path:
    path = root / "content" / "statements" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def read(root: Path):
    return read_statements(root / "content")


def only_problem(problems):
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_front_matter_body_and_sidecar(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: عنوان\ntitle_en: Title\ndate: 2018-02-13\nsource: واس\n"
                            "url: https://example.org/a\n---\n\n" + BODY)
    write(tmp_path, "a.en.md", "The minister affirmed\nthe importance of cooperation.\n\nSecond.\n")
    (source,), problems = read(tmp_path)
    assert problems == []
    assert source.slug == "a"
    assert source.path == "content/statements/a.md"
    assert source.meta.title == "عنوان" and source.meta.title_en == "Title"
    assert source.meta.date == "2018-02-13" and source.meta.url == "https://example.org/a"
    assert source.body == BODY.strip()
    assert source.body_line == 9
    assert source.translation == ("The minister affirmed the importance of cooperation.", "Second.")


def test_plain_text_statement_uses_file_name(tmp_path):
    write(tmp_path, "wire-1.txt", BODY)
    (source,), problems = read(tmp_path)
    assert problems == [] and source.slug == "wire-1" and source.meta.title == "wire-1"
    assert source.translation is None


def test_bom_and_crlf_are_accepted(tmp_path):
    write(tmp_path, "a.md", "\ufeff---\r\ntitle: عنوان\r\n---\r\n" + BODY.replace("\n", "\r\n"))
    (source,), problems = read(tmp_path)
    assert problems == [] and "\r" not in source.body and source.meta.title == "عنوان"


def test_broken_yaml_names_file_and_line_and_others_still_read(tmp_path):
    write(tmp_path, "bad.md", "---\ntitle: عنوان\ndate: [2018\n---\n" + BODY)
    write(tmp_path, "good.md", "---\ntitle: جيد\n---\n" + BODY)
    sources, problems = read(tmp_path)
    assert [s.slug for s in sources] == ["good"]
    problem = only_problem(problems)
    assert problem.path == "content/statements/bad.md"
    assert problem.line in (3, 4)
    assert str(problem).startswith(f"content/statements/bad.md:{problem.line}: error: front-matter:")


def test_date_that_is_not_a_date(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: عنوان\ndate: 13/02/2018\n---\n" + BODY)
    _, problems = read(tmp_path)
    problem = only_problem(problems)
    assert (problem.code, problem.line) == ("bad-date", 3)


def test_invalid_utf8_reports_line_and_byte_offset(tmp_path):
    data = "---\ntitle: عنوان\n---\n".encode() + b"\xd8\xa3\xff\n"
    write(tmp_path, "a.md", data)
    _, problems = read(tmp_path)
    problem = only_problem(problems)
    assert problem.code == "not-utf8" and problem.line == 4
    offset = data.index(b"\xff")
    assert f"byte offset {offset}" in problem.message


@pytest.mark.parametrize("text, code", [
    ("---\ntitle: عنوان\n---\n\n  \n", "empty-body"),
    ("---\ntitle: title\n---\nOnly English here.\n", "no-arabic"),
    ("---\ntitle: عنوان\ntemplate: ../../etc/passwd\n---\n" + BODY, "bad-template"),
    ("---\ndate: 2018-01-01\n---\n" + BODY, "missing-title"),
    ("---\ntitle: عنوان\n" + BODY, "front-matter"),
])
def test_faults_are_errors(tmp_path, text, code):
    write(tmp_path, "a.md", text)
    sources, problems = read(tmp_path)
    assert sources == [] and only_problem(problems).code == code


def test_size_limit(tmp_path):
    write(tmp_path, "big.txt", BODY * 100)
    sources, problems = read_statements(tmp_path / "content", max_bytes=1000)
    assert sources == [] and only_problem(problems).code == "too-large"


def test_duplicate_slug_and_orphan_sidecar(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: عنوان\n---\n" + BODY)
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "ghost.en.md", "Nobody's translation.\n")
    sources, problems = read(tmp_path)
    assert [s.path for s in sources] == ["content/statements/a.md"]
    assert sorted(p.code for p in problems) == ["duplicate-slug", "orphan-sidecar"]


def test_unknown_field_and_non_http_url_are_warnings(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: عنوان\nauthor: x\nurl: javascript:alert(1)\n---\n" + BODY)
    (source,), problems = read(tmp_path)
    assert {(p.code, p.level, p.line) for p in problems} == {("unknown-field", "warning", 3),
                                                             ("bad-url", "warning", 4)}
    assert source.meta.url is None


def test_shipped_seed_statement_reads_cleanly():
    sources, problems = read_statements(Path(__file__).parent.parent / "content")
    assert problems == []
    seed = next(s for s in sources if s.slug == "2018-02-13-coalition-ministerial")
    assert seed.meta.date == "2018-02-13" and len(seed.translation) == 10


def test_glossary_is_read_and_its_errors_name_file_and_line(tmp_path):
    from generator.read.sources import read_statements as read
    (tmp_path / "content" / "statements").mkdir(parents=True)
    (tmp_path / "content" / "statements" / "a.md").write_text("---\ntitle: أ\n---\nنص عربي.\n", encoding="utf-8")
    glossary = tmp_path / "content" / "glossary.yml"
    glossary.write_text("entities:\n  - {ar: [الهيئة], en: The Authority, type: ORG}\n", encoding="utf-8")
    (source,), problems = read(tmp_path / "content")
    assert problems == [] and source.glossary.entities[0].en == "The Authority"
    glossary.write_text("terms:\n  - {ar: [الهيئة], en: The Authority}\n  - {ar: [المجلس]}\n", encoding="utf-8")
    (source,), (problem,) = read(tmp_path / "content")
    assert (problem.path, problem.line, problem.code) == ("content/glossary.yml", 3, "glossary")


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, n in zip("abcdefgh", "bcdefghi"))


def problems_of(root: Path) -> list[tuple[str, str, int]]:
    _, problems = read_statements(root / "content")
    return sorted((p.path.rsplit("/", 1)[-1], p.code, p.line) for p in problems)


@pytest.mark.parametrize("front, code, line, words", [
    ("title: عنوان\ndate: 2018-02-30\n", "front-matter", 3, "day is out of range"),
    ("title: عنوان\ndate: 2018-13-01\n", "front-matter", 3, "month must be in 1..12"),
    ("title: !!int abc\n", "front-matter", 2, "invalid literal"),
    ("title: " + "[" * 3000 + "]" * 3000 + "\n", "front-matter", 2, "nested too deeply"),
    ("title: [عنوان, آخر]\n", "bad-field", 2, "got a list"),
    ("title: عنوان\nsource: {a: 1}\n", "bad-field", 3, "got a mapping"),
    ("title: عنوان\ndate: [2018, 2]\n", "bad-date", 3, "got a list"),
    ("title: عنوان\ndate: true\n", "bad-date", 3, "got true/false"),
    (BOMB + "title: *i\n", "bad-field", 11, "got a list"),
])
def test_mistyped_front_matter_is_an_error_with_its_line(tmp_path, front, code, line, words):
    write(tmp_path, "a.md", f"---\n{front}---\n{BODY}")
    sources, problems = read_statements(tmp_path / "content")
    (problem,) = problems
    assert sources == [] and (problem.code, problem.line) == (code, line)
    assert words in problem.message and len(problem.message) < 300


def test_slugs_that_differ_only_by_letter_case_clash(tmp_path):
    write(tmp_path, "Report.md", f"---\ntitle: أ\n---\n{BODY}")
    write(tmp_path, "report.txt", BODY)
    write(tmp_path, "REPORT.md", f"---\ntitle: ب\n---\n{BODY}")
    sources, problems = read_statements(tmp_path / "content")
    assert [s.path for s in sources] == ["content/statements/REPORT.md"]
    assert [(p.code, p.path) for p in problems] == [("duplicate-slug", "content/statements/Report.md"),
                                                    ("duplicate-slug", "content/statements/report.txt")]
    assert "clashes with 'REPORT' of content/statements/REPORT.md" in problems[0].message


def test_sidecar_of_another_case_is_an_orphan(tmp_path):
    write(tmp_path, "a.md", f"---\ntitle: أ\n---\n{BODY}")
    write(tmp_path, "A.en.md", "Text.\n")
    assert ("A.en.md", "orphan-sidecar", 1) in problems_of(tmp_path)


def test_files_that_are_not_statements_are_named(tmp_path):
    write(tmp_path, "a.md", f"---\ntitle: أ\n---\n{BODY}")
    write(tmp_path, "notes.html", "<p>x</p>")
    (tmp_path / "content" / "statements" / "drafts").mkdir()
    write(tmp_path, ".a.md.swp", b"\x00\xff")
    assert problems_of(tmp_path) == [("drafts", "ignored-file", 1), ("notes.html", "ignored-file", 1)]


def test_a_link_out_of_the_statements_folder_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("سر " + BODY, encoding="utf-8")
    write(tmp_path, "a.md", f"---\ntitle: أ\n---\n{BODY}")
    os.symlink(secret, tmp_path / "content" / "statements" / "leak.txt")
    os.symlink(secret, tmp_path / "content" / "statements" / "a.en.md")
    sources, problems = read_statements(tmp_path / "content")
    assert sources == []
    assert sorted((p.path, p.code) for p in problems) == [
        ("content/statements/a.en.md", "outside-content"), ("content/statements/leak.txt", "outside-content")]


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


yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), any_text, st.dates()),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(any_text, inner, max_size=3)),
    max_leaves=6)


fields = st.dictionaries(st.one_of(st.sampled_from(["title", "title_en", "date", "source", "url", "template"]),
                                   any_text), yaml_values, max_size=6)


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".md", ".txt"]))
def test_reader_on_random_bytes(folder, data, suffix):
    _read(folder, "random" + suffix, data)


@FUZZ
@given(fields=fields, raw=rich_text, body=rich_text, dump=st.booleans())
def test_reader_on_random_front_matter(folder, fields, raw, body, dump):
    front = yaml.safe_dump(fields, allow_unicode=True) if dump else raw
    _read(folder, "front.md", f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("source", ["was", "WAS", "واس", "وكالة الأنباء السعودية", " وكالة الانباء السعودية "])
def test_a_known_outlet_reads_as_its_name_with_its_english(tmp_path, source):
    write(tmp_path, "a.md", f"---\ntitle: عنوان\nsource: '{source}'\n---\n" + BODY)
    (read_source,), _ = read(tmp_path)
    assert read_source.meta.source == "وكالة الأنباء السعودية"
    assert read_source.meta.source_en == "Saudi Press Agency (SPA)"


def test_another_source_reads_as_written(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: عنوان\nsource: الاجتماع الوزاري، الكويت\n---\n" + BODY)
    (read_source,), _ = read(tmp_path)
    assert (read_source.meta.source, read_source.meta.source_en) == ("الاجتماع الوزاري، الكويت", None)
