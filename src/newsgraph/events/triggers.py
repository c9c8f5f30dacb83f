"""Find event triggers in a German clause: lexicon verbs (separable ones joined with their
particle), event nouns (also inside compounds), and the light verb that carries a noun."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .clauses import NP, Clause, Tok
from .lexicon import Entry, Lexicon

VERB_TRIGGER_TAGS = frozenset({"VVFIN", "VVINF", "VVPP", "VVIZU", "ADJD"})


@dataclass(slots=True)
class Trigger:
    tok: Tok
    entry: Entry
    clause: Clause
    np: NP | None = None  # for nouns: the phrase the noun heads
    light: Tok | None = None  # for nouns: the light verb that carries it ("verhängte")
    particle: Tok | None = None  # for separable verbs: "auf" in "forderten … auf"

    @property
    def start(self) -> int:
        return min(self.tok.start, self.light.start if self.light else self.tok.start)

    @property
    def end(self) -> int:
        return max(self.tok.end, self.light.end if self.light else self.tok.end)

    @property
    def is_noun(self) -> bool:
        return self.np is not None


def _needs_met(entry: Entry, clause: Clause) -> bool:
    if not entry.needs and not entry.unless:
        return True
    present = clause.words() | {t.lemma.lower() for t in clause.toks}
    if entry.unless and _any_present(entry.unless, present):
        return False  # "ein Erdbeben forderte 65 Todesopfer" demands nothing
    return not entry.needs or _any_present(entry.needs, present)


def _any_present(words: frozenset[str], present: set[str]) -> bool:
    if any(w in present or w.lower() in present for w in words):
        return True
    # Compounds: "Warnstreiks" satisfies "Streik".
    long_words = [w.lower() for w in words if len(w) > 4]
    return any(p.endswith(w) or p.endswith(w + "s") for p in present for w in long_words)


def _choose(entries: list[Entry], clause: Clause) -> Entry | None:
    return next((e for e in entries if _needs_met(e, clause)), None)


class TriggerFinder:
    def __init__(self, lexicon: Lexicon, rules: dict[str, Any]) -> None:
        self.lexicon = lexicon
        self.blocked_preps = frozenset(rules["blocked_noun_preps"])
        self.light_verbs = frozenset(rules["light_verbs"])

    def verb_lemma(self, tok: Tok, clause: Clause) -> tuple[str, Tok | None]:
        particle = clause.particle()
        if tok.tag == "VVFIN" and particle is not None and particle.start > tok.start:
            return particle.lemma.lower() + tok.lemma.lower(), particle
        return tok.lemma.lower(), None

    def in_clause(self, clause: Clause) -> list[Trigger]:
        found = [t for t in (self._verb(tok, clause) for tok in clause.toks) if t]
        found += [t for t in (self._noun(np, clause) for np in clause.nps) if t]
        # An event noun next to an event verb is that verb's content ("forderte das Verbot").
        has_verb = any(not t.is_noun for t in found)
        return [t for t in found if not (t.is_noun and has_verb)]

    def _verb(self, tok: Tok, clause: Clause) -> Trigger | None:
        if tok.tag not in VERB_TRIGGER_TAGS:
            return None
        lemma, particle = self.verb_lemma(tok, clause)
        entry = _choose(self.lexicon.verb(lemma), clause)
        if entry is None and tok.tag == "VVPP" and tok.text.lower() != tok.lemma.lower():
            entry = _choose(self.lexicon.verb(tok.lemma.lower()), clause)
        return Trigger(tok, entry, clause, particle=particle) if entry else None

    def _noun(self, np: NP, clause: Clause) -> Trigger | None:
        head = np.head
        if head.tag != "NN" or np.genitive_of is not None:
            return None
        if np.prep is not None and np.prep.lemma.lower() in self.blocked_preps:
            return None
        entry = _choose(self.lexicon.noun(head.lemma), clause)
        if entry is None:
            return None
        return Trigger(head, entry, clause, np=np, light=self._light_verb(np, clause))

    def _light_verb(self, np: NP, clause: Clause) -> Tok | None:
        """The verb of which the event noun is the object, when it only carries it."""
        if np.prep is not None:
            return None
        for tok in clause.toks:
            if (
                tok.tag.startswith("VV")
                and tok.lemma.lower() in self.light_verbs
                and abs(tok.start - np.start) < 60
            ):
                return tok
        return None
