"""English dev scores for the event coder: PLOVER GSR (half) and PETRARCH unit-test records.

PLOVER GSR was coded with PLOVER 0.5 type names; newsgraph emits PLOVER 2.0 names, so the
gold's DEMAND, DISAPPROVE, FIGHT and INVESTIGATE are read as REQUEST, ACCUSE, ASSAULT and
ACCUSE (the PLOVER 2.0 merges) before scoring with ``newsgraph.evaluate.events_en``.

    .venv/bin/python benchmarks/events_en.py [--data ../shared/eval] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newsgraph.evaluate.common import Counts, macro_f1, set_counts
from newsgraph.evaluate.events_en import petrarch_records, plover_record, system_triples
from newsgraph.evaluate.loaders import article
from newsgraph.pipeline import (
    Pipeline,
    PipelineOptions,
    StageSpec,
    register_stage,
    registered_stages,
)

PLOVER2 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def pipeline() -> Pipeline:
    if "events" not in registered_stages():
        spec = StageSpec(
            "events",
            "newsgraph.events.stage:make_stage",
            requires=("parts", "tokens", "sentences", "pos", "times"),
            assigns=("events",),
        )
        register_stage(spec)
    stages = ("structure", "language", "tokens", "tagger", "times", "events")
    return Pipeline(PipelineOptions(lang="en", stages=stages))


def gsr(data: Path, pipe: Pipeline, misses: bool) -> None:
    records = json.loads(
        (data / "plover-gsr-cameo-en" / "PLOVER_GSR_CAMEO.json").read_text("utf-8")
    )
    classes: dict[str, Counts] = {}
    actor = [0, 0]
    for raw in records:
        if raw.get("event") == "DOCUMENT":
            continue
        gold = {**raw, "event": PLOVER2.get(raw["event"], raw["event"])}
        events = pipe(article(gold["text"], "en", gold.get("date"))).to_record()["events"]
        gold_type, types, actor_ok, _ = plover_record(gold, events)
        hit = gold_type in types
        classes.setdefault(gold_type, Counts()).add(tp=int(hit), fn=int(not hit))
        for kind in types - {gold_type}:
            classes.setdefault(kind, Counts()).add(fp=1)
        if actor_ok is not None:
            actor = [actor[0] + int(actor_ok), actor[1] + 1]
        if misses and not hit:
            sys.stdout.write(f"  MISS {gold_type:9} got={sorted(types)} {gold['text'][:100]!r}\n")
    gold_classes = {
        PLOVER2.get(r["event"], r["event"]) for r in records if r.get("event") != "DOCUMENT"
    }
    for name, counts in sorted(classes.items()):
        sys.stdout.write(
            f"gsr {name:10} P={counts.precision:.3f} R={counts.recall:.3f} F1={counts.f1:.3f}\n"
        )
    macro = macro_f1(c for n, c in classes.items() if n in gold_classes)
    sys.stdout.write(f"gsr macro-F1 (PLOVER 2.0 types) {macro:.3f}\n")
    sys.stdout.write(f"gsr actor country accuracy {actor[0]}/{actor[1]}\n")


def petrarch(data: Path, pipe: Pipeline) -> None:
    root, full = Counts(), Counts()
    for date, text, gold in petrarch_records(
        data / "petrarch-cameo-validation-en" / "PETR.UnitTest.records.xml"
    ):
        events: list[dict[str, Any]] = pipe(article(text, "en", date or None)).to_record()["events"]
        system = system_triples(events)
        root = root + set_counts({t[2][:2] for t in gold}, {t[2][:2] for t in system})
        full = full + set_counts({t[2] for t in gold}, {t[2] for t in system})
    for name, c in (("root", root), ("code", full)):
        sys.stdout.write(f"petrarch {name:5} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval"
    )
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    if not (args.data / "plover-gsr-cameo-en").is_dir():
        sys.stdout.write(f"skipped: {args.data} has no English event sets (../shared is absent)\n")
        return 0
    pipe = pipeline()
    gsr(args.data, pipe, args.misses)
    petrarch(args.data, pipe)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
