"""Rules: a compiled pattern plus a handler that turns a match into a :class:`Draft`.

Shared helpers read numbers, units and relative words through the lexicon, so the German and
English grammars differ in their patterns, not in how they interpret words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import draft as d
from .draft import Draft
from .lexicon import Lexicon, alternation

Handler = Callable[[re.Match[str], Lexicon], Draft | None]
ENDING = r"(?:e|en|er|es|em)"
B = r"(?<![\w])"  # word start (also before "Jan." style abbreviations)
E = r"(?![\w])"  # word end


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


def rule(name: str, pattern: str, handler: Handler, flags: int = re.IGNORECASE) -> Rule:
    return Rule(name, re.compile(pattern, flags), handler)


def stems(words: tuple[str, ...]) -> str:
    """Adjective stems with a required ending: "letzt" → letzte, letzten, letzter …"""
    return alternation(words) + ENDING


def draft(m: re.Match[str], name: str, group: str | None = None, **fields: object) -> Draft:
    """A draft spanning the match, or only ``group`` where given and matched."""
    start, end = m.span(group) if group and m.group(group) is not None else m.span()
    return Draft(start, end, name, **fields)  # type: ignore[arg-type]


def number(text: str | None, lex: Lexicon) -> float | None:
    """Digits or a number word; None for vague quantities ("einige", "several")."""
    if text is None:
        return None
    word = re.sub(r"\s+", " ", text.strip().lower())
    if word.replace(".", "").replace(",", "").isdigit():
        return float(word.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+[.,]\d+", word):
        return float(word.replace(",", "."))
    return lex.numbers.get(word)


def unit_of(text: str, lex: Lexicon) -> str:
    return lex.units[re.sub(r"\s+", " ", text.lower())]


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60)}
_SMALLER |= {"DE": ("Y", 10), "CE": ("DE", 10)}


def duration(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration: P2Y, PT5H, P18M for one and a half years, PXD when vague."""
    if amount is not None and amount != int(amount) and unit in _SMALLER:
        smaller, factor = _SMALLER[unit]
        return duration(amount * factor, smaller)
    count = "X" if amount is None else str(int(amount))
    if unit in ("H", "MIN", "S"):
        return f"PT{count}{'M' if unit == 'MIN' else unit}"
    return f"P{count}{unit}"


def relation(word: str | None, lex: Lexicon) -> tuple[int, int | None, str]:
    """(shift, direction, reference) of "letzten", "kommenden", "diesen", "folgenden" …"""
    if not word:
        return 0, d.TENSE, "mode"
    w = re.sub(r"\s+", " ", word.strip().lower())
    table = (
        (lex.before_last, -2, d.STRICT_LAST, "mode"),
        (lex.after_next, 2, d.STRICT_NEXT, "mode"),
        (lex.last, -1, d.STRICT_LAST, "mode"),
        (lex.next, 1, d.STRICT_NEXT, "mode"),
        (lex.following, 1, d.STRICT_NEXT, "text"),
        (lex.this, 0, d.THIS, "mode"),
    )
    for words, shift, direction, ref in table:
        if any(w == s or (w.startswith(s) and len(w) - len(s) <= 2) for s in words):
            if w.startswith(("selb", "gleich", "desselb")):
                return 0, d.THIS, "text"
            return shift, direction, ref
    return 0, d.TENSE, "mode"
