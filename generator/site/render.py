"""Render the pages' views (views.py: what each template receives) into Markdown through Jinja2
templates; rendering only reads the views and never calls into the analysis.

Templates are looked up by name in the project's `templates/` first, then among the defaults
shipped in `generator/templates/`: a project template replaces the built-in one of the same
name (a whole page or one partial). The English mirror (`language="en"`) looks in the `en/`
folder of each first (`templates/en/`, then `generator/templates/en/`), then falls back to the
Arabic templates: the same names, another language. Each page renders on its own: a template error is reported
with the template file and line and the statement being rendered, shown in the page's place
(so that `mkdocs serve` shows it where the page was), and the other pages still render.

Templates produce Markdown, so Jinja's HTML autoescaping is off; statement text enters a page
only through the escaping filters below, which turn it into inert, visible text:

- ``md``: escape for Markdown and HTML (use for English text);
- ``bdi``: the same, and isolate numbers and Latin runs in ``<bdi>`` (use for Arabic text);
- ``attr``: escape a value for an HTML attribute (URLs are checked with the ``web_url`` test).

``md`` and ``bdi`` also show every bidi control, zero-width or control character (the ones
`lexicon/invisible.yml` lists, which the analysis reports) as a visible marker, ``⟨U+202E⟩``,
so that hidden characters can neither reorder nor disguise what a reader sees.
"""
from __future__ import annotations

import html
import os
import re
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel.numbers import format_decimal
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateNotFound, TemplateSyntaxError

from ..arabic import has_arabic
from ..infra.memo import Made, Memo
from ..infra.pool import run_forked
from ..lexicon.counts import NUMBER, is_counted, phrase
from ..lexicon.invisible import INVISIBLE, describe
from ..lexicon.labels import vocabulary
from ..model import Statement
from ..problems import Problem
from .indexes import LATEST, Indexes, link, newest_first
from .reference import REFERENCE_PAGE, reference_page
from .templates import SUFFIX, builtin_names, template_file, template_folders
from .views import home_context, page_url, statement_page, statement_path, template_line

INDEX_TEMPLATE = "index.md.j2"


_ANCHOR = re.compile(r'id="(s\d+)"')  # a literal start: found fast (`sentence_anchors` checks the rest)


class Escaped(str):
    """Text already escaped by a filter: escaping it again leaves it unchanged."""


# Characters that HTML or Markdown (or a common extension: tables, attr_list, tilde, caret)
# reads as syntax anywhere in a line. They become character references, which Markdown leaves
# alone and every HTML context shows as the character itself.
_SPECIAL = re.compile(r"[&<>\"'\\`*_\[\](){}|#+!~^]")
_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_TOKEN = re.compile(rf"(?P<invisible>{INVISIBLE.pattern})|{_SPECIAL.pattern}")
# Runs of white space, but not the separators (U+001C-U+001F, U+0085) that `str.split` counts
# as white space: those are control characters, shown as markers.
_BLANKS = re.compile(r"[^\S\x1c-\x1f\x85]+")
# Syntax that only counts at the start of a block: a bullet, a setext underline, «1.» / «1)».
_LEADING = re.compile(r"^(?:[-=]|\d+[.)](?=\s))")

_DIGIT = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
# Runs to isolate inside Arabic: signed numbers with separators and a percent sign, and Latin
# words (with digits, joined by spaces and light punctuation: «UN Security Council», «COVID-19»;
# a word may start with digits: «3alyoum» is one run, not «3» and «alyoum», which show reversed).
_NUMBER = (rf"(?<![0-9A-Za-z.,])[+\-\u2212\u00B1]?{_DIGIT}+(?:[.,:/\-\u066B\u066C]{_DIGIT}+)*[%\u066A]?"
           rf"(?![.,:/\-]?(?:{_DIGIT}|[A-Za-z\u00C0-\u024F]))")
_LATIN = r"(?:[0-9]+(?:[.,][0-9]+)*)?[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F]*(?:[ .'’&/\-]+[A-Za-z0-9\u00C0-\u024F]+)*"
# The lookahead names the characters a run can start with, so that the search skips the rest fast.
# Arabic words (letters and marks), with the spaces between them, inside English.
_ARABIC_RUN = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]+(?:\s+[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]+)*")
_QUOTED = re.compile(r"«([^«»]*)»")  # the words a finding's message quotes
_SLOT = re.compile(r"\{(\d)\}")  # where a finding's label puts them
_RUN = re.compile(rf"(?=[+\-\u2212\u00B1A-Za-z\u00C0-\u024F]|{_DIGIT})(?:(?P<number>{_NUMBER})|(?P<latin>{_LATIN}))")


def _plain(text: object) -> str:
    """Text on one line, without leading or trailing blanks (a newline could start a block)."""
    text = str(text)
    if text.isprintable() and "  " not in text:  # no blank but single spaces: nothing to join
        return text.strip(" ")
    return _BLANKS.sub(" ", text).strip(" ")


def visible(char: str) -> str:
    """An invisible or control character as a visible marker naming it."""
    name = html.escape(describe(char), quote=True)
    return f'<span class="bayan-invisible" dir="ltr" title="{name}">⟨U+{ord(char):04X}⟩</span>'


def _escape_token(m: re.Match[str]) -> str:
    char = m.group()
    if m.lastgroup == "invisible":
        return visible(char)
    return _NAMED.get(char) or f"&#{ord(char)};"


def _escape(text: str, at_start: bool = True) -> str:
    """Escape one-line text for HTML and Markdown; `at_start`: it may begin a block."""
    text = _TOKEN.sub(_escape_token, text)
    if at_start:
        text = _LEADING.sub(lambda m: f"{m.group()[:-1]}&#{ord(m.group()[-1])};", text, count=1)
    return text


def md(text: object) -> Escaped:
    """Escape statement text so that it renders as literal text in Markdown and HTML."""
    if isinstance(text, Escaped):
        return text
    return Escaped("") if text is None else _escaped_line(str(text))


@lru_cache(maxsize=1 << 16)
def _escaped_line(text: str) -> Escaped:
    """`md` of a string (cached: names and labels recur on every page that lists them)."""
    return Escaped(_escape(_plain(text)))


def bdi(text: object) -> Escaped:
    """Escape like `md`, and wrap numbers and Latin runs in ``<bdi dir="ltr">``."""
    if isinstance(text, Escaped):
        raise ValueError("bdi escapes by itself: apply it to the raw text, not after md")
    return Escaped("") if text is None else _isolated(str(text))


@lru_cache(maxsize=1 << 16)
def _isolated(text: str) -> Escaped:
    """`bdi` of a string (cached like `md`)."""
    plain = _plain(text)
    out, pos = [], 0
    for m in _RUN.finditer(plain):
        out.append(_escape(plain[pos : m.start()], at_start=pos == 0))
        lang = ' lang="en"' if m.lastgroup == "latin" else ""
        out.append(f'<bdi dir="ltr"{lang}>{_escape(m.group(), at_start=False)}</bdi>')
        pos = m.end()
    out.append(_escape(plain[pos:], at_start=pos == 0))
    return Escaped("".join(out))


def mixed(text: object) -> Escaped:
    """Escape English text like `md`, and isolate each Arabic run it quotes in
    ``<bdi lang="ar" dir="rtl">`` (use for English that quotes Arabic: a finding's message)."""
    if isinstance(text, Escaped):
        raise ValueError("mixed escapes by itself: apply it to the raw text, not after md")
    plain = _plain("" if text is None else text)
    out, pos = [], 0
    for m in _ARABIC_RUN.finditer(plain):
        out.append(_escape(plain[pos:m.start()], at_start=pos == 0))
        out.append(f'<bdi lang="ar" dir="rtl">{_escape(m.group(), at_start=False)}</bdi>')
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


def is_arabic(value: object) -> bool:
    """True for text holding an Arabic letter: `{% if name is arabic %}` (a name the English
    mirror must mark as Arabic)."""
    return isinstance(value, str) and has_arabic(value)


def make_env(templates_dir: Path | None = None, language: str = "ar") -> Environment:
    """The Jinja2 environment: the project's templates over the built-in ones, Bayan's filters."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(f)) for f in template_folders(templates_dir, language)]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # an environment lives for one set of templates (infra/memo.py renews it)
    )
    label, labelled, note = labels_in(language)
    number, count = numbers_in(language)
    env.filters.update(md=md, bdi=bdi, mixed=mixed, attr=attr, page_url=page_url, label=label, note=note,
                       number=number, count=count)
    env.tests.update(web_url=is_web_url, labelled=labelled, counted=is_counted, arabic=is_arabic)
    return env


def labels_in(language: str) -> tuple[Callable[[object, str], str], Callable[[object, str], bool],
                                      Callable[[Problem], Escaped]]:
    """The `label` filter, `labelled` test and `note` filter of the pages in `language`
    (lexicon/labels.yml)."""
    def label(code: object, kind: str) -> str:
        """The label of a code in a vocabulary (act, entity_type, unit, month, level, finding) in
        the page's language, or the code itself where there is none: `claim.act|label("act")`.
        Escape it."""
        return vocabulary(kind).label(str(code), language)

    def labelled(code: object, kind: str) -> bool:
        """True where the vocabulary names the code: `figure.unit is labelled("unit")`."""
        return str(code) in vocabulary(kind).names[language]

    def note(finding: Problem) -> Escaped:
        """A finding (editorial note) in the page's language, escaped: the `finding` label of its
        code, with the words its message quotes («…») in place of {0}, {1} …"""
        quoted = _QUOTED.findall(finding.message)
        pieces = _SLOT.split(vocabulary("finding").label(finding.code, language))
        out = [_escape(piece, at_start=i == 0) if i % 2 == 0 else (bdi if language == "ar" else mixed)(
               quoted[int(piece)] if int(piece) < len(quoted) else "…") for i, piece in enumerate(pieces)]
        return Escaped("".join(out))

    return label, labelled, note


def numbers_in(language: str) -> tuple[Callable[..., Escaped], Callable[[float, str], Escaped]]:
    """The `number` and `count` filters of the pages in `language`: numbers as the language
    writes them (Babel), Western digits on both sites; on Arabic pages each number is isolated
    left to right."""
    def number(value: object, grouping: bool = True) -> Escaped:
        """A number as the page's language writes it, its thousands grouped («18,000,000,000»;
        `grouping=false` for a number that names something, such as a resolution); on Arabic
        pages isolated left to right. Text that is no number is escaped like `md`."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            written = md(value)
        else:
            written = Escaped(format_decimal(value, locale=language, group_separator=grouping))
        return Escaped(f'<bdi dir="ltr">{written}</bdi>') if language == "ar" and written else written

    def count(n: float, noun: str) -> Escaped:
        """The number `n` with the form of `noun` that its plural category takes (CLDR rules,
        through Babel; Arabic has six: «لا بيانات», «بيان واحد», «بيانان», «3 بيانات», «11 بيانًا»,
        «100 بيان»): `total|count("statement")`. The nouns and units are in lexicon/counts.yml."""
        before, here, after = phrase(n, noun, language).partition(NUMBER)
        shown = number(n) if here else Escaped("")
        return Escaped(_escape(before) + shown + _escape(after, at_start=not (before or shown)))

    return number, count


def template_problem(path: str, line: int, message: str) -> Problem:
    """A page that could not be rendered, located where it can be fixed: the template file, or
    the statement file for an unknown `template:`."""
    return Problem("error", "template", message, line=line, path=path)


@dataclass
class Rendered:
    """The pages that rendered (docs-relative path → Markdown) and the ones that did not;
    `order`: every page in the site's order, with those not rendered again because they would be
    the same as in the last build (memo)."""

    pages: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    order: list[str] = field(default_factory=list)


def _shown(path: str, root: Path) -> str:
    """A template path as messages show it: relative to the project when inside it."""
    rel = os.path.relpath(path, root)
    return Path(path).as_posix() if rel.startswith("..") else Path(rel).as_posix()


def _located(err: Exception, root: Path, rendering: str) -> Problem:
    """The template file and line where `err` arose (the innermost template frame)."""
    if isinstance(err, TemplateSyntaxError) and err.filename:
        where, line = err.filename, err.lineno
    else:
        frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename.endswith(SUFFIX)]
        where, line = (frames[-1].filename, frames[-1].lineno or 1) if frames else (rendering, 1)
    if isinstance(err, TemplateNotFound):
        message = f"no template {err.name} (included, imported or extended)"
    else:
        message = getattr(err, "message", None) or f"{type(err).__name__}: {err}"
    return template_problem(_shown(where, root), line, f"{message} (rendering {rendering})")


def sentence_anchors(page: str) -> set[str]:
    """The sentence ids (`id="s3"` attributes) of a rendered page."""
    return {m[1] for m in _ANCHOR.finditer(page) if page[m.start() - 1:m.start()].isspace()}


class UnknownTemplate(Exception):
    """A statement's `template:` names no template of the project or built in."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line  # of the `template:` field in the statement's front matter


def _render_statement(env: Environment, statement: Statement, site: Mapping[str, Any],
                      line_of: Callable[[Statement], int]) -> str:
    """A statement's page: its view (views.py) through its template."""
    page = statement_page(statement, site)
    try:
        template = env.get_template(page.template)
    except TemplateNotFound as err:
        if err.name != page.template:
            raise
        known = ", ".join(n for n in builtin_names() if "/" not in n and template_file(n) != INDEX_TEMPLATE)
        raise UnknownTemplate(f"unknown template '{statement.meta.template}': no {page.template} in the "
                              f"project's templates/ nor among the built-in ones ({known})",
                              line_of(statement)) from None
    return template.render(page.context)


def _page_or_problem(rendering: str, root: Path, render: Callable[[], str]) -> str | Problem:
    """One page's Markdown, or the problem that stopped it."""
    try:
        return render()
    except UnknownTemplate as err:  # the statement's front matter is what to fix
        return template_problem(rendering, err.line, str(err))
    except Exception as err:  # noqa: BLE001 - a broken template must not stop the other pages
        return _located(err, root, rendering)


# What a page that could not be made says in its place, in the page's language.
_ERROR_PAGE = {
    "ar": ("خطأ في القالب", "تعذّر إنشاء هذه الصفحة: في قالبها خطأ. صحّحه في الموضع المذكور واحفظ الملف، "
           "فتُبنى الصفحة من جديد.", "الموضع", "الخطأ", "الصفحة"),
    "en": ("Template error", "This page could not be made: its template has an error. Fix it where "
           "shown and save the file, and the page is built again.", "Where", "Error", "Page"),
}


def error_page(problem: Problem, rendering: str, language: str) -> str:
    """The Markdown shown where a page could not be rendered: the problem's file, line and
    message (escaped), in the page's language, kept out of search."""
    title, lead, where, error, page = _ERROR_PAGE[language]
    english = ' lang="en" dir="ltr"' if language == "ar" else ""  # Jinja's messages are English
    return (f"---\nsearch:\n  exclude: true\n---\n# {title}\n\n{lead}\n\n"
            f'<dl class="bayan-error" role="alert">\n'
            f'<dt>{where}</dt><dd><code dir="ltr">{md(problem.path or "?")}:{problem.line or 1}</code></dd>\n'
            f"<dt>{error}</dt><dd{english}>{md(problem.message)}</dd>\n"
            f'<dt>{page}</dt><dd><code dir="ltr">{md(rendering)}</code></dd>\n</dl>\n')


# A page to render: its docs path, what it renders (for messages), what it is made from (a
# statement, an index page's context: the memo compares it with the last build's) and how.
PageToRender = tuple[str, str, object, Callable[[], str]]


def _render_all(out: Rendered, pages: list[PageToRender], root: Path, jobs: int, language: str,
                memo: Memo | None) -> dict[str, Problem]:
    """Add each page to `out`, in `jobs` processes; a page that could not be rendered is the
    error page of its problem, and the problem is reported. A page the memo knows as made from
    the same thing is kept as it is. Returns the problem of each page that failed, by docs path."""
    failed = {}
    todo = []
    for page in pages:
        out.order.append(page[0])
        known = memo.unchanged(page[0], page[2]) if memo else None
        if known is None:
            todo.append(page)
            continue
        if known.problem:
            out.problems.append(known.problem)
            failed[page[0]] = known.problem
    calls = [partial(_page_or_problem, rendering, root, render) for _, rendering, _, render in todo]
    for (page, rendering, source, _), result in zip(todo, run_forked(calls, jobs)):
        problem = result if isinstance(result, Problem) else None
        if problem:
            out.problems.append(problem)
            out.pages[page] = error_page(problem, rendering, language)
            failed[page] = problem
        else:
            out.pages[page] = result
        if memo:
            anchors = sentence_anchors(out.pages[page]) if isinstance(source, Statement) else ()
            memo.made[page] = Made(source, problem, frozenset(anchors))
    return failed


def render_pages(statements: list[Statement], site_config: Mapping[str, Any],
                 templates_dir: Path | None = Path("templates"), root: Path = Path("."),
                 language: str = "ar", jobs: int = 1, template_lines: Mapping[str, int] | None = None,
                 memo: Memo | None = None) -> Rendered:
    """Render the view of each statement (views.py), the index pages, the home page and the
    template reference, in `language` (`ar`, or `en` for the English mirror), the statement and
    index pages in `jobs` processes. A page whose template fails is its error page (the problem
    is reported too): the other pages, and the indexes listing every statement, stay.

    `root` is the project folder: statement paths are relative to it, and so are the files that
    messages name. `template_lines` (statement path → line of its `template:` field, as reading
    found it) locates an unknown template. With the `memo` of the last build, a page made from
    the same statement or context is not rendered again (it is in `Rendered.order` only).
    """
    env = (memo.env if memo else None) or make_env(templates_dir, language)
    if memo:
        memo.env = env
    out = Rendered()
    line_of = partial(template_line, lines=template_lines or {})
    _render_all(out, [(REFERENCE_PAGE, "the template reference", REFERENCE_PAGE, partial(reference_page, env, language))],
                root, 1, language, memo)
    failed = _render_all(out, [(statement_path(st), st.path, st, partial(_render_statement, env, st, site_config, line_of))
                               for st in statements], root, jobs, language, memo)
    # A statement whose template failed (its page shows where) is still listed; one whose own file
    # is what to fix (its `template:`, data the view could not read) is not.
    listed = newest_first([st for st in statements if statement_path(st) not in failed
                           or failed[statement_path(st)].path != st.path])
    anchors = {path: memo.made[path].anchors if memo else sentence_anchors(out.pages[path])
               for path in map(statement_path, listed)}
    indexes = Indexes(listed, statement_path, language)
    home_page = home_context(listed[:LATEST], len(listed), indexes.sections, site_config)
    home = lambda: env.get_template(INDEX_TEMPLATE).render(home_page)  # noqa: E731
    _render_all(out, [*((page.path, f"the index page {page.path}", page.context,
                         partial(_render_index, env, page.template, page.path, page.context, site_config, anchors))
                       for page in indexes.build()),
                      ("index.md", "the home page", {**home_page, "site": None}, home)], root, jobs, language, memo)
    if memo:
        memo.made = {path: memo.made[path] for path in out.order}
    return out


def _render_index(env: Environment, template: str, path: str, context: Mapping[str, Any],
                  site: Mapping[str, Any], anchors: Mapping[str, set[str]]) -> str:
    """An index page; `href(target)` gives a link from it to another docs path (to a sentence
    only where the statement's page has that anchor: a `brief` page has none)."""
    return env.get_template(template).render(**context, site=site, href=partial(link, here=path, anchors=anchors))

