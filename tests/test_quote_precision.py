"""Quotes the rules must not find: a time after "nach der", "soll" or "habe gesagt"
without a source.

Sentences written for these tests (no corpus text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Quotes = list[dict[str, Any]]


def test_relative_nach_after_a_time_reports_nothing(german_quotes: Callable[[str], Quotes]) -> None:
    quotes = german_quotes("Dann kam die Pause, nach der die Gäste deutlich besser spielten.")
    assert quotes == []


def test_relative_nach_after_a_source_noun_reports(german_quotes: Callable[[str], Quotes]) -> None:
    quotes = german_quotes("Es gibt Gerüchte, nach denen der Trainer bald zurücktreten will.")
    assert [q["text"] for q in quotes] == ["der Trainer bald zurücktreten will"]
    assert quotes[0]["speaker"]["text"] == "denen"


def test_relative_nach_after_a_study_reports(german_quotes: Callable[[str], Quotes]) -> None:
    quotes = german_quotes("Im Mai erschien eine neue Studie, nach der die Mieten weiter steigen.")
    assert [q["text"] for q in quotes] == ["die Mieten weiter steigen"]


def test_soll_without_a_source_plans(german_quotes: Callable[[str], Quotes]) -> None:
    quotes = german_quotes(
        "Wie bekannt wurde, sei die Brücke marode. Im Mai soll eine neue gebaut werden."
    )
    assert [q["text"] for q in quotes] == ["sei die Brücke marode"]


def test_soll_after_a_named_source_reports(german_quotes: Callable[[str], Quotes]) -> None:
    quotes = german_quotes(
        "Die Polizei teilte mit, der Fahrer sei geflohen. Er soll betrunken gewesen sein."
    )
    assert [q["speaker"]["text"] for q in quotes if "soll" in q["text"]] == ["Die Polizei"]


def test_first_person_habe_is_no_report(german_quotes: Callable[[str], Quotes]) -> None:
    quotes = german_quotes("Das Wetter war schön. Ich habe ihm gesagt, dass der Zug spät kommt.")
    assert quotes == []


def test_reported_cue_keeps_the_speaker_before(german_quotes: Callable[[str], Quotes]) -> None:
    quotes = german_quotes(
        "Der Minister sagte, er werde bleiben. "
        "Er habe schon im Mai angekündigt, dass er kandidiere."
    )
    assert [q["speaker"]["text"] for q in quotes] == ["Der Minister", "Der Minister"]
    assert quotes[1]["text"] == "Er habe schon im Mai angekündigt, dass er kandidiere."
