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

from ..lexicon.labels import vocabulary
from ..model import Claim, Entity, Speaker, Statement
from .charts import Chart, bars, columns

LATEST = 20  # statements on the home page
PER_PAGE = 50  # statements on a page of the archive
ROWS = 150  # rows (claims, mentions) on a page of the speakers, entities and acts indexes
TOP = 15  # bars in a chart
CO_MENTIONS = 8
MONTHS = tuple(vocabulary("month").names["ar"].values())
ACTS = vocabulary("act").codes
ACT_NAMES = vocabulary("act").names["ar"]
TYPE_NAMES = vocabulary("entity_type").names["ar"]
UNDATED = "undated"

K = TypeVar("K")
R = TypeVar("R")


@dataclass(frozen=True)
class IndexPage:
    """A page to render: where it goes, which template renders it, and what it receives."""

    path: str
    template: str
    context: dict[str, Any]


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


def in_nav(path: str) -> bool:
    """Whether a generated page belongs in the navigation: the home page and top-level pages,
    and the first page of each index; never statements nor further index pages."""
    parts = path.split("/")
    return len(parts) == 1 or (len(parts) == 2 and parts[1] == "index.md" and parts[0] != "statements")


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


def month_name(month: str) -> str:
    """«أغسطس 2015» for `2015-08`."""
    if month == UNDATED:
        return "بلا تاريخ"
    year, number = month.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"


def newest_first(statements: Iterable[Statement]) -> list[Statement]:
    """The statements newest first (by date, then slug), as the home page and the indexes list them."""
    return sorted(statements, key=lambda st: (st.meta.date or "", st.slug), reverse=True)


class Indexes:
    """The index pages of a corpus of statements (given newest first)."""

    def __init__(self, statements: Sequence[Statement], path_of: Callable[[Statement], str]) -> None:
        self.statements = list(statements)
        self.path_of = path_of
        self.pages: list[IndexPage] = []
        self.sections: list[Section] = []

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
        self.pages.append(IndexPage(path, template, {**context, "act_names": ACT_NAMES, "type_names": TYPE_NAMES}))

    def _listing(self, base: str, title: str, statements: list[Statement]) -> None:
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
            self._listing(f"archive/{month}", month_name(month), by_month[month])
        dated = [m for m in reversed(months) if m != UNDATED]
        chart = columns("البيانات في كل شهر", "عدد البيانات المنشورة في كل شهر، من الأقدم (يمينًا) إلى الأحدث.",
                        [(month_name(m), (len(by_month[m]),)) for m in dated])
        rows = [(month_name(m), f"archive/{m}/index.md", len(by_month[m])) for m in months]
        self._add("archive/index.md", "indexes/groups.md.j2", title="الأرشيف حسب الشهر",
                  title_en="Archive by month", rows=rows, chart=chart if dated else None)
        self.sections.append(Section("الأرشيف حسب الشهر", "Archive by month", "archive/index.md", len(self.statements)))

    def sources(self) -> None:
        by_source: dict[str, list[Statement]] = defaultdict(list)
        for st in self.statements:
            by_source[st.meta.source or ""].append(st)
        names = sorted(by_source, key=lambda s: (-len(by_source[s]), s))
        rows = []
        for name in names:
            slug = hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]  # stable, and no text in the address
            shown = name or "بلا مصدر"
            self._listing(f"sources/{slug}", shown, by_source[name])
            rows.append((shown, f"sources/{slug}/index.md", len(by_source[name])))
        self._add("sources/index.md", "indexes/groups.md.j2", title="المصادر", title_en="Sources", rows=rows,
                  chart=None)
        self.sections.append(Section("المصادر", "Sources", "sources/index.md", len(rows)))

    def _blocks(self, base: str, template: str, title: str, title_en: str,
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
            self._add(path, template, title=title, title_en=title_en, blocks=blocks, position=Pager(paths, n),
                      chart=chart if n == 0 else None, where=where, groups=len(groups))
        if not pages:
            self._add(paths[0], template, title=title, title_en=title_en, blocks=[], position=Pager(paths, 0),
                      chart=None, where=where, groups=0)
        return where

    def speakers(self) -> None:
        claims: dict[str, list[tuple[Ref, Claim]]] = defaultdict(list)
        for st in self.statements:
            for claim in st.claims:
                for person in claim.speaker.people if claim.speaker else ():  # each of coordinated speakers
                    claims[speaker_key(st, person)].append((self.ref(st, (claim.sentence,)), claim))
        names = sorted(claims, key=lambda s: (-len(claims[s]), s))
        top = names[:TOP]
        chart = bars("أفعال القول لأكثر القائلين", "عدد الأقوال المنسوبة إلى كل قائل، موزعة حسب نوع فعل القول.",
                     [(s, tuple(sum(c.act == act for _, c in claims[s]) for act in ACTS)) for s in top],
                     [ACT_NAMES[a] for a in ACTS])
        self._blocks("speakers", "indexes/speakers.md.j2", "القائلون", "Speakers",
                     [(s, claims[s]) for s in names], "sp", chart if top else None)
        self.sections.append(Section("القائلون وأقوالهم", "Speakers and their claims", "speakers/index.md", len(names)))

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
        chart = bars("أكثر الكيانات ذكرًا", "عدد البيانات التي تذكر كل كيان.",
                     [(e, (len(mentions[e]),)) for e in top])

        def extra(name: str) -> dict[str, Any]:
            return {"entity": first[name], "statements": len(mentions[name]),
                    "co": together[name].most_common(CO_MENTIONS)}

        self._blocks("entities", "indexes/entities.md.j2", "الكيانات", "Entities",
                     [(e, mentions[e]) for e in names], "en", chart if top else None, extra)
        self.sections.append(Section("الكيانات وما يُذكر معها", "Entities and co-mentions", "entities/index.md",
                                     len(names)))

    def pillars(self) -> None:
        with_pillars = [self.ref(st) for st in self.statements if st.pillars and (st.pillars.announced or st.pillars.items)]
        chunks = [with_pillars[i:i + PER_PAGE] for i in range(0, len(with_pillars), PER_PAGE)] or [[]]
        paths = paged("pillars", len(chunks))
        for n, chunk in enumerate(chunks):
            self._add(paths[n], "indexes/pillars.md.j2", title="الركائز", title_en="Pillars", refs=chunk,
                      position=Pager(paths, n), total=len(with_pillars))
        self.sections.append(Section("الركائز المعلنة", "Announced pillars", "pillars/index.md", len(with_pillars)))

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
            where[act] = self._blocks(f"acts/{act}", "indexes/act.md.j2", ACT_NAMES[act], act,
                                      groups, "m", None, lambda m: {"month": month_name(m)})
        dated = [m for m in months if m != UNDATED]
        chart = columns("أفعال القول عبر الزمن", "عدد الأقوال في كل شهر، موزعة حسب نوع فعل القول.",
                        [(month_name(m), tuple(len(per_act[a][m]) for a in ACTS)) for m in dated],
                        [ACT_NAMES[a] for a in ACTS])
        table = [(month_name(m), [(len(per_act[a][m]), where[a].get(m)) for a in used]) for m in reversed(months)]
        self._add("acts/index.md", "indexes/acts.md.j2", title="أفعال القول عبر الزمن", title_en="Reporting acts over time",
                  acts=[(a, ACT_NAMES[a], f"acts/{a}/index.md", sum(map(len, per_act[a].values()))) for a in used],
                  table=table, chart=chart if dated else None)
        total = sum(len(c) for act in per_act.values() for c in act.values())
        self.sections.append(Section("أفعال القول عبر الزمن", "Reporting acts over time", "acts/index.md", total))


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


def speaker_key(statement: Statement, speaker: Speaker) -> str:
    """Who a speaker is across statements: the canonical name when it is more than one word (a
    full name, a named body); a single word («البيان», «الدكتور», «عادل») says who only inside
    its statement, so it is qualified by the statement's title."""
    if len(speaker.canonical.split()) > 1:
        return speaker.canonical
    return f"{speaker.canonical} ({statement.meta.title})"
