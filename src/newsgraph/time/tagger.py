"""The "times" stage: find temporal expressions and normalise them.

German and English grammars (``de_*.py``, ``en.py``) propose drafts; overlaps are settled
longest-first; each draft is then resolved in text order against the publication date or,
for anaphoric expressions and narrative texts, against the last date the text named.
Output items follow the record contract (see ``newsgraph.model``)::

    {"start", "end", "text", "type", "value", "precision", "anchor", "mod"?, "candidates"?}

A weekday against a month-precision publication date keeps the ambiguity: the value is the
month ("2023-11", precision "month") and ``candidates`` lists the matching days.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from ..model import Document, Span
from ..pipeline import PipelineOptions
from . import de_calendar, de_relative, en
from .anchor import Reference, from_published, from_value
from .draft import Draft
from .grammar import Rule
from .lexicon import LANGUAGES, Lexicon, load_lexicon
from .normalize import Resolved, fmt_week, precision_of
from .resolve import Context, resolve
from .tense import TenseCues, nearest

_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_APPOSITION = re.compile(r"^\s*[,(]?\s*(?:(?:den|dem|der|the)\s+)?$", re.IGNORECASE)
_RANGE_END = re.compile(r"\b(?:bis|until|till)\s+$", re.IGNORECASE)
# A text is a narrative when most of the years it names lie this far from publication.
_NARRATIVE_GAP = 5


class Grammar:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.tense = TenseCues(lex)
        if lex.lang == "de":
            self.rules: list[Rule] = de_calendar.rules(lex) + de_relative.rules(lex)
        else:
            self.rules = en.rules(lex)
        self.priority = {r.name: i for i, r in enumerate(self.rules)}

    def find(self, text: str) -> list[Draft]:
        found: list[Draft] = []
        for r in self.rules:
            for m in r.pattern.finditer(text):
                dr = r.handler(m, self.lex)
                if dr is not None and dr.end > dr.start:
                    found.append(dr)
        return settle(found, self.priority)


def settle(drafts: list[Draft], priority: dict[str, int]) -> list[Draft]:
    """Keep the longest of overlapping drafts (earlier rule on ties), in text order."""
    ranked = sorted(drafts, key=lambda x: (-x.length, priority.get(x.rule, 99), x.start))
    taken: list[Draft] = []
    for dr in ranked:
        if all(dr.end <= t.start or dr.start >= t.end for t in taken):
            taken.append(dr)
    return sorted(taken, key=lambda x: x.start)


def make_stage(options: PipelineOptions) -> Callable[[Document], None]:
    grammars = {lang: Grammar(load_lexicon(lang)) for lang in LANGUAGES}

    def times(doc: Document) -> None:
        lang = doc.lang or doc.article.lang or "de"
        grammar = grammars.get(lang)
        doc.times = tag(doc, grammar) if grammar is not None else []

    return times


def sentences_of(doc: Document) -> list[Span]:
    if doc.sentences:
        return doc.sentences
    if doc.parts:
        return [Span(p.start, p.end) for p in doc.parts]
    return [Span(0, len(doc.text))]


def narrative(drafts: list[Draft], publication: Reference | None) -> bool:
    """A history (many years far from publication, hardly any "gestern" or weekday)?"""
    if publication is None:
        return True
    years = [dr.year for dr in drafts if dr.year is not None and not dr.bc]
    far = sum(abs(y - publication.year) > _NARRATIVE_GAP for y in years)
    deictic = sum(dr.ref == "pub" or dr.weekday is not None for dr in drafts)
    return len(years) >= 8 and far > 0.6 * len(years) and deictic < 0.1 * len(drafts)


def tag(doc: Document, grammar: Grammar) -> list[dict[str, Any]]:
    text = doc.text
    drafts = grammar.find(text)
    publication = from_published(doc.article.published)
    ctx = Context(publication, narrative_mode=narrative(drafts, publication))
    sentences = sentences_of(doc)
    starts = [s.start for s in sentences]
    cue_cache: dict[int, list[tuple[int, int]]] = {}
    items: list[dict[str, Any]] = []
    current_sentence = -1
    for dr in drafts:
        if ctx.narrative_mode and dr.value == "PRESENT_REF" and dr.rule == "ref":
            continue  # "nun" in a narrative is the story's now, not the reader's
        index = max(0, bisect_right(starts, dr.start) - 1)
        if index != current_sentence:
            current_sentence, ctx.day_hint = index, None
        if index not in cue_cache:
            s = sentences[index]
            cue_cache[index] = grammar.tense.cues(text, s.start, s.end)
        tense = nearest(cue_cache[index], clause(text, sentences[index], dr), (dr.start, dr.end))
        res = resolve(dr, ctx, tense)
        _finish(dr, res)
        _apposition(text, items, dr, res)
        _remember(ctx, text, dr, res)
        items.append(_item(text, dr, res))
    for item in items:
        item.pop("_weekday", None)
    return items


def clause(text: str, sentence: Span, dr: Draft) -> tuple[int, int]:
    """The stretch between the punctuation marks around the expression."""
    left = max(text.rfind(c, sentence.start, dr.start) for c in ",;:(")
    rights = [i for i in (text.find(c, dr.end, sentence.end) for c in ",;:)") if i >= 0]
    return (max(left, sentence.start), min(rights, default=sentence.end))


def _finish(dr: Draft, res: Resolved) -> None:
    """Apply a day shift and a time of day to a day-precision value."""
    match = _DAY_VALUE.match(res.value)
    if match is None:
        return
    day = date(int(match[1]), int(match[2]), int(match[3]))
    if dr.day_shift:
        day += timedelta(days=dr.day_shift)
    value = day.isoformat()
    if dr.unit == "WE":
        res.value = fmt_week(day) + "-WE"
        return
    if dr.clock is not None:
        value += f"T{dr.clock[0]:02d}:{dr.clock[1]:02d}"
    elif dr.pod is not None:
        value += f"T{dr.pod}"
    res.value = value


def _apposition(text: str, items: list[dict[str, Any]], dr: Draft, res: Resolved) -> None:
    """ "am Dienstag, den 4. März 2025": the weekday takes the date's value."""
    if not items or dr.month is None or dr.day is None or not _DAY_VALUE.match(res.value):
        return
    prev = items[-1]
    if prev.get("_weekday") and _APPOSITION.match(text[prev["end"] : dr.start]):
        day = date.fromisoformat(res.value[:10])
        if day.isoweekday() == prev["_weekday"]:
            prev["value"] = res.value[:10] + prev["value"][10:]
            prev.pop("candidates", None)


def _remember(ctx: Context, text: str, dr: Draft, res: Resolved) -> None:
    if dr.type in ("DURATION", "SET") or not res.value[:4].isdigit():
        return
    ref = from_value(res.value)
    if ref is None:
        return
    # Only dates the text names move the narrative time: "im letzten Jahr" does not, nor a
    # range end such as "bis 1881", which looks past the story.
    names_date = dr.year is not None or (dr.month is not None and dr.unit is None)
    if names_date and not _RANGE_END.search(text, max(0, dr.start - 6), dr.start):
        ctx.narrative = ref
    if ref.day is not None:
        ctx.day_hint = ref


def _item(text: str, dr: Draft, res: Resolved) -> dict[str, Any]:
    item: dict[str, Any] = {
        "start": dr.start,
        "end": dr.end,
        "text": text[dr.start : dr.end],
        "type": "TIME" if "T" in res.value[8:] and dr.type == "DATE" else dr.type,
        "value": res.value,
        "precision": precision_of(res.value),
        "anchor": res.anchor,
    }
    if dr.mod:
        item["mod"] = dr.mod
    if res.candidates:
        item["candidates"] = res.candidates
    if dr.weekday is not None:
        item["_weekday"] = dr.weekday
    return item
