"""The "places" stage: every place an article names, geocoded, with its role.

Output items (``doc.places``, in text order)::

    {"start", "end", "text", "name", "type", "country", "lat", "lon", "geonameid",
     "role": "place" | "actor", "part", "candidates"}

``name`` is the gazetteer's canonical (GeoNames) name, ``type`` one of country, capital,
city, region, continent; ``country`` the ISO 3166 alpha-3 code CAMEO uses (null for
continents and disputed regions); ``candidates`` how many places the name could denote.
``role`` is "actor" where a country or capital stands for its state ("Washington versuche").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Token

from ..model import Document
from ..pipeline import PipelineOptions, StageFn
from .cues import Cues, load_cues
from .entities import drop_blocked, entity_hits
from .gazetteer import Gazetteer, Place, load_gazetteer
from .matcher import Hit, find_hits
from .metonymy import METONYM_KINDS, genitive_actor, groups, is_actor, second_argument
from .plausible import plausible
from .resolve import article_countries, choose


def make_stage(options: PipelineOptions) -> StageFn:
    gaz = load_gazetteer()
    for lang in ("de", "en"):
        load_cues(lang)

    def places(doc: Document) -> None:
        doc.places = find_places(doc, gaz, load_cues(doc.lang or options.lang or "de"))

    return places


def find_places(doc: Document, gaz: Gazetteer, cues: Cues) -> list[dict[str, Any]]:
    if doc.doc is None:
        return []
    tokens: Sequence[Token] = list(doc.doc)
    hits = drop_blocked(doc, tokens, find_hits(tokens, gaz, cues), cues)
    if not doc.entities:  # the NER stage's persons and organisations do this better
        hits = plausible(tokens, hits, cues)
    hits = entity_hits(doc, hits, gaz, cues)
    countries = article_countries(hits)
    chosen = [choose(h.candidates, countries) for h in hits]
    actors = _actors(doc, tokens, hits, chosen, cues)
    return [
        _record(doc, h, p, k in actors) for k, (h, p) in enumerate(zip(hits, chosen, strict=True))
    ]


def _actors(
    doc: Document, tokens: Sequence[Token], hits: list[Hit], chosen: list[Place], cues: Cues
) -> set[int]:
    starts = [s.start for s in doc.sentences]
    found: set[int] = set()
    for group in groups(tokens, hits, cues):
        first, last = hits[group[0]], hits[group[-1]]
        i = bisect_right(starts, first.start) - 1
        sentence = (doc.sentences[i].start, doc.sentences[i].end) if i >= 0 else (0, len(doc.text))
        subject = is_actor(tokens, (first.first, last.last), sentence, cues)
        previous = hits[group[0] - 1] if group[0] - 1 in found else None
        subject = subject or second_argument(tokens, first, previous, cues)
        for k in group:
            if chosen[k].kind in METONYM_KINDS and (subject or genitive_actor(tokens, hits[k])):
                found.add(k)
    return found


def _record(doc: Document, hit: Hit, place: Place, actor: bool) -> dict[str, Any]:
    part = doc.part_at(hit.start)
    return {
        "start": hit.start,
        "end": hit.end,
        "text": doc.text[hit.start : hit.end],
        "name": place.name,
        "type": place.kind,
        "country": place.country or None,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "role": "actor" if actor else "place",
        "part": part.kind if part else None,
        "candidates": len(hit.candidates),
    }
