"""The model round-trips through its JSON form."""
import json

from generator.model import (
    Claim,
    Entity,
    Figure,
    Meta,
    PillarItem,
    Pillars,
    Sentence,
    Speaker,
    Statement,
    Summary,
    Translation,
    statement_from_dict,
)
from generator.problems import Problem

FULL = Statement(
    slug="s", path="content/statements/s.md", meta=Meta(title="ع", title_en="T", date="2018-02-13"),
    sentences=(Sentence(1, "أكد الوزير.", 0, 11), Sentence(2, "وقال.", 12, 17)),
    claims=(Claim("c1", 1, "أكد", "affirmed", "assert", Speaker("الوزير", "الوزير", True, None, "the minister"), "…"),
            Claim("c2", 2, "قال", "said", "assert", Speaker("الوزير", "الوزير", False, "c1"), "…"),
            Claim("c3", 2, "قالا", "said", "assert", Speaker("الوزير ونظيره", "الوزير", False, "c1", co_speakers=(
                Speaker("نظيره", "نظيره", False, "c1", "his counterpart"),)), "…")),
    pillars=Pillars(2, "ركائز", 1, (PillarItem(1, (1,), True, "أ"), PillarItem(2, (2,), False, "ب"))),
    entities=(Entity("العراق", "العراق", "Iraq", "LOC", (1, 2)),),
    figures=(Figure("أربع ركائز", 4, "pillar", 1), Figure("ثلاث سنوات ونصف", 3.5, "year", 2)),
    summary=Summary((1,), "أكد الوزير.", "The minister affirmed."),
    translation=Translation(("The minister affirmed.", None), (2,)),
    findings=(Problem("warning", "spelling", "…", 1, 7),),
)


def test_round_trip_through_json():
    data = json.loads(json.dumps(FULL.to_dict(), ensure_ascii=False))
    assert statement_from_dict(data) == FULL


def test_round_trip_of_an_empty_statement():
    empty = Statement("e", "e.txt", Meta(title="e"), ())
    assert statement_from_dict(json.loads(json.dumps(empty.to_dict()))) == empty
