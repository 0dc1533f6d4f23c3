"""The search index: each page's words as search keys in Pagefind's chunked index, the original
title and excerpt beside them."""
from __future__ import annotations

import asyncio
import gzip
import html
import json
from concurrent.futures import ThreadPoolExecutor

from generator.site.search import key, keys
from generator.site.search_index import UNUSED, IndexWriter, entry, excerpt, plain_text, write_index

PAGE = """<h1 id="t">بيان مجلس الأمن<a class="headerlink" href="#t">&para;</a></h1>
<p class="bayan-title-en" dir="ltr" lang="en">Security Council statement</p>
<p>من الجمل <a href="#s1">1</a></p>
<p class="bayan-summary">أكد مجلس الأمن التابع <span lang="en">(gloss)</span> للأمم المتحدة دعمه &amp; تأييده.</p>
<table><tr><td>الأمم المتحدة</td></tr></table>"""


def test_plain_text_leaves_out_tags_and_permalinks():
    assert plain_text('<h1>عنوان<a class="headerlink" href="#x">&para;</a></h1><p>أ &lt;b&gt;</p>') == "عنوان أ <b>"


def test_excerpt_opens_with_the_pages_own_paragraphs():
    """Not the title, a translation, a gloss or a short label: the first paragraphs in the
    page's language, cut at a word."""
    assert excerpt(PAGE, "ar") == "أكد مجلس الأمن التابع للأمم المتحدة دعمه & تأييده."
    assert excerpt(PAGE, "ar", limit=20) == "أكد مجلس الأمن …"
    assert excerpt("<h1>عنوان</h1><ul><li>نص بلا فقرة</li></ul>", "ar") == "نص بلا فقرة"


STATEMENT_PAGE = """<h1>بيان</h1><p class="bayan-pending-note">لم يترجم هذا البيان إلى الإنجليزية بعد.</p>
<div class="bayan-pair" id="s1"><p class="bayan-ar" lang="ar" dir="rtl"><a class="bayan-n" href="#s1">1</a> أكد المجلس دعمه.</p>
<p class="bayan-en" lang="en" dir="ltr">The council affirmed its support.</p></div>
<div class="bayan-pair" id="s2"><p class="bayan-ar" lang="ar" dir="rtl"><a class="bayan-n" href="#s2">2</a> ودعا إلى الحوار.</p>
<p class="bayan-en bayan-pending" lang="en" dir="ltr">Translation pending · <span lang="ar">الترجمة غير متوفرة</span></p></div>"""


def test_a_statements_excerpt_is_its_text_in_the_pages_language():
    """Its sentences, without their numbers; not a note, nor the other language."""
    assert excerpt(STATEMENT_PAGE, "ar") == "أكد المجلس دعمه. ودعا إلى الحوار."
    assert excerpt(STATEMENT_PAGE, "en") == "The council affirmed its support."


def test_an_entry_holds_each_word_once_the_title_too():
    found = entry("statements/x/", "بيان مجلس الأمن", PAGE, "ar")
    assert found.url == "statements/x/" and found.title == "بيان مجلس الأمن"
    assert found.words.count("الأمن") == 1 and {"للأمم", "Security", "gloss"} <= set(found.words)
    assert "&" not in found.words and "para" not in found.words


def fragments(folder):
    """The records of a written Pagefind bundle (gzip, after Pagefind's signature)."""
    for path in (folder / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        yield json.loads(data[data.index(b"{"):])


def test_the_index_holds_the_keys_and_shows_the_original(tmp_path):
    folder = tmp_path / "pagefind"
    (folder / "fragment").mkdir(parents=True)
    (folder / "fragment" / "stale.pf_fragment").write_bytes(b"from a build before")
    pages = [entry("statements/x/", "بيان مجلس الأمن", PAGE, "ar"), entry("about/", "عن «بيان»", "<p>صفحة عن الموقع نفسه هنا</p>", "ar")]
    assert write_index(pages, folder, "ar") == 2
    records = {r["url"]: r for r in fragments(folder)}
    assert set(records) == {"/statements/x/", "/about/"}  # what was there before is gone
    x = records["/statements/x/"]
    assert x["meta"] == {"title": "بيان مجلس الأمن", "excerpt": "أكد مجلس الأمن التابع للأمم المتحدة دعمه & تأييده."}
    content = x["content"].replace(".", " ").split()
    assert {key("الأمم"), key("للأمم"), *keys("المتحدة")} <= set(content) and "للأمم" not in content
    assert "أكد" not in content and "&" not in content  # the shown text is no part of what is searched
    entry_file = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry_file["languages"]["ar"]["page_count"] == 2
    assert (folder / "pagefind.js").is_file() and not any((folder / name).exists() for name in UNUSED)


def test_markup_in_a_title_or_excerpt_stays_text(tmp_path):
    """Pagefind reads the entries as HTML: what the statement wrote comes back as written, and
    none of it becomes an element of the page Pagefind reads."""
    hostile = '<script>alert(1)</script> & <b data-pagefind-meta="title">x</b>'
    written = entry("statements/h/", hostile, f"<p>{html.escape(hostile)} نص الفقرة هنا أيضا</p>", "ar")
    write_index([written], tmp_path / "pagefind", "ar")
    (record,) = fragments(tmp_path / "pagefind")
    assert record["meta"]["title"] == hostile and record["meta"]["excerpt"].startswith(hostile)
    assert "<" not in record["content"] and "alert" in record["content"]


def test_the_index_is_written_from_inside_a_running_event_loop(tmp_path):
    """A build started from asynchronous code (a notebook, Playwright's sync API) writes it too."""
    async def build() -> int:
        return write_index([entry("about/", "عن", "<p>صفحة عن الموقع نفسه هنا</p>", "ar")], tmp_path / "pagefind", "ar")

    with ThreadPoolExecutor(1) as thread:  # a loop of its own, whatever the test session runs
        assert thread.submit(asyncio.run, build()).result() == 1


def test_the_newest_entries_of_a_folder_win_and_replace_the_index_whole(tmp_path):
    """Under `mkdocs serve --dirty` the index is written in the background: saves that come
    while Pagefind is busy are written once, the newest; the folder only ever holds a whole index."""
    folder = tmp_path / "pagefind"
    write_index([entry("about/", "عن", "<p>صفحة عن الموقع نفسه هنا</p>", "ar")], folder, "ar")
    writer = IndexWriter()
    saves = [[entry(f"statements/s{n}/", f"بيان {n}", "<p>نص البيان الأول هنا كاملا</p>", "ar")] for n in range(3)]
    futures = [writer.submit(save, folder, "ar") for save in saves]
    assert [future.result(timeout=120) for future in futures][1:] == [None, 1]  # the second is skipped
    assert [r["url"] for r in fragments(folder)] == ["/statements/s2/"]
    assert [p.name for p in tmp_path.iterdir()] == ["pagefind"]  # no folder left half-written
