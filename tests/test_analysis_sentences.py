"""analysis/sentences.py: where a sentence ends, and where it does not."""
from generator.analysis.sentences import split_sentences


def test_arabic_comma_and_colon_do_not_split():
    text = "قال الوزير، في بيان: إن الوضع مستقر؛ وأضاف أن الجهود مستمرة."
    assert len(split_sentences(text)) == 1


def test_decimal_numbers_do_not_split():
    text = "ارتفع النمو 2.0 في المائة، والتضخم 18.75 في المائة. وقال الوزير إن ذلك جيد."
    sentences = split_sentences(text)
    assert len(sentences) == 2 and sentences[0].text.endswith("18.75 في المائة.")


def test_ellipsis_question_and_line_break_split():
    text = "هل انتهى الأمر؟ لا.. ليس بعد… ربما\nغدا"
    assert [s.text for s in split_sentences(text)] == ["هل انتهى الأمر؟", "لا..", "ليس بعد…", "ربما", "غدا"]
