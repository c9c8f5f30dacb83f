"""Speakers from context: shared subjects, colons, names in marks, opinion cues, clause ends.

German sentences written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Analyse = Callable[[str], list[dict[str, Any]]]


def speaker_of(quotes: list[dict[str, Any]], anchor: str) -> str | None:
    hits = [q for q in quotes if anchor in q["text"]]
    assert hits, f"no quote with {anchor!r} in {[q['text'] for q in quotes]}"
    return hits[0]["speaker"]["text"] if hits[0]["speaker"] else None


def test_added_after_reported_words_keeps_the_speaker(find: Analyse) -> None:
    quotes = find(
        "Der Minister sagte, Europa brauche mehr Geld, und fügte hinzu: „Wir müssen handeln.“"
    )
    assert speaker_of(quotes, "Wir müssen") == "Der Minister"


def test_verb_after_a_comma_shares_the_subject(find: Analyse) -> None:
    quotes = find(
        "Die Beobachter rügten Mängel, sprachen aber davon, dass die Wahl fair verlaufen sei."
    )
    assert speaker_of(quotes, "fair verlaufen") == "Die Beobachter"


def test_name_in_marks_with_small_words_is_part_of_the_speaker(find: Analyse) -> None:
    quotes = find("Die Organisation „Helfer ohne Grenzen“ weist darauf hin, dass Hilfe fehle.")
    assert speaker_of(quotes, "Hilfe fehle") == "Die Organisation „Helfer ohne Grenzen“"
    assert [q["text"] for q in quotes] == ["dass Hilfe fehle"]  # the name is no quote


def test_paper_in_marks_after_the_verb(find: Analyse) -> None:
    quotes = find("„Er war ein großer Künstler“, schrieb „Die Woche“ in einem Nachruf.")
    assert speaker_of(quotes, "großer Künstler") == "„Die Woche“"


def test_speaker_before_a_colon_without_a_verb(find: Analyse) -> None:
    quotes = find("Ein Sprecher nach der Sitzung: „Wir sind sehr zufrieden.“")
    assert speaker_of(quotes, "zufrieden") == "Ein Sprecher"


def test_phrase_in_marks_takes_the_nearest_cue_before_it(find: Analyse) -> None:
    quotes = find(
        "Der Stürmer nannte die Strafe „überzogen“, der Trainer bezeichnete das Spiel als "
        "„unglücklich“."
    )
    assert speaker_of(quotes, "unglücklich") == "der Trainer"


def test_phrase_in_marks_gets_no_speaker_from_an_earlier_sentence(find: Analyse) -> None:
    quotes = find(
        "Die Ministerin sagte, die Lage sei ernst. Am Stadtrand steht seit Jahren eine "
        "„teure Ruine“ aus Beton."
    )
    assert speaker_of(quotes, "Ruine") is None


@pytest.mark.parametrize(
    "text",
    [
        "Die Behörde hält es für unwahrscheinlich, dass sich Menschen anstecken.",
        "Der Verband ist der Ansicht, dass das Gesetz dem Handel schadet.",
    ],
)
def test_an_opinion_phrase_is_a_cue(find: Analyse, text: str) -> None:
    (quote,) = find(text)
    assert quote["kind"] == "indirect" and quote["text"].startswith("dass")
    assert quote["speaker"]["text"] in ("Die Behörde", "Der Verband")


def test_title_with_small_words_in_marks_is_no_quote(find: Analyse) -> None:
    quotes = find("Der Kritiker lobte im Radio den Film „Reise zum Mond“ sehr.")
    assert not [q for q in quotes if q["text"] == "„Reise zum Mond“"]


def test_relative_clause_before_a_reporting_main_verb(find: Analyse) -> None:
    quotes = find(
        "Der Wetterdienst teilte mit, es werde stürmisch. Ein Tief, das lange über dem Meer "
        "stand, habe nun die Küste erreicht."
    )
    assert any(q["text"].startswith("Ein Tief, das lange") for q in quotes)


def test_reported_cue_clause_is_one_quote_of_the_reporter(find: Analyse) -> None:
    quotes = find(
        "Die Ministerin sagte, die Lage sei ernst. Die Behörde gehe davon aus, dass die "
        "Kosten steigen."
    )
    last = quotes[-1]
    assert last["text"].startswith("Die Behörde gehe davon aus, dass")
    assert last["speaker"]["text"] == "Die Ministerin"


def test_reported_words_end_before_the_writers_clause(find: Analyse) -> None:
    quotes = find(
        "Der Anwalt sagte, er habe den Richter angerufen, worauf dieser keine Auskunft gab."
    )
    assert quotes[0]["text"] == "er habe den Richter angerufen"
