"""`python -m generator summarize`: the site's extractive summary of each JSON Lines record.

A record `{"id", "article"|"content"}` is analysed as a statement of the site is (wire frame,
sentences, claims, pillars), so the summary scored outside the site is the one its pages would
show. Its hard-wrapped lines are joined first (`unwrap_lines`, for newspaper text such as EASC's)
unless `join_lines` is off, which keeps every line a paragraph as the site does. A line of the
file that is not such a record is reported with its file and line and skipped; the other records
are still summarised.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..analysis import Settings, analyze
from ..analysis.summary import RATIO, unwrap_lines
from ..model import Meta, Source

TEXT_FIELDS = ("article", "content")


class RecordError(ValueError):
    """A line of the input that is not a record to summarise."""


def summarize_jsonl(in_path: str | Path, out_path: str | Path, ratio: float = RATIO,
                    join_lines: bool = True) -> tuple[int, list[str]]:
    """Write `{"id", "summary"}` lines; return the count written and the problems as `path:line: …`."""
    written, problems = 0, []
    with open(in_path, "rb") as src, open(out_path, "w", encoding="utf-8") as out:
        for number, raw in enumerate(src, 1):
            if not raw.strip():
                continue
            try:
                ident, text = _record(raw)
            except RecordError as err:
                problems.append(f"{in_path}:{number}: {err}")
                continue
            body = unwrap_lines(text) if join_lines else text
            source = Source(ident, str(in_path), Meta(title=""), body, body_line=number)
            summary = analyze(source, Settings(summary_ratio=ratio)).summary
            out.write(json.dumps({"id": ident, "summary": summary.text}, ensure_ascii=False) + "\n")
            written += 1
    return written, problems


def _record(raw: bytes) -> tuple[str, str]:
    """The id and text of a JSON Lines record."""
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise RecordError(f"not UTF-8 text: {err.reason} at byte {err.start + 1}") from None
    try:
        record = json.loads(line)
    except ValueError as err:
        raise RecordError(f"not JSON: {err}") from None
    if not isinstance(record, dict) or "id" not in record:
        raise RecordError('a record must be a JSON object with an "id"')
    text = next((record[k] for k in TEXT_FIELDS if record.get(k)), "")
    if not isinstance(text, str):
        raise RecordError(f'"article" or "content" must be text, not {type(text).__name__}')
    return str(record["id"]), text
