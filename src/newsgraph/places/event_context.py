"""The "event_context" stage: each event's own place and date, or an explicit fallback.

An event's place is the place (role "place", not a metonymic actor) in its own sentence
that lies closest to the trigger, preferring one in the trigger's own clause and never one
inside the actor's or recipient's words; a country or capital must follow a locative
preposition to count. Without one, the article's dateline place stands
in, marked ``"fallback": "dateline"``; without a dateline, the place stays null.
An event's date is the one the events stage found in its sentence, else the nearest date
of the times stage in that sentence, else the publication date (``"fallback":
"publication"``), so a map or timeline can tell the event's own facts from the article's.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Document
from ..pipeline import PipelineOptions, StageFn
from .cues import Cues, load_cues
from .metonymy import METONYM_KINDS

# "BERLIN (dpa) –", "Moskau/Kiew (AFP) -", "WASHINGTON, 8. Nov (Reuters) -": the name(s)
# before an optional bracket and a dash open the first paragraph.
_DATELINE = re.compile(
    r"\s*([A-ZÄÖÜ][\w.'’/ -]{1,40}?)\s*(?:,[^(–—\n]{0,30})?(?:\([^)\n]{1,40}\))?\s*[–—-]\s"
)
_CLAUSE_BREAK = re.compile(r"[,;:–—„“\"()]")
_DATE_TYPES = frozenset({"DATE", "TIME"})


def make_stage(options: PipelineOptions) -> StageFn:
    for lang in ("de", "en"):
        load_cues(lang)

    def event_context(doc: Document) -> None:
        cues = load_cues(doc.lang or options.lang or "de")
        span = dateline_span(doc)
        dateline = _dateline_place(doc, span)
        for event in doc.events:
            if event.get("place") is None:
                event["place"] = own_place(doc, event, span, cues) or dateline
            event["date"] = event_date(doc, event)

    return event_context


def _place_record(doc: Document, place: dict[str, Any], fallback: str | bool) -> dict[str, Any]:
    keys = ("start", "end", "text", "name", "country", "lat", "lon")
    return {**{k: place[k] for k in keys}, "fallback": fallback}


def dateline_span(doc: Document) -> tuple[int, int] | None:
    """Where the dateline's place name(s) stand, at the start of the first paragraph."""
    opening = [p for p in doc.parts if p.kind in ("lead", "body")]
    if not opening:
        return None
    first = min(opening, key=lambda p: p.start)
    match = _DATELINE.match(doc.text, first.start, first.end)
    return match.span(1) if match else None


def _dateline_place(doc: Document, span: tuple[int, int] | None) -> dict[str, Any] | None:
    if span is None:
        return None
    start, end = span
    for place in doc.places:
        if start <= place["start"] and place["end"] <= end:
            return _place_record(doc, place, "dateline")
    return None


def _in_roles(event: dict[str, Any], place: dict[str, Any]) -> bool:
    for role in (event.get("actor"), event.get("recipient")):
        if role and role["start"] <= place["start"] and place["end"] <= role["end"]:
            return True
    return False


def _located(doc: Document, place: dict[str, Any], cues: Cues) -> bool:
    """A country or capital locates an event only after "in", "nach", "aus" ...: bare, it
    is mostly a party to it ("forderten China auf, Russland nicht zu unterstützen")."""
    if place["type"] not in METONYM_KINDS:
        return True
    words = doc.text[max(0, place["start"] - 30) : place["start"]].casefold().split()[-2:]
    if words and words[-1] in cues.articles:
        words = words[:-1]
    return bool(words) and words[-1] in cues.locative


def own_place(
    doc: Document, event: dict[str, Any], dateline: tuple[int, int] | None, cues: Cues
) -> dict[str, Any] | None:
    """The closest place of the event's sentence; the dateline is no place of the sentence."""
    ev, trig = event["evidence"], event["trigger"]
    skip = dateline or (0, 0)
    inside = [
        p
        for p in doc.places
        if p["role"] == "place"
        and _located(doc, p, cues)
        and ev["start"] <= p["start"]
        and p["end"] <= ev["end"]
        and not skip[0] <= p["start"] < skip[1]
        and not _in_roles(event, p)
    ]
    if not inside:
        return None
    best = min(inside, key=lambda p: _distance(doc.text, trig, p))
    return _place_record(doc, best, False)


def _distance(text: str, trig: dict[str, Any], span: dict[str, Any]) -> tuple[bool, int]:
    """(a clause break lies between them, characters between them): smaller is closer."""
    if span["end"] <= trig["start"]:
        lo, hi = int(span["end"]), int(trig["start"])
    elif span["start"] >= trig["end"]:
        lo, hi = int(trig["end"]), int(span["start"])
    else:
        return False, 0
    return bool(_CLAUSE_BREAK.search(text, lo, hi)), hi - lo


def event_date(doc: Document, event: dict[str, Any]) -> dict[str, Any] | None:
    date = event.get("date")
    if date and date.get("value"):
        return {**date, "fallback": date.get("fallback", False)}
    ev = event["evidence"]
    times = [
        t
        for t in doc.times
        if t.get("type") in _DATE_TYPES
        and t.get("value")
        and ev["start"] <= t["start"]
        and t["end"] <= ev["end"]
    ]
    if times:
        best = min(times, key=lambda t: _distance(doc.text, event["trigger"], t))
        keys = ("value", "precision", "start", "end")
        return {**{k: best[k] for k in keys}, "fallback": False}
    published = doc.article.published
    if published is None:
        return None
    return {**published.to_dict(), "start": None, "end": None, "fallback": "publication"}
