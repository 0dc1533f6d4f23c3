"""What the plugin adds to a project's configuration: a mkdocs.yml that names only the theme,
`search` and `bayan` builds a complete site (theme overrides, stylesheet, search script, font)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_site_plugin import HOSTILE, build

from generator.site.theme import ASSETS, assets

MINIMAL = "site_name: بيان\ntheme: material\nplugins:\n  - search\n  - bayan\n"
STATEMENT = "---\ntitle: بيان وزاري\ndate: 2018-02-13\n---\nأكد وزير الخارجية أن الحل سياسي.\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("minimal")
    (root / "mkdocs.yml").write_text(MINIMAL, encoding="utf-8")
    (root / "docs").mkdir()  # MkDocs' default docs folder, empty
    statements = root / "content" / "statements"
    statements.mkdir(parents=True)
    (statements / "minister.md").write_text(STATEMENT, encoding="utf-8")
    (statements / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    result = build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_a_minimal_project_gets_every_asset_and_links_them(site):
    for src_uri in assets(Path("no-templates")):
        assert (site / src_uri).is_file(), src_uri
    html = page(site, "statements/minister/index.html")
    stylesheets = [link["href"] for link in html.find_all("link", rel="stylesheet")]
    scripts = [script.get("src", "") for script in html.find_all("script")]
    assert any(href.endswith("assets/css/bayan.css") for href in stylesheets)
    assert any(src.endswith("assets/js/bayan-search.js") for src in scripts)
    assert any(src.endswith("assets/js/bayan-quotes.js") for src in scripts)  # quotes open in place


def test_a_minimal_project_is_arabic_and_asks_no_outside_host(site):
    for path in ("index.html", "statements/minister/index.html", "speakers/index.html", "404.html"):
        text = (site / path).read_text(encoding="utf-8")
        root = BeautifulSoup(text, "html.parser").html
        assert (root["lang"], root["dir"]) == ("ar", "rtl"), path
        assert not re.search(r'(?:src|href)="(?:https?:)?//(?!squidfunk)', text), path  # the footer credit is a link, not a request
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_a_minimal_project_gets_the_theme_overrides(site):
    title = page(site, "statements/hostile/index.html").title.string
    assert "<script>" in title  # the statement's title as text: main.html escapes it again
    assert not page(site, "statements/hostile/index.html").find("script", string=re.compile("alert"))
    assert "الصفحة غير موجودة" in page(site, "404.html").get_text()


def test_the_projects_assets_replace_the_packages(tmp_path):
    own = tmp_path / "templates" / "assets" / "css" / "bayan.css"
    own.parent.mkdir(parents=True)
    own.write_text("body { color: teal; }\n", encoding="utf-8")
    found = assets(tmp_path / "templates")
    assert found["assets/css/bayan.css"] == own
    assert found["assets/js/bayan-search.js"] == ASSETS / "js" / "bayan-search.js"
