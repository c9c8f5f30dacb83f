"""Storage of analysed articles: a DuckDB file by default.

``open_store(path)`` returns a :class:`Store` to use as a context manager::

    with open_store("news.duckdb") as store:
        stats = store.ingest(pipeline.pipe(articles))
"""

from __future__ import annotations

from pathlib import Path

from .duckdb_store import IngestStats, Store, StoreError, StoreSummary

__all__ = ["IngestStats", "Store", "StoreError", "StoreSummary", "open_store"]


def open_store(path: str | Path, read_only: bool = False) -> Store:
    """Open (creating it when writable and missing) the database at ``path``."""
    return Store(path, read_only=read_only)
