"""The English mirror, built by the Arabic site's own build into its `en/` folder.

`mkdocs build`, `mkdocs serve` and `mkdocs gh-deploy` build one configuration; the plugin builds
the mirror's configuration (`mirror:` under `bayan`, e.g. mkdocs.en.yml) with MkDocs' own build,
as mkdocs-static-i18n builds its other languages. So one command writes both sites, each with
its own search index, and a publish takes both.

Where the platform can fork, the mirror is built beside the site (`MirrorWorker`): a process of
its own starts building it once the site's statements are analysed, so the two languages render
and build on two cores. Under `mkdocs serve` that process stays, keeping the mirror's last build
in memory, and each rebuild of the site builds the mirror beside it. Otherwise the mirror is
built after the site, in the same process (`build_mirror`).

The mirror does not report again a problem the site reported: before reporting its own, it
learns the site's (`SITE_PROBLEMS`).
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, NamedTuple

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

FOLDER = "en"  # where the mirror goes inside the site


class Site(NamedTuple):
    """What the mirror's build takes from the site's configuration."""

    site_dir: str
    site_url: str | None
    strict: bool

    @classmethod
    def of(cls, config: MkDocsConfig) -> Site:
        return cls(config.site_dir, config.site_url, bool(config.strict))


class SiteProblems:
    """The problems the site's build reported, which the mirror's build does not report again:
    told by the site's build in this process, or received from it in the worker (`coming`)."""

    def __init__(self) -> None:
        self.told: set[str] = set()
        self.coming: Callable[[], set[str]] | None = None

    def tell(self, reported: set[str]) -> None:
        self.told = reported

    def take(self) -> set[str]:
        """What the site reported, once (a later build of another site starts afresh)."""
        if self.coming is not None:
            self.told, self.coming = self.coming(), None
        taken, self.told = self.told, set()
        return taken


SITE_PROBLEMS = SiteProblems()


def mirror_config(mirror_file: Path, site: Site) -> MkDocsConfig:
    """The mirror's configuration, writing into `en/` of the site being built (which may be the
    temporary folder of `mkdocs serve`), strict when the site is."""
    config = load_config(str(mirror_file), site_dir=str(Path(site.site_dir) / FOLDER), strict=site.strict)
    if site.site_url:
        config.site_url = site.site_url.rstrip("/") + f"/{FOLDER}/"
    return config


def build_mirror(mirror_file: Path, site: Site, command: str, dirty: bool) -> None:
    """Build the mirror into the site's `en/` with MkDocs, its plugins started and shut down as
    MkDocs' own commands do; a failure (or a warning under `--strict`) fails the site's build."""
    config = mirror_config(mirror_file, site)
    config.plugins.on_startup(command=command, dirty=dirty)
    try:
        build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()


def can_fork() -> bool:
    """Whether a worker can be forked now: the platform forks, and no other thread runs (a copy
    made beside other threads may inherit a lock one of them holds, and hang on it)."""
    return hasattr(os, "fork") and threading.active_count() == 1


class MirrorWorker:
    """A forked process that builds the mirror each time the site's build asks (`start`), then
    learns what the site reported (`tell`); `wait` gives its outcome. Under `mkdocs serve` it
    keeps the mirror's last build in memory for the next; `served` runs in it once its first
    build is over. (A plain fork, not a `multiprocessing.Process`: the worker starts processes
    of its own, which a daemonic one may not, and a non-daemonic one would be waited for when
    the site's process exits.)"""

    def __init__(self, mirror_file: Path, command: str, dirty: bool, served: Callable[[], None]) -> None:
        self.connection, theirs = multiprocessing.Pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the worker
            status = 1
            try:
                _build_when_asked(theirs, self.connection, mirror_file, command, dirty, served)
                status = 0
            except BaseException:  # noqa: BLE001 - shown, then the worker ends (the site's build says so)
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
        theirs.close()
        self.builds = 0
        self.made_for = (mirror_file, command, dirty)

    def start(self, site: Site) -> None:
        self.builds += 1
        self.connection.send(("build", self.builds, site))

    def tell(self, reported: set[str]) -> None:
        self.connection.send(("reported", self.builds, reported))

    def wait(self) -> None:
        """Wait for the build started last; raise its failure."""
        while True:
            try:
                _, number, failure = self.connection.recv()
            except EOFError:
                raise PluginError("the English mirror's build stopped") from None
            if number == self.builds:  # an earlier build's, whose site build failed, is skipped
                break
        if failure is not None:
            raise failure

    def serves(self, mirror_file: Path, command: str, dirty: bool) -> bool:
        """Whether this worker builds that mirror for that command, and still runs."""
        return self.made_for == (mirror_file, command, dirty) and os.waitpid(self.pid, os.WNOHANG) == (0, 0)

    def stop(self) -> None:
        self.connection.close()  # the worker sees the end of its requests and ends
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:  # already waited for (`serves`)
            pass


def _build_when_asked(connection: Connection, sites_end: Connection, mirror_file: Path, command: str,
                      dirty: bool, served: Callable[[], None]) -> None:
    """The worker: build the mirror for each request, send back None or the failure; end when
    the site's process closes its end of the pipe (`sites_end`, closed here at once)."""
    sites_end.close()
    first = True
    while True:
        try:
            kind, number, site = connection.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if kind != "build":
            continue  # what the site reported for a build this worker did not get to
        SITE_PROBLEMS.coming = lambda number=number: _reported(connection, number)
        failure: BaseException | None = None
        try:
            build_mirror(mirror_file, site, command, dirty)
        except KeyboardInterrupt:
            return
        except BaseException as err:  # noqa: BLE001 - the site's build raises it
            failure = err
        try:
            connection.send(("built", number, _sendable(failure)))
        except OSError:  # the site's build is over (it failed, or was stopped)
            return
        if first and command == "serve":
            served()
            first = False


def _reported(connection: Connection, number: int) -> set[str]:
    """What the site reported in its build `number`, as it tells it."""
    while True:
        kind, told, reported = connection.recv()
        if kind == "reported" and told == number:
            return reported


def _sendable(failure: BaseException | None) -> Any:
    """The failure itself when it can be sent to the site's process, else a PluginError with its text."""
    try:
        pickle.dumps(failure)
    except Exception:  # noqa: BLE001 - anything that does not pickle
        return PluginError(f"{type(failure).__name__}: {failure}")
    return failure


def mirror_docs(mirror_file: Path) -> Path:
    """The mirror's own docs folder (its hand-written pages), to watch under `mkdocs serve`."""
    return Path(load_config(str(mirror_file)).docs_dir)
