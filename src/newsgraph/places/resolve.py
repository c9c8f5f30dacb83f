"""Pick one candidate per name: the article's own countries first, then rank, then size.

The article's countries are those its unambiguous names point to ("Russland", "Moskau",
"Sunderland"); so "Washington" in an article on England is the town near Sunderland, and
the US capital elsewhere, because a capital outranks a town of the same name.
"""

from __future__ import annotations

from collections.abc import Iterable

from .gazetteer import Place
from .matcher import Hit

KIND_RANK = {"country": 4, "capital": 3, "city": 2, "region": 1, "continent": 0}


def article_countries(hits: Iterable[Hit]) -> frozenset[str]:
    found: set[str] = set()
    for hit in hits:
        codes = {p.country for p in hit.candidates if p.country}
        if len(codes) == 1:
            found.update(codes)
        else:  # "Georgia" may be a town elsewhere too, but a country name is that country
            found.update(p.country for p in hit.candidates if p.kind == "country")
    return frozenset(found)


def choose(candidates: Iterable[Place], countries: frozenset[str]) -> Place:
    return max(candidates, key=lambda p: (p.country in countries, KIND_RANK[p.kind], p.population))
