"""Throughput (articles/s) and peak memory of ``analyze`` and ``ingest`` over a real corpus.

Each measurement runs in a fresh Python process, so the peak RSS it reports (from
``resource.getrusage``) belongs to that job alone and no model stays warm between them.

    python benchmarks/bench_pipeline.py [--limit N] [--stages a,b,c] [--data FILE.jsonl]

The corpus defaults to ``../shared/eval/wikinews-de-articles/articles.jsonl`` next to the
repository; where it is absent the benchmark says so and exits 0. Results are printed as a
table and written to ``benchmarks/results.json``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "eval" / "wikinews-de-articles" / "articles.jsonl"
MODES = ("analyze", "ingest")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        print(json.dumps(run_child(args)))
        return 0
    data = Path(args.data)
    if not data.is_file():
        print(f"bench_pipeline: skipped: corpus {data} not found (../shared is not here)")
        return 0
    results = [measure(mode, args) for mode in MODES]
    print(format_table(results))
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "data": str(data),
        "limit": args.limit,
        "stages": args.stages or "default",
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "results": results,
    }
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.output}")
    return 0 if all("error" not in r for r in results) else 1


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="JSONL corpus")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--stages", default=None, help="stage chain (default: the full chain)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (as --workers)")
    parser.add_argument("--output", default=str(HERE / "results.json"))
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def measure(mode: str, args: argparse.Namespace) -> dict[str, Any]:
    """Run one mode in a fresh interpreter and return what it measured."""
    command = [sys.executable, __file__, "--child", mode, "--data", args.data]
    if args.limit is not None:
        command += ["--limit", str(args.limit)]
    if args.stages:
        command += ["--stages", args.stages]
    command += ["--workers", str(args.workers)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"mode": mode, "error": last}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_child(args: argparse.Namespace) -> dict[str, Any]:
    from newsgraph.parallel import analyze_records
    from newsgraph.pipeline import Pipeline, PipelineOptions
    from newsgraph.readers import read_paths

    stages = tuple(s.strip() for s in args.stages.split(",")) if args.stages else None
    options = PipelineOptions(stages=stages)
    with tempfile.TemporaryDirectory() as folder:
        # Loading models and opening the database are one-off costs: timed apart from the run
        # (forked workers inherit the loaded pipeline; starting them counts in the run).
        started = time.perf_counter()
        pipeline = Pipeline(options)
        sink = open_sink(args.child, Path(folder))
        load_s = time.perf_counter() - started
        items = itertools.islice(read_paths([args.data], "jsonl"), args.limit)
        started = time.perf_counter()
        records = analyze_records(items, options, workers=args.workers, pipeline=pipeline)
        counted = Counted(records)
        sink(counted)
        run_s = time.perf_counter() - started
    # Peak resident memory of the largest process (this one, or a worker), KiB on Linux.
    peak_kib = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    total = counted.ok + counted.failed
    return {
        "mode": args.child,
        "workers": args.workers,
        "stages": pipeline.stage_names,
        "articles": counted.ok,
        "failed": counted.failed,
        "load_s": round(load_s, 2),
        "run_s": round(run_s, 2),
        "articles_per_s": round(total / run_s, 1) if run_s else None,
        "peak_rss_mb": round(peak_kib / 1024, 1),
    }


class Counted:
    """Passes documents through, counting them and the records that failed."""

    def __init__(self, items: Any) -> None:
        self.items = items
        self.ok = 0
        self.failed = 0

    def __iter__(self) -> Any:
        from newsgraph.errors import RecordError

        for item in self.items:
            if isinstance(item, RecordError):
                self.failed += 1
            else:
                self.ok += 1
                yield item


def open_sink(mode: str, folder: Path) -> Callable[[Counted], None]:
    """What the CLI does with analysed documents: records to a file, or rows in DuckDB."""
    if mode == "analyze":
        return analyze_to_devnull
    from newsgraph.store import open_store

    store = open_store(folder / "bench.duckdb")

    def ingest(records: Counted) -> None:
        with store:
            store.ingest(records)

    return ingest


def analyze_to_devnull(records: Counted) -> None:
    with Path(os.devnull).open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def format_table(results: list[dict[str, Any]]) -> str:
    header = f"{'mode':<8} {'articles':>8} {'failed':>6} {'load s':>7} {'run s':>7} "
    header += f"{'art/s':>7} {'peak RSS MB':>11}"
    lines = [header]
    for r in results:
        if "error" in r:
            lines.append(f"{r['mode']:<8} error: {r['error']}")
            continue
        lines.append(
            f"{r['mode']:<8} {r['articles']:>8} {r['failed']:>6} {r['load_s']:>7.2f} "
            f"{r['run_s']:>7.2f} {r['articles_per_s']:>7.1f} {r['peak_rss_mb']:>11.1f}"
        )
    stages = next((r["stages"] for r in results if "stages" in r), [])
    workers = next((r["workers"] for r in results if "workers" in r), 1)
    lines.append(f"stages: {','.join(stages)}; worker processes: {workers}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
