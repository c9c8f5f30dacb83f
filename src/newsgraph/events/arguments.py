"""Who did it and to whom: subject, objects and agent phrases of a German clause.

Without a parser, roles come from verb position and case marking: in a main clause the
subject stands before the finite verb (unless that slot holds a prepositional or genitive
phrase) or right after it; in a relative clause with a nominative pronoun it is the phrase
the pronoun refers to; in a passive clause the subject is the recipient and "von"/"durch"
names the actor. Pronouns take the latest earlier actor phrase that agrees in number with
the verb ("sie demonstrierten" wants a plural antecedent). A name set off by commas after a
role phrase ("der Spitzenkandidat, Hans Muster,") is the role's span, as annotators give it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .actors import ActorResolver, Word
from .clauses import NP, Clause, Tok
from .names import NameIndex

FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
PRONOUNS = frozenset({"er", "sie", "ihm", "ihn", "ihr", "ihnen"})
SINGULAR_PRONOUNS = frozenset({"er", "ihm", "ihn"})
PLURAL_NAMES = frozenset({"usa", "grünen", "vereinten", "vereinigten", "niederlande"})
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
        # "der Regierungschef Estlands Kaja Kallas": the attribute names the person too.
        np = self.referent or self.np
        return np.attribute.end if np.attribute is not None else np.end


def _passive_clause(clause: Clause) -> bool:
    return any(t.lemma.lower() == "werden" for t in clause.toks if t.tag == "VAFIN") and any(
        t.tag == "VVPP" for t in clause.toks
    )


def _plural_pronoun(pronoun: Tok, finite: Tok | None) -> bool | None:
    """Whether the pronoun is plural: "ihnen" is, "er" is not; "sie" as its verb is."""
    low = pronoun.text.lower()
    if low == "ihnen":
        return True
    if low in SINGULAR_PRONOUNS:
        return False
    if low == "sie" and finite is not None and finite.start > pronoun.start - 40:
        return finite.text.lower().endswith("n")  # "sie demonstrierten", "sie sind"
    return None


PLURAL_DETERMINERS = frozenset({"beide", "beiden", "einige", "viele", "mehrere", "alle", "zwei"})
SINGULAR_DETERMINERS = frozenset({"der", "das", "ein", "eine", "dieser", "dieses"})


def plural_np(np: NP) -> bool | None:
    """A rough number guess, None when unsure: a noun that differs from its lemma
    ("Gruppierungen"), a number or "beide" before it, a plural name ("die USA") are plural;
    "der"/"ein" + noun and personal names are singular; "die Minister" is left open."""
    head, first = np.head, np.first.text.lower()
    counted = first.isdigit() or any(t.tag == "CARD" for t in np.toks[:2])
    if head.text.lower() in PLURAL_NAMES or first in PLURAL_DETERMINERS or counted:
        return True
    if head.tag in ("NE", "FM"):
        return False
    inflected = head.text.lower() != head.lemma.lower() and not head.text.endswith("s")
    if head.tag != "NN" or inflected:
        return True if head.tag == "NN" else None
    return False if first in SINGULAR_DETERMINERS else None


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
        self.agents: list[Role] = []  # subjects of active clauses: who did something
        self.names: NameIndex | None = None  # named people of the article, for role nouns
        self.sentences: list[list[Clause]] = []  # the article's sentences, as clauses
        self.current = -1  # index of the sentence being coded

    def start_sentence(self, found: list[Clause]) -> None:
        self.current = next(k for k, s in enumerate(self.sentences) if s is found)

    def _window(self, after: int = 0) -> list[list[Clause]]:
        return self.sentences[max(0, self.current - 1) : self.current + 1 + after]

    def recent_subject(self) -> Role | None:
        """The latest actor subject of this sentence or the one before (a passive without
        agent continues it: "X legte einen Bericht vor. Kritisiert wurde darin …")."""
        window = [c for s in self._window() for c in s]
        if not self.agents or not window:
            return None
        latest = self.agents[-1]
        return latest if latest.np.start >= window[0].start else None

    def security_forces(self, codes: frozenset[str]) -> Role | None:
        """A police or army phrase in this sentence or the ones on either side ("… wurde
        festgenommen. Dies gab die Polizei bekannt."), the latest first."""
        here, before = self._window()[-1], self._window()[:-1]
        after = self.sentences[self.current + 1 : self.current + 2]
        nearest_first = [*reversed([*before, here]), *after]
        window = [np for s in nearest_first for c in reversed(s) for np in reversed(c.nps)]
        for np in window:
            code = self.code(np) if np.genitive_of is None or np.prep is None else None
            if code and code[-3:] in codes:
                return Role(np, code)
        return None

    def role(self, np: NP, finite: Tok | None = None) -> Role:
        """The role ``np`` fills; ``finite`` (the clause's verb) picks a pronoun's antecedent."""
        if np.head.tag == "PPER" and np.head.text.lower() in PRONOUNS:
            antecedent = self._antecedent(np.head, finite)
            if antecedent is not None:
                return Role(np, antecedent.code, antecedent.referent or antecedent.np)
        if np.apposition is not None:
            return Role(np, self.code(np.apposition) or self.code(np), np.apposition)
        code = self.code(np)
        named = self.names.coreferent(np, code) if self.names is not None else None
        return Role(np, code, named)

    def _antecedent(self, pronoun: Tok, finite: Tok | None) -> Role | None:
        pool = self.subjects or self.history
        plural = _plural_pronoun(pronoun, finite)
        if plural is not None:
            agreeing = [r for r in pool[-3:] if plural_np(r.referent or r.np) in (plural, None)]
            if agreeing:
                return agreeing[-1]
        return pool[-1] if pool else None

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
            self.subjects.append(self.role(subj))
            if not _passive_clause(clause):
                self.agents.append(self.subjects[-1])

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
    """The "von"/"durch" phrase of a passive, not a "von" attribute of a common noun ("die
    Universität von Addis Abeba")."""
    ends = {
        np.end
        for np in clause.nps
        if np.toks[-1].tag == "NN" and (np.prep is not None or np.genitive_of is not None)
    }
    for np in clause.nps:
        prep = np.prep
        if prep is None or prep.lemma.lower() not in agent_preps:
            continue
        before = next((t for t in reversed(clause.toks) if t.end <= prep.start), None)
        if before is None or before.end not in ends:
            return np
    return None


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
