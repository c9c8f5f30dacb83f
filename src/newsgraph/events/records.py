"""Event records (the JSON contract of ``doc.events``) and the caption meeting pattern."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..model import Document, Span
from .clauses import NP, Clause, Tok
from .lexicon import Cameo


class RoleLike(Protocol):
    """A role filler: its span in the text and its CAMEO code."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def code(self) -> str | None: ...


@dataclass(slots=True)
class EventParts:
    sentence: Span
    part: str
    type: str
    mode: str | None
    cameo_code: str
    cameo: Cameo | None
    actor: RoleLike | None
    recipient: RoleLike | None
    reported_by: dict[str, Any] | None = None


def _entity_at(doc: Document, start: int, end: int) -> dict[str, Any] | None:
    for entity in doc.entities:
        for mention in entity.get("mentions", []):
            if mention["start"] < end and start < mention["end"]:
                return entity
    return None


def role_record(doc: Document, role: RoleLike | None) -> dict[str, Any] | None:
    if role is None:
        return None
    start, end = role.start, role.end
    entity = _entity_at(doc, start, end)
    code = role.code or (entity.get("actor") if entity else None)
    return {
        "entity": entity.get("id") if entity else None,
        "code": code,
        "start": start,
        "end": end,
        "text": doc.text[start:end],
    }


def _date(dates: Sequence[dict[str, Any]], at: int) -> dict[str, Any] | None:
    if not dates:
        return None
    best = min(dates, key=lambda d: abs(int(d["start"]) - at))
    return {
        "value": best.get("value"),
        "precision": best.get("precision"),
        "start": best["start"],
        "end": best["end"],
    }


def build_record(
    doc: Document,
    parts: EventParts,
    start: int,
    end: int,
    *,
    rule: str,
    confidence: float,
    dates: Sequence[dict[str, Any]],
) -> dict[str, Any]:
    cameo = parts.cameo
    return {
        "plover": {
            "type": parts.type,
            "mode": parts.mode,
            "context": cameo.plover_context if cameo else None,
        },
        "cameo": parts.cameo_code,
        "quad": cameo.quad if cameo else None,
        "goldstein": cameo.goldstein if cameo else None,
        "actor": role_record(doc, parts.actor),
        "recipient": role_record(doc, parts.recipient),
        "trigger": {"start": start, "end": end, "text": doc.text[start:end]},
        "negated": False,
        "historical": False,
        "future": False,
        "hypothetical": False,
        "reported_by": parts.reported_by,
        "place": None,
        "date": _date(dates, start),
        "evidence": {"start": parts.sentence.start, "end": parts.sentence.end},
        "part": parts.part,
        "confidence": round(confidence, 2),
        "rule": rule,
    }


def caption_meeting(clause: Clause, preps: Sequence[str]) -> tuple[NP, NP, Tok] | None:
    """A verbless caption "X mit Y (in Z)": X and Y met. Returns (X, Y, the "mit")."""
    wanted = {p.lower() for p in preps}
    first = next((np for np in clause.nps if np.prep is None), None)
    partner = next(
        (np for np in clause.nps if np.prep is not None and np.prep.lemma.lower() in wanted), None
    )
    if first is None or partner is None or partner.prep is None or partner.start < first.end:
        return None
    return first, partner, partner.prep
