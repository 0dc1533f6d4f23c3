"""One type for everything wrong or worth an editor's attention, and its one format.

A `Problem` is found while reading a file, by the analysis (then it is one of a statement's
`findings`, the JSON contract's field order) or while rendering a page. It prints as
`path:line: level: code: message (sentence n)`, the form editors and their tools read.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

@dataclass(frozen=True)
class Problem:
    """What is wrong (or remarkable), where: `path` and `line` locate it; `sentence` is the
    sentence of a statement it concerns. A statement's findings leave `path` empty when the
    problem is in the statement's own file."""

    level: str  # "error" | "warning" | "info" (the level codes under Values)
    code: str  # what kind of problem: spelling, translation/missing, characters/bidi-control …
    message: str  # what is wrong and what to do, in English
    sentence: int | None = None  # the sentence it concerns
    line: int | None = None  # the line of the file
    path: str | None = None  # the file, where it is not the statement's own

    def at(self, path: str) -> Problem:
        """The problem located in `path` when it names no file of its own."""
        return self if self.path else replace(self, path=path)

    def __str__(self) -> str:
        sentence = f" (sentence {self.sentence})" if self.sentence else ""
        return f"{self.path or '?'}:{self.line or 1}: {self.level}: {self.code}: {self.message}{sentence}"


class ProblemError(Exception):
    """Raised where a problem stops the work on one file; the others go on."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def error(path: str, line: int, code: str, message: str) -> ProblemError:
    """An error that stops reading `path`, ready to raise."""
    return ProblemError(Problem("error", code, message, line=line, path=path))
