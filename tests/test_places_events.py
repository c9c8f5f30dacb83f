"""The event_context stage: each event's own place and date, or a marked fallback."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.model import Article, Document, Published
from newsgraph.pipeline import Pipeline, PipelineOptions
from newsgraph.places.event_context import make_stage as make_context
from newsgraph.places.stage import make_stage as make_places

BEFORE = ("structure", "language", "tokens", "tagger", "times")


@pytest.fixture(scope="module")
def analyse() -> Any:
    options = PipelineOptions(stages=BEFORE, lang="de")
    pipeline, places, context = Pipeline(options), make_places(options), make_context(options)

    def run(text: str, triggers: list[str], published: Published | None = None) -> Document:
        pub = published or Published("2023-11", "month")
        doc = pipeline(Article(text=text, published=pub))
        places(doc)
        doc.events = [event(doc, word) for word in triggers]
        context(doc)
        return doc

    return run


def event(doc: Document, trigger: str, date: dict[str, Any] | None = None) -> dict[str, Any]:
    """An event record as the events stage writes it, around the trigger's sentence."""
    start = doc.text.index(trigger)
    sentence = next(s for s in doc.sentences if s.start <= start < s.end)
    return {
        "plover": {"type": "CONSULT", "mode": None, "context": None},
        "actor": None,
        "recipient": None,
        "trigger": {"start": start, "end": start + len(trigger), "text": trigger},
        "evidence": {"start": sentence.start, "end": sentence.end},
        "place": None,
        "date": date,
    }


def test_event_takes_the_place_of_its_own_sentence(analyse: Any) -> None:
    doc = analyse(
        "BERLIN (dpa) – Die Kanzlerin reiste nach Paris. Am Mittwoch empfing der "
        "Präsident den General in Moskau.",
        ["empfing", "reiste"],
    )
    moscow, paris = (e["place"] for e in doc.events)
    assert moscow["name"] == "Moscow"
    assert moscow["fallback"] is False
    assert moscow["lat"] == pytest.approx(55.75, abs=0.01)
    assert doc.text[moscow["start"] : moscow["end"]] == "Moskau"
    assert paris["name"] == "Paris"


def test_event_prefers_a_place_in_the_triggers_clause(analyse: Any) -> None:
    doc = analyse(
        "In Wien sagte der Minister, dass er den Botschafter in Prag empfangen habe.",
        ["empfangen"],
    )
    assert doc.events[0]["place"]["name"] == "Prague"


def test_bare_country_is_a_party_not_the_event_place(analyse: Any) -> None:
    doc = analyse(
        "Die G7 forderten China auf, Russland nicht zu helfen. Sie tagten in Japan.",
        ["forderten", "tagten"],
    )
    demanded, met = (e["place"] for e in doc.events)
    assert demanded is None
    assert met["name"] == "Japan"


def test_event_falls_back_to_the_dateline(analyse: Any) -> None:
    doc = analyse(
        "BERLIN (dpa) – Die Regierung hat neue Regeln beschlossen. Sie gelten ab Mai.",
        ["beschlossen"],
    )
    place = doc.events[0]["place"]
    assert place["name"] == "Berlin"
    assert place["fallback"] == "dateline"


def test_event_without_place_or_dateline_has_none(analyse: Any) -> None:
    doc = analyse("Die Regierung hat neue Regeln beschlossen.", ["beschlossen"])
    assert doc.events[0]["place"] is None


def test_metonymic_actor_is_no_event_place(analyse: Any) -> None:
    doc = analyse("Moskau kritisierte die neuen Sanktionen scharf.", ["kritisierte"])
    assert doc.places[0]["role"] == "actor"
    assert doc.events[0]["place"] is None


def test_event_date_from_its_sentence_else_publication(analyse: Any) -> None:
    doc = analyse(
        "Am 3. Oktober 2023 trafen sich die Minister. Die Gespräche verliefen gut.",
        ["trafen", "verliefen"],
    )
    own, fallback = (e["date"] for e in doc.events)
    assert own["value"] == "2023-10-03"
    assert own["fallback"] is False
    assert fallback == {
        "value": "2023-11",
        "precision": "month",
        "start": None,
        "end": None,
        "fallback": "publication",
    }


def test_date_set_by_the_events_stage_is_kept(analyse: Any) -> None:
    doc = analyse("Die Gespräche verliefen gut.", [])
    given = {"value": "2023-11-08", "precision": "day", "start": 0, "end": 3}
    doc.events = [event(doc, "verliefen", date=given)]
    make_context(PipelineOptions())(doc)
    assert doc.events[0]["date"] == {**given, "fallback": False}


def test_no_publication_date_leaves_date_empty() -> None:
    options = PipelineOptions(stages=BEFORE, lang="de")
    doc = Pipeline(options)(Article(text="Die Gespräche verliefen gut."))
    make_places(options)(doc)
    doc.events = [event(doc, "verliefen")]
    make_context(options)(doc)
    assert doc.events[0]["date"] is None
