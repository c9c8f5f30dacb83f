"""What a grammar rule found: a span plus the pieces of meaning needed to normalise it.

Rules fill only the fields they read from the text; :mod:`.normalize` turns a draft into a
TIMEX3 value against the publication date or the narrative reference time.
"""

from __future__ import annotations

from dataclasses import dataclass

# Direction for weekdays, months and seasons without a year.
TENSE = None  # decided from the verbs around the expression
STRICT_LAST = -2  # "letzten Donnerstag": strictly before the reference
STRICT_NEXT = 2  # "kommenden Sonntag": strictly after the reference
THIS = 0  # "diesen Montag", "dieses Jahres": the reference's own week or year


@dataclass(slots=True)
class Draft:
    start: int
    end: int
    rule: str
    type: str = "DATE"
    value: str | None = None  # already final: durations, sets, *_REF
    year: int | None = None  # explicit in the text
    month: int | None = None
    day: int | None = None
    suffix: str | None = None  # after the year: "SU", "Q1", "H2"
    weekday: int | None = None  # ISO 1..7
    unit: str | None = None  # relative step: D, W, WE, M, Y, DE, CE, Q
    shift: int = 0
    direction: int | None = TENSE
    # Which reference: "pub" (gestern, vor zwei Jahren), "text" (am selben Tag, im folgenden
    # Jahr) or "mode" (am 4. Juli, im Juni: the text's time in narratives, else publication).
    ref: str = "mode"
    day_shift: int = 0  # applied after resolution: "in der Nacht zum Sonntag" is Saturday's
    pod: str | None = None  # part of day: MO, MI, AF, EV, NI
    clock: tuple[int, int] | None = None
    mod: str | None = None
    decade: int | None = None  # "199" for the 1990s
    century: int | None = None  # "19" for the 20th century
    holiday: str | None = None  # "12-25", or "E+1" for a day relative to Easter Sunday
    bc: bool = False  # "v. Chr."

    @property
    def length(self) -> int:
        return self.end - self.start
