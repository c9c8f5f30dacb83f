"""Reported accusations: "X sagte, Y wolle die Grenzen überschreiten und Z versuche, …".

A speaker who reports that another actor oversteps, provokes or destabilises accuses that
actor (CAMEO 112, PLOVER ACCUSE), although no accusing verb is used. Coded only when the
reported clause holds a verb of transgression (``transgression_verbs`` in the rules file)
and its subject is not the speaker; every subject of that reported statement (the clauses
after the speech clause, up to the sentence end) is a recipient.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .arguments import Role, Roles
from .clauses import NP, Clause, Tok

SubjectFn = Callable[[Clause, "Clause | None"], "NP | None"]


def reported_accusation(
    found: Sequence[Clause],
    is_speech: Callable[[Clause], bool],
    subject: SubjectFn,
    roles: Roles,
    verbs: frozenset[str],
) -> tuple[Role, list[Role], Tok] | None:
    """(speaker, accused, the transgression verb) for the sentence, or None."""
    speech = next((k for k, c in enumerate(found) if is_speech(c)), None)
    if speech is None:
        return None
    speaker_np = subject(found[speech], found[speech - 1] if speech else None)
    content = [c for c in found[speech + 1 :] if c.kind in ("main", "sub", "inf")]
    verb = next((t for c in content for t in c.toks if _transgression(t, verbs)), None)
    if speaker_np is None or verb is None:
        return None
    speaker = roles.role(speaker_np, found[speech].finite())
    accused = []
    for k, clause in enumerate(content):
        np = subject(clause, content[k - 1] if k else None)
        if np is not None and roles.actorish(np) and np is not speaker_np:
            role = roles.role(np, clause.finite())
            if not _same_country(role.code, speaker.code, roles.resolver.iso3):
                accused.append(role)
    return (speaker, accused, verb) if accused else None


def _transgression(tok: Tok, verbs: frozenset[str]) -> bool:
    return tok.tag.startswith("VV") and tok.lemma.lower() in verbs


def _same_country(a: str | None, b: str | None, countries: frozenset[str]) -> bool:
    """Both codes name the same country: one's own side is not accused."""
    return bool(a and b and a[:3] == b[:3] and a[:3] in countries)
