"""Reported events: who claims an event (a quote's speaker, "laut X", "X sagte, …")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..model import Document
from .arguments import Roles
from .clauses import NP, Clause

SubjectFn = Callable[[Clause, "Clause | None"], "NP | None"]


class Reporter:
    def __init__(self, doc: Document, rules: dict[str, Any]) -> None:
        self.doc = doc
        self.speech = frozenset(rules["speech_verbs"])
        self.cues = frozenset(rules["report_cues"])

    def _span(self, start: int, end: int, entity: Any = None) -> dict[str, Any]:
        return {"entity": entity, "start": start, "end": end, "text": self.doc.text[start:end]}

    def from_quotes(self, at: int) -> dict[str, Any] | None:
        for quote in self.doc.quotes:
            speaker = quote.get("speaker")
            if speaker and quote.get("kind") == "indirect" and quote["start"] <= at < quote["end"]:
                return self._span(int(speaker["start"]), int(speaker["end"]), speaker.get("entity"))
        return None

    def is_speech(self, clause: Clause) -> bool:
        particle = clause.particle()
        for tok in clause.toks:
            if not tok.tag.startswith("VV"):
                continue
            lemma = tok.lemma.lower()
            if lemma in self.speech or (
                particle is not None and particle.lemma.lower() + lemma in self.speech
            ):
                return True
        return False

    def from_cue(self, clauses: Sequence[Clause]) -> dict[str, Any] | None:
        for clause in clauses:
            for np in clause.nps:
                if np.prep is not None and np.prep.lemma.lower() in self.cues:
                    return self._span(np.start, np.end)
                if np.head.lemma.lower() == "angabe":
                    owner = next(
                        (
                            n
                            for n in clause.nps
                            if n.genitive_of is np or (n.prep is not None and n.start == np.end + 1)
                        ),
                        None,
                    )
                    if owner is not None:
                        return self._span(owner.start, owner.end)
        return None

    def reporter(
        self, clause: Clause, clauses: Sequence[Clause], at: int, roles: Roles, subject: SubjectFn
    ) -> dict[str, Any] | None:
        found = self.from_quotes(at)
        if found:
            return found
        if not self.is_speech(clause):
            for k, other in enumerate(clauses):
                if other is not clause and self.is_speech(other):
                    speaker = subject(other, clauses[k - 1] if k else None)
                    if speaker is not None:
                        role = roles.role(speaker)
                        return self._span(role.start, role.end)
        return self.from_cue(clauses)
