"""Every fact in a record points to the exact characters it came from.

Walks whole records of the full default pipeline (the team's sample articles and hand-made
odd inputs) and checks every span anywhere in them: inside the text, and where a span carries
its own ``text``, that text is exactly ``record["text"][start:end]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.model import NEWS_PARTS, PART_KINDS, Article
from newsgraph.pipeline import Pipeline, PipelineOptions
from newsgraph.readers import read_paths

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ODD_TEXTS = [
    "„Nur ein Zitat ohne Sprecher.“",
    "Er sagte: „Das Zitat endet nie.",
    "USA.\n\n\n(dpa)",
    "Am 3. 10. 2024 um 14.30 Uhr traf sich die Nato in Brüssel – oder auch nicht.",
    "Putin  sagte\tam Mittwoch\u00a0in Moskau, Russland sei „bereit“ 🙂.",
    "WASHINGTON (Reuters) - \"Yes,\" she said. 'No,' he said.",
    "Mehr lesen Außenministerin trifft Amtskollegen\n\nFoto: dpa",
]


def spans(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every dict under ``node`` that has integer ``start`` and ``end``."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield path, node
        for key, value in node.items():
            yield from spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from spans(value, f"{path}[{index}]")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions())


def records(pipeline: Pipeline) -> Iterator[dict[str, Any]]:
    for item in read_paths([str(SAMPLES)]):
        assert isinstance(item, Article), str(item)
        yield pipeline(item).to_record()
    for text in ODD_TEXTS:
        yield pipeline(Article(text=text, lang="de", published=None)).to_record()


def test_every_span_points_into_the_text(pipeline: Pipeline) -> None:
    checked = 0
    for record in records(pipeline):
        text = record["text"]
        for path, span in spans({k: v for k, v in record.items() if k != "tokens"}):
            where = f"{record['id']}{path}"
            assert 0 <= span["start"] <= span["end"] <= len(text), where
            if isinstance(span.get("text"), str):
                assert span["text"] == text[span["start"] : span["end"]], where
            checked += 1
    assert checked > 1000  # the samples alone hold well over a thousand spans


def test_parts_are_ordered_disjoint_and_known(pipeline: Pipeline) -> None:
    for record in records(pipeline):
        previous_end = 0
        for part in record["parts"]:
            assert part["kind"] in PART_KINDS
            assert previous_end <= part["start"] < part["end"]
            previous_end = part["end"]


def test_quotes_and_events_come_only_from_news_parts(pipeline: Pipeline) -> None:
    for record in records(pipeline):
        for quote in record["quotes"]:
            assert quote["part"] in NEWS_PARTS - {"title"}, quote
        for event in record["events"]:
            # A caption's event is kept, flagged by its part and a low confidence.
            assert event["part"] in NEWS_PARTS | {"caption"}, event
            if event["part"] == "caption":
                assert event["confidence"] <= 0.5


def test_quote_gaps_lie_inside_their_quote_in_order(pipeline: Pipeline) -> None:
    for record in records(pipeline):
        for quote in record["quotes"]:
            previous_end = quote["start"]
            for gap in quote.get("gaps", []):  # optional: only where there are gaps
                assert previous_end <= gap["start"] < gap["end"] <= quote["end"], quote
                previous_end = gap["end"]
