"""What the quote rules find, before it becomes the record's dict (see ``stage``)."""

from __future__ import annotations

from dataclasses import dataclass, field

Offsets = tuple[int, int]


@dataclass(slots=True)
class Found:
    start: int
    end: int
    kind: str  # direct | partial | indirect
    speaker: Offsets | None = None
    cue: Offsets | None = None
    pieces: tuple[Offsets, ...] = ()  # the cue's other words: "fuhr … *fort*", "*hat* gefordert"
    addressee: Offsets | None = None
    # Inside another quote (a partial quote within reported speech): the quotation corpus
    # calls these nested and leaves them out of its scores.
    nested: bool = False
    rule: str = ""
    # Inside [start, end) but not quoted words: an attribution set into the reported
    # words ("Es bestehe *nach Angaben der Polizei* keine Gefahr", "…, *so X*, …").
    gaps: list[Offsets] = field(default_factory=list)

    def contains(self, other: Found) -> bool:
        return self.start <= other.start and other.end <= self.end and self is not other
