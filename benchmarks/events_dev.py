"""Dev scorer for the event coder on ../shared/eval/german-news-events-dev (SOURCE.md recipe).

Runs the default pipeline up to "events" over the 32 dev articles and scores with the project's
harness (``newsgraph.evaluate.events``: one-to-one matching on type + trigger overlap, typed
and untyped P/R/F1, actor/recipient accuracy, negated gold scored apart). ``--misses`` lists
unmatched gold and system events for error analysis. The dev set is for measuring only.

    .venv/bin/python benchmarks/events_dev.py [--misses] [--data ../shared/eval]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from newsgraph.evaluate.common import DatasetResult
from newsgraph.evaluate.events import EventTally, entity_mentions, match, role_right
from newsgraph.evaluate.loaders import article, read_jsonl, wikinews_articles
from newsgraph.pipeline import (
    DEFAULT_STAGES,
    Pipeline,
    PipelineOptions,
    StageSpec,
    register_stage,
    registered_stages,
)

COREF = StageSpec(
    "coref",
    "newsgraph.entities.coref:make_stage",
    requires=("tokens", "sentences", "pos"),
    assigns=("entities",),
)


def pipeline(coref: bool) -> Pipeline:
    """The default chain up to "events" (as ``newsgraph eval events`` runs it); ``coref``
    adds the coreference stage after "ner" when the default chain does not have it yet."""
    chain = list(DEFAULT_STAGES[: DEFAULT_STAGES.index("events") + 1])
    if coref and "coref" not in chain:
        if "coref" not in registered_stages():
            register_stage(COREF)
        chain.insert(chain.index("ner") + 1, "coref")
    return Pipeline(PipelineOptions(lang="de", stages=tuple(chain)))


def show(text: str, label: str, event: dict[str, Any]) -> str:
    kind = event.get("type") or (event.get("plover") or {}).get("type")
    trig = event["trigger"]
    actor = (event.get("actor") or {}).get("text")
    recipient = (event.get("recipient") or {}).get("text")
    neg = " NEG" if event.get("negated") else ""
    return f"  {label} {kind:9} {trig['text']!r:28} A={actor!r} R={recipient!r}{neg}"


def misses(gold: list[dict[str, Any]], system: list[dict[str, Any]], text: str) -> list[str]:
    pairs = match(gold, system)
    got_g, got_s = {g for g, _ in pairs}, {s for _, s in pairs}
    lines = [show(text, "FN", g) for i, g in enumerate(gold) if i not in got_g]
    lines += [show(text, "FP", s) for i, s in enumerate(system) if i not in got_s]
    for gi, si in pairs:
        for role in ("actor", "recipient"):
            if not role_right(gold[gi].get(role), system[si].get(role), {}):
                wanted = (gold[gi].get(role) or {}).get("text")
                got = (system[si].get(role) or {}).get("text")
                label = f"  {role[:3].upper()}X {gold[gi]['type']:9}"
                lines.append(
                    f"{label} {gold[gi]['trigger']['text']!r:28} gold={wanted!r} sys={got!r}"
                )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval"
    )
    parser.add_argument("--misses", action="store_true")
    parser.add_argument(
        "--coref", action="store_true", help="add the coref stage after ner (if not default)"
    )
    args = parser.parse_args()
    gold_path = args.data / "german-news-events-dev" / "events.jsonl"
    if not gold_path.is_file():
        sys.stdout.write(f"skipped: {gold_path} not found (../shared is absent)\n")
        return 0
    texts = wikinews_articles(args.data)
    pipe = pipeline(args.coref)
    result = DatasetResult("events", "german-news-events", "dev", "de")
    tally = EventTally(result)
    seconds = 0.0
    rows = read_jsonl(gold_path)
    for row in rows:
        source = texts[str(row["id"])]
        began = time.perf_counter()
        record = pipe(article(source["text"], "de", source.get("date"), str(row["id"]))).to_record()
        seconds += time.perf_counter() - began
        tally.add(row["events"], record["events"], entity_mentions(record))
        if args.misses:
            sys.stdout.write(
                f"article {row['id']}\n"
                + "\n".join(misses(row["events"], record["events"], record["text"]))
                + "\n"
            )
    tally.finish()
    for name, counts in sorted(result.rows.items()):
        c = counts.to_dict()
        prf = f"P={c['precision']:.3f} R={c['recall']:.3f} F1={c['f1']:.3f}"
        sys.stdout.write(f"{name:22} {prf} tp={c['tp']} fp={c['fp']} fn={c['fn']}\n")
    for name, value in result.scores.items():
        sys.stdout.write(f"{name:22} {value:.3f}\n")
    sys.stdout.write(f"ms/article (whole pipeline) {1000 * seconds / len(rows):.0f}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
