"""Stage "ner": named entities on the tokens' Doc and as entity records.

Writes ``doc.doc.ents`` (labels PER, ORG, LOC, GPE, MISC) and ``doc.entities`` in the record
shape, one entity per distinct surface form and type (coreference and linking come later).
Photo credits and agency credits are skipped: agencies are sources, not actors. Captions
and related-link lines are tagged like the body (later stages decide what to use).

German uses the shipped model plus name lists and rules (:mod:`.recognizer`); English the
NER of the spaCy English pipeline named by ``options.english_model``, loaded on the first
English article. Without that pipeline, English articles get no entities (never a download).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..errors import StageLoadError
from ..model import Document
from ..pipeline import PipelineOptions
from .gazetteer import TokenSpan
from .recognizer import EnglishRecognizer, GermanRecognizer, Recognizer

SKIPPED_PARTS = frozenset({"credit", "agency"})


class Recognizers:
    """One recogniser per language, each built once."""

    def __init__(self, options: PipelineOptions) -> None:
        self.options = options
        self.german = GermanRecognizer()
        self._english: Recognizer | None = None
        self._english_missing = False

    def for_lang(self, lang: str | None) -> Recognizer | None:
        if lang != "en":
            return self.german
        if self._english is None and not self._english_missing and self.options.english_model:
            try:
                self._english = EnglishRecognizer(self.options.english_model)
            except StageLoadError:
                self._english_missing = True
        return self._english


def make_stage(options: PipelineOptions) -> Callable[[Document], None]:
    recognizers = Recognizers(options)

    def ner(doc: Document) -> None:
        if doc.doc is None:
            raise ValueError("the ner stage needs the tokens stage to run first")
        if options.spacy_model and doc.doc.ents:
            # A user's trained pipeline found the entities: use them, not our recogniser.
            spans = user_pipeline_spans(doc.doc)
        else:
            recognizer = recognizers.for_lang(doc.lang)
            spans = recognizer(doc.doc) if recognizer is not None else []
        kept = [s for s in spans if not _in_skipped_part(doc, doc.doc, s)]
        if doc.lang == "en":
            kept = [_no_article(doc.doc, s) for s in kept]
        ents = [Span(doc.doc, start, end, label=label) for start, end, label in kept]
        # Rules should never overlap; if one ever does, keep the longer span, not crash.
        doc.doc.ents = filter_spans(ents)
        doc.entities = entity_records(doc.doc)

    return ner


# Labels of common trained pipelines (OntoNotes, WikiNER, GermEval) mapped onto ours.
USER_LABELS = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "FAC": "LOC",
    "GPE": "GPE",
    "MISC": "MISC",
    "NORP": "MISC",
}


def user_pipeline_spans(sdoc: Doc) -> list[TokenSpan]:
    """The entities a user's spaCy pipeline set, with labels mapped; other labels are dropped."""
    return [
        (ent.start, ent.end, USER_LABELS[ent.label_])
        for ent in sdoc.ents
        if ent.label_ in USER_LABELS
    ]


def _no_article(sdoc: Doc, span: TokenSpan) -> TokenSpan:
    """ "*The* European Commission": the small English model takes a sentence's first
    article into the name; the entity is named without it. One word after it keeps it:
    "The Hague", "The Guardian" are the names."""
    start, end, label = span
    if end - start > 2 and sdoc[start].lower_ == "the":
        return start + 1, end, label
    return span


def _in_skipped_part(doc: Document, sdoc: Doc, span: TokenSpan) -> bool:
    part = doc.part_at(sdoc[span[0]].idx)
    return part is not None and part.kind in SKIPPED_PARTS


def entity_records(sdoc: Doc) -> list[dict[str, Any]]:
    """One record per distinct (surface form, type), mentions in text order."""
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for ent in sdoc.ents:
        key = (ent.text, ent.label_)
        record = by_key.get(key)
        if record is None:
            record = {
                "id": f"e{len(by_key) + 1}",
                "name": ent.text,
                "type": ent.label_,
                "kb": None,
                "actor": None,
                "mentions": [],
            }
            by_key[key] = record
        record["mentions"].append({"start": ent.start_char, "end": ent.end_char, "text": ent.text})
    return list(by_key.values())
