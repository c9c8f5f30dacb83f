"""The query commands (quotes, entities, events) on a database of hand-built records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.cli import main
from newsgraph.model import Article, Document, Part, Published, Span
from newsgraph.store import open_store
from newsgraph.store.queries import (
    EntityFilter,
    EventFilter,
    QueryError,
    QuoteFilter,
    date_range,
    find_entities,
    find_events,
    find_quotes,
    near_place,
)

A1 = (
    "Angriff auf Kiew\n\n"
    "Russische Truppen griffen am 5. November Ziele in Kiew an. "
    "„Wir stehen an der Seite der Ukraine“, sagte Olaf Scholz. "
    "Russland verhandelte nicht mit der Ukraine.\n\n"
    "Foto: Soldaten treffen sich in Kiew."
)
B1 = (
    "Treffen in Paris\n\n"
    "Die Bundesregierung beriet sich in Paris mit Frankreich. "
    "Ein Kremlsprecher sagte, Moskau sei „nicht beeindruckt“. "
    "Scholz sagte, das Treffen sei gut gewesen."
)
C1 = "Rückblick\n\nDie US-Regierung sanktionierte 2022 die Zentralbank. Nichts weiter."


def at(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def entity(
    eid: str, name: str, etype: str, actor: str | None, *mentions: dict[str, Any]
) -> dict[str, Any]:
    return {
        "id": eid,
        "name": name,
        "type": etype,
        "kb": None,
        "actor": actor,
        "mentions": list(mentions),
    }


def quote(
    text: str, body: str, kind: str, speaker: dict[str, Any] | None, **extra: Any
) -> dict[str, Any]:
    return {
        **at(text, body),
        "kind": kind,
        "speaker": speaker,
        "cue": None,
        "addressee": None,
        "part": "body",
        "nested": False,
        **extra,
    }


def party(text: str, needle: str, code: str | None, eid: str | None = None) -> dict[str, Any]:
    return {"entity": eid, "code": code, **at(text, needle)}


def place(
    text: str, needle: str, name: str, country: str, coords: tuple[float, float], *, nth: int = 0
) -> dict[str, Any]:
    return {
        **at(text, needle, nth),
        "name": name,
        "country": country,
        "lat": coords[0],
        "lon": coords[1],
        "fallback": False,
    }


def event(text: str, sentence: str, trigger: str, **fields: Any) -> dict[str, Any]:
    evidence = at(text, sentence)
    record: dict[str, Any] = {
        "plover": {"type": "ASSAULT", "mode": None, "context": None},
        "cameo": "190",
        "quad": 4,
        "goldstein": -10.0,
        "actor": None,
        "recipient": None,
        "trigger": at(text, trigger),
        "negated": False,
        "historical": False,
        "future": False,
        "hypothetical": False,
        "reported_by": None,
        "place": None,
        "date": None,
        "evidence": {"start": evidence["start"], "end": evidence["end"]},
        "part": "body",
        "confidence": 0.7,
        "rule": "hand",
    }
    record.update(fields)
    return record


def document(aid: str, text: str, published: Published, url: str | None = None) -> Document:
    title_end = text.index("\n")
    article = Article(text=text, id=aid, title=text[:title_end], published=published, url=url)
    article.title_span = Span(0, title_end)
    body_start = title_end + 2
    sentences = [Span(0, title_end)]
    pos = body_start
    for piece in text[body_start:].replace("\n\n", " ").split(". "):
        end = min(len(text), pos + len(piece) + 1)
        sentences.append(Span(pos, end))
        pos = end + 1
    return Document(
        article=article,
        lang="de",
        parts=[Part("title", 0, title_end), Part("body", body_start, len(text))],
        sentences=sentences,
    )


def doc_a1() -> Document:
    doc = document("a1", A1, Published("2023-11", "month"))
    sentence = "Russische Truppen griffen am 5. November Ziele in Kiew an."
    doc.entities = [
        entity("E1", "Olaf Scholz", "PER", "DEUGOV", at(A1, "Olaf Scholz")),
        entity("E2", "Russland", "GPE", "RUS", at(A1, "Russland")),
        entity("E3", "Ukraine", "GPE", "UKR", at(A1, "Ukraine"), at(A1, "Ukraine", 1)),
    ]
    speaker = {"entity": "E1", **at(A1, "Olaf Scholz"), "resolved": "Olaf Scholz"}
    doc.quotes = [quote(A1, "„Wir stehen an der Seite der Ukraine“", "direct", speaker)]
    kyiv = place(A1, "Kiew", "Kyiv", "UKR", (50.455, 30.524), nth=1)
    doc.places = [{**kyiv, "type": "capital", "geonameid": 703448, "role": "place", "part": "body"}]
    date = {**at(A1, "5. November"), "value": "2023-11-05", "precision": "day", "fallback": False}
    doc.events = [
        event(
            A1,
            sentence,
            "griffen",
            actor=party(A1, "Russische Truppen", "RUSMIL"),
            place=kyiv,
            date=date,
        ),
        event(
            A1,
            "Russland verhandelte nicht mit der Ukraine.",
            "verhandelte",
            plover={"type": "CONSULT", "mode": None, "context": None},
            cameo="046",
            actor=party(A1, "Russland", "RUS", "E2"),
            recipient=party(A1, "Ukraine", "UKR", "E3") | at(A1, "Ukraine", 1),
            negated=True,
        ),
        event(
            A1,
            "Foto: Soldaten treffen sich in Kiew.",
            "treffen",
            part="caption",
            plover={"type": "CONSULT", "mode": "meet", "context": None},
            cameo="043",
            actor=party(A1, "Soldaten", "MIL"),
        ),
    ]
    return doc


def doc_b1() -> Document:
    doc = document("b1", B1, Published("2023-12-03", "day"), url="https://example.org/b1")
    doc.entities = [
        entity("E1", "Olaf Scholz", "PER", "DEUGOV", at(B1, "Scholz")),
        entity("E2", "Dmitri Peskow", "PER", "RUSGOV", at(B1, "Kremlsprecher")),
        entity("E3", "Bundesregierung", "ORG", "DEUGOV", at(B1, "Bundesregierung")),
    ]
    peskow = {"entity": "E2", **at(B1, "Ein Kremlsprecher"), "resolved": None}
    scholz = {"entity": "E1", **at(B1, "Scholz"), "resolved": "Olaf Scholz"}
    doc.quotes = [
        quote(B1, "„nicht beeindruckt“", "partial", peskow),
        quote(B1, "das Treffen sei gut gewesen", "indirect", scholz),
    ]
    paris = place(B1, "Paris", "Paris", "FRA", (48.853, 2.349), nth=1)
    published = {"value": "2023-12-03", "precision": "day", "start": None, "end": None}
    doc.events = [
        event(
            B1,
            "Die Bundesregierung beriet sich in Paris mit Frankreich.",
            "beriet",
            plover={"type": "CONSULT", "mode": "meet", "context": None},
            cameo="040",
            quad=1,
            goldstein=1.0,
            actor=party(B1, "Die Bundesregierung", "DEUGOV", "E3"),
            recipient=party(B1, "Frankreich", "FRA"),
            place=paris,
            date={**published, "fallback": "publication"},
        )
    ]
    return doc


def doc_c1() -> Document:
    doc = document("c1", C1, Published("2024-01-10", "day"))
    doc.events = [
        event(
            C1,
            "Die US-Regierung sanktionierte 2022 die Zentralbank.",
            "sanktionierte",
            plover={"type": "COERCE", "mode": "sanction", "context": None},
            cameo="163",
            actor=party(C1, "Die US-Regierung", "USAGOV"),
            historical=True,
            date={**at(C1, "2022"), "value": "2022", "precision": "year", "fallback": False},
        )
    ]
    return doc


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "q.duckdb"
    with open_store(path) as store:
        store.ingest([doc_a1(), doc_b1(), doc_c1()])
    return path


def quotes(db: Path, **kw: Any) -> list[dict[str, Any]]:
    with open_store(db, read_only=True) as store:
        return find_quotes(store, QuoteFilter(**kw))


def events(db: Path, **kw: Any) -> list[dict[str, Any]]:
    with open_store(db, read_only=True) as store:
        return find_events(store, EventFilter(**kw))


def test_hand_built_offsets_are_right() -> None:
    for doc in (doc_a1(), doc_b1(), doc_c1()):
        for ev in doc.events:
            for role in ("actor", "recipient", "trigger", "place"):
                if ev[role]:
                    assert doc.text[ev[role]["start"] : ev[role]["end"]] == ev[role]["text"]


def test_quotes_speaker_matches_text_resolved_and_entity_name(db: Path) -> None:
    scholz = quotes(db, speaker="scholz")
    assert [(q["article_id"], q["speaker"], q["kind"]) for q in scholz] == [
        ("a1", "Olaf Scholz", "direct"),
        ("b1", "Olaf Scholz", "indirect"),
    ]
    # "Ein Kremlsprecher" is linked to the entity "Dmitri Peskow": its name finds the quote.
    peskow = quotes(db, speaker="PESKOW")
    assert [(q["text"], q["speaker"], q["speaker_text"]) for q in peskow] == [
        ("„nicht beeindruckt“", "Dmitri Peskow", "Ein Kremlsprecher")
    ]
    assert quotes(db, speaker="kremlsprecher") == peskow
    assert quotes(db, speaker="Merkel") == []


def test_quotes_dates_respect_the_month_precision(db: Path) -> None:
    # a1 is published "2023-11": the whole month, so it overlaps mid-month bounds.
    assert [q["article_id"] for q in quotes(db, since="2023-11-15")] == ["a1", "b1", "b1"]
    assert [q["article_id"] for q in quotes(db, until="2023-11-01")] == ["a1"]
    assert [q["article_id"] for q in quotes(db, since="2023-12")] == ["b1", "b1"]
    assert quotes(db, until="2023-10") == []
    assert [q["article_id"] for q in quotes(db, since="2023", until="2023-11")] == ["a1"]


def test_quotes_contains_kind_and_limit(db: Path) -> None:
    assert [q["kind"] for q in quotes(db, contains="TREFFEN")] == ["indirect"]
    assert [q["text"] for q in quotes(db, kind="partial")] == ["„nicht beeindruckt“"]
    assert len(quotes(db, limit=1)) == 1
    assert quotes(db, contains="100%") == []  # % is no wildcard


def test_bad_dates_are_refused() -> None:
    assert date_range("2024-02", "--since") == (
        date_range("2024-02-01", "x")[0],
        date_range("2024-02-29", "x")[1],
    )
    with pytest.raises(QueryError, match="--since: expected YYYY"):
        date_range("11/2023", "--since")
    with pytest.raises(QueryError, match="no such date"):
        date_range("2023-02-30", "--until")


def test_entities_grouped_across_articles(db: Path) -> None:
    with open_store(db, read_only=True) as store:
        rows = find_entities(store, EntityFilter())
        people = find_entities(store, EntityFilter(type="per"))
        named = find_entities(store, EntityFilter(name="scholz"))
    first = rows[0]
    assert (first["name"], first["type"], first["mentions"], first["articles"]) == (
        "Olaf Scholz",
        "PER",
        2,
        2,
    )
    assert first["actor"] == "DEUGOV" and first["examples"] == ["a1", "b1"]
    ukraine = next(r for r in rows if r["name"] == "Ukraine")
    assert (ukraine["mentions"], ukraine["articles"]) == (2, 1)
    assert {r["name"] for r in people} == {"Olaf Scholz", "Dmitri Peskow"}
    assert [r["name"] for r in named] == ["Olaf Scholz"]


def test_events_default_leaves_out_negated_and_captions(db: Path) -> None:
    rows = events(db)
    assert [(r["article_id"], r["cameo"]) for r in rows] == [
        ("c1", "163"),
        ("a1", "190"),
        ("b1", "040"),
    ]
    negated = events(db, include_negated=True, actor="RUS")
    assert [(r["cameo"], r["negated"]) for r in negated] == [("190", False), ("046", True)]
    caption = events(db, include_caption=True, cameo="043")
    assert [(r["part"], r["actor_code"]) for r in caption] == [("caption", "MIL")]


def test_events_actor_prefix_text_and_entity_name(db: Path) -> None:
    assert [r["actor_code"] for r in events(db, actor="rus")] == ["RUSMIL"]
    assert [r["actor_code"] for r in events(db, actor="RUSMIL")] == ["RUSMIL"]
    assert [r["actor_code"] for r in events(db, actor="Truppen")] == ["RUSMIL"]
    # The entity linked to the actor is named "Bundesregierung"; its code starts with DEU.
    assert [r["article_id"] for r in events(db, actor="bundesreg")] == ["b1"]
    assert [r["article_id"] for r in events(db, actor="DEU")] == ["b1"]
    assert [r["article_id"] for r in events(db, recipient="FRA")] == ["b1"]
    assert events(db, actor="GOV") == []  # a prefix of the code, not any part of it


def test_events_type_cameo_country_and_near(db: Path) -> None:
    assert [r["cameo"] for r in events(db, type="consult")] == ["040"]
    assert [r["cameo"] for r in events(db, cameo="19")] == ["190"]
    assert [r["place"] for r in events(db, country="ukr")] == ["Kyiv"]
    assert [r["place"] for r in events(db, near=near_place("Kiew", 10))] == ["Kyiv"]
    # Paris is ~2,000 km from Kyiv: within 2,100 km, not within 1,900.
    kyiv = near_place("50.45,30.52", 2100)
    assert [r["place"] for r in events(db, near=kyiv)] == ["Kyiv", "Paris"]
    assert [r["place"] for r in events(db, near=near_place("Kiew", 1900))] == ["Kyiv"]
    with pytest.raises(QueryError, match="not in the places gazetteer"):
        near_place("Nirgendheim an der Xyz", 5)


def test_events_from_to_use_the_event_date_or_its_fallback(db: Path) -> None:
    november = events(db, date_from="2023-11-01", date_to="2023-11-30")
    assert [(r["article_id"], r["date"]) for r in november] == [("a1", "2023-11-05")]
    # b1's event has no date of its own: the publication date stands in, and says so.
    december = events(db, date_from="2023-12-01")
    assert [(r["article_id"], r["date_fallback"]) for r in december] == [("b1", "publication")]
    # c1's event happened in 2022 although c1 was published in 2024.
    assert [r["article_id"] for r in events(db, date_to="2022-12-31")] == ["c1"]
    assert [r["article_id"] for r in events(db, since="2024")] == ["c1"]


def test_cli_quotes_formats(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--db", str(db), "--speaker", "scholz"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["2023-11", "a1", "direct"]
    assert lines[0].endswith("Olaf Scholz: „Wir stehen an der Seite der Ukraine“")
    assert main(["quotes", "--db", str(db), "--format", "jsonl", "--kind", "partial"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["speaker"], r["article_id"], r["published"]) for r in records] == [
        ("Dmitri Peskow", "b1", "2023-12-03")
    ]
    assert main(["quotes", "--db", str(db), "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (
        len(table) == 3 and table[0]["speaker"] == "Olaf Scholz" and table[0]["nested"] == "false"
    )


def test_cli_entities_and_events(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities", "--db", str(db), "--type", "PER", "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert table[0]["name"] == "Olaf Scholz" and table[0]["examples"] == "a1 b1"
    assert main(["events", "--db", str(db), "--actor", "RUS", "--include-negated"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "RUSMIL (Russische Truppen)" in lines[0] and "@ Kyiv (UKR)" in lines[0]
    assert "[negated]" in lines[1] and "-> UKR (Ukraine)" in lines[1]
    assert (
        main(["events", "--db", str(db), "--near", "Kiew", "--km", "20", "--format", "jsonl"]) == 0
    )
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["evidence"] for r in rows] == [
        "Russische Truppen griffen am 5. November Ziele in Kiew an."
    ]


def test_cli_errors_have_one_shape(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", str(db), "--from", "letzte Woche"]) == 2
    assert capsys.readouterr().err.startswith("newsgraph: error: --from: expected YYYY")
    assert main(["events", "--db", str(db), "--km", "5"]) == 2
    assert "newsgraph: error: --km: needs --near" in capsys.readouterr().err
    assert main(["quotes", "--db", str(db.with_name("missing.duckdb"))]) == 2
    assert "no such database" in capsys.readouterr().err


def test_quote_line_joins_lines_and_names_the_addressee() -> None:
    from newsgraph.store.queries import quote_line

    row = {
        "published": "2024-01-10",
        "article_id": "x1",
        "kind": "indirect",
        "speaker": "Friedrich Merz",
        "addressee": "der Regierung",
        "text": "das Land in eine\nHaushaltskrise geführt zu haben",
    }
    line = quote_line(row)
    assert "\n" not in line
    assert line.endswith(
        "Friedrich Merz (to der Regierung): das Land in eine Haushaltskrise geführt zu haben"
    )
