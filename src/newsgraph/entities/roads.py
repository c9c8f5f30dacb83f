"""Numbered roads are places: "auf der A 7", "die Bundesstraße 216", "Autobahn 9".

German names motorways and federal roads by a letter or a road word and a number; GermEval
and our place records count them as locations. Nothing else types them: the number is no
name to the tagger and no list holds it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .gazetteer import TokenSpan
from .rules import _replace_inside

ROAD_WORDS = frozenset(
    {"Autobahn", "Bundesautobahn", "Bundesstraße", "Landesstraße", "Staatsstraße", "Kreisstraße"}
)
# "A 7" is a motorway only where a road can stand: after an article or a preposition
# ("auf der A 7", "über die B 27"), not in "DIN A 4" or "Vitamin B 12".
ROAD_LETTERS = frozenset({"A", "B"})
_BEFORE_LETTER = frozenset({"ART", "APPR", "APPRART", "KON", "$,"})
_MAX_DIGITS = 3


def numbered_roads(doc: Doc, spans: list[TokenSpan]) -> list[TokenSpan]:
    out = list(spans)
    for token in doc[1:]:
        text = token.text  # "auf der A7": letter and number in one token
        joined = text[:1] in ROAD_LETTERS and text[1:].isdigit() and len(text) <= _MAX_DIGITS + 1
        if joined and doc[token.i - 1].tag_ in _BEFORE_LETTER:
            out = _replace_inside(out, (token.i, token.i + 1, "LOC"))
    for token in doc[:-1]:
        number = doc[token.i + 1]
        if not (number.is_digit and len(number.text) <= _MAX_DIGITS):
            continue
        letter = token.text in ROAD_LETTERS and token.i > 0
        if letter and doc[token.i - 1].tag_ not in _BEFORE_LETTER:
            continue
        if letter or token.text in ROAD_WORDS:
            out = _replace_inside(out, (token.i, token.i + 2, "LOC"))
    return out
