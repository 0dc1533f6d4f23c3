"""Static SVG charts made at build time: no script, nothing from another host.

A chart is inline SVG (so the page's self-hosted Arabic font applies to it) with `role="img"`,
an `aria-label`, `<title>` and `<desc>`; pages show its data as a table beside it. In Arabic
labels read right to left: bars grow from the right edge, time runs from right to left; the
English mirror's charts are the mirror image. A label in the other script is marked with its
language. Every text is escaped for XML.

A chart has no viewBox: it is as wide as the text column and its heights are pixels, so its
text is drawn at FONT_SIZE on a phone as on a desktop instead of shrinking with the drawing.
Widths are percentages of the chart's width (drawn for right to left, mirrored by `_Side`);
what must sit a few pixels from a percentage is moved there with `dx` or `transform`. Labels
therefore never share a line with something whose width depends on the screen: a bar's label
has its own line above the bar, and a time axis names only as many years as fit on the
narrowest screen (MIN_WIDTH).
"""
from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from ..arabic import has_arabic

FONT = "'Noto Naskh Arabic', serif"
FONT_SIZE = 13  # px, whatever the width
PALETTE = ("#1565c0", "#ef6c00", "#2e7d32", "#c62828", "#6a1b9a", "#00838f", "#ad1457", "#4e342e",
           "#9e9d24", "#37474f", "#f9a825", "#5c6bc0", "#7cb342")
MIN_WIDTH = 320  # px: the narrowest chart whose labels must not overlap
CHAR_WIDTH = 8  # px a character of a label takes, at most, at FONT_SIZE
LABEL_CHARS = 36  # a bar's label longer than this is cut with «…» (the whole of it is the text's title)
RIGHT, LEFT = 99.5, 0.5  # % of the width: the edges of the drawing
VALUE_ROOM = 12  # % of the width kept left of the longest bar for its total
MAX_SLOT = 12  # % of the width a month takes at most, so that a few months do not make a wall
MONTHS_NAMED = 12  # a time axis of at most this many months names its months and shows each total


@dataclass(frozen=True)
class Chart:
    """A chart and the data it draws: `rows` of (label, one value per series)."""

    title: str
    desc: str
    series: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    svg: str

    def parts(self, values: Sequence[int]) -> list[tuple[str, int]]:
        """A row's values by series name, leaving out the series it has nothing of."""
        return [(name, value) for name, value in zip(self.series, values) if value]


def _x(text: object) -> str:
    return escape(str(text), quote=True)


def _chart_id(title: str) -> str:
    """An element id that is stable from build to build."""
    return "chart-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:10]


class _Side:
    """Horizontal positions drawn for right to left (percentages of the width from its left, and
    pixel shifts), mirrored for a left-to-right chart."""

    def __init__(self, language: str) -> None:
        self.rtl = language == "ar"
        self.language = language

    def x(self, pct: float) -> str:
        """A point (a text's anchor, a line's end)."""
        return f"{pct if self.rtl else 100 - pct:.2f}%"

    def left(self, pct: float, width: float) -> str:
        """The left edge of a box that spans pct to pct + width in the right-to-left drawing."""
        return f"{pct if self.rtl else 100 - pct - width:.2f}%"

    def dx(self, px: float) -> float:
        """A shift in pixels: leftwards in the right-to-left drawing is rightwards in its mirror."""
        return px if self.rtl else -px

    def end(self) -> str:
        """The anchor of a number (written left to right) set to the left of a point in the
        right-to-left drawing."""
        return "end" if self.rtl else "start"

    def lang(self, text: str) -> str:
        """A `lang` attribute for a label in the other script than the chart's."""
        own = "ar" if has_arabic(text) else "en"
        return "" if own == self.language else f' lang="{own}"'


def _svg(title: str, desc: str, height: int, body: list[str], side: _Side) -> str:
    chart_id = _chart_id(title)
    return "".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bayan-chart" width="100%" height="{height}" '
        f'role="img" aria-label="{_x(title)}" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'direction="{"rtl" if side.rtl else "ltr"}" font-family="{_x(FONT)}" font-size="{FONT_SIZE}">',
        f'<title id="{chart_id}-t">{_x(title)}</title>',
        f'<desc id="{chart_id}-d">{_x(desc)}</desc>',
        *body,
        "</svg>",
    ])


def _legend(series: Sequence[str], side: _Side) -> tuple[list[str], int]:
    """Colour keys from the reading edge onwards, on as many lines of MIN_WIDTH as they need
    (nothing when there is one series); the elements and the height they take."""
    if len(series) < 2:
        return [], 0
    out, offset, line = [], 4, 0
    for i, name in enumerate(series):
        width = 20 + CHAR_WIDTH * len(name) + 12
        if offset > 4 and offset + width > MIN_WIDTH:
            offset, line = 4, line + 1
        y = 16 + 20 * line
        key = -offset - 12 if side.rtl else offset  # the key's left edge, from the reading edge
        out.append(f'<rect x="{side.x(100)}" y="{y - 10}" width="12" height="12" transform="translate({key} 0)" '
                   f'fill="{PALETTE[i % len(PALETTE)]}"/>')
        out.append(f'<text x="{side.x(100)}" dx="{side.dx(-offset - 18)}" y="{y}" text-anchor="start"'
                   f'{side.lang(name)}>{_x(name)}</text>')
        offset += width
    return out, 20 * (line + 1) + 6


def _label(text: str) -> str:
    """A bar's label, cut to fit its room; the whole label is the title a pointer shows."""
    short = text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1].rstrip() + "…"
    return f"{_x(short)}<title>{_x(text)}</title>"


def bars(title: str, desc: str, rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[str] = ("",),
         language: str = "ar") -> Chart:
    """Horizontal bars, stacked by series: each label on its own line at the reading edge (the
    right in Arabic), its bar below it growing away from that edge, the total beyond the bar."""
    side = _Side(language)
    body, top = _legend(series, side)
    row_h = 44
    longest = max((sum(v) for _, v in rows), default=0) or 1
    scale = (RIGHT - LEFT - VALUE_ROOM) / longest
    for i, (label, values) in enumerate(rows):
        y = top + i * row_h
        body.append(f'<text x="{side.x(RIGHT)}" y="{y + 16}" text-anchor="start"{side.lang(label)}>'
                    f'{_label(label)}</text>')
        x = RIGHT
        for j, value in enumerate(values):
            w = value * scale
            if w > 0:
                body.append(f'<rect x="{side.left(x - w, w)}" y="{y + 23}" width="{w:.2f}%" height="14" '
                            f'fill="{PALETTE[j % len(PALETTE)]}"/>')
            x -= w
        body.append(f'<text x="{side.x(x)}" dx="{side.dx(-6)}" y="{y + 35}" text-anchor="{side.end()}" '
                    f'direction="ltr" unicode-bidi="embed">{sum(values)}</text>')  # beyond the bar's end
    return Chart(title, desc, tuple(series), tuple((label, tuple(v)) for label, v in rows),
                 _svg(title, desc, top + row_h * len(rows) + 4, body, side))


def month_span(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` (`YYYY-MM`), both included."""
    year, month = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def timeline(title: str, desc: str, rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[str] = ("",),
             name: Callable[[str], str] = str, language: str = "ar") -> Chart:
    """Columns on a time axis, stacked by series, one slot for every month from the first of
    `rows` (`YYYY-MM`, oldest first) to the last, oldest at the reading edge (the right in
    Arabic): a month with nothing is an empty slot, so gaps show. A short span names its months
    (`name`) and shows each total; a longer one marks where each year begins and names as many
    years as fit."""
    side = _Side(language)
    data = {month: tuple(values) for month, values in rows}
    months = month_span(rows[0][0], rows[-1][0]) if rows else []
    legend, top = _legend(series, side)
    top += 18  # room for a total above the tallest column
    height = top + 170 + 30
    base = height - 30
    tallest = max((sum(v) for v in data.values()), default=0) or 1
    scale = (base - top) / tallest
    slot = min(MAX_SLOT, (RIGHT - LEFT) / max(1, len(months)))
    named = len(months) <= MONTHS_NAMED
    body = legend + [f'<line x1="{side.x(LEFT)}" x2="{side.x(RIGHT)}" y1="{base}" y2="{base}" stroke="#9e9e9e"/>']
    for i, month in enumerate(months):
        values = data.get(month, ())
        right = RIGHT - slot * i
        y = base
        for j, value in enumerate(values):
            h = value * scale
            if h > 0:
                body.append(f'<rect x="{side.left(right - slot * 0.85, slot * 0.7)}" y="{y - h:.1f}" '
                            f'width="{slot * 0.7:.2f}%" height="{h:.1f}" fill="{PALETTE[j % len(PALETTE)]}">'
                            f'<title>{_x(name(month))}: {value}</title></rect>')
            y -= h
        if named and values:
            body.append(f'<text x="{side.x(right - slot / 2)}" y="{y - 4:.1f}" text-anchor="middle" '
                        f'direction="ltr">{sum(values)}</text>')
    body += _month_labels(months, slot, base, name, side) if named else _year_axis(months, slot, base, side)
    return Chart(title, desc, tuple(series), tuple((name(m), tuple(v)) for m, v in rows),
                 _svg(title, desc, height, body, side))


def _month_labels(months: list[str], slot: float, base: int, name: Callable[[str], str], side: _Side) -> list[str]:
    """Every month's name under its column, or every second or third when they would not fit;
    a name at either end of the axis runs inwards from that end, so that no edge cuts it."""
    every = math.ceil(len(months) / (MIN_WIDTH // 80))  # a month's name takes about 80 px
    out = []
    for i, month in enumerate(months):
        if i % every:
            continue
        if len(months) > 1 and i == 0:  # «start» runs from the reading edge inwards
            x, anchor = RIGHT - slot * 0.15, "start"
        elif len(months) > 1 and i == len(months) - 1:
            x, anchor = RIGHT - slot * 0.85 - slot * i, "end"
        else:
            x, anchor = RIGHT - slot * (i + 0.5), "middle"
        label = name(month)
        out.append(f'<text x="{side.x(x)}" y="{base + 20}" text-anchor="{anchor}"{side.lang(label)}>{_x(label)}</text>')
    return out


def _year_axis(months: list[str], slot: float, base: int, side: _Side) -> list[str]:
    """A tick where each year begins, and each year's number under the middle of its months,
    leaving out a year whose number would crowd the last one named."""
    out, last = [], None
    gap = 100 * 44 / MIN_WIDTH  # % of the width a year's number needs, with room around it
    edge = 100 * 20 / MIN_WIDTH  # half of it: a number this near an end is kept inside the drawing
    years = sorted({m[:4] for m in months})
    for year in years:
        first = next(i for i, m in enumerate(months) if m.startswith(year))
        count = sum(m.startswith(year) for m in months)
        if months[first].endswith("-01") and first:
            x = side.x(RIGHT - slot * first)
            out.append(f'<line x1="{x}" x2="{x}" y1="{base}" y2="{base + 6}" stroke="#9e9e9e"/>')
        middle = min(RIGHT - edge, max(LEFT + edge, RIGHT - slot * (first + count / 2)))
        if last is None or last - middle >= gap:
            out.append(f'<text x="{side.x(middle)}" y="{base + 20}" text-anchor="middle" direction="ltr">{year}</text>')
            last = middle
    return out
