"""English temporal expressions and the shared helpers, on sentences written for these tests."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from newsgraph.model import Article, Document
from newsgraph.pipeline import PipelineOptions, get_stage
from newsgraph.time.lexicon import alternation, load_lexicon
from newsgraph.time.normalize import easter, precision_of
from newsgraph.time.tagger import make_stage
from test_time_de import analyse, find


@pytest.fixture(scope="module")
def stage() -> Any:
    return make_stage(PipelineOptions())


PUB = "2013-03-22"  # a Friday
CASES = [
    ("The company reported results on Tuesday.", "Tuesday", "2013-03-19", "DATE"),
    ("The vote will take place next Tuesday.", "next Tuesday", "2013-03-26", "DATE"),
    ("Sales fell sharply last month.", "last month", "2013-02", "DATE"),
    ("The law was passed in February 2022.", "February 2022", "2022-02", "DATE"),
    ("The bridge opened on March 3, 2010.", "March 3, 2010", "2010-03-03", "DATE"),
    ("Prices rose two years ago.", "two years ago", "2011", "DATE"),
    ("The talks lasted three days.", "three days", "P3D", "DURATION"),
    ("The magazine appears weekly.", "weekly", "P1W", "SET"),
    ("Every Monday the market opens early.", "Every Monday", "XXXX-WXX-1", "SET"),
    ("The minister resigned yesterday.", "yesterday", "2013-03-21", "DATE"),
    ("The court will rule tomorrow morning.", "tomorrow morning", "2013-03-23TMO", "TIME"),
    ("The plant is now closed.", "now", "PRESENT_REF", "DATE"),
    ("The city grew fast in the 1990s.", "1990s", "199", "DATE"),
    ("The castle dates from the 16th century.", "16th century", "15", "DATE"),
    ("Crops failed last summer.", "last summer", "2012-SU", "DATE"),
    ("The season started in early December.", "early December", "2012-12", "DATE"),
    ("He faces a four-week trial.", "four-week", "P4W", "DURATION"),
    ("The polls close at 8 p.m. tonight.", "8 p.m.", "2013-03-22T20:00", "TIME"),
    ("Parliament meets twice this week.", "this week", "2013-W12", "DATE"),
    ("The war lasted for more than a decade.", "a decade", "P10Y", "DURATION"),
]


@pytest.mark.parametrize(("text", "span", "value", "kind"), CASES)
def test_english_expression(stage: Any, text: str, span: str, value: str, kind: str) -> None:
    item = find(analyse(stage, text, PUB, lang="en"), span)
    assert item["value"] == value
    assert item["type"] == kind


def test_english_age_is_not_a_duration(stage: Any) -> None:
    assert analyse(stage, "A 6-year-old boy was rescued.", PUB, lang="en") == []


def test_unsupported_language_gives_no_times(stage: Any) -> None:
    doc = Document(Article(text="Il est arrivé mardi.", lang="fr"), lang="fr")
    stage(doc)
    assert doc.times == []


def test_stage_is_registered_with_its_contract() -> None:
    spec = get_stage("times")
    assert spec.factory == "newsgraph.time.tagger:make_stage"
    assert "times" in spec.assigns


def test_alternation_prefers_the_longest_word() -> None:
    pattern = re.compile(alternation(["mai", "mainz", "mehr als"]) + "$")
    assert pattern.match("mainz") and pattern.match("mai") and pattern.match("mehr  als")
    assert not pattern.match("ma")


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2023, date(2023, 4, 9)), (2024, date(2024, 3, 31)), (2017, date(2017, 4, 16))],
)
def test_easter(year: int, expected: date) -> None:
    assert easter(year) == expected


@pytest.mark.parametrize(
    ("value", "precision"),
    [("2023-11-08T10:15", "minute"), ("2023-11-08", "day"), ("2023-W45", "week"),
     ("2023-11", "month"), ("2023", "year"), ("2023-SU", "year"), ("P2Y", None),
     ("PRESENT_REF", None)],
)  # fmt: skip
def test_precision_of(value: str, precision: str | None) -> None:
    assert precision_of(value) == precision


def test_lexicons_load_once() -> None:
    assert load_lexicon("de") is load_lexicon("de")
    assert load_lexicon("en").months["march"] == 3
    with pytest.raises(ValueError, match="no temporal vocabulary"):
        load_lexicon("xx")
