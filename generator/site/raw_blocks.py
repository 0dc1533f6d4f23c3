"""The HTML blocks of a generated page, set aside while Python-Markdown converts the rest.

A generated page is mostly HTML written by the templates (tables, the full text, the pager);
Python-Markdown would parse every tag of it twice with `html.parser` (MkDocs looking for anchors,
then `md_in_html`) only to copy it through unchanged, most of a build's time. `set_aside`
replaces each such block with a comment before the conversion; `put_back` restores it in the
HTML, its links to `.md` pages made site URLs as MkDocs makes those of Markdown links.

A block is what Python-Markdown itself takes as raw HTML: lines between blank lines, the first
starting with a block-level tag at the margin, the last closing that tag, with nothing after it
at the same depth and no `markdown` attribute (that asks for Markdown inside). Anything else,
and whatever is inside a fenced code block, is left to Python-Markdown.
"""
from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown.util import BLOCK_LEVEL_ELEMENTS

_OPENING = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)[\s/>]")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_PLACEHOLDER = re.compile(r"<!--bayan-block-(\d+)-->")
_LINK = re.compile(r'(?<![\w-])(href|src)="([^"]*)"')  # not data-href
_ID = re.compile(r'\sid="([^"]+)"')


@dataclass
class SetAside:
    """A page's Markdown with its HTML blocks replaced by placeholders, and the blocks."""

    markdown: str
    blocks: list[str] = field(default_factory=list)

    def anchors(self) -> set[str]:
        """The ids of the blocks' elements (links to them are checked like any other)."""
        return {html.unescape(m) for block in self.blocks for m in _ID.findall(block)}


def set_aside(markdown: str) -> SetAside:
    """`markdown` with each raw HTML block replaced by a placeholder comment."""
    result = SetAside("")
    out: list[str] = []
    chunk: list[str] = []
    fenced = ""

    def flush() -> None:
        text = "\n".join(chunk)
        if chunk and _is_block(text):
            out.append(f"<!--bayan-block-{len(result.blocks)}-->")
            result.blocks.append(text)
        else:
            out.extend(chunk)
        chunk.clear()

    for line in markdown.split("\n"):
        fence = _FENCE.match(line)
        if fenced or fence:
            flush()
            out.append(line)
            if fence and (not fenced or fence.group(1) == fenced):
                fenced = "" if fenced else fence.group(1)
        elif line.strip():
            chunk.append(line)
        else:
            flush()
            out.append(line)
    flush()
    result.markdown = "\n".join(out)
    return result


def _is_block(text: str) -> bool:
    """Whether Python-Markdown would pass `text` through as one raw HTML block."""
    opening = _OPENING.match(text)
    if opening is None or opening.group(1).lower() not in BLOCK_LEVEL_ELEMENTS or "markdown=" in text:
        return False
    tag = opening.group(1)
    if not text.rstrip().endswith(f"</{tag}>"):
        return False
    tags = list(re.finditer(rf"<(/?){tag}[\s/>]", text))
    depth = 0
    for n, found in enumerate(tags):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return n == len(tags) - 1
    return False


def put_back(page_html: str, aside: SetAside, url_of: Callable[[str], str | None]) -> str:
    """The converted page with its blocks in place of their placeholders; `url_of(path)` is
    the site URL of a page's source path relative to this one (None: no such page, left as is)."""
    urls: dict[str, str | None] = {}  # the blocks of index pages link to a page many times

    def link(m: re.Match[str]) -> str:
        attribute, value = m.groups()
        path, hash_mark, anchor = html.unescape(value).partition("#")
        if not path.endswith(".md") or ":" in path or path.startswith("//"):
            return m.group()  # not a page of the site: another site, a mail address, an anchor
        if path not in urls:
            urls[path] = url_of(unquote(path))
        url = urls[path]
        if url is None:
            return m.group()
        return f'{attribute}="{html.escape(url + hash_mark + anchor)}"'

    def block(m: re.Match[str]) -> str:
        return _LINK.sub(link, aside.blocks[int(m.group(1))])

    return _PLACEHOLDER.sub(block, page_html)


def target(src_uri: str, path: str) -> str:
    """The source path a relative link of page `src_uri` points to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)).lstrip("/")
