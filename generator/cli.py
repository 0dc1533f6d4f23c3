"""Command line: `python -m generator analyze|build|check|eval|import|new|new-template …`."""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from mkdocs.exceptions import ConfigurationError

from . import SCHEMA
from .analysis.summary import RATIO
from .evaluation.gold import evaluate
from .evaluation.summaries import summarize_jsonl
from .problems import Problem, ProblemError
from .project import CONFIG_FILE, Project, analyse_paths, pages
from .read.importer import ImportFormatError, import_into
from .read.scaffold import ScaffoldError, new_statement
from .read.sources import MAX_BYTES, STATEMENTS_DIR
from .site.build import BuildError, build
from .site.export import export, language_config, site_config
from .site.templates import TemplateCopyError, copy_template
from .site.views import VIEW_SCHEMA, statement_page, view_json


def cmd_analyze(args: argparse.Namespace) -> int:
    """Print the analysis of the given statements as bayan/analysis@1 JSON, or with `--view` the
    context each statement's template receives (bayan/view@1)."""
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"error: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    project = _project(args, summary_ratio=args.summary_ratio)
    if project is None:
        return 1
    statements = analyse_paths(project, args.paths)
    if args.view:
        document = {"schema": VIEW_SCHEMA, "pages": [view_json(statement_page(s, {})) for s in statements]}
    else:
        document = {"schema": SCHEMA, "statements": [s.to_dict() for s in statements]}
    json.dump(document, sys.stdout, ensure_ascii=False, indent=args.indent)
    sys.stdout.write("\n")
    failed = any(f.level == "error" for s in statements for f in s.findings)
    return 1 if failed else 0


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site into a fresh folder and swap it in only when the build succeeds."""
    try:
        return build(args.config_file, strict=args.strict)
    except ProblemError as err:
        print(err.problem, file=sys.stderr)
        return 2
    except (BuildError, ConfigurationError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the content and render every page through its template, without building.

    Prints reading problems, the analysis findings an editor should see (errors, warnings and
    the notes each page shows, such as spelling) and template problems, each as
    `path:line: level: code: message`. Exit 1 on errors.
    """
    project = _project(args, max_bytes=args.max_bytes)
    if project is None:
        return 1
    found = []
    for language in ("ar", "en"):  # the Arabic pages and their English mirror
        site, config_error = site_config(language_config(project, language))
        result = pages(project, language, site)
        found += ([config_error] if config_error else []) + result.problems + result.findings
    found = list(dict.fromkeys(found))  # a problem shared by both languages is reported once
    for problem in found:
        print(_shown(problem, project))
    levels = Counter(problem.level for problem in found)
    print(f"{levels['error']} error(s), {levels['warning']} warning(s), {levels['info']} note(s)", file=sys.stderr)
    return 1 if levels["error"] else 0


def cmd_render(args: argparse.Namespace) -> int:
    """Write each language's pages, with the hand-written pages and the assets, as a Markdown
    tree (`OUT/ar/`, `OUT/en/`) another site engine can build, or to inspect them.

    Reading and template problems are printed as `path:line: …`. Never writes inside the
    content folder."""
    project = _project(args)
    if project is None:
        return 1
    out, content = args.out.resolve(), project.content.resolve()
    if out == content or content in out.parents:
        print(f"error: {args.out} is inside the content folder {project.content}: Bayan never writes there",
              file=sys.stderr)
        return 2
    written, problems = export(project, out, [args.language] if args.language else ["ar", "en"])
    for problem in problems:
        print(_shown(problem, project))
    print(f"{written} page(s) written to {args.out}", file=sys.stderr)
    return 1 if any(p.level == "error" for p in problems) else 0


def _project(args: argparse.Namespace, **flags: Any) -> Project | None:
    """The project of `--config-file` with the command's flags on top; None (the error
    printed) when a setting is wrong, as `mkdocs build` would stop."""
    content = getattr(args, "content", None)
    templates = getattr(args, "templates", None)
    try:
        return Project.load(args.config_file, content_dir=content and str(content.resolve()),
                            templates_dir=templates and str(templates.resolve()), **flags)
    except ProblemError as err:
        print(err.problem)
        return None


def _shown(problem: Problem, project: Project) -> str:
    """A problem as printed: its path relative to the current folder where it is inside it."""
    path = Path(problem.path or "")
    if path.is_absolute() and Path.cwd() in path.parents:
        problem = dataclasses.replace(problem, path=path.relative_to(Path.cwd()).as_posix())
    return str(problem)


def share(text: str) -> float:
    """An argparse type: a share of the words, more than 0 and at most 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a number") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not a share of the words (more than 0, at most 1)")
    return value


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
    project = _project(args)
    if project is None:
        return 1
    into = args.into or project.content / STATEMENTS_DIR
    try:
        report = import_into(args.file, into, force=args.force)
    except ImportFormatError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for path in report.skipped:
        print(f"{path}: exists, skipped (use --force to overwrite)", file=sys.stderr)
    print(f"{len(report.written)} statement(s) written to {into}, {len(report.skipped)} skipped")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Create a statement file with its front matter and an empty English sidecar."""
    project = _project(args)
    if project is None:
        return 1
    try:
        statement, sidecar = new_statement(project.content, args.title, args.date, source=args.source,
                                           title_en=args.title_en, url=args.url, template=args.template)
    except ScaffoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"{statement}: written; replace its placeholder line with the Arabic text")
    print(f"{sidecar}: written (empty); the English translation, one paragraph per sentence")
    return 0


def cmd_new_template(args: argparse.Namespace) -> int:
    """Copy a built-in template into the project's templates folder."""
    project = _project(args)
    if project is None:
        return 1
    try:
        target = copy_template(args.name, project.templates, args.new_name)
    except TemplateCopyError as err:
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


def _project_flags(command: argparse.ArgumentParser, content: bool = True, templates: bool = True) -> None:
    """The flags of a command that works on a project; each wins over its mkdocs.yml setting."""
    command.add_argument("--config-file", type=Path, default=CONFIG_FILE,
                         help="the project's settings, and the configuration templates receive as `site` "
                              "(default mkdocs.yml)")
    if content:
        command.add_argument("--content", type=Path,
                             help="content folder (default: the bayan plugin's content_dir, else content)")
    if templates:
        command.add_argument("--templates", type=Path,
                             help="the project's templates folder (default: the bayan plugin's templates_dir, "
                                  "else templates)")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m generator", description="Bayan: analyse Arabic statements.")
    commands = main.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="print the analysis of statements as JSON")
    analyze.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="statement files or folders")
    analyze.add_argument("--indent", type=int, default=2, help="JSON indentation (default 2)")
    analyze.add_argument("--summary-ratio", type=share, metavar="R",
                         help=f"share of each statement's words its summary holds (default {RATIO})")
    analyze.add_argument("--config-file", type=Path, default=CONFIG_FILE,
                         help="the project's settings (default mkdocs.yml, when there is one)")
    analyze.add_argument("--view", action="store_true",
                         help="print what each statement's page template receives (for template authors)")
    analyze.set_defaults(run=cmd_analyze)
    building = commands.add_parser("build", help="mkdocs build, replacing site/ only when it succeeds")
    building.add_argument("--strict", action="store_true", help="fail on any warning (a broken statement included)")
    building.add_argument("-f", "--config-file", type=Path, default=CONFIG_FILE, metavar="FILE",
                          help="the site configuration (default mkdocs.yml); its `mirror:` is built into its en/")
    building.set_defaults(run=cmd_build)
    check = commands.add_parser("check", help="validate content/ without building")
    _project_flags(check)
    check.add_argument("--max-bytes", type=int, metavar="N",
                       help="refuse statement files over N bytes (default: the bayan plugin's max_bytes "
                            f"in mkdocs.yml, else {MAX_BYTES})")
    check.set_defaults(run=cmd_check)
    rendering = commands.add_parser("render", help="write each language's Markdown pages and assets into a folder")
    rendering.add_argument("--out", type=Path, required=True,
                           help="the folder to write the trees into (OUT/ar/, OUT/en/)")
    rendering.add_argument("--language", choices=("ar", "en"),
                           help="only the Arabic site (OUT/ar/) or only its English mirror (OUT/en/); default both")
    _project_flags(rendering)
    rendering.set_defaults(run=cmd_render)
    evaluation = commands.add_parser("eval", help="score the analysis against gold annotations")
    evaluation.add_argument("gold_dir", type=Path, metavar="GOLD_DIR", help="folder of *.gold.yml")
    evaluation.add_argument("--corpus", type=Path, help="JSON Lines corpus holding the texts gold files name by id")
    evaluation.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    evaluation.set_defaults(run=cmd_eval)
    importing = commands.add_parser("import", help="import a corpus (JSON Lines or a folder of .txt)")
    importing.add_argument("file", type=Path, metavar="FILE", help="JSON Lines file or folder of .txt files")
    importing.add_argument("--into", type=Path,
                           help="folder to write statements into (default: the statements/ of the content folder)")
    _project_flags(importing, content=False, templates=False)
    importing.add_argument("--force", action="store_true", help="overwrite existing statement files")
    importing.set_defaults(run=cmd_import)
    new = commands.add_parser("new", help="create a statement file to fill in (never overwrites)")
    new.add_argument("title", metavar="TITLE", help="the Arabic title")
    new.add_argument("--date", type=iso_date, required=True, help="date of the statement, YYYY-MM-DD")
    new.add_argument("--source", help="who issued or carried it")
    new.add_argument("--title-en", help="the English title")
    new.add_argument("--url", help="where it was published (http or https)")
    new.add_argument("--template", help="the template that renders it, e.g. brief")
    _project_flags(new, templates=False)
    new.set_defaults(run=cmd_new)
    new_template = commands.add_parser("new-template", help="copy a built-in template into templates/ to edit")
    new_template.add_argument("name", metavar="NAME", help="built-in template, e.g. statement, brief, partials/claims")
    new_template.add_argument("--as", dest="new_name", metavar="NEW_NAME",
                              help="save it as a new template of this name instead of replacing the built-in one")
    _project_flags(new_template, content=False)
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
