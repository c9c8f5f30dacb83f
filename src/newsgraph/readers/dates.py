"""Publication dates as given by inputs: keep the precision, never invent a day."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..model import Published

_DATE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})[^\s]*)?)?)?$"
)


def parse_published(value: str) -> Published:
    """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an ISO date-time; ValueError otherwise."""
    match = _DATE.match(value.strip())
    if not match:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or ISO date-time")
    year, month, day = match["y"], match["m"], match["d"]
    if month is None:
        return Published(year, "year")
    if not 1 <= int(month) <= 12:
        raise ValueError(f"date {value!r} has no month {month}")
    if day is None:
        return Published(f"{year}-{month}", "month")
    try:
        date(int(year), int(month), int(day))
    except ValueError as exc:
        raise ValueError(f"date {value!r} is not a calendar date ({exc})") from None
    if match["hh"] is None:
        return Published(f"{year}-{month}-{day}", "day")
    stamp = datetime(int(year), int(month), int(day), int(match["hh"]), int(match["mm"]))
    return Published(stamp.strftime("%Y-%m-%dT%H:%M"), "minute")
