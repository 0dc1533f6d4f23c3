"""Cross-statement index pages: the archive by month and by source, speakers, entities,
pillars and reporting acts, with charts.

Every index is split into pages of a bounded size, so no page grows with the corpus and the
navigation never lists statements: statements are reached from the home page through the
archive. Each entry links to the sentence anchors (`#s<n>`) it came from. This module only
computes pages (docs path, template, context); `render.py` renders them.
"""
from __future__ import annotations

import hashlib
import posixpath
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, TypeVar
from urllib.parse import quote

from ..arabic import has_arabic
from ..lexicon.labels import vocabulary
from ..lexicon.names import names
from ..model import Claim, Entity, Speaker, Statement
from .charts import Chart, bars, timeline

LATEST = 20  # statements on the home page
PER_PAGE = 50  # statements on a page of the archive
ROWS = 150  # rows (claims, mentions) on a page of the speakers, entities and acts indexes
TOP = 15  # bars in a chart
CO_MENTIONS = 8
ACTS = vocabulary("act").codes
UNDATED = "undated"

# What the index pages say that is not a template's: titles, the home page's entry points, charts.
TEXTS: dict[str, dict[str, str]] = {
    "ar": {
        "archive": "الأرشيف حسب الشهر", "sources": "المصادر", "speakers": "القائلون",
        "speakers_section": "القائلون وأقوالهم", "entities": "الكيانات",
        "entities_section": "الكيانات وما يُذكر معها", "pillars": "الركائز", "pillars_section": "الركائز المعلنة",
        "acts": "أفعال القول عبر الزمن", "undated": "بلا تاريخ", "no_source": "بلا مصدر",
        "months_chart": "البيانات في كل شهر",
        "months_desc": "عدد البيانات المنشورة في كل شهر، من الأقدم (يمينًا) إلى الأحدث.",
        "speakers_chart": "أفعال القول لأكثر القائلين",
        "speakers_desc": "عدد الأقوال المنسوبة إلى كل قائل، موزعة حسب نوع فعل القول.",
        "entities_chart": "أكثر الكيانات ذكرًا", "entities_desc": "عدد البيانات التي تذكر كل كيان.",
        "acts_desc": "عدد الأقوال في كل شهر، موزعة حسب نوع فعل القول.",
    },
    "en": {
        "archive": "Archive by month", "sources": "Sources", "speakers": "Speakers",
        "speakers_section": "Speakers and their claims", "entities": "Entities",
        "entities_section": "Entities and co-mentions", "pillars": "Pillars", "pillars_section": "Announced pillars",
        "acts": "Reporting acts over time", "undated": "Undated", "no_source": "No source",
        "months_chart": "Statements per month",
        "months_desc": "Statements published each month, from the oldest (left) to the newest.",
        "speakers_chart": "Reporting acts of the most quoted speakers",
        "speakers_desc": "Claims attributed to each speaker, by reporting act.",
        "entities_chart": "Most mentioned entities", "entities_desc": "Statements that name each entity.",
        "acts_desc": "Claims each month, by reporting act.",
    },
}

K = TypeVar("K")
R = TypeVar("R")


@dataclass(frozen=True)
class IndexPage:
    """A page to render: where it goes, which template renders it, and what it receives."""

    path: str
    template: str
    context: dict[str, Any]


@dataclass(frozen=True)
class Name:
    """A name as a page shows it, and the language it is in: the English mirror shows a name with
    no English as the Arabic, marked as such."""

    text: str
    lang: str  # "ar" or "en"


def shown(text: str, en: str | None, language: str) -> Name:
    """`text` (Arabic, or the Latin a source code is written in) as a page in `language` names it:
    in English by its English name `en` where there is one."""
    if language == "en" and en:
        return Name(en, "en")
    return Name(text, "ar" if has_arabic(text) else "en")


@dataclass(frozen=True)
class Who:
    """A speaker of the speakers index: the canonical name, its English, and the statement a
    one-word speaker («البيان») is qualified by."""

    canonical: str
    en: str | None
    statement: Statement | None = None


@dataclass(frozen=True)
class Section:
    """An entry point of the home page."""

    title: str
    title_en: str
    path: str
    count: int


@dataclass(frozen=True)
class Ref:
    """A link to a statement, or to sentences of it."""

    statement: Statement
    path: str  # docs path of the statement page
    sentences: tuple[int, ...] = ()


@dataclass
class Block(Generic[K, R]):
    """The part of one group (a speaker, an entity, a month) shown on one page."""

    key: K
    rows: list[R]
    anchor: str
    continued: bool = False  # the group began on an earlier page
    extra: dict[str, Any] = field(default_factory=dict)


SECTIONS = ("archive", "sources", "speakers", "entities", "pillars", "acts")


def is_index_page(path: str) -> bool:
    """Whether a docs path is one of the index pages (which search leaves out: they repeat what
    the statement pages say, and would push the statements down the results)."""
    return path.split("/", 1)[0] in SECTIONS


def in_search(path: str) -> bool:
    """Whether a generated page belongs in the search: a statement or the reference page, not
    the home page (its latest statements) nor an index page."""
    return path != "index.md" and not is_index_page(path)


def in_nav(path: str) -> bool:
    """Whether a generated page belongs in the navigation: the home page and top-level pages,
    and the first page of each index; never statements nor further index pages."""
    parts = path.split("/")
    return len(parts) == 1 or (len(parts) == 2 and parts[1] == "index.md" and parts[0] != "statements")


def top_level(items: list[Any]) -> list[Any]:
    """The navigation's top level (MkDocs' items): the home page, each index's first page in the
    order of SECTIONS in place of the section MkDocs makes of its folder (titled by the folder's
    English name), then the other pages. A page keeps the title of its heading, in its language."""
    firsts: dict[str, Any] = {}
    others = []
    for item in items:
        first = next((page for page in getattr(item, "children", None) or ()
                      if getattr(page, "file", None) and _index_folder(page.file.src_uri)), None)
        if first is None:
            others.append(item)
        else:
            first.parent = None
            firsts[_index_folder(first.file.src_uri)] = first
    home = [item for item in others if getattr(item, "is_homepage", False)]
    return home + [firsts[s] for s in SECTIONS if s in firsts] + [item for item in others if item not in home]


def _index_folder(src_uri: str) -> str:
    """The index whose first page `src_uri` is («speakers/index.md» → speakers), else ""."""
    folder, _, rest = src_uri.partition("/")
    return folder if folder in SECTIONS and rest == "index.md" else ""


def link(target: str, here: str, anchors: Mapping[str, set[str]] | None = None) -> str:
    """A Markdown link target from the page `here` to the docs path `target` (with #fragment);
    a fragment that `anchors` (docs path → ids) does not know on that page is left out."""
    path, _, fragment = target.partition("#")
    if anchors is not None and path in anchors and fragment not in anchors[path]:
        fragment = ""
    return _relative(path, posixpath.dirname(here)) + (f"#{fragment}" if fragment else "")


@lru_cache(maxsize=1 << 16)
def _relative(path: str, folder: str) -> str:
    """The quoted relative link from a page in docs folder `folder` to the docs path `path`."""
    return quote(posixpath.relpath(path, folder or "."))


def paged(base: str, count: int) -> list[str]:
    """Docs paths of `count` pages of one index: base/index.md, base/2.md, …"""
    return [f"{base}/index.md" if n == 1 else f"{base}/{n}.md" for n in range(1, max(1, count) + 1)]


def pack(groups: Iterable[tuple[K, Sequence[R]]], budget: int, anchor: Callable[[int], str]) -> list[list[Block[K, R]]]:
    """Groups of rows laid out on pages of at most `budget` rows; a group that fits on a page is
    never split, a larger one starts a page and runs on over the next ones."""
    pages: list[list[Block[K, R]]] = [[]]
    used = 0
    for n, (key, rows) in enumerate(groups):
        rows = list(rows)
        if used and used + len(rows) > budget:
            pages.append([])
            used = 0
        first = True
        while rows or first:
            if used >= budget:
                pages.append([])
                used = 0
            chunk, rows = rows[: budget - used], rows[budget - used:]
            pages[-1].append(Block(key, chunk, anchor(n), continued=not first))
            used += max(1, len(chunk))
            first = False
    return pages if pages[0] else []


def month_of(statement: Statement) -> str:
    """`YYYY-MM`, or `undated`."""
    date = statement.meta.date or ""
    return date[:7] if len(date) >= 7 else UNDATED


def month_name(month: str, language: str = "ar") -> str:
    """«أغسطس 2015» for `2015-08` (August 2015 in English)."""
    if month == UNDATED:
        return TEXTS[language]["undated"]
    year, number = month.split("-")
    return f"{vocabulary('month').label(str(int(number)), language)} {year}"


def newest_first(statements: Iterable[Statement]) -> list[Statement]:
    """The statements newest first (by date, then slug), as the home page and the indexes list them."""
    return sorted(statements, key=lambda st: (st.meta.date or "", st.slug), reverse=True)


class Indexes:
    """The index pages of a corpus of statements (given newest first)."""

    def __init__(self, statements: Sequence[Statement], path_of: Callable[[Statement], str],
                 language: str = "ar") -> None:
        self.statements = list(statements)
        self.path_of = path_of
        self.language = language
        self.text = TEXTS[language]
        self.act_names = vocabulary("act").names[language]
        self.pages: list[IndexPage] = []
        self.sections: list[Section] = []

    def month(self, month: str) -> str:
        return month_name(month, self.language)

    def section(self, key: str, path: str, count: int) -> None:
        """An entry point of the home page, titled in both languages."""
        self.sections.append(Section(TEXTS["ar"][key], TEXTS["en"][key], path, count))

    def ref(self, statement: Statement, sentences: Iterable[int] = ()) -> Ref:
        return Ref(statement, self.path_of(statement), tuple(sentences))

    def build(self) -> list[IndexPage]:
        """Every index page, and the home page's entry points in `sections`."""
        self.archive()
        self.sources()
        self.speakers()
        self.entities()
        self.pillars()
        self.acts()
        return self.pages

    def _add(self, path: str, template: str, **context: Any) -> None:
        self.pages.append(IndexPage(path, template, {**context, "act_names": self.act_names,
                                                     "type_names": vocabulary("entity_type").names[self.language]}))

    def _listing(self, base: str, title: Name, statements: list[Statement]) -> None:
        """A run of pages listing statements, PER_PAGE at a time."""
        chunks = [statements[i:i + PER_PAGE] for i in range(0, len(statements), PER_PAGE)] or [[]]
        paths = paged(base, len(chunks))
        for n, chunk in enumerate(chunks):
            self._add(paths[n], "indexes/listing.md.j2", title=title, statements=[self.ref(st) for st in chunk],
                      position=Pager(paths, n), total=len(statements))

    def archive(self) -> None:
        by_month: dict[str, list[Statement]] = defaultdict(list)
        for st in self.statements:
            by_month[month_of(st)].append(st)
        months = sorted(by_month, key=lambda m: (m != UNDATED, m), reverse=True)
        for month in months:
            self._listing(f"archive/{month}", Name(self.month(month), self.language), by_month[month])
        dated = [m for m in reversed(months) if m != UNDATED]
        chart = timeline(self.text["months_chart"], self.text["months_desc"],
                         [(m, (len(by_month[m]),)) for m in dated], name=self.month, language=self.language)
        rows = [(Name(self.month(m), self.language), f"archive/{m}/index.md", len(by_month[m])) for m in months]
        self._add("archive/index.md", "indexes/groups.md.j2", title=Name(self.text["archive"], self.language),
                  rows=rows, chart=chart if dated else None)
        self.section("archive", "archive/index.md", len(self.statements))

    def sources(self) -> None:
        by_source: dict[str, list[Statement]] = defaultdict(list)
        english: dict[str, str | None] = {}
        for st in self.statements:
            by_source[st.meta.source or ""].append(st)
            english[st.meta.source or ""] = english.get(st.meta.source or "") or st.meta.source_en
        names = sorted(by_source, key=lambda s: (-len(by_source[s]), s))
        rows = []
        for name in names:
            slug = hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]  # stable, and no text in the address
            title = shown(name, english[name], self.language) if name else Name(self.text["no_source"], self.language)
            self._listing(f"sources/{slug}", title, by_source[name])
            rows.append((title, f"sources/{slug}/index.md", len(by_source[name])))
        self._add("sources/index.md", "indexes/groups.md.j2", title=Name(self.text["sources"], self.language),
                  rows=rows, chart=None)
        self.section("sources", "sources/index.md", len(rows))

    def _blocks(self, base: str, template: str, title: str,
                groups: list[tuple[Any, list[Any]]], prefix: str, chart: Chart | None,
                extra: Callable[[Any], dict[str, Any]] = lambda key: {}) -> dict[Any, str]:
        """Pages of grouped rows; returns where each group starts (docs path#anchor)."""
        pages = pack(groups, ROWS, lambda n: f"{prefix}{n + 1}")
        paths = paged(base, len(pages))
        where: dict[Any, str] = {}
        for path, blocks in zip(paths, pages):
            for block in blocks:
                if not block.continued:
                    where[block.key] = f"{path}#{block.anchor}"
        for n, (path, blocks) in enumerate(zip(paths, pages)):
            for block in blocks:
                block.extra = extra(block.key)
            self._add(path, template, title=Name(title, self.language), blocks=blocks, position=Pager(paths, n),
                      chart=chart if n == 0 else None, where=where, groups=len(groups))
        if not pages:
            self._add(paths[0], template, title=Name(title, self.language), blocks=[], position=Pager(paths, 0),
                      chart=None, where=where, groups=0)
        return where

    def speakers(self) -> None:
        claims: dict[str, list[tuple[Ref, Claim]]] = defaultdict(list)
        who: dict[str, Who] = {}
        spoken = [(st, claim, speaker) for st in self.statements for claim in st.claims
                  for speaker in (claim.speaker.people if claim.speaker else ())]  # each of coordinated speakers
        fuller = fuller_names({speaker_key(st, speaker) for st, _, speaker in spoken})
        for st, claim, speaker in spoken:
            key = fuller.get(named := speaker_key(st, speaker), named)
            claims[key].append((self.ref(st, (claim.sentence,)), claim))
            if key not in who or who[key].en is None and speaker.en:
                canonical = speaker.canonical if key == named else key
                who[key] = Who(canonical, speaker.en, None if key == canonical else st)
        names = sorted(claims, key=lambda s: (-len(claims[s]), s))
        top = names[:TOP]
        used = [act for act in ACTS if any(c.act == act for key in top for _, c in claims[key])]  # the legend's
        chart = bars(self.text["speakers_chart"], self.text["speakers_desc"],
                     [(self.who_label(key, who[key]), tuple(sum(c.act == act for _, c in claims[key]) for act in used))
                      for key in top], [self.act_names[a] for a in used], language=self.language)
        self._blocks("speakers", "indexes/speakers.md.j2", self.text["speakers"],
                     [(s, claims[s]) for s in names], "sp", chart if top else None, lambda key: {"who": who[key]})
        self.section("speakers_section", "speakers/index.md", len(names))

    def who_label(self, key: str, who: Who) -> str:
        """A speaker as a chart labels it: the key in Arabic; in English the English name (or the
        Arabic) and the English title of the statement a one-word speaker belongs to."""
        if self.language == "ar":
            return key
        name = who.en or who.canonical
        of = who.statement.meta if who.statement else None
        return f"{name} ({of.title_en or of.title})" if of else name

    def entities(self) -> None:
        mentions: dict[str, list[Ref]] = defaultdict(list)
        first: dict[str, Entity] = {}
        together: dict[str, Counter[str]] = defaultdict(Counter)
        for st in self.statements:
            names = {e.canonical for e in st.entities}
            for entity in st.entities:
                first.setdefault(entity.canonical, entity)
                mentions[entity.canonical].append(self.ref(st, entity.sentences))
                together[entity.canonical].update(sorted(names - {entity.canonical}))  # most_common: ties in one order
        names = sorted(mentions, key=lambda e: (-len(mentions[e]), e))
        top = names[:TOP]
        chart = bars(self.text["entities_chart"], self.text["entities_desc"],
                     [(shown(e, first[e].en, self.language).text, (len(mentions[e]),)) for e in top],
                     language=self.language)

        def extra(name: str) -> dict[str, Any]:
            return {"entity": first[name], "statements": len(mentions[name]),
                    "co": [(first[other], count) for other, count in together[name].most_common(CO_MENTIONS)]}

        self._blocks("entities", "indexes/entities.md.j2", self.text["entities"],
                     [(e, mentions[e]) for e in names], "en", chart if top else None, extra)
        self.section("entities_section", "entities/index.md", len(names))

    def pillars(self) -> None:
        with_pillars = [self.ref(st) for st in self.statements if st.pillars and (st.pillars.announced or st.pillars.items)]
        chunks = [with_pillars[i:i + PER_PAGE] for i in range(0, len(with_pillars), PER_PAGE)] or [[]]
        paths = paged("pillars", len(chunks))
        for n, chunk in enumerate(chunks):
            self._add(paths[n], "indexes/pillars.md.j2", title=Name(self.text["pillars"], self.language), refs=chunk,
                      position=Pager(paths, n), total=len(with_pillars))
        self.section("pillars_section", "pillars/index.md", len(with_pillars))

    def acts(self) -> None:
        per_act: dict[str, dict[str, list[tuple[Ref, Claim]]]] = {act: defaultdict(list) for act in ACTS}
        for st in self.statements:
            for claim in st.claims:
                if claim.act in per_act:
                    per_act[claim.act][month_of(st)].append((self.ref(st, (claim.sentence,)), claim))
        months = sorted({m for act in per_act.values() for m in act}, key=lambda m: (m != UNDATED, m))
        used = [act for act in ACTS if per_act[act]]
        where: dict[str, dict[str, str]] = {}
        for act in used:
            groups = [(m, per_act[act][m]) for m in reversed(months) if per_act[act][m]]
            where[act] = self._blocks(f"acts/{act}", "indexes/act.md.j2", self.act_names[act],
                                      groups, "m", None, lambda m: {"month": self.month(m)})
        dated = [m for m in months if m != UNDATED]
        chart = timeline(self.text["acts"], self.text["acts_desc"],
                         [(m, tuple(len(per_act[a][m]) for a in used)) for m in dated],
                         [self.act_names[a] for a in used], name=self.month, language=self.language)
        table = [(self.month(m), sum(len(per_act[a][m]) for a in used),
                  [(self.act_names[a], len(per_act[a][m]), where[a][m]) for a in used if per_act[a][m]])
                 for m in reversed(months)]
        self._add("acts/index.md", "indexes/acts.md.j2", title=Name(self.text["acts"], self.language),
                  acts=[(a, self.act_names[a], f"acts/{a}/index.md", sum(map(len, per_act[a].values()))) for a in used],
                  table=table, chart=chart if dated else None)
        total = sum(len(c) for act in per_act.values() for c in act.values())
        self.section("acts", "acts/index.md", total)


@dataclass(frozen=True)
class Pager:
    """Position of a page among the pages of one index."""

    paths: list[str]
    index: int  # 0-based

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def previous(self) -> str | None:
        return self.paths[self.index - 1] if self.index > 0 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.index + 1] if self.index + 1 < len(self.paths) else None

    def window(self, size: int = 3) -> list[tuple[int, str]]:
        """Page numbers around this one (with the first and last), each with its path."""
        numbers = {1, self.count, *range(max(1, self.number - size), min(self.count, self.number + size) + 1)}
        return [(n, self.paths[n - 1]) for n in sorted(numbers)]


def without_lineage(name: str) -> str:
    """A personal name without its lineage: each بن/بنت/ابن and the name after it (a compound
    one whole) left out («عادل بن أحمد الجبير» → «عادل الجبير»)."""
    lexicon = names()
    words, kept, i = name.split(), [], 0
    while i < len(words):
        if i and words[i] in lexicon.lineage and i + 1 < len(words):
            i += 3 if words[i + 1] in lexicon.compounds and i + 2 < len(words) else 2
            continue
        kept.append(words[i])
        i += 1
    return " ".join(kept)


def fuller_names(keys: Iterable[str]) -> dict[str, str]:
    """The speakers that are one person across statements: each key that is the name of exactly
    one other key without its lineage, and still a given and a family name, mapped to that key
    («عادل الجبير» → «عادل بن أحمد الجبير»). Where two people share the shorter name («محمد بن
    سلمان آل سعود», «محمد بن نايف آل سعود»), it stays apart."""
    keys = set(keys)
    longer: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        short = without_lineage(key)
        if short != key and len(short.split()) > 1:
            longer[short].add(key)
    return {short: full.pop() for short, full in longer.items() if short in keys and len(full) == 1}


def speaker_key(statement: Statement, speaker: Speaker) -> str:
    """Who a speaker is across statements: the canonical name when it is more than one word (a
    full name, a named body); a single word («البيان», «الدكتور», «عادل») says who only inside
    its statement, so it is qualified by the statement's title."""
    if len(speaker.canonical.split()) > 1:
        return speaker.canonical
    return f"{speaker.canonical} ({statement.meta.title})"
