"""Command line: `python -m generator analyze|check|eval|import …`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import SCHEMA
from .evaluate import evaluate
from .importer import import_into
from .pipeline import load_paths
from .sources import read_statements


def cmd_analyze(args: argparse.Namespace) -> int:
    """Print the analysis of the given statements as bayan/analysis@1 JSON."""
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"error: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    statements = load_paths(args.paths, Path.cwd())
    document = {"schema": SCHEMA, "statements": [s.to_dict() for s in statements]}
    json.dump(document, sys.stdout, ensure_ascii=False, indent=args.indent)
    sys.stdout.write("\n")
    failed = any(f.level == "error" for s in statements for f in s.findings)
    return 1 if failed else 0


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the content tree without building; exit 1 on errors."""
    _, problems = read_statements(args.content)
    for problem in problems:
        print(problem)
    errors = sum(p.level == "error" for p in problems)
    print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score the analysis against a folder of gold annotations."""
    if not args.gold_dir.is_dir():
        print(f"error: no such folder: {args.gold_dir}", file=sys.stderr)
        return 2
    evaluate(args.gold_dir, args.corpus, verbose=args.verbose)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import a corpus file or folder into statement files."""
    if not args.file.exists():
        print(f"error: no such file or folder: {args.file}", file=sys.stderr)
        return 2
    report = import_into(args.file, args.into, force=args.force)
    for path in report.skipped:
        print(f"{path}: exists, skipped (use --force to overwrite)", file=sys.stderr)
    print(f"{len(report.written)} statement(s) written to {args.into}, {len(report.skipped)} skipped")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m generator", description="Bayan: analyse Arabic statements.")
    commands = main.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="print the analysis of statements as JSON")
    analyze.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="statement files or folders")
    analyze.add_argument("--indent", type=int, default=2, help="JSON indentation (default 2)")
    analyze.set_defaults(run=cmd_analyze)
    check = commands.add_parser("check", help="validate content/ without building")
    check.add_argument("--content", type=Path, default=Path("content"), help="content folder (default content)")
    check.set_defaults(run=cmd_check)
    evaluation = commands.add_parser("eval", help="score the analysis against gold annotations")
    evaluation.add_argument("gold_dir", type=Path, metavar="GOLD_DIR", help="folder of *.gold.yml")
    evaluation.add_argument("--corpus", type=Path, help="JSON Lines corpus holding the texts gold files name by id")
    evaluation.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    evaluation.set_defaults(run=cmd_eval)
    importing = commands.add_parser("import", help="import a corpus (JSON Lines or a folder of .txt)")
    importing.add_argument("file", type=Path, metavar="FILE", help="JSON Lines file or folder of .txt files")
    importing.add_argument("--into", type=Path, default=Path("content/statements"),
                           help="folder to write statements into (default content/statements)")
    importing.add_argument("--force", action="store_true", help="overwrite existing statement files")
    importing.set_defaults(run=cmd_import)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
