"""The English mirror built by the Arabic site's own build: `mkdocs serve` serves both languages
and rebuilds both when a statement changes, `mkdocs gh-deploy` publishes both, and a warning in
the mirror fails a strict build."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import make_project
from test_site_plugin import ENV, build

STATEMENT = "---\ntitle: بيان وزاري\ntitle_en: Ministerial statement\n---\nأكد وزير الخارجية أن الحل سياسي.\n"


def project(root: Path) -> Path:
    make_project(root)
    (root / "content" / "statements" / "minister.md").write_text(STATEMENT, encoding="utf-8")
    return root


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


@contextmanager
def serving(root: Path) -> Iterator[str]:
    """`mkdocs serve` of the project on a free port; yields its base URL."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
                              env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_serves_both_languages_and_rebuilds_them_when_a_statement_changes(tmp_path):
    root = project(tmp_path)
    with serving(root) as url:
        english = f"{url}en/statements/minister/"
        assert wait_for(lambda: fetch(english) is not None), "the English page was never served"
        arabic = BeautifulSoup(fetch(f"{url}statements/minister/"), "html.parser")
        switch = {a["hreflang"]: a["href"] for a in arabic.select("a.md-select__link")}
        twin = BeautifulSoup(fetch(urllib.parse.urljoin(f"{url}statements/minister/", switch["en"])), "html.parser")
        assert twin.html["lang"] == "en" and "Ministerial statement" in twin.title.string
        statement = root / "content" / "statements" / "minister.md"
        statement.write_text(STATEMENT.replace("Ministerial statement", "Revised statement"), encoding="utf-8")
        assert wait_for(lambda: "Revised statement" in (fetch(english) or "")), "the English page was not rebuilt"


def test_gh_deploy_publishes_both_languages(tmp_path):
    (tmp_path / "project").mkdir()
    root = project(tmp_path / "project")
    remote = tmp_path / "remote.git"
    git = ["git", "-c", "user.name=Bayan", "-c", "user.email=bayan@example.org"]
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "remote", "add", "origin", str(remote)], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "start"], cwd=root, check=True)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "gh-deploy", "--strict", "--no-history"], cwd=root,
                            env={**ENV, "GIT_AUTHOR_NAME": "Bayan", "GIT_AUTHOR_EMAIL": "bayan@example.org",
                                 "GIT_COMMITTER_NAME": "Bayan", "GIT_COMMITTER_EMAIL": "bayan@example.org"},
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    published = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=remote,
                               capture_output=True, text=True, check=True).stdout.split()
    assert "statements/minister/index.html" in published
    assert "en/statements/minister/index.html" in published
    assert "pagefind/pagefind-entry.json" in published and "en/pagefind/pagefind-entry.json" in published


def test_a_warning_in_the_mirror_fails_a_strict_build(tmp_path):
    root = project(tmp_path)
    (root / "content" / "pages" / "en" / "broken.md").write_text("[a link](nowhere.md)\n", encoding="utf-8")
    result = build(root, "--strict")
    assert result.returncode != 0
    assert "nowhere.md" in result.stderr


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.en.yml"])
def test_the_mirror_does_not_build_a_mirror_of_itself(tmp_path, config):
    root = project(tmp_path)
    result = build(root, "-f", config)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert not (site / "en" / "en").exists()
    assert (site / "en" / "statements" / "minister" / "index.html").is_file()
