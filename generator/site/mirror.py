"""The English mirror, built by the Arabic site's own build into its `en/` folder.

`mkdocs build`, `mkdocs serve` and `mkdocs gh-deploy` build one configuration; the plugin, once
the Arabic site is written, builds the mirror's configuration (`mirror:` under `bayan`, e.g.
mkdocs.en.yml) with MkDocs' own build, as mkdocs-static-i18n builds its other languages. So one
command writes both sites, each with its own search index, and a publish takes both.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from ..infra.pool import start_forked

FOLDER = "en"  # where the mirror goes inside the site


def mirror_config(mirror_file: Path, site: MkDocsConfig) -> MkDocsConfig:
    """The mirror's configuration, writing into `en/` of the site `site` is building (which
    may be the temporary folder of `mkdocs serve`), strict when the site is."""
    config = load_config(str(mirror_file), site_dir=str(Path(site.site_dir) / FOLDER), strict=site.strict)
    if site.site_url:
        config.site_url = site.site_url.rstrip("/") + f"/{FOLDER}/"
    return config


def build_mirror(mirror_file: Path, site: MkDocsConfig, command: str, dirty: bool) -> None:
    """Build the mirror into the site's `en/` with MkDocs, its plugins started and shut down as
    MkDocs' own commands do; a failure (or a warning under `--strict`) fails the site's build."""
    config = mirror_config(mirror_file, site)
    config.plugins.on_startup(command=command, dirty=dirty)
    try:
        build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()


def start_mirror(mirror_file: Path, site: MkDocsConfig, command: str) -> Callable[[], None]:
    """Start building the mirror in a forked process while the site's own pages are built (the
    two languages on two cores); a function that waits for it and raises its failure."""
    return start_forked(partial(build_mirror, mirror_file, site, command, False))


def mirror_docs(mirror_file: Path) -> Path:
    """The mirror's own docs folder (its hand-written pages), to watch under `mkdocs serve`."""
    return Path(load_config(str(mirror_file)).docs_dir)
