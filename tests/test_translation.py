"""The English sidecar aligned to the Arabic sentences."""
from generator.model import Meta, Sentence, Source
from generator.translation import align

SENTENCES = (Sentence(1, "أكد الوزير.", 0, 11), Sentence(2, "وقال إن.", 12, 20))


def source(translation):
    return Source(slug="a", path="content/statements/a.md", meta=Meta(title="a"), body="",
                  translation=translation, translation_path="content/statements/a.en.md")


def test_no_sidecar_means_no_translation():
    assert align(source(None), SENTENCES) == (None, ())


def test_one_paragraph_per_sentence():
    translation, findings = align(source(("The minister affirmed.", "He said.")), SENTENCES)
    assert translation.sentences == ("The minister affirmed.", "He said.")
    assert translation.missing == () and findings == ()


def test_missing_paragraph_is_marked_and_reported_with_both_files():
    translation, (finding,) = align(source(("The minister affirmed.",)), SENTENCES)
    assert translation.sentences == ("The minister affirmed.", None)
    assert translation.missing == (2,)
    assert finding.code == "translation/missing"
    assert "a.en.md" in finding.message and "content/statements/a.md" in finding.message
    assert (finding.sentence, finding.line, finding.path) == (2, 1, None)  # a line of the statement file
