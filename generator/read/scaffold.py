"""A new statement file to fill in (`new`); it never overwrites a file."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .importer import SLUG_WORDS, Imported, render_statement, slugify
from .sources import NAME, SIDECAR_SUFFIX, STATEMENTS_DIR

# The body of a new statement: Arabic, so that the file passes `check` until the text replaces it.
PLACEHOLDER = "اكتب هنا نص البيان كما صدر، مكان هذا السطر."


class ScaffoldError(Exception):
    """A file that would be overwritten, or a template name that is not a plain name."""


def new_statement(content: Path, title: str, date: dt.date, *, source: str | None = None,
                  title_en: str | None = None, url: str | None = None,
                  template: str | None = None) -> tuple[Path, Path]:
    """Create `<slug>.md` (front matter and a placeholder text) and an empty `<slug>.en.md`.

    The slug is the date and the transliterated title, as `import` makes it.
    """
    if template is not None and not NAME.match(template):
        raise ScaffoldError(f"template '{template}' must be a plain name (letters, digits, '-', '_')")
    slug = slugify(date.isoformat(), *title.split()[:SLUG_WORDS])
    folder = content / STATEMENTS_DIR
    statement, sidecar = folder / f"{slug}.md", folder / f"{slug}{SIDECAR_SUFFIX}"
    for path in (statement, sidecar):
        if path.exists():
            raise ScaffoldError(f"{path} exists; not overwritten")
    fields = {"title": title.strip(), "title_en": title_en, "date": date.isoformat(), "source": source,
              "url": url, "template": template}
    folder.mkdir(parents=True, exist_ok=True)
    with statement.open("x", encoding="utf-8") as out:
        out.write(render_statement(Imported(slug, fields, PLACEHOLDER)))
    sidecar.open("x", encoding="utf-8").close()
    return statement, sidecar
