"""The site's search index: Pagefind's chunked index of each page's Arabic search keys.

Each searchable page becomes one Pagefind page whose text is the search keys of its words
(site/search.py), so the query, keyed the same way in the browser, finds every spelling; its
metadata keeps the page's original title and the opening of its text, which the results show.
Pagefind splits the index into chunks by word: a query loads the chunks of its words and the
records of the results it shows, not the whole index. Each language's site gets its own
`pagefind/` folder.
"""
from __future__ import annotations

import asyncio
import html
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import PagefindIndex

from .search import index_terms, words

FOLDER = "pagefind"
EXCERPT_CHARS = 200
# What Pagefind writes that the site does not use: its own search interfaces.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TITLE = re.compile(r"<h1\b.*?</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
# A paragraph and its attributes; a statement's sentence in a language (not a pending translation).
_PARAGRAPH = re.compile(r"<p\b([^>]*)>(.*?)</p>", re.DOTALL)
_LANG = re.compile(r'\blang="([^"]*)"')
_SENTENCE_NUMBER = re.compile(r'<a class="bayan-n"[^>]*>.*?</a>', re.DOTALL)
PARAGRAPH_WORDS = 5  # shorter paragraphs (labels, references) do not open an excerpt
_SPACE = re.compile(r"\s+")
NICENESS = 10  # how much lower the search index's writing runs than the build


@dataclass(frozen=True)
class Entry:
    """What the index keeps of one page: its address (relative to the site's root), its title,
    its words (once each, the title's too) and the opening of its text."""

    url: str
    title: str
    words: tuple[str, ...]
    excerpt: str


def plain_text(content: str) -> str:
    """The text of some HTML, without tags or permalinks."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", _HEADERLINK.sub("", content)))).strip()


def _other_language(language: str) -> re.Pattern[str]:
    """The quotes and glosses in another language than `language` inside a paragraph."""
    return re.compile(rf'<(q|span)\b[^>]*\blang="(?!{re.escape(language)}")[^"]*"[^>]*>.*?</\1>', re.DOTALL)


def excerpt(content: str, language: str, limit: int = EXCERPT_CHARS) -> str:
    """The opening of a page's text in its own language: a statement's sentences, else its
    paragraphs in that language of PARAGRAPH_WORDS words or more (else all its text but the
    title), cut at a word boundary («…» when cut)."""
    other = _other_language(language)
    sentences, paragraphs = [], []
    for attributes, inner in _PARAGRAPH.findall(content):
        lang = _LANG.search(attributes)
        if lang and lang[1] != language:
            continue
        text = plain_text(other.sub(" ", _SENTENCE_NUMBER.sub("", inner)))
        if f'class="bayan-{language}"' in attributes:
            sentences.append(text)
        elif len(words(text)) >= PARAGRAPH_WORDS:
            paragraphs.append(text)
    text = " ".join(sentences or paragraphs) or plain_text(_TITLE.sub(" ", content, count=1))
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def entry(url: str, title: str, content: str, language: str) -> Entry:
    """The index entry of a page from its URL, title, HTML content (MkDocs' page.content) and
    language."""
    found = words(f"{title} {plain_text(content)}")
    return Entry(url, title, tuple(dict.fromkeys(found)), excerpt(content, language))


def source_page(item: Entry, language: str) -> str:
    """The page Pagefind indexes for an entry: the keys of its title as a heading (Pagefind ranks
    a heading's words higher) and of all its words as text, the original title and excerpt as
    metadata only (`data-pagefind-ignore` keeps their words out of the index)."""
    shown = "".join(f'<p data-pagefind-meta="{name}" data-pagefind-ignore>{html.escape(text)}</p>'
                    for name, text in (("title", item.title), ("excerpt", item.excerpt)))
    return (f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"></head><body>{shown}'
            f"<h1>{html.escape(index_terms(words(item.title)))}</h1><p>{html.escape(index_terms(item.words))}</p>"
            "</body></html>")


def source_path(url: str) -> str:
    """Where the page of a URL lies in the folder Pagefind reads, so that Pagefind gives its
    result that URL («statements/x/» → statements/x/index.html)."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def lower_priority() -> None:
    """Lower the priority of the calling thread, and of the processes it starts (on Linux a
    thread has a niceness of its own, which the processes it starts inherit): the search index
    is written beside the pages of the next build, which come first. Elsewhere, nothing."""
    try:
        thread = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + NICENESS))
    except (AttributeError, OSError):
        pass


async def _index(pages: Path, folder: Path) -> int:
    lower_priority()  # this thread starts Pagefind's service
    async with PagefindIndex(config={"output_path": str(folder)}) as index:  # written on leaving
        return (await index.add_directory(str(pages)))["page_count"]


def write_index(entries: Iterable[Entry], folder: Path, language: str) -> int:
    """Write the Pagefind bundle of these entries into `folder`, swapped in for what was there
    once complete (a page open meanwhile searches the last one); the number of pages it holds.

    Pagefind reads the entries as one folder of small pages: one request to its service,
    where a request per entry costs its Python client a tenth of a second each."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    with tempfile.TemporaryDirectory(prefix="bayan-search-") as pages:
        for item in entries:
            path = Path(pages) / source_path(item.url)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(source_page(item, language), encoding="utf-8")
        with ThreadPoolExecutor(1) as thread:  # its own event loop, whether the caller runs one or not
            count = thread.submit(asyncio.run, _index(Path(pages), staging)).result()
    for name in UNUSED:
        (staging / name).unlink(missing_ok=True)
    old = staging.with_name(staging.name + "-old")
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    return count


class IndexWriter:
    """Writes search indexes in a thread of its own, one after the other, the newest entries of
    a folder winning: one that a newer one follows is not written. Pagefind indexes one
    language while MkDocs builds the other; under `mkdocs serve --dirty` the edited page is
    served while Pagefind indexes the site."""

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="bayan-search-index", initializer=lower_priority)
        self._newest: dict[Path, int] = {}

    def submit(self, entries: list[Entry], folder: Path, language: str) -> Future[int | None]:
        """Write the index of `entries` into `folder` when the thread comes to it; the number of
        pages written, or None when newer entries for `folder` came meanwhile."""
        number = self._newest[folder] = self._newest.get(folder, 0) + 1

        def write() -> int | None:
            return write_index(entries, folder, language) if self._newest[folder] == number else None

        return self._thread.submit(write)
