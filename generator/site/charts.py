"""Static SVG charts made at build time: no script, nothing from another host.

A chart is inline SVG (so the page's self-hosted Arabic font applies to it) with `role="img"`,
an `aria-label`, `<title>` and `<desc>`; pages show its data as a table beside it. In Arabic
labels read right to left: bars grow from the right edge, categories run from right to left; the
English mirror's charts are the mirror image. A label in the other script is marked with its
language. Every text is escaped for XML.
"""
from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..arabic import has_arabic

FONT = "'Noto Naskh Arabic', serif"
PALETTE = ("#1565c0", "#ef6c00", "#2e7d32", "#c62828", "#6a1b9a", "#00838f", "#ad1457", "#4e342e",
           "#9e9d24", "#37474f", "#f9a825", "#5c6bc0", "#7cb342")
WIDTH = 720
LABEL_CHARS = 28  # a bar's label longer than this is cut with «…» (the whole of it is the text's title)
LABEL_WIDTH = 70  # room a column's label needs: on a narrower slot only every few columns are labelled
COLUMN_SLOT = 90  # the widest slot of a column, so that a few months do not make a wall


@dataclass(frozen=True)
class Chart:
    """A chart and the data it draws: `rows` of (label, one value per series)."""

    title: str
    desc: str
    series: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    svg: str


def _x(text: object) -> str:
    return escape(str(text), quote=True)


def _chart_id(title: str) -> str:
    """An element id that is stable from build to build."""
    return "chart-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:10]


class _Side:
    """Horizontal positions drawn for right to left, and mirrored for a left-to-right chart."""

    def __init__(self, language: str) -> None:
        self.rtl = language == "ar"
        self.language = language

    def x(self, x: float) -> float:
        """A point (a text's anchor)."""
        return x if self.rtl else WIDTH - x

    def left(self, x: float, width: float) -> float:
        """The left edge of a box that spans x to x + width in the right-to-left drawing."""
        return x if self.rtl else WIDTH - x - width

    def end(self) -> str:
        """The anchor of a number (written left to right) set to the left of a point in the
        right-to-left drawing."""
        return "end" if self.rtl else "start"

    def lang(self, text: str) -> str:
        """A `lang` attribute for a label in the other script than the chart's."""
        own = "ar" if has_arabic(text) else "en"
        return "" if own == self.language else f' lang="{own}"'


def _open(title: str, desc: str, height: int, chart_id: str, side: _Side) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bayan-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{_x(title)}" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'direction="{"rtl" if side.rtl else "ltr"}" font-family="{_x(FONT)}" font-size="13">',
        f'<title id="{chart_id}-t">{_x(title)}</title>',
        f'<desc id="{chart_id}-d">{_x(desc)}</desc>',
    ]


def _legend(series: Sequence[str], y: int, side: _Side) -> list[str]:
    """Colour keys from the reading edge onwards (nothing when there is one series)."""
    if len(series) < 2:
        return []
    out, x = [], WIDTH - 4
    for i, name in enumerate(series):
        out.append(f'<rect x="{side.left(x - 12, 12)}" y="{y - 10}" width="12" height="12" '
                   f'fill="{PALETTE[i % len(PALETTE)]}"/>')
        out.append(f'<text x="{side.x(x - 18)}" y="{y}" text-anchor="start"{side.lang(name)}>{_x(name)}</text>')
        x -= 26 + 8 * len(name)
    return out


def _label(text: str) -> str:
    """A bar's label, cut to fit its room; the whole label is the title a pointer shows."""
    short = text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1].rstrip() + "…"
    return f"{_x(short)}<title>{_x(text)}</title>"


def bars(title: str, desc: str, rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[str] = ("",),
         language: str = "ar") -> Chart:
    """Horizontal bars, stacked by series, labels at the reading edge (the right in Arabic), bars
    growing away from it."""
    chart_id = _chart_id(title)
    side = _Side(language)
    row_h, top, label_w, value_w = 24, 30 if len(series) > 1 else 8, 200, 50
    height = top + row_h * len(rows) + 8
    longest = max((sum(v) for _, v in rows), default=0) or 1
    scale = (WIDTH - label_w - value_w - 16) / longest
    out = _open(title, desc, height, chart_id, side) + _legend(series, 18, side)
    right = WIDTH - label_w - 8
    for i, (label, values) in enumerate(rows):
        y = top + i * row_h
        out.append(f'<text x="{side.x(WIDTH - 4)}" y="{y + 16}" text-anchor="start"{side.lang(label)}>'
                   f'{_label(label)}</text>')
        x = right
        for j, value in enumerate(values):
            w = value * scale
            if w > 0:
                out.append(f'<rect x="{side.left(x - w, w):.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
                           f'fill="{PALETTE[j % len(PALETTE)]}"/>')
            x -= w
        out.append(f'<text x="{side.x(x - 6):.1f}" y="{y + 16}" text-anchor="{side.end()}" direction="ltr" '
                   f'unicode-bidi="embed">{sum(values)}</text>')  # beyond the bar's end
    out.append("</svg>")
    return Chart(title, desc, tuple(series), tuple((label, tuple(v)) for label, v in rows), "".join(out))


def columns(title: str, desc: str, rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[str] = ("",),
            language: str = "ar") -> Chart:
    """Vertical columns, stacked by series, the first row at the reading edge (time reads right to
    left in Arabic, left to right in English)."""
    chart_id = _chart_id(title)
    side = _Side(language)
    top, bottom, height = 30 if len(series) > 1 else 10, 40, 260
    tallest = max((sum(v) for _, v in rows), default=0) or 1
    scale = (height - top - bottom - 16) / tallest
    slot = min(COLUMN_SLOT, (WIDTH - 16) / max(1, len(rows)))
    every = math.ceil(LABEL_WIDTH / slot)  # label one column in `every`
    out = _open(title, desc, height, chart_id, side) + _legend(series, 18, side)
    base = height - bottom
    out.append(f'<line x1="8" x2="{WIDTH - 8}" y1="{base}" y2="{base}" stroke="#9e9e9e"/>')
    for i, (label, values) in enumerate(rows):
        x = WIDTH - 8 - slot * (i + 1)
        y = base
        for j, value in enumerate(values):
            h = value * scale
            if h > 0:
                out.append(f'<rect x="{side.left(x + slot * 0.15, slot * 0.7):.1f}" y="{y - h:.1f}" '
                           f'width="{slot * 0.7:.1f}" height="{h:.1f}" fill="{PALETTE[j % len(PALETTE)]}"/>')
            y -= h
        mid = side.x(x + slot / 2)
        out.append(f'<text x="{mid:.1f}" y="{y - 4:.1f}" text-anchor="middle" direction="ltr">{sum(values)}</text>')
        if i % every == 0:
            out.append(f'<text x="{mid:.1f}" y="{base + 18}" text-anchor="middle"{side.lang(label)}>{_x(label)}</text>')
    out.append("</svg>")
    return Chart(title, desc, tuple(series), tuple((label, tuple(v)) for label, v in rows), "".join(out))
