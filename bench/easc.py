"""ROUGE of Bayan's extractive summaries on EASC (153 articles × 5 human summaries).

Usage: python bench/easc.py [SHARED_DIR | EASC_JSONL] [--scorer PATH]

Summarises every article with the default settings of `summarize_jsonl`, writes the
summaries to a temporary file and prints the ROUGE-1/2 lines of the shared scorer.
SHARED_DIR (default: ../shared beside the repository) holds corpus/easc/easc_full.jsonl and
tools/easc_rouge.py.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analysis.summary import summarize_jsonl  # noqa: E402


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
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "summaries.jsonl"
        count = summarize_jsonl(corpus, out)
        print(f"summarised {count} articles with the default settings")
        result = subprocess.run([sys.executable, str(scorer), str(corpus), str(out)],
                                capture_output=True, text=True)
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
