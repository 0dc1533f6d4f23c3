"""The lexicon's typed loaders: every shipped file reads, and a malformed one names its fault."""
from pathlib import Path

import pytest

import generator.lexicon
from generator.lexicon import LexiconError, parse
from generator.lexicon.cues import Cues, cues
from generator.lexicon.dates import dates
from generator.lexicon.figures import figures
from generator.lexicon.gazetteer import gazetteer
from generator.lexicon.morphology import Morphology, morphology
from generator.lexicon.numbers import numbers
from generator.lexicon.pillars import pillars
from generator.lexicon.speakers import speakers
from generator.lexicon.spelling import spelling
from generator.lexicon.summary import summary
from generator.lexicon.translation_qa import translation_qa
from generator.lexicon.wire import wire

MORPHOLOGY = "conjunctions: [و, ف]\nprepositions: [ب, ل, ك]\narticle: ال\nfuture: [س]\nmin_stem: 3\n"


def test_every_lexicon_file_reads_into_its_dataclass():
    for loader in (cues, dates, figures, gazetteer, morphology, numbers, pillars, speakers, spelling, summary,
                   translation_qa, wire):
        assert loader() is loader()  # read once per process
    assert cues().verbs[0].present is True and cues().agreement.past["نحن"] == "1" and gazetteer().entities[0].ar
    assert "on" in translation_qa().optional  # YAML 1.1 read a bare «on» as true


def test_a_malformed_file_names_the_file_and_the_fault():
    assert parse("morphology.yml", MORPHOLOGY, Morphology).prepositions == ("ب", "ل", "ك")
    cases = [
        (MORPHOLOGY.replace("min_stem: 3", "min_stem: three"), "morphology.yml: min_stem: expected int"),
        (MORPHOLOGY.replace("article: ال\n", ""), "morphology.yml: top level: missing key 'article'"),
        (MORPHOLOGY + "suffixes: [ه]\n", "morphology.yml: top level: unknown key 'suffixes'"),
        (MORPHOLOGY.replace("[ب, ل, ك]", "[ب, on, ك]"), "morphology.yml: prepositions[1]: expected str, not bool"),
        ("conjunctions: [و", "morphology.yml: not YAML"),
    ]
    for text, message in cases:
        with pytest.raises(LexiconError, match=message.replace("[", r"\[").replace("]", r"\]")):
            parse("morphology.yml", text, Morphology)
    shipped = (Path(generator.lexicon.__file__).parent / "cues.yml").read_text(encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cues.yml: verbs\[0\]: missing key 'act'"):
        parse("cues.yml", shipped.replace("cue_en: said, act: assert}", "cue_en: said}", 1), Cues)
