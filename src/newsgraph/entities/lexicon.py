"""Every word list the German NER reads, loaded once into one object.

Files (all under ``newsgraph/data/``, each with a header saying where its entries come from):
gazetteers ``ner_names_de.tsv`` (hand-made), ``ner_places_de.tsv`` (CLDR + GeoNames) and
``ner_persons_de.tsv`` (Phoenix); first names ``ner_first_names*.txt``; person cues
``ner_person_cues_de.txt``; organisation heads ``ner_org_heads_de.txt`` and, put first,
``ner_org_heads_first_de.txt``; type cues ``ner_type_cues_de.tsv``; non-names
``ner_not_names_de.txt``; small rule lists ``ner_rules_de.json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data_files import data_lines, read_json, word_set
from .gazetteer import Gazetteer


@dataclass(frozen=True, slots=True)
class Lexicon:
    gazetteer: Gazetteer
    first_names: frozenset[str]
    person_cues: frozenset[str]  # "Frau", "Kanzler": a name follows
    org_heads: frozenset[str]  # "Verlag", "AG": ends an organisation's name
    org_heads_lower: tuple[str, ...]  # the same, lowercased, as compound heads
    type_cues: dict[str, str]  # "Stadt" -> LOC, "Konzern" -> ORG before an unknown name
    type_cues_lower: dict[str, str]  # the same, lowercased, for compound heads
    not_names: frozenset[str]  # "ISBN", "MHz", roman numerals
    place_endings: tuple[str, ...]
    place_prepositions: frozenset[str]
    name_particles: frozenset[str]
    english_function_words: frozenset[str]
    federal_prefixes: tuple[str, ...]
    institution_endings: tuple[str, ...]
    person_cue_heads: tuple[str, ...]  # "chef": "SPD-Chef", "Fraktionschef" are cues too
    legal_forms: frozenset[str]  # "AG", "e.V.": end an organisation's name
    org_heads_first: tuple[str, ...]  # "universität": "Universität Hamburg" (lowercase)
    club_prefixes: frozenset[str]  # "FC", "TSV": open a sports club's name

    @classmethod
    def load(cls) -> Lexicon:
        lists = read_json("ner_rules_de.json")
        org_heads = word_set("ner_org_heads_de.txt")
        type_cues = dict(line.split("\t")[:2] for line in data_lines("ner_type_cues_de.tsv"))
        return cls(
            gazetteer=Gazetteer.load(),
            first_names=word_set("ner_first_names.txt") | word_set("ner_first_names_de.txt"),
            person_cues=word_set("ner_person_cues_de.txt"),
            org_heads=org_heads,
            org_heads_lower=tuple(sorted(h.lower() for h in org_heads if len(h) > 3)),
            type_cues=type_cues,
            type_cues_lower={k.lower(): v for k, v in type_cues.items() if len(k) >= 5},
            not_names=word_set("ner_not_names_de.txt") | frozenset(lists["roman_numerals"]),
            place_endings=tuple(lists["place_endings"]),
            place_prepositions=frozenset(lists["place_prepositions"]),
            name_particles=frozenset(lists["name_particles"]),
            english_function_words=frozenset(lists["english_function_words"]),
            federal_prefixes=tuple(lists["federal_prefixes"]),
            institution_endings=tuple(lists["institution_endings"]),
            person_cue_heads=tuple(lists["person_cue_heads"]),
            legal_forms=frozenset(lists["legal_forms"]),
            club_prefixes=frozenset(lists["club_prefixes"]),
            org_heads_first=tuple(sorted(word_set("ner_org_heads_first_de.txt"))),
        )

    def is_person_cue(self, word: str) -> bool:
        """A listed cue, or a compound ending in an office ("Bundesinnenminister")."""
        if word in self.person_cues:
            return True
        if not word[:1].isupper():
            return False
        lower = word.lower()
        return any(lower.endswith(h) and len(lower) > len(h) + 2 for h in self.person_cue_heads)
