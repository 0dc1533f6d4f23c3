"""Hostile and broken input, end to end: build a project from tests/hostile/ and count failures.

Usage: python bench/hostile.py [--keep DIR]

The project gets the real mkdocs.yml and mkdocs.en.yml (the English mirror), templates and
the files of tests/hostile/statements/ (bayan `max_bytes: 32768`, no cache); this script then
runs `python -m generator check`, two lax builds (different hash seeds) and a strict build that
must fail, and counts:

- crashes: a traceback, or an exit status other than the documented ones;
- files handled otherwise than tests/hostile/expected.yml says (reported codes, page or not);
- injected elements: parsing every built page and search entry, anything the text put there
  (an element or attribute the templates never produce — learnt from a build of the benign
  statements in tests/hostile/baseline/, and of one whose template is unknown (its error page) —, an event handler, a non-http(s) URL, an active
  element (script, iframe, img …) in the content, a markup element made of a payload token,
  a second <h1>, markup inside <title>);
- bytes changed in content/ and templates/, and files written outside the site;
- whether the two builds are byte-identical and the failed strict build kept the last site.

Exit status 1 when any count is off.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "hostile"
TOKEN = "bayanpwn"  # every payload carries it where markup would start
MAX_BYTES = 32768
CONFIGS = ("mkdocs.yml", "mkdocs.en.yml")  # the Arabic site and its English mirror in site/en
BUILD = ("build",)  # mkdocs.yml, which builds its mirror into en/
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<level>error|warning): (?P<code>[\w/-]+): ")
STRUCTURE = {"h1", "h2", "h3", "h4", "h5", "h6", "table", "th", "td", "a", "img", "strong", "em", "b", "i",
             "code", "pre", "del", "sup", "abbr", "li", "blockquote", "div", "script", "style", "iframe"}
# Syntax characters of the payloads: text that still shows them was escaped, not turned into markup.
SYNTAX = re.compile(r"[*_`|#\[\]<>{}!~]")
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href", "background"}
# Elements that run code, load things or change the document: never inside the page's content.
ACTIVE = {"script", "style", "iframe", "frame", "object", "embed", "applet", "base", "meta", "link", "form",
          "input", "button", "textarea", "select", "svg", "math", "template", "noscript", "img", "video", "audio"}


@dataclass
class Report:
    fixtures: int = 0
    crashes: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    injected: list[str] = field(default_factory=list)
    pages: int = 0
    search_entries: int = 0
    changed: list[str] = field(default_factory=list)
    identical: bool = False
    site_files: int = 0
    kept_last_site: bool = False

    @property
    def ok(self) -> bool:
        return not (self.crashes or self.unexpected or self.injected or self.changed) and self.identical \
            and self.kept_last_site

    def lines(self) -> list[str]:
        handled = self.fixtures - len(self.unexpected)
        return [
            f"hostile fixtures: {self.fixtures}",
            f"crashes: {len(self.crashes)}",
            f"handled as expected: {handled}/{self.fixtures}",
            f"injected elements: {len(self.injected)} (in {self.pages} HTML pages and "
            f"{self.search_entries} search entries)",
            f"bytes changed in content/ and templates/, files written outside site/: {len(self.changed)}",
            f"double build byte-identical: {'yes' if self.identical else 'NO'} ({self.site_files} files)",
            f"failed strict build kept the last good site: {'yes' if self.kept_last_site else 'NO'}",
            *[f"  crash: {c}" for c in self.crashes],
            *[f"  unexpected: {u}" for u in self.unexpected],
            *[f"  injected: {i}" for i in self.injected],
            *[f"  changed: {c}" for c in self.changed],
        ]


def make_project(root: Path, statements: Path) -> Path:
    """A Bayan project: the real mkdocs.yml and mkdocs.en.yml (size limit, no cache), templates
    and pages."""
    root.mkdir()
    for name in CONFIGS:
        config = (ROOT / name).read_text(encoding="utf-8")
        anchor = "  - bayan:\n"
        if anchor not in config:
            raise SystemExit(f"{name} has no line {anchor.strip()!r}")
        extra = f"{anchor}      max_bytes: {MAX_BYTES}\n      cache_dir: ''\n"
        (root / name).write_text(config.replace(anchor, extra), encoding="utf-8")
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "content" / "pages", root / "content" / "pages")
    shutil.copytree(statements, root / "content" / "statements", symlinks=True)
    return root


def run(root: Path, *args: str, seed: str = "0") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": seed, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=root, env=env,
                          capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=600)


def tree(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Relative path → sha256 of every file under `folder` (links by their target path)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if rel.split("/")[0] in skip or rel.startswith(".site."):
            continue
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def signatures(site: Path) -> set[tuple]:
    """Every (tag, attribute names, classes) the templates and the theme produce in a site."""
    found = set()
    for html in site.rglob("*.html"):
        for el in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find_all(True):
            found.add(signature(el))
    return found


def signature(el: Tag) -> tuple:
    return el.name, tuple(sorted(el.attrs)), tuple(sorted(el.get("class") or ()))


def made_from_text(el: Tag) -> bool:
    """An element whose text is a payload with its markup syntax consumed (`**bayanpwn-b**` → <strong>)."""
    text = el.get_text().strip()
    return text.startswith(TOKEN) and not SYNTAX.search(text)


def page_injections(html: str, where: str, allowed: set[tuple]) -> list[str]:
    """What in a built page did not come from the templates or the theme."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    if soup.title and soup.title.find(True):
        found.append(f"{where}: markup inside <title>")
    article = soup.find("article")
    if article and len(article.find_all("h1")) > 1:
        found.append(f"{where}: {len(article.find_all('h1'))} <h1> in the article")
    content = soup.find(class_="md-content") or soup
    found += [f"{where}: <{el.name}> in the content" for el in content.find_all(ACTIVE)
              if not (el.name == "svg" and "bayan-chart" in (el.get("class") or ()))]  # charts.py's own
    for el in soup.find_all(True):
        label = f"{where}: <{el.name} {' '.join(el.attrs)}>"
        if el.name in ("script", "style") and TOKEN in el.get_text():
            found.append(f"{label}: payload in a {el.name}")
        if signature(el) not in allowed:
            found.append(f"{label} is not produced by the templates")
        for name, value in el.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on"):
                found.append(f"{label}: event handler {name}")
            if name in URL_ATTRS and urlsplit(value.strip()).scheme.lower() not in ("", "http", "https"):
                found.append(f"{label}: {name}={value!r}")
            if TOKEN in value and name != "id" and not (name == "href" and value.startswith("#")):
                found.append(f"{label}: payload in {name}={value!r}")
        if el.name in STRUCTURE and made_from_text(el):
            found.append(f"{label}: markup made from the text {el.get_text().strip()[:40]!r}")
    return found


def search_injections(folder: Path) -> tuple[list[str], int]:
    """Markup in the search records of a Pagefind bundle (`pagefind/`), and how many there are.
    A record's title and excerpt are the text as written and shown as text; its content holds
    only search keys, words without markup."""
    found, records = [], 0
    for path in sorted((folder / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        records += 1
        if "<" in record["content"] or ">" in record["content"]:
            found.append(f"search {record['url']}: markup in the search keys")
    return found, records


def expected_outcome(report: Report, check_output: str, site: Path) -> None:
    """Compare what check reported and which pages were built with tests/hostile/expected.yml."""
    expected = yaml.safe_load((CORPUS / "expected.yml").read_text(encoding="utf-8"))
    files = sorted(p.name for p in (CORPUS / "statements").iterdir())
    report.fixtures = len(files)
    reported: dict[str, set[tuple[str, str]]] = {}  # file name → (level, code)
    for line in check_output.splitlines():
        match = LINE.match(line)
        if not match:
            report.unexpected.append(f"check printed a line without path:line: level: code: {line[:80]!r}")
            continue
        reported.setdefault(Path(match["path"]).name, set()).add((match["level"], match["code"]))
    for name in files:
        want = expected.get(name)
        if want is None:
            report.unexpected.append(f"{name}: not in expected.yml")
            continue
        got = reported.get(name, set())
        missing = set(want["report"]) - {code for _, code in got}
        if missing:
            report.unexpected.append(f"{name}: check did not report {sorted(missing)} (got {sorted(got)})")
        if want.get("page") is True and any(level == "error" for level, _ in got):
            report.unexpected.append(f"{name}: an error reported for a statement that builds: {sorted(got)}")
        if "page" in want:
            page = site / "statements" / Path(name).stem / "index.html"
            shown = "error" if page.is_file() and 'role="alert"' in page.read_text(encoding="utf-8") else page.is_file()
            if shown != want["page"]:
                report.unexpected.append(f"{name}: page {'shows its error' if shown == 'error' else 'built' if shown else 'missing'}")


def crashed(report: Report, what: str, result: subprocess.CompletedProcess, ok: tuple[int, ...]) -> None:
    if "Traceback" in result.stderr or "Traceback" in result.stdout or result.returncode not in ok:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        report.crashes.append(f"{what}: exit {result.returncode}: {' | '.join(tail)}")


def evaluate(workdir: Path) -> Report:
    """Build the hostile project in `workdir` and count everything that went wrong."""
    report = Report()
    baseline = make_project(workdir / "baseline", CORPUS / "baseline")
    base = run(baseline, *BUILD, "--strict")
    crashed(report, "baseline build", base, (0,))
    allowed = signatures(baseline / "site")
    # A page whose template fails shows its error in its place: Bayan's markup too.
    (baseline / "content" / "statements" / "unknown-template.md").write_text(
        "---\ntitle: بيان\ntemplate: nosuch\n---\nنص عربي.\n", encoding="utf-8")
    crashed(report, "baseline build with an error page", run(baseline, *BUILD), (0,))
    allowed |= signatures(baseline / "site")

    project = make_project(workdir / "hostile", CORPUS / "statements")
    before = tree(project, skip=("site",))
    check = run(project, "check")
    crashed(report, "check", check, (1,))
    first = run(project, *BUILD, seed="1")
    crashed(report, "first build", first, (0,))
    site = project / "site"
    built = tree(site)
    second = run(project, *BUILD, seed="2")
    crashed(report, "second build", second, (0,))
    again = tree(site)
    report.identical = bool(built) and built == again
    report.site_files = len(again)
    strict = run(project, *BUILD, "--strict", seed="3")
    crashed(report, "strict build", strict, (1,))
    report.kept_last_site = tree(site) == again
    after = tree(project, skip=("site",))
    report.changed = [p for p in sorted(before.keys() | after.keys()) if before.get(p) != after.get(p)]

    expected_outcome(report, check.stdout, site)
    for html in sorted(site.rglob("*.html")):
        report.pages += 1
        rel = html.relative_to(site).as_posix()
        report.injected += page_injections(html.read_text(encoding="utf-8"), rel, allowed)
    for index in sorted(site.rglob("pagefind-entry.json")):  # the Arabic site's and the mirror's
        found, entries = search_injections(index.parent)
        report.injected += found
        report.search_entries += entries
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build in this (new) folder and keep it for inspection")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True)
        report = evaluate(args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="bayan-hostile-") as tmp:
            report = evaluate(Path(tmp))
    print("\n".join(report.lines()))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
