"""Reading content/: front matter, sidecars, and errors that name file and line."""
from pathlib import Path

import pytest

from generator.read.sources import read_statements

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
