"""The GDELT 2.0 export: 61 event columns, mentions with our offsets, negated set aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.store import StoreError, open_store
from newsgraph.store.gdelt import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    actor_fields,
    export_gdelt,
    global_event_id,
)
from test_queries import A1, B1, doc_a1, doc_b1, doc_c1


@pytest.fixture
def out(tmp_path: Path) -> Path:
    db = tmp_path / "g.duckdb"
    with open_store(db) as store:
        store.ingest([doc_a1(), doc_b1(), doc_c1()])
    with open_store(db, read_only=True) as store:
        counts = export_gdelt(store, tmp_path / "gdelt")
    assert (counts.events, counts.negated, counts.mentions) == (4, 1, 4)
    return tmp_path / "gdelt"


def table(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        assert len(line.split("\t")) == len(columns), line
    return [dict(zip(columns, line.split("\t"), strict=True)) for line in lines]


def by_id(rows: list[dict[str, str]], article_id: str, idx: int) -> dict[str, str]:
    wanted = str(global_event_id(article_id, idx))
    return next(r for r in rows if r["GlobalEventID"] == wanted)


def test_the_column_lists_follow_the_codebook() -> None:
    assert len(EVENT_COLUMNS) == 61 and len(set(EVENT_COLUMNS)) == 61
    assert EVENT_COLUMNS[:6] == (
        "GlobalEventID",
        "Day",
        "MonthYear",
        "Year",
        "FractionDate",
        "Actor1Code",
    )
    assert EVENT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )  # fmt: skip
    assert EVENT_COLUMNS[51] == "ActionGeo_Type" and EVENT_COLUMNS[-2:] == (
        "DATEADDED",
        "SOURCEURL",
    )
    assert len(MENTION_COLUMNS) == 16 and MENTION_COLUMNS[7:10] == (
        "Actor1CharOffset",
        "Actor2CharOffset",
        "ActionCharOffset",
    )


def test_event_table_has_61_columns_and_no_negated_event(out: Path) -> None:
    rows = table(out / "events.export.tsv", EVENT_COLUMNS)
    assert len(rows) == 4
    assert (out / "events.columns.txt").read_text(encoding="utf-8").split() == list(EVENT_COLUMNS)
    negated = table(out / "events.negated.tsv", EVENT_COLUMNS)
    assert [(r["Actor1Code"], r["EventCode"]) for r in negated] == [("RUS", "046")]
    assert "046" not in {r["EventCode"] for r in rows}


def test_event_fields_are_mapped(out: Path) -> None:
    rows = table(out / "events.export.tsv", EVENT_COLUMNS)
    attack = by_id(rows, "a1", 0)
    assert (attack["Day"], attack["MonthYear"], attack["Year"]) == ("20231105", "202311", "2023")
    assert attack["FractionDate"] == f"{2023 + (11 * 30 + 5) / 365:.4f}"
    assert (attack["Actor1Code"], attack["Actor1CountryCode"], attack["Actor1Type1Code"]) == (
        "RUSMIL",
        "RUS",
        "MIL",
    )
    assert (attack["EventCode"], attack["EventBaseCode"], attack["EventRootCode"]) == (
        "190",
        "190",
        "19",
    )
    assert (attack["QuadClass"], attack["GoldsteinScale"], attack["IsRootEvent"]) == (
        "4",
        "-10",
        "1",
    )
    geo = [
        attack[f"ActionGeo_{f}"]
        for f in ("Type", "FullName", "CountryCode", "Lat", "Long", "FeatureID")
    ]
    assert geo == ["4", "Kyiv", "UKR", "50.455", "30.524", "703448"]
    assert attack["SOURCEURL"] == "a1" and len(attack["DATEADDED"]) == 14
    # A caption event of a month-precision article: no day is invented.
    caption = by_id(rows, "a1", 2)
    assert (caption["Day"], caption["MonthYear"], caption["FractionDate"]) == ("", "202311", "")
    # The publication day stands in where the event has no date of its own.
    meeting = by_id(rows, "b1", 0)
    assert (meeting["Day"], meeting["Actor1Name"], meeting["Actor2Code"]) == (
        "20231203",
        "Bundesregierung",
        "FRA",
    )
    assert meeting["SOURCEURL"] == "https://example.org/b1"


def test_mentions_carry_our_character_offsets(out: Path) -> None:
    rows = table(out / "mentions.tsv", MENTION_COLUMNS)
    assert (out / "mentions.columns.txt").read_text(encoding="utf-8").split() == list(
        MENTION_COLUMNS
    )
    attack = by_id(rows, "a1", 0)
    assert A1[int(attack["Actor1CharOffset"]) :].startswith("Russische Truppen")
    assert A1[int(attack["ActionCharOffset"]) :].startswith("griffen")
    assert attack["Actor2CharOffset"] == "-1"
    assert (attack["MentionDocLen"], attack["Confidence"], attack["MentionType"]) == (
        str(len(A1)),
        "70",
        "2",
    )
    assert attack["SentenceID"] == "2"
    meeting = by_id(rows, "b1", 0)
    assert B1[int(meeting["Actor2CharOffset"]) :].startswith("Frankreich")
    assert (meeting["MentionSourceName"], meeting["MentionType"]) == ("example.org", "1")


def test_actor_codes_split_into_gdelt_fields() -> None:
    def named(code: str) -> dict[str, str | None]:
        keys = ("code", "name", "country", "group", "ethnic", "rel1", "rel2", "t1", "t2", "t3")
        return dict(zip(keys, actor_fields(code, "x"), strict=True))

    assert named("CHNMIL")["country"] == "CHN" and named("CHNMIL")["t1"] == "MIL"
    igo = named("IGOWSTNAT")
    assert (igo["country"], igo["t1"], igo["group"]) == (None, "IGO", "WST")
    rebels = named("SYRREBMUS")
    assert (rebels["country"], rebels["t1"], rebels["rel1"]) == ("SYR", "REB", "MUS")
    assert actor_fields(None, "Name")[:3] == [None, "Name", None]


def test_cli_export_gdelt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "c.duckdb"
    with open_store(db) as store:
        store.ingest([doc_a1()])
    assert main(["export", "--db", str(db), "--format", "gdelt", "-o", str(tmp_path / "x")]) == 0
    assert "1 negated event(s) set aside" in capsys.readouterr().err
    assert len(table(tmp_path / "x" / "events.export.tsv", EVENT_COLUMNS)) == 2
    assert main(["export", "--db", str(db), "--format", "gdelt"]) == 2
    assert "newsgraph: error: gdelt export needs an output folder" in capsys.readouterr().err
    with open_store(db, read_only=True) as store, pytest.raises(StoreError, match="cannot write"):
        (tmp_path / "file").write_text("", encoding="utf-8")
        export_gdelt(store, tmp_path / "file")
