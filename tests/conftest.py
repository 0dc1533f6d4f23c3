"""Shared fixtures: hand-built statements (every field filled, and all empty) and a temporary
Bayan project (mkdocs.yml, templates, content) so that no test touches the real content/."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.analysis.doc import Doc
from generator.analysis.sentences import split_sentences
from generator.model import (
    Claim,
    Entity,
    Figure,
    Meta,
    PillarItem,
    Pillars,
    Sentence,
    Source,
    Speaker,
    Statement,
    Summary,
    Translation,
)
from generator.problems import Problem
from generator.project import Project, analyse
from generator.read.sources import read_statements

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = ('<script>alert(1)</script> | pipes | # heading [x](javascript:alert(1)) **bold** '
           '<img src=x onerror=alert(1)> {: onclick="alert(1)" }')


def full_statement(slug: str = "full") -> Statement:
    """A statement with every field of the model filled."""
    sentences = (
        "أكد الوزراء عزم التحالف على هزيمة داعش.",
        "وقال البيان إن النمو بلغ +2.0% في عام 2017.",
        "وذكر البيان أن نهج التحالف يقوم على أربع ركائز أولها الحشد.",
    )
    offsets, pos = [], 0
    for text in sentences:
        offsets.append((pos, pos + len(text)))
        pos += len(text) + 1
    speaker = Speaker("وزراء خارجية دول التحالف", "وزراء خارجية دول التحالف", True, None,
                      "the Coalition foreign ministers")
    return Statement(
        slug=slug,
        path=f"content/statements/{slug}.md",
        meta=Meta(title="البيان الختامي للاجتماع الوزاري", title_en="Final ministerial statement",
                  date="2018-02-13", source="وكالة الأنباء", url="https://example.org/a?b=1&c=2",
                  dateline="الكويت 13 فبراير 2018 واس"),
        sentences=tuple(Sentence(n, t, s, e) for n, (t, (s, e)) in enumerate(zip(sentences, offsets), 1)),
        claims=(
            Claim("c1", 1, "أكد", "affirmed", "assert", speaker, "عزم التحالف على هزيمة داعش"),
            Claim("c2", 2, "قال", "said", "announce",
                  Speaker("البيان", "البيان", False, "c1", "the statement"), "النمو بلغ +2.0%"),
            Claim("c3", 3, "ذكر", "mentioned", "assert", None, "نهج التحالف"),
        ),
        pillars=Pillars(4, "ركائز", 3, (PillarItem(1, (3,), True, "الحشد والتنسيق"),
                                         PillarItem(2, (3,), False, "دعم الاستقرار"))),
        entities=(Entity("داعش", "داعش", "Daesh", "ORG", (1,)),
                  Entity("الكويت", "الكويت", "Kuwait", "LOC", (1, 3))),
        figures=(Figure("+2.0%", 2.0, "percent", 2), Figure("أربع ركائز", 4, None, 3)),
        summary=Summary((1, 3), "أكد الوزراء عزم التحالف على هزيمة داعش بنمو +2.0%.",
                        "The ministers affirmed the resolve to defeat Daesh."),
        translation=Translation(("The ministers affirmed the Coalition's resolve.", None,
                                 "The statement said the approach rests on four pillars."), (2,)),
    )


def empty_statement(slug: str = "empty") -> Statement:
    """A statement with only what is required: every optional field empty or None."""
    return Statement(slug=slug, path=f"content/statements/{slug}.md", meta=Meta(title="بيان قصير"),
                     sentences=(Sentence(1, "نص قصير.", 0, 8),))


def hostile_statement(slug: str = "hostile") -> Statement:
    """A statement whose every text field carries markup and Markdown syntax."""
    st = full_statement(slug)
    return Statement(
        slug=slug, path=st.path,
        meta=Meta(title=HOSTILE, title_en=HOSTILE, source=HOSTILE, url="javascript:alert(1)",
                  dateline=HOSTILE, date="2018-02-13"),
        sentences=(Sentence(1, HOSTILE, 0, len(HOSTILE)), Sentence(2, "# heading", 0, 9)),
        claims=(Claim("c1", 1, HOSTILE, HOSTILE, HOSTILE, Speaker(HOSTILE, HOSTILE, True, None, HOSTILE),
                      HOSTILE),),
        pillars=Pillars(1, HOSTILE, 1, (PillarItem(1, (1,), True, HOSTILE),)),
        entities=(Entity(HOSTILE, HOSTILE, HOSTILE, HOSTILE, (1,)),),
        figures=(Figure(HOSTILE, HOSTILE, HOSTILE, 1),),
        summary=Summary((1,), HOSTILE, HOSTILE),
        translation=Translation((HOSTILE, "- list item"), ()),
    )


@pytest.fixture
def templates_dir() -> Path:
    return ROOT / "templates"


def make_project(root: Path) -> Path:
    """A Bayan project in `root`: the real mkdocs.yml, templates and pages, no statements."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(ROOT / "mkdocs.en.yml", root / "mkdocs.en.yml")
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "content" / "pages", root / "content" / "pages")
    (root / "content" / "statements").mkdir()
    return root


def load_content(content: Path, cache: Path | None = None, jobs: int = 1,
                 summary_ratio: float | None = None) -> tuple[list[Statement], list[Problem]]:
    """Read and analyse a content folder as the road does."""
    project = Project(root=content.parent, config_files=(), content=content, templates=content.parent / "templates",
                      cache=cache, jobs=jobs, summary_ratio=summary_ratio)
    sources, problems = read_statements(content)
    return analyse(project, sources, problems), problems


def doc_of(text: str, body_line: int = 1) -> Doc:
    """A Doc of a bare text split into sentences as a whole (no wire frame), for one stage's test."""
    doc = Doc(Source("t", "t.md", Meta(title="t"), text, body_line))
    doc.set_sentences(split_sentences(text))
    return doc
