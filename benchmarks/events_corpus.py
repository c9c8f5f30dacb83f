"""What the event coder finds in a whole corpus: the 850 German Wikinews articles.

Runs the full default pipeline (``PipelineOptions()``, two worker processes) over
``../shared/eval/wikinews-de-articles/articles.jsonl`` and writes a Markdown summary to stdout:
events per article, the PLOVER type distribution, the share of each auxiliary mode, how
often an event has an actor code, a recipient, its own place and its own date (not the
dateline/publication fallback), and a fixed random sample of events (seed 7) for judging
by hand. No gold: this is a sanity and coverage report, not a score.

    .venv/bin/python benchmarks/events_corpus.py [--data ../shared/eval] [--sample 20] \
        > /tmp/events_corpus.md
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import RecordError
from newsgraph.evaluate.loaders import article, read_jsonl
from newsgraph.model import Article
from newsgraph.parallel import analyze_records
from newsgraph.pipeline import PipelineOptions

Record = dict[str, Any]
FLAGS = ("negated", "historical", "future", "hypothetical")


def articles(path: Path) -> Iterator[Article]:
    for row in read_jsonl(path):
        yield article(str(row["text"]), "de", row.get("date"), str(row["id"]))


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"


def _own(field: Any) -> bool:
    return isinstance(field, dict) and not field.get("fallback")


def summary(records: list[Record], seconds: float) -> list[str]:
    events = [e for r in records for e in r.get("events", [])]
    n, k = len(records), len(events)
    with_events = sum(1 for r in records if r.get("events"))
    lines = [
        "# Event coder over the German Wikinews corpus",
        "",
        f"- articles: {n} ({seconds:.0f} s with 2 workers)",
        f"- events: {k}; per article: mean {k / max(n, 1):.2f}",
        f"- articles with at least one event: {with_events} ({share(with_events, n)})",
        "",
        "| share of events | value |",
        "|---|---|",
    ]
    for flag in FLAGS:
        lines.append(f"| {flag} | {share(sum(bool(e.get(flag)) for e in events), k)} |")
    checks: dict[str, Callable[[Record], bool]] = {
        "actor with a CAMEO code": lambda e: bool((e.get("actor") or {}).get("code")),
        "any actor": lambda e: e.get("actor") is not None,
        "recipient": lambda e: e.get("recipient") is not None,
        "own place (not the dateline)": lambda e: _own(e.get("place")),
        "own date (not the publication date)": lambda e: _own(e.get("date")),
        "reported by a source": lambda e: e.get("reported_by") is not None,
    }
    for label, test in checks.items():
        lines.append(f"| {label} | {share(sum(test(e) for e in events), k)} |")
    lines += ["", "| PLOVER type | events | share |", "|---|---|---|"]
    types = Counter(str((e.get("plover") or {}).get("type")) for e in events)
    for name, count in types.most_common():
        lines.append(f"| {name} | {count} | {share(count, k)} |")
    return lines


def _role(role: Record | None) -> str:
    if not role:
        return "—"
    return f"{role.get('text')!r} [{role.get('code') or '?'}]"


def _sentence(record: Record, event: Record) -> str:
    ev = event.get("evidence") or event["trigger"]
    return " ".join(str(record["text"])[ev["start"] : ev["end"]].split())


def sample(records: list[Record], size: int, seed: int) -> list[str]:
    pool = [(r, e) for r in records for e in r.get("events", [])]
    drawn = random.Random(seed).sample(pool, min(size, len(pool)))
    lines = ["", f"## {len(drawn)} events drawn at random (seed {seed})", ""]
    for k, (record, event) in enumerate(drawn, start=1):
        plover = event.get("plover") or {}
        flags = [f for f in FLAGS if event.get(f)] or ["—"]
        place = (event.get("place") or {}).get("name") or (event.get("place") or {}).get("text")
        date = (event.get("date") or {}).get("value")
        lines += [
            f"{k}. article `{record.get('id')}`, {event.get('part')}, rule `{event.get('rule')}`",
            f"   - sentence: {_sentence(record, event)}",
            f"   - {_role(event.get('actor'))} → **{plover.get('type')}**/{event.get('cameo')}"
            f" ({event['trigger']['text']!r}) → {_role(event.get('recipient'))}",
            f"   - flags: {', '.join(flags)}; place: {place}; date: {date}",
        ]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval"
    )
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    path = args.data / "wikinews-de-articles" / "articles.jsonl"
    if not path.is_file():
        sys.stdout.write(f"skipped: {path} not found (../shared is absent)\n")
        return 0
    began = time.perf_counter()
    results = list(analyze_records(articles(path), PipelineOptions(), workers=args.workers))
    records = [r for r in results if not isinstance(r, RecordError)]
    failed = len(results) - len(records)
    lines = summary(records, time.perf_counter() - began)
    if failed:
        lines.insert(3, f"- failed articles: {failed}")
    lines += sample(records, args.sample, args.seed)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
