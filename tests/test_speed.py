"""Fast builds: jobs, a progress bar only for a person at a terminal, and an unchanged project
that reuses its last build (while an edited statement is analysed again, alone)."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_project

from generator.infra.page_cache import PageCache, fingerprint, rewrite_once
from generator.problems import Problem
from generator.project import config_chain
from generator.infra.progress import Timer, jobs_from, progress, show_progress

STATEMENT = "---\ntitle: بيان {n}\ndate: 2018-0{m}-01\nsource: وكالة {s}\n---\nأكد الوزير أهمية التعاون رقم {n}.\n"


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_jobs_from_setting_environment_and_auto():
    assert jobs_from(2, {}) == 2
    assert jobs_from(1, {"BAYAN_JOBS": "3"}) == 3
    assert jobs_from("auto", {}) == (os.cpu_count() or 1)
    for bad in ("many", "0"):
        with pytest.raises(ValueError):
            jobs_from(bad, {})


def test_progress_only_on_a_terminal_outside_ci():
    assert show_progress(Tty(), {}) is True
    assert show_progress(Tty(), {"CI": "true"}) is False
    assert show_progress(io.StringIO(), {}) is False
    assert list(progress(range(3), 3, enabled=False)) == [0, 1, 2]


def test_timer_reports_steps():
    timer = Timer()
    timer.lap("render")
    assert timer.report().startswith("bayan: render ") and timer.report().endswith(" s")


def test_page_cache_is_keyed_by_the_fingerprint(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("x", encoding="utf-8")
    key = fingerprint([tmp_path / "content"])
    cache = PageCache(tmp_path / "cache")
    warning = Problem("warning", "bad-url", "a warning", line=3, path="content/statements/a.md")
    cache.save(key, {"index.md": "# x", "statements/a.md": "# أ"}, [warning], [])
    pages, problems, findings = cache.load(key)
    assert {uri: path.read_text(encoding="utf-8") for uri, path in pages.items()} == {
        "index.md": "# x", "statements/a.md": "# أ"}
    assert problems == [warning] and findings == []
    (tmp_path / "content" / "a.md").write_text("xy", encoding="utf-8")
    changed = fingerprint([tmp_path / "content"])
    assert changed != key and cache.load(changed) is None
    cache.save(changed, {"index.md": "# y"}, [], [])
    assert cache.load(key) is None and len(list((tmp_path / "cache").iterdir())) == 1  # the last build only


def test_an_incomplete_page_store_is_not_used(tmp_path):
    cache = PageCache(tmp_path / "cache")
    cache.save("k" * 64, {"index.md": "# x"}, [], [])
    (next((tmp_path / "cache").iterdir()) / ".contents.json").unlink()  # as if the build had stopped
    assert cache.load("k" * 64) is None


def test_a_file_seen_before_gets_the_stored_rewrite(tmp_path):
    calls = []

    def shout(path: Path) -> None:
        calls.append(path.read_text(encoding="utf-8"))
        path.write_text(path.read_text(encoding="utf-8").upper(), encoding="utf-8")

    index = tmp_path / "index.json"
    index.write_text("abc", encoding="utf-8")
    assert rewrite_once(index, tmp_path / "cache", "search-ar", shout) is False
    index.write_text("abc", encoding="utf-8")  # the next build writes the same file again
    assert rewrite_once(index, tmp_path / "cache", "search-ar", shout) is True
    assert index.read_text(encoding="utf-8") == "ABC" and calls == ["abc"]
    index.write_text("xyz", encoding="utf-8")
    assert rewrite_once(index, tmp_path / "cache", "search-ar", shout) is False
    assert index.read_text(encoding="utf-8") == "XYZ" and len(list((tmp_path / "cache").iterdir())) == 1


def build(root: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BAYAN_TIMING": "1", "BAYAN_JOBS": "2", **env}
    environment.pop("CI", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True,
                          text=True, timeout=180, env=environment)


def test_rebuilds_reuse_what_did_not_change(tmp_path):
    root = make_project(tmp_path)
    for n in range(6):
        (root / "content" / "statements" / f"s{n}.md").write_text(
            STATEMENT.format(n=n, m=1 + n % 2, s=n % 3), encoding="utf-8")
    first = build(root)
    assert first.returncode == 0, first.stderr
    assert "read and analyse 6 statements" in first.stderr
    assert "\r" not in first.stderr and "it/s" not in first.stderr  # no progress bar: stderr is no terminal
    search_index = (root / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    again = build(root)
    assert again.returncode == 0 and "unchanged, pages of the last build" in again.stderr
    assert "search keys of the last build" in again.stderr
    assert (root / "site" / "search" / "search_index.json").read_text(encoding="utf-8") == search_index
    assert "bayan_text" in search_index
    (root / "content" / "statements" / "s1.md").write_text(STATEMENT.format(n=9, m=2, s=1), encoding="utf-8")
    edited = build(root)
    assert edited.returncode == 0 and "read and analyse 6 statements" in edited.stderr
    html = (root / "site" / "statements" / "s1" / "index.html").read_text(encoding="utf-8")
    assert "بيان 9" in html
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"'):]
    assert "statements/s" not in nav.split("</nav>")[0]  # statements are linked, not in the sidebar


def test_the_mirror_is_fingerprinted_with_the_configuration_it_inherits(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: بيان\nplugins:\n  - bayan\n", encoding="utf-8")
    mirror = tmp_path / "mkdocs.en.yml"
    mirror.write_text("# the mirror\nINHERIT: mkdocs.yml  # all else from there\nsite_name: Bayan\n", encoding="utf-8")
    assert config_chain(mirror) == [mirror, tmp_path / "mkdocs.yml"]
    assert config_chain(tmp_path / "mkdocs.yml") == [tmp_path / "mkdocs.yml"]
    before = fingerprint([], config_chain(mirror))
    os.utime(tmp_path / "mkdocs.yml", ns=(0, 0))  # as if edited: summary_ratio, site_name …
    assert fingerprint([], config_chain(mirror)) != before
