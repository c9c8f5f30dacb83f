"""The DuckDB store on hand-built records: idempotency, replacement, export, errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from newsgraph.model import Article, Document, Part, Published, Span
from newsgraph.store import IngestStats, Store, StoreError, open_store
from newsgraph.store.schema import STORE_SCHEMA_VERSION, TABLES
from newsgraph.store.summary import format_summary

TEXT = "Titel der Meldung\n\nDer Minister traf am Montag seinen Amtskollegen in Wien."


def make_record(article_id: str = "a1", **changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "schema": 1,
        "id": article_id,
        "source": "hand.txt",
        "url": None,
        "title": "Titel der Meldung",
        "lang": "de",
        "published": {"value": "2024-02", "precision": "month"},
        "text": TEXT,
        "parts": [
            {"kind": "title", "start": 0, "end": 17},
            {"kind": "body", "start": 19, "end": 76},
        ],
        "agencies": ["APA"],
        "credits": [],
        "sentences": [{"start": 0, "end": 17}, {"start": 19, "end": 76}],
        "entities": [
            {
                "id": "E1",
                "name": "Wien",
                "type": "GPE",
                "kb": None,
                "actor": "AUT",
                "mentions": [{"start": 70, "end": 74, "text": "Wien"}],
            }
        ],
        "quotes": [],
        "events": [
            {
                "plover": {"type": "CONSULT", "mode": "visit", "context": None},
                "cameo": "042",
                "quad": 1,
                "goldstein": 1.9,
                "actor": {"entity": None, "code": "GOV", "start": 23, "end": 34},
                "recipient": None,
                "negated": False,
                "historical": False,
                "future": False,
                "hypothetical": False,
                "place": {"name": "Wien", "start": 70, "end": 74},
                "date": {"value": "2024-02", "precision": "month", "start": 44, "end": 50},
                "evidence": {"start": 19, "end": 76},
                "part": "body",
                "confidence": 0.8,
            }
        ],
        "times": [{"start": 44, "end": 50, "text": "Montag", "type": "DATE", "value": "2024-02"}],
        "places": [],
        "tone": None,
        "pipeline": ["structure", "language"],
    }
    record.update(changes)
    return record


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "news.duckdb"


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_ingest_stores_every_table_from_the_record(db: Path) -> None:
    with open_store(db) as store:
        stats = store.ingest([make_record()])
        counts = store.counts()
    assert stats == IngestStats(inserted=1, unchanged=0, replaced=0)
    assert list(counts) == list(TABLES)
    assert counts == {
        "articles": 1,
        "parts": 2,
        "sentences": 2,
        "entities": 1,
        "mentions": 1,
        "quotes": 0,
        "events": 1,
        "times": 1,
        "places": 0,
    }
    article = rows(db, "SELECT published_value, published_precision, agencies FROM articles")
    assert article == [("2024-02", "month", ["APA"])]
    event = rows(
        db,
        "SELECT plover_type, cameo, quad, goldstein, actor_code, recipient_code, negated, "
        "place_json->>'name', date_precision, evidence_start, evidence_end FROM events",
    )
    assert event == [("CONSULT", "042", 1, 1.9, "GOV", None, False, "Wien", "month", 19, 76)]
    mention = rows(db, 'SELECT entity_id, start, "end", text FROM mentions')
    assert mention == [("E1", 70, 74, "Wien")]


def test_same_record_twice_is_stored_once(db: Path) -> None:
    with open_store(db) as store:
        store.ingest([make_record()])
        again = store.ingest([make_record()])
        assert again == IngestStats(inserted=0, unchanged=1, replaced=0)
        assert store.counts()["articles"] == 1
        assert store.counts()["parts"] == 2


def test_changed_record_replaces_all_its_rows(db: Path) -> None:
    with open_store(db) as store:
        store.ingest([make_record(), make_record("other")])
        changed = make_record(parts=[{"kind": "body", "start": 0, "end": 76}], entities=[])
        stats = store.ingest([changed])
        assert stats == IngestStats(inserted=0, unchanged=0, replaced=1)
        stored = store.get("a1")
    assert stored is not None and stored["entities"] == []
    assert rows(db, "SELECT kind FROM parts WHERE article_id = 'a1'") == [("body",)]
    assert rows(db, "SELECT count(*) FROM mentions WHERE article_id = 'a1'") == [(0,)]
    # The other article's rows are untouched.
    assert rows(db, "SELECT count(*) FROM parts WHERE article_id = 'other'") == [(2,)]


def test_ingest_takes_documents_and_get_returns_their_record(db: Path) -> None:
    article = Article(text=TEXT, title="Titel der Meldung", published=Published("2024", "year"))
    article.title_span = Span(0, 17)
    doc = Document(article=article, lang="de", parts=[Part("title", 0, 17)], stages=["x"])
    with open_store(db) as store:
        store.ingest([doc])
        assert store.get(article.id) == doc.to_record()
        assert store.get("missing") is None


def test_duplicate_ids_in_one_batch_and_across_batches(db: Path) -> None:
    records = [make_record(f"r{i}") for i in range(5)]
    records.append(make_record("r1", title="neu"))
    records.append(make_record("r1", title="neu"))
    with Store(db, batch_size=2) as store:
        stats = store.ingest(records)
        assert stats == IngestStats(inserted=5, unchanged=1, replaced=1)
        assert store.counts()["articles"] == 5
        stored = store.get("r1")
    assert stored is not None and stored["title"] == "neu"


def test_missing_and_odd_fields_become_null(db: Path) -> None:
    minimal = {"id": "m", "text": "Nur Text."}
    odd = make_record(
        "odd",
        published="2024",
        parts=[{"kind": "body", "start": "0", "end": 9.0}, "not a dict"],
        entities=[{"name": "X", "kb": {"wikidata": "Q1"}, "mentions": None}],
        events=[{"quad": "one", "goldstein": float("nan"), "negated": "no", "actor": "ACT"}],
    )
    with open_store(db) as store:
        assert store.ingest([minimal, odd]).inserted == 2
    assert rows(db, "SELECT title, lang, published_value, agencies FROM articles WHERE id='m'") == [
        (None, None, None, None)
    ]
    assert rows(db, "SELECT start, \"end\" FROM parts WHERE article_id = 'odd'") == [(None, 9)]
    assert rows(db, "SELECT entity_id, kb FROM entities") == [("e0", '{"wikidata": "Q1"}')]
    assert rows(db, "SELECT quad, goldstein, negated, actor_code FROM events") == [
        (None, None, None, None)
    ]


def test_record_without_id_or_text_is_refused(db: Path) -> None:
    with open_store(db) as store, pytest.raises(StoreError, match="'id' and 'text'"):
        store.ingest([{"text": "kein id"}])


def test_failed_batch_leaves_no_half_article(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(db) as store:
        store.ingest([make_record("kept")])
        real_append = Store._append

        def failing_append(self: Store, table: str, table_rows: list[dict[str, Any]]) -> None:
            if table == "events":
                raise RuntimeError("disk full")
            real_append(self, table, table_rows)

        monkeypatch.setattr(Store, "_append", failing_append)
        with pytest.raises(RuntimeError, match="disk full"):
            store.ingest([make_record("lost"), make_record("kept", title="changed")])
        assert store.ids() == ["kept"]
        assert rows_in(store, "parts") == 2
        kept = store.get("kept")
    assert kept is not None and kept["title"] == "Titel der Meldung"


def rows_in(store: Store, table: str) -> int:
    return store.counts()[table]


def test_input_failure_keeps_what_was_analysed(db: Path) -> None:
    def items() -> Iterator[dict[str, Any]]:
        yield make_record("one")
        yield make_record("two")
        raise KeyboardInterrupt

    with open_store(db) as store:
        with pytest.raises(KeyboardInterrupt):
            store.ingest(items())
        assert store.ids() == ["one", "two"]


def test_export_jsonl_and_parquet(db: Path, tmp_path: Path) -> None:
    with open_store(db) as store:
        store.ingest([make_record("b"), make_record("a")])
    with open_store(db, read_only=True) as store:
        out = io.StringIO()
        assert store.export("jsonl", out) == 2
        assert store.export("jsonl", tmp_path / "out.jsonl") == 2
        assert store.export("parquet", tmp_path / "pq") == 2
        with pytest.raises(StoreError, match="folder"):
            store.export("parquet", None)
        with pytest.raises(StoreError, match="unknown export format"):
            store.export("xml", None)
        with pytest.raises(StoreError, match="cannot write"):
            store.export("jsonl", tmp_path / "no" / "such" / "out.jsonl")
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]
    assert json.loads(lines[0]) == make_record("a")
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == out.getvalue()
    assert sorted(p.stem for p in (tmp_path / "pq").iterdir()) == sorted(TABLES)
    assert pq.read_table(tmp_path / "pq" / "mentions.parquet").num_rows == 2
    assert pq.read_table(tmp_path / "pq" / "articles.parquet").column("id").to_pylist() == [
        "a",
        "b",
    ]


def test_summary_counts_languages_and_parts(db: Path) -> None:
    with open_store(db) as store:
        store.ingest([make_record("a"), make_record("b", lang="en"), make_record("c")])
        summary = store.summary()
    assert summary.languages == [("de", 2), ("en", 1)]
    assert summary.part_kinds == [("body", 3), ("title", 3)]
    table = format_summary(summary)
    assert "de 2, en 1" in table
    assert any(line.split()[:2] == ["events", "3"] for line in table.splitlines())


def test_schema_version_is_recorded_and_checked(db: Path) -> None:
    with open_store(db):
        pass
    assert rows(db, "SELECT version FROM schema_version") == [(STORE_SCHEMA_VERSION,)]
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO schema_version VALUES (99, now(), 'future')")
    with pytest.raises(StoreError, match="newer newsgraph"):
        open_store(db)


def test_opening_files_that_are_not_ours(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    text_file = tmp_path / "notes.duckdb"
    text_file.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="not a DuckDB database"):
        open_store(text_file)
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(StoreError, match="not a newsgraph database"):
        open_store(other)
    with pytest.raises(StoreError, match="folder does not exist"):
        open_store(tmp_path / "no" / "such" / "dir.duckdb")


def test_read_only_store_refuses_to_ingest(db: Path) -> None:
    with open_store(db):
        pass
    with open_store(db, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.ingest([make_record()])


def test_locked_database_names_the_file(db: Path) -> None:
    holder = textwrap.dedent(
        f"""
        import sys
        from newsgraph.store import open_store
        with open_store({str(db)!r}):
            print("open", flush=True)
            sys.stdin.readline()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
        with pytest.raises(StoreError) as caught:
            open_store(db, read_only=True)
        assert str(db) in str(caught.value)
        assert "in use by another process" in str(caught.value)
    finally:
        proc.communicate("\n", timeout=30)


def test_quote_gaps_are_stored_and_old_stores_migrate(db: Path) -> None:
    quote = {"start": 19, "end": 76, "text": TEXT[19:76], "kind": "indirect"}
    with open_store(db) as store:
        store.ingest([make_record("a", quotes=[{**quote, "gaps": [{"start": 30, "end": 40}]}])])
    assert rows(db, "SELECT gaps::VARCHAR FROM quotes") == [('[{"start": 30, "end": 40}]',)]
    # A version-1 store: no gaps column yet.
    with duckdb.connect(str(db)) as con:
        con.execute("ALTER TABLE quotes DROP COLUMN gaps")
        con.execute("DELETE FROM schema_version")
        con.execute("INSERT INTO schema_version VALUES (1, now(), 'created')")
    with pytest.raises(StoreError, match="open it once for writing"):
        open_store(db, read_only=True)
    with open_store(db) as store:
        store.ingest([make_record("b", quotes=[quote])])
    assert rows(db, "SELECT article_id, gaps FROM quotes ORDER BY article_id") == [
        ("a", None),
        ("b", None),
    ]
    assert rows(db, "SELECT max(version) FROM schema_version") == [(STORE_SCHEMA_VERSION,)]
