"""Token hints for the statistical German NER: what the name lists say about each token.

The model sees, besides the word's form and HanTa's STTS tag, one hint per token: the type
of a gazetteer match it lies in ("G:LOC", "G:ORG" …), "FIRST" for a known first name, "CUE"
for a form of address or an office ("Frau", "Kanzler"), else "-". Training
(scripts/train_ner.py) and prediction compute the hints with this same function, so the
model learns how far to trust each list.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .gazetteer import TokenSpan
from .lexicon import Lexicon

NO_HINT = "-"


def hints(doc: Doc, lex: Lexicon, matches: list[TokenSpan] | None = None) -> list[str]:
    """One hint per token; ``matches`` are the gazetteer's, when already computed."""
    out = [NO_HINT] * len(doc)
    for i, token in enumerate(doc):
        if token.text in lex.first_names:
            out[i] = "FIRST"
        elif token.text in lex.person_cues:
            out[i] = "CUE"
    for start, end, label in lex.gazetteer.matches(doc) if matches is None else matches:
        for i in range(start, end):
            out[i] = f"G:{label}"
    return out
