"""Events: the project's German news events dev set, and its SOURCE.md recipe.

Per article, system events are matched to gold one-to-one: same PLOVER type, and the system
trigger overlaps the gold trigger (or, with no system trigger, the evidence span contains the
gold trigger's start); greedy by distance. Typed P/R/F1; untyped F1 (location only); actor and
recipient accuracy on matched pairs. Gold events marked negated are scored apart: only
negated system events can match them, and a non-negated system event there is a false
positive of the main set. PLOVER GSR and PETRARCH records are scored in ``events_en``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .common import Analyse, DatasetResult, Scorer, greedy_pairs, limited, overlaps, ratio, run
from .events_en import score_petrarch, score_plover
from .loaders import article, read_jsonl, wikinews_articles

Event = dict[str, Any]


def _anchor(event: Event, gold_trigger: dict[str, int]) -> int | None:
    """Distance from a system event to a gold trigger, or None when it is not there at all."""
    trigger = event.get("trigger")
    if trigger:
        if overlaps(trigger["start"], trigger["end"], gold_trigger["start"], gold_trigger["end"]):
            return abs(int(trigger["start"]) - int(gold_trigger["start"]))
        return None
    evidence = event.get("evidence")
    if evidence and evidence["start"] <= gold_trigger["start"] < evidence["end"]:
        return abs(int(evidence["start"]) - int(gold_trigger["start"]))
    return None


def system_type(event: Event) -> str | None:
    plover = event.get("plover") or {}
    return str(plover["type"]) if plover.get("type") else None


def match(gold: list[Event], system: list[Event], typed: bool = True) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs, closest first."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if typed and system_type(s) != g["type"]:
                continue
            distance = _anchor(s, g["trigger"])
            if distance is not None:
                candidates.append((float(distance), gi, si))
    return greedy_pairs(candidates)


def role_right(
    gold: dict[str, Any] | None,
    sys: dict[str, Any] | None,
    mentions: dict[str, list[dict[str, Any]]],
) -> bool:
    """The recipe's actor/recipient test; a null gold role is right when the system has none."""
    if gold is None:
        return sys is None
    if sys is None:
        return False
    spans = [sys, *mentions.get(str(sys.get("entity")), [])]
    if any(
        "start" in m and overlaps(m["start"], m["end"], gold["start"], gold["end"]) for m in spans
    ):
        return True
    code, country = sys.get("code"), gold.get("country")
    return bool(code and country and str(code)[:3] == country)


def entity_mentions(record: dict[str, Any] | None) -> dict[str, list[dict[str, Any]]]:
    return {
        str(e.get("id")): list(e.get("mentions", [])) for e in (record or {}).get("entities", [])
    }


class EventTally:
    def __init__(self, result: DatasetResult) -> None:
        self.result = result
        self.actor = [0, 0]
        self.recipient = [0, 0]

    def add(
        self, gold: list[Event], system: list[Event], mentions: dict[str, list[dict[str, Any]]]
    ) -> None:
        gold_main = [g for g in gold if not g.get("negated")]
        gold_neg = [g for g in gold if g.get("negated")]
        sys_main = [s for s in system if not s.get("negated")]
        sys_neg = [s for s in system if s.get("negated")]
        pairs = match(gold_main, sys_main)
        self.result.overall.add(len(pairs), len(sys_main) - len(pairs), len(gold_main) - len(pairs))
        untyped = match(gold_main, sys_main, typed=False)
        self.result.row("untyped").add(
            len(untyped), len(sys_main) - len(untyped), len(gold_main) - len(untyped)
        )
        negated = match(gold_neg, sys_neg)
        self.result.row("negated").add(
            len(negated), len(sys_neg) - len(negated), len(gold_neg) - len(negated)
        )
        self._per_type(gold_main, sys_main, pairs)
        for gi, si in pairs:
            g, s = gold_main[gi], sys_main[si]
            for tally, role in ((self.actor, "actor"), (self.recipient, "recipient")):
                tally[0] += role_right(g.get(role), s.get(role), mentions)
                tally[1] += 1

    def _per_type(
        self, gold: list[Event], system: list[Event], pairs: list[tuple[int, int]]
    ) -> None:
        matched_g = {g for g, _ in pairs}
        matched_s = {s for _, s in pairs}
        for gi, g in enumerate(gold):
            row = self.result.row(f"type.{g['type']}")
            row.add(tp=int(gi in matched_g), fn=int(gi not in matched_g))
        for si, s in enumerate(system):
            if si not in matched_s:
                self.result.row(f"type.{system_type(s)}").add(fp=1)

    def finish(self) -> None:
        self.result.rows["typed"] = self.result.overall
        self.result.scores["actor_accuracy"] = ratio(*self.actor)
        self.result.scores["recipient_accuracy"] = ratio(*self.recipient)


def score_german(data_dir: Path, analyse: Analyse, limit: int | None) -> DatasetResult:
    result = DatasetResult("events", "german-news-events", "dev", "de")
    path = data_dir / "german-news-events-dev" / "events.jsonl"
    if not path.is_file():
        result.skipped = f"{path} not found"
        return result
    texts = wikinews_articles(data_dir)
    tally = EventTally(result)
    for row in limited(read_jsonl(path), limit):
        source = texts[str(row["id"])]
        record = run(
            result, analyse, article(source["text"], "de", source.get("date"), str(row["id"]))
        )
        tally.add(row["events"], list((record or {}).get("events", [])), entity_mentions(record))
    tally.finish()
    result.notes.append("overall = typed events, negated gold scored apart (row 'negated')")
    return result


def score_spanish(data_dir: Path, analyse: Analyse, limit: int | None) -> DatasetResult:
    del analyse, limit
    result = DatasetResult("events", "spanish-protest", "validation", "es")
    result.skipped = "Spanish is not supported by the pipeline yet"
    if not (data_dir / "spanish-protest-cameo-plover-es").is_dir():
        result.skipped = "spanish-protest-cameo-plover-es not found"
    return result


DATASETS: dict[str, Scorer] = {
    "german-news-events": score_german,
    "plover-gsr": score_plover,
    "petrarch-unit": score_petrarch,
    "spanish-protest": score_spanish,
}
