"""infra/memo.py: a build after the first in one process (`mkdocs serve`) reads, analyses and
renders only what changed, and its pages are those a build from scratch makes."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from conftest import make_project

from generator.infra.memo import Memo
from generator.project import Project, pages
from generator.read.sources import read_statement, read_statements

STATEMENT = "---\ntitle: {title}\ndate: 2018-0{m}-01\nsource: وكالة {s}\n---\nأكد الوزير {who} أن التعاون رقم {n} مهم.\n"


def write(root: Path, n: int, title: str | None = None, who: str = "خالد") -> Path:
    path = root / "content" / "statements" / f"s{n}.md"
    path.write_text(STATEMENT.format(title=title or f"بيان {n}", m=1 + n % 2, s=n % 3, who=who, n=n),
                    encoding="utf-8")
    return path


def project_of(tmp_path: Path, statements: int = 5) -> Project:
    root = make_project(tmp_path)
    for n in range(statements):
        write(root, n)
    return Project.load(root / "mkdocs.yml")


def from_scratch(project: Project) -> dict[str, str]:
    """The pages a build without memo nor cache makes."""
    return pages(dataclasses.replace(project, cache=None), "ar").pages  # type: ignore[return-value]


def text_of(files: dict[str, Path]) -> dict[str, str]:
    return {uri: path.read_text(encoding="utf-8") for uri, path in files.items()}


def test_a_file_is_read_again_only_when_it_or_its_sidecar_changed(tmp_path):
    root = project_of(tmp_path, 2).root
    memo = Memo()
    first, _ = read_statements(root / "content", read=memo.reader(read_statement))
    again, _ = read_statements(root / "content", read=memo.reader(read_statement))
    assert [a is b for a, b in zip(first, again)] == [True, True]
    write(root, 1, title="بيان معدل")
    (root / "content" / "statements" / "s0.en.md").write_text("The minister affirmed.\n", encoding="utf-8")
    edited, _ = read_statements(root / "content", read=memo.reader(read_statement))
    assert [a is b for a, b in zip(first, edited)] == [False, False]
    assert edited[0].translation == ("The minister affirmed.",) and edited[1].meta.title == "بيان معدل"
    (root / "content" / "statements" / "s1.md").unlink()
    read_statements(root / "content", read=memo.reader(read_statement))
    assert list(memo.readings) == [root / "content" / "statements" / "s0.md"]  # only this build's files


def test_an_edit_renders_the_statement_and_the_index_pages_it_changes(tmp_path):
    project = project_of(tmp_path)
    memo = Memo()
    first = pages(project, "ar", memo=memo)
    before = text_of(first.pages)
    assert set(first.made) == set(first.pages) and before == from_scratch(project)
    for path in first.pages.values():
        os.utime(path, ns=(1, 1))
    write(project.root, 1, title="بيان جديد العنوان")
    second = pages(project, "ar", memo=memo)
    assert "statements/s1.md" in second.made and "archive/2018-02/index.md" in second.made
    assert "statements/s0.md" not in second.made and "archive/2018-01/index.md" not in second.made
    assert "بيان جديد العنوان" in second.made["archive/2018-02/index.md"]
    assert text_of(second.pages) == from_scratch(project)  # as a build from scratch
    assert list(second.pages) == list(from_scratch(project))  # in the same order (navigation, sitemap)
    changed = {uri for uri, markdown in second.made.items() if markdown != before.get(uri)}
    untouched = {uri for uri, path in second.pages.items() if path.stat().st_mtime_ns == 1}
    assert untouched == set(second.pages) - changed  # MkDocs' --dirty skips exactly these
    assert len(changed) < len(second.pages) / 3


def test_a_deleted_statement_leaves_its_page_and_the_indexes(tmp_path):
    project = project_of(tmp_path)
    memo = Memo()
    pages(project, "ar", memo=memo)
    (project.root / "content" / "statements" / "s3.md").unlink()
    after = pages(project, "ar", memo=memo)
    assert "statements/s3.md" not in after.pages
    assert not any("s3" in text for text in text_of(after.pages).values())
    assert text_of(after.pages) == from_scratch(project)


def test_a_new_speaker_reaches_the_speakers_index(tmp_path):
    project = project_of(tmp_path)
    memo = Memo()
    pages(project, "ar", memo=memo)
    write(project.root, 2, who="سالم")
    after = pages(project, "ar", memo=memo)
    assert "speakers/index.md" in after.made and "سالم" in after.made["speakers/index.md"]
    assert text_of(after.pages) == from_scratch(project)


def test_a_template_edit_renders_every_page_again(tmp_path):
    project = project_of(tmp_path)
    memo = Memo()
    first = pages(project, "ar", memo=memo)
    template = project.templates / "statement.md.j2"
    builtin = Path(__file__).parent.parent / "generator" / "templates" / "statement.md.j2"
    template.write_text(builtin.read_text(encoding="utf-8") + "\nتذييل القالب\n", encoding="utf-8")
    after = pages(project, "ar", memo=memo)
    assert set(after.made) == set(first.pages)
    assert "تذييل القالب" in after.made["statements/s0.md"]


def test_the_first_build_with_a_memo_learns_every_page_even_of_an_unchanged_project(tmp_path):
    project = project_of(tmp_path)
    pages(project, "ar")  # `make site`: the page store holds this very project
    memo = Memo()
    first = pages(project, "ar", memo=memo)  # `make serve`'s first build
    assert set(first.made) == set(first.pages)
    write(project.root, 4, title="بيان آخر")
    assert "statements/s0.md" not in pages(project, "ar", memo=memo).made


def test_a_page_store_written_by_another_build_is_not_trusted(tmp_path):
    project = project_of(tmp_path)
    memo = Memo()
    pages(project, "ar", memo=memo)  # `make serve`
    original = (project.root / "content" / "statements" / "s1.md").read_text(encoding="utf-8")
    write(project.root, 1, title="بيان في بناء آخر")
    pages(project, "ar")  # `make site` in another terminal stores s1 edited
    (project.root / "content" / "statements" / "s1.md").write_text(original, encoding="utf-8")
    after = pages(project, "ar", memo=memo)  # the memo knew s1 as it is now, the store does not
    assert text_of(after.pages) == from_scratch(project)
