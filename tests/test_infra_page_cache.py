"""infra/page_cache.py: the pages of the last build, kept under the fingerprint of what they depend on."""
from __future__ import annotations

import os

from generator.infra.page_cache import PageCache, fingerprint
from generator.problems import Problem
from generator.project import config_chain


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


def test_the_mirror_is_fingerprinted_with_the_configuration_it_inherits(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: بيان\nplugins:\n  - bayan\n", encoding="utf-8")
    mirror = tmp_path / "mkdocs.en.yml"
    mirror.write_text("# the mirror\nINHERIT: mkdocs.yml  # all else from there\nsite_name: Bayan\n", encoding="utf-8")
    assert config_chain(mirror) == [mirror, tmp_path / "mkdocs.yml"]
    assert config_chain(tmp_path / "mkdocs.yml") == [tmp_path / "mkdocs.yml"]
    before = fingerprint([], config_chain(mirror))
    os.utime(tmp_path / "mkdocs.yml", ns=(0, 0))  # as if edited: summary_ratio, site_name …
    assert fingerprint([], config_chain(mirror)) != before


def test_a_page_changed_in_the_store_is_not_used(tmp_path):
    cache = PageCache(tmp_path / "cache")
    cache.save("k" * 64, {"index.md": "# x", "statements/a.md": "# أ"}, [], [])
    pages, _, _ = cache.load("k" * 64)
    pages["statements/a.md"].write_text("garbage {{", encoding="utf-8")
    assert cache.load("k" * 64) is None
    pages["statements/a.md"].unlink()
    assert cache.load("k" * 64) is None


def test_a_page_that_did_not_change_keeps_its_file_and_time(tmp_path):
    cache = PageCache(tmp_path / "cache")
    first = cache.save("1" * 64, {"index.md": "# x", "statements/a.md": "# أ", "statements/b.md": "# ب"}, [], [])
    for path in first.values():
        os.utime(path, ns=(1, 1))  # older than anything written now
    second = cache.save("2" * 64, {"index.md": "# x", "statements/a.md": "# أ أ"}, [], [])
    assert second == {uri: first[uri] for uri in ("index.md", "statements/a.md")}
    assert second["index.md"].stat().st_mtime_ns == 1  # untouched: MkDocs' --dirty skips it
    assert second["statements/a.md"].stat().st_mtime_ns > 1  # rewritten: newer than its HTML
    assert second["statements/a.md"].read_text(encoding="utf-8") == "# أ أ"
    assert not first["statements/b.md"].exists()  # a page gone from the build leaves the store
    assert cache.load("2" * 64)[0] == second and cache.load("1" * 64) is None
    assert cache.load(None)[0] == second  # whatever was stored last


def test_kept_pages_keep_their_file_and_digest(tmp_path):
    cache = PageCache(tmp_path / "cache")
    cache.save("1" * 64, {"index.md": "# x", "statements/a.md": "# أ"}, [], [])
    files = cache.save("2" * 64, {"statements/a.md": None, "index.md": "# y"}, [], [])
    pages, _, _ = cache.load("2" * 64)
    assert pages == files and list(files) == ["statements/a.md", "index.md"]  # in the order given
    assert {uri: p.read_text(encoding="utf-8") for uri, p in pages.items()} == {"index.md": "# y", "statements/a.md": "# أ"}


def test_a_page_changed_in_the_store_is_written_again(tmp_path):
    cache = PageCache(tmp_path / "cache")
    files = cache.save("1" * 64, {"index.md": "# x"}, [], [])
    files["index.md"].write_text("garbage {{", encoding="utf-8")
    cache.save("1" * 64, {"index.md": "# x"}, [], [])  # the same page again: its file is checked
    assert files["index.md"].read_text(encoding="utf-8") == "# x" and cache.load("1" * 64) is not None


def test_the_store_of_an_older_bayan_goes(tmp_path):
    (tmp_path / "cache" / ("pages-ar-" + "0" * 32)).mkdir(parents=True)
    (tmp_path / "cache" / ("pages-ar-" + "1" * 32)).write_text("x", encoding="utf-8")
    PageCache(tmp_path / "cache").save("1" * 64, {"index.md": "# x"}, [], [])
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["pages-ar"]
