"""Read-side queries behind ``newsgraph quotes | entities | events``: filters to SQL, rows out.

Every query returns flat rows (``dict`` of plain values, the same keys in every row), so the
CLI can write them as a text table, JSON lines or CSV alike.

Dates with a precision are ranges: an article published ``2023-11`` stands for the whole
month, so it is within ``--since 2023-11-15`` (the ranges overlap) and within
``--until 2023-11-01``. Bounds may themselves be ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``;
``--since`` starts at the first day of its range and ``--until`` ends at the last.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from ..errors import NewsgraphError
from .duckdb_store import Store

Row = dict[str, Any]
_BOUND = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
EARTH_RADIUS_KM = 6371.0088


class QueryError(NewsgraphError):
    """A filter that cannot be applied (a malformed date, an unknown place)."""


def connection(store: Store) -> duckdb.DuckDBPyConnection:
    # The one place that reaches into the store: queries read the tables the store wrote.
    return store.connection


# -- dates --------------------------------------------------------------------------------


def date_range(value: str, where: str) -> tuple[date, date]:
    """First and last day that ``YYYY[-MM[-DD]]`` covers."""
    match = _BOUND.fullmatch(value.strip())
    if not match:
        raise QueryError(f"{where}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year = int(match.group(1))
    month, day = (int(g) if g else None for g in match.groups()[1:])
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        raise QueryError(f"{where}: no such date {value!r}") from None


def _first_day(column: str) -> str:
    # "2023" -> 2023-01-01, "2023-11" -> 2023-11-01, "2023-11-08T10:15" -> 2023-11-08;
    # anything else (weeks, seasons) is NULL and so outside every range.
    return (
        f"TRY_CAST(CASE length({column}) WHEN 4 THEN {column} || '-01-01' "
        f"WHEN 7 THEN {column} || '-01' ELSE substr({column}, 1, 10) END AS DATE)"
    )


def _last_day(column: str) -> str:
    first = _first_day(column)
    return (
        f"CASE length({column}) WHEN 4 THEN {first} + INTERVAL 1 YEAR - INTERVAL 1 DAY "
        f"WHEN 7 THEN last_day({first}) ELSE {first} END"
    )


class _Where:
    """Collects SQL conditions and their parameters."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def overlap(self, column: str, since: str | None, until: str | None, names: str) -> None:
        """Keep rows whose date range (from ``column``) overlaps [since, until]."""
        since_flag, until_flag = names.split("/")
        if since:
            self.add(f"CAST({_last_day(column)} AS DATE) >= ?", date_range(since, since_flag)[0])
        if until:
            self.add(f"{_first_day(column)} <= ?", date_range(until, until_flag)[1])

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def _contains(expr: str) -> str:
    # contains() rather than LIKE: user text with % or _ must match literally.
    return f"contains(lower({expr}), lower(?))"


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit is not None and limit >= 0 else ""


def _rows(store: Store, sql: str, params: Sequence[Any]) -> list[Row]:
    cursor = connection(store).execute(sql, list(params))
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


# -- quotes -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    speaker: str | None = None  # substring of the speaker's text, resolved or entity name
    since: str | None = None  # publication date, YYYY[-MM[-DD]]
    until: str | None = None
    contains: str | None = None  # substring of the quote
    kind: str | None = None  # direct | partial | indirect
    limit: int | None = None


_SPEAKER_NAME = (
    "(SELECT min(n.name) FROM entities n "
    "WHERE n.article_id = q.article_id AND n.entity_id = q.speaker_entity)"
)


def find_quotes(store: Store, flt: QuoteFilter) -> list[Row]:
    where = _Where()
    if flt.speaker:
        speaker = f"concat_ws(' | ', q.speaker_text, q.speaker_resolved, {_SPEAKER_NAME})"
        where.add(_contains(speaker), flt.speaker)
    where.overlap("a.published_value", flt.since, flt.until, "--since/--until")
    if flt.contains:
        where.add(_contains("q.text"), flt.contains)
    if flt.kind:
        where.add("q.kind = ?", flt.kind)
    sql = (
        "SELECT coalesce(q.speaker_resolved, "
        f"{_SPEAKER_NAME}, q.speaker_text) AS speaker, "
        "q.article_id, a.published_value AS published, q.kind, q.text, "
        "q.speaker_text, q.speaker_entity, q.addressee_text AS addressee, q.part, q.nested, "
        'q.start, q."end" '
        "FROM quotes q JOIN articles a ON a.id = q.article_id"
        f"{where.sql()} ORDER BY a.published_value NULLS LAST, q.article_id, q.start"
        f"{_limit(flt.limit)}"
    )
    return _rows(store, sql, where.params)


# -- entities -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityFilter:
    type: str | None = None  # PER | ORG | GPE | LOC | MISC
    name: str | None = None  # substring of the name
    limit: int | None = None
    examples: int = 3  # article ids shown per entity


def find_entities(store: Store, flt: EntityFilter) -> list[Row]:
    where = _Where()
    if flt.type:
        where.add("upper(e.type) = upper(?)", flt.type)
    if flt.name:
        where.add(_contains("e.name"), flt.name)
    sql = (
        "WITH m AS (SELECT article_id, entity_id, count(*) AS n FROM mentions "
        "GROUP BY article_id, entity_id) "
        "SELECT e.name, e.type, sum(coalesce(m.n, 0))::BIGINT AS mentions, "
        "count(DISTINCT e.article_id) AS articles, mode(e.actor) AS actor, "
        f"list(DISTINCT e.article_id ORDER BY e.article_id)[1:{int(flt.examples)}] AS examples "
        "FROM entities e LEFT JOIN m ON m.article_id = e.article_id "
        f"AND m.entity_id = e.entity_id{where.sql()} "
        "GROUP BY e.name, e.type ORDER BY mentions DESC, articles DESC, e.name, e.type"
        f"{_limit(flt.limit)}"
    )
    return _rows(store, sql, where.params)


# -- events -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Near:
    lat: float
    lon: float
    km: float


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None  # CAMEO code prefix, or substring of the actor's text/entity
    recipient: str | None = None
    type: str | None = None  # PLOVER type
    cameo: str | None = None  # CAMEO event code prefix
    since: str | None = None  # publication date
    until: str | None = None
    date_from: str | None = None  # the event's own date (publication where it says so)
    date_to: str | None = None
    country: str | None = None  # ISO3 of the event's place
    near: Near | None = None
    include_negated: bool = False
    include_caption: bool = False
    limit: int | None = None


# The event's date: its own, or the publication date where the record says it stands in.
_EVENT_DATE = (
    "CASE WHEN e.date_fallback = 'publication' "
    "THEN coalesce(e.date_value, a.published_value) ELSE e.date_value END"
)


def _party(role: str) -> str:
    name = (
        f"(SELECT min(n.name) FROM entities n WHERE n.article_id = e.article_id "
        f"AND n.entity_id = e.{role}_entity)"
    )
    return (
        f"(starts_with(upper(e.{role}_code), upper(?)) "
        f"OR {_contains(f'e.{role}_text')} OR {_contains(name)})"
    )


def _haversine(near: Near) -> str:
    lat, lon = float(near.lat), float(near.lon)
    return (
        f"2 * {EARTH_RADIUS_KM} * asin(sqrt("
        f"pow(sin(radians(e.place_lat - ({lat})) / 2), 2) + cos(radians({lat})) "
        f"* cos(radians(e.place_lat)) * pow(sin(radians(e.place_lon - ({lon})) / 2), 2)))"
    )


def _event_where(flt: EventFilter) -> _Where:
    where = _Where()
    for role, value in (("actor", flt.actor), ("recipient", flt.recipient)):
        if value:
            where.add(_party(role), value, value, value)
    if flt.type:
        where.add("upper(e.plover_type) = upper(?)", flt.type)
    if flt.cameo:
        where.add("starts_with(e.cameo, ?)", flt.cameo)
    where.overlap("a.published_value", flt.since, flt.until, "--since/--until")
    where.overlap(_EVENT_DATE, flt.date_from, flt.date_to, "--from/--to")
    if flt.country:
        where.add("upper(e.place_country) = upper(?)", flt.country)
    if flt.near is not None:
        where.add(f"{_haversine(flt.near)} <= ?", flt.near.km)
    if not flt.include_negated:
        where.add("NOT coalesce(e.negated, false)")
    if not flt.include_caption:
        where.add("coalesce(e.part, '') <> 'caption'")
    return where


def find_events(store: Store, flt: EventFilter) -> list[Row]:
    where = _event_where(flt)
    sql = (
        f"SELECT {_EVENT_DATE} AS date, coalesce(e.date_fallback, '') AS date_fallback, "
        "e.actor_code, e.actor_text, e.plover_type, e.plover_mode, e.cameo, "
        "e.recipient_code, e.recipient_text, e.place_name AS place, e.place_country AS country, "
        "coalesce(e.place_fallback, '') AS place_fallback, "
        "coalesce(e.negated, false) AS negated, coalesce(e.historical, false) AS historical, "
        "coalesce(e.future, false) AS future, coalesce(e.hypothetical, false) AS hypothetical, "
        "e.part, e.article_id, a.published_value AS published, e.trigger_text AS trigger, "
        "substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence, "
        "e.evidence_start, e.evidence_end "
        "FROM events e JOIN articles a ON a.id = e.article_id"
        f"{where.sql()} ORDER BY date NULLS LAST, e.article_id, e.idx{_limit(flt.limit)}"
    )
    return _rows(store, sql, where.params)


def near_place(name: str, km: float) -> Near:
    """``--near``: ``LAT,LON`` or a name of the places gazetteer (its most populous match)."""
    if km <= 0:
        raise QueryError(f"--km: must be positive, got {km:g}")
    coords = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*", name)
    if coords:
        return Near(float(coords.group(1)), float(coords.group(2)), km)
    from ..places.gazetteer import load_gazetteer, normalize

    candidates = load_gazetteer().lookup(normalize(name))
    if not candidates:
        raise QueryError(f"--near: {name!r} is not in the places gazetteer (or give LAT,LON)")
    best = max(candidates, key=lambda p: p.population)
    return Near(best.lat, best.lon, km)


# -- text output --------------------------------------------------------------------------

EVIDENCE_CHARS = 120  # the text format clips the evidence sentence; jsonl and csv keep it whole


def quote_line(row: Row) -> str:
    """One line per quote: a quote over hard-wrapped lines or paragraphs is joined."""
    head = f"{row['published'] or '-':<10}  {row['article_id']}  {row['kind'] or '-':<8}"
    addressee = row.get("addressee")
    to = f" (to {' '.join(str(addressee).split())})" if addressee else ""
    return f"{head}  {row['speaker'] or '?'}{to}: {' '.join(str(row['text']).split())}"


def entity_line(row: Row) -> str:
    examples = ", ".join(row["examples"] or ())
    return (
        f"{row['name'] or '?'}  [{row['type'] or '-'}]  mentions {row['mentions']}  "
        f"articles {row['articles']}  actor {row['actor'] or '-'}  e.g. {examples}"
    )


def event_line(row: Row) -> str:
    when = (row["date"] or "-") + ("*" if row["date_fallback"] == "publication" else "")
    flags = [f for f in ("negated", "historical", "future", "hypothetical") if row[f]]
    place = row["place"] and f"{row['place']} ({row['country'] or '?'})"
    place = place and place + ("*" if row["place_fallback"] else "")
    fields = [
        f"{when:<11}",
        _party_text(row["actor_code"], row["actor_text"]),
        f"{row['plover_type'] or '?'}/{row['plover_mode'] or '-'}",
        f"CAMEO {row['cameo'] or '-'}",
        "-> " + _party_text(row["recipient_code"], row["recipient_text"]),
        f"@ {place or '-'}",
    ]
    if flags:
        fields.append("[" + ",".join(flags) + "]")
    fields.append(f"{row['article_id']}: {clip(row['evidence'] or '', EVIDENCE_CHARS)}")
    return "  ".join(fields)


def _party_text(code: str | None, text: str | None) -> str:
    if code and text:
        return f"{code} ({text})"
    return code or (f"({text})" if text else "-")


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())  # sentences may span lines
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
