"""PLOVER's auxiliary modes for a German clause: negated, future, hypothetical, historical.

Cue words live in ``data/events_rules_de.json``. Dates come from the times stage: a date in
the sentence well before the publication date makes an event historical, one after it makes
it future.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .clauses import Clause, Tok


@dataclass(frozen=True, slots=True)
class Modes:
    negated: bool = False
    historical: bool = False
    future: bool = False
    hypothetical: bool = False


def _month_index(value: str) -> int | None:
    parts = value[:7].split("-")
    if len(parts) < 1 or not parts[0].isdigit():
        return None
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 6
    return year * 12 + month


class ModeFinder:
    def __init__(self, rules: dict[str, Any]) -> None:
        self.negation = frozenset(rules["negation"])
        self.future_words = frozenset(rules["future_words"])
        self.hypothetical = frozenset(rules["hypothetical_words"])
        self.historical_words = frozenset(rules["historical_words"])
        self.months = int(rules["historical_months"])

    def negated(self, clause: Clause, trigger: Tok) -> bool:
        toks = clause.toks
        for k, tok in enumerate(toks):
            low = tok.text.lower()
            if low not in self.negation:
                continue
            following = toks[k + 1].text.lower() if k + 1 < len(toks) else ""
            if following in ("nur", "mehr", "zuletzt", "allein") or (
                low == "nicht" and tok.start > trigger.end and trigger.tag == "NN"
            ):
                continue  # "nicht nur …": not a negation of the event
            return True
        return False

    def future(self, clause: Clause, trigger: Tok) -> bool:
        werden_future = any(
            t.lemma == "werden" and t.tag == "VAFIN" and t.text.lower() not in self.hypothetical
            for t in clause.toks
        ) and any(t.tag == "VVINF" for t in clause.toks)
        return werden_future or any(t.text.lower() in self.future_words for t in clause.toks)

    def hypothetical_clause(self, clause: Clause) -> bool:
        return any(t.text.lower() in self.hypothetical for t in clause.toks)

    def historical(
        self, clause: Clause, dates: list[dict[str, Any]], published: str | None
    ) -> bool:
        if any(
            t.text.lower() in self.historical_words and t.tag in ("ADV", "ADJD")
            for t in clause.toks
        ):
            return True
        now = _month_index(published) if published else None
        if now is None:
            return False
        for date in dates:
            then = _month_index(str(date.get("value") or ""))
            if then is not None and now - then >= self.months:
                return True
        return False

    def later(self, dates: list[dict[str, Any]], published: str | None) -> bool:
        if not published:
            return False
        return any(
            str(d.get("value") or "")[:10] > published[:10]
            and len(str(d.get("value") or "")) >= len(published[:10])
            for d in dates
        )

    def find(
        self, clause: Clause, trigger: Tok, dates: list[dict[str, Any]], published: str | None
    ) -> Modes:
        return Modes(
            negated=self.negated(clause, trigger),
            historical=self.historical(clause, dates, published),
            future=self.future(clause, trigger) or self.later(dates, published),
            hypothetical=self.hypothetical_clause(clause),
        )
