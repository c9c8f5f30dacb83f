"""The places gazetteer: names -> candidate places, read once from ``newsgraph/data``.

``places_gazetteer.tsv`` is generated (GeoNames + CLDR, see its SOURCE.md);
``places_extra_de.tsv`` is written by hand: regions with coordinates, and aliases that
point at a gazetteer id ("USA" -> the United States, "Vereinigten Staaten" -> the same).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..errors import StageLoadError
from ..nlp.resources import data_lines

# Hyphens, dots, brackets and apostrophes vary between spellings of one name
# ("Neu-Delhi", "St. Petersburg", "Frankfurt (Oder)"); the key drops them.
_SEPARATORS = re.compile(r"[\s\-‐–.()'’,/]+")
KINDS = ("country", "capital", "city", "region", "continent")


def normalize(name: str) -> str:
    return _SEPARATORS.sub(" ", name.casefold()).strip()


@dataclass(frozen=True, slots=True)
class Place:
    id: str  # GeoNames id, or "ng:<name>" for a hand-written region
    name: str  # canonical: the gazetteer's first (GeoNames/English) name of the id
    kind: str  # one of KINDS
    country: str  # ISO3, "" where none (continents, disputed regions)
    lat: float
    lon: float
    population: int

    @property
    def geonameid(self) -> int | None:
        return int(self.id) if self.id.isdigit() else None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    by_key: dict[str, tuple[Place, ...]]
    # Every proper word-prefix of a key, so a scan stops as soon as no key can follow.
    prefixes: frozenset[str]

    def lookup(self, key: str) -> tuple[Place, ...]:
        return self.by_key.get(key, ())


def _place(cols: list[str]) -> Place:
    _name, _key, pid, kind, iso3, lat, lon, pop = cols
    if kind not in KINDS:
        raise StageLoadError(f"places gazetteer: unknown type {kind!r} for id {pid}")
    return Place(pid, _name, kind, iso3, float(lat), float(lon), int(pop or 0))


def _read_main(keys: dict[str, list[Place]], places: dict[str, Place]) -> None:
    for line in data_lines("places_gazetteer.tsv")[1:]:  # the first line is the header
        cols = line.split("\t")
        place = places.setdefault(cols[2], _place(cols))
        keys.setdefault(cols[1], []).append(place)


def _read_extra(keys: dict[str, list[Place]], places: dict[str, Place]) -> None:
    for line in data_lines("places_extra_de.tsv"):
        cols = line.split("\t")
        if cols[0] == "alias":
            target = places.get(cols[2])
            if target is None:
                raise StageLoadError(f"places_extra_de.tsv: alias {cols[1]!r} -> unknown id")
            keys.setdefault(normalize(cols[1]), []).append(target)
        else:
            name, kind, iso3, lat, lon = cols[1:6]
            pid = "ng:" + normalize(name).replace(" ", "_")
            place = places.setdefault(pid, Place(pid, name, kind, iso3, float(lat), float(lon), 0))
            keys.setdefault(normalize(name), []).append(place)


@cache
def load_gazetteer() -> Gazetteer:
    keys: dict[str, list[Place]] = {}
    places: dict[str, Place] = {}
    _read_main(keys, places)
    _read_extra(keys, places)
    by_key = {k: tuple(dict.fromkeys(v)) for k, v in keys.items()}
    return Gazetteer(by_key, _prefixes(by_key))


def _prefixes(keys: dict[str, tuple[Place, ...]]) -> frozenset[str]:
    found: set[str] = set()
    for key in keys:
        words = key.split()
        found.update(" ".join(words[:n]) for n in range(1, len(words)))
    return frozenset(found)
