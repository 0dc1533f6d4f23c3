"""Command line: `python -m generator analyze|build|check|eval|import|new|new-template …`."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from . import SCHEMA
from .analysis import Settings
from .analysis.summary import RATIO
from .site.build import BuildError, build
from .evaluation.gold import evaluate
from .read.importer import ImportFormatError, import_into
from .model import Finding, Statement
from .pipeline import load_content, load_paths
from .site.render import render_pages
from .read.scaffold import ScaffoldError, copy_template, new_statement
from .read.sources import MAX_BYTES
from .evaluation.summaries import summarize_jsonl


def cmd_analyze(args: argparse.Namespace) -> int:
    """Print the analysis of the given statements as bayan/analysis@1 JSON."""
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"error: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    statements = load_paths(args.paths, Path.cwd(), Settings.given(args.summary_ratio))
    document = {"schema": SCHEMA, "statements": [s.to_dict() for s in statements]}
    json.dump(document, sys.stdout, ensure_ascii=False, indent=args.indent)
    sys.stdout.write("\n")
    failed = any(f.level == "error" for s in statements for f in s.findings)
    return 1 if failed else 0


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site into a fresh folder and swap it in only when the build succeeds."""
    try:
        return build(args.config_file or [Path("mkdocs.yml")], strict=args.strict)
    except (BuildError, ConfigurationError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the content and render every page through its template, without building.

    Prints reading problems, the analysis findings an editor should see (warnings and errors)
    and template problems, each as `path:line: level: code: message`. Exit 1 on errors.
    """
    site, config_error = _site_config(args.config_file)
    max_bytes = args.max_bytes if args.max_bytes is not None else _plugin_option(site, "max_bytes", MAX_BYTES)
    statements, problems = load_content(args.content, max_bytes=max_bytes,
                                        settings=Settings.given(_plugin_option(site, "summary_ratio", None)))
    reported = {str(p) for p in problems}  # reading warnings also sit among the findings
    found = [(p.level, str(p)) for p in problems]
    found += [(f.level, f.message if f.code == "analysis-failed" else finding_line(s, f))
              for s in statements for f in s.findings
              if f.level in ("warning", "error") and f.message not in reported]
    found += [("error", config_error)] if config_error else []
    crashed = {s.path for s in statements for f in s.findings if f.code == "analysis-failed"}
    good = [s for s in statements if s.path not in crashed]
    for language in ("ar", "en"):  # the Arabic pages and their English mirror
        rendered = render_pages(good, site, args.templates, args.content.parent, language)
        found += [("error", str(p)) for p in rendered.problems]
    found = list(dict.fromkeys(found))  # a problem shared by both languages is reported once
    for _, line in found:
        print(line)
    errors = sum(level == "error" for level, _ in found)
    print(f"{errors} error(s), {len(found) - errors} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def cmd_render(args: argparse.Namespace) -> int:
    """Write the Markdown pages the site would get into a folder, for inspection.

    The pages land as `OUT/<docs path>` (statements/…, indexes, index.md); reading and template
    problems are printed as `path:line: …`. Never writes inside the content folder."""
    out, content = args.out.resolve(), args.content.resolve()
    if out == content or content in out.parents:
        print(f"error: {args.out} is inside the content folder {args.content}: Bayan never writes there",
              file=sys.stderr)
        return 2
    site, config_error = _site_config(args.config_file)
    statements, problems = load_content(args.content, max_bytes=_plugin_option(site, "max_bytes", MAX_BYTES),
                                        settings=Settings.given(_plugin_option(site, "summary_ratio", None)))
    rendered = render_pages(statements, site, args.templates, args.content.parent, args.language)
    for path, markdown in rendered.pages.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    messages = [config_error] if config_error else []
    messages += [str(p) for p in problems] + [str(p) for p in rendered.problems]
    for message in messages:
        print(message)
    print(f"{len(rendered.pages)} page(s) written to {args.out}", file=sys.stderr)
    return 1 if rendered.problems or config_error or any(p.level == "error" for p in problems) else 0


def finding_line(statement: Statement, finding: Finding) -> str:
    """A finding as `path:line: level: code: message (sentence n)`, in the file it concerns (the
    sidecar's line, or the statement's); a message that starts with that place does not repeat it."""
    where = f"{finding.path or statement.path}:{finding.line or 1}"
    sentence = f" (sentence {finding.sentence})" if finding.sentence else ""
    return f"{where}: {finding.level}: {finding.code}: {finding.message.removeprefix(where + ': ')}{sentence}"


def _plugin_option(site: Mapping[str, Any], name: str, default: Any) -> Any:
    """An option of the bayan plugin in mkdocs.yml, or `default`."""
    plugin = (site.get("plugins") or {}).get("bayan")
    return getattr(getattr(plugin, "config", None), name, default)


def share(text: str) -> float:
    """An argparse type: a share of the words, more than 0 and at most 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a number") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not a share of the words (more than 0, at most 1)")
    return value


def _site_config(path: Path) -> tuple[Mapping[str, Any], str | None]:
    """The MkDocs configuration templates receive as `site`, and an error reading it, if any."""
    if not path.is_file():
        return {"site_name": "", "extra": {}}, None
    try:
        return load_config(str(path)), None
    except (ConfigurationError, OSError) as err:
        return {"site_name": "", "extra": {}}, f"{path}:1: error: config: {err}"


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
    try:
        report = import_into(args.file, args.into, force=args.force)
    except ImportFormatError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for path in report.skipped:
        print(f"{path}: exists, skipped (use --force to overwrite)", file=sys.stderr)
    print(f"{len(report.written)} statement(s) written to {args.into}, {len(report.skipped)} skipped")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Create a statement file with its front matter and an empty English sidecar."""
    try:
        statement, sidecar = new_statement(args.content, args.title, args.date, source=args.source,
                                           title_en=args.title_en, url=args.url, template=args.template)
    except ScaffoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"{statement}: written; replace its placeholder line with the Arabic text")
    print(f"{sidecar}: written (empty); the English translation, one paragraph per sentence")
    return 0


def cmd_new_template(args: argparse.Namespace) -> int:
    """Copy a built-in template into the project's templates folder."""
    try:
        target = copy_template(args.name, args.templates, args.new_name)
    except ScaffoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"{target}: written; it now replaces the built-in one" if args.new_name is None
          else f"{target}: written; statements use it with 'template: {args.new_name}'")
    return 0


def cmd_summarize(args: argparse.Namespace) -> int:
    """Write the extractive summary of each JSON Lines record as {"id", "summary"} lines."""
    if not args.file.is_file():
        print(f"error: no such file: {args.file}", file=sys.stderr)
        return 2
    count, problems = summarize_jsonl(args.file, args.out, ratio=args.ratio, join_lines=not args.keep_lines)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{count} summaries written to {args.out}", file=sys.stderr)
    return 1 if problems else 0


def iso_date(text: str) -> dt.date:
    """An argparse type: a YYYY-MM-DD date."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m generator", description="Bayan: analyse Arabic statements.")
    commands = main.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="print the analysis of statements as JSON")
    analyze.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="statement files or folders")
    analyze.add_argument("--indent", type=int, default=2, help="JSON indentation (default 2)")
    analyze.add_argument("--summary-ratio", type=share, metavar="R",
                         help=f"share of each statement's words its summary holds (default {RATIO})")
    analyze.set_defaults(run=cmd_analyze)
    building = commands.add_parser("build", help="mkdocs build, replacing site/ only when it succeeds")
    building.add_argument("--strict", action="store_true", help="fail on any warning (a broken statement included)")
    building.add_argument("-f", "--config-file", type=Path, action="append", metavar="FILE",
                          help="the site configuration (default mkdocs.yml); repeat it to build a "
                               "mirror into its place inside the first site (-f mkdocs.yml -f mkdocs.en.yml)")
    building.set_defaults(run=cmd_build)
    check = commands.add_parser("check", help="validate content/ without building")
    check.add_argument("--content", type=Path, default=Path("content"), help="content folder (default content)")
    check.add_argument("--templates", type=Path, default=Path("templates"),
                       help="the project's templates folder (default templates)")
    check.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"),
                       help="the site configuration templates receive as `site` (default mkdocs.yml)")
    check.add_argument("--max-bytes", type=int, metavar="N",
                       help="refuse statement files over N bytes (default: the bayan plugin's max_bytes "
                            f"in mkdocs.yml, else {MAX_BYTES})")
    check.set_defaults(run=cmd_check)
    rendering = commands.add_parser("render", help="write the Markdown pages of the site into a folder")
    rendering.add_argument("--out", type=Path, required=True, help="the folder to write the pages into")
    rendering.add_argument("--language", choices=("ar", "en"), default="ar",
                           help="ar: the Arabic site (default); en: its English mirror")
    rendering.add_argument("--content", type=Path, default=Path("content"), help="content folder (default content)")
    rendering.add_argument("--templates", type=Path, default=Path("templates"),
                           help="the project's templates folder (default templates)")
    rendering.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"),
                           help="the site configuration templates receive as `site` (default mkdocs.yml)")
    rendering.set_defaults(run=cmd_render)
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
    new = commands.add_parser("new", help="create a statement file to fill in (never overwrites)")
    new.add_argument("title", metavar="TITLE", help="the Arabic title")
    new.add_argument("--date", type=iso_date, required=True, help="date of the statement, YYYY-MM-DD")
    new.add_argument("--source", help="who issued or carried it")
    new.add_argument("--title-en", help="the English title")
    new.add_argument("--url", help="where it was published (http or https)")
    new.add_argument("--template", help="the template that renders it, e.g. brief")
    new.add_argument("--content", type=Path, default=Path("content"), help="content folder (default content)")
    new.set_defaults(run=cmd_new)
    new_template = commands.add_parser("new-template", help="copy a built-in template into templates/ to edit")
    new_template.add_argument("name", metavar="NAME", help="built-in template, e.g. statement, brief, partials/claims")
    new_template.add_argument("--as", dest="new_name", metavar="NEW_NAME",
                              help="save it as a new template of this name instead of replacing the built-in one")
    new_template.add_argument("--templates", type=Path, default=Path("templates"),
                              help="the project's templates folder (default templates)")
    new_template.set_defaults(run=cmd_new_template)
    summary = commands.add_parser("summarize", help="summarise JSON Lines records {id, article|content}")
    summary.add_argument("file", type=Path, metavar="FILE", help="JSON Lines with id and article or content")
    summary.add_argument("--out", type=Path, required=True, help="where to write {id, summary} lines")
    summary.add_argument("--ratio", type=share, default=RATIO, help=f"share of the words kept (default {RATIO})")
    summary.add_argument("--keep-lines", action="store_true",
                         help="keep every line a paragraph, as the site does (default: join lines wrapped "
                              "mid-sentence)")
    summary.set_defaults(run=cmd_summarize)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
