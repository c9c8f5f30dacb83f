"""Organisation phrases as speakers resolve to the organisation they point back to."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.model import Article, Document, Part
from newsgraph.nlp import tagger, tokens
from newsgraph.pipeline import PipelineOptions
from newsgraph.quotes import stage as quote_stage


def _entities(text: str, names: list[tuple[str, ...]]) -> list[dict[str, Any]]:
    """(name, type[, CAMEO actor code]) → entity records with one mention each."""
    out = []
    for k, (name, kind, *actor) in enumerate(names):
        start = text.index(name)
        mention = {"start": start, "end": start + len(name), "text": name, "kind": "name"}
        record = {"id": f"e{k}", "name": name, "type": kind, "mentions": [mention]}
        out.append({**record, "actor": actor[0] if actor else None})
    return out


def _speaker(text: str, probe: str, names: list[tuple[str, ...]]) -> tuple[str, str | None]:
    options = PipelineOptions()
    doc = Document(article=Article(text=text, lang="de"), lang="de")
    doc.parts = [Part("body", 0, len(text))]
    doc.entities = _entities(text, names)
    for make in (tokens.make_stage, tagger.make_stage, quote_stage.make_stage):
        make(options)(doc)
    quote = next(q for q in doc.quotes if probe in q["text"])
    assert quote["speaker"] is not None
    return quote["speaker"]["text"], quote["speaker"]["resolved"]


@pytest.mark.parametrize(
    ("text", "probe", "names", "expected"),
    [
        # a plain noun: the organisation named before whose name ends in it
        (
            "Das Bundesverfassungsgericht verhandelte am Dienstag über die Klage der Länder. "
            "Das Gericht erklärte, die Frist für Stellungnahmen sei abgelaufen.",
            "Frist",
            [("Bundesverfassungsgericht", "ORG")],
            ("Das Gericht", "Bundesverfassungsgericht"),
        ),
        # the owner of a document speaks; the name stood next to a compound of the noun
        (
            "Der Chemiekonzern Larotec will in Sachsen 400 Stellen streichen. "
            "In einer Mitteilung des Konzerns hieß es, die Nachfrage sei eingebrochen.",
            "Nachfrage",
            [],
            ("einer Mitteilung des Konzerns", "Larotec"),
        ),
        # the noun is part of the name where a place follows it
        (
            "Die Klage liegt seit März beim Landgericht Hildesheim. "
            "Das Gericht teilte mit, eine Entscheidung falle im Mai.",
            "Entscheidung",
            [("Hildesheim", "LOC")],
            ("Das Gericht", "Landgericht Hildesheim"),
        ),
        # an unnamed organisation: the earlier compound
        (
            "Der polnische Bauernverband rief für Montag zu neuen Protesten auf. "
            "Der Verband erklärte, die Blockaden würden fortgesetzt.",
            "Blockaden",
            [],
            ("Der Verband", "Bauernverband"),
        ),
        # a phrase that describes its organisation itself is no back-reference
        (
            "Der Bundesverband Windenergie begrüßte den Beschluss. "
            "Der Verband kommunaler Unternehmen erklärte, die Kosten seien zu hoch.",
            "Kosten",
            [("Bundesverband Windenergie", "ORG")],
            ("Der Verband kommunaler Unternehmen", None),
        ),
        (
            "Das Auswärtige Amt bestellte den Botschafter ein. "
            "Das russische Außenministerium erklärte, man prüfe die Note.",
            "Note",
            [("Auswärtige Amt", "ORG")],
            ("Das russische Außenministerium", None),
        ),
        # no name ends in the noun: the last organisation whose actor code is of a sector
        # the noun stands for (an alliance: IGO), not the last one named
        (
            "Die Nato beriet in Brüssel über die Ostflanke, der Konzern Velmar lieferte Daten. "
            "Das Bündnis erklärte, die Übung beginne im Mai.",
            "Übung",
            [("Nato", "ORG", "IGOWSTNAT"), ("Velmar", "ORG")],
            ("Das Bündnis", "Nato"),
        ),
        # a plural is many
        (
            "Die Stadtwerke Kessin meldeten am Morgen einen Rohrbruch. "
            "Die Behörden teilten mit, die Straße bleibe bis Freitag gesperrt.",
            "Straße",
            [("Stadtwerke Kessin", "ORG")],
            ("Die Behörden", None),
        ),
    ],
)
def test_organisation_phrase_resolution(
    text: str, probe: str, names: list[tuple[str, ...]], expected: tuple[str, str | None]
) -> None:
    assert _speaker(text, probe, names) == expected
