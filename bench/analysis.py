"""Analysis throughput on a JSON Lines corpus, in one process.

Usage: python bench/analysis.py CORPUS_JSONL [--limit N] [--profile]

Reads every record (id, title, content), analyses it with `generator.analysis.analyze` and
prints the number of articles, the wall time, articles per second and the time of each stage.
`--profile` prints the 20 most expensive functions (cProfile, cumulative time).
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import generator.analysis as pipeline  # noqa: E402
from generator.analysis import analyze  # noqa: E402
from generator.model import Meta, Source  # noqa: E402


def read_sources(path: Path, limit: int | None = None) -> list[Source]:
    """Sources of the first `limit` records of a JSON Lines corpus."""
    sources = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            meta = Meta(title=record.get("title") or record["id"], url=record.get("url"))
            sources.append(Source(record["id"], str(path), meta, record["content"].strip()))
            if limit and len(sources) >= limit:
                break
    return sources


def time_stages() -> dict[str, float]:
    """Wrap the stage functions the pipeline calls so that each adds up its own time."""
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, function: Callable) -> Callable:
        def run(*args, **kwargs):
            begin = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - begin
        return run

    for name, value in list(vars(pipeline).items()):
        if callable(value) and getattr(value, "__module__", "").startswith("generator.") and name != "analyze" \
                and not isinstance(value, type):
            setattr(pipeline, name, timed(name, value))
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    sources = read_sources(args.corpus, args.limit)
    spent = time_stages()
    profiler = cProfile.Profile() if args.profile else None
    begin = time.perf_counter()
    if profiler:
        profiler.enable()
    claims = sum(len(analyze(source).claims) for source in sources)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - begin
    print(f"{len(sources)} articles in {seconds:.1f} s ({len(sources) / seconds:.0f} articles/s, "
          f"{claims} claims) on one core")
    print("  " + " · ".join(f"{name} {t:.1f} s" for name, t in sorted(spent.items(), key=lambda x: -x[1])))
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
