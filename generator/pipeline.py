"""From content files to analysed statements: read, analyse, attach problems as findings."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from .analysis import analyze
from .model import Finding, Meta, Source, Statement
from .sources import SourceError, read_statement, read_statements


def as_finding(problem: SourceError) -> Finding:
    """A reading problem as a statement finding (located by line)."""
    return Finding(level=problem.level, code=problem.code, message=str(problem), line=problem.line)


def analyse_source(source: Source, problems: list[SourceError] = ()) -> Statement:
    """Analyse one source; its reading warnings come first among the findings."""
    statement = analyze(source)
    own = tuple(as_finding(p) for p in problems if p.path in (source.path, source.translation_path))
    return dataclasses.replace(statement, findings=own + statement.findings) if own else statement


def failed_statement(problem: SourceError) -> Statement:
    """An empty statement that carries the error that stopped it."""
    slug = Path(problem.path).stem
    return Statement(slug=slug, path=problem.path, meta=Meta(title=slug), sentences=(),
                     findings=(as_finding(problem),))


def load_content(content_dir: Path) -> tuple[list[Statement], list[SourceError]]:
    """Every readable statement of a content folder, analysed, and every problem found."""
    sources, problems = read_statements(content_dir)
    return [analyse_source(s, problems) for s in sources], problems


def load_paths(paths: list[Path], root: Path) -> list[Statement]:
    """Statements from files or folders given on the command line; failures become entries."""
    statements = []
    for file in statement_files(paths):
        try:
            source, warnings = read_statement(file, root)
        except SourceError as err:
            statements.append(failed_statement(err))
            continue
        statements.append(analyse_source(source, warnings))
    return statements


def statement_files(paths: list[Path]) -> list[Path]:
    """Statement files named directly or found in the given folders (sidecars excluded)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            folder = path / "statements" if (path / "statements").is_dir() else path
            files.extend(sorted(f for f in folder.iterdir() if is_statement_file(f)))
        else:
            files.append(path)
    return files


def is_statement_file(path: Path) -> bool:
    return path.is_file() and path.suffix in (".md", ".txt") and not path.name.endswith(".en.md")
