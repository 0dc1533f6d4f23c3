"""Analysis throughput on a JSON Lines corpus, in one process.

Usage: python bench/analysis.py CORPUS_JSONL [--limit N] [--repeat N] [--stages] [--profile]

Reads every record (id, title, content), analyses it with `generator.analysis.analyze` and
prints the number of articles, the wall and process CPU time (CPU seconds are what "on one
core" means on a shared machine) and articles per second. `--stages` also prints the wall and
CPU time of each named stage of `generator.analysis.stages.STAGES` (the timers add to the total); `--profile` prints the 20 most expensive
functions (cProfile, cumulative time).

This machine's speed drifts by ±15% from minute to minute, so `--repeat N` (default 3) runs
the whole measure N times, each in a fresh interpreter (cold caches, as a first build), and
prints every run and their median.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import generator.analysis.stages as stages  # noqa: E402
from generator.analysis import Settings, analyze  # noqa: E402
from generator.infra.pool import fewer_collections  # noqa: E402
from generator.model import Meta, Source  # noqa: E402

SETTINGS = Settings(cache_dir=ROOT / ".cache" / "bayan")  # the spelling dictionary kept as a build keeps it


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


def time_stages() -> dict[str, list[float]]:
    """Wrap each named stage of STAGES so that it adds up its own [wall, CPU] time."""
    spent: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])

    def timed(stage: stages.Stage) -> stages.Stage:
        def run(doc: stages.Doc) -> None:
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                stage.run(doc)
            finally:
                spent[stage.name][0] += time.perf_counter() - wall
                spent[stage.name][1] += time.process_time() - cpu
        return stage._replace(run=run)

    stages.STAGES = tuple(map(timed, stages.STAGES))
    return spent


def repeat(times: int, argv: list[str]) -> int:
    """Run the measure `times` times, each in a fresh interpreter; print each run and the median."""
    cpus = []
    for _ in range(times):
        run = subprocess.run([sys.executable, __file__, *argv, "--repeat", "1"], capture_output=True, text=True,
                             check=True)
        line = run.stdout.splitlines()[0]
        print(line, flush=True)
        cpus.append(float(line.split(" s CPU")[0].rsplit(" ", 1)[1]))
    print(f"median of {times} fresh runs: {statistics.median(cpus):.1f} s CPU")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--stages", action="store_true", help="time each stage (slower)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--repeat", type=int, default=3,
                        help="fresh runs, median printed (default 3; 1 with --stages or --profile)")
    args = parser.parse_args(argv)
    if args.repeat > 1 and not (args.stages or args.profile):  # those measure one run
        return repeat(args.repeat, [str(args.corpus)] + (["--limit", str(args.limit)] if args.limit else []))
    sources = read_sources(args.corpus, args.limit)
    spent = time_stages() if args.stages else None
    profiler = cProfile.Profile() if args.profile else None
    begin, cpu_begin = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    with fewer_collections():  # as Bayan's pipeline analyses
        claims = sum(len(analyze(source, SETTINGS).claims) for source in sources)
    if profiler:
        profiler.disable()
    seconds, cpu = time.perf_counter() - begin, time.process_time() - cpu_begin
    print(f"{len(sources)} articles in {seconds:.1f} s wall, {cpu:.1f} s CPU ({len(sources) / cpu:.0f} articles "
          f"per CPU second, {claims} claims) on one core")
    if spent is not None:
        print("  stage wall/CPU s: " + " · ".join(f"{name} {w:.1f}/{c:.1f}"
                                                 for name, (w, c) in sorted(spent.items(), key=lambda x: -x[1][1])))
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
