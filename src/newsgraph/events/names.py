"""Role descriptions that name a person given elsewhere in the article.

"Der Umweltminister" after "Umweltminister Jean-Louis Borloo", or "der russische Präsident"
when "Wladimir Putin" (coded RUSGOV on the article's date) appears: the event's actor is
that person, and its span is the name, as an annotator would give it. Only the safe link
is made: a personal name coded with the same country and role as the description.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .clauses import NP, Clause

NAME_TAGS = frozenset({"NE", "FM"})


class NameIndex:
    def __init__(self, clauses: Iterable[Clause], code: Callable[[NP], str | None]) -> None:
        self.names: list[tuple[NP, str | None]] = []
        for clause in clauses:
            self.names.extend((np, code(np)) for np in clause.nps if _person(np))

    def coreferent(self, np: NP, code: str | None) -> NP | None:
        """The named phrase ``np`` (a role description without a name) refers to."""
        if any(t.tag in NAME_TAGS for t in np.toks) or np.head.tag != "NN":
            return None
        if not code or len(code) != 6:
            return None  # a country and a role are both needed: "der russische Präsident"
        head = np.head.lemma.lower()
        same_code = [n for n, c in self.names if c == code and _same_role(n, head)]
        return _nearest(same_code, np) if same_code else None


def _person(np: NP) -> bool:
    """A personal name: two name words, or a name right after a role noun."""
    tags = [t.tag for t in np.toks]
    return tags.count("NE") >= 2 or ("NN" in tags and tags[-1] == "NE")


def _same_role(name: NP, head: str) -> bool:
    """A name with a role noun must have this one ("Präsident Putin" for "der Präsident");
    a bare name ("Wladimir Putin") is coded from the dictionary of office holders."""
    nouns = {t.lemma.lower() for t in name.toks if t.tag == "NN"}
    return not nouns or head in nouns


def _nearest(candidates: list[NP], np: NP) -> NP:
    """The closest name before the phrase, else the first one after it."""
    before = [n for n in candidates if n.start < np.start]
    return before[-1] if before else candidates[0]
