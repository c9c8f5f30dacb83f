"""Entity recognisers per language: token spans (start, end, label) for a spaCy Doc.

German: the shipped statistical model (trained by scripts/train_ner.py on CC-BY corpora),
then the list rules (:mod:`.rules`) and the proper-noun fallback and filters
(:mod:`.names`). English: a spaCy English pipeline's NER, labels mapped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

from ..errors import StageLoadError
from ..nlp.english import load_english
from ..places.gazetteer import Gazetteer, load_gazetteer, normalize
from . import names, organisations, roads, rules
from .features import hints
from .gazetteer import TokenSpan
from .lexicon import Lexicon
from .statistical import ENGLISH_LABELS, GERMAN_MODEL, SpacyNer

Recognizer = Callable[[Doc], list[TokenSpan]]


class GermanRecognizer:
    """Model spans first (multi-word ones only if they hold a name); then the lists type
    and fill in; then persons from context; then proper nouns nobody claimed and names
    after type cues; then joins, trims, splits and filters; acronyms in brackets and
    repeats last. Each step is a small function over token spans, measured on GermEval
    dev by ``benchmarks/ner_dev.py``."""

    def __init__(self, model_path: Path = GERMAN_MODEL, *, use_model: bool = True) -> None:
        self.lex = Lexicon.load()
        self.model = SpacyNer.load(model_path) if use_model else None

    def __call__(self, doc: Doc) -> list[TokenSpan]:
        lex = self.lex
        listed = lex.gazetteer.matches(doc)
        plausible = rules.plausible_listed(doc, listed, lex)
        spans = rules.named_model_spans(doc, self.model_spans(doc, listed), lex)
        spans = rules.relabel(doc, rules.split_listed(spans, plausible), lex)
        spans = rules.add_free(spans, plausible)
        spans = rules.listed_persons_win(spans, plausible)
        spans = rules.persons_after_cues(doc, spans, lex)
        spans = rules.persons_from_first_names(doc, spans, lex)
        spans = names.proper_noun_runs(doc, spans, lex)
        spans = names.names_after_type_cues(doc, spans, lex)
        spans = rules.merge_adjacent_names(doc, spans, lex)
        spans = rules.persons_with_particles(doc, spans, lex)
        spans = rules.organisations_by_head(doc, spans, lex)
        spans = rules.saints_places(doc, spans)
        spans = rules.federal_bodies(doc, spans, lex)
        spans = rules.split_genitive_places(doc, spans, lex)
        spans = names.trim_common_nouns(doc, spans, lex)
        spans = names.drop_non_names(doc, spans, lex)
        spans = organisations.organisations_by_shape(doc, spans, lex)
        spans = roads.numbered_roads(doc, spans)
        spans = rules.acronyms_in_brackets(doc, spans, lex)
        spans = rules.propagate(doc, spans, lex)
        return names.clean(doc, spans, lex)

    def model_spans(self, doc: Doc, listed: list[TokenSpan] | None = None) -> list[TokenSpan]:
        """The statistical model's spans alone (no rules)."""
        if self.model is None:
            return []
        if not self.model.reads_hints:
            return self.model.spans(doc)
        return self.model.spans(doc, hints(doc, self.lex, listed))


class EnglishRecognizer:
    def __init__(self, model: str) -> None:
        nlp = load_english(model)  # the tagger's copy: the pipeline is loaded once
        if nlp is None:
            raise StageLoadError(f"the English spaCy pipeline {model!r} is not installed")
        self.model = SpacyNer(nlp, ENGLISH_LABELS)
        self.places = load_gazetteer()

    def __call__(self, doc: Doc) -> list[TokenSpan]:
        return sorted(countries_and_capitals(doc, self.model.spans(doc), self.places))


_STATES = ("country", "capital")


def countries_and_capitals(doc: Doc, spans: list[TokenSpan], places: Gazetteer) -> list[TokenSpan]:
    """The small English model calls some capitals and countries people or firms ("Kyiv"
    PER, "Budapest" ORG); a one-word name that is a country or a capital is a GPE (a
    person is named with more words: "Michael Jordan")."""
    out: list[TokenSpan] = []
    for start, end, label in spans:
        state = any(p.kind in _STATES for p in places.lookup(normalize(doc[start].text)))
        out.append(
            (start, end, "GPE" if label in ("PER", "ORG") and end - start == 1 and state else label)
        )
    return out
