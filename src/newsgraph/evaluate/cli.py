"""The ``newsgraph eval`` command: score the pipeline on the gold sets, print tables."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from .runner import TASK_NAMES

    p = sub.add_parser(
        "eval",
        help="score the pipeline against the gold sets in ../shared/eval",
        description="Run the pipeline over the dev gold sets and print P/R/F1 tables.",
    )
    p.add_argument("task", choices=TASK_NAMES, help="which task's datasets to score")
    p.add_argument(
        "--data", help="gold data folder (default: $NEWSGRAPH_SHARED/eval or ../shared/eval)"
    )
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    p.add_argument("--limit", type=int, help="score only the first N documents of each dataset")
    p.add_argument(
        "--check-floors", action="store_true", help="exit 1 when a figure is below its pinned floor"
    )
    p.set_defaults(func=cmd_eval)


def cmd_eval(args: argparse.Namespace) -> int:
    from .report import format_results
    from .runner import TASKS, DataMissing, below_floors, evaluate, load_floors

    try:
        result = evaluate(args.task, args.data, limit=args.limit)
    except DataMissing as exc:
        print(f"newsgraph: eval skipped: {exc}", file=sys.stderr)
        return 0
    print(format_results(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    if not args.check_floors:
        return 0
    tasks = tuple(TASKS) if args.task == "all" else (args.task,)
    problems = below_floors(result["figures"], load_floors(), tasks)
    for line in problems:
        print(f"newsgraph: error: below floor: {line}", file=sys.stderr)
    return 1 if problems else 0
