"""Turn a :class:`Draft` into a TIMEX3 value, resolving against a reference point.

Underspecified results are kept underspecified: a weekday against a month-precision
publication date gives the month ("2023-11", precision "month") and lists the candidate days;
an expression with no usable reference at all gets TIMEX3 ``X`` placeholders
("XXXX-11-08"). Nothing here invents a day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import draft as d
from .anchor import Reference
from .draft import Draft

_PRECISION = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"), "minute"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"^\d{4}-W\d{2}"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}(?:$|-[A-Z])"), "year"),
)


@dataclass(slots=True)
class Resolved:
    value: str
    anchor: str  # absolute | publication | other
    candidates: list[str] = field(default_factory=list)


def precision_of(value: str) -> str | None:
    for pattern, name in _PRECISION:
        if pattern.match(value):
            return name
    return None


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d_, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d_ - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def fmt_day(value: date) -> str:
    return value.isoformat()


def fmt_week(value: date) -> str:
    year, week, _ = value.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def coarse(ref: Reference) -> str:
    """The reference written at the precision it has."""
    if ref.month is None:
        return f"{ref.year:04d}"
    if ref.day is None:
        return f"{ref.year:04d}-{ref.month:02d}"
    return f"{ref.year:04d}-{ref.month:02d}-{ref.day:02d}"


def relative(unit: str, shift: int, ref: Reference) -> str:
    """The unit ``shift`` steps from ``ref`` ("W", -1: last week), at the ref's precision."""
    if unit in ("D", "W", "WE"):
        day = ref.as_date
        return coarse(ref) if day is None else _day_unit(unit, shift, day)
    if unit in ("M", "Q", "H"):
        return f"{ref.year:04d}" if ref.month is None else _month_unit(unit, shift, ref)
    if unit == "DE":
        return f"{ref.year // 10 + shift:03d}"
    if unit == "CE":
        return f"{ref.year // 100 + shift:02d}"
    return f"{ref.year + shift:04d}"


def _day_unit(unit: str, shift: int, day: date) -> str:
    if unit == "D":
        return fmt_day(day + timedelta(days=shift))
    week = fmt_week(day + timedelta(weeks=shift))
    return week + "-WE" if unit == "WE" else week


def _month_unit(unit: str, shift: int, ref: Reference) -> str:
    assert ref.month is not None
    if unit == "M":
        year, month = add_months(ref.year, ref.month, shift)
        return f"{year:04d}-{month:02d}"
    size = 3 if unit == "Q" else 6
    index = ref.year * (12 // size) + (ref.month - 1) // size + shift
    year, part = divmod(index, 12 // size)
    return f"{year:04d}-{unit}{part + 1}"


def weekday(target: int, direction: int, ref: Reference) -> Resolved | None:
    """Resolve a weekday; without a day in the reference, keep the candidates."""
    day = ref.as_date
    if day is None:
        if ref.month is None:
            return Resolved(f"{ref.year:04d}", "publication")
        _, last = calendar.monthrange(ref.year, ref.month)
        days = [date(ref.year, ref.month, n) for n in range(1, last + 1)]
        found = [fmt_day(x) for x in days if x.isoweekday() == target]
        return Resolved(coarse(ref), "publication", found)
    delta = target - day.isoweekday()
    if direction == d.STRICT_LAST:
        delta = delta if delta < 0 else delta - 7
    elif direction == d.STRICT_NEXT:
        delta = delta if delta > 0 else delta + 7
    elif direction < 0:
        delta = delta if delta <= 0 else delta - 7
    elif direction > 0:
        delta = delta if delta >= 0 else delta + 7
    return Resolved(fmt_day(day + timedelta(days=delta)), "publication")


def pick_year(month: int, day: int | None, ref: Reference, tense: int) -> int:
    """The year that puts month/day closest to the reference, biased by tense."""
    if ref.month is None:
        return ref.year
    best, best_score = ref.year, 10_000.0
    here = ref.month + (ref.day or 15) / 31
    for year in (ref.year - 1, ref.year, ref.year + 1):
        gap = (year - ref.year) * 12 + month + (day or 15) / 31 - here
        score = abs(gap)
        if (tense < 0 and gap > 0.5) or (tense > 0 and gap < -0.5):
            score += 6
        if score < best_score:
            best, best_score = year, score
    return best


def calendar_value(dr: Draft, year: int | None) -> str:
    y = "XXXX" if year is None else f"{year:04d}"
    if dr.month is None:
        return y + (f"-{dr.suffix}" if dr.suffix else "")
    if dr.day is None:
        return f"{y}-{dr.month:02d}"
    return f"{y}-{dr.month:02d}-{dr.day:02d}"


def holiday(code: str, year: int) -> str:
    if code.startswith("E"):
        return fmt_day(easter(year) + timedelta(days=int(code[1:])))
    return f"{year:04d}-{code}"
