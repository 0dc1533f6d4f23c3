"""Spelling findings against the Arramooz word list: suggestions, never a changed text."""
from conftest import doc_of

from generator.analysis import analyze
from generator.analysis.spelling import is_lexicon_word, is_noun, is_word, spelling_findings, suggestion
from generator.model import Meta, Source


def test_inflected_and_cliticised_words_are_known():
    for word in ["والمقاومة", "بالأموال", "الإقليمية", "يستخدمون", "حكومته", "قتيلاً", "انتهت", "للصراعات",
                 "المكافآت", "بالمفاجآت"]:  # مكافأة → مكافآت
        assert is_word(word), word


def test_nouns_are_told_from_verbs_and_from_words_behind_a_clitic():
    for noun in ["تنمية", "جنايات", "أنباء", "مكافآت", "حكومة"]:  # plurals and ة forms included
        assert is_noun(noun), noun
    for other in ["تواكب", "يقودها", "وشعب", "والحكومة"]:  # verbs, and nouns behind a clitic or article
        assert not is_noun(other), other


def test_a_name_in_the_list_of_frequent_words_is_no_word_of_the_lexicon():
    assert is_word("تكساس") and not is_lexicon_word("تكساس")  # a place Arramooz counts, but no noun
    assert all(map(is_lexicon_word, ["والحكومة", "يقودها", "كبيرة"]))


def test_one_edit_suggestions_ranked_sensibly():
    assert suggestion("الأمول") == "الأموال"  # a dropped letter comes back before a changed one
    assert suggestion("الإقليمة") == "الإقليمية"
    assert suggestion("الشقيقه") == "الشقيقة"  # ه for ة


def test_a_form_x_verbal_noun_is_checked_without_the_article():
    assert suggestion("باستنثاء") == "باستثناء"  # two letters swapped, behind ب
    text = "فقد التنظيم سيطرته باستنثاء أجزاء في سوريا."
    assert ["«باستثناء»" in f.message for f in spelling_findings(doc_of(text))] == [True]
    for word in ("استطعنا", "أستاذة", "فاستوص"):  # other words starting with است are not checked
        assert suggestion(word) is None, word


def test_names_nisbas_and_words_without_article_are_not_flagged():
    assert suggestion("شتاينماير") is None and suggestion("بوستن") is None
    assert suggestion("الحقيل") is None  # a family name, not «الحقلي»
    assert suggestion("اللندنية") is None


def test_findings_point_at_the_sentence_and_keep_the_text():
    text = "أكد الوزير أهمية الخطة.\nوقال إن الأمول متوفرة للمشاريع الإقليمة."
    findings = spelling_findings(doc_of(text, body_line=5))
    assert [(f.code, f.level, f.sentence, f.line) for f in findings] == [("spelling", "info", 2, 6)] * 2
    assert "«الأموال»" in findings[0].message
    statement = analyze(Source("s", "s.md", Meta(title="t"), text))
    assert "الأمول" in statement.sentences[1].text


def test_a_word_written_twice_or_in_a_name_is_not_flagged():
    text = "قال الأمول إن الخطة جيدة. وأضاف الأمول أن التنفيذ قريب."
    assert spelling_findings(doc_of(text)) == ()
    text = "قال الدكتور محمد الأمول إن الخطة جيدة."
    assert spelling_findings(doc_of(text), names=["محمد الأمول"]) == ()


def test_a_word_written_with_its_vowels_is_not_flagged():
    text = "إن الله يحب الْمُتَّقِينَ، وقال إن الأمول متوفرة."
    assert [f.message for f in spelling_findings(doc_of(text))] == ["«الأمول»: did you mean «الأموال»?"]


def test_hamza_on_a_connecting_alef_after_the_article():
    from generator.analysis.spelling import hamza_slip
    assert hamza_slip("الإتفاقية") == "الاتفاقية" and hamza_slip("والإستثمار") == "والاستثمار"
    assert hamza_slip("الإتقان") is None and hamza_slip("الإنتاج") is None  # إفعال keeps its hamza


def test_stored_dictionary_reads_back_and_a_damaged_file_is_not_used(tmp_path):
    from generator.analysis import spelling

    built = spelling.dictionary()
    (tmp_path / "spelling-old.marshal").write_bytes(b"an older version")
    path = tmp_path / "spelling-new.marshal"
    spelling._store(path, built)
    assert spelling._read(path) == built
    assert [p.name for p in tmp_path.iterdir()] == ["spelling-new.marshal"]
    data = path.read_bytes()
    for damaged in (data[:len(data) // 2], data[:40] + bytes([data[40] ^ 1]) + data[41:], b"", b"\x00" * 64):
        path.write_bytes(damaged)
        assert spelling._read(path) is None
    assert spelling._read(tmp_path / "missing.marshal") is None
    (tmp_path / "file").touch()
    spelling._store(tmp_path / "file" / "spelling.marshal", built)  # a folder that cannot be made: no error
