"""Tone lexicons, and German compounds that take the value of their head.

German news coins compounds freely ("Raketenangriff", "Bombenanschlag", "Flutkatastrophe"), far
more than any lexicon can list, and the last part of a German compound decides what it is: a
"Raketenangriff" is an attack. So a noun missing from the lexicon takes the value of its
longest lexicon noun that ends it. Only nouns written capitalised in the lexicon file can be
heads: a verb entry such as "retten" would otherwise colour "Zigaretten".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..data_files import data_lines, word_set

MIN_HEAD = 4  # shorter heads end too many unrelated words ("Tod" in "Methode" is no death)
MIN_MODIFIER = 3  # "Un-" + "sicherheit" is no compound but the opposite of its "head"
# Modifiers that negate their head: a "Misserfolg" is no success.
NEGATING_MODIFIERS = frozenset({"miss", "nicht"})
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})


def _key(lemma: str) -> str:
    # HanTa often gives the pre-1996 spelling ("Kompromiß", "Mißtrauen"): compare without "ß".
    return lemma.lower().replace("ß", "ss")


@dataclass(frozen=True, slots=True)
class Lexicon:
    values: dict[str, float]  # lower-cased lemma -> polarity * weight
    heads: frozenset[str]  # the nouns among them, which may end a compound
    # Written only as nouns: "Fest" (a party) says nothing of the adjective "fest" (firm).
    nouns_only: frozenset[str]
    # Neutral nouns that end in a lexicon noun ("Vereinigung" is no "Einigung"); a compound
    # that ends in one of them is neutral too ("Autorenvereinigung").
    neutral_heads: frozenset[str]

    def value(self, lemma: str, pos: str) -> float:
        """The tone value of a lemma under its part of speech (0.0 when it has none)."""
        key = _key(lemma)
        if "-" in key:
            # "Ukraine-Konflikt", "Gaza-Krieg": the part after the last hyphen is the head.
            last = key.rsplit("-", 1)[-1]
            return self.values.get(last) or self.compound_value(last)
        # Function words never carry tone, whatever their lemma ("einige" -> "einig").
        if pos not in CONTENT_POS or (pos != "NOUN" and key in self.nouns_only):
            return 0.0
        found = self.values.get(key)
        if found is not None:
            return found
        return self.compound_value(key) if pos == "NOUN" else 0.0

    def compound_value(self, lemma: str) -> float:
        if lemma in self.neutral_heads:
            return 0.0
        # The longest head wins: a "Flugzeugabsturz" is an "Absturz", not a "Sturz".
        for start in range(MIN_MODIFIER, len(lemma) - MIN_HEAD + 1):
            head = lemma[start:]
            if head in self.neutral_heads:
                return 0.0
            if head in self.heads:
                return 0.0 if lemma[:start] in NEGATING_MODIFIERS else self.values[head]
        return 0.0


@cache
def load_lexicon(lang: str) -> Lexicon:
    neutral = word_set(f"tone_neutral_heads_{lang}.txt") if lang == "de" else frozenset()
    return build_lexicon(data_lines(f"tone_lexicon_{lang}.tsv"), lang, neutral)


def build_lexicon(rows: Iterable[str], lang: str, neutral_heads: Iterable[str] = ()) -> Lexicon:
    """A lexicon from ``lemma<TAB>polarity<TAB>weight`` rows (comments already dropped)."""
    values: dict[str, float] = {}
    heads: set[str] = set()
    written_lower: set[str] = set()
    for row in rows:
        lemma, polarity, weight = row.split("\t")
        key = _key(lemma)
        values[key] = int(polarity) * float(weight)
        if lang == "de" and lemma[:1].isupper():
            heads.add(key)
        else:
            written_lower.add(key)
    neutral = frozenset(_key(w) for w in neutral_heads)
    return Lexicon(values, frozenset(heads), frozenset(heads - written_lower), neutral)
