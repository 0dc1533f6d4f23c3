"""Importing corpora into statement files that Bayan then reads back."""
import json
from pathlib import Path

import pytest
from conftest import load_content

from generator.read.importer import ImportFormatError, import_into, slugify
from generator.read.sources import read_statements

ARTICLE = {"id": "snn-1", "source": "spa", "url": "http://example.org/1", "date_extracted": "2015-08-10 10:00:00",
           "title": "سياسي / وزير: التعاون مهم", "content": " أكد الوزير أهمية التعاون.\nوقال إن العمل مستمر."}


def jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_articles_become_statements_with_metadata(tmp_path):
    into = tmp_path / "content" / "statements"
    report = import_into(jsonl(tmp_path / "a.jsonl", [ARTICLE]), into)
    assert [p.name for p in report.written] == ["2015-08-10-snn-1.md"]
    (source,), problems = read_statements(tmp_path / "content")
    assert problems == []
    assert source.meta.title == ARTICLE["title"] and source.meta.date == "2015-08-10"
    assert source.meta.url == ARTICLE["url"] and source.meta.source == "وكالة الأنباء السعودية"  # «spa»
    assert source.body == ARTICLE["content"].strip()


def test_aligned_documents_get_an_english_sidecar(tmp_path):
    doc = {"doc_id": "bbc.1", "source": "bbc", "ar_sentences": ["عنوان الخبر", "قال الوزير إن الخطة جاهزة."],
           "en_sentences": ["News title", "The minister said the plan was ready."]}
    import_into(jsonl(tmp_path / "d.jsonl", [doc]), tmp_path / "content" / "statements")
    (source,), _ = read_statements(tmp_path / "content")
    assert source.slug == "ntrex-bbc-1" and source.meta.title_en == "News title"
    assert source.translation == tuple(doc["en_sentences"])


def test_sentence_pairs_are_grouped_by_document(tmp_path):
    pairs = [{"doc": "2015/s/prst/2015/4", "doc_symbol": "S/PRST/2015/4", "ar": "يحث مجلس الأمن الدول.", "en": "The Council urges States."},
             {"doc": "2015/s/1", "ar": "يرحب المجلس بالتقرير.", "en": "The Council welcomes the report."},
             {"doc": "2015/s/prst/2015/4", "ar": "ويدين المجلس الهجوم.", "en": "The Council condemns the attack."}]
    import_into(jsonl(tmp_path / "u.jsonl", pairs), tmp_path / "content" / "statements")
    sources, _ = read_statements(tmp_path / "content")
    prst = next(s for s in sources if s.meta.title == "S/PRST/2015/4")
    assert prst.body == "يحث مجلس الأمن الدول.\nويدين المجلس الهجوم."
    assert prst.translation == ("The Council urges States.", "The Council condemns the attack.")
    assert len(sources) == 2


def test_text_folder(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "بيان 1.txt").write_text("أكد الوزير أهمية التعاون.", encoding="utf-8")
    report = import_into(folder, tmp_path / "content" / "statements")
    assert [p.name for p in report.written] == [slugify("بيان 1") + ".md"]
    (source,), problems = read_statements(tmp_path / "content")
    assert problems == [] and source.body == "أكد الوزير أهمية التعاون."


def test_existing_files_are_kept_unless_forced(tmp_path):
    into = tmp_path / "statements"
    data = jsonl(tmp_path / "a.jsonl", [ARTICLE])
    import_into(data, into)
    edited = into / "2015-08-10-snn-1.md"
    edited.write_text("edited by hand", encoding="utf-8")
    report = import_into(data, into)
    assert report.written == [] and report.skipped == [edited]
    assert edited.read_text(encoding="utf-8") == "edited by hand"
    assert import_into(data, into, force=True).written == [edited]
    assert edited.read_text(encoding="utf-8").startswith("---\n")


def test_slugs_are_stable_and_safe():
    assert slugify("2015-08-10", "وزير الخارجية") == slugify("2015-08-10", "وزير الخارجية")
    assert slugify("../../etc", "passwd") == "etc-passwd"
    assert slugify("؟؟") == "statement"


def test_a_unit_split_into_two_sentences_keeps_the_rest_aligned(tmp_path):
    doc = {"doc_id": "x.1", "ar_sentences": ["قال الوزير: انتهى. ثم غادر.", "أكد المتحدث الموقف."],
           "en_sentences": ["The minister said: over. Then he left.", "The spokesman affirmed the position."]}
    import_into(jsonl(tmp_path / "d.jsonl", [doc]), tmp_path / "content" / "statements")
    (statement,), _ = load_content(tmp_path / "content")
    assert [s.text for s in statement.sentences] == ["قال الوزير: انتهى.", "ثم غادر.", "أكد المتحدث الموقف."]
    assert statement.translation.sentences[2] == doc["en_sentences"][1]
    assert not [f for f in statement.findings if f.code.startswith("translation/")]


def test_sentence_pairs_by_doc_id_in_sentence_order(tmp_path):
    pairs = [{"doc_id": "bbc.2", "sent_index": 1, "ar": "وقال إن الخطة جاهزة.", "en": "He said the plan was ready."},
             {"doc_id": "bbc.2", "sent_index": 0, "ar": "عنوان الخبر", "en": "Headline"}]
    import_into(jsonl(tmp_path / "p.jsonl", pairs), tmp_path / "content" / "statements")
    (source,), _ = read_statements(tmp_path / "content")
    assert source.slug == "ntrex-bbc-2" and source.meta.title == "عنوان الخبر"
    assert source.translation == ("Headline", "He said the plan was ready.")


def test_article_text_may_be_called_article(tmp_path):
    record = {"id": "easc-1", "article": "أكد الوزير أهمية التعاون."}
    import_into(jsonl(tmp_path / "e.jsonl", [record]), tmp_path / "content" / "statements")
    (source,), _ = read_statements(tmp_path / "content")
    assert source.meta.title == "easc-1" and source.body == record["article"]


@pytest.mark.parametrize("line, message", [("not json", "a.jsonl:2: not JSON"),
                                           ('{"x": 1}', "a.jsonl:1: unknown layout")])
def test_unreadable_records_are_named_by_line(tmp_path, line, message):
    path = tmp_path / "a.jsonl"
    first = line if "x" in line else json.dumps(ARTICLE, ensure_ascii=False)
    path.write_text(first + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=message):
        import_into(path, tmp_path / "out")


def test_a_corpus_source_code_becomes_the_outlets_name(tmp_path):
    records = [dict(ARTICLE, id=f"snn-{code}", source=code) for code in ("was", "alriyadh", "3alyoum", "unknown-paper")]
    import_into(jsonl(tmp_path / "a.jsonl", records), tmp_path / "statements")
    written = {path.stem: path.read_text(encoding="utf-8") for path in (tmp_path / "statements").iterdir()}
    assert "source: وكالة الأنباء السعودية\n" in written["2015-08-10-snn-was"]
    assert "source: صحيفة الرياض\n" in written["2015-08-10-snn-alriyadh"]
    assert "source: صحيفة عين اليوم\n" in written["2015-08-10-snn-3alyoum"]
    assert "source: unknown-paper\n" in written["2015-08-10-snn-unknown-paper"]


def test_html_entities_are_decoded_on_import(tmp_path):
    record = dict(ARTICLE, title="الوزير: &#8220;التعاون&#8221; &quot;مهم&quot; &amp; ضروري",
                  content="قال الوزير إن &quot;الخطة&quot; جاهزة &#39;اليوم&#39;.")
    import_into(jsonl(tmp_path / "a.jsonl", [record]), tmp_path / "content" / "statements")
    (source,), _ = read_statements(tmp_path / "content")
    assert source.meta.title == 'الوزير: “التعاون” "مهم" & ضروري'
    assert source.body == "قال الوزير إن \"الخطة\" جاهزة 'اليوم'."


def test_web_page_navigation_before_the_text_is_dropped(tmp_path):
    record = dict(ARTICLE, source="3alyoum", content=" Next Previous عين اليوم – واس\n عقد المجلس جلسته اليوم.")
    import_into(jsonl(tmp_path / "a.jsonl", [record]), tmp_path / "content" / "statements")
    (source,), _ = read_statements(tmp_path / "content")
    assert source.body.startswith("عين اليوم – واس\n")
    (statement,), _ = load_content(tmp_path / "content")
    assert statement.meta.dateline == "عين اليوم – واس"
