"""Temporal expressions: the project's German news times dev set, WikiWarsDE, TempEval-3.

Recipe (german-news-times-dev SOURCE.md, also the TE3/ACE TERN practice): system and gold
expressions are aligned one-to-one by character overlap (lenient, most overlap first) and by
exact span (strict); P/R/F1 for both; value accuracy on lenient pairs after trivial
normalisation (case, zero padding), and a value F1 counting right values as true positives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .common import (
    Analyse,
    Counts,
    DatasetResult,
    Scorer,
    greedy_pairs,
    limited,
    ratio,
    run,
    set_counts,
)
from .loaders import article, element, read_jsonl, strip_inline, wikinews_articles


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    value: str = ""
    type: str = ""


_PAD_AFTER = re.compile(r"(?<=[-:T])(\d)(?!\d)")
_PAD_WEEK = re.compile(r"(?<=-W)(\d)(?!\d)")


def normalise_value(value: str) -> str:
    """Case and zero padding only: ``2006-5-8t9:05`` equals ``2006-05-08T09:05``."""
    value = value.strip().upper()
    if value[:1].isdigit() or value[:1] == "X":  # dates and times; durations keep their digits
        value = _PAD_WEEK.sub(r"0\1", _PAD_AFTER.sub(r"0\1", value))
    return value


@dataclass(slots=True)
class TimeScores:
    strict: Counts
    lenient: Counts
    value: Counts
    value_right: int
    type_right: int
    pairs: int


def compare(gold: list[Timex], system: list[Timex]) -> TimeScores:
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            common = min(g.end, s.end) - max(g.start, s.start)
            if common > 0:
                candidates.append((-float(common), gi, si))
    pairs = greedy_pairs(candidates)
    lenient = Counts(len(pairs), len(system) - len(pairs), len(gold) - len(pairs))
    strict = set_counts({(t.start, t.end) for t in gold}, {(t.start, t.end) for t in system})
    right = sum(
        1
        for gi, si in pairs
        if normalise_value(gold[gi].value) == normalise_value(system[si].value)
    )
    typed = sum(1 for gi, si in pairs if gold[gi].type and gold[gi].type == system[si].type)
    value = Counts(right, len(system) - right, len(gold) - right)
    return TimeScores(strict, lenient, value, right, typed, len(pairs))


def system_times(record: dict[str, Any] | None) -> list[Timex]:
    return [
        Timex(int(t["start"]), int(t["end"]), str(t.get("value") or ""), str(t.get("type") or ""))
        for t in (record or {}).get("times", [])
    ]


class TimeTally:
    def __init__(self, result: DatasetResult, typed: bool) -> None:
        self.result = result
        self.typed = typed
        self.value_right = self.type_right = self.pairs = 0

    def add(self, gold: list[Timex], record: dict[str, Any] | None) -> None:
        scores = compare(gold, system_times(record))
        for label in ("strict", "lenient", "value"):
            counts: Counts = getattr(scores, label)
            self.result.row(label).add(counts.tp, counts.fp, counts.fn)
        self.value_right += scores.value_right
        self.type_right += scores.type_right
        self.pairs += scores.pairs

    def finish(self) -> None:
        self.result.overall = self.result.row("lenient")
        self.result.scores["value_accuracy"] = ratio(self.value_right, self.pairs)
        if self.typed:
            self.result.scores["type_accuracy"] = ratio(self.type_right, self.pairs)
        self.result.notes.append("overall = lenient extraction; value accuracy on lenient pairs")


def score_german(data_dir: Path, analyse: Analyse, limit: int | None) -> DatasetResult:
    result = DatasetResult("times", "german-news-times", "dev", "de")
    path = data_dir / "german-news-times-dev" / "times.jsonl"
    if not path.is_file():
        result.skipped = f"{path} not found"
        return result
    texts = wikinews_articles(data_dir)
    tally = TimeTally(result, typed=True)
    for row in limited(read_jsonl(path), limit):
        text = texts[str(row["id"])]["text"]
        record = run(result, analyse, article(text, "de", row.get("date"), str(row["id"])))
        gold = [
            Timex(t["start"], t["end"], t.get("value") or "", t.get("type") or "")
            for t in row["times"]
        ]
        tally.add(gold, record)
    tally.finish()
    return result


def _inline_docs(
    paths: Iterable[Path], tag: str, dct_tag: str, value_attr: str
) -> Iterable[tuple[str, str, list[Timex]]]:
    """(publication date, text, gold) of inline-annotated files (TIMEX2 or TIMEX3)."""
    for path in paths:
        markup = path.read_text(encoding="utf-8")
        dct = re.search(r'(?:val|value)="(\d{4}-\d{2}-\d{2})', element(markup, dct_tag))
        text, spans = strip_inline(element(markup, "TEXT"), tag)
        gold = [
            Timex(s.start, s.end, s.attrs.get(value_attr, ""), s.attrs.get("type", ""))
            for s in spans
        ]
        yield (dct[1] if dct else ""), text, gold


def score_wikiwars(data_dir: Path, analyse: Analyse, limit: int | None) -> DatasetResult:
    result = DatasetResult("times", "wikiwarsde", "half", "de")
    folder = data_dir / "wikiwarsde-timex" / "WikiWarsDE_20110412" / "keyinline"
    if not folder.is_dir():
        result.skipped = f"{folder} not found"
        return result
    tally = TimeTally(result, typed=False)
    files = sorted(folder.glob("*.xml"))
    for date, text, gold in limited(_inline_docs(files, "TIMEX2", "DATETIME", "val"), limit):
        tally.add(gold, run(result, analyse, article(text, "de", date or None)))
    tally.finish()
    return result


def score_tempeval(data_dir: Path, analyse: Analyse, limit: int | None) -> DatasetResult:
    result = DatasetResult("times", "tempeval3", "platinum-half", "en")
    folder = data_dir / "tempeval3-platinum-en" / "te3-platinum"
    if not folder.is_dir():
        result.skipped = f"{folder} not found"
        return result
    tally = TimeTally(result, typed=True)
    files = sorted(folder.glob("*.tml"))
    for date, text, gold in limited(_inline_docs(files, "TIMEX3", "DCT", "value"), limit):
        tally.add(gold, run(result, analyse, article(text, "en", date or None)))
    tally.finish()
    return result


DATASETS: dict[str, Scorer] = {
    "german-news-times": score_german,
    "wikiwarsde": score_wikiwars,
    "tempeval3": score_tempeval,
}
