"""One JSON record to table rows, tolerantly.

Later stages fill entities, quotes, events, times and places; until they do, and whenever
a field is missing or of an unexpected shape, the column is NULL rather than the article
lost. The full record is stored as JSON beside the rows, so nothing is dropped either way.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

Row = dict[str, Any]
Record = Mapping[str, Any]


def content_hash(record: Record) -> str:
    """Hash of the record minus ``ingested_at``: equal hashes mean nothing to store again."""
    payload = {k: v for k, v in record.items() if k != "ingested_at"}
    canonical = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record_rows(record: Record, digest: str, now: datetime) -> dict[str, list[Row]]:
    """Rows for every table from one record (``id`` and ``text`` are required)."""
    aid = str(record["id"])
    return {
        "articles": [_article_row(record, digest, now)],
        "parts": _span_rows(aid, record.get("parts"), ("kind",)),
        "sentences": _span_rows(aid, record.get("sentences"), ()),
        "entities": [_entity_row(aid, i, e) for i, e in _dicts(record.get("entities"))],
        "mentions": _mention_rows(aid, record.get("entities")),
        "quotes": [_quote_row(aid, i, q) for i, q in _dicts(record.get("quotes"))],
        "events": [_event_row(aid, i, e) for i, e in _dicts(record.get("events"))],
        "times": _span_rows(
            aid, record.get("times"), ("text", "type", "value", "precision", "anchor", "mod")
        ),
        "places": [_place_row(aid, i, p) for i, p in _dicts(record.get("places"))],
    }


def _article_row(record: Record, digest: str, now: datetime) -> Row:
    published = _dict(record.get("published"))
    return {
        "id": str(record["id"]),
        "source": _text(record.get("source")),
        "url": _text(record.get("url")),
        "title": _text(record.get("title")),
        "lang": _text(record.get("lang")),
        "published_value": _text(published.get("value")),
        "published_precision": _text(published.get("precision")),
        "text": str(record["text"]),
        "agencies": _texts(record.get("agencies")),
        "credits": _texts(record.get("credits")),
        "pipeline": _texts(record.get("pipeline")),
        "tone": _json(record.get("tone")),
        "content_hash": digest,
        "schema": _int(record.get("schema")),
        "ingested_at": now,
        "record": json.dumps(record, ensure_ascii=False),
    }


def _span_rows(aid: str, items: Any, text_fields: tuple[str, ...]) -> list[Row]:
    rows = []
    for idx, item in _dicts(items):
        row: Row = {"article_id": aid, "idx": idx, **_span(item)}
        row.update({name: _text(item.get(name)) for name in text_fields})
        rows.append(row)
    return rows


def _entity_row(aid: str, idx: int, ent: Mapping[str, Any]) -> Row:
    return {
        "article_id": aid,
        "entity_id": _entity_id(ent, idx),
        "name": _text(ent.get("name")),
        "type": _text(ent.get("type")),
        "kb": _text(ent.get("kb")),
        "actor": _text(ent.get("actor")),
    }


def _mention_rows(aid: str, entities: Any) -> list[Row]:
    rows = []
    for idx, ent in _dicts(entities):
        eid = _entity_id(ent, idx)
        for _, mention in _dicts(ent.get("mentions")):
            rows.append(
                {
                    "article_id": aid,
                    "entity_id": eid,
                    **_span(mention),
                    "text": _text(mention.get("text")),
                    "kind": _text(mention.get("kind")) or "name",
                }
            )
    return rows


def _quote_row(aid: str, idx: int, quote: Mapping[str, Any]) -> Row:
    speaker = _dict(quote.get("speaker"))
    return {
        "article_id": aid,
        "idx": idx,
        **_span(quote),
        "text": _text(quote.get("text")),
        "kind": _text(quote.get("kind")),
        **_piece("speaker", speaker, ("entity", "text", "resolved")),
        **_piece("cue", quote.get("cue"), ("text",)),
        **_piece("addressee", quote.get("addressee"), ("text",)),
        "part": _text(quote.get("part")),
        "nested": _bool(quote.get("nested")),
        "gaps": _json(quote.get("gaps")),
    }


def _piece(prefix: str, value: Any, fields: tuple[str, ...]) -> Row:
    """``{prefix}_start``, ``{prefix}_end`` and ``{prefix}_<field>`` of a nested span."""
    item = _dict(value)
    row: Row = {f"{prefix}_{k}": v for k, v in _span(item).items()}
    row.update({f"{prefix}_{name}": _text(item.get(name)) for name in fields})
    return row


def _event_row(aid: str, idx: int, ev: Mapping[str, Any]) -> Row:
    plover, date, evidence = (
        _dict(ev.get("plover")),
        _dict(ev.get("date")),
        _dict(ev.get("evidence")),
    )
    row: Row = {
        "article_id": aid,
        "idx": idx,
        "plover_type": _text(plover.get("type")),
        "plover_mode": _text(plover.get("mode")),
        "plover_context": _text(plover.get("context")),
        "cameo": _text(ev.get("cameo")),
        "quad": _int(ev.get("quad")),
        "goldstein": _float(ev.get("goldstein")),
        **_piece("actor", ev.get("actor"), ("entity", "code", "text")),
        **_piece("recipient", ev.get("recipient"), ("entity", "code", "text")),
        **_piece("trigger", ev.get("trigger"), ("text",)),
        **_piece("reported_by", ev.get("reported_by"), ("entity", "text")),
        **_event_place(ev.get("place")),
    }
    for flag in ("negated", "historical", "future", "hypothetical"):
        row[flag] = _bool(ev.get(flag))
    row.update(
        date_value=_text(date.get("value")),
        date_precision=_text(date.get("precision")),
        date_start=_int(date.get("start")),
        date_end=_int(date.get("end")),
        date_fallback=_fallback(date.get("fallback")),
        evidence_start=_int(evidence.get("start")),
        evidence_end=_int(evidence.get("end")),
        part=_text(ev.get("part")),
        confidence=_float(ev.get("confidence")),
        rule=_text(ev.get("rule")),
    )
    return row


def _event_place(value: Any) -> Row:
    place = _dict(value)
    row = _piece("place", place, ("text", "name", "country"))
    row.update(
        place_lat=_float(place.get("lat")),
        place_lon=_float(place.get("lon")),
        place_fallback=_fallback(place.get("fallback")),
        place_json=_json(value),
    )
    return row


def _fallback(value: Any) -> str | None:
    # The record says ``false`` for the event's own fact and names the stand-in otherwise
    # ("dateline", "publication"); a column of the stand-in's name, NULL when own, filters best.
    if value is None or value is False:
        return None
    return "yes" if value is True else _text(value)


_PLACE_TEXTS = ("text", "name", "type", "country", "role", "part", "kb", "entity")


def _place_row(aid: str, idx: int, place: Mapping[str, Any]) -> Row:
    # Coordinates may come flat (lat/lon) or nested under "coordinates".
    coords = _dict(place.get("coordinates"))
    return {
        "article_id": aid,
        "idx": idx,
        **_span(place),
        **{k: _text(place.get(k)) for k in _PLACE_TEXTS},
        "lat": _float(place.get("lat", coords.get("lat"))),
        "lon": _float(place.get("lon", coords.get("lon"))),
        "geonameid": _int(place.get("geonameid")),
        "candidates": _int(place.get("candidates")),
    }


def _entity_id(ent: Mapping[str, Any], idx: int) -> str:
    return _text(ent.get("id")) or f"e{idx}"


def _span(item: Mapping[str, Any]) -> Row:
    return {"start": _int(item.get("start")), "end": _int(item.get("end"))}


def _dicts(items: Any) -> list[tuple[int, Mapping[str, Any]]]:
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, Mapping)]


def _dict(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float | bool):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _texts(value: Any) -> list[str] | None:
    if not isinstance(value, list):
        return None
    return [t for t in (_text(v) for v in value) if t is not None]


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _int(value: Any) -> int | None:
    # Out-of-range numbers would fail the whole batch's Arrow conversion: NULL them instead.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return int(value) if abs(value) < 2**62 else None


def _float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None
