"""Who did it and to whom: subject, objects and agent phrases of a German clause.

Without a parser, roles come from verb position and case marking: in a main clause the
subject stands before the finite verb (unless that slot holds a prepositional or genitive
phrase) or right after it; in a relative clause with a nominative pronoun it is the phrase
the pronoun refers to; in a passive clause the subject is the recipient and "von"/"durch"
names the actor. Pronouns take the latest earlier actor phrase.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .actors import ActorResolver, Word
from .clauses import NP, Clause, Tok
from .names import NameIndex

FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
PRONOUNS = frozenset({"er", "sie", "ihm", "ihn", "ihr", "ihnen"})
NOMINATIVE_RELATIVES = frozenset({"der", "die", "das", "welcher", "welche", "welches"})


@dataclass(slots=True)
class Role:
    """A role filler: the phrase in the clause, and the phrase it refers to (for pronouns)."""

    np: NP
    code: str | None
    referent: NP | None = None

    @property
    def start(self) -> int:
        return (self.referent or self.np).start

    @property
    def end(self) -> int:
        # "der Premierminister des Kosovos Hashim Thaçi": the attribute names the person too.
        np = self.referent or self.np
        return np.attribute.end if np.attribute is not None else np.end


def words(np: NP) -> list[Word]:
    toks = np.toks + (np.attribute.toks if np.attribute is not None else [])
    return [Word(t.text, t.lemma, t.tag) for t in toks]


class Roles:
    """Role finding over one document; remembers earlier actors for pronouns."""

    def __init__(self, resolver: ActorResolver, on: str | None = None) -> None:
        self.resolver = resolver
        self.on = on  # the publication date: which office a person held then
        self.history: list[Role] = []
        self.subjects: list[Role] = []
        self.names: NameIndex | None = None  # named people of the article, for role nouns

    def role(self, np: NP) -> Role:
        if np.head.tag == "PPER" and np.head.text.lower() in PRONOUNS:
            pool = self.subjects or self.history
            antecedent = pool[-1] if pool else None
            if antecedent is not None:
                return Role(np, antecedent.code, antecedent.referent or antecedent.np)
        code = self.code(np)
        named = self.names.coreferent(np, code) if self.names is not None else None
        return Role(np, code, named)

    def code(self, np: NP) -> str | None:
        return self.resolver.resolve(words(np), self.on)

    def actorish(self, np: NP) -> bool:
        head = np.head
        if head.tag in ("NE", "FM"):
            return True
        if head.tag == "PPER":
            return head.text.lower() not in ("es", "man")
        # The phrase itself must name an actor: "die Vorwürfe der Opposition" does not.
        own = [Word(t.text, t.lemma, t.tag) for t in np.toks]
        return self.resolver.resolve(own, self.on) is not None

    def remember(self, clause: Clause, subj: NP | None) -> None:
        for np in clause.nps:
            if np.genitive_of is None and np.head.tag != "PPER" and self.actorish(np):
                self.history.append(Role(np, self.code(np)))
        if subj is not None and subj.head.tag != "PPER" and self.actorish(subj):
            self.subjects.append(Role(subj, self.code(subj)))

    def countries_before(self, offset: int, count: int) -> list[Role]:
        """The latest distinct countries mentioned before ``offset`` (for "beide Länder")."""
        found: list[Role] = []
        for role in reversed(self.history):
            code = role.code
            if (
                role.np.start < offset
                and code in self.resolver.iso3
                and all(code != r.code for r in found)
            ):
                found.append(role)
            if len(found) == count:
                break
        return list(reversed(found))


def subject(clause: Clause, previous: Clause | None) -> NP | None:
    fin = clause.finite()
    if clause.kind == "rel":
        return _relative_subject(clause, previous)
    if fin is None:
        return None
    nominative = [np for np in clause.nps if np.may_be_nominative()]
    if clause.kind == "main":
        before = [np for np in nominative if np.end <= fin.start]
        if before:
            return before[0]
    after = [np for np in nominative if np.start >= fin.end or clause.kind == "sub"]
    shares = clause.joined and clause.kind == "sub" and clause.toks[-1].tag in FINITE_TAGS
    if shares or (
        clause.joined and previous is not None and (not after or _verb_right_after_and(clause))
    ):
        return None  # "… und forderte …": the subject is the one before "und"
    return after[0] if after else None


def _verb_right_after_and(clause: Clause) -> bool:
    return len(clause.toks) > 1 and clause.toks[1].tag in ("VVFIN", "VAFIN", "VMFIN")


def _relative_subject(clause: Clause, previous: Clause | None) -> NP | None:
    pronoun = next((t for t in clause.toks[:3] if t.tag == "PRELS"), None)
    own = [
        np
        for np in clause.nps
        if np.may_be_nominative() and (pronoun is None or np.start > pronoun.start)
    ]
    pronouns = [np for np in own if np.head.tag == "PPER"]
    governed = pronoun is not None and clause.toks[0].tag.startswith("APPR")
    if pronoun is None or pronoun.text.lower() not in NOMINATIVE_RELATIVES or pronouns or governed:
        candidates = pronouns or own
        return candidates[0] if candidates else None
    if previous is None or not previous.nps:
        return None
    return previous.nps[-1]


def conjuncts(nps: Sequence[NP], first: NP) -> list[NP]:
    """``first`` and the phrases joined to it by "und"/"sowie"."""
    out = [first]
    index = next(i for i, np in enumerate(nps) if np is first)
    for np in nps[index + 1 :]:
        if not np.after_and or (np.prep is not first.prep and np.prep is not None):
            break
        out.append(np)
    return out


def agent_phrase(clause: Clause, agent_preps: frozenset[str]) -> NP | None:
    return next(
        (np for np in clause.nps if np.prep is not None and np.prep.lemma.lower() in agent_preps),
        None,
    )


def objects(clause: Clause, exclude: Sequence[NP], after: Tok | None) -> list[NP]:
    """Plain (non-prepositional, non-genitive) phrases other than ``exclude``."""
    skip = {id(np) for np in exclude}
    out = []
    for np in clause.nps:
        if id(np) in skip or np.prep is not None or np.genitive_of is not None:
            continue
        if after is not None and np.start < after.start and clause.kind == "main":
            continue
        out.append(np)
    return out


def prepositional(clause: Clause, preps: Sequence[str], after: int = -1) -> NP | None:
    wanted = {p.lower() for p in preps}
    for np in clause.nps:
        if np.prep is not None and np.prep.lemma.lower() in wanted and np.start > after:
            return np
    return None
