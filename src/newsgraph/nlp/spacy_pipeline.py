"""Stage "spacy": a user's installed trained spaCy pipeline instead of the built-in NLP.

``options.spacy_model`` is a package name or a path; it is loaded once when the stage is
built (a clear :class:`~newsgraph.errors.StageLoadError` naming the model otherwise) and
run over the whole text, so token offsets are offsets into ``doc.text``. Its tokens, tags,
lemmas and entities (``doc.doc.ents``) are kept as they are. ``doc.sentences`` comes from
the model's sentence boundaries (parser, senter or sentencizer) or, where it sets none,
from our rule-based splitter; either way sentences are then cut at part boundaries. The
model's own ``is_sent_start`` values are left alone (a parsed Doc forbids rewriting them).
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import StageLoadError
from ..model import Document, Span
from ..pipeline import PipelineOptions
from .sentences import (
    SentenceRules,
    apply_starts,
    part_boundaries,
    sentence_starts,
    spans_from_starts,
)


def load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise StageLoadError(
            f"could not load the spaCy model {name!r} (an installed package name or a "
            f"pipeline directory): {exc}"
        ) from exc


def split_at(spans: list[Span], cuts: list[int]) -> list[Span]:
    """Cut each sentence span at the part boundaries inside it."""
    out: list[Span] = []
    for span in spans:
        start = span.start
        for cut in sorted(c for c in set(cuts) if span.start < c < span.end):
            out.append(Span(start, cut))
            start = cut
        out.append(Span(start, span.end))
    return out


def trim(text: str, spans: list[Span]) -> list[Span]:
    trimmed = []
    for span in spans:
        piece = text[span.start : span.end]
        if piece.strip():
            start = span.start + len(piece) - len(piece.lstrip())
            trimmed.append(Span(start, span.end - (len(piece) - len(piece.rstrip()))))
    return trimmed


def model_sentences(sdoc: Doc, rules: SentenceRules, cuts: list[int]) -> list[Span]:
    if sdoc.has_annotation("SENT_START"):
        starts = [s.start for s in sdoc.sents]
        return split_at(spans_from_starts(sdoc, starts), cuts)
    return apply_starts(sdoc, sentence_starts(sdoc, cuts, rules))


def make_stage(options: PipelineOptions) -> Callable[[Document], None]:
    if not options.spacy_model:
        raise StageLoadError("the 'spacy' stage needs a model: pass --spacy-model NAME_OR_PATH")
    nlp = load_model(options.spacy_model)
    lang = nlp.lang if nlp.lang in ("de", "en") else "de"
    rules = SentenceRules.for_language(lang)

    def spacy_stage(doc: Document) -> None:
        sdoc = nlp(doc.text)
        cuts = part_boundaries(doc.parts, doc.dateline)
        doc.sentences = trim(doc.text, model_sentences(sdoc, rules, cuts))
        doc.doc = sdoc

    return spacy_stage
