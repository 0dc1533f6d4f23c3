"""A new statement file to fill in (`new`); it never overwrites a file."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from arabicstopwords.arabicstopwords import is_stop

from ..lexicon.translation_qa import translation_qa

from .importer import SLUG_WORDS, Imported, render_statement, slugify
from .sources import NAME, PLACEHOLDER, SIDECAR_SUFFIX, STATEMENTS_DIR


class ScaffoldError(Exception):
    """A file that would be overwritten, or a template name that is not a plain name."""


def new_statement(content: Path, title: str, date: dt.date, *, source: str | None = None,
                  title_en: str | None = None, url: str | None = None,
                  template: str | None = None) -> tuple[Path, Path]:
    """Create `<slug>.md` (front matter and a placeholder text) and an empty `<slug>.en.md`.

    The slug is the date and the first words of the English title, or else of the transliterated
    Arabic one, as `import` makes it, never ending on a function word.
    """
    if template is not None and not NAME.match(template):
        raise ScaffoldError(f"template '{template}' must be a plain name (letters, digits, '-', '_')")
    slug = slugify(date.isoformat(), *slug_words(title_en or title))
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


def slug_words(title: str) -> list[str]:
    """The first words of a title for its slug, less the function words it would end on
    («… حول الأوضاع في» → «… حول الأوضاع», «Statement of the» → «Statement»)."""
    words = re.findall(r"\w+", title)[:SLUG_WORDS]
    while len(words) > 1 and _is_function_word(words[-1]):
        words.pop()
    return words


def _is_function_word(word: str) -> bool:
    """An Arabic stop word (Arabic-Stopwords) or an English function word (translation_qa.yml)."""
    return is_stop(word) or word.lower() in translation_qa().optional
