"""Cut a text into paragraph units: trimmed spans, one per line, with hard-wrapped lines rejoined.

Scraped news comes in two shapes: paragraphs separated by blank lines (the record format) or
one paragraph per line (trafilatura, JSONL). A line is therefore the unit; lines of one
blank-line-separated block are joined back only where the text was visibly hard-wrapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLOCK_SEP = re.compile(r"\n[^\S\n]*\n\s*")
_LINE = re.compile(r"[^\n]+")
_SENTENCE_FINAL = frozenset(".!?:;\"“”)»«'’")
# A hard-wrapped block: lines of nearly equal width, as an e-mail or wire feed wraps them.
_WRAP_MIN, _WRAP_MAX, _WRAP_SPREAD = 50, 100, 0.2


@dataclass(frozen=True, slots=True)
class Unit:
    start: int
    end: int
    block: int  # index of the blank-line-separated block the unit belongs to


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _blocks(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for sep in _BLOCK_SEP.finditer(text):
        bounds.append((pos, sep.start()))
        pos = sep.end()
    bounds.append((pos, len(text)))
    return bounds


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = (
        trim(text, start + m.start(), start + m.end()) for m in _LINE.finditer(text[start:end])
    )
    return [(a, b) for a, b in spans if a < b]


def _hard_wrapped(lines: list[tuple[int, int]]) -> bool:
    if len(lines) < 3:
        return False
    widths = [b - a for a, b in lines[:-1]]
    widest = max(widths)
    return (
        min(widths) >= _WRAP_MIN
        and widest <= _WRAP_MAX
        and widest - min(widths) <= widest * _WRAP_SPREAD
    )


def _continues(text: str, previous: tuple[int, int], line: tuple[int, int]) -> bool:
    # A line that starts in lower case after one that did not end a sentence is the same paragraph.
    return text[previous[1] - 1] not in _SENTENCE_FINAL and text[line[0]].islower()


def split_units(text: str) -> list[Unit]:
    """Paragraph units in text order; together they cover every non-whitespace character."""
    units: list[Unit] = []
    for index, (start, end) in enumerate(_blocks(text)):
        lines = _lines(text, start, end)
        if not lines:
            continue
        if _hard_wrapped(lines):
            units.append(Unit(lines[0][0], lines[-1][1], index))
            continue
        current = lines[0]
        for line in lines[1:]:
            if _continues(text, current, line):
                current = (current[0], line[1])
            else:
                units.append(Unit(*current, index))
                current = line
        units.append(Unit(*current, index))
    return units
