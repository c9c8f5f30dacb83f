"""Speaker NPs round four: names the tagger missed (read from NER mentions), appositions,
titles as subjects. Sentences written for these tests; the names are made up or public
facts (organisation names)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsgraph.model import Article, Document, Part
from newsgraph.nlp import tagger, tokens
from newsgraph.pipeline import PipelineOptions
from newsgraph.quotes import stage as quote_stage

Analyse = Callable[[str], list[dict[str, Any]]]
Run = Callable[[str, list[dict[str, Any]]], Document]


@pytest.fixture(scope="module")
def with_entities() -> Run:
    """Tokens, tagger and quotes over a text whose entity mentions the test gives (as the
    NER stage would have set them)."""
    options = PipelineOptions()
    fns = [tokens.make_stage(options), tagger.make_stage(options), quote_stage.make_stage(options)]

    def run(text: str, entities: list[dict[str, Any]]) -> Document:
        doc = Document(article=Article(text=text, lang="de"), lang="de")
        doc.parts = [Part("body", 0, len(text))]
        doc.entities = entities
        for fn in fns:
            fn(doc)
        return doc

    return run


def person(text: str, name: str) -> dict[str, Any]:
    start = text.index(name)
    mention = {"start": start, "end": start + len(name), "text": name}
    return {"id": "e1", "name": name, "type": "PER", "mentions": [mention]}


def speaker_of(quotes: list[dict[str, Any]], anchor: str) -> str | None:
    hits = [q for q in quotes if anchor in q["text"] and not q["nested"]]
    assert hits, f"no quote with {anchor!r} in {[q['text'] for q in quotes]}"
    return hits[0]["speaker"]["text"] if hits[0]["speaker"] else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # HanTa tags the surname "Moser" as an imperative: before the verb the name is
        # then no NP at all, after it the NP stops at the first name
        ("Ute Moser sagte, die Lage sei ernst.", "Ute Moser"),
        ("Die Lage sei ernst, sagte Ute Moser vom Roten Kreuz.", "Ute Moser vom Roten Kreuz"),
    ],
)
def test_mistagged_name_in_a_mention(with_entities: Run, text: str, expected: str) -> None:
    doc = with_entities(text, [person(text, "Ute Moser")])
    assert speaker_of(doc.quotes, "Lage") == expected
    assert doc.doc is not None
    moser = next(t for t in doc.doc if t.text == "Moser")
    assert moser.tag_ != "NE"  # the tagger's own tag is back for the stages after quotes


def test_small_word_inside_an_organisation_mention(with_entities: Run) -> None:
    text = "Ärzte ohne Grenzen teilte mit, zwei Teams seien bereits im Einsatz."
    name = "Ärzte ohne Grenzen"
    mention = {"start": 0, "end": len(name), "text": name}
    org = {"id": "o1", "name": name, "type": "ORG", "mentions": [mention]}
    assert speaker_of(with_entities(text, []).quotes, "Teams") is None
    assert speaker_of(with_entities(text, [org]).quotes, "Teams") == name


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # a role whose first word is tagged as a name
        (
            "Das Angebot wachse stark, sagte Tom Weller, CEO von Nordnet.",
            "Angebot",
            "Tom Weller, CEO von Nordnet",
        ),
        # a phrase after the role that a full name in apposition follows
        (
            "Erst gestern hatte der Investor für den Neubau, Lars Peter Brandt, zugesagt,"
            " das Projekt zu retten.",
            "Projekt",
            "der Investor für den Neubau, Lars Peter Brandt",
        ),
        # the name after two coordinated roles
        (
            "Der frühere Bürgermeister und Senator, Jan Fuchs (SPD), warnte, die Stadt sei pleite.",
            "Stadt",
            "Der frühere Bürgermeister und Senator, Jan Fuchs (SPD)",
        ),
        # a name alone in quotation marks as the subject
        (
            "„BBC News“ berichtet, dass die Brücke gesperrt sei.",
            "Brücke",
            "„BBC News“",
        ),
        # the subject of "hervorheben" speaks ("geht aus X hervor" has its source in "aus")
        ("Die Ministerin hob hervor, dass der Plan gut sei.", "Plan", "Die Ministerin"),
        # the seat of an institution after its abbreviation
        (
            "Die Zahl sei hoch, so eine Mitteilung des Landesamtes (LfU) in Augsburg.",
            "Zahl",
            "eine Mitteilung des Landesamtes (LfU) in Augsburg",
        ),
        # a person and an adverb before the colon
        ("Die Ministerin dazu: „Wir bleiben dabei.“", "bleiben", "Die Ministerin"),
        # a relative clause with "dessen" between the subject and its verb
        (
            "Der Leiter, dessen Behörde für die Ermittlungen zuständig ist, sagte, dass der"
            " Fall gelöst sei.",
            "Fall",
            "Der Leiter",
        ),
        # an adjective in capitals inside a name
        (
            "Der Plan sei gescheitert, so der Bundesverband Deutsche Bäcker.",
            "Plan",
            "der Bundesverband Deutsche Bäcker",
        ),
        # two apostrophes for quotation marks around a title
        (
            "Die Brücke bleibe gesperrt, meldet die Zeitung ''Nordkurier''.",
            "Brücke",
            "die Zeitung ''Nordkurier''",
        ),
        # an extended attribute between the article and the noun
        (
            "So sagte der für die Region zuständige Koordinator, dass nur wenige Boote"
            " im Einsatz seien.",
            "Boote",
            "der für die Region zuständige Koordinator",
        ),
        # speech verbs added to the cue list
        ("Der Minister monierte, dass die Kosten zu hoch seien.", "Kosten", "Der Minister"),
        ("Die Ministerin erwiderte, der Plan sei beschlossen.", "Plan", "Die Ministerin"),
    ],
)
def test_speaker_span(find_all: Analyse, text: str, anchor: str, expected: str) -> None:
    assert speaker_of(find_all(text), anchor) == expected


def test_name_given_in_marks_is_no_speaker(find_all: Analyse) -> None:
    quotes = find_all("Das Projekt wurde auch „Nordlicht“ genannt, das dem Plan folgte.")
    assert all((q["speaker"] or {}).get("text") != "„Nordlicht“" for q in quotes)


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        (
            "Nach bisherigen Erfahrungen steigen die Preise im Winter deutlich.",
            "Preise",
            "bisherigen Erfahrungen",
        ),
        ("Nach dem Gesetz müssen alle Betriebe einen Plan vorlegen.", "Betriebe", "dem Gesetz"),
    ],
)
def test_source_nouns_after_nach(find_all: Analyse, text: str, anchor: str, expected: str) -> None:
    assert speaker_of(find_all(text), anchor) == expected


def test_nach_before_an_article_is_no_postposition(find_all: Analyse) -> None:
    # "Ergebnisse nach dem Unfall": after, not "according to the results"
    assert find_all("Die Ergebnisse nach dem Unfall wurden bisher nicht veröffentlicht.") == []
