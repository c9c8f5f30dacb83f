"""A trained spaCy NER run over the tokens of another Doc.

The stage's Doc comes from the tokens stage (its own vocab and tokenizer); the model is a
separate spaCy pipeline. We rebuild the token sequence in the model's vocab, run only the
components NER needs and hand back token offsets, so both Docs stay independent.

A German model trained with ``--features`` reads two extra channels on that rebuilt Doc:
the STTS tag (copied from the tagger's ``tag_``) and, in the LEMMA slot, the name-list
hints of :mod:`.features` (the rebuilt Doc is ours alone, so no real lemma is overwritten).
The shipped model does not (measured worse together with the rules).
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import StageLoadError
from .gazetteer import TokenSpan

GERMAN_MODEL = Path(__file__).resolve().parents[1] / "data" / "models" / "ner_de"
# spaCy English labels onto ours; labels not listed (dates, numbers, works …) are dropped.
ENGLISH_LABELS = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
}


class SpacyNer:
    """Wraps a spaCy pipeline that has an ``ner`` component."""

    def __init__(self, nlp: Language, labels: dict[str, str] | None = None) -> None:
        if "ner" not in nlp.pipe_names:
            raise StageLoadError("the spaCy pipeline has no 'ner' component")
        self.nlp = nlp
        self.labels = labels
        self.reads_hints = _embeds(nlp, "LEMMA")
        # An English pipeline also tags and parses: NER needs none of that.
        self._pipes = [(n, p) for n, p in nlp.pipeline if n in ("tok2vec", "ner")]
        if "tok2vec" in nlp.pipe_names and not _listens(nlp):
            self._pipes = [(n, p) for n, p in self._pipes if n == "ner"]

    @classmethod
    def load(cls, name_or_path: str | Path, labels: dict[str, str] | None = None) -> SpacyNer:
        try:
            nlp = spacy.load(name_or_path)
        except (OSError, ImportError) as exc:
            raise StageLoadError(
                f"could not load the NER model {str(name_or_path)!r}: {exc}"
            ) from exc
        return cls(nlp, labels)

    def spans(self, doc: Doc, hints: list[str] | None = None) -> list[TokenSpan]:
        """Entity token spans; ``hints`` (German model) also passes the tags and hints."""
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        if hints is None:
            mine = Doc(self.nlp.vocab, words=words, spaces=spaces)
        else:
            tags = [t.tag_ for t in doc]
            mine = Doc(self.nlp.vocab, words=words, spaces=spaces, tags=tags, lemmas=hints)
        for _, pipe in self._pipes:
            mine = pipe(mine)
        out: list[TokenSpan] = []
        for ent in mine.ents:
            label = ent.label_ if self.labels is None else self.labels.get(ent.label_)
            if label is not None:
                out.append((ent.start, ent.end, label))
        return out


def _embeds(nlp: Language, attr: str) -> bool:
    """Whether the pipeline's shared tok2vec embeds ``attr`` (a model trained with
    ``scripts/train_ner.py --features`` reads tags and hints)."""
    try:
        attrs = nlp.config["components"]["tok2vec"]["model"]["embed"]["attrs"]
    except KeyError:
        return False
    return attr in attrs


def _listens(nlp: Language) -> bool:
    """Whether the ner component reads the shared tok2vec (else it embeds on its own)."""
    ner = nlp.get_pipe("ner")
    model = getattr(ner, "model", None)
    if model is None:
        return False
    return any(node.name.startswith("tok2vec-listener") for node in model.walk())
