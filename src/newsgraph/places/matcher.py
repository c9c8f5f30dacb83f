"""Find place names among the tokens: longest gazetteer key first, German genitive ``-s`` too.

Only a capitalised token can start a name; a single-token name must not be tagged as a verb,
pronoun, article, preposition, conjunction or adverb ("Essen" the verb, "Man" the pronoun).
A name that is also a common word (the stoplist) counts only after a locative preposition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from .cues import Cues
from .gazetteer import Gazetteer, Place, normalize

# Longer names exist in GeoNames ("Llanfair…"), but news names places in at most 5 words.
MAX_WORDS = 5
_CLOSED_POS = frozenset({"VERB", "AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "ADV", "PART"})
_COMMON_TAGS = frozenset({"NN", "FM", "NNS"})
_TOWN_KINDS = frozenset({"city"})
# Genitive "-s" is stripped only to reach places big enough to be written that way.
_GENITIVE_MIN_POP = 50_000


@dataclass(frozen=True, slots=True)
class Hit:
    first: int  # token index of the first token
    last: int  # token index of the last token (inclusive)
    start: int  # character offsets into the text
    end: int
    candidates: tuple[Place, ...]
    genitive: bool  # matched after stripping a genitive "-s" ("Russlands")
    key: str  # the gazetteer key matched


def _genitive(gaz: Gazetteer, key: str) -> tuple[Place, ...]:
    if len(key) < 4 or not key.endswith("s"):
        return ()
    found = gaz.lookup(key[:-1])
    if any(p.kind != "city" or p.population >= _GENITIVE_MIN_POP for p in found):
        return found
    return ()


def _longest(tokens: Sequence[Token], i: int, gaz: Gazetteer) -> Hit | None:
    prefixes = gaz.prefixes
    words: list[str] = []
    best: Hit | None = None
    for j in range(i, min(len(tokens), i + MAX_WORDS * 2)):
        tok = tokens[j]
        if tok.is_space:  # a line break: names do not run across lines
            break
        word = normalize(tok.text)
        if not word:  # "(" in "Frankfurt (Oder)", "," in "Washington, D.C."
            continue
        words.append(word)
        key = " ".join(words)
        found, matched = gaz.lookup(key), key
        if not found:
            found, matched = _genitive(gaz, key), key[:-1]
        if found:
            end = tok.idx + len(tok.text)
            best = Hit(i, j, tokens[i].idx, end, found, matched != key, matched)
        if key not in prefixes or len(words) >= MAX_WORDS:
            break
    return best


def _closing_bracket(tokens: Sequence[Token], hit: Hit) -> Hit:
    """ "Frankfurt (Oder)" ends at the bracket, not inside it."""
    inner = tokens[hit.first : hit.last + 1]
    after = hit.last + 1
    if any(t.text == "(" for t in inner) and after < len(tokens) and tokens[after].text == ")":
        t = tokens[after]
        return Hit(hit.first, after, hit.start, t.idx + 1, hit.candidates, hit.genitive, hit.key)
    return hit


def after_locative(tokens: Sequence[Token], first: int, cues: Cues, *, bare: bool = False) -> bool:
    """ "in Moskau", "in der Ukraine", "im Iran": a locative preposition, maybe an article.

    ``bare``: the preposition alone, as before a town ("in Essen", not "im Norden").
    """
    k = first - 1
    if k >= 0 and tokens[k].text.casefold() in cues.articles:
        if bare:
            return False
        k -= 1
    if k < 0:
        return False
    word = tokens[k].text.casefold()
    return word in cues.locative and not (bare and word in cues.contractions)


def _acceptable(tokens: Sequence[Token], hit: Hit, cues: Cues) -> bool:
    if hit.first != hit.last:
        return hit.key not in cues.stop or after_locative(tokens, hit.first, cues, bare=True)
    tok = tokens[hit.first]
    # "Erlanger Klinik": a town's adjective is no mention of the town (nor of Erlanger, KY).
    if tok.pos_ in _CLOSED_POS or tok.pos_ == "ADJ" or tok.tag_ == "TRUNC":
        return False
    if hit.genitive and tok.pos_ != "PROPN":  # "Maus" is no genitive of "Mau"
        return False
    # The tagger read a common noun or a foreign word ("Ende", "Mai", "Airport"): only a
    # country or region is sure enough to stand alone; a town needs "in", "aus", "nach".
    common = tok.tag_ in _COMMON_TAGS and all(p.kind in _TOWN_KINDS for p in hit.candidates)
    if hit.key in cues.stop or common:
        return after_locative(tokens, hit.first, cues, bare=True)
    return True


def find_hits(tokens: Sequence[Token], gaz: Gazetteer, cues: Cues) -> list[Hit]:
    hits: list[Hit] = []
    i = 0
    while i < len(tokens):
        text = tokens[i].text
        hit = _longest(tokens, i, gaz) if text[:1].isupper() else None
        if hit is not None:
            hit = _closing_bracket(tokens, hit)
            if _acceptable(tokens, hit, cues):
                hits.append(hit)
                i = hit.last + 1
                continue
        i += 1
    return hits
