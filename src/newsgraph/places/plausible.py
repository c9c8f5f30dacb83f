"""Drop hits that are more likely part of a name than a place (used when no NER ran).

A small town's name alone, with no locative preposition, is often a surname ("Davis",
"Taylor") or a club ("Werder"): keep it only when its country is one the article names
surely elsewhere. A town next to another proper name is part of that name ("Pau Gasol",
"Arminia Bielefeld" keeps Bielefeld only after "in"). Short all-capital words are acronyms
("UN", "OS"), except the countries written so ("USA", "UK").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .cues import Cues
from .matcher import Hit, after_locative
from .resolve import article_countries

_SMALL_TOWN = 100_000
_NAME_POS = frozenset({"PROPN"})
_AFTER_POS = frozenset({"PROPN", "NOUN", "ADJ"})


def _town_only(hit: Hit) -> bool:
    return all(p.kind == "city" for p in hit.candidates)


def _acronym(tokens: Sequence[Token], hit: Hit) -> bool:
    text = tokens[hit.first].text
    return hit.first == hit.last and text.isupper() and len(text) <= 4 and _town_only(hit)


def _in_name(tokens: Sequence[Token], hit: Hit, placed: set[int]) -> bool:
    """A proper name before it, or any capitalised word after it, that is no place itself:
    "Pau Gasol", "Alice Schwarzer" (the tagger may read a surname as a noun or adjective);
    a common noun before it is fine ("Amtsgericht Wolfsburg")."""
    before, after = hit.first - 1, hit.last + 1
    if before >= 0 and before not in placed and tokens[before].pos_ in _NAME_POS:
        return tokens[before].text[:1].isupper()
    if after < len(tokens) and after not in placed and tokens[after].pos_ in _AFTER_POS:
        return tokens[after].text[:1].isupper()
    return False


def _weak(tokens: Sequence[Token], hit: Hit, cues: Cues) -> bool:
    small = all(p.kind == "city" and p.population < _SMALL_TOWN for p in hit.candidates)
    return hit.first == hit.last and small and not after_locative(tokens, hit.first, cues)


def plausible(tokens: Sequence[Token], hits: list[Hit], cues: Cues) -> list[Hit]:
    placed = {k for h in hits for k in range(h.first, h.last + 1)}
    kept = [
        h
        for h in hits
        if not _acronym(tokens, h)
        and not (
            _town_only(h)
            and not after_locative(tokens, h.first, cues)
            and _in_name(tokens, h, placed)
        )
    ]
    sure = article_countries(h for h in kept if not _weak(tokens, h, cues))
    return [
        h
        for h in kept
        if not _weak(tokens, h, cues) or any(p.country in sure for p in h.candidates)
    ]
