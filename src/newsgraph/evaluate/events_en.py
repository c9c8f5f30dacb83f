"""English event sets: PLOVER gold standard records and the PETRARCH CAMEO unit tests.

PLOVER GSR (its SOURCE.md): per sentence, event-type macro-F1 over the PLOVER classes of the
gold set; where the system has an event of the gold type, actor and recipient are right when
a system code's first three letters match a gold country code (reciprocal ``SRC/TAR``
records accept either direction). PETRARCH: per sentence, set P/R/F1 over
(source, target, event code) triples, and over CAMEO codes at root (2 digits) and full level.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from .common import Analyse, Counts, DatasetResult, limited, macro_f1, ratio, run, set_counts
from .loaders import article

# A typo in the Spanish set that also guards any copy of the records.
# The GSR gold predates PLOVER 2.0, whose manual folds DISAPPROVE and INVESTIGATE into ACCUSE
# (as modes), DEMAND into REQUEST and FIGHT into ASSAULT; we emit 2.0 types, so the gold's
# old names are read as their 2.0 successors. "SACTION" is an upstream typo.
TYPE_FIX = {
    "SACTION": "SANCTION",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "DEMAND": "REQUEST",
    "FIGHT": "ASSAULT",
}


def _codes(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {str(a.get("code", ""))[:3] for a in actors if a.get("code")}


def _role_code(event: dict[str, Any], role: str) -> str | None:
    value = event.get(role)
    code = value.get("code") if isinstance(value, dict) else None
    return str(code)[:3] if code else None


def plover_record(
    gold: dict[str, Any], system: list[dict[str, Any]]
) -> tuple[str, set[str], bool | None, bool | None]:
    """Gold type, system types, and actor/recipient right (None where the type is missed)."""
    gold_type = TYPE_FIX.get(gold["event"], gold["event"])
    types = {TYPE_FIX.get(t, t) for t in (str((e.get("plover") or {}).get("type")) for e in system)}
    same = [e for e in system if (e.get("plover") or {}).get("type") == gold_type]
    if not same:
        return gold_type, types, None, None
    sources, targets = _codes(gold.get("source")), _codes(gold.get("target"))
    if "SRC/TAR" in (gold.get("textInfo") or {}).get("markup", ""):
        sources = targets = sources | targets
    actor_ok = any(_role_code(e, "actor") in sources for e in same)
    if targets:
        recipient_ok = any(_role_code(e, "recipient") in targets for e in same)
    else:
        recipient_ok = any(not e.get("recipient") for e in same)
    return gold_type, types, actor_ok, recipient_ok


def score_plover(data_dir: Path, analyse: Analyse, limit: int | None) -> DatasetResult:
    result = DatasetResult("events", "plover-gsr", "half", "en")
    path = data_dir / "plover-gsr-cameo-en" / "PLOVER_GSR_CAMEO.json"
    if not path.is_file():
        result.skipped = f"{path} not found"
        return result
    records = [
        r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"
    ]
    classes: dict[str, Counts] = {}
    actor, recipient = [0, 0], [0, 0]
    for gold in limited(records, limit):
        record = run(result, analyse, article(gold["text"], "en", gold.get("date")))
        gold_type, types, actor_ok, recipient_ok = plover_record(
            gold, (record or {}).get("events", [])
        )
        hit = gold_type in types
        classes.setdefault(gold_type, Counts()).add(tp=int(hit), fn=int(not hit))
        for t in types - {gold_type}:
            classes.setdefault(t, Counts()).add(fp=1)
        if actor_ok is not None:
            actor = [actor[0] + int(actor_ok), actor[1] + 1]
            recipient = [recipient[0] + int(bool(recipient_ok)), recipient[1] + 1]
    gold_classes = {TYPE_FIX.get(r["event"], r["event"]) for r in limited(records, limit)}
    for name, counts in sorted(classes.items()):
        result.overall = result.overall + counts
        result.rows[f"type.{name}"] = counts
    result.scores["macro_f1"] = macro_f1(c for n, c in classes.items() if n in gold_classes)
    result.scores["actor_country_accuracy"] = ratio(*actor)
    result.scores["recipient_country_accuracy"] = ratio(*recipient)
    result.notes.append("overall = micro over types; macro_f1 over the gold set's classes")
    return result


def petrarch_records(path: Path) -> list[tuple[str, str, set[tuple[str, str, str]]]]:
    """(date, text, gold triples) per unit-test sentence; ``noevents`` gives no triples."""
    out = []
    for sentence in ET.parse(path).getroot().iter("Sentence"):
        triples = {
            (c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
            for c in sentence.findall("EventCoding")
            if c.get("noevents") != "True" and c.get("eventcode")
        }
        text = " ".join((sentence.findtext("Text") or "").split())
        raw = sentence.get("date", "")
        date = f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if len(raw) == 8 else None
        if text:
            out.append((date or "", text, triples))
    return out


def system_triples(events: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {
        (_full_code(e, "actor"), _full_code(e, "recipient"), str(e.get("cameo") or ""))
        for e in events
        if e.get("cameo")
    }


def _full_code(event: dict[str, Any], role: str) -> str:
    value = event.get(role)
    return str(value.get("code") or "") if isinstance(value, dict) else ""


def score_petrarch(data_dir: Path, analyse: Analyse, limit: int | None) -> DatasetResult:
    result = DatasetResult("events", "petrarch-unit", "unit-tests", "en")
    path = data_dir / "petrarch-cameo-validation-en" / "PETR.UnitTest.records.xml"
    if not path.is_file():
        result.skipped = f"{path} not found"
        return result
    for date, text, gold in limited(petrarch_records(path), limit):
        record = run(result, analyse, article(text, "en", date or None))
        system = system_triples((record or {}).get("events", []))
        result.overall = result.overall + set_counts(gold, system)
        root = set_counts({t[2][:2] for t in gold}, {t[2][:2] for t in system})
        full = set_counts({t[2] for t in gold}, {t[2] for t in system})
        result.row("root").add(root.tp, root.fp, root.fn)
        result.row("code").add(full.tp, full.fp, full.fn)
    result.notes.append(
        "overall = (source, target, code) triples; fictional actors, behaviour tests"
    )
    return result
