"""Quote spans and recall (issue 5) on German sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Analyse = Callable[[str], list[dict[str, Any]]]


@pytest.fixture(scope="module")
def analyse(german_quotes: Analyse) -> Analyse:
    return lambda text: [q for q in german_quotes(text) if not q["nested"]]


def texts(quotes: list[dict[str, Any]]) -> list[str]:
    return [q["text"] for q in quotes]


def test_particle_before_a_final_verb(analyse: Analyse) -> None:
    quotes = analyse("Wie die Firma am Montag bekannt gab, wird sie das Werk schließen.")
    assert texts(quotes) == ["wird sie das Werk schließen"]


def test_news_that_became_known(analyse: Analyse) -> None:
    quotes = analyse("Im Mai wurde bekannt, dass der Konzern verkauft werden soll.")
    assert texts(quotes) == ["dass der Konzern verkauft werden soll"]


def test_reported_clause_ends_before_the_speakers_own_clause(analyse: Analyse) -> None:
    quotes = analyse(
        "Sie räumte ein, es könnten Stellen wegfallen, sprach aber von einem offenen Verfahren."
    )
    assert "es könnten Stellen wegfallen" in texts(quotes)


def test_subject_with_relative_clause_is_not_what_was_said(analyse: Analyse) -> None:
    quotes = analyse(
        "Der Verband, der für die Liga zuständig ist, begründete die Strafe damit, "
        "dass die Regeln verletzt worden seien."
    )
    assert texts(quotes) == ["dass die Regeln verletzt worden seien"]


def test_clause_after_a_plain_verb_is_not_said(analyse: Analyse) -> None:
    quotes = analyse("Die Bürger forderten den Rücktritt, um den Weg zu Neuwahlen freizumachen.")
    assert not any(q["text"].startswith("um den Weg") for q in quotes)


def test_hearsay_about_the_past_goes_on_reporting(analyse: Analyse) -> None:
    quotes = analyse("Der Minister verteidigte den Plan. Er soll ihn aber selbst entworfen haben.")
    assert "Er soll ihn aber selbst entworfen haben." in texts(quotes)


def test_compound_source_noun(analyse: Analyse) -> None:
    quotes = analyse("Nach UNHCR-Angaben sind 3.000 Menschen in der Stadt eingeschlossen.")
    assert texts(quotes) == ["sind 3.000 Menschen in der Stadt eingeschlossen"]


def test_source_fills_the_first_field(analyse: Analyse) -> None:
    quotes = analyse(
        "Laut einer gestern veröffentlichten Mitteilung des Amtes wurden 200 Menschen versorgt."
    )
    assert texts(quotes) == ["wurden 200 Menschen versorgt"]


def test_so_it_says(analyse: Analyse) -> None:
    quotes = analyse("Die Gefahr für die Anwohner sei gering, heißt es in dem Bericht.")
    assert texts(quotes) == ["Die Gefahr für die Anwohner sei gering"]


def test_name_in_marks_after_an_article_is_no_quote(analyse: Analyse) -> None:
    quotes = analyse(
        "„Wir kommen wieder“, sagte Meier. "
        "Er sprach mit der „Zeitung für Deutschland“ über den Plan."
    )
    assert "„Zeitung für Deutschland“" not in texts(quotes)


def test_konjunktiv_two_of_a_strong_verb_goes_on(analyse: Analyse) -> None:
    quotes = analyse(
        "Der Verband warnte vor neuem Hochwasser. "
        "Die Dämme befänden sich an der Grenze ihrer Belastbarkeit."
    )
    assert "Die Dämme befänden sich an der Grenze ihrer Belastbarkeit." in texts(quotes)


def test_source_inside_a_later_clause(analyse: Analyse) -> None:
    quotes = analyse(
        "Er soll davon gewusst haben, die Vorwürfe seien aber laut der Verteidigung verjährt."
    )
    assert "die Vorwürfe seien aber laut der Verteidigung verjährt" in texts(quotes)


def test_reported_speech_act_in_the_passive(analyse: Analyse) -> None:
    quotes = analyse("Als Ursache wurde ein technischer Defekt genannt.")
    assert [(q["kind"], q["text"]) for q in quotes] == [
        ("reported", "Als Ursache wurde ein technischer Defekt genannt.")
    ]


def test_reported_speech_act_in_a_later_clause(analyse: Analyse) -> None:
    quotes = analyse("Tausende zogen durch die Stadt, die Polizei sprach von 4.000 Teilnehmern.")
    assert texts(quotes) == ["die Polizei sprach von 4.000 Teilnehmern."]


def test_decision_verb_is_a_cue(analyse: Analyse) -> None:
    quotes = analyse("Der Rat beschloss am Abend, die Steuer zu senken.")
    assert texts(quotes) == ["die Steuer zu senken"]


def test_konjunktiv_in_a_relative_clause_reports_nothing(analyse: Analyse) -> None:
    quotes = analyse("Der Bürgermeister eröffnete die Brücke, die hundert Jahre halten werde.")
    assert quotes == []


def test_casualties_demanded_are_no_speech_act(analyse: Analyse) -> None:
    assert analyse("Das Unwetter forderte in der Region zwölf Menschenleben.") == []


def test_lights_going_out_is_no_speech_act(analyse: Analyse) -> None:
    assert analyse("Am Abend gingen in vielen Städten die Lichter aus.") == []


def test_konjunktiv_after_a_cue_whose_clause_was_not_taken(analyse: Analyse) -> None:
    quotes = analyse(
        "Die Zeitung wurde geschlossen, nachdem sie berichtet hatte, "
        "dass die Wahl gefälscht worden sei."
    )
    assert "dass die Wahl gefälscht worden sei" in texts(quotes)


def test_reported_sentence_ends_before_a_quotation_after_a_colon(analyse: Analyse) -> None:
    quotes = analyse(
        "Der Minister verteidigte den Plan. Die Kosten seien tragbar: „Wir haben genug Geld.“"
    )
    assert "Die Kosten seien tragbar" in texts(quotes)


def test_quoted_phrase_after_an_article_is_still_a_quote(analyse: Analyse) -> None:
    quotes = analyse(
        "„Wir bleiben Partner“, sagte der Präsident. "
        "Beide Länder arbeiteten an einer „Stabilisierung der globalen Lage“."
    )
    assert "„Stabilisierung der globalen Lage“" in texts(quotes)
