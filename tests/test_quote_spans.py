"""Quote spans and recall (issue 5) on German sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Analyse = Callable[[str], list[dict[str, Any]]]


def texts(quotes: list[dict[str, Any]]) -> list[str]:
    return [q["text"] for q in quotes]


def test_particle_before_a_final_verb(find: Analyse) -> None:
    quotes = find("Wie die Firma am Montag bekannt gab, wird sie das Werk schließen.")
    assert texts(quotes) == ["wird sie das Werk schließen"]


def test_news_that_became_known(find: Analyse) -> None:
    quotes = find("Im Mai wurde bekannt, dass der Konzern verkauft werden soll.")
    assert texts(quotes) == ["dass der Konzern verkauft werden soll"]


def test_reported_clause_ends_before_the_speakers_own_clause(find: Analyse) -> None:
    quotes = find(
        "Sie räumte ein, es könnten Stellen wegfallen, sprach aber von einem offenen Verfahren."
    )
    assert "es könnten Stellen wegfallen" in texts(quotes)


def test_subject_with_relative_clause_is_not_what_was_said(find: Analyse) -> None:
    quotes = find(
        "Der Verband, der für die Liga zuständig ist, begründete die Strafe damit, "
        "dass die Regeln verletzt worden seien."
    )
    assert texts(quotes) == ["dass die Regeln verletzt worden seien"]


def test_clause_after_a_plain_verb_is_not_said(find: Analyse) -> None:
    quotes = find("Die Bürger forderten den Rücktritt, um Platz für eine neue Führung zu schaffen.")
    assert not any(q["text"].startswith("um Platz") for q in quotes)


def test_hearsay_about_the_past_goes_on_reporting(find: Analyse) -> None:
    quotes = find("Der Minister verteidigte den Plan. Er soll ihn aber selbst entworfen haben.")
    assert "Er soll ihn aber selbst entworfen haben." in texts(quotes)


def test_compound_source_noun(find: Analyse) -> None:
    quotes = find("Nach UNHCR-Angaben sitzen 2.500 Familien im Tal ohne Strom fest.")
    assert texts(quotes) == ["sitzen 2.500 Familien im Tal ohne Strom fest"]


def test_source_fills_the_first_field(find: Analyse) -> None:
    quotes = find(
        "Laut einer gestern veröffentlichten Mitteilung des Amtes wurden 200 Menschen versorgt."
    )
    assert texts(quotes) == ["wurden 200 Menschen versorgt"]


def test_so_it_says(find: Analyse) -> None:
    quotes = find("Die Gefahr für die Anwohner sei gering, heißt es in dem Bericht.")
    assert texts(quotes) == ["Die Gefahr für die Anwohner sei gering"]


def test_name_in_marks_after_an_article_is_no_quote(find: Analyse) -> None:
    quotes = find(
        "„Wir kommen wieder“, sagte Meier. "
        "Er sprach mit der „Zeitung für Deutschland“ über den Plan."
    )
    assert "„Zeitung für Deutschland“" not in texts(quotes)


def test_konjunktiv_two_of_a_strong_verb_goes_on(find: Analyse) -> None:
    quotes = find(
        "Der Verband warnte vor neuem Hochwasser. "
        "Die Dämme befänden sich an der Grenze ihrer Belastbarkeit."
    )
    assert "Die Dämme befänden sich an der Grenze ihrer Belastbarkeit." in texts(quotes)


def test_source_inside_a_later_clause(find: Analyse) -> None:
    quotes = find(
        "Er soll davon gewusst haben, die Vorwürfe seien aber laut der Verteidigung verjährt."
    )
    assert "die Vorwürfe seien aber laut der Verteidigung verjährt" in texts(quotes)


def test_reported_speech_act_in_the_passive(find: Analyse) -> None:
    quotes = find("Als Ursache wurde ein technischer Defekt genannt.")
    assert [(q["kind"], q["text"]) for q in quotes] == [
        ("reported", "Als Ursache wurde ein technischer Defekt genannt.")
    ]


def test_reported_speech_act_in_a_later_clause(find: Analyse) -> None:
    quotes = find("Tausende zogen durch die Stadt, die Polizei sprach von 4.000 Teilnehmern.")
    assert texts(quotes) == ["die Polizei sprach von 4.000 Teilnehmern."]


def test_decision_verb_is_a_cue(find: Analyse) -> None:
    quotes = find("Der Rat beschloss am Abend, die Steuer zu senken.")
    assert texts(quotes) == ["die Steuer zu senken"]


def test_konjunktiv_in_a_relative_clause_reports_nothing(find: Analyse) -> None:
    quotes = find("Der Bürgermeister eröffnete die Brücke, die hundert Jahre halten werde.")
    assert quotes == []


def test_casualties_demanded_are_no_speech_act(find: Analyse) -> None:
    assert find("Das Unwetter forderte in der Region zwölf Menschenleben.") == []


def test_lights_going_out_is_no_speech_act(find: Analyse) -> None:
    assert find("Am Abend gingen in vielen Städten die Lichter aus.") == []


def test_konjunktiv_after_a_cue_whose_clause_was_not_taken(find: Analyse) -> None:
    quotes = find(
        "Die Zeitung wurde geschlossen, nachdem sie berichtet hatte, "
        "dass die Wahl gefälscht worden sei."
    )
    assert "dass die Wahl gefälscht worden sei" in texts(quotes)


def test_reported_sentence_ends_before_a_quotation_after_a_colon(find: Analyse) -> None:
    quotes = find(
        "Der Minister verteidigte den Plan. Die Kosten seien tragbar: „Wir haben genug Geld.“"
    )
    assert "Die Kosten seien tragbar" in texts(quotes)


def test_quoted_phrase_after_an_article_is_still_a_quote(find: Analyse) -> None:
    quotes = find(
        "„Wir bleiben Partner“, sagte der Präsident. "
        "Beide Länder arbeiteten an einer „Entspannung der regionalen Lage“."
    )
    assert "„Entspannung der regionalen Lage“" in texts(quotes)


def test_article_tagged_relative_after_a_noun(find: Analyse) -> None:
    """HanTa tags "die" after "X," as a relative pronoun; a Konjunktiv verb that the clause
    goes on after shows it is the article of what was said."""
    quotes = find("Am Montag sagte der Bürgermeister, die Halle bleibe bis zum Sommer geschlossen.")
    assert texts(quotes) == ["die Halle bleibe bis zum Sommer geschlossen"]


def test_relative_clause_after_a_noun_is_not_said(find: Analyse) -> None:
    assert find("Das sagte der Sprecher der Polizei, die den Fall untersucht.") == []


def test_relative_clause_after_a_preposition_is_not_said(find: Analyse) -> None:
    quotes = find("Die Planer erhoffen sich viel von einem Markt, auf dem Indien rasch wächst.")
    assert quotes == []


def test_verb_joined_by_a_conjunction_is_not_a_clause_said(find: Analyse) -> None:
    """ "…, aber jede Ausgabe überprüfen": a second verb of the clause before the comma."""
    quotes = find("Die Koalition werde an ihren Zielen festhalten, aber jede Ausgabe überprüfen.")
    assert "aber jede Ausgabe überprüfen" not in texts(quotes)


def test_speech_act_joined_to_a_quoted_sentence(find: Analyse) -> None:
    """ "„…“ schrieben die Aktivisten und kündigten weitere Aktionen an": the joined verb
    tells a speech act of the same subject, reported speech of its own."""
    quotes = find("„Wir bleiben hier“, schrieben die Aktivisten und kündigten weitere Proteste an.")
    assert "kündigten weitere Proteste an." in texts(quotes)
    report = next(q for q in quotes if q["kind"] == "reported")
    assert report["speaker"] is not None and report["speaker"]["text"] == "die Aktivisten"
