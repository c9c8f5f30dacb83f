"""Addressees of German quotes: whom the speaker told (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

QuoteRun = Callable[[str], list[dict[str, Any]]]


def _addressee(find: QuoteRun, text: str) -> str | None:
    quotes = find(text)
    assert quotes, f"no quote in {text!r}"
    addressee = quotes[0]["addressee"]
    return None if addressee is None else str(addressee["text"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dative object after the verb, the speaker before it
        ("Die Botschaft teilte dem Sender mit, dass niemand verletzt worden sei.", "dem Sender"),
        # "der" after the verb is no subject when the subject stands before it
        ("Der Staatssekretär sagte der Zeitung, die Preise würden bald sinken.", "der Zeitung"),
        # a plural dative with "den"; between auxiliary and participle
        (
            "Der Verleger hatte den Mitarbeitern erklärt, dass die Zeitung eingestellt werde.",
            "den Mitarbeitern",
        ),
        (
            "Der Bürgermeister sagte gegenüber der Presse, die Halle bleibe geschlossen.",
            "der Presse",
        ),
        ("Die Ministerin sagte vor Journalisten, sie plane keine Reform.", "Journalisten"),
        (
            "Der Trainer sagte in einem Interview mit dem Rundfunk, er bleibe im Verein.",
            "dem Rundfunk",
        ),
        # accusative of a verb of demanding, with "dazu" and the clause after it
        (
            "Die Kommission hat die Mitgliedsstaaten dazu aufgefordert, die Regeln umzusetzen.",
            "die Mitgliedsstaaten",
        ),
        # "vorwerfen": the dative, not the accusative that follows it
        ("Die Opposition warf der Regierung vor, die Zahlen geschönt zu haben.", "der Regierung"),
        ("Er appellierte an die Lehrer, die Prüfungen zu verschieben.", "die Lehrer"),
        # "der" after a subject that follows the verb: a dative too
        (
            "Zudem wirft Greenpeace der Stadtverwaltung vor, Fristen versäumt zu haben.",
            "der Stadtverwaltung",
        ),
    ],
)
def test_addressee_found(find: QuoteRun, text: str, expected: str) -> None:
    assert _addressee(find, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the NP after the verb is its subject: it speaks, nobody is addressed
        "Am Montag sagte der Minister, die Lage sei ernst.",
        # an object that is what was said about, not whom it was said to
        "Die Partei kündigte Proteste an, die Regierung müsse zurücktreten.",
        # "ihr" as a possessive before a noun is no dative pronoun
        "Die Abgeordnete hat angekündigt, ihr Mandat niederzulegen.",
    ],
)
def test_no_addressee(find: QuoteRun, text: str) -> None:
    assert _addressee(find, text) is None


def test_two_nps_read_as_one_are_cut(find: QuoteRun) -> None:
    """ "warf dem Minister Einmischung vor": the dative ends before the accusative."""
    text = "Der Finanzminister warf dem Justizminister Einmischung in das Verfahren vor."
    quotes = find(text)
    assert quotes and quotes[0]["addressee"] is not None
    assert quotes[0]["addressee"]["text"] == "dem Justizminister"
