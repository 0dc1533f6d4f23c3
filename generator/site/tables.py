"""A Markdown extension that gives each data cell of a table its column's name, so that on a
narrow screen the stylesheet can show a row as a card of labelled lines (`td::before {content:
attr(data-label)}`) instead of a table too wide for the screen.

`<td data-label="القائل">` takes the text of its column's header cell (its markup left out);
a table of three columns or more is marked `data-cards` (two columns fit any screen as they are).
The plugin adds it to the site's Markdown extensions as `generator.site.tables`.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

CARDS_FROM = 3  # columns from which a table becomes cards on a narrow screen


def header_text(cell: ET.Element) -> str:
    """The text of a header cell, without the placeholders of its inline HTML (`<span lang>`)."""
    return " ".join(HTML_PLACEHOLDER_RE.sub("", "".join(cell.itertext())).split())


class LabelCells(Treeprocessor):
    """Each <td> gets `data-label`, its header cell's text; wide tables get `data-cards`."""

    def run(self, root: ET.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead/tr")
            if head is None:
                continue
            labels = [header_text(th) for th in head.findall("th")]
            if len(labels) >= CARDS_FROM:
                table.set("data-cards", "")
            for row in table.iterfind("tbody/tr"):
                for cell, label in zip(row.findall("td"), labels):
                    if label:
                        cell.set("data-label", label)


class TableLabels(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(LabelCells(md), "bayan_table_labels", 5)  # after inline (20)


def makeExtension(**kwargs: object) -> TableLabels:  # noqa: N802 (Markdown's name for it)
    return TableLabels(**kwargs)
