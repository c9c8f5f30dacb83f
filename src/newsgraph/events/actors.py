"""A small CAMEO actor-code resolver for noun phrases (swappable for full entity linking).

Country names come from the places gazetteer (GeoNames + CLDR, built offline); adjectives,
capitals used as metonyms, organisations and role nouns from ``data/events_actors_de.tsv``;
leaders and officials (with the period each code held) from the actor knowledge base
(:mod:`newsgraph.kb`: the Phoenix dictionaries to 2014 and the team's office holders after).
A phrase's code is country + role ("der russische Präsident" -> ``RUSGOV``), or an
organisation's code (``IGOWSTNAT``), or None when nothing in it is known.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..data_files import data_lines
from ..kb.model import high_day, low_day


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    lemma: str
    tag: str


def _rows(name: str) -> list[list[str]]:
    return [ln.split("\t") for ln in data_lines(name)[1:]]  # the first line is the header


Period = tuple[str, str, str]  # code, from, to (YYYYMMDD)


def _kb_periods() -> dict[str, list[Period]]:
    """Every name and alias of a KB person (lower case, no diacritics) -> dated codes."""
    from ..kb import load_kb

    full: dict[str, list[Period]] = {}
    for actor in load_kb().actors.values():
        periods = [
            (
                p.code,
                _compact(low_day(p.start)) or "00000101",
                _compact(high_day(p.end)) or "99991231",
            )
            for p in actor.periods
            if p.dated
        ]
        if actor.type != "PER" or not periods:
            continue
        for label in (actor.name, *actor.aliases):
            if " " in label.strip():
                full.setdefault(_ascii(label.lower()), periods)
    return full


def _compact(day: str) -> str:
    return day.replace("-", "")


def _persons() -> tuple[dict[str, list[Period]], dict[str, list[Period]]]:
    """Full names and unambiguous surnames -> their coded periods."""
    full = _kb_periods()
    by_surname: dict[str, list[str]] = {}
    for name in full:
        by_surname.setdefault(name.rsplit(" ", 1)[-1], []).append(name)
    surnames = {}
    for surname, names in by_surname.items():
        countries = {p[0][:3] for n in names for p in full[n]}
        if len(names) == 1 or len(countries) == 1:
            surnames[surname] = full[names[0]]
    return full, surnames


def _ascii(text: str) -> str:
    """The dictionaries spell names without diacritics: "Koštunica" -> "kostunica"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _period_code(periods: list[Period], on: str | None) -> str:
    day = (on or "").replace("-", "")[:8]
    if day:
        current = [c for c, a, b in periods if a <= day.ljust(8, "0") <= b]
        if current:
            return current[-1]
    return max(periods, key=lambda p: p[1])[0]


def _country_names() -> dict[str, str]:
    """Country names (lower case, German and English, with aliases) -> ISO-3.

    Read from the places gazetteer (GeoNames + CLDR, built offline), so the event coder and the
    geocoder agree on what a country is and nothing heavy is needed at run time.
    """
    from ..places.gazetteer import load_gazetteer

    return {
        key: place.country
        for key, places in load_gazetteer().by_key.items()
        for place in places[:1]
        if place.kind == "country" and place.country
    }


class ActorResolver:
    def __init__(self) -> None:
        self.countries = _country_names()
        self.adjectives: dict[str, str] = {}
        self.igos: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        for kind, word, code in _rows("events_actors_de.tsv"):
            table = {"country": self.adjectives, "igo": self.igos, "role": self.roles}[kind]
            table[word] = code
        self._role_keys = sorted(self.roles, key=len, reverse=True)
        self.persons, self.surnames = _persons()
        self.iso3 = frozenset(self.countries.values()) | frozenset(self.adjectives.values())

    def known_names(self) -> frozenset[str]:
        """Lower-case names of countries and organisations (they end a noun phrase)."""
        return frozenset(self.countries) | frozenset(self.igos) | frozenset(self.adjectives)

    def country(self, word: Word) -> str | None:
        low = word.text.lower()
        for form in (
            low,
            low[:-1] if low.endswith("s") else low,
            low[:-2] if low.endswith("ns") else low,
        ):
            if form in self.countries:
                return self.countries[form]
            if form in self.adjectives:
                return self.adjectives[form]
        if word.tag.startswith("ADJ"):
            return self.adjectives.get(word.lemma.lower())
        return None

    def role(self, word: Word) -> str | None:
        if not word.tag.startswith("N"):
            return None
        low = word.lemma.lower()
        for key in self._role_keys:
            if low == key or (low.endswith(key) and len(low) > len(key) + 2):
                return self.roles[key]
        return None

    def igo(self, words: Sequence[Word]) -> str | None:
        joined = " ".join(w.text.lower() for w in words)
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                key = " ".join(w.text.lower() for w in words[i : i + n])
                if key in self.igos:
                    return self.igos[key]
        return self.igos.get(joined) or self._igo_compound(words)

    def _igo_compound(self, words: Sequence[Word]) -> str | None:
        """ "EU-Kommissar", "UN-Tribunal", "Nato-Truppen": an organisation's own body or
        official, written as a hyphen compound whose first part names the organisation."""
        for w in words:
            first, dash, rest = w.text.lower().partition("-")
            if dash and rest and w.tag.startswith("N") and first in self.igos:
                return self.igos[first]
        return None

    def phrase_country(self, words: Sequence[Word]) -> str | None:
        """Multi-word country names, any inflection: "der Vereinigten Staaten"."""
        content = [w.text.lower() for w in words if w.tag in ("ADJA", "NN", "NE")]
        for n in (3, 2):
            for i in range(len(content) - n + 1):
                key = " ".join(content[i : i + n])
                for form in (key, key.replace("en ", "e ", 1)):
                    if form in self.countries:
                        return self.countries[form]
        return None

    def person(self, words: Sequence[Word], on: str | None = None) -> str | None:
        named = [w for w in words if w.tag in ("NE", "FM")]
        if not named or any(self.country(w) or w.text.isupper() for w in named):
            return None  # "USA", "Russland": a country, not a person's surname
        names = [_ascii(w.text.lower()) for w in named]
        periods = self.persons.get(" ".join(names)) or self.surnames.get(names[-1])
        return _period_code(periods, on) if periods else None

    def resolve(self, words: Sequence[Word], on: str | None = None) -> str | None:
        igo = self.igo(words)
        if igo:
            return igo
        person = self.person(words, on)
        if person:
            return person
        whole = self.phrase_country(words)
        if whole:
            return whole
        country = next((c for c in (self.country(w) for w in words) if c), None)
        role = next((r for r in (self.role(w) for w in reversed(words)) if r), None)
        if country and role:
            return country + role
        return country or (role if role else None)

    def is_country(self, words: Sequence[Word]) -> bool:
        return any(w.tag == "NE" and self.country(w) for w in words)
