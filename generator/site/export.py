"""`render --out DIR`: each language of the site as a complete Markdown tree, for inspection or
for another Markdown site engine to build: `DIR/ar/` and `DIR/en/`, each holding the generated
pages, the hand-written pages of its docs folder (which win over a generated page of the same
path, as in the plugin) and the assets."""
from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.structure.files import get_files

from ..problems import Problem
from ..project import Project, pages
from .theme import assets


def site_config(config_file: Path | None) -> tuple[Mapping[str, Any], Problem | None]:
    """The MkDocs configuration templates receive as `site` (an empty one without a file), and
    an error reading it, if any."""
    if config_file is None or not config_file.is_file():
        return {"site_name": "", "extra": {}}, None
    try:
        return load_config(str(config_file)), None
    except (ConfigurationError, OSError) as err:
        return {"site_name": "", "extra": {}}, Problem("error", "config", str(err), line=1, path=str(config_file))


def language_config(project: Project, language: str) -> Path | None:
    """The configuration file of one language of the project: its own, or its mirror's for English."""
    own = project.config_files[0] if project.config_files else None
    return project.mirror if language == "en" and project.mirror is not None else own


def hand_written(site: Mapping[str, Any]) -> dict[str, Path]:
    """The pages and files of a configuration's docs folder that its site includes."""
    if not isinstance(site, MkDocsConfig):
        return {}
    return {f.src_uri: Path(f.abs_src_path) for f in get_files(site) if not f.inclusion.is_excluded()}


def export(project: Project, out: Path, languages: Iterable[str]) -> tuple[int, list[Problem]]:
    """Write each language's tree under `out/<language>/`; the pages written, and the problems."""
    written, problems = 0, []
    for language in languages:
        site, config_error = site_config(language_config(project, language))
        problems += [config_error] if config_error else []
        result = pages(project, language, site)
        problems += [p for p in result.problems if p not in problems]
        tree = out / language
        for path, page in result.pages.items():
            target = tree / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(page, Path):
                shutil.copyfile(page, target)
            else:
                target.write_text(page, encoding="utf-8")
        for path, file in {**assets(project.templates), **hand_written(site)}.items():
            target = tree / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
        written += len(result.pages)
    return written, problems
