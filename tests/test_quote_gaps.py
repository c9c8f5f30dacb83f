"""Gaps in a quote: an attribution set into reported words is not quoted (issue 5)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsgraph.evaluate.quotes import system_quotes, token_lookup

Analyse = Callable[[str], list[dict[str, Any]]]


def gap_texts(text: str, quote: dict[str, Any]) -> list[str]:
    return [text[g["start"] : g["end"]] for g in quote.get("gaps", [])]


def test_source_inside_the_reported_words(find: Analyse) -> None:
    text = "Eine Gefahr bestehe nach Angaben der Feuerwehr nicht mehr."
    (quote,) = find(text)
    assert quote["text"] == "Eine Gefahr bestehe nach Angaben der Feuerwehr nicht mehr"
    assert gap_texts(text, quote) == ["nach Angaben der Feuerwehr"]


def test_so_inside_the_reported_words(find: Analyse) -> None:
    text = "Die Lage sei, so der Bürgermeister, sehr ernst und werde sich kaum bessern."
    (quote,) = find(text)
    assert quote["text"].startswith("Die Lage sei") and quote["text"].endswith("kaum bessern")
    assert gap_texts(text, quote) == [", so der Bürgermeister,"]


def test_so_at_the_end_leaves_no_gap(find: Analyse) -> None:
    (quote,) = find("Die Lage sei sehr ernst, so der Bürgermeister.")
    assert quote["text"] == "Die Lage sei sehr ernst"
    assert "gaps" not in quote


def test_gaps_lie_inside_the_quote(find: Analyse) -> None:
    text = "Der Vertrag sei laut dem Ministerium schon im Mai unterschrieben worden."
    for quote in find(text):
        for gap in quote.get("gaps", []):
            assert quote["start"] < gap["start"] < gap["end"] < quote["end"]


def test_scorer_leaves_gaps_out() -> None:
    text = "Es sei laut X gut."
    offsets = [(0, 2), (3, 6), (7, 11), (12, 13), (14, 17), (17, 18)]
    record = {
        "quotes": [{"start": 0, "end": 17, "kind": "indirect", "gaps": [{"start": 7, "end": 13}]}]
    }
    assert text[7:13] == "laut X"
    (quote,) = system_quotes(record, token_lookup(offsets))
    assert quote.quote == frozenset({0, 1, 4})
