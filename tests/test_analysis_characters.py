"""Bidi controls, invisible characters and look-alikes are findings; Arabic typography is not."""
from generator.analysis.characters import character_findings
from generator.model import Sentence


def codes(body: str, body_line: int = 1):
    sentences = (Sentence(1, body, 0, len(body)),)
    return [(f.code, f.line, f.sentence) for f in character_findings(body, sentences, body_line)]


def test_bidi_override_is_reported_with_line():
    assert codes("أكد الوزير.\nالمبلغ \u202e001\u202c ريال.", body_line=7) == [
        ("characters/bidi-control", 8, 1), ("characters/bidi-control", 8, 1)]


def test_isolates_and_marks_are_bidi_controls():
    assert [c for c, _, _ in codes("نص \u2067abc\u2069 و\u200fنص")] == ["characters/bidi-control"] * 3


def test_zero_width_space_and_stray_zwnj_are_reported():
    assert [c for c, _, _ in codes("الأمم\u200bالمتحدة \u200c")] == ["characters/invisible-character"] * 2


def test_zwnj_inside_arabic_word_and_tatweel_are_fine():
    assert codes("مـــجلس الأمن مي\u200cخواهم") == []


def test_mixed_script_look_alike():
    assert codes("زيارة الوزيرa اليوم, Pаypal") == [("characters/mixed-script", 1, 1)] * 2


def test_clean_text_has_no_findings():
    assert codes("أكد الوزير أن الاتفاق رقم 2254 (UN) نافذ.") == []


def test_controls_and_tag_characters():
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "hi there")
    assert codes("نص\x00 و\x1b[31m" + hidden + " نص") == [
        ("characters/control-character", 1, 1), ("characters/control-character", 1, 1),
        ("characters/hidden-text", 1, 1)]
    (finding,) = [f for f in character_findings(hidden, ()) if f.code == "characters/hidden-text"]
    assert finding.message == "8 invisible tag character(s) spelling 'hi there'"


def test_quick_scans_miss_no_character_a_finding_needs():
    from generator.analysis.characters import ARABIC, BIDI_CONTROLS, CONTROLS, FOREIGN_LETTER, HIDDEN, TAGS, ZERO_WIDTH
    for code in range(0x110000):
        char = chr(code)
        if any(p.match(char) for p in (BIDI_CONTROLS, ZERO_WIDTH, CONTROLS, TAGS)) or char == "\u200c":
            assert HIDDEN.match(char), hex(code)
        if char.isalpha() and not ARABIC.match(char):
            assert FOREIGN_LETTER.match(char), hex(code)


def test_analysis_reports_what_the_pages_mark():
    """The characters the escaping filters show as markers (lexicon/invisible.yml) are the ones
    the analysis reports, ZWNJ included only outside Arabic words."""
    from generator.analysis.characters import BIDI_CONTROLS, CONTROLS, TAGS, ZERO_WIDTH
    from generator.lexicon.invisible import INVISIBLE as marked

    sample = "".join(map(chr, range(0x10000))) + "".join(map(chr, range(0xE0000, 0xE0080))) + "ن\u200cن a\u200cb"
    reported = "".join(m.group() for p in (BIDI_CONTROLS, ZERO_WIDTH, CONTROLS, TAGS) for m in p.finditer(sample))
    assert sorted(reported) == sorted(marked.findall(sample))
