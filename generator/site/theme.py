"""What a Bayan site needs from MkDocs and Material, added by the plugin so that a project's
mkdocs.yml can name only the theme, `search` and `bayan`:

- the package's theme overrides (generator/theme/: a safe <title>, the language switch that keeps
  the page, the 404 page in the site's language), under the project's own `custom_dir`;
- the package's assets (generator/assets/: the stylesheet, the query side of the Arabic search,
  the quotes that open on their sentence, the self-hosted font), each replaced by a file of the
  same path under `templates/assets/`;
- the Markdown extensions the generated pages use (site/tables.py: table cells named after their
  column, for the cards a narrow screen shows), the theme's language (the plugin's), no web
  fonts (no request to an outside host), and a language switch when the site has a mirror.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

PACKAGE = Path(__file__).parent.parent
THEME = PACKAGE / "theme"
ASSETS = PACKAGE / "assets"
STYLESHEET = "assets/css/bayan.css"
SCRIPTS = ("assets/js/bayan-search.js",  # the query side of site/search.py
           "assets/js/bayan-quotes.js")  # a quote of a sentence opens on the sentence in full
EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc", "generator.site.tables")
LANGUAGE_NAMES = {"ar": "العربية", "en": "English"}


def configure(config: MkDocsConfig, language: str, mirrored: bool) -> list[str]:
    """Add what the generated pages need to `config`; what was changed, for the log."""
    changes = []
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    for links, asset in ((config.extra_css, STYLESHEET), *((config.extra_javascript, s) for s in SCRIPTS)):
        if all(str(link) != asset for link in links):
            links.append(asset)
    for extension in EXTENSIONS:
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    if config.theme.get("language") != language:
        changes.append(f"theme language {config.theme.get('language')!r} → {language!r} (the plugin's language)")
        config.theme["language"] = language
    if config.theme.get("font") is not False:
        changes.append("theme font: false (web fonts would be fetched from an outside host)")
        config.theme["font"] = False
    if mirrored or language != "ar":
        config.extra.setdefault("alternate", language_switch(language))
    return changes


def language_switch(language: str) -> list[dict[str, str]]:
    """Material's `extra.alternate`: the Arabic site at the root, its English mirror in `en/`."""
    roots = {"ar": {"ar": "./", "en": "en/"}, "en": {"ar": "../", "en": "./"}}[language]
    return [{"name": LANGUAGE_NAMES[lang], "link": link, "lang": lang} for lang, link in roots.items()]


def assets(templates: Path) -> dict[str, Path]:
    """The site's assets by their path in the site: the package's, and the project's
    (`templates/assets/`) over them."""
    found: dict[str, Path] = {}
    for folder in (ASSETS, templates / "assets"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            found["assets/" + path.relative_to(folder).as_posix()] = path
    return found
