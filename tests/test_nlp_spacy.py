"""The --spacy-model path: a tiny German pipeline trained here, saved, loaded by path."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import spacy
from spacy.training import Example

from newsgraph.errors import StageLoadError
from newsgraph.model import Article, Part
from newsgraph.nlp import spacy_pipeline
from newsgraph.pipeline import Pipeline, PipelineOptions, StageSpec, register_stage

# (sentence, tags, entities as (first word, last word exclusive, label))
TRAIN = [
    (
        "Anna Berg besuchte Hamburg .",
        ["NE", "NE", "VVFIN", "NE", "$."],
        [(0, 2, "PER"), (3, 4, "LOC")],
    ),
    ("Max Kurz lobte Bremen .", ["NE", "NE", "VVFIN", "NE", "$."], [(0, 2, "PER"), (3, 4, "LOC")]),
    ("Die Stadt Hamburg wächst .", ["ART", "NN", "NE", "VVFIN", "$."], [(2, 3, "LOC")]),
    (
        "Anna Berg kritisierte Max Kurz .",
        ["NE", "NE", "VVFIN", "NE", "NE", "$."],
        [(0, 2, "PER"), (3, 5, "PER")],
    ),
    ("Der Minister besuchte Bremen .", ["ART", "NN", "VVFIN", "NE", "$."], [(3, 4, "LOC")]),
    ("Die Regierung lobte Anna Berg .", ["ART", "NN", "VVFIN", "NE", "NE", "$."], [(3, 5, "PER")]),
    ("Max Kurz besuchte die Stadt .", ["NE", "NE", "VVFIN", "ART", "NN", "$."], [(0, 2, "PER")]),
    ("Der Minister lobte Hamburg .", ["ART", "NN", "VVFIN", "NE", "$."], [(3, 4, "LOC")]),
]


def _examples(nlp: spacy.language.Language) -> list[Example]:
    examples = []
    for sentence, tags, ents in TRAIN:
        words = sentence.split()
        doc = spacy.tokens.Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
        ner = [(doc[a:b].start_char, doc[a:b].end_char, label) for a, b, label in ents]
        examples.append(Example.from_dict(doc, {"words": words, "tags": tags, "entities": ner}))
    return examples


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    random.seed(0)
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("tagger")
    nlp.add_pipe("ner")
    examples = _examples(nlp)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("tiny_de_model")
    nlp.to_disk(path)
    return path


def _make_parts(options: PipelineOptions):  # type: ignore[no-untyped-def]
    def parts(doc):  # type: ignore[no-untyped-def]
        # Two parts: the first line is a caption, the rest the body.
        cut = doc.text.index("\n")
        doc.parts = [Part("caption", 0, cut), Part("body", cut + 1, len(doc.text))]

    return parts


register_stage(
    StageSpec("test_two_parts", f"{__name__}:_make_parts", requires=("text",), assigns=("parts",))
)


def test_user_spacy_model_by_path(tiny_model: Path) -> None:
    text = "Anna Berg in Hamburg\nMax Kurz besuchte Bremen. Anna Berg lobte Hamburg."
    options = PipelineOptions(
        stages=("test_two_parts", "language", "spacy"), lang="de", spacy_model=str(tiny_model)
    )
    doc = Pipeline(options)(Article(text=text))
    assert doc.doc is not None and doc.doc.text == text
    # Sentences: the caption never runs into the body, though it has no period.
    assert [s.text_in(text) for s in doc.sentences] == [
        "Anna Berg in Hamburg",
        "Max Kurz besuchte Bremen.",
        "Anna Berg lobte Hamburg.",
    ]
    ents = {(e.text, e.label_) for e in doc.doc.ents}
    assert ("Max Kurz", "PER") in ents and ("Bremen", "LOC") in ents
    for ent in doc.doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text
    tags = {t.text: t.tag_ for t in doc.doc}
    assert tags["besuchte"] == "VVFIN" and tags["Kurz"] == "NE"


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-model")
    with pytest.raises(StageLoadError, match="no-such-model"):
        Pipeline(
            PipelineOptions(stages=("language", "test_two_parts", "spacy"), spacy_model=missing)
        )
    with pytest.raises(StageLoadError, match="needs a model"):
        spacy_pipeline.make_stage(PipelineOptions())


def test_user_spacy_model_entities_become_newsgraph_entities(tiny_model: Path) -> None:
    text = "Anna Berg in Hamburg\nMax Kurz besuchte Bremen. Anna Berg lobte Hamburg."
    options = PipelineOptions(
        stages=("test_two_parts", "language", "spacy", "ner"),
        lang="de",
        spacy_model=str(tiny_model),
    )
    doc = Pipeline(options)(Article(text=text))
    user_ents = {(e.text, e.label_) for e in doc.doc.ents} if doc.doc is not None else set()
    found = {(m["text"], e["type"]) for e in doc.entities for m in e["mentions"]}
    # The entities are the user's model's (mapped to our labels), not our recogniser's.
    assert found == user_ents
    assert ("Max Kurz", "PER") in found
