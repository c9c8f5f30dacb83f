"""Speaker spans as the quotation corpus marks them: whole NPs with their attachments.

Sentences written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Analyse = Callable[[str], list[dict[str, Any]]]


def speaker_of(quotes: list[dict[str, Any]], anchor: str) -> str | None:
    hits = [q for q in quotes if anchor in q["text"] and not q["nested"]]
    assert hits, f"no quote with {anchor!r} in {[q['text'] for q in quotes]}"
    return hits[0]["speaker"]["text"] if hits[0]["speaker"] else None


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # a particle before the subject at the clause start
        ("Auch Peter Krause sagte, die Lage sei ernst.", "Lage", "Peter Krause"),
        # a relative clause between the subject and its verb
        (
            "Anna Berg, die seit Jahren im Rat sitzt, sagte, der Plan sei gescheitert.",
            "Plan",
            "Anna Berg",
        ),
        # a genitive plural without article
        (
            "Nach Angaben örtlicher Behörden ist die Brücke seit Montag gesperrt.",
            "Brücke",
            "Angaben örtlicher Behörden",
        ),
        # "in" before the verb belongs to the subject
        (
            "Die Behörde in Bonn erklärte, der Antrag sei abgelehnt worden.",
            "Antrag",
            "Die Behörde in Bonn",
        ),
        # coordinated speakers
        (
            "Die Ministerin Eva Roth sowie der Bürgermeister Jan Fuchs erklärten, das Projekt"
            " werde fortgesetzt.",
            "Projekt",
            "Die Ministerin Eva Roth sowie der Bürgermeister Jan Fuchs",
        ),
        # a name's genitive stands for the article
        (
            "Berlins früherer Bürgermeister Jan Fuchs erklärte, er sei unschuldig.",
            "unschuldig",
            "Berlins früherer Bürgermeister Jan Fuchs",
        ),
        # "für" with a bare noun names an office
        (
            "Das Programm laufe weiter, sagte der Beauftragte für Bildung, Tim Lange.",
            "Programm",
            "der Beauftragte für Bildung, Tim Lange",
        ),
    ],
)
def test_speaker_span(find_all: Analyse, text: str, anchor: str, expected: str) -> None:
    assert speaker_of(find_all(text), anchor) == expected


def test_name_in_marks_is_part_of_the_speaker(find_all: Analyse) -> None:
    text = "Der Sprecher der Zeitung „Nordkurier“, Tim Lange, sagte, man prüfe den Fall."
    assert speaker_of(find_all(text), "prüfe") == "Der Sprecher der Zeitung „Nordkurier“, Tim Lange"


def test_role_apposition_with_its_attachments(find_all: Analyse) -> None:
    text = "Das sei ein Fehler, sagte Jan Fuchs, der Leiter der Stadtwerke in Kiel, am Montag."
    assert speaker_of(find_all(text), "Fehler") == "Jan Fuchs, der Leiter der Stadtwerke in Kiel"


def test_no_genitive_after_a_name(find_all: Analyse) -> None:
    text = "Laut Peter Krause der Verein habe keine Schulden."
    assert speaker_of(find_all(text), "Schulden") == "Peter Krause"


def test_verb_after_und_shares_the_subject(find_all: Analyse) -> None:
    text = "Der Verband lobte den Plan und forderte die Stadt auf, bald zu handeln."
    assert speaker_of(find_all(text), "handeln") == "Der Verband"


def test_fuer_with_an_article_is_the_verbs(find_all: Analyse) -> None:
    text = "Im Rat warb Eva Roth für die Reform mit den Worten: „Wir brauchen sie.“"
    assert speaker_of(find_all(text), "brauchen") == "Eva Roth"


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # in a relative clause "der" is the subject, the NP after it an object
        (
            "Geladen war ein Richter aus Kiel, der alle Parteien aufforderte, ruhig zu bleiben.",
            "ruhig",
            "der",
        ),
        ("Dieser bestätigte, dass der Vertrag verlängert werde.", "Vertrag", "Dieser"),
        # where it was said, after the verb and for a passive
        ("Nun heißt es im Bericht, die Zahlen seien gestiegen.", "Zahlen", "Bericht"),
        (
            "In einer Mitteilung der Stadt wurde betont, dass die Straße gesperrt bleibe.",
            "Straße",
            "einer Mitteilung der Stadt",
        ),
    ],
)
def test_local_mention_as_speaker(find_all: Analyse, text: str, anchor: str, expected: str) -> None:
    assert speaker_of(find_all(text), anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Schon vergangene Woche hatte die Ministerin Anna Berg angekündigt, sie werde gehen.",
            "die Ministerin Anna Berg",
        ),
        ("Am Montag sagte der Bürgermeister, die Halle sei geschlossen.", "der Bürgermeister"),
    ],
)
def test_a_time_phrase_first_is_not_the_speaker(
    find_all: Analyse, text: str, expected: str
) -> None:
    assert speaker_of(find_all(text), "werde gehen" if "gehen" in text else "Halle") == expected


def test_bare_object_after_a_speech_verb_is_no_speaker(find_all: Analyse) -> None:
    """ "begrüßte die Zusagen, forderte aber mehr Tempo": "mehr Tempo" is an object; the
    clause before the comma is not its words."""
    quotes = find_all("Der Präsident begrüßte die Zusagen, forderte aber mehr Tempo.")
    assert not any((q["speaker"] or {}).get("text") == "mehr Tempo" for q in quotes)
    assert not any(q["text"] == "Der Präsident begrüßte die Zusagen" for q in quotes)
