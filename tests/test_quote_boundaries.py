"""Quote boundaries: mixed quotations before the cue, "…, das teilte X mit", naming
participles, sources inside a sentence opened by a subordinate clause.

Sentences written for these tests (no corpus text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Quotes = list[dict[str, Any]]
Analyse = Callable[[str], Quotes]


def pairs(quotes: Quotes) -> list[tuple[str, str | None]]:
    return [(q["text"], q["speaker"]["text"] if q["speaker"] else None) for q in quotes]


def test_quotation_ending_the_clause_before_the_cue_quotes_the_whole_clause(
    find: Analyse,
) -> None:
    quotes = find("Die Mannschaft solle „heute mit vollem Einsatz spielen“, sagte der Trainer.")
    assert pairs(quotes) == [
        ("Die Mannschaft solle „heute mit vollem Einsatz spielen“", "der Trainer")
    ]
    assert quotes[0]["kind"] == "indirect"


def test_quotation_opening_the_clause_stays_direct(find: Analyse) -> None:
    quotes = find("„Wir spielen heute mit vollem Einsatz“, sagte der Trainer.")
    assert pairs(quotes) == [("„Wir spielen heute mit vollem Einsatz“", "der Trainer")]
    assert quotes[0]["kind"] == "direct"


def test_demonstrative_after_the_comma_takes_up_the_words_before(find: Analyse) -> None:
    quotes = find("Seit Montag ist die Kamera des Teleskops defekt, das teilte das Institut mit.")
    assert pairs(quotes) == [("Seit Montag ist die Kamera des Teleskops defekt", "das Institut")]


def test_relative_das_is_no_report(find: Analyse) -> None:
    assert find("Er kaufte das Haus, das Müller gebaut hatte.") == []


def test_quantifier_after_the_article_stays_in_the_speaker(find: Analyse) -> None:
    quotes = find(
        "Die Tournee beginnt im Mai in Berlin. Das teilten die beiden Sängerinnen am Montag mit."
    )
    assert [q["speaker"]["text"] for q in quotes] == ["die beiden Sängerinnen"]


def test_naming_participle_reports_nothing(find: Analyse) -> None:
    assert find("Die Disc wurde mit dem einfachen Profil ausgeliefert, genannt „Basis“.") == []
    assert find("Das Modell, auch „Stufe zwei“ genannt, bietet mehr Speicher für Daten.") == []


def test_source_in_a_main_clause_after_a_subordinate_one_covers_both(find: Analyse) -> None:
    quotes = find(
        "Nachdem die Brücke gesperrt worden war, kam es laut der Polizei zu langen Staus."
    )
    assert len(quotes) == 1
    assert quotes[0]["text"].startswith("Nachdem die Brücke")
    assert quotes[0]["text"].endswith("zu langen Staus")


def test_decision_verb_reports_its_clause(find: Analyse) -> None:
    quotes = find("Das Gericht hat am Montag entschieden, dass die Klage unzulässig ist.")
    assert pairs(quotes) == [("dass die Klage unzulässig ist", "Das Gericht")]


def test_writers_clause_in_konjunktiv_is_still_reported(find: Analyse) -> None:
    quotes = find(
        "Der Sprecher sagte, bei der Wahl seien Fehler gemacht worden, wodurch das Ergebnis "
        "verfälscht worden sei."
    )
    assert [q["text"] for q in quotes] == [
        "bei der Wahl seien Fehler gemacht worden, wodurch das Ergebnis verfälscht worden sei"
    ]


def test_writers_clause_in_the_indicative_ends_the_report(find: Analyse) -> None:
    quotes = find(
        "Der Sprecher sagte, bei der Wahl seien Fehler gemacht worden, worauf der Saal laut wurde."
    )
    assert [q["text"] for q in quotes] == ["bei der Wahl seien Fehler gemacht worden"]


def test_infinitive_demand_ends_before_the_writers_clause(find: Analyse) -> None:
    quotes = find(
        "Der Rat forderte die Regierung auf, neue Daten zu sammeln, wobei die Aufgabe beim "
        "Ministerium liegt."
    )
    assert [q["text"] for q in quotes] == ["neue Daten zu sammeln"]
