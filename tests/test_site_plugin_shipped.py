"""`mkdocs build --strict` of the shipped content: the seed statement's page as a reader sees it."""
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SEED_PAGE = "statements/2018-02-13-coalition-ministerial/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return out


def test_seed_page_is_arabic_rtl_with_claims_and_english(site):
    soup = BeautifulSoup((site / SEED_PAGE).read_text(encoding="utf-8"), "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    table = soup.article.find("table")
    assert table.find("th") is not None
    assert len(table.find("tbody").find_all("tr")) == 11
    first = soup.find(id="s1").find(class_="bayan-en")
    assert (first["lang"], first["dir"]) == ("en", "ltr")
    assert first.get_text().startswith("The foreign ministers of the Global Coalition")
    assert not soup.find(class_="bayan-pending")
    assert len(soup.article.find("ol", class_="bayan-pillars").find_all("li")) == 4


def test_home_page_lists_the_seed_with_its_summary(site):
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.article.find("a", href="statements/2018-02-13-coalition-ministerial/")
    assert link is not None and "داعش" in link.get_text()
    assert "هزيمة ذلك التنظيم" in soup.article.get_text()
