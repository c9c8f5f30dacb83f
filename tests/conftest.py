"""Fixtures shared by several test files."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsgraph.model import Article, Document, Part
from newsgraph.nlp import tagger, tokens
from newsgraph.pipeline import PipelineOptions
from newsgraph.quotes import stage as quote_stage

QuoteRun = Callable[[str], list[dict[str, Any]]]


@pytest.fixture(scope="session")
def find_all() -> QuoteRun:
    """All quotes (nested ones too) of a German text read as one body part: tokens,
    tagger and quotes only, so a quote test does not depend on NER."""
    options = PipelineOptions()
    fns = [tokens.make_stage(options), tagger.make_stage(options), quote_stage.make_stage(options)]

    def run(text: str) -> list[dict[str, Any]]:
        doc = Document(article=Article(text=text, lang="de"), lang="de")
        doc.parts = [Part("body", 0, len(text))]
        for fn in fns:
            fn(doc)
        quotes: list[dict[str, Any]] = doc.quotes
        return quotes

    return run


@pytest.fixture(scope="session")
def find(find_all: QuoteRun) -> QuoteRun:
    """The quotes that are not inside another quote: what the quotation corpus scores."""
    return lambda text: [q for q in find_all(text) if not q["nested"]]
