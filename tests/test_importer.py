"""Importing corpora into statement files that Bayan then reads back."""
import json
from pathlib import Path

from generator.importer import import_into, slugify
from generator.sources import read_statements

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
    assert source.meta.url == ARTICLE["url"] and source.meta.source == "spa"
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
