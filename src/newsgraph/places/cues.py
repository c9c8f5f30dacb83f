"""Cue words of the places stage (``data/places_cues.json``, ``data/places_stop.txt``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..data_files import read_json
from ..nlp.resources import data_lines
from .gazetteer import normalize


@dataclass(frozen=True, slots=True)
class Cues:
    locative: frozenset[str]
    articles: frozenset[str]
    coordinators: frozenset[str]
    clause_openers: frozenset[str]
    stative_verbs: frozenset[str]
    auxiliaries: frozenset[str]
    subordinators: frozenset[str]
    relational: frozenset[str]
    contractions: frozenset[str]
    finite_tags: frozenset[str]
    verb_tail_tags: frozenset[str]
    stop: frozenset[str]  # normalised keys that need a locative preposition


@cache
def load_cues(lang: str) -> Cues:
    data = read_json("places_cues.json")
    words = data["en" if lang == "en" else "de"]

    def words_of(key: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in words[key])

    return Cues(
        locative=words_of("locative"),
        articles=words_of("articles"),
        coordinators=words_of("coordinators"),
        clause_openers=words_of("clause_openers"),
        stative_verbs=words_of("stative_verbs"),
        auxiliaries=words_of("auxiliaries"),
        subordinators=words_of("subordinators"),
        relational=words_of("relational"),
        contractions=words_of("contractions"),
        finite_tags=frozenset(data["finite_tags"]),
        verb_tail_tags=frozenset(data["verb_tail_tags"]),
        stop=frozenset(normalize(w) for w in data_lines("places_stop.txt")),
    )
