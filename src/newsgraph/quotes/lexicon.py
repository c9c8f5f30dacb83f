"""The quote stage's word lists (``newsgraph/data/quotes_*``), loaded once per language.

* ``quotes_cues_<lang>.tsv``: cue words. Columns: key, kind, and for German the counts in
  the train split (see ``scripts/learn_quote_cues.py``). Kinds: ``verb`` (key = lemma with
  its separable particle: "mitteilen", "fortfahren"), ``noun`` (heads of "nach Angaben X"),
  ``prep`` ("laut X", "X zufolge"), ``so`` (", so X"), ``wonach`` ("X, wonach …"),
  ``reported`` (verbs telling of a speech act without its words: "sprach von"; a key
  "verb+prep" holds the verb only with that preposition: "berichten+von").
* ``quotes_words_<lang>.tsv``: closed classes by kind: Konjunktiv forms, pronouns and
  their gender, person-role nouns used to resolve "der Minister" to a name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ..nlp.resources import data_lines


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    preps: frozenset[str]  # before the source: "laut", "according to"
    postps: frozenset[str]  # after the source: "zufolge"
    so: frozenset[str]  # ", so der Minister"
    advs: frozenset[str]  # "demnach": the adverb stands for its source
    whereby: frozenset[str]  # "X, wonach …": the clause after it is what X said
    reported: frozenset[str]  # verbs that tell of a speech act: "sprach von", "warnte vor"
    words: dict[str, frozenset[str]]

    def has(self, kind: str, word: str) -> bool:
        return word in self.words.get(kind, frozenset())


def _columns(name: str) -> list[list[str]]:
    return [line.split("\t") for line in data_lines(name)]


@cache
def load_lexicon(lang: str) -> Lexicon:
    by_kind: dict[str, set[str]] = defaultdict(set)
    for cols in _columns(f"quotes_cues_{lang}.tsv"):
        by_kind[cols[1]].add(cols[0])
    words: dict[str, set[str]] = defaultdict(set)
    for cols in _columns(f"quotes_words_{lang}.tsv"):
        words[cols[0]].update(cols[1].split())
    return Lexicon(
        lang=lang,
        verbs=frozenset(by_kind["verb"]),
        nouns=frozenset(by_kind["noun"]),
        preps=frozenset(by_kind["prep"]),
        postps=frozenset(by_kind["postp"]),
        so=frozenset(by_kind["so"]),
        advs=frozenset(by_kind["adv"]),
        reported=frozenset(by_kind["reported"]),
        whereby=frozenset(by_kind["wonach"]),
        words={k: frozenset(v) for k, v in words.items()},
    )
