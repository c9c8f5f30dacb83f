"""Actors of the knowledge base and the periods their CAMEO codes hold.

Dates are ISO prefixes: a period bound "2024-05" (month precision) stands for any day of
that month, and an article dated "2023-11" for any day of November 2023. A code is valid on
an article's date when the two ranges overlap; where several are, the one still valid at
the end of the article's range wins ("prefer the code valid at the end"), and the team's
current-office file wins over the 2014 dictionary.
"""

from __future__ import annotations

from dataclasses import dataclass

# Sources whose periods are written by the team from public record (kb_leaders_*.tsv).
CURATED = "newsgraph"
# Country-less code prefixes: an international or non-state actor keeps its whole code.
_NON_STATE = frozenset({"IGO", "NGO", "MNC", "IMG", "UIS", "REB", "INT"})


def low_day(value: str) -> str:
    """First day a date prefix can mean: "2023-11" -> "2023-11-01"; "" -> "" (unbounded)."""
    value = value[:10]
    if len(value) == 4:
        return value + "-01-01"
    if len(value) == 7:
        return value + "-01"
    return value


def high_day(value: str) -> str:
    """Last day a date prefix can mean ("31" works for every month in a comparison)."""
    value = value[:10]
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        return value + "-31"
    return value


@dataclass(frozen=True, slots=True)
class Period:
    code: str
    start: str = ""  # as written: "", "YYYY-MM" or "YYYY-MM-DD"
    end: str = ""
    source: str = ""

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)

    def overlaps(self, lo: str, hi: str) -> bool:
        return (not self.start or low_day(self.start) <= hi) and (
            not self.end or high_day(self.end) >= lo
        )

    def holds_on(self, day: str) -> bool:
        return self.overlaps(day, day)


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str  # canonical: the German form where the team's file gives one
    type: str  # PER, ORG or GPE
    aliases: tuple[str, ...]
    periods: tuple[Period, ...]

    @property
    def curated(self) -> bool:
        """Written by the team (current office holders, German names)."""
        return any(p.source == CURATED for p in self.periods)

    @property
    def country(self) -> str | None:
        """The ISO-3 country of the actor's latest code; None for IGOs and the like."""
        dated = sorted((p for p in self.periods if p.dated), key=lambda p: high_day(p.end or "9"))
        for period in reversed(dated or list(self.periods)):
            prefix = period.code[:3]
            if prefix not in _NON_STATE:
                return prefix
        return None

    def code_on(self, on: str | None, *, fallback: bool = True) -> str | None:
        """The CAMEO code valid on ``on`` (an ISO date prefix; None: the latest code).

        Without a dated code for that time, an undated code of the dictionary applies; a
        person known only from other years falls back to their country, which rarely
        changes, while their office does (``fallback=False`` returns None instead).
        """
        if not on:
            return self._latest()
        lo, hi = low_day(on), high_day(on)
        valid = [p for p in self.periods if p.dated and p.overlaps(lo, hi)]
        if valid:
            return max(valid, key=lambda p: _rank(p, hi)).code
        undated = [p for p in self.periods if not p.dated]
        if undated:
            return undated[0].code
        return self.country if fallback and self.country else None

    def _latest(self) -> str | None:
        if not self.periods:
            return None
        return max(
            self.periods, key=lambda p: (high_day(p.end or "9999"), p.source == CURATED)
        ).code


def _rank(period: Period, hi: str) -> tuple[bool, bool, str]:
    return (period.holds_on(hi), period.source == CURATED, low_day(period.start))
