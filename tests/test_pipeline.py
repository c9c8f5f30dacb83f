"""The stage registry and the pipeline's chain check, on hand-built stages."""

from __future__ import annotations

import pytest

from newsgraph.errors import PipelineConfigError
from newsgraph.model import Article, Document, Part, stable_id
from newsgraph.pipeline import (
    Pipeline,
    PipelineOptions,
    StageSpec,
    check_chain,
    register_stage,
    registered_stages,
)


def make_marker(options: PipelineOptions) -> object:
    del options

    def marker(doc: Document) -> None:
        doc.parts.append(Part("body", 0, len(doc.text)))

    return marker


def make_boom(options: PipelineOptions) -> object:
    del options

    def boom(doc: Document) -> None:
        if "boom" in doc.text:
            raise RuntimeError("exploded on purpose")

    return boom


register_stage(StageSpec("test-marker", f"{__name__}:make_marker", ("text",), ("parts",)))
register_stage(StageSpec("test-boom", f"{__name__}:make_boom", ("parts",), ()))


def test_builtin_stages_are_registered() -> None:
    names = set(registered_stages())
    assert {"structure", "language", "tokens", "tagger", "spacy"} <= names


def test_misordered_chain_fails_at_build_naming_what_is_missing() -> None:
    with pytest.raises(PipelineConfigError) as info:
        check_chain(["tagger", "tokens"])
    message = str(info.value)
    assert "'tagger'" in message
    assert "'tokens'" in message  # the missing requirement and the stage that assigns it


def test_unknown_stage_lists_known_ones() -> None:
    with pytest.raises(PipelineConfigError, match=r"unknown stage 'nope'.*structure"):
        Pipeline(PipelineOptions(stages=("nope",)))


def test_duplicate_registration_with_other_factory_is_refused() -> None:
    with pytest.raises(PipelineConfigError, match="already registered"):
        register_stage(StageSpec("test-marker", "elsewhere:make", ("text",), ("parts",)))


def test_options_reject_unsupported_language() -> None:
    with pytest.raises(PipelineConfigError, match="unsupported language 'fr'"):
        PipelineOptions(lang="fr")


def test_pipeline_runs_stages_in_order_and_records_them() -> None:
    pipeline = Pipeline(PipelineOptions(stages=("test-marker", "test-boom")))
    doc = pipeline(Article(text="Ein kurzer Text."))
    assert doc.parts == [Part("body", 0, 16)]
    assert doc.stages == ["test-marker", "test-boom"]
    assert doc.to_record()["pipeline"] == ["test-marker", "test-boom"]


def test_pipe_turns_a_failing_record_into_an_error_and_goes_on() -> None:
    pipeline = Pipeline(PipelineOptions(stages=("test-marker", "test-boom")))
    items = [
        Article(text="erstens", source="a.jsonl", line=1),
        Article(text="boom", source="a.jsonl", line=2, id="x2"),
        Article(text="drittens", source="a.jsonl", line=3),
    ]
    out = list(pipeline.pipe(items))
    assert isinstance(out[0], Document)
    assert isinstance(out[2], Document)
    error = out[1]
    assert not isinstance(error, Document)
    assert str(error) == "a.jsonl:2 (id x2): analysis failed: exploded on purpose"


def test_too_long_and_empty_texts_are_refused_with_a_reason() -> None:
    pipeline = Pipeline(PipelineOptions(stages=("test-marker",), max_chars=10))
    with pytest.raises(ValueError, match="more than the limit of 10"):
        pipeline(Article(text="x" * 11))
    with pytest.raises(ValueError, match="empty"):
        pipeline(Article(text="   \n "))


def test_ids_are_stable_and_independent_of_the_file_path() -> None:
    a = Article(text="Gleicher Text.", source="one/a.txt")
    b = Article(text="Gleicher Text.", source="other/b.txt")
    assert a.id == b.id == stable_id("", "Gleicher Text.")
    assert Article(text="Gleicher Text.", url="https://example.org/x").id != a.id
    assert Article(text="Gleicher Text.", id="given").id == "given"
