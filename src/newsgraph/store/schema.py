"""The store's tables, written once: DuckDB DDL and Arrow batch schemas both come from here.

Tables mirror the JSON record (``Document.to_record``): one row per article in ``articles``
(with the full record as JSON, so nothing a stage adds is ever lost), and one row per item
in the child tables that SQL users want to filter and join. ``start``/``end`` keep the
record's names; ``end`` is an SQL keyword, so write it ``"end"`` in queries.
"""

from __future__ import annotations

from typing import Final

import pyarrow as pa

# Bump with a migration in duckdb_store.MIGRATIONS when a table changes. Version 1 is not
# released yet and was widened in place (quote speaker/addressee columns, event trigger,
# reporter, place and fallback columns, place role/part): re-ingest a database written before.
# Version 2 adds ``quotes.gaps`` (attributions inserted in a quote; migrated by ALTER TABLE).
STORE_SCHEMA_VERSION: Final = 2

Column = tuple[str, str]  # (name, DuckDB type)

_SPAN: tuple[Column, ...] = (("start", "INTEGER"), ("end", "INTEGER"))


def _role(role: str) -> tuple[Column, ...]:
    """An event's actor, recipient or reporter: entity id, CAMEO code (none for the
    reporter), span and its text."""
    codes = () if role == "reported_by" else ((f"{role}_code", "VARCHAR"),)
    return (
        (f"{role}_entity", "VARCHAR"),
        *codes,
        (f"{role}_start", "INTEGER"),
        (f"{role}_end", "INTEGER"),
        (f"{role}_text", "VARCHAR"),
    )


TABLES: Final[dict[str, tuple[Column, ...]]] = {
    "articles": (
        ("id", "VARCHAR"),
        ("source", "VARCHAR"),
        ("url", "VARCHAR"),
        ("title", "VARCHAR"),
        ("lang", "VARCHAR"),
        ("published_value", "VARCHAR"),
        ("published_precision", "VARCHAR"),
        ("text", "VARCHAR"),
        ("agencies", "VARCHAR[]"),
        ("credits", "VARCHAR[]"),
        ("pipeline", "VARCHAR[]"),
        ("tone", "JSON"),
        ("content_hash", "VARCHAR"),
        ("schema", "INTEGER"),
        ("ingested_at", "TIMESTAMP"),
        ("record", "JSON"),
    ),
    "parts": (("article_id", "VARCHAR"), ("idx", "INTEGER"), ("kind", "VARCHAR"), *_SPAN),
    "sentences": (("article_id", "VARCHAR"), ("idx", "INTEGER"), *_SPAN),
    "entities": (
        ("article_id", "VARCHAR"),
        ("entity_id", "VARCHAR"),
        ("name", "VARCHAR"),
        ("type", "VARCHAR"),
        ("kb", "VARCHAR"),
        ("actor", "VARCHAR"),
    ),
    "mentions": (
        ("article_id", "VARCHAR"),
        ("entity_id", "VARCHAR"),
        *_SPAN,
        ("text", "VARCHAR"),
        ("kind", "VARCHAR"),  # name | role ("der russische Präsident")
    ),
    "quotes": (
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        *_SPAN,
        ("text", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("speaker_entity", "VARCHAR"),
        ("speaker_start", "INTEGER"),
        ("speaker_end", "INTEGER"),
        ("speaker_text", "VARCHAR"),
        ("speaker_resolved", "VARCHAR"),
        ("cue_start", "INTEGER"),
        ("cue_end", "INTEGER"),
        ("cue_text", "VARCHAR"),
        ("addressee_start", "INTEGER"),
        ("addressee_end", "INTEGER"),
        ("addressee_text", "VARCHAR"),
        ("part", "VARCHAR"),
        ("nested", "BOOLEAN"),
        ("gaps", "JSON"),  # last: a migrated table gets it appended
    ),
    "events": (
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        ("plover_type", "VARCHAR"),
        ("plover_mode", "VARCHAR"),
        ("plover_context", "VARCHAR"),
        ("cameo", "VARCHAR"),
        ("quad", "INTEGER"),
        ("goldstein", "DOUBLE"),
        *_role("actor"),
        *_role("recipient"),
        ("trigger_start", "INTEGER"),
        ("trigger_end", "INTEGER"),
        ("trigger_text", "VARCHAR"),
        ("negated", "BOOLEAN"),
        ("historical", "BOOLEAN"),
        ("future", "BOOLEAN"),
        ("hypothetical", "BOOLEAN"),
        *_role("reported_by"),
        ("place_start", "INTEGER"),
        ("place_end", "INTEGER"),
        ("place_text", "VARCHAR"),
        ("place_name", "VARCHAR"),
        ("place_country", "VARCHAR"),
        ("place_lat", "DOUBLE"),
        ("place_lon", "DOUBLE"),
        ("place_fallback", "VARCHAR"),
        ("place_json", "JSON"),
        ("date_value", "VARCHAR"),
        ("date_precision", "VARCHAR"),
        ("date_start", "INTEGER"),
        ("date_end", "INTEGER"),
        ("date_fallback", "VARCHAR"),
        ("evidence_start", "INTEGER"),
        ("evidence_end", "INTEGER"),
        ("part", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("rule", "VARCHAR"),
    ),
    "times": (
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        *_SPAN,
        ("text", "VARCHAR"),
        ("type", "VARCHAR"),
        ("value", "VARCHAR"),
        ("precision", "VARCHAR"),
        ("anchor", "VARCHAR"),
        ("mod", "VARCHAR"),
    ),
    "places": (
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        *_SPAN,
        ("text", "VARCHAR"),
        ("name", "VARCHAR"),
        ("type", "VARCHAR"),
        ("country", "VARCHAR"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("geonameid", "BIGINT"),
        ("role", "VARCHAR"),
        ("part", "VARCHAR"),
        ("candidates", "INTEGER"),
        ("kb", "VARCHAR"),
        ("entity", "VARCHAR"),
    ),
}

# Child tables, in the order rows are written and deleted.
CHILD_TABLES: Final = tuple(t for t in TABLES if t != "articles")

_ARROW_TYPES: Final[dict[str, pa.DataType]] = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int64(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}


def quote(name: str) -> str:
    return f'"{name}"'


def create_statements() -> list[str]:
    """DDL for a fresh database: every table, plus the schema-version log."""
    statements = [
        "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL, "
        "note VARCHAR)"
    ]
    for table, columns in TABLES.items():
        cols = [f"{quote(name)} {kind}" for name, kind in columns]
        if table == "articles":
            cols[0] += " PRIMARY KEY"
        statements.append(f"CREATE TABLE {table} ({', '.join(cols)})")
    return statements


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in TABLES[table]])
