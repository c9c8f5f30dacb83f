"""Export stored events in the GDELT 2.0 layout, for users with GDELT tooling.

Writes into one folder: ``events.export.tsv`` (the 61 columns of the GDELT 2.0 Event table,
tab-separated, no header, as GDELT ships it), ``events.columns.txt`` (the column names, one
per line), ``mentions.tsv`` (the 16 columns of the GDELT 2.0 Mentions table, one mention per
event, with our character offsets), ``mentions.columns.txt``, and ``events.negated.tsv``:
GDELT has no negation, so a negated event ("Russland griff nicht an") would read as its
opposite there; those go to the side file only, in the event layout, without mentions.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

from .duckdb_store import Store, StoreError
from .queries import Row, connection

# The GDELT 2.0 Event table, in file order (GDELT Event Codebook V2.0, "Event table
# fields": event ID and date attributes, actor attributes, event action attributes, event
# geography, data management fields). 5 + 2 x 10 + 10 + 3 x 8 + 2 = 61 columns.
_ACTOR_FIELDS: Final = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS: Final = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)
EVENT_COLUMNS: Final[tuple[str, ...]] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)
# The GDELT 2.0 Mentions table (GDELT Event Codebook V2.0, "Mentions table").
MENTION_COLUMNS: Final[tuple[str, ...]] = (
    "GlobalEventID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)
assert len(EVENT_COLUMNS) == 61 and len(MENTION_COLUMNS) == 16


def _codes(words: str) -> frozenset[str]:
    return frozenset(words.split())


# CAMEO actor code parts after the country: role (type) codes and religion codes; any
# other three letters name a known group (UNO, NAT, EEC ...). Ethnic codes are not coded.
TYPE_CODES: Final = _codes(
    "AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI IGO IMG INS JUD LAB LEG MED MIL MNC "
    "MOD NGM NGO OPP PTY RAD REB REF SET SPY UAF UIS"
)
RELIGION_CODES: Final = _codes(
    "ADR ATH BAH BUD CHR CON CTH DOX DRZ HIN ITR JAN JEW JIN MOS MUS NRM ORT PRO SHI "
    "SHN SIK SUN TAO ZRO"
)
# CAMEO regions that stand where a country code would.
REGION_CODES: Final = _codes(
    "AFR ASA BLK CAS CAU CRB EAF EEU EUR LAM MDT MEA NAF NMR PGS SAF SAM SAS SEA SCN WAF WEU WST"
)
# GDELT geo types: 1 country, 4 world city, 5 world state (region).
_GEO_TYPES: Final = {"country": "1", "capital": "4", "city": "4", "region": "5"}
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")

_EVENTS_SQL = """
SELECT e.*, a.published_value, a.url, a.source, a.ingested_at, length(a.text) AS doc_len,
  p.type AS place_type, p.geonameid AS place_geonameid,
  (SELECT min(n.name) FROM entities n
    WHERE n.article_id = e.article_id AND n.entity_id = e.actor_entity) AS actor_name,
  (SELECT min(n.name) FROM entities n
    WHERE n.article_id = e.article_id AND n.entity_id = e.recipient_entity) AS recipient_name,
  (SELECT count(*) FROM sentences s
    WHERE s.article_id = e.article_id AND s.start <= e.evidence_start) AS sentence_no,
  (SELECT min(s.start) FROM sentences s WHERE s.article_id = e.article_id
    AND s.start >= (SELECT min(t.start) FROM parts t WHERE t.article_id = e.article_id
      AND t.kind IN ('lead', 'body'))) AS first_sentence
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.start = e.place_start
  AND p."end" = e.place_end
ORDER BY e.article_id, e.idx
"""


@dataclass(frozen=True, slots=True)
class GdeltCounts:
    events: int
    negated: int
    mentions: int


def export_gdelt(store: Store, folder: str | Path | None) -> GdeltCounts:
    if folder is None:
        raise StoreError("gdelt export needs an output folder (--output FOLDER)")
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
        return _write_all(store, target)
    except OSError as exc:
        raise StoreError(f"{target}: cannot write ({exc.strerror or exc})") from None


def _write_all(store: Store, folder: Path) -> GdeltCounts:
    cursor = connection(store).execute(_EVENTS_SQL)
    names = [d[0] for d in cursor.description or ()]
    rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    kept = [r for r in rows if not r["negated"]]
    negated = [r for r in rows if r["negated"]]
    _write_tsv(folder / "events.export.tsv", (event_fields(r) for r in kept))
    _write_tsv(folder / "events.negated.tsv", (event_fields(r) for r in negated))
    _write_tsv(folder / "mentions.tsv", (mention_fields(r) for r in kept))
    (folder / "events.columns.txt").write_text("\n".join(EVENT_COLUMNS) + "\n", encoding="utf-8")
    columns = "\n".join(MENTION_COLUMNS) + "\n"
    (folder / "mentions.columns.txt").write_text(columns, encoding="utf-8")
    return GdeltCounts(len(kept), len(negated), len(kept))


def _write_tsv(path: Path, lines: Iterable[Sequence[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.writelines("\t".join(fields) + "\n" for fields in lines)


def global_event_id(article_id: str, idx: int) -> int:
    # Stable across exports and databases: the same event always gets the same number.
    digest = hashlib.sha256(f"{article_id}\0{idx}".encode()).hexdigest()
    return int(digest[:15], 16)


def event_fields(row: Row) -> list[str]:
    fields: list[Any] = [global_event_id(row["article_id"], row["idx"]), *_dates(row)]
    fields += actor_fields(row["actor_code"], row["actor_name"] or row["actor_text"])
    fields += actor_fields(row["recipient_code"], row["recipient_name"] or row["recipient_text"])
    cameo = row["cameo"] or ""
    fields += [_is_root(row), cameo, cameo[:3], cameo[:2], row["quad"], row["goldstein"]]
    fields += [1, 1, 1, None]  # one mention, source and article each; no tone yet
    fields += [None] * 16  # actor geography: we locate events, not actors
    fields += action_geo(row)
    fields += [_timestamp(row["ingested_at"]), row["url"] or row["article_id"]]
    return [_cell(f) for f in fields]


def mention_fields(row: Row) -> list[str]:
    added = _timestamp(row["ingested_at"])
    action = _first(row["trigger_start"], row["evidence_start"])
    confidence = row["confidence"]
    fields: list[Any] = [
        global_event_id(row["article_id"], row["idx"]),
        added,
        added,
        1 if row["url"] else 2,  # 1 WEB, 2 CITATIONONLY
        _source_name(row),
        row["url"] or row["article_id"],
        row["sentence_no"] or None,
        _first(row["actor_start"]),
        _first(row["recipient_start"]),
        action,
        1,  # offsets are into the stored text itself
        None if confidence is None else round(confidence * 100),
        row["doc_len"],
        None,
        None,
        None,
    ]
    return [_cell(f) for f in fields]


def actor_fields(code: str | None, name: str | None) -> list[str | None]:
    """The ten GDELT actor columns from a CAMEO actor code such as ``RUSGOV``."""
    if not code:
        return [None, name, *([None] * 8)]
    chunks = [code[i : i + 3].upper() for i in range(0, len(code), 3)]
    country = chunks.pop(0) if chunks[0] in _countries() else None
    types = [c for c in chunks if c in TYPE_CODES][:3]
    religions = [c for c in chunks if c in RELIGION_CODES][:2]
    groups = [c for c in chunks if c not in TYPE_CODES and c not in RELIGION_CODES]
    return [
        code,
        name,
        country,
        groups[0] if groups else None,
        None,
        *_padded(religions, 2),
        *_padded(types, 3),
    ]


def action_geo(row: Row) -> list[Any]:
    if row["place_name"] is None and row["place_lat"] is None:
        return [None] * 8
    kind = _GEO_TYPES.get(row["place_type"] or "", "4" if row["place_lat"] is not None else None)
    country = row["place_country"]
    feature = country if kind == "1" else row["place_geonameid"]
    adm1 = country if kind == "1" else None
    return [
        kind,
        row["place_name"],
        country,
        adm1,
        None,
        row["place_lat"],
        row["place_lon"],
        feature,
    ]


def _dates(row: Row) -> list[Any]:
    """Day, MonthYear, Year, FractionDate: the event's own day, else the publication day;
    without any day, only the month and year are filled (no day is invented)."""
    own = None if row["date_fallback"] else _date_prefix(row["date_value"])
    published = _date_prefix(row["published_value"])
    candidates = [v for v in (own, published) if v]
    days = [v for v in candidates if len(v) == 10]
    value = days[0] if days else (candidates[0] if candidates else "")
    year, month, day = value[:4], value[5:7], value[8:10]
    fraction = f"{int(year) + (int(month) * 30 + int(day)) / 365:.4f}" if day else None
    return [
        value.replace("-", "") if day else None,
        year + month if month else None,
        year or None,
        fraction,
    ]


def _date_prefix(value: str | None) -> str | None:
    match = _DATE.match(value or "")
    return match.group(0) if match else None


def _is_root(row: Row) -> int:
    # GDELT marks the events of an article's lead as root events: here the title, the lead
    # and the first sentence of the text below them.
    first = row["first_sentence"]
    return int(
        row["part"] in ("title", "lead") or (first is not None and first == row["evidence_start"])
    )


def _source_name(row: Row) -> str | None:
    if row["url"]:
        return urlsplit(row["url"]).hostname
    return row["source"] or None


@cache
def _countries() -> frozenset[str]:
    from ..places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    iso3 = {p.country for ps in gaz.by_key.values() for p in ps if p.kind == "country"}
    return frozenset(iso3 - {""}) | REGION_CODES


def _first(*values: int | None) -> int:
    return next((v for v in values if v is not None), -1)


def _padded(items: list[str], n: int) -> list[str | None]:
    return [*items, *([None] * (n - len(items)))][:n]


def _timestamp(value: datetime | None) -> str | None:
    return value.strftime("%Y%m%d%H%M%S") if value else None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e6 else str(value)
    return " ".join(str(value).split())  # no tabs or line breaks inside a field
