"""The «Template reference» page, built from the model and the Jinja2 environment themselves.

Every dataclass reachable from `Statement` and from the page's `Overview` (through
`dataclasses.fields` and type hints, each field with the comment the code gives it), every
vocabulary of lexicon/labels.yml and counted noun of lexicon/counts.yml, and every filter and
test registered in the environment (with its docstring) is listed, so the page cannot drift
from what the templates receive.
"""
from __future__ import annotations

import dataclasses
import inspect
import io
import re
import tokenize
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import Environment

from ..lexicon.counts import counts
from ..lexicon.labels import KINDS, vocabulary
from ..model import Statement
from .views import Overview

REFERENCE_PAGE = "reference.md"
EN = 'lang="en" dir="ltr"'

# Arabic names of the model's types; a type missing here is listed under its English name alone.
ARABIC_NAMES = {
    "Statement": "البيان", "Meta": "البيانات الوصفية", "Sentence": "الجملة", "Claim": "القول",
    "Speaker": "القائل", "Pillars": "الركائز", "PillarItem": "الركيزة", "Entity": "الكيان",
    "Figure": "الرقم", "Summary": "الملخص", "Translation": "الترجمة", "Problem": "الملاحظة",
    "Overview": "الموجز", "SpeakerLine": "سطر القائل", "PillarLine": "سطر الركيزة",
}

# What each kind of page template receives (views.py makes exactly these names).
VARIABLES = (
    ("statement.md.j2, brief.md.j2 …", "statement", "Statement",
     "البيان الذي تُعرض صفحته", "the statement whose page is rendered"),
    ("statement.md.j2, brief.md.j2 …", "overview", "Overview",
     "موجز البيان: من تحدث، والأقوال حسب نوعها، والركائز، وأبرز الأرقام والكيانات",
     "the structural summary: who spoke, the claims by act, the pillars, key figures and entities"),
    ("statement.md.j2, brief.md.j2 …", "english", "dict[int, str]",
     "الترجمة الإنجليزية لكل جملة مترجمة حسب رقمها",
     "the English of each translated sentence by its number: english.get(sentence.n)"),
    ("statement.md.j2, brief.md.j2 …", "path", "str", "مسار الصفحة في الموقع",
     "the page's docs path, e.g. statements/<slug>.md"),
    ("statement.md.j2, brief.md.j2 …", "site", "MkDocsConfig",
     "إعدادات الموقع من mkdocs.yml", "the site configuration from mkdocs.yml (site.site_name, site.extra …)"),
    ("index.md.j2", "statements", "list[Statement]",
     "أحدث البيانات، الأحدث أولًا", "the latest statements, newest first"),
    ("index.md.j2", "overviews", "dict[str, Overview]", "موجز كل بيان من هذه حسب اسمه",
     "the overview of each of them by slug: overviews[st.slug]"),
    ("index.md.j2", "total", "int", "عدد البيانات كلها", "how many statements there are in all"),
    ("index.md.j2", "sections", "list[Section]", "مداخل الأرشيف والفهارس",
     "entry points: the archive and the indexes (title, title_en, path, count)"),
    ("index.md.j2", "site", "MkDocsConfig", "إعدادات الموقع", "the site configuration"),
)


@dataclasses.dataclass(frozen=True)
class ModelType:
    """A dataclass of the model and how a statement template reaches it."""

    cls: type
    path: str  # e.g. statement.claims[i].speaker


def model_types(root: type = Statement, path: str = "statement") -> list[ModelType]:
    """Every dataclass reachable from `root` through its fields, in order of first appearance."""
    found: dict[type, ModelType] = {}

    def walk(cls: type, where: str) -> None:
        found[cls] = ModelType(cls, where)
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            hint = hints[f.name]
            step = f"{where}.{f.name}" + ("[i]" if _is_sequence(hint) else "")
            for inner in _dataclasses_in(hint):
                if inner not in found:
                    walk(inner, step)

    walk(root, path)
    return list(found.values())


def _dataclasses_in(hint: Any) -> Iterator[type]:
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        yield hint
    for arg in typing.get_args(hint):
        yield from _dataclasses_in(arg)


def _is_sequence(hint: Any) -> bool:
    return typing.get_origin(hint) in (tuple, list) or any(map(_is_sequence, typing.get_args(hint)))


def type_html(hint: Any, esc: Callable[[object], str]) -> str:
    """A type hint as inline HTML, model types linked to their section."""
    if hint is type(None):
        return "None"
    if hint is Ellipsis:
        return "..."
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return " &#124; ".join(type_html(a, esc) for a in args)  # a bare | would split the table cell
    if args:
        inner = ", ".join(type_html(a, esc) for a in args)
        return f"{esc(typing.get_origin(hint).__name__)}&#91;{inner}&#93;"
    name = esc(getattr(hint, "__name__", str(hint)))
    return f'<a href="#{_anchor(hint)}">{name}</a>' if dataclasses.is_dataclass(hint) else name


def _anchor(cls: type) -> str:
    return f"model-{cls.__name__.lower()}"


def _doc(obj: object) -> str | None:
    """The first paragraph of a docstring; None for the one dataclasses generate."""
    doc = inspect.getdoc(obj)
    if not doc or isinstance(obj, type) and doc.startswith(f"{obj.__name__}("):
        return None
    return doc.split("\n\n")[0]


def _code(text: str, esc: Callable[[object], str]) -> str:
    return f'<code dir="ltr">{esc(text)}</code>'


_INLINE_CODE = re.compile(r"&#96;&#96;(.+?)&#96;&#96;|&#96;(.+?)&#96;")  # ``x`` or `x`, once escaped


_ARABIC = "[\u0600-\u06FF]"
# An Arabic example: a «quoted» one (with its numbers and quotes), or a run of Arabic words.
_ARABIC_RUN = re.compile(rf"«[^«»<]*{_ARABIC}[^«»<]*»|{_ARABIC}+(?:[ ،/…]+{_ARABIC}+)*")


def _prose(text: str, esc: Callable[[object], str]) -> str:
    """Text of a docstring or comment (English) escaped, its ``code`` and `code` spans shown as
    code, its Arabic examples marked as Arabic."""
    text = _INLINE_CODE.sub(lambda m: f'<code dir="ltr">{m[1] or m[2]}</code>', esc(text))
    return _ARABIC_RUN.sub(lambda m: f'<span lang="ar" dir="rtl">{m[0]}</span>', text)


def field_notes(cls: type) -> dict[str, str]:
    """What the code says of each field of a dataclass: the comment after it on its line, or
    the comment lines just above it."""
    names = {f.name for f in dataclasses.fields(cls)}
    source = inspect.getsource(cls)
    comments: dict[int, str] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = token.string.lstrip("#").strip()
    notes: dict[str, str] = {}
    above: list[str] = []
    for number, line in enumerate(source.splitlines(), 1):
        if line.strip().startswith("#"):
            above.append(comments.get(number, ""))
            continue
        field = re.match(r"\s+(\w+)\s*:", line)
        if field and field[1] in names:
            notes[field[1]] = comments.get(number) or " ".join(above)
        above = []
    return notes


def _default(f: dataclasses.Field) -> str:
    if f.default is not dataclasses.MISSING:
        return repr(f.default)
    if f.default_factory is not dataclasses.MISSING:
        return repr(f.default_factory())
    return ""


def _usage(name: str, func: Callable[..., Any], test: bool) -> str:
    """How a filter or test is written: `value|name(args)`, `value is name`."""
    params = list(inspect.signature(func).parameters)
    rest = f"({', '.join(params[1:])})" if params[1:] else ""
    return f"{params[0]} is {name}{rest}" if test else f"{params[0]}|{name}{rest}"


def _is_bayan(func: object) -> bool:
    return getattr(func, "__module__", "").startswith("generator")


def reference_page(env: Environment, language: str = "ar") -> str:
    """The Markdown of the «Template reference» page for the templates of `env`, in `language`
    (what comes from the code, docstrings and names, stays English, marked so in Arabic)."""
    esc, bdi = env.filters["md"], env.filters["bdi"]
    say = _speaker(language)
    out = [
        f"# {say('مرجع القوالب', 'Template reference')}",
        "",
        say(f"تُنتج القوالب (<span {EN}>Jinja2</span>) صفحات <span {EN}>Markdown</span>. "
            "يبحث بيان عن كل قالب باسمه في مجلد `templates/` "
            "الخاص بالمشروع أولًا ثم في القوالب المضمّنة، فيكفي وضع ملف بالاسم نفسه لاستبدال قالب أو جزء. "
            "تسرد هذه الصفحة كل ما يتلقاه القالب، وهي مولّدة من النموذج نفسه. "
            f"ويطبع الأمر `python -m generator analyze --view` ما يتلقاه قالب البيان بصيغة <span {EN}>JSON</span> "
            "(بأسماء الحقول نفسها).",
            "Templates (Jinja2) produce Markdown. Bayan looks a template up by name in the project's "
            "`templates/` first, then among the built-in ones: a file of the same name replaces a whole "
            "page or one partial. This page lists everything a template receives; it is generated from "
            "the model itself. `python -m generator analyze --view FILE` prints what a statement template "
            "receives as JSON (the same field names, tuples as arrays, None as null; `site` left out)."),
        "",
        f"## {say('القوالب', 'Templates')} {{ #templates }}",
        "",
        " · ".join(_code(n, esc) for n in env.list_templates(filter_func=lambda n: n.endswith(".md.j2"))),
        "",
        f"## {say('المتغيرات', 'Variables')} {{ #variables }}",
        "",
        f"| {say('القالب', 'Template')} | {say('المتغير', 'Variable')} | {say('النوع', 'Type')} "
        f"| {say('الوصف', 'Description')} |",
        "| --- | --- | --- | --- |",
    ]
    out += [f"| {_code(where, esc)} | {_code(name, esc)} | {_code(kind, esc)} | {say(bdi(ar), esc(en))} |"
            for where, name, kind, ar, en in VARIABLES]
    out += ["", f"## {say('النموذج', 'The model')} {{ #model }}", ""]
    listed = model_types()
    listed += [item for item in model_types(Overview, "overview") if item.cls not in {i.cls for i in listed}]
    for item in listed:
        out += _model_section(item, esc, language)
    out += _values(esc, bdi, language)
    out += _callables(env.filters, esc, language, test=False) + _callables(env.tests, esc, language, test=True)
    return "\n".join(out) + "\n"


def _speaker(language: str) -> Callable[[str, str], str]:
    """`say(arabic, english)`: the page's language of the two."""
    return (lambda ar, en: ar) if language == "ar" else (lambda ar, en: en)


def _english(text: str, language: str) -> str:
    """English from the code (a docstring), marked as such on an Arabic page."""
    return f"<span {EN}>{text}</span>" if language == "ar" and text else text


def _values(esc: Callable[[object], str], bdi: Callable[[object], str], language: str) -> list[str]:
    """The codes of each vocabulary (lexicon/labels.yml) with their labels, and the nouns the
    `count` filter knows (lexicon/counts.yml)."""
    say = _speaker(language)
    lines = [f"## {say('القيم', 'Values')} {{ #values }}", "",
             say("رموز كل مفردات، وعنوانها بالعربية والإنجليزية كما يعطيها المرشح `label`: "
                 '`claim.act|label("act")`.',
                 'The codes of each vocabulary, with the labels the `label` filter gives them: '
                 '`claim.act|label("act")`.'), ""]
    for kind in KINDS:
        names = vocabulary(kind).names
        lines += [f'### {_code(kind, esc)} {{ #values-{kind.replace("_", "-")} }}', "",
                  f"| {say('الرمز', 'Code')} | {say('العربية', 'Arabic')} | {say('الإنجليزية', 'English')} |",
                  "| --- | --- | --- |"]
        lines += [f'| {_code(code, esc)} | <span lang="ar" dir="rtl">{bdi(names["ar"][code])}</span> '
                  f'| <span {EN}>{esc(names["en"][code])}</span> |' for code in vocabulary(kind).codes]
        lines.append("")
    nouns = " · ".join(_code(noun, esc) for noun in counts().nouns)
    lines += [f'### {_code("count", esc)} {{ #values-count }}', "",
              say("الأسماء والوحدات التي يعرف المرشح `n|count(noun)` صيغ جمعها:",
                  "The nouns and units `n|count(noun)` knows the plural forms of:") + f" {nouns}", ""]
    return lines


def _model_section(item: ModelType, esc: Callable[[object], str], language: str) -> list[str]:
    cls = item.cls
    say = _speaker(language)
    arabic = ARABIC_NAMES.get(cls.__name__) if language == "ar" else None
    title = f"{arabic} <code {EN}>{cls.__name__}</code>" if arabic else f"<code {EN}>{cls.__name__}</code>"
    lines = [f"### {title} {{ #{_anchor(cls)} }}", "", _code(item.path, esc), ""]
    if doc := _doc(cls):
        lines += [_prose(doc, esc), *([f"{{: {EN} }}"] if language == "ar" else []), ""]
    lines += [f"| {say('الحقل', 'Field')} | {say('النوع', 'Type')} | {say('الافتراضي', 'Default')} "
              f"| {say('الوصف', 'Description')} |", "| --- | --- | --- | --- |"]
    hints = typing.get_type_hints(cls)
    notes = field_notes(cls)
    for f in dataclasses.fields(cls):
        default = _default(f)
        lines.append(f'| {_code(f.name, esc)} | <code dir="ltr">{type_html(hints[f.name], esc)}</code> '
                     f'| {_code(default, esc) if default else "—"} | {_english(_prose(notes.get(f.name, ""), esc), language)} |')
    return lines + [""]


def _callables(registry: dict[str, Callable[..., Any]], esc: Callable[[object], str], language: str,
               test: bool) -> list[str]:
    """The filters (or tests) of the environment: Bayan's with their docs, then Jinja's names."""
    say = _speaker(language)
    head = f"## {say('الاختبارات', 'Tests')} {{ #tests }}" if test else f"## {say('المرشحات', 'Filters')} {{ #filters }}"
    lines = [head, "", f"| {say('الاسم', 'Name')} | {say('الاستعمال', 'Usage')} | {say('الوصف', 'Description')} |",
             "| --- | --- | --- |"]
    own = {name: func for name, func in sorted(registry.items()) if _is_bayan(func)}
    for name, func in own.items():
        lines.append(f"| {_code(name, esc)} | {_code(_usage(name, func, test), esc)} "
                     f"| {_english(_prose(_doc(func) or '', esc), language)} |")
    builtin = [_code(name, esc) for name in sorted(registry) if name not in own]
    lines += ["", say(f"و{'اختبارات' if test else 'مرشحات'} <span {EN}>Jinja2</span> المضمّنة متاحة أيضًا:",
                      f"Jinja2's built-in {'tests' if test else 'filters'} are available too:"),
              "", " · ".join(builtin), ""]
    return lines
