"""Render analysed statements into Markdown pages through the project's Jinja2 templates.

Templates produce Markdown, so Jinja's HTML autoescaping is off; statement text enters a page
only through the escaping filters below, which turn it into inert, visible text:

- ``md``: escape for Markdown and HTML (use for English text);
- ``bdi``: the same, and isolate numbers and Latin runs in ``<bdi>`` (use for Arabic text);
- ``attr``: escape a value for an HTML attribute (URLs are checked with the ``web_url`` test).
"""
from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .model import Statement

INDEX_TEMPLATE = "index.md.j2"
STATEMENT_TEMPLATE = "statement.md.j2"


class Escaped(str):
    """Text already escaped by a filter: escaping it again leaves it unchanged."""


# Characters that HTML or Markdown (or a common extension: tables, attr_list, tilde, caret)
# reads as syntax anywhere in a line. They become character references, which Markdown leaves
# alone and every HTML context shows as the character itself.
_SPECIAL = re.compile(r"[&<>\"'\\`*_\[\](){}|#+!~^]")
_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
# Syntax that only counts at the start of a block: a bullet, a setext underline, «1.» / «1)».
_LEADING = re.compile(r"^(?:[-=]|\d+[.)](?=\s))")

_DIGIT = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
# Runs to isolate inside Arabic: signed numbers with separators and a percent sign, and Latin
# words (with digits, joined by spaces and light punctuation: «UN Security Council», «COVID-19»).
_NUMBER = rf"(?<![0-9A-Za-z.,])[+\-\u2212\u00B1]?{_DIGIT}+(?:[.,:/\-\u066B\u066C]{_DIGIT}+)*[%\u066A]?"
_LATIN = r"[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F]*(?:[ .'’&/\-]+[A-Za-z0-9\u00C0-\u024F]+)*"
_RUN = re.compile(rf"(?P<number>{_NUMBER})|(?P<latin>{_LATIN})")


def _plain(text: object) -> str:
    """Text on one line, without leading or trailing blanks (a newline could start a block)."""
    return " ".join(str(text).split())


def _escape(text: str, at_start: bool = True) -> str:
    """Escape one-line text for HTML and Markdown; `at_start`: it may begin a block."""
    text = _SPECIAL.sub(lambda m: _NAMED.get(m.group()) or f"&#{ord(m.group())};", text)
    if at_start:
        text = _LEADING.sub(lambda m: f"{m.group()[:-1]}&#{ord(m.group()[-1])};", text, count=1)
    return text


def md(text: object) -> Escaped:
    """Escape statement text so that it renders as literal text in Markdown and HTML."""
    if isinstance(text, Escaped):
        return text
    return Escaped("" if text is None else _escape(_plain(text)))


def bdi(text: object) -> Escaped:
    """Escape like `md`, and wrap numbers and Latin runs in ``<bdi dir="ltr">``."""
    if isinstance(text, Escaped):
        raise ValueError("bdi escapes by itself: apply it to the raw text, not after md")
    if text is None:
        return Escaped("")
    plain = _plain(text)
    out, pos = [], 0
    for m in _RUN.finditer(plain):
        out.append(_escape(plain[pos : m.start()], at_start=pos == 0))
        lang = ' lang="en"' if m.lastgroup == "latin" else ""
        out.append(f'<bdi dir="ltr"{lang}>{_escape(m.group(), at_start=False)}</bdi>')
        pos = m.end()
    out.append(_escape(plain[pos:], at_start=pos == 0))
    return Escaped("".join(out))


def attr(value: object) -> Escaped:
    """Escape a value for a double-quoted HTML attribute."""
    return Escaped(html.escape("" if value is None else str(value), quote=True))


def is_web_url(value: object) -> bool:
    """True for an absolute http(s) URL, the only kind a page links to."""
    if not isinstance(value, str):
        return False
    parts = urlsplit(value.strip())
    return parts.scheme.lower() in {"http", "https"} and bool(parts.netloc)


def english(statement: Statement, n: int) -> str | None:
    """The English translation of sentence `n`, or None where there is none."""
    tr = statement.translation
    if tr is None or not 1 <= n <= len(tr.sentences):
        return None
    return tr.sentences[n - 1] or None


def statement_path(statement: Statement) -> str:
    """The docs-relative path of a statement's page."""
    return f"statements/{statement.slug}.md"


def page_url(statement: Statement) -> str:
    """A Markdown link target to a statement's page, relative to the home page."""
    return quote(statement_path(statement))


def make_env(templates_dir: Path) -> Environment:
    """The Jinja2 environment over a project's templates, with Bayan's filters."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(md=md, bdi=bdi, attr=attr, english=english, page_url=page_url)
    env.tests["web_url"] = is_web_url
    return env


def _newest_first(statements: list[Statement]) -> list[Statement]:
    return sorted(statements, key=lambda st: (st.meta.date or "", st.slug), reverse=True)


def render_pages(
    statements: list[Statement], site_config: Mapping[str, Any], templates_dir: Path = Path("templates")
) -> dict[str, str]:
    """Render the home page and one page per statement: docs-relative path → Markdown."""
    env = make_env(templates_dir)
    ordered = _newest_first(statements)
    pages = {"index.md": env.get_template(INDEX_TEMPLATE).render(statements=ordered, site=site_config)}
    for st in ordered:
        template = env.get_template(st.meta.template or STATEMENT_TEMPLATE)
        pages[statement_path(st)] = template.render(statement=st, site=site_config)
    return pages
