"""Actor and recipient of one trigger: verbs (active, passive, reciprocal) and event nouns
(genitive or "von" attribute, "zwischen X und Y", the clause subject)."""

from __future__ import annotations

from typing import Any

from .arguments import Role, Roles, agent_phrase, conjuncts, objects, prepositional
from .clauses import NP, Clause
from .triggers import Trigger

Slots = list[Role | None]
JOINT_TYPES = frozenset({"COOPERATE", "CONSULT", "AGREE"})
PATIENT_TYPES = frozenset({"ASSAULT", "COERCE"})


class RoleAssigner:
    def __init__(self, rules: dict[str, Any]) -> None:
        self.rules = rules
        self.agent_preps = frozenset(rules["agent_preps"])
        self.reciprocal = frozenset(rules["reciprocal_words"])
        self.joint = frozenset(rules["joint_words"])

    def assign(
        self, clause: Clause, subj: NP | None, trig: Trigger, roles: Roles
    ) -> tuple[Slots, Slots, str]:
        """(actors, recipients, how): one event per actor x recipient pair."""
        if trig.np is not None:
            return self._noun(clause, subj, trig, trig.np, roles)
        if passive(clause, trig, self.rules):
            agent = agent_phrase(clause, self.agent_preps)
            patient = trig.entry.type in PATIENT_TYPES
            target = subj if subj is not None and (patient or roles.actorish(subj)) else None
            actors = roles_of(roles, clause, agent) if agent else self._implicit(trig, roles)
            return actors, roles_of(roles, clause, target), "+passive"
        joint = trig.entry.type in JOINT_TYPES
        actors = self._actors(clause, subj, roles, joint=joint)
        partner = self._partner(subj, roles) if joint else None
        if partner is not None:
            return actors, partner, "+reciprocal"
        if joint and self._together(clause) and len(actors) == 2:
            return actors[:1], actors[1:], "+reciprocal"
        return actors, roles_of(roles, clause, self._object(clause, subj, trig, roles)), ""

    def _implicit(self, trig: Trigger, roles: Roles) -> Slots:
        """The actor of a passive without agent: for statements, the speaker the text is
        about ("X legte einen Bericht vor. Kritisiert wurde darin …"); for arrests, the
        police or army named nearby; otherwise none."""
        kind = trig.entry.type
        found = None
        court = prepositional(trig.clause, self.rules["court_preps"].get(kind, []))
        if court is not None and roles.actorish(court):
            return [roles.role(court)]  # "ist vor dem Tribunal angeklagt"
        if kind in self.rules["passive_speaker_types"]:
            found = roles.recent_subject()
        elif kind in self.rules["passive_force_types"]:
            found = roles.security_forces(frozenset(self.rules["force_codes"]))
        return [found]

    def _object(self, clause: Clause, subj: NP | None, trig: Trigger, roles: Roles) -> NP | None:
        # Victims of attacks and arrests need not be named actors ("drei Verdächtige").
        patient = not trig.entry.genitive_is_actor and trig.entry.type in PATIENT_TYPES
        skip = conjuncts(clause.nps, subj) if subj is not None and subj in clause.nps else []
        found = [
            np for np in objects(clause, skip, clause.finite()) if patient or roles.actorish(np)
        ]
        if found:
            return found[0]
        preps = self.rules["recipient_preps"].get(trig.entry.type, [])
        np = prepositional(clause, preps)
        return np if np is not None and (patient or roles.actorish(np)) else None

    def _actor_like(self, np: NP, roles: Roles) -> bool:
        return roles.actorish(np) or self._is_reciprocal(np)

    def _together(self, clause: Clause) -> bool:
        return any(t.lemma.lower() in self.joint for t in clause.toks)

    def _is_reciprocal(self, subj: NP | None) -> bool:
        return subj is not None and any(t.lemma.lower() in self.reciprocal for t in subj.toks[:2])

    def _actors(self, clause: Clause, subj: NP | None, roles: Roles, *, joint: bool) -> Slots:
        if subj is None:
            return [None]
        if self._is_reciprocal(subj):
            countries = roles.countries_before(subj.start, 2)
            if len(countries) == 2 and joint:
                return [Role(subj, countries[0].code)]
            if len(countries) == 2:  # "beide Länder fordern": each country acts
                return [Role(subj, c.code, c.np) for c in countries]
        return roles_of(roles, clause, subj)

    def _partner(self, subj: NP | None, roles: Roles) -> Slots | None:
        """For "beide Länder" doing something together: the second of the two countries."""
        if not self._is_reciprocal(subj):
            return None
        assert subj is not None
        countries = roles.countries_before(subj.start, 2)
        return [Role(countries[1].np, countries[1].code)] if len(countries) == 2 else None

    def _noun(
        self, clause: Clause, subj: NP | None, trig: Trigger, noun: NP, roles: Roles
    ) -> tuple[Slots, Slots, str]:
        following = clause.nps[clause.nps.index(noun) + 1 :]
        between = next((np for np in following[:2] if _prep(np) == "zwischen"), None)
        if between is not None:
            pair = conjuncts(clause.nps, between)
            return [roles.role(pair[0])], [roles.role(p) for p in pair[1:]] or [None], "+zwischen"
        attribute = next(
            (np for np in following[:1] if np.genitive_of is noun or _prep(np) == "von"), None
        )
        by_actor = trig.entry.genitive_is_actor
        actor_np = attribute if by_actor else None
        recipient_np = attribute if not by_actor else None
        if (
            actor_np is None
            and subj is not None
            and subj is not noun
            and self._actor_like(subj, roles)
        ):
            joint = trig.entry.type in JOINT_TYPES and recipient_np is None
            partner = self._partner(subj, roles) if joint else None
            if partner is not None:
                actors = self._actors(clause, subj, roles, joint=True)
                return actors, partner, "+noun+reciprocal"
            actors = roles_of(roles, clause, subj)
            if joint and self._together(clause) and len(actors) == 2:
                return actors[:1], actors[1:], "+noun+reciprocal"
            actor_np = subj
        if recipient_np is None:
            preps = self.rules["recipient_preps"].get(trig.entry.type, [])
            recipient_np = prepositional(clause, preps, noun.start)
        return roles_of(roles, clause, actor_np), roles_of(roles, clause, recipient_np), "+noun"


def _prep(np: NP) -> str | None:
    return np.prep.lemma.lower() if np.prep is not None else None


def roles_of(roles: Roles, clause: Clause, np: NP | None) -> Slots:
    """The role of ``np`` and of each phrase joined to it by "und"."""
    if np is None:
        return [None]
    if np not in clause.nps:
        return [roles.role(np, clause.finite())]
    return [roles.role(n, clause.finite()) for n in conjuncts(clause.nps, np)]


def passive(clause: Clause, trig: Trigger, rules: dict[str, Any]) -> bool:
    """werden + participle; sein + participle unless the verb forms its perfect with sein;
    a predicative trigger with a passive verb ("wurde für illegal erklärt")."""
    if trig.tok.tag == "ADJD":
        return any(t.tag == "VVPP" for t in clause.toks) and any(
            t.lemma.lower() == "werden" for t in clause.toks if t.tag.startswith("VA")
        )
    if trig.tok.tag != "VVPP":
        return False
    aux = {t.lemma.lower() for t in clause.toks if t.tag.startswith("VA")}
    if "werden" in aux:
        return True
    return "sein" in aux and trig.entry.lemma not in rules["sein_perfect"] and "haben" not in aux
