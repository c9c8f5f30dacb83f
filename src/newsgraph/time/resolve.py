"""Choose the reference for a draft and compute its value (the dispatcher over normalize)."""

from __future__ import annotations

from dataclasses import dataclass

from . import draft as d
from .anchor import Reference
from .draft import Draft
from .normalize import (
    Resolved,
    calendar_value,
    holiday,
    pick_year,
    relative,
    weekday,
)

# A month inside each season or quarter, to place it relative to the reference.
_MID_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1, "Q1": 2, "Q2": 5, "Q3": 8, "Q4": 11}
_MID_MONTH |= {"H1": 4, "H2": 10}


@dataclass(slots=True)
class Context:
    publication: Reference | None
    narrative: Reference | None = None  # the last date the text itself named
    narrative_mode: bool = False  # the document is a narrative: partial dates follow the text
    day_hint: Reference | None = None  # the last day named in the current sentence


def resolve(dr: Draft, ctx: Context, tense: int) -> Resolved:
    """The value of ``dr``; ``tense`` is -1 past, +1 future, 0 unknown."""
    fixed = _fixed(dr)
    if fixed is not None:
        return fixed
    if ctx.narrative_mode and dr.unit == "D" and dr.shift == 0 and dr.ref == "pub":
        return Resolved("PRESENT_REF", "publication")  # "heute" in a history: nowadays
    ref, anchor = _reference(dr, ctx)
    if ref is None:
        return _unanchored(dr)
    res = _against(dr, ref, tense, ctx.narrative_mode and anchor == "other")
    res.anchor = anchor if res.anchor != "absolute" else "absolute"
    return res


def _fixed(dr: Draft) -> Resolved | None:
    """Values the text gives in full: durations, sets, *_REF, decades, explicit years."""
    if dr.value is not None:
        return Resolved(dr.value, "publication" if dr.value.endswith("_REF") else "absolute")
    if dr.decade is not None:
        return Resolved(f"{dr.decade:03d}", "absolute")
    if dr.century is not None:
        return Resolved(f"{dr.century:02d}", "absolute")
    return _explicit(dr) if dr.year is not None else None


def _explicit(dr: Draft) -> Resolved:
    assert dr.year is not None
    if dr.bc:
        return Resolved(f"BC{dr.year:04d}", "absolute")
    if dr.holiday is not None:
        return Resolved(holiday(dr.holiday, dr.year), "absolute")
    return Resolved(calendar_value(dr, dr.year), "absolute")


def _reference(dr: Draft, ctx: Context) -> tuple[Reference | None, str]:
    anaphoric = dr.ref == "text" or (ctx.narrative_mode and dr.ref == "mode")
    if dr.clock is not None and dr.weekday is None and ctx.day_hint is not None:
        return ctx.day_hint, "other"
    if anaphoric and ctx.narrative is not None:
        return ctx.narrative, "other"
    if ctx.publication is not None:
        return ctx.publication, "publication"
    return ctx.narrative, "other"


def _unanchored(dr: Draft) -> Resolved:
    """No reference at all: TIMEX3 placeholders for what the text leaves open."""
    if dr.month is not None or dr.suffix is not None:
        return Resolved(calendar_value(dr, None), "other")
    if dr.weekday is not None:
        return Resolved(f"XXXX-WXX-{dr.weekday}", "other")
    if dr.unit == "D" and dr.shift == 0:
        return Resolved("PRESENT_REF", "publication")
    return Resolved("XXXX-XX-XX" if dr.unit in ("D", None) else "XXXX", "other")


def _against(dr: Draft, ref: Reference, tense: int, follow_text: bool) -> Resolved:
    if dr.holiday is not None:
        year = ref.year + (dr.shift if dr.unit == "Y" else 0)
        return Resolved(holiday(dr.holiday, year), "publication")
    if dr.month is not None or dr.suffix is not None:
        year = _partial_year(dr, ref, tense, follow_text)
        return Resolved(calendar_value(dr, year), "publication")
    if dr.weekday is not None:
        direction = dr.direction if dr.direction is not None else tense or -1
        res = weekday(dr.weekday, direction, ref)
        assert res is not None
        return res
    bare_weekend = dr.unit == "WE" and dr.shift == 0 and dr.direction is d.TENSE
    if bare_weekend and ref.as_date is not None:
        return Resolved(relative("WE", _weekend_shift(ref, tense), ref), "publication")
    return Resolved(relative(dr.unit or "D", dr.shift, ref), "publication")


def _weekend_shift(ref: Reference, tense: int) -> int:
    """ "am Wochenende": the last one in past context, the coming one otherwise."""
    assert ref.as_date is not None
    on_weekend = ref.as_date.isoweekday() >= 6
    if tense > 0:
        return 0 if not on_weekend else 1
    return 0 if on_weekend else -1


def _partial_year(dr: Draft, ref: Reference, tense: int, follow_text: bool) -> int:
    """The year of "im Juni", "am 4. Juli", "im Sommer", "Ende des Jahres"."""
    if dr.unit == "Y":
        return ref.year + dr.shift
    month = dr.month or _MID_MONTH.get(dr.suffix or "", 6)
    if follow_text:
        # A narrative moves forward: a future-tense month before the current one is next year's.
        later = tense > 0 and ref.month is not None and month < ref.month
        return ref.year + 1 if later else ref.year
    halves = dr.month is None and dr.suffix in ("H1", "H2")
    if halves or dr.direction == d.THIS or ref.month is None:
        return ref.year
    if dr.direction == d.STRICT_LAST:
        return ref.year if month < ref.month else ref.year - 1
    if dr.direction == d.STRICT_NEXT:
        return ref.year if month > ref.month else ref.year + 1
    return pick_year(month, dr.day, ref, tense)
