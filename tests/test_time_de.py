"""German temporal expressions on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.model import Article, Document, Part, Published, Span
from newsgraph.pipeline import PipelineOptions
from newsgraph.readers.dates import parse_published
from newsgraph.time.tagger import make_stage


@pytest.fixture(scope="module")
def stage() -> Any:
    return make_stage(PipelineOptions())


def analyse(stage: Any, text: str, date: str | None, lang: str = "de") -> list[dict[str, Any]]:
    published: Published | None = parse_published(date) if date else None
    doc = Document(Article(text=text, lang=lang, published=published), lang=lang)
    doc.parts = [Part("body", 0, len(text))]
    doc.sentences = [Span(0, len(text))]
    stage(doc)
    for item in doc.times:
        assert text[item["start"] : item["end"]] == item["text"]
    return doc.times


def find(items: list[dict[str, Any]], span: str) -> dict[str, Any]:
    hits = [i for i in items if span in i["text"] or i["text"] in span]
    assert hits, f"{span!r} not found in {[i['text'] for i in items]}"
    return hits[0]


# (sentence, publication date, expected span, value, type)
CASES = [
    (
        "Der Vertrag wurde im Februar 2022 unterzeichnet.",
        "2023-11-08",
        "Februar 2022",
        "2022-02",
        "DATE",
    ),
    ("Die Wahl findet am 3. Oktober statt.", "2023-09-20", "3. Oktober", "2023-10-03", "DATE"),
    ("Anfang 2023 stiegen die Preise deutlich.", "2023-11-08", "Anfang 2023", "2023", "DATE"),
    ("Das Museum wurde 2014 eröffnet.", "2023-11-08", "2014", "2014", "DATE"),
    (
        "Der Minister traf am Mittwoch seinen Amtskollegen.",
        "2023-11-10",
        "am Mittwoch",
        "2023-11-08",
        "DATE",
    ),
    (
        "Die Polizei nahm gestern drei Verdächtige fest.",
        "2023-11-08",
        "gestern",
        "2023-11-07",
        "DATE",
    ),
    (
        "Vergangene Woche gab es Proteste in der Hauptstadt.",
        "2023-11-08",
        "Vergangene Woche",
        "2023-W44",
        "DATE",
    ),
    ("Vor zwei Jahren war die Lage noch anders.", "2023-11-08", "Vor zwei Jahren", "2021", "DATE"),
    (
        "Die Regierung wird am Sonntag abstimmen lassen.",
        "2023-11-08",
        "am Sonntag",
        "2023-11-12",
        "DATE",
    ),
    ("Die Verhandlungen dauerten drei Tage.", "2023-11-08", "drei Tage", "P3D", "DURATION"),
    ("Seit 2022 wächst die Zahl der Anträge.", "2023-11-08", "2022", "2022", "DATE"),
    ("Der Umbau soll bis 2025 dauern.", "2023-11-08", "2025", "2025", "DATE"),
    ("Mitte März wurde das Gesetz verabschiedet.", "2023-11-08", "Mitte März", "2023-03", "DATE"),
    ("Das Werk soll Ende des Jahres öffnen.", "2023-11-08", "Ende des Jahres", "2023", "DATE"),
    ("Im Sommer 2021 brannten die Wälder.", "2023-11-08", "Sommer 2021", "2021-SU", "DATE"),
    ("Im Herbst werden neue Regeln gelten.", "2023-08-01", "Herbst", "2023-FA", "DATE"),
    (
        "Im dritten Quartal 2023 sank der Umsatz.",
        "2023-11-08",
        "dritten Quartal 2023",
        "2023-Q3",
        "DATE",
    ),
    ("Der Zug fuhr um 14:30 Uhr ab.", "2023-11-08", "14:30 Uhr", "2023-11-08T14:30", "TIME"),
    (
        "Die Sitzung endete gestern Abend ohne Ergebnis.",
        "2023-11-08",
        "gestern Abend",
        "2023-11-07TEV",
        "TIME",
    ),
    (
        "Die Rakete schlug am Dienstagmorgen ein.",
        "2023-11-08",
        "Dienstagmorgen",
        "2023-11-07TMO",
        "TIME",
    ),
    (
        "In den vergangenen 120 Jahren hat sich das Klima verändert.",
        "2023-11-08",
        "vergangenen 120 Jahren",
        "P120Y",
        "DURATION",
    ),
    (
        "Er sagte, er habe am Montag mit dem Minister gesprochen.",
        "2023-11-08",
        "am Montag",
        "2023-11-06",
        "DATE",
    ),
    (
        "Sie kündigte an, man werde am Freitag entscheiden.",
        "2023-11-08",
        "am Freitag",
        "2023-11-10",
        "DATE",
    ),
    ("Heute beginnt der Gipfel in Wien.", "2023-11-08", "Heute", "2023-11-08", "DATE"),
    ("Derzeit gibt es keine Gespräche.", "2023-11-08", "Derzeit", "PRESENT_REF", "DATE"),
    ("Damals lebten dort nur wenige Familien.", "2023-11-08", "Damals", "PAST_REF", "DATE"),
    ("Die Behörde will künftig strenger prüfen.", "2023-11-08", "künftig", "FUTURE_REF", "DATE"),
    ("Die Zeitung erscheint wöchentlich.", "2023-11-08", "wöchentlich", "P1W", "SET"),
    ("Der Markt öffnet jeden Montag.", "2023-11-08", "jeden Montag", "XXXX-WXX-1", "SET"),
    ("Im letzten Monat stiegen die Mieten.", "2023-11-08", "letzten Monat", "2023-10", "DATE"),
    (
        "Im nächsten Jahr soll die Brücke fertig sein.",
        "2023-11-08",
        "nächsten Jahr",
        "2024",
        "DATE",
    ),
    ("In den 1990er Jahren wuchs die Stadt.", "2023-11-08", "1990er Jahren", "199", "DATE"),
    ("Das Schloss stammt aus dem 16. Jahrhundert.", "2023-11-08", "16. Jahrhundert", "15", "DATE"),
    ("Vor drei Tagen brach das Feuer aus.", "2023-11-08", "Vor drei Tagen", "2023-11-05", "DATE"),
    ("Die Entscheidung fällt übermorgen.", "2023-11-08", "übermorgen", "2023-11-10", "DATE"),
    (
        "Die Frist endet am 15.12.2023 um Mitternacht.",
        "2023-11-08",
        "15.12.2023",
        "2023-12-15",
        "DATE",
    ),
    (
        "Das Gericht verhängte eine zweijährige Haftstrafe.",
        "2023-11-08",
        "zweijährige",
        "P2Y",
        "DURATION",
    ),
    ("Nach tagelangen Regenfällen stieg der Fluss.", "2023-11-08", "tagelangen", "PXD", "DURATION"),
    (
        "Am vergangenen Wochenende kamen Tausende.",
        "2023-11-08",
        "vergangenen Wochenende",
        "2023-W44-WE",
        "DATE",
    ),
    ("Im Oktober hatte die Partei die Wahl gewonnen.", "2024-01-15", "Oktober", "2023-10", "DATE"),
    (
        "Die Geschäfte bleiben an Weihnachten geschlossen.",
        "2023-11-08",
        "Weihnachten",
        "2023-12-25",
        "DATE",
    ),
    ("Ostern 2024 fällt früh.", "2023-11-08", "Ostern 2024", "2024-03-31", "DATE"),
    (
        "In der Nacht zum Sonntag brannte eine Scheune.",
        "2023-11-13",
        "Nacht zum Sonntag",
        "2023-11-11TNI",
        "TIME",
    ),
    (
        "Der Streit dauert seit mehr als zwei Jahren an.",
        "2023-11-08",
        "mehr als zwei Jahren",
        "P2Y",
        "DURATION",
    ),
    ("Die Fähre kam eine halbe Stunde zu spät.", "2023-11-08", "halbe Stunde", "PT30M", "DURATION"),
    ("Die Ausstellung ist noch bis Juni zu sehen.", "2023-03-10", "Juni", "2023-06", "DATE"),
    ("Die Preise steigen monatlich.", "2023-11-08", "monatlich", "P1M", "SET"),
    (
        "Am gestrigen Dienstag traf sich der Ausschuss.",
        "2023-11-08",
        "gestrigen Dienstag",
        "2023-11-07",
        "DATE",
    ),
    (
        "Der Termin ist für Dezember dieses Jahres angesetzt.",
        "2023-05-02",
        "Dezember dieses Jahres",
        "2023-12",
        "DATE",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[2] for c in CASES])
def test_german_expression(stage: Any, case: tuple[str, str, str, str, str]) -> None:
    text, date, span, value, kind = case
    item = find(analyse(stage, text, date), span)
    assert item["value"] == value
    assert item["type"] == kind


def test_weekday_with_month_precision_keeps_the_ambiguity(stage: Any) -> None:
    items = analyse(stage, "Putin empfing am Mittwoch den General in Moskau.", "2023-11")
    item = find(items, "am Mittwoch")
    assert item["value"] == "2023-11"
    assert item["precision"] == "month"
    assert item["candidates"] == [f"2023-11-{d:02d}" for d in (1, 8, 15, 22, 29)]


def test_weekday_with_year_precision_gives_the_year(stage: Any) -> None:
    item = find(analyse(stage, "Er kam am Mittwoch an.", "2023"), "am Mittwoch")
    assert (item["value"], item["precision"]) == ("2023", "year")


def test_seed_sentence_resolves_february_2022(stage: Any) -> None:
    text = "Seit dem Ausbruch der Kämpfe im Februar 2022 ist der Handel eingebrochen."
    item = find(analyse(stage, text, "2023-11"), "Februar 2022")
    assert (item["value"], item["precision"], item["anchor"]) == ("2022-02", "month", "absolute")


def test_weekday_apposition_takes_the_date(stage: Any) -> None:
    text = "Die Abstimmung ist für Montag, den 6. November 2023, geplant."
    items = analyse(stage, text, "2023-11-01")
    assert find(items, "Montag")["value"] == "2023-11-06"
    assert find(items, "6. November 2023")["value"] == "2023-11-06"


def test_without_publication_date_values_stay_underspecified(stage: Any) -> None:
    item = find(analyse(stage, "Die Feier findet am 3. Oktober statt.", None), "3. Oktober")
    assert item["value"] == "XXXX-10-03"


@pytest.mark.parametrize(
    "text",
    [
        "Der 53-jährige Minister trat zurück.",
        "1500 Polizisten waren im Einsatz.",
        "Das ist nun mal so.",
        "Er feierte mit 40 Jahren seinen größten Erfolg.",
        "Die Kinder sind 12 Jahre alt.",
        "Das tägliche Leben wird teurer.",
    ],
)
def test_non_temporal_readings_are_not_marked(stage: Any, text: str) -> None:
    assert analyse(stage, text, "2023-11-08") == []


def test_narrative_text_anchors_partial_dates_in_the_story(stage: Any) -> None:
    years = " ".join(f"Im Jahr {y} zogen die Truppen weiter." for y in range(1850, 1858))
    text = years + " Am 4. Juli ergab sich die Festung."
    items = analyse(stage, text, "2011-02-16")
    assert find(items, "4. Juli")["value"] == "1857-07-04"
    assert find(items, "4. Juli")["anchor"] == "other"


def test_day_list_borrows_the_month(stage: Any) -> None:
    items = analyse(stage, "Der Gipfel tagt am 16. und 17. Dezember.", "2023-11-08")
    assert [i["value"] for i in items] == ["2023-12-16", "2023-12-17"]


def test_relative_items_carry_precision_and_anchor(stage: Any) -> None:
    item = find(analyse(stage, "Gestern regnete es.", "2023-11-08"), "Gestern")
    assert (item["precision"], item["anchor"]) == ("day", "publication")
