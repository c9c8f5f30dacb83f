"""Language id: the input's word wins; otherwise the bundled detector decides."""

from __future__ import annotations

import pytest

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline, PipelineOptions


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(stages=("language",)))


def test_detects_german_and_english(pipeline: Pipeline) -> None:
    de = pipeline(Article(text="Die Ministerin kündigte am Dienstag neue Gespräche mit Polen an."))
    en = pipeline(Article(text="The minister announced new talks with Poland on Tuesday."))
    assert (de.lang, en.lang) == ("de", "en")
    assert de.lang_score is not None and de.lang_score > 0.5


def test_given_language_wins(pipeline: Pipeline) -> None:
    doc = pipeline(Article(text="The minister announced new talks.", lang="de"))
    assert doc.lang == "de"


def test_unsupported_language_is_an_error_naming_it(pipeline: Pipeline) -> None:
    with pytest.raises(ValueError, match="'fr' is not supported"):
        pipeline(Article(text="Le gouvernement a annoncé mardi de nouvelles négociations."))
