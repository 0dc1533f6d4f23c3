"""From content files to analysed statements: read, analyse (cached, in parallel), report."""
from __future__ import annotations

import dataclasses
import gc
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from .analysis import Settings, analyze
from .infra.analysis_cache import AnalysisCache
from .infra.pool import GC_THRESHOLD, fewer_collections
from .model import Finding, Meta, Source, Statement
from .infra.progress import progress
from .read.sources import MAX_BYTES, SourceError, read_statement, read_statements


def as_finding(problem: SourceError) -> Finding:
    """A reading problem as a statement finding (located by line)."""
    return Finding(level=problem.level, code=problem.code, message=str(problem), line=problem.line)


def analyse_source(source: Source, settings: Settings = Settings()) -> Statement:
    """Analyse one source; a crash of the analysis becomes an error finding, not an exception."""
    try:
        return analyze(source, settings)
    except Exception as err:  # noqa: BLE001 - one statement must not stop the others
        problem = SourceError(source.path, source.body_line, "analysis-failed", f"{type(err).__name__}: {err}")
        return failed_statement(problem)


def failed_statement(problem: SourceError) -> Statement:
    """An empty statement that carries the error that stopped it."""
    slug = Path(problem.path).stem
    return Statement(slug=slug, path=problem.path, meta=Meta(title=slug), sentences=(),
                     findings=(as_finding(problem),))


def with_problems(statement: Statement, source: Source, problems: Sequence[SourceError]) -> Statement:
    """The statement with its own reading warnings first among its findings."""
    own = tuple(as_finding(p) for p in problems if p.path in (source.path, source.translation_path))
    return dataclasses.replace(statement, findings=own + statement.findings) if own else statement


def analyse_all(sources: Sequence[Source], problems: Sequence[SourceError] = (),
                cache: AnalysisCache | None = None, jobs: int = 1, show: bool = False,
                settings: Settings = Settings()) -> list[Statement]:
    """Analyse every source, taking unchanged ones from the cache and the rest in `jobs` processes
    (`show`: a progress bar on stderr for a long run)."""
    results: dict[int, Statement] = {}
    todo = []
    for i, source in enumerate(sources):
        cached = cache.get(source, settings) if cache else None
        if cached is not None:
            results[i] = cached
        else:
            todo.append(i)
    with fewer_collections():
        fresh = _run([sources[i] for i in todo], jobs, show, settings)
    for i, statement in zip(todo, fresh):
        results[i] = statement
        if cache and not any(f.code == "analysis-failed" for f in statement.findings):
            cache.put(sources[i], settings, statement)
    if cache:
        cache.save()
    return [with_problems(results[i], source, problems) for i, source in enumerate(sources)]


def _run(sources: list[Source], jobs: int, show: bool, settings: Settings) -> list[Statement]:
    if jobs <= 1 or len(sources) < 2 * jobs:
        return [analyse_source(s, settings) for s in progress(sources, len(sources), show)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=gc.set_threshold, initargs=GC_THRESHOLD) as pool:
        chunks = max(1, min(16, len(sources) // (jobs * 8)))
        return list(progress(pool.map(partial(analyse_source, settings=settings), sources, chunksize=chunks), len(sources), show))


def load_content(content_dir: Path, cache: AnalysisCache | None = None, jobs: int = 1,
                 max_bytes: int = MAX_BYTES, show: bool = False, settings: Settings = Settings()
                 ) -> tuple[list[Statement], list[SourceError]]:
    """Every readable statement of a content folder, analysed with `settings`, and every problem found."""
    sources, problems = read_statements(content_dir, max_bytes)
    return analyse_all(sources, problems, cache, jobs, show, settings), problems


def load_paths(paths: list[Path], root: Path, settings: Settings = Settings()) -> list[Statement]:
    """Statements from files or folders given on the command line; failures become entries."""
    statements = []
    for file in statement_files(paths):
        try:
            source, warnings = read_statement(file, root)
        except SourceError as err:
            statements.append(failed_statement(err))
            continue
        statements.append(with_problems(analyse_source(source, settings), source, warnings))
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
