"""The English sidecar aligned to the Arabic sentences."""
from generator.analysis.sentences import split_sentences
from generator.analysis.translation import align, line_markers
from generator.model import Meta, Sentence, Source
from generator.read.sources import read_paragraphs

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


THREE = (Sentence(1, "أ.", 0, 2), Sentence(2, "ب.", 3, 5), Sentence(3, "ج.", 6, 8), Sentence(4, "د.", 9, 11))


def marked(*paragraphs, lines=None):
    return Source(slug="a", path="content/statements/a.md", meta=Meta(title="a"), body="أ.\nب.\nج.\nد.",
                  body_line=5, translation=paragraphs, translation_path="content/statements/a.en.md",
                  translation_lines=lines or tuple(range(1, 2 * len(paragraphs), 2)))


def test_paragraphs_keep_their_lines():
    assert read_paragraphs("\n\nOne\nline two\n\n\n[2] Two\n") == (("One line two", 3), ("[2] Two", 7))


def test_range_marker_translates_two_sentences_and_the_next_paragraph_continues():
    translation, findings = align(marked("One.", "[2-3] Two and three.", "Four."), THREE)
    assert translation.sentences == ("One.", "Two and three.", None, "Four.")
    assert translation.groups == ((2, 3),) and translation.missing == () and findings == ()


def test_repeated_marker_joins_several_paragraphs_for_one_sentence():
    translation, findings = align(marked("[1] One,", "[1] continued.", "Two.", "Three.", "Four."), THREE)
    assert translation.sentences[:2] == ("One, continued.", "Two.") and findings == ()


def test_skipped_sentence_is_missing_with_both_files_and_lines():
    _, (finding,) = align(marked("One.", "[3] Three.", "Four."), THREE)
    assert finding.code == "translation/missing" and finding.sentence == 2 and finding.line == 6
    assert finding.message.startswith("content/statements/a.md:6: sentence 2")
    assert "content/statements/a.en.md (after line 1)" in finding.message


def test_extra_and_backward_paragraphs_name_the_sidecar_line():
    _, findings = align(marked("One.", "Two.", "Three.", "Four.", "Five?"), THREE)
    assert [(f.code, f.path, f.line) for f in findings] == [("translation/extra", "content/statements/a.en.md", 9)]
    _, findings = align(marked("One.", "Two.", "[1] One again.", "Three.", "Four."), THREE)
    assert [(f.code, f.line) for f in findings][0] == ("translation/order", 5)


def test_empty_marked_paragraph_is_reported():
    _, findings = align(marked("[1]", "Two.", "Three.", "Four."), THREE)
    assert [f.code for f in findings] == ["translation/empty"]


def test_line_markers_keep_lines_aligned_when_the_splitter_cuts_one():
    body = "أولا.\nثانيا. وثالثا.\nرابعا."
    assert line_markers(body, split_sentences(body)) == ["", "[2-3]", ""]
