"""Role nouns and country words: "der russische Präsident" -> RUS + GOV.

Read from ``events_actors_de.tsv`` (country adjectives and capitals, organisation words,
generic role nouns; shared with the event coder), ``kb_roles_de.tsv`` (specific German roles
such as "Verteidigungsminister" -> MIL, and words naming an actor by themselves, such as
"Kremlchef" -> RUSGOV) and ``events_agents_en.tsv`` (English role nouns, Phoenix agents).
Country names and capitals the tables lack come from the places gazetteer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..nlp.resources import data_lines

# German noun and adjective endings, longest first: "Ministerinnen" -> "minister",
# "russischen" -> "russisch", "Präsidenten" -> "präsident", "Russlands" -> "russland".
_ENDINGS = ("innen", "in", "en", "em", "er", "es", "n", "e", "s")
_MIN_STEM = 3
_MIN_PREFIX = 3  # a compound needs a real first part: "Verteidigungs|minister"


def _stems(word: str) -> Iterator[str]:
    low = word.casefold()
    yield low
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= _MIN_STEM:
            yield low[: -len(ending)]


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in data_lines(name)[1:]]


@dataclass(frozen=True, slots=True)
class RoleTable:
    roles: dict[str, str]  # role noun -> role code ("minister" -> GOV)
    actors: dict[str, str]  # word naming an actor -> full code ("kremlchef" -> RUSGOV)
    countries: dict[str, str]  # adjective stem, capital, alias -> ISO-3
    organisations: dict[str, str]  # German organisation word -> code ("nato" -> IGOWSTNAT)
    role_keys: tuple[str, ...]  # the role nouns, longest first (compound ends)
    persons: frozenset[str]  # role nouns naming one person ("präsident", not "regierung")

    def role_code(self, tokens: Sequence[str]) -> str | None:
        """The role of the last token that has one (the head of a German noun phrase)."""
        for token in reversed(tokens):
            code = self.word_code(token)
            if code:
                return code[-3:]
        return None

    def word_code(self, word: str) -> str | None:
        """Role code ("GOV") or, for words that name an actor, the full code ("RUSGOV")."""
        for stem in _stems(word):
            if stem in self.actors:
                return self.actors[stem]
            if stem in self.roles:
                return self.roles[stem]
        last = word.rsplit("-", 1)[-1]
        for stem in _stems(last):
            if stem in self.roles and last != word:  # "US-Präsident"
                return self.roles[stem]
            for key in self.role_keys:
                if stem.endswith(key) and len(stem) - len(key) >= _MIN_PREFIX:
                    return self.roles[key]
        return None

    def is_person(self, word: str) -> bool:
        """Does the noun name a person by office ("Verteidigungsministerin", "Kremlchef")?"""
        for stem in _stems(word.rsplit("-", 1)[-1]):
            if stem in self.persons:
                return True
            if any(stem.endswith(p) and len(stem) - len(p) >= _MIN_PREFIX for p in self.persons):
                return True
        return False

    def country_of(self, word: str) -> str | None:
        for stem in _stems(word.strip("„“\"'")):
            if stem in self.countries:
                return self.countries[stem]
        return _gazetteer_country(word)

    def phrase_code(
        self, tokens: Sequence[str], country_of: Callable[[str], str | None]
    ) -> str | None:
        """Country + role of a description; None unless both are in it ("US-Präsident",
        "der russische Präsident", "Russlands Verteidigungsminister", "Kremlchef")."""
        country: str | None = None
        role: str | None = None
        for token in tokens:
            code = self.word_code(token)
            if code and len(code) > 3:
                return code
            if code:
                role = code
            if "-" in token and not country:
                country = country_of(token.split("-", 1)[0])
            if not code and not country and token[:1].isalpha():
                country = country_of(token)
        return country + role if country and role else None


def _gazetteer_country(word: str) -> str | None:
    from ..places.gazetteer import load_gazetteer, normalize

    key = normalize(word)
    for form in (key, key[:-1] if key.endswith("s") else None):
        if not form:
            continue
        for place in load_gazetteer().lookup(form)[:1]:
            if place.kind in ("country", "capital") and place.country:
                return place.country
    return None


def load_roles() -> RoleTable:
    roles: dict[str, str] = {}
    actors: dict[str, str] = {}
    countries: dict[str, str] = {}
    organisations: dict[str, str] = {}
    for word, code in _rows("events_agents_en.tsv"):
        if " " not in word:
            roles[word] = code
    persons: dict[str, str] = {}
    tables = {
        "role": roles,
        "actor": actors,
        "country": countries,
        "igo": organisations,
        "person": persons,
    }
    for name in ("events_actors_de.tsv", "kb_roles_de.tsv"):
        for kind, word, code in _rows(name):
            tables[kind][word.casefold()] = code
    for word, code in persons.items():
        (actors if len(code) > 3 else roles).setdefault(word, code)
    keys = tuple(sorted(roles, key=len, reverse=True))
    return RoleTable(roles, actors, countries, organisations, keys, frozenset(persons))
