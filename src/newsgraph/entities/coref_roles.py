"""Role descriptions as mentions of the person they describe.

"der russische Präsident Wladimir Putin" (a description right before a name) links the
description to that person; a description on its own ("fuhr der russische Präsident fort",
"die Ministerin") then goes to

1. the person an appositive with the same office noun named (nearest before, else after),
   where the countries agree;
2. else a person whose KB code on the article's date is the description's country + role
   ("der russische Präsident" -> RUSGOV -> Putin, not Schoigu, RUSMIL), nearest before.

Only definite singular descriptions count ("der", "des", "dem", "den", "die" + singular, or
a genitive country: "Russlands Verteidigungsminister"); "ein General" names nobody.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..kb import KnowledgeBase
from ..model import Document

if TYPE_CHECKING:
    from .coref import Cluster

Mention = tuple[int, int]
DEFINITE = frozenset({"der", "die", "des", "dem", "den"})
# Words a description may hold between its article and its noun.
_MODIFIER_TAGS = frozenset({"ADJA", "PPOSAT", "PIAT", "CARD"})
_ARTICLE_TAGS = frozenset({"ART", "PDAT"})


@dataclass(frozen=True, slots=True)
class Description:
    span: Mention
    noun: str  # the office noun as written ("Präsidenten")
    code: str | None  # country + role where the phrase gives both ("RUSGOV")
    definite: bool
    named: Cluster | None  # the person an appositive name right after it gives


def role_mentions(
    doc: Document,
    kb: KnowledgeBase,
    persons: Sequence[Cluster],
    taken: Sequence[Mention],
) -> list[tuple[Cluster, Mention]]:
    """(person, span) for each description that refers to one of ``persons`` (whose
    codes are those valid on the article's date)."""
    if doc.doc is None or not persons:
        return []
    descriptions = _descriptions(list(doc.doc), kb, persons, taken)
    out = []
    for desc in descriptions:
        target = desc.named or _antecedent(desc, descriptions, persons, kb)
        if target is not None:
            out.append((target, desc.span))
    return out


def _descriptions(
    tokens: list[Token], kb: KnowledgeBase, persons: Sequence[Cluster], taken: Sequence[Mention]
) -> list[Description]:
    covered = _covered(tokens, taken)
    starts = {s: c for c in persons for s, _ in c.mentions}
    out = []
    for i, tok in enumerate(tokens):
        if tok.tag_ != "NN" or i in covered or not kb.roles.is_person(tok.text):
            continue
        first = _phrase_start(tokens, i, covered)
        words = [t.text for t in tokens[first : i + 1]]
        genitive = tokens[first - 1] if first > 0 and first - 1 in covered else None
        country_words = [genitive.text] if genitive is not None else []
        country_words += _genitive_after(tokens, i, covered)
        article = tokens[first].text.casefold() if tokens[first].tag_ in _ARTICLE_TAGS else ""
        definite = (article in DEFINITE and not _plural(article, tok.text)) or bool(country_words)
        named = starts.get(tokens[i + 1].idx) if i + 1 < len(tokens) else None
        span = (tokens[first].idx, tok.idx + len(tok.text))
        code = kb.phrase_code([*country_words, *words])
        out.append(Description(span, tok.text, code, definite, named))
    return out


def _covered(tokens: list[Token], spans: Sequence[Mention]) -> set[int]:
    """Indices of the tokens that start inside one of ``spans``."""
    starts = [t.idx for t in tokens]
    out: set[int] = set()
    for start, end in spans:
        out.update(range(bisect_left(starts, start), bisect_left(starts, end)))
    return out


def _phrase_start(tokens: list[Token], noun: int, covered: set[int]) -> int:
    first = noun
    while first > 0 and first - 1 not in covered:
        prev = tokens[first - 1]
        if prev.tag_ in _MODIFIER_TAGS:
            first -= 1
            continue
        if prev.tag_ in _ARTICLE_TAGS:
            first -= 1
        break
    return first


def _genitive_after(tokens: list[Token], noun: int, covered: set[int]) -> list[str]:
    """ "der Präsident der Ukraine": the country after the noun."""
    after = noun + 2
    if after in covered and tokens[noun + 1].text.casefold() in ("der", "des"):
        return [tokens[after].text]
    return []


def _plural(article: str, noun: str) -> bool:
    """ "die Präsidenten", "die Ministerinnen": plural, not one person."""
    low = noun.casefold()
    return article == "die" and (low.endswith("innen") or low.endswith("en"))


def _antecedent(
    desc: Description,
    descriptions: Sequence[Description],
    persons: Sequence[Cluster],
    kb: KnowledgeBase,
) -> Cluster | None:
    if not desc.definite:
        return None
    named = [d for d in descriptions if d.named is not None and _same_office(desc, d, kb)]
    if named:
        before = [d for d in named if d.span[0] < desc.span[0]]
        chosen = before[-1] if before else named[0]
        return chosen.named
    if not desc.code or len(desc.code) < 6:
        return None
    fitting = [c for c in persons if c.code and c.code.startswith(desc.code)]
    return _nearest_before(fitting, desc.span[0])


def _same_office(desc: Description, other: Description, kb: KnowledgeBase) -> bool:
    """Same office noun ("Präsident"/"Präsidenten"; "die Ministerin" for the
    "Außenministerin" named) and no disagreement about the country. A compound in the
    description is an office of its own: "der frühere EU-Ratspräsident" is not the
    "Präsident Andrzej Duda" named later."""
    if desc.code and other.code and desc.code[:3] != other.code[:3]:
        return False
    a, b = _stem(desc.noun, kb), _stem(other.noun, kb)
    return a == b or b.endswith(a)


def _stem(noun: str, kb: KnowledgeBase) -> str:
    low = noun.casefold().rsplit("-", 1)[-1]
    for ending in ("innen", "in", "en", "es", "n", "s"):
        if low.endswith(ending) and kb.roles.is_person(low[: -len(ending)]):
            return low[: -len(ending)]
    return low


def _nearest_before(candidates: Sequence[Cluster], offset: int) -> Cluster | None:
    if not candidates:
        return None
    scored = [(max((s for s, _ in c.mentions if s < offset), default=-1), c) for c in candidates]
    best = max(scored, key=lambda pair: pair[0])
    if best[0] >= 0 or len(candidates) == 1:
        return best[1]
    return min(candidates, key=lambda c: c.first)
