"""arabic.py: the normaliser matches without changing the text, tokens keep their offsets, numbers read in digits and words."""
from generator.arabic import normalize, read_quantity, tokenize


def test_normalisation_for_matching_only():
    assert normalize("مُشِيرًا") == "مشيرا"
    assert normalize("أإآ") == "ااا"
    assert normalize("مدرسة على") == "مدرسه علي"
    assert normalize("كـبير") == "كبير"


def test_tokens_keep_offsets():
    text = "وأكّد الوزيرُ، أن"
    assert all(text[t.start:t.end] == t.text for t in tokenize(text))


def test_number_words_and_digits():
    assert read_quantity(tokenize("ثلاث سنوات ونصف"), 0).value == 3.5
    assert read_quantity(tokenize("أربع ركائز"), 0).value == 4
    assert read_quantity(tokenize("خمسة وعشرون عاما"), 0).value == 25
    assert read_quantity(tokenize("٢٥ عاما"), 0).value == 25
