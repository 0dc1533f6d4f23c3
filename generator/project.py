"""The project: every setting resolved once, and THE road from content/ to pages.

    content/ ──read──▶ Source ──analyse──▶ Statement ──view, render──▶ Markdown pages

`Project.load(mkdocs.yml)` takes the `bayan:` settings of a configuration and of every file it
INHERITs (MkDocs replaces a parent's whole `plugins:` list, so the English mirror would lose
them), puts command-line flags on top and validates them once, with the plugin's own schema.
`pages(project, language)` is the one road: the MkDocs plugin, `check` and `render` take it,
and `analyze` takes its first half (`read_paths`, `analyse`).
"""
from __future__ import annotations

import dataclasses
import gc
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.utils.yaml import get_yaml_loader

from .infra.analysis_cache import AnalysisCache, analysis_version
from .infra.memo import Memo
from .infra.page_cache import PageCache, fingerprint
from .infra.pool import fewer_collections, run_forked
from .infra.progress import Timer, jobs_from, progress, show_progress
from .model import Meta, Source, Statement
from .problems import Problem, ProblemError
from .read.sources import MAX_BYTES, read_statement, read_statements

if TYPE_CHECKING:
    from .analysis import Settings

CONFIG_FILE = Path("mkdocs.yml")
_INHERIT = re.compile(r"""^INHERIT:[ \t]*["']?([^"'#\s]+)""", re.MULTILINE)


class _Setting(opt.BaseConfigOption):
    """A setting checked by `run_validation`, with a default."""

    def __init__(self, default: object = None) -> None:
        super().__init__()
        self.default = default


class Share(_Setting):
    """A share of a statement's words: more than 0, at most 1."""

    def run_validation(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
            raise opt.ValidationError(f"a share of a statement's words, more than 0 and at most 1, not {value!r}")
        return value


class Jobs(_Setting):
    """How many processes analyse and render: a number of at least 1, or `auto` (the CPU count)."""

    def run_validation(self, value: object) -> int | str:
        try:
            jobs_from(value if isinstance(value, (int, str)) and not isinstance(value, bool) else "?", {})
        except ValueError as err:
            raise opt.ValidationError(str(err)) from None
        return value  # type: ignore[return-value]


class Size(_Setting):
    """A size in bytes, at least 1."""

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise opt.ValidationError(f"a number of bytes, at least 1, not {value!r}")
        return value


class BayanConfig(Config):
    """The settings under `bayan:` in mkdocs.yml; folders are relative to it, an empty
    `cache_dir` turns the caches off."""

    content_dir = opt.Type(str, default="content")
    language = opt.Choice(("ar", "en"), default="ar")  # en: the English mirror (mkdocs.en.yml)
    mirror = opt.Optional(opt.Type(str))  # the English mirror's configuration, built into site/en/
    templates_dir = opt.Type(str, default="templates")
    cache_dir = opt.Type(str, default=".cache/bayan")
    jobs = Jobs(default=1)  # BAYAN_JOBS overrides it
    max_bytes = Size(default=MAX_BYTES)  # a statement or sidecar file larger than this is refused
    summary_ratio = opt.Optional(Share())  # share of a statement's words its summary holds


@dataclass(frozen=True)
class Project:
    """Where a project's files are and how to build it, validated."""

    root: Path  # the folder of the configuration file: the other folders are relative to it
    config_files: tuple[Path, ...]  # the configuration and the files it INHERITs, child first
    content: Path
    templates: Path
    cache: Path | None  # None: no cache
    language: str = "ar"
    mirror: Path | None = None  # the mirror's configuration file; None: no mirror (or this is it)
    jobs: int = 1
    max_bytes: int = MAX_BYTES
    summary_ratio: float | None = None  # None: the analysis' default

    def analysis_settings(self) -> Settings:
        """What the analysis of every statement shares: the summary's share, the cache folder."""
        from .analysis import Settings  # not imported by a build that reuses its pages

        return Settings.given(self.summary_ratio, self.cache)

    @classmethod
    def load(cls, config_file: Path = CONFIG_FILE, env: Mapping[str, str] = os.environ,
             **flags: Any) -> Project:
        """The project configured by `config_file` (its INHERIT chain included), with `flags`
        (settings given on the command line; None means not given) on top. Without the file,
        Bayan's defaults in the current folder. A setting that does not validate raises
        ProblemError naming the file and line where it is set."""
        files = config_chain(config_file) if config_file.is_file() else []
        options: dict[str, Any] = {}
        where: dict[str, tuple[Path, int]] = {}
        for file in reversed(files):  # the furthest ancestor first, the child last
            for key, value in bayan_options(file).items():
                options[key] = value
                where[key] = (file, _line_of(file, key))
        options.update({k: v for k, v in flags.items() if v is not None})
        schema = BayanConfig()
        schema.load_dict(options)
        failed, unknown = schema.validate()
        for key, err in [*failed, *unknown]:  # a misspelt setting would be silently ignored
            path, line = where.get(key, (config_file, 1))
            raise ProblemError(Problem("error", "config", f"bayan: {key}: {err}", line=line, path=str(path)))
        try:
            jobs = jobs_from(schema.jobs, env)
        except ValueError as err:
            raise ProblemError(Problem("error", "config", f"BAYAN_JOBS: {err}", path="environment")) from None
        root = config_file.resolve().parent if files else Path.cwd()
        cache = root / schema.cache_dir if schema.cache_dir and files else None  # no project, nothing written
        mirror = (root / schema.mirror).resolve() if schema.mirror and files else None
        if mirror is not None and mirror == config_file.resolve():
            mirror = None  # the mirror INHERITs the setting from the site it mirrors
        return cls(root=root, config_files=tuple(f.resolve() for f in files), content=root / schema.content_dir,
                   templates=root / schema.templates_dir, cache=cache, language=schema.language, mirror=mirror,
                   jobs=jobs, max_bytes=schema.max_bytes, summary_ratio=schema.summary_ratio)


def config_chain(config_file: Path) -> list[Path]:
    """A MkDocs configuration file and the ones it INHERITs from, each found beside its child."""
    files = [config_file]
    while len(files) < 10:  # MkDocs refuses longer or circular chains itself
        try:
            match = _INHERIT.search(files[-1].read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            break
        if not match:
            break
        files.append(files[-1].parent / match.group(1))
    return files


def bayan_options(config_file: Path) -> dict[str, Any]:
    """The options written under the `bayan` plugin in one configuration file (not inherited)."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=get_yaml_loader())
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise ProblemError(Problem("error", "config", f"unreadable: {err}", line=1, path=str(config_file))) from None
    plugins = data.get("plugins") if isinstance(data, dict) else None
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(p.items())) if isinstance(p, dict) else (p, None) for p in plugins or ())
    for name, options in entries:
        if name == "bayan":
            return dict(options or {})
    return {}


def _line_of(config_file: Path, key: str) -> int:
    """The line of `key:` under the `bayan` plugin of a configuration file (1 when not found)."""
    lines = config_file.read_text(encoding="utf-8").split("\n")
    plugin = next((i for i, line in enumerate(lines) if re.match(r"^\s*(-\s*)?bayan\s*:", line)), None)
    if plugin is None:
        return 1
    indent = len(lines[plugin]) - len(lines[plugin].lstrip(" -"))
    for number, line in enumerate(lines[plugin + 1:], plugin + 2):
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break  # the plugin's block has ended
        if re.match(rf"^\s+{re.escape(key)}\s*:", line):
            return number
    return plugin + 1


# ---- the road --------------------------------------------------------------------------------

@dataclass
class Pages:
    """What the road gives one language of the site: the pages (docs path → Markdown, or the file
    of the page store that holds it), the problems that left something out, the findings an
    editor should see (the warnings and notes of the analysis that its pages show), and the
    Markdown made by this build (none when the pages of the last build were reused)."""

    pages: dict[str, str] | dict[str, Path]
    problems: list[Problem] = field(default_factory=list)
    findings: list[Problem] = field(default_factory=list)
    made: dict[str, str] = field(default_factory=dict)


def pages(project: Project, language: str, site: Mapping[str, Any] | None = None,
          timer: Timer | None = None, memo: Memo | None = None,
          analysed: Callable[[], None] | None = None) -> Pages:
    """THE road: read content/, analyse each statement, render its page and the indexes, in
    `language`; `site` is the MkDocs configuration templates receive. An unchanged project gets
    the pages of its last build. With a `memo` of the last build in this process (and a page
    store), only what changed is read, analysed and rendered again, and every page is given as
    its stored file: the file of a page that did not change is left untouched. (An empty memo
    is filled by a full build, even of an unchanged project: the next build needs to know what
    made each page.) `analysed` is called once the statements are analysed, before rendering
    (the English mirror starts then)."""
    timer = timer or Timer()
    store = PageCache(project.cache, language) if project.cache else None
    key = fingerprint([project.content, project.templates], project.config_files,
                      f"{analysis_version()} {project}")
    if store is None:
        memo = None  # the Markdown of the pages that did not change would be nowhere
    elif memo is not None:
        # The memo holds for the templates and settings it knew, and for the page store as its
        # last build left it: another build (`make site`) may have written the store since.
        memo.renew(memo_key(project, language), store.stored_key())
    if store and (memo is None or memo.made) and (stored := store.load(key)):
        timer.lap("unchanged, pages of the last build")
        return Pages(*stored)
    read = memo.reader(read_statement) if memo else None
    sources, problems = read_statements(project.content, project.max_bytes, read)
    statements = analyse(project, sources, problems, memo=memo)
    good, left_out = usable(statements)
    problems += left_out
    reported = set(problems)
    findings = [f.at(s.path) for s in good for f in s.findings if f.level != "error" and f not in reported]
    timer.lap(f"read and analyse {len(statements)} statements")
    if analysed:
        analysed()
    from .site.render import render_pages  # not imported by a build that reuses its pages

    template_lines = {source.path: source.template_line for source in sources}
    rendered = render_pages(good, site or {}, project.templates, project.root, language, project.jobs,
                            template_lines, memo)
    del statements, good  # the pages say it all now: let the analyses go before MkDocs builds the site
    if memo is None:
        gc.collect()
    timer.lap(f"render {len(rendered.pages)} pages" if memo else "render")
    result = Pages(rendered.pages, problems + rendered.problems, findings, rendered.pages)
    if store:
        files = store.save(key, {uri: rendered.pages.get(uri) for uri in rendered.order}, result.problems,
                           result.findings)
        if memo:
            memo.stored = key
            result.pages = files
        timer.lap("save")
    return result


def memo_key(project: Project, language: str) -> str:
    """What the pages depend on besides the statements: a memo of the last build holds while
    it stays the same."""
    return fingerprint([project.templates], project.config_files, f"{analysis_version()} {project} {language}")


def usable(statements: Sequence[Statement]) -> tuple[list[Statement], list[Problem]]:
    """The one rule for a broken statement: one with an error is left out of the site, and its
    errors are reported."""
    good, left_out = [], []
    for statement in statements:
        errors = [f.at(statement.path) for f in statement.findings if f.level == "error"]
        left_out += errors
        if not errors:
            good.append(statement)
    return good, left_out


def analyse(project: Project, sources: Sequence[Source], problems: Sequence[Problem] = (),
            use_cache: bool = True, memo: Memo | None = None) -> list[Statement]:
    """Every source analysed (a crash becomes an error finding), unchanged ones from the memo of
    the last build or the cache, the others in the project's processes; each with its own
    reading warnings first."""
    settings = project.analysis_settings()
    results = {i: known for i, source in enumerate(sources) if memo and (known := memo.analysis(source))}
    if len(sources) - len(results) > FEW_CHANGES:
        results = {}  # many changes: everything from the cache file, which keeps what this build used
    # An edit changes a few statements: analysing them costs less than loading the cache file.
    cache = AnalysisCache(project.cache) if project.cache and use_cache and not results else None
    todo = []
    for i, source in enumerate(sources):
        if i in results:
            continue
        cached = cache.get(source, settings) if cache else None
        if cached is not None:
            results[i] = cached
        else:
            todo.append(i)
    with fewer_collections():
        calls = [partial(analyse_source, sources[i], settings) for i in todo]
        fresh = progress(run_forked(calls, project.jobs), len(calls), show_progress())
        for i, statement in zip(todo, fresh):
            results[i] = statement
            if cache and not any(f.code == ANALYSIS_FAILED for f in statement.findings):
                cache.put(sources[i], settings, statement)
    if cache:
        cache.save()
    if memo is not None:
        memo.keep_analyses([(source, results[i]) for i, source in enumerate(sources)])
    return [with_reading_warnings(results[i], source, problems) for i, source in enumerate(sources)]


ANALYSIS_FAILED = "analysis-failed"
FEW_CHANGES = 8  # statements a build analyses without loading the cache, when the memo knows the others


def analyse_source(source: Source, settings: Settings) -> Statement:
    """Analyse one source; a crash of the analysis becomes an error finding, not an exception."""
    from . import analysis  # not imported by a build that reuses its pages

    try:
        return analysis.analyze(source, settings)
    except Exception as err:  # noqa: BLE001 - one statement must not stop the others
        return failed(Problem("error", ANALYSIS_FAILED, f"{type(err).__name__}: {err}", line=source.body_line,
                              path=source.path))


WARM_UP = "أكد وزير الخارجية في بيان صدر اليوم أهمية التعاون بين الدول العربية."


def warm_up(project: Project) -> None:
    """Load what analysing a statement needs (the analysis code, the lexicons, the spelling
    dictionary) by analysing one sentence: under `mkdocs serve`, whose first build may take
    every analysis from the cache, the first edit is then as fast as the next."""
    analyse_source(Source("warm-up", "warm-up.md", Meta(title="تمهيد"), WARM_UP), project.analysis_settings())


def failed(problem: Problem) -> Statement:
    """An empty statement that carries the error that stopped it."""
    path = problem.path or ""
    return Statement(slug=Path(path).stem, path=path, meta=Meta(title=Path(path).stem), sentences=(),
                     findings=(problem,))


def with_reading_warnings(statement: Statement, source: Source, problems: Sequence[Problem]) -> Statement:
    """The statement with its own reading warnings first among its findings."""
    own = tuple(p for p in problems if p.path in (source.path, source.translation_path))
    return dataclasses.replace(statement, findings=own + statement.findings) if own else statement


def analyse_paths(project: Project, paths: Sequence[Path]) -> list[Statement]:
    """The statements named on the command line (files, or folders of them), analysed afresh, in
    order; one that does not read is a failed statement carrying its error."""
    statements = []
    for file in statement_files(paths):
        try:
            source, warnings = read_statement(file, Path.cwd(), project.max_bytes)
        except ProblemError as err:
            statements.append(failed(err.problem))
            continue
        statements += analyse(project, [source], warnings, use_cache=False)
    return statements


def statement_files(paths: Sequence[Path]) -> list[Path]:
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
