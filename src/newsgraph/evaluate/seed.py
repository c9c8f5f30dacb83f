"""The seed article's checklist: each analyst finding of the expected reading, pass or fail.

Items live in ``data/seed_checklist.json`` and name spans by short anchors (words inside the
span). A check passes only when the record holds the finding; "absent" items also need the
part they guard to be found, so they cannot pass on an empty record.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..data_files import read_text
from ..model import Article
from ..readers import read_paths
from .common import Analyse, Counts, DatasetResult, Scorer, run

Record = dict[str, Any]
Item = dict[str, Any]


def load_checklist() -> dict[str, Any]:
    text = read_text("seed_checklist.json")
    data: dict[str, Any] = json.loads(text)
    return data


def _text(record: Record, span: dict[str, Any] | None) -> str:
    if not span or "start" not in span:
        return ""
    return str(record["text"][span["start"] : span["end"]])


def _entity(record: Record, ident: object) -> Record | None:
    return next((e for e in record.get("entities", []) if e.get("id") == ident), None)


def _refers_to(record: Record, role: dict[str, Any] | None, anchor: str) -> bool:
    """A speaker/actor slot names ``anchor`` by its own span, its entity's name or mentions."""
    if not role:
        return False
    names = [_text(record, role), str(role.get("code") or ""), str(role.get("resolved") or "")]
    entity = _entity(record, role.get("entity"))
    if entity:
        names.append(str(entity.get("name") or ""))
        names.extend(_text(record, m) for m in entity.get("mentions", []))
    return any(anchor in n for n in names if n)


def check_published(record: Record, item: Item) -> bool:
    pub = record.get("published") or {}
    return bool(pub.get("value") == item["value"] and pub.get("precision") == item["precision"])


def check_part(record: Record, item: Item) -> bool:
    return any(
        p["kind"] == item["part"] and item["anchor"] in _text(record, p)
        for p in record.get("parts", [])
    )


def check_agencies(record: Record, item: Item) -> bool:
    return set(item["agencies"]) <= set(record.get("agencies", []))


def check_entity(record: Record, item: Item) -> bool:
    for entity in record.get("entities", []):
        texts = {_text(record, m) for m in entity.get("mentions", [])}
        if entity.get("type") == item["type"] and set(item["mentions"]) <= texts:
            return True
    return False


def check_quote(record: Record, item: Item) -> bool:
    kinds = {"direct": {"direct", "partial"}, "indirect": {"indirect"}}.get(
        item["quote_kind"], set()
    )
    hits = [
        q
        for q in record.get("quotes", [])
        if item["anchor"] in _text(record, q)
        and q.get("kind") in kinds
        and _refers_to(record, q.get("speaker"), item["speaker"])
        and ("cue" not in item or item["cue"] in _text(record, q.get("cue")))
    ]
    return len(hits) >= int(item.get("count", 1))


def check_event(record: Record, item: Item) -> bool:
    for event in record.get("events", []):
        if (event.get("plover") or {}).get("type") != item["plover"]:
            continue
        if bool(event.get("negated")) != item.get("negated", False):
            continue
        if "historical" in item and bool(event.get("historical")) != item["historical"]:
            continue
        if not _refers_to(record, event.get("actor"), item["actor"]):
            continue
        if "recipient" in item and not _refers_to(
            record, event.get("recipient"), item["recipient"]
        ):
            continue
        return True
    return False


def check_absent(record: Record, item: Item) -> bool:
    guarded = [
        p
        for p in record.get("parts", [])
        if p["kind"] == item["part"] and item["anchor"] in _text(record, p)
    ]
    if not guarded:  # the block must be recognised before "nothing from it" means anything
        return False
    starts = [q["start"] for q in record.get("quotes", [])]
    starts += [
        (e.get("evidence") or e.get("trigger") or {}).get("start", -1)
        for e in record.get("events", [])
    ]
    return not any(p["start"] <= s < p["end"] for p in guarded for s in starts)


def check_time(record: Record, item: Item) -> bool:
    hits = [
        t
        for t in record.get("times", [])
        if item["anchor"] in _text(record, t)
        and str(t.get("value") or "").startswith(
            str(item.get("value_prefix", item.get("value", "")))
        )
        and ("value" not in item or t.get("value") == item["value"])
    ]
    return len(hits) >= int(item.get("count", 1))


def check_tone(record: Record, item: Item) -> bool:
    tone = record.get("tone") or {}
    values = [
        v
        for k, v in tone.items()
        if k in ("score", "polarity", "tone") and isinstance(v, int | float)
    ]
    if not values:
        return False
    return values[0] < 0 if item["sign"] == "negative" else values[0] > 0


CHECKS: dict[str, Callable[[Record, Item], bool]] = {
    "published": check_published,
    "part": check_part,
    "agencies": check_agencies,
    "entity": check_entity,
    "quote": check_quote,
    "event": check_event,
    "absent": check_absent,
    "time": check_time,
    "tone": check_tone,
}


def check_all(record: Record | None, items: list[Item]) -> list[dict[str, Any]]:
    return [
        {
            "id": it["id"],
            "kind": it["kind"],
            "what": it["what"],
            "pass": bool(record) and CHECKS[it["kind"]](record or {}, it),
        }
        for it in items
    ]


def score_seed(data_dir: Path, analyse: Analyse, limit: int | None) -> DatasetResult:
    del limit  # one article
    checklist = load_checklist()
    result = DatasetResult("seed", "seed-checklist", "example", "de")
    path = data_dir.parent / "examples" / checklist["article"]
    if not path.is_file():
        result.skipped = f"{path} not found"
        return result
    articles = [a for a in read_paths([str(path)]) if isinstance(a, Article)]
    if not articles:
        result.skipped = f"{path} could not be read"
        return result
    art = articles[0]
    art.lang = art.lang or "de"
    result.items = check_all(run(result, analyse, art), checklist["items"])
    passed = sum(1 for it in result.items if it["pass"])
    # Each item is one gold finding: a pass is a true positive, a fail a miss.
    result.overall = Counts(tp=passed, fn=len(result.items) - passed)
    result.scores["pass_rate"] = passed / len(result.items) if result.items else 0.0
    return result


DATASETS: dict[str, Scorer] = {"seed-checklist": score_seed}
