"""A verb's past and present forms, conjugated by libqutrub; the vowel of a triliteral's present
(يقولُ، يعدُّ، ينفي) is the one the Arramooz dictionary gives for that verb."""
from __future__ import annotations

from functools import cache

from pyarabic import araby

from .spelling import database

PAST, PRESENT = "الماضي المعلوم", "المضارع المعلوم"  # libqutrub's names of the two tenses


def conjugated(past: str, tense: str, pronoun: str) -> str:
    """The form of the vocalized past verb `past` («أَكَّدَ») in `tense` (PAST or PRESENT) for
    `pronoun` (libqutrub's: هو، هي، هما، هما مؤ، هم، هن، نحن …), vocalized."""
    return _verb(past).conjugate_tense_for_pronoun(tense, pronoun)


@cache
def _verb(past: str):  # noqa: ANN202 (libqutrub's VerbClass)
    from libqutrub.ar_verb import get_future_type_by_name
    from libqutrub.classverb import VerbClass

    return VerbClass(past, True, get_future_type_by_name(_present_vowel(past)))


@cache
def _present_vowel(past: str) -> str:
    """The name of the present's middle vowel (فتحة، ضمة، كسرة) of a vocalized past verb, from
    Arramooz: its entry written the same way, else one with the same letters; فتحة if none."""
    with database("arabicdictionary") as db:
        rows = db.execute("SELECT vocalized, future_type FROM verbs WHERE unvocalized = ?",
                          (araby.strip_tashkeel(past),)).fetchall()
    ranked = sorted(rows, key=lambda row: (row[0] != past, not araby.vocalizedlike(row[0], past)))
    return ranked[0][1] if ranked else "فتحة"
