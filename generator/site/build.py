"""`python -m generator build`: `mkdocs build` into a fresh sibling folder, then swap it in.

A build that fails (an error, or any warning under `--strict`) leaves the last good site in
place; only a finished build replaces it (two renames, a moment apart). The build is
reproducible: `SOURCE_DATE_EPOCH` (sitemap `lastmod`, the gzip header of sitemap.xml.gz) is
pinned to the newest statement date when the environment does not set it.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config

from ..project import Project
from ..read.sources import read_statements


class BuildError(Exception):
    """The build cannot start (e.g. a site_dir that would replace the project's own files)."""


def source_date_epoch(content_dir: Path) -> int:
    """Midnight UTC of the newest statement date (0 when no statement has a date)."""
    sources, _ = read_statements(content_dir)
    dates = [s.meta.date for s in sources if s.meta.date]
    if not dates:
        return 0
    return int(dt.datetime.fromisoformat(max(dates)).replace(tzinfo=dt.timezone.utc).timestamp())


@dataclass(frozen=True)
class Layout:
    """Where a project's site goes, where its statements are, and what a build must not replace."""

    site: Path
    content: Path
    protected: tuple[Path, ...]  # the project, docs, content and templates folders


def layout(config_file: Path) -> Layout:
    """The folders of the project configured by `config_file` (absolute)."""
    config = load_config(str(config_file))
    project = Project.load(Path(config.config_file_path))
    content, templates = project.content.resolve(), project.templates.resolve()
    return Layout(Path(config.site_dir).resolve(), content,
                  (project.root, Path(config.docs_dir).resolve(), content, templates))


def build(config_file: Path = Path("mkdocs.yml"), strict: bool = False) -> int:
    """Build the site atomically; mkdocs' exit status (0: site/ replaced, otherwise untouched).

    The site's own build writes its English mirror into `en/` (the plugin's `mirror:`), so the
    fresh folder holds both languages before it is swapped in.
    """
    where = layout(config_file)
    site = where.site
    for folder in where.protected:
        if site == folder or site in folder.parents:
            raise BuildError(f"site_dir {site} would replace {folder}: choose a folder of its own")
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch(where.content)))
    site.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))
    mask = os.umask(0)
    os.umask(mask)
    fresh.chmod(0o777 & ~mask)  # mkdtemp makes it private; the site is not
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file),
               "--site-dir", str(fresh), *(["--strict"] if strict else [])]
    status = subprocess.run(command, env=env).returncode
    if status != 0:
        shutil.rmtree(fresh)
        return status
    old = site.with_name(f".{site.name}.old-{os.getpid()}")
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return 0
