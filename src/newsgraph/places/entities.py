"""Use the NER stage's entities where they exist: never a place inside a person or an
organisation ("Washington Post", "Paris Hilton"), and geocode the LOC/GPE mentions the
gazetteer scan did not reach ("der Ukraine" with its article, or a spelling with a suffix).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from ..model import Document
from .cues import Cues
from .gazetteer import Gazetteer, normalize
from .matcher import Hit, after_locative

_BLOCKING = frozenset({"PER", "ORG"})
_GEOCODED = frozenset({"LOC", "GPE"})


def _mentions(doc: Document, types: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    for entity in doc.entities:
        if entity.get("type") in types:
            for m in entity.get("mentions", []):
                yield int(m["start"]), int(m["end"]), str(m.get("text", ""))


def drop_blocked(doc: Document, tokens: Sequence[Token], hits: list[Hit], cues: Cues) -> list[Hit]:
    blocked = list(_mentions(doc, _BLOCKING))

    def inside(hit: Hit) -> bool:
        return any(s <= hit.start and hit.end <= e for s, e, _ in blocked)

    return [h for h in hits if not inside(h) or after_locative(tokens, h.first, cues)]


def _key(text: str, cues: Cues) -> str:
    words = normalize(text).split()
    while words and words[0] in cues.articles:
        words = words[1:]
    return " ".join(words)


def entity_hits(doc: Document, hits: list[Hit], gaz: Gazetteer, cues: Cues) -> list[Hit]:
    """Hits for LOC/GPE mentions that overlap no hit yet, where the gazetteer knows them."""
    assert doc.doc is not None
    added: list[Hit] = []
    for start, end, text in _mentions(doc, _GEOCODED):
        if any(h.start < end and start < h.end for h in hits + added):
            continue
        key = _key(text or doc.text[start:end], cues)
        found, matched = gaz.lookup(key), key
        if not found and key.endswith("s"):
            found, matched = gaz.lookup(key[:-1]), key[:-1]
        span = doc.doc.char_span(start, end, alignment_mode="expand")
        if found and span is not None:
            genitive = matched != key
            added.append(Hit(span.start, span.end - 1, start, end, found, genitive, matched))
    return sorted(hits + added, key=lambda h: h.start)
