"""Reference points: the publication date (with its precision) and the narrative time.

A reference keeps only what is known: a month-precision publication date has no day, and
nothing computed from it may invent one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Published

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class Reference:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def as_date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    @classmethod
    def from_date(cls, value: date) -> Reference:
        return cls(value.year, value.month, value.day)


def from_published(published: Published | None) -> Reference | None:
    if published is None:
        return None
    return from_value(published.value)


def from_value(value: str) -> Reference | None:
    """The calendar point a TIMEX value names, as far as it names one ("2023-11" → Nov 2023)."""
    match = _ISO.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    if not 1 <= int(year) <= 9999:
        return None
    return Reference(int(year), int(month) if month else None, int(day) if day else None)
