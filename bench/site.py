"""Build time and memory of Bayan sites of 100, 1,000 and 3,000 statements, against the floor.

Usage: python bench/site.py [SHARED_DIR] [--sizes 100,1000,3000] [--jobs auto]

For each size, the first N articles of SHARED_DIR/corpus/saudinewsnet-3000.jsonl are imported
into a temporary project (this repository's mkdocs.yml, templates and pages) and built:

- cold: no cache, analysis in `--jobs` processes;
- rebuild: nothing changed (the plugin's own time is read from its BAYAN_TIMING line);
- floor: MkDocs + Material alone building the very Markdown Bayan generated, written as plain
  files, with the same theme, extensions and navigation (no bayan plugin);
- light floor: MkDocs + Material building as many plain pages of about 2 KB of Arabic text
  (each statement's opening), with a navigation of one page: the least a site of N pages costs;
- edit: `mkdocs serve --dirty` (`make serve`) runs; a sentence is added to a statement, saved,
  and its page requested until it is served with the sentence (`EDITS` statements, the median);
- first query: the built site served on 127.0.0.1 and opened in headless Chromium with a cold
  cache, a query typed into the search box (bench/search.py): the bytes the search transferred
  and the time from the last key typed to the first result shown.

Prints wall time and peak memory (largest process of the build) of each, Bayan/floor, the
edit's seconds, and the first query's kilobytes and seconds.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.infra.page_cache import PageCache  # noqa: E402
from generator.read.importer import import_into  # noqa: E402
from generator.site.indexes import is_index_page  # noqa: E402
from generator.site.theme import ASSETS, SCRIPTS, STYLESHEET, THEME  # noqa: E402

# What the plugin gives the theme's templates (the search box counts its results).
FLOOR_HOOKS = """from functools import partial
from generator.lexicon.counts import forms

def on_env(env, config, files):
    env.globals["counted"] = partial(forms, language="ar")
    return env
"""
NOT_IN_NAV = "/statements/\n/*/*/\n/*/[0-9]*.md\n"  # what the plugin keeps out of the navigation
EDITS = 3  # statement edits timed while `mkdocs serve --dirty` runs


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in MiB (largest process of the build) and stderr of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{err[-2000:]}")
    return wall, usage.ru_maxrss // 1024, err


def project(root: Path, corpus: Path, size: int) -> Path:
    """A Bayan project with the first `size` articles of the corpus."""
    for config in ("mkdocs.yml", "mkdocs.en.yml"):  # the site and its English mirror
        shutil.copy(ROOT / config, root / config)
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "content" / "pages", root / "content" / "pages")
    subset = root / "subset.jsonl"
    with corpus.open(encoding="utf-8") as src, subset.open("w", encoding="utf-8") as out:
        for n, line in enumerate(src):
            if n >= size:
                break
            out.write(line)
    import_into(subset, root / "content" / "statements")
    return root


def floor_project(bayan: Path, root: Path) -> Path:
    """The Markdown Bayan generated, as plain pages of a plain MkDocs + Material project."""
    docs = root / "docs"
    shutil.copytree(bayan / "content" / "pages", docs)
    shutil.copytree(ASSETS, docs / "assets")
    for path, file in PageCache(bayan / ".cache" / "bayan").load(None)[0].items():
        markdown = file.read_text(encoding="utf-8")
        if is_index_page(path):  # as the plugin does: index pages stay out of search
            markdown = "---\nsearch:\n  exclude: true\n---\n" + markdown
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    text = (bayan / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\n  - bayan:\n(?:      .*\n)+", "\n", text)  # what the plugin adds, written out:
    text = text.replace("docs_dir: content/pages", "docs_dir: docs").replace(
        "  name: material\n", f"  name: material\n  custom_dir: {THEME}\n")
    text += f"\nextra_css: [{STYLESHEET}]\nextra_javascript: [{', '.join(SCRIPTS)}]\n"
    text += "\nnot_in_nav: |\n" + "".join(f"  {p}\n" for p in NOT_IN_NAV.split())
    (root / "floor_hooks.py").write_text(FLOOR_HOOKS, encoding="utf-8")
    text += "\nhooks: [floor_hooks.py]\n"
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    yaml.load(text, Loader=yaml.UnsafeLoader)  # the config must still be valid YAML
    return root


def edit_seconds(root: Path, env: dict[str, str], edits: int = EDITS) -> list[tuple[float, float]]:
    """Seconds from saving a statement with a sentence added, while `mkdocs serve --dirty` runs
    on the project, to its page being served with that sentence, and the CPU seconds the server
    spent meanwhile (the wall time of a machine with nothing else to do); one pair per edit."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    with (root / "serve.log").open("w", encoding="utf-8") as log:
        server = subprocess.Popen([mkdocs, "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=root, env=env,
                                  stdout=log, stderr=subprocess.STDOUT)
    try:
        home = f"http://127.0.0.1:{port}/"
        _served(home, lambda page: True, server, 3600, root / "serve.log")  # the first build, of the whole site
        statements = sorted((root / "content" / "statements").glob("*.md"))
        seconds = []
        for n in range(edits):
            statement = statements[len(statements) * (n + 1) // (edits + 1)]
            word = f"مراجعة{'أبجد'[n % 4]}{'هوز'[n % 3]}"  # a word no statement holds
            text = statement.read_text(encoding="utf-8")
            start, cpu = time.perf_counter(), _cpu_seconds(server.pid)
            statement.write_text(f"{text.rstrip()}\nوأضاف البيان {word} في ختامه.\n", encoding="utf-8")
            _served(f"{home}statements/{statement.stem}/", lambda page, word=word: word in page, server, 600,
                    root / "serve.log")
            seconds.append((time.perf_counter() - start, _cpu_seconds(server.pid) - cpu))
        return seconds
    finally:
        server.terminate()
        server.wait(timeout=60)


def _cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) a process has used so far (Linux: /proc), or NaN."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _served(url: str, ready: Callable[[str], bool], server: subprocess.Popen, timeout: float, log: Path) -> None:
    """Request `url` until its page is `ready` (the server answers once a build is over); the
    end of the server's `log` if it stops."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise SystemExit(f"mkdocs serve stopped ({server.returncode}):\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                if ready(response.read().decode("utf-8")):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} not served in {timeout} s")


def bayan_seconds(stderr: str) -> float:
    """The plugin's own time, both languages, from their BAYAN_TIMING lines."""
    found = re.findall(r"bayan: .*total ([0-9.]+) s", stderr)
    return sum(map(float, found)) if found else float("nan")


def first_query(site: Path) -> tuple[int, float]:
    """Bytes a reader's first query on the built `site` transfers and seconds from the last key
    typed to the first result shown (bench/search.py, loaded here: it loads this module)."""
    spec = importlib.util.spec_from_file_location("bench_search", ROOT / "bench" / "search.py")
    search = sys.modules["bench_search"] = importlib.util.module_from_spec(spec)  # for its dataclass
    spec.loader.exec_module(search)
    got = search.measure(site, search.QUERY)
    return got.search_bytes, got.after_typing


LIGHT_PAGE_BYTES = 2000  # the light floor's pages: plain Arabic text of about 2 KB each
LIGHT_CONFIG = """site_name: أرضية
theme:
  name: material
  language: ar
nav:
  - index.md
not_in_nav: |
  /p/
"""


def light_project(bayan: Path, root: Path) -> Path:
    """As many plain Arabic pages as Bayan's project has statements (each about 2 KB of one
    statement's text, no HTML, no front matter), in a plain MkDocs + Material project whose
    navigation lists one page: what MkDocs and the theme alone cost per page."""
    docs = root / "docs"
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("# أرضية\n", encoding="utf-8")
    for n, statement in enumerate(sorted((bayan / "content" / "statements").glob("*.md"))):
        body = statement.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        text = body.encode("utf-8")[:LIGHT_PAGE_BYTES].decode("utf-8", "ignore")
        (docs / "p" / f"{n}.md").write_text(f"# صفحة {n}\n\n{text}\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(LIGHT_CONFIG, encoding="utf-8")
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(ROOT.parent / "shared"), help="the shared/ folder")
    parser.add_argument("--sizes", default="100,1000,3000", help="statement counts (default 100,1000,3000)")
    parser.add_argument("--jobs", default="auto", help="analysis processes (default auto: the CPU count)")
    args = parser.parse_args(argv)
    corpus = Path(args.shared) / "corpus" / "saudinewsnet-3000.jsonl"
    mkdocs = [str(Path(sys.executable).with_name("mkdocs")), "build", "--quiet"]
    env = {**os.environ, "BAYAN_JOBS": args.jobs, "BAYAN_TIMING": "1", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CI", None)
    print(f"{'N':>5} | {'cold s':>7} {'MiB':>5} | {'rebuild s':>9} {'own s':>6} | {'floor s':>7} {'MiB':>5} |"
          f" {'cold/floor':>10} {'rebuild/floor':>13} | {'light s':>7} {'MiB':>5} | {'edit s':>6} |"
          f" {'query KB':>8} {'results s':>9}")
    results = {}
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix=f"bayan-bench-{size}-") as tmp:
            (Path(tmp) / "bayan").mkdir()
            bayan = project(Path(tmp) / "bayan", corpus, size)
            cold, cold_mib, cold_err = run(mkdocs, bayan, env)
            warm, warm_mib, warm_err = run(mkdocs, bayan, env)
            query_bytes, query_seconds = first_query(bayan / "site")
            (Path(tmp) / "floor").mkdir()
            floor = floor_project(bayan, Path(tmp) / "floor")
            base, base_mib, _ = run(mkdocs, floor, env)
            (Path(tmp) / "light").mkdir()
            light, light_mib, _ = run(mkdocs, light_project(bayan, Path(tmp) / "light"), env)
            edits = edit_seconds(bayan, env)
        own = bayan_seconds(warm_err)
        results[size] = cold
        print(f"{size:>5} | {cold:7.1f} {cold_mib:5d} | {warm:9.1f} {own:6.2f} | {base:7.1f} {base_mib:5d} |"
              f" {cold / base:10.2f} {warm / base:13.2f} | {light:7.1f} {light_mib:5d} |"
              f" {statistics.median(s for s, _ in edits):6.1f} |"
              f" {query_bytes / 1000:8.0f} {query_seconds:9.2f}", flush=True)
        print(f"      cold: {cold_err.strip().splitlines()[-1] if cold_err.strip() else ''}", flush=True)
        print(f"      edits: {', '.join(f'{s:.1f} s ({cpu:.1f} s CPU)' for s, cpu in edits)}", flush=True)
    if 1000 in results and 3000 in results:
        print(f"cold 3000/1000: {results[3000] / results[1000]:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
