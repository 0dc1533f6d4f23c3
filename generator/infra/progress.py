"""How a build runs: how many processes analyse, whether a progress bar shows, and how long
Bayan's own steps take.

- jobs: a number, or `auto` for the CPU count; the `BAYAN_JOBS` environment variable wins over
  the plugin's `jobs` setting.
- progress: a tqdm bar on stderr for long analyses, only when stderr is a terminal and not in
  CI (`CI` set).
- timing: with `BAYAN_TIMING` set, each step's time is printed to stderr (`bayan: …`), for the
  benchmark and for profiling; otherwise it is logged at debug level.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, TypeVar

T = TypeVar("T")
LONG = 50  # statements to analyse before a progress bar is worth showing


def jobs_from(setting: int | str, env: Mapping[str, str] = os.environ) -> int:
    """Processes for analysis: BAYAN_JOBS or the setting, a number or `auto` (the CPU count)."""
    value = str(env.get("BAYAN_JOBS") or setting).strip().lower()
    if value == "auto":
        return os.cpu_count() or 1
    try:
        jobs = int(value)
    except ValueError:
        raise ValueError(f"jobs must be a number or 'auto', not '{value}'") from None
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    return jobs


def show_progress(stream: IO[str] | None = None, env: Mapping[str, str] = os.environ) -> bool:
    """A progress bar only for a person watching: stderr is a terminal and this is not CI."""
    stream = sys.stderr if stream is None else stream
    return not env.get("CI") and hasattr(stream, "isatty") and stream.isatty()


def progress(items: Iterable[T], total: int, enabled: bool, desc: str = "bayan: analysis") -> Iterator[T]:
    """The items, counted on a tqdm bar when enabled and the run is long."""
    if not enabled or total < LONG:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, desc=desc, unit=" statements", leave=False, file=sys.stderr)


class Timer:
    """Elapsed time of named steps; `report()` gives `bayan: step 0.12 s, …, total 0.40 s`."""

    def __init__(self) -> None:
        self.start = self.last = time.perf_counter()
        self.steps: list[tuple[str, float]] = []

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.steps.append((name, now - self.last))
        self.last = now

    def add(self, name: str, seconds: float) -> None:
        """A step timed elsewhere (spread over MkDocs' own work)."""
        self.steps.append((name, seconds))

    def skip(self) -> None:
        """Start the next step now: the time since the last step was not Bayan's."""
        self.last = time.perf_counter()

    def total(self) -> float:
        return sum(seconds for _, seconds in self.steps)

    def report(self) -> str:
        parts = [f"{name} {seconds:.2f} s" for name, seconds in self.steps]
        return "bayan: " + ", ".join([*parts, f"total {self.total():.2f} s"])
