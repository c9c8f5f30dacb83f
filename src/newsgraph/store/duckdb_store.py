"""The DuckDB store: ingest records idempotently, read them back, export them.

DuckDB allows one process to hold a database file for writing, and no other process can open
it meanwhile (not even read-only): opening a locked file raises :class:`StoreError` naming it.
Articles are written in batches, one transaction each, so a crash loses at most the batch in
flight and never leaves half an article behind.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

import duckdb
import pyarrow as pa

from ..errors import NewsgraphError
from ..model import Document
from .rows import Row, content_hash, record_rows
from .schema import CHILD_TABLES, STORE_SCHEMA_VERSION, TABLES, arrow_schema, create_statements

# Statements that take a database from version N to N + 1.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: ("ALTER TABLE quotes ADD COLUMN gaps JSON",),
}


class StoreError(NewsgraphError):
    """The database cannot be opened, is not ours, or cannot do what was asked."""


@dataclass(slots=True)
class IngestStats:
    inserted: int = 0
    unchanged: int = 0  # same id and same record already stored
    replaced: int = 0  # same id, different record: the old rows were replaced

    def add(self, other: IngestStats) -> None:
        self.inserted += other.inserted
        self.unchanged += other.unchanged
        self.replaced += other.replaced


@dataclass(frozen=True, slots=True)
class StoreSummary:
    path: str
    schema_version: int
    counts: dict[str, int]
    languages: list[tuple[str, int]] = field(default_factory=list)
    part_kinds: list[tuple[str, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Pending:
    record: dict[str, Any]
    digest: str


class Store:
    """A newsgraph database in one DuckDB file; use as a context manager."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        batch_size: int = 200,
        flush_seconds: float = 5.0,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.batch_size = max(1, batch_size)
        self.flush_seconds = flush_seconds
        self._con = _connect(self.path, read_only)
        try:
            self.schema_version = self._prepare_schema()
        except BaseException:
            self._con.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open DuckDB connection, for read queries (``store.queries``, exports)."""
        return self._con

    # -- schema ---------------------------------------------------------------------------

    def _prepare_schema(self) -> int:
        tables = {
            row[0] for row in self._con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if "schema_version" not in tables:
            if tables:
                raise StoreError(f"{self.path}: not a newsgraph database (no schema_version table)")
            if self.read_only:
                raise StoreError(f"{self.path}: empty database; ingest articles into it first")
            self._in_transaction(self._create_tables)
            return STORE_SCHEMA_VERSION
        version = self._stored_version()
        if version > STORE_SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer newsgraph (store schema {version}; "
                f"this version reads up to {STORE_SCHEMA_VERSION})"
            )
        if version < STORE_SCHEMA_VERSION:
            if self.read_only:
                raise StoreError(
                    f"{self.path}: store schema {version} is old; open it once for writing "
                    f"(e.g. ingest) to migrate it to {STORE_SCHEMA_VERSION}"
                )
            self._in_transaction(lambda: self._migrate(version))
        return STORE_SCHEMA_VERSION

    def _stored_version(self) -> int:
        row = self._con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _create_tables(self) -> None:
        for statement in create_statements():
            self._con.execute(statement)
        self._log_version(STORE_SCHEMA_VERSION, "created")

    def _migrate(self, version: int) -> None:
        for step in range(version, STORE_SCHEMA_VERSION):
            for statement in MIGRATIONS[step]:
                self._con.execute(statement)
            self._log_version(step + 1, f"migrated from {step}")

    def _log_version(self, version: int, note: str) -> None:
        self._con.execute(
            "INSERT INTO schema_version VALUES (?, ?, ?)", [version, _utc_now(), note]
        )

    # -- writing --------------------------------------------------------------------------

    def ingest(self, items: Iterable[Document | Mapping[str, Any]]) -> IngestStats:
        """Store analysed documents (or their records); returns what happened to each."""
        self._require_writable()
        stats = IngestStats()
        pending: dict[str, _Pending] = {}
        started = time.monotonic()
        iterator = iter(items)
        while True:
            try:
                item = next(iterator, None)
            except BaseException:
                # The input failed (or Ctrl-C): the documents already analysed are whole, keep them.
                stats.add(self._write_batch(pending))
                raise
            if item is None:
                break
            record = _as_record(item)
            if record["id"] in pending:  # the same id twice in one batch: keep the order exact
                stats.add(self._write_batch(pending))
                pending, started = {}, time.monotonic()
            pending[record["id"]] = _Pending(record, content_hash(record))
            if len(pending) >= self.batch_size or time.monotonic() - started > self.flush_seconds:
                stats.add(self._write_batch(pending))
                pending, started = {}, time.monotonic()
        stats.add(self._write_batch(pending))
        return stats

    def _write_batch(self, pending: dict[str, _Pending]) -> IngestStats:
        if not pending:
            return IngestStats()
        stored = dict(
            self._con.execute(
                "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [list(pending)],
            ).fetchall()
        )
        stats = IngestStats()
        changed = [aid for aid in pending if stored.get(aid) != pending[aid].digest]
        stats.unchanged = len(pending) - len(changed)
        replaced = [aid for aid in changed if aid in stored]
        stats.replaced = len(replaced)
        stats.inserted = len(changed) - len(replaced)
        if changed:
            self._in_transaction(lambda: self._replace(replaced, [pending[a] for a in changed]))
        return stats

    def _replace(self, old_ids: list[str], items: list[_Pending]) -> None:
        if old_ids:
            for table in (*CHILD_TABLES, "articles"):
                key = "id" if table == "articles" else "article_id"
                self._con.execute(
                    f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?::VARCHAR[]))", [old_ids]
                )
        now = _utc_now()
        rows: dict[str, list[Row]] = {table: [] for table in TABLES}
        for item in items:
            for table, table_rows in record_rows(item.record, item.digest, now).items():
                rows[table].extend(table_rows)
        for table, table_rows in rows.items():
            if table_rows:
                self._append(table, table_rows)

    def _append(self, table: str, rows: list[Row]) -> None:
        batch = pa.Table.from_pylist(rows, schema=arrow_schema(table))
        self._con.register("_newsgraph_batch", batch)
        try:
            self._con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _newsgraph_batch")
        finally:
            self._con.unregister("_newsgraph_batch")

    def _in_transaction(self, work: Any) -> None:
        self._con.execute("BEGIN TRANSACTION")
        try:
            work()
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    # -- reading --------------------------------------------------------------------------

    def get(self, article_id: str) -> dict[str, Any] | None:
        row = self._con.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            return None
        record: dict[str, Any] = json.loads(row[0])
        return record

    def ids(self) -> list[str]:
        return [r[0] for r in self._con.execute("SELECT id FROM articles ORDER BY id").fetchall()]

    def counts(self) -> dict[str, int]:
        """Rows per table, in the order of the record."""
        return {table: self._count(f"SELECT count(*) FROM {table}") for table in TABLES}

    def summary(self) -> StoreSummary:
        return StoreSummary(
            path=self.path,
            schema_version=self.schema_version,
            counts=self.counts(),
            languages=self._grouped("articles", "coalesce(lang, '?')"),
            part_kinds=self._grouped("parts", "kind"),
        )

    def _count(self, sql: str) -> int:
        row = self._con.execute(sql).fetchone()
        return int(row[0]) if row else 0

    def _grouped(self, table: str, expr: str) -> list[tuple[str, int]]:
        sql = f"SELECT {expr} AS k, count(*) AS n FROM {table} GROUP BY k ORDER BY n DESC, k"
        return [(str(k), int(n)) for k, n in self._con.execute(sql).fetchall()]

    # -- export ---------------------------------------------------------------------------

    def export(self, fmt: str, target: str | Path | TextIO | None = None) -> int:
        """``jsonl``: one record per line to a file, a stream or stdout (None).
        ``parquet``: one ``<table>.parquet`` per table into the folder ``target``.
        Returns the number of articles exported."""
        if fmt == "jsonl":
            if target is None or not isinstance(target, str | Path):
                return self._export_jsonl(target or sys.stdout)
            try:
                with Path(target).open("w", encoding="utf-8") as out:
                    return self._export_jsonl(out)
            except OSError as exc:
                raise StoreError(f"{target}: cannot write ({exc.strerror or exc})") from None
        if fmt == "parquet":
            if target is None or not isinstance(target, str | Path):
                raise StoreError("parquet export needs an output folder (--output FOLDER)")
            return self._export_parquet(Path(target))
        raise StoreError(f"unknown export format {fmt!r}; use 'jsonl' or 'parquet'")

    def _export_jsonl(self, out: TextIO) -> int:
        cursor = self._con.execute("SELECT record FROM articles ORDER BY id")
        n = 0
        while rows := cursor.fetchmany(500):
            out.writelines(f"{row[0]}\n" for row in rows)
            n += len(rows)
        return n

    def _export_parquet(self, folder: Path) -> int:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{folder}: cannot create folder ({exc.strerror or exc})") from None
        for table in TABLES:
            order = "id" if table == "articles" else "article_id"
            target = str(folder / f"{table}.parquet").replace("'", "''")
            self._con.execute(
                f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{target}' (FORMAT parquet)"
            )
        return self._count("SELECT count(*) FROM articles")


def _as_record(item: Document | Mapping[str, Any]) -> dict[str, Any]:
    record = item.to_record() if isinstance(item, Document) else dict(item)
    if not isinstance(record.get("id"), str) or not isinstance(record.get("text"), str):
        raise StoreError("a record needs a string 'id' and 'text' to be stored")
    return record


def _utc_now() -> datetime:
    # Stored as a naive TIMESTAMP in UTC.
    return datetime.now(UTC).replace(tzinfo=None)


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(_open_error(path, str(exc))) from None


def _open_error(path: str, message: str) -> str:
    if "lock" in message.lower():
        return (
            f"{path}: the database is in use by another process (DuckDB lets one process "
            "open a file while it writes); wait for that process to finish"
        )
    if "not a valid DuckDB database" in message:
        return f"{path}: not a DuckDB database file"
    if "does not exist" in message:
        return f"{path}: no such database (ingest creates it)"
    if "No such file or directory" in message:
        return f"{path}: cannot create the database (its folder does not exist)"
    return f"{path}: cannot open the database ({message.removeprefix('IO Error: ')})"
