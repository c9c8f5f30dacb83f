"""Is a country or capital named as a place, or as the state acting ("Washington versuche")?

No German parser is on reach, so the subject is read off word order: a name (or names joined
by "und") that opens a clause and is followed by a finite verb, or that follows the finite
verb of a main clause ("Am Mittwoch kritisierte Peking ..."); a genitive before a noun
("Russlands Verteidigungsminister") is the state too. A locative preposition wins over all
of these ("in Moskau"). Copulas and verbs of location keep the place reading
("Berlin liegt an der Spree"); "haben"/"werden" count only as auxiliaries of a later verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .cues import Cues
from .matcher import Hit, after_locative

METONYM_KINDS = frozenset({"country", "capital"})


def groups(tokens: Sequence[Token], hits: Sequence[Hit], cues: Cues) -> list[list[int]]:
    """Indices of hits joined by one coordinator each: "Moskau und Peking", "A, B und C"."""
    out: list[list[int]] = []
    for k, hit in enumerate(hits):
        if out:
            prev = hits[out[-1][-1]]
            gap = tokens[prev.last + 1 : hit.first]
            if len(gap) == 1 and gap[0].text.casefold() in cues.coordinators:
                out[-1].append(k)
                continue
        out.append([k])
    return out


def _agentive(tokens: Sequence[Token], k: int, sent_end: int, cues: Cues) -> bool:
    if not 0 <= k < len(tokens) or tokens[k].tag_ not in cues.finite_tags:
        return False
    lemma = tokens[k].lemma_.casefold()
    if lemma in cues.stative_verbs:
        return False
    if lemma in cues.auxiliaries:
        return any(
            t.tag_ in cues.verb_tail_tags and t.lemma_.casefold() not in cues.stative_verbs
            for t in tokens[k + 1 :]
            if t.idx < sent_end
        )
    return True


def is_actor(
    tokens: Sequence[Token],
    span: tuple[int, int],
    sentence: tuple[int, int],
    cues: Cues,
) -> bool:
    """Is the token span (first, last) a subject? ``sentence`` holds its (start, end) chars."""
    first, last = span
    if after_locative(tokens, first, cues):
        return False
    before = tokens[first - 1].text.casefold() if first > 0 else ""
    if before in cues.relational:
        return True
    opens = first == 0 or tokens[first].idx <= sentence[0] or before in cues.clause_openers
    if opens and _agentive(tokens, last + 1, sentence[1], cues):
        return True
    if before in cues.subordinators and _agentive(
        tokens, _final_verb(tokens, last + 1, sentence[1]), sentence[1], cues
    ):
        return True
    return (
        first > 0
        and tokens[first - 1].idx >= sentence[0]
        and _agentive(tokens, first - 1, sentence[1], cues)
    )


def _final_verb(tokens: Sequence[Token], k: int, sent_end: int) -> int:
    """The finite verb closing a verb-final clause that runs from k, or -1."""
    while k < len(tokens) and tokens[k].idx < sent_end and not tokens[k].is_punct:
        if tokens[k].tag_ in ("VVFIN", "VMFIN", "VAFIN"):
            return k
        k += 1
    return -1


def second_argument(tokens: Sequence[Token], hit: Hit, previous: Hit | None, cues: Cues) -> bool:
    """ "dass Peking Moskau ... unterstützt": a bare name right after an acting name."""
    return (
        previous is not None
        and previous.last + 1 == hit.first
        and not after_locative(tokens, previous.first, cues)
    )


def genitive_actor(tokens: Sequence[Token], hit: Hit) -> bool:
    """ "Russlands Verteidigungsminister", "Chinas Hilfe": the state as possessor."""
    nxt = hit.last + 1
    return hit.genitive and nxt < len(tokens) and tokens[nxt].pos_ in ("NOUN", "ADJ", "PROPN")
