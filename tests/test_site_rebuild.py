"""site/rebuild.py: `mkdocs serve --dirty` builds only what changed, and the site it leaves is
the site a full build makes."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import make_project
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.site.rebuild import Builds, LastBuild, carry_over, remove_gone

STATEMENT = "---\ntitle: {title}\ndate: 2018-0{m}-01\nsource: وكالة {s}\n---\nأكد الوزير خالد أن التعاون رقم {n} مهم.\n"
SERVED = "http://127.0.0.1:8000/"


def write(root: Path, n: int, title: str | None = None) -> None:
    (root / "content" / "statements" / f"s{n}.md").write_text(
        STATEMENT.format(title=title or f"بيان {n}", m=1 + n % 2, s=n % 3, n=n), encoding="utf-8")


def test_carry_over_takes_the_pages_built_and_keeps_the_others():
    last = {"": ["home"], "statements/a/": ["a"], "statements/b/": ["b"], "statements/gone/": ["gone"]}
    fresh = {"statements/a/": ["a2"], "statements/new/": ["new"]}
    built = {"statements/a/", "statements/new/", "archive/"}
    order = ["", "statements/a/", "statements/b/", "archive/", "statements/new/"]
    assert carry_over(last, fresh, built, order) == {
        "": ["home"], "statements/a/": ["a2"], "statements/b/": ["b"], "statements/new/": ["new"]}
    assert list(carry_over(last, {"x/": ["x"]}, {"x/"}, [""])) == ["", "x/"]  # built, not listed: last


def test_a_changed_stamp_empties_the_site_folder(tmp_path):
    (tmp_path / "statements" / "a").mkdir(parents=True)
    (tmp_path / "statements" / "a" / "index.html").write_text("a", encoding="utf-8")
    (tmp_path / ".keep").write_text("", encoding="utf-8")
    builds = Builds()
    assert builds.start(str(tmp_path), "one") is None  # nothing known of this folder: built anew
    assert [p.name for p in tmp_path.iterdir()] == [".keep"]
    builds.finish(str(tmp_path), LastBuild("one"))
    assert builds.start(str(tmp_path), "one") == LastBuild("one")
    (tmp_path / "x.html").write_text("x", encoding="utf-8")
    builds.finish(str(tmp_path), LastBuild("one"))
    assert builds.start(str(tmp_path), "two") is None and not (tmp_path / "x.html").exists()
    assert builds.start(str(tmp_path), "two") is None  # a build that did not finish is forgotten


def test_the_html_of_a_page_gone_is_removed(tmp_path):
    page = tmp_path / "statements" / "gone" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("x", encoding="utf-8")
    last = LastBuild("s", {"statements/gone.md": str(page), "index.md": str(tmp_path / "index.html")})
    assert remove_gone(last, ["index.md"]) == ["statements/gone.md"]
    assert not page.parent.exists() and (tmp_path / "statements").is_dir()


@contextmanager
def served(root: Path, site: Path) -> Iterator[object]:
    """Builds as `mkdocs serve --dirty` makes them: one process, plugins started once, a fresh
    configuration for each build of the same site folder."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)

    def rebuild() -> None:
        fresh = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        fresh.site_url = SERVED
        build(fresh, serve_url=SERVED, dirty=True)

    try:
        yield rebuild
    finally:  # the plugins are shared by every configuration of this process: as a build's again
        config.plugins.on_startup(command="build", dirty=False)


def html_files(site: Path) -> dict[str, Path]:
    """The HTML pages of a site, not looking into hidden folders: the search index written in
    the background stages there, and its folder may go while it is walked."""
    found = {}
    for folder, subfolders, names in os.walk(site):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found.update({str(Path(folder, name).relative_to(site)): Path(folder, name) for name in names if name.endswith(".html")})
    return found


def search_index(site: Path) -> dict[str, bytes]:
    """The files of a site's Pagefind index."""
    folder = site / "pagefind"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def same_search_index(site: Path, full: Path, timeout: float = 120) -> bool:
    """Whether the search index of `site` becomes that of `full` (a --dirty rebuild writes it
    in the background, while the pages are served)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if search_index(site) == search_index(full):
                return True
        except FileNotFoundError:
            pass  # the new index was being swapped in
        time.sleep(0.2)
    return False


# A full build as `mkdocs serve` makes its first one (the served URL in every page), in a
# process of its own: nothing is kept from another build.
FULL_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
config.plugins.on_startup(command="serve", dirty=False)
config.site_url = sys.argv[2]
build(config, serve_url=sys.argv[2])
"""


def full_build(root: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", FULL_BUILD, str(site), SERVED], cwd=root, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr


def test_a_dirty_rebuild_builds_what_changed_and_leaves_the_site_of_a_full_build(tmp_path, caplog):
    (tmp_path / "project").mkdir()
    root = make_project(tmp_path / "project")
    for n in range(5):
        write(root, n)
    site = tmp_path / "served"
    with served(root, site) as rebuild:
        rebuild()
        built = time.time_ns()  # not older than any page's stored Markdown: MkDocs skips a page unless it changes
        for path in html_files(site).values():
            os.utime(path, ns=(built, built))
        write(root, 1, title="بيان معدل العنوان")
        (root / "content" / "statements" / "s3.md").unlink()
        rebuild()
        rebuilt = {name for name, path in html_files(site).items() if path.stat().st_mtime_ns != built}
        assert "statements/s1/index.html" in rebuilt and "en/statements/s1/index.html" in rebuilt
        assert "archive/2018-02/index.html" in rebuilt
        assert "statements/s0/index.html" not in rebuilt and "en/statements/s0/index.html" not in rebuilt
        assert "بيان معدل العنوان" in (site / "archive" / "2018-02" / "index.html").read_text(encoding="utf-8")
        assert not (site / "statements" / "s3").exists() and not (site / "en" / "statements" / "s3").exists()
        page = (site / "statements" / "s1" / "index.html").read_text(encoding="utf-8")
        assert "بيان معدل العنوان" in page and "الأرشيف حسب الشهر" in page  # the navigation has its titles
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING]  # nor MkDocs' --dirty warning
        full_build(root, tmp_path / "full")
        full = html_files(tmp_path / "full")
        assert set(html_files(site)) == set(full)
        for name, path in html_files(site).items():  # every page as a full build makes it
            assert path.read_text(encoding="utf-8") == full[name].read_text(encoding="utf-8"), name
        for sitemap in ("sitemap.xml", "en/sitemap.xml"):
            assert (site / sitemap).read_text(encoding="utf-8") == (tmp_path / "full" / sitemap).read_text(encoding="utf-8")
        assert not any("statements/s3" in path.read_text(encoding="utf-8") for path in html_files(site).values())
        assert same_search_index(site, tmp_path / "full")
        assert same_search_index(site / "en", tmp_path / "full" / "en")
        mkdocs_yml = root / "mkdocs.yml"
        mkdocs_yml.write_text(mkdocs_yml.read_text(encoding="utf-8").replace("site_name: بيان", "site_name: بيان التجربة"),
                              encoding="utf-8")
        rebuild()  # the configuration changed: every page is built again
        assert "بيان التجربة" in (site / "statements" / "s0" / "index.html").read_text(encoding="utf-8")
        assert all(path.stat().st_mtime_ns != built for path in html_files(site).values())
