"""ROUGE of Bayan's extractive summaries on EASC (153 articles × 5 human summaries).

Usage: python bench/easc.py [SHARED_DIR | EASC_JSONL] [--scorer PATH]

Summarises every article as the site does (`summarize_jsonl`, default settings), writes the
summaries to a temporary file, prints the ROUGE-1/2 lines of the shared scorer and sets our
ROUGE-2 F beside the published ones.
SHARED_DIR (default: ../shared beside the repository) holds corpus/easc/easc_full.jsonl and
tools/easc_rouge.py.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.evaluation.summaries import summarize_jsonl  # noqa: E402

# ROUGE-2 F × 100 against EASC's gold "All" (El-Haj 2012, PhD thesis, table 6.8; no stemming).
PUBLISHED = {"first sentence": 26.78, "Sakhr": 43.32, "Gen-Summ": 44.68, "LSA-Summ": 44.73}


def comparison(scorer_output: str) -> str:
    """Our ROUGE-2 F (F of the mean R and P, as published) among the published ones, best first."""
    match = re.search(r"^ROUGE-2 .*?F=([0-9.]+)", scorer_output, re.MULTILINE)
    if not match:
        return "no ROUGE-2 line in the scorer's output"
    rows = {**PUBLISHED, "Bayan (this run)": 100 * float(match.group(1))}
    width = max(map(len, rows))
    lines = [f"  {name:<{width}}  {f:5.2f}" for name, f in sorted(rows.items(), key=lambda r: -r[1])]
    return "\n".join(["ROUGE-2 F on EASC:", *lines])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(ROOT.parent / "shared"),
                        help="shared/ folder or the EASC JSONL file")
    parser.add_argument("--scorer", help="easc_rouge.py (default: SHARED_DIR/tools/easc_rouge.py)")
    args = parser.parse_args(argv)
    path = Path(args.path)
    shared = path if path.is_dir() else path.parent.parent.parent
    corpus = path / "corpus" / "easc" / "easc_full.jsonl" if path.is_dir() else path
    scorer = Path(args.scorer) if args.scorer else shared / "tools" / "easc_rouge.py"
    for needed in (corpus, scorer):
        if not needed.is_file():
            parser.error(f"{needed} not found")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "summaries.jsonl"
        count, problems = summarize_jsonl(corpus, out)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"summarised {count} articles with the default settings, as the site does")
        result = subprocess.run([sys.executable, str(scorer), str(corpus), str(out)],
                                capture_output=True, text=True)
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    if result.returncode == 0:
        print(comparison(result.stdout))
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
