"""German clause structure from STTS tags, punctuation and verb position (no parser).

A sentence is cut into clauses at commas, colons and semicolons, and at "und"/"aber" where
both sides hold a finite verb; pieces without a verb (lists, appositions) rejoin the clause
before them. Each clause knows its kind (main, subordinate, relative, infinitive), its verbs
and separable particles, and its noun phrases with a rough case guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"})
VERB_TAGS = frozenset(
    {"VVFIN", "VAFIN", "VMFIN", "VVINF", "VVPP", "VVIZU", "VAINF", "VAPP", "VMINF", "VMPP"}
)
NP_TAGS = frozenset(
    {"ART", "PDAT", "PIAT", "PIDAT", "PPOSAT", "ADJA", "CARD", "NN", "NE", "FM", "TRUNC", "PWAT"}
)
HEAD_TAGS = frozenset({"NN", "NE", "FM"})
SUBORDINATORS = frozenset({"KOUS", "KOUI", "PWAV", "PWS"})
RELATIVES = frozenset({"PRELS", "PRELAT"})
NON_NOMINATIVE = frozenset(
    {
        "den",
        "dem",
        "einem",
        "einen",
        "des",
        "eines",
        "diesem",
        "diesen",
        "seinen",
        "seinem",
        "ihren",
        "ihrem",
        "unseren",
        "keinen",
        "keinem",
        "allen",
    }
)
GENITIVE = frozenset({"des", "eines", "dieses", "seines", "ihres"})


@dataclass(frozen=True, slots=True)
class Tok:
    i: int  # index within the sentence
    text: str
    lemma: str
    tag: str
    start: int
    end: int


@dataclass(slots=True)
class NP:
    toks: list[Tok]
    prep: Tok | None = None  # governing preposition
    genitive_of: NP | None = None  # attached as a genitive to this NP
    after_and: bool = False  # "X und Y": Y follows "und"/"sowie" directly after X
    attribute: NP | None = None  # its genitive attribute ("der Premier *des Landes*")
    apposition: NP | None = None  # a name set off by commas: "der Premier, *Hashim Thaçi*,"
    apposition_of: NP | None = None  # the phrase this name is an apposition to

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end

    @property
    def head(self) -> Tok:
        heads = [t for t in self.toks if t.tag in HEAD_TAGS or t.tag in ("PPER", "PIS", "PDS")]
        nouns = [t for t in heads if t.tag == "NN"]
        return nouns[-1] if nouns else heads[-1] if heads else self.toks[-1]

    @property
    def first(self) -> Tok:
        return self.toks[0]

    def may_be_nominative(self) -> bool:
        return (
            self.prep is None
            and self.genitive_of is None
            and self.apposition_of is None
            and self.first.text.lower() not in NON_NOMINATIVE
        )

    def is_genitive(self) -> bool:
        return self.first.text.lower() in GENITIVE or self.genitive_of is not None


@dataclass(slots=True)
class Clause:
    toks: list[Tok]
    kind: str  # "main" | "sub" | "rel" | "inf"
    joined: bool = False  # begins with a coordinating conjunction (shares the subject before)
    nps: list[NP] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end

    def finite(self) -> Tok | None:
        return next((t for t in self.toks if t.tag in FINITE), None)

    def particle(self) -> Tok | None:
        return next((t for t in reversed(self.toks) if t.tag == "PTKVZ"), None)

    def words(self) -> set[str]:
        return {t.text.lower() for t in self.toks} | {t.text for t in self.toks}


def _has_verb(toks: Sequence[Tok]) -> bool:
    return any(t.tag in VERB_TAGS for t in toks)


def _has_finite(toks: Sequence[Tok]) -> bool:
    return any(t.tag in FINITE for t in toks)


DASHES = frozenset({"–", "—", "-"})


def _pieces(toks: Sequence[Tok]) -> list[list[Tok]]:
    """Pieces between commas, colons and semicolons. A clause set off by dashes ("als
    Studenten – nachdem sie … hatten – Gebäude stürmten") becomes a piece of its own, placed
    after the piece it interrupts, which is joined again around it."""
    pieces: list[list[Tok]] = [[]]
    inserted: list[list[Tok]] = []
    inside: list[Tok] | None = None
    for tok in toks:
        if tok.tag == "$(" and tok.text in DASHES:
            if inside is None:
                inside = []
                continue
            if _has_finite(inside):
                inserted.append(inside)
            else:
                pieces[-1].extend(inside)
            inside = None
        elif inside is not None:
            inside.append(tok)
        elif tok.tag == "$," or tok.text in (";", ":"):
            pieces.extend([*inserted, []])
            inserted = []
        elif tok.tag != "$.":
            pieces[-1].append(tok)
    pieces[-1].extend(inside or [])
    pieces.extend(inserted)
    return [p for p in pieces if p]


INFINITIVES = {"VVINF": "VVFIN", "VAINF": "VAFIN", "VMINF": "VMFIN"}
RELATIVE_FORMS = frozenset({"der", "die", "das", "dem", "den", "denen", "deren", "dessen"})


def _subordinator(piece: list[Tok]) -> list[Tok]:
    """Fix two tagger slips in a verb-final piece: "als" opening it is the conjunction, not a
    preposition; "bei der …", "mit denen …" open a relative clause, the "der" is no article."""
    first, last = piece[0], piece[-1]
    # "dass sie … unterstützen": a plural finite verb the tagger read as an infinitive.
    verb_final = first.tag == "KOUS" and last.tag in INFINITIVES and not _has_finite(piece)
    if verb_final and piece[-2].tag != "PTKZU":
        return [*piece[:-1], replace(last, tag=INFINITIVES[last.tag])]
    if (last.tag not in FINITE and last.tag != "VAINF") or len(piece) < 3:
        return piece
    # A verb-final "haben"/"sein" after a subordinator is finite ("… geschlagen haben").
    end = [replace(last, tag="VAFIN")] if last.tag == "VAINF" else [last]
    if first.text.lower() == "als" and first.tag != "KOUS":
        return [replace(first, tag="KOUS"), *piece[1:-1], *end]
    second = piece[1]
    if first.tag == "APPR" and second.tag == "ART" and second.text.lower() in RELATIVE_FORMS:
        return [first, replace(second, tag="PRELS"), *piece[2:-1], *end]
    return piece


def _split_coordination(piece: list[Tok]) -> list[list[Tok]]:
    for k, tok in enumerate(piece):
        if tok.tag == "KON" and tok.lemma in ("und", "aber", "sondern", "doch"):
            left, right = piece[:k], piece[k:]
            if (
                _has_finite(left)
                and _has_finite(right[1:])
                and right[1].tag not in ("NE", "NN", "ART", "ADJA")
            ):
                return [left, *_split_coordination(right)]
            if _has_finite(left) and _has_finite(right[1:]) and _verb_early(right[1:]):
                return [left, *_split_coordination(right)]
    return [piece]


def _bracket_end(toks: Sequence[Tok]) -> bool:
    """A piece holding only the end of the verb bracket (", … aufgerufen."): no finite verb,
    no infinitive with "zu" and no subordinator of its own."""
    own_clause = ("PTKZU", "VVIZU", "KOUI", "KOUS", "PRELS", "PWAV")
    return not _has_finite(toks) and not any(t.tag in own_clause for t in toks)


def _verb_early(toks: Sequence[Tok]) -> bool:
    """A finite verb within the first few words: a new main clause after "und"."""
    return any(t.tag in FINITE for t in toks[:4])


def _kind(toks: Sequence[Tok]) -> str:
    lead = [t for t in toks if t.tag not in ("$(", "KON")][:2]
    if (lead and lead[0].tag in RELATIVES) or (
        len(lead) == 2 and lead[0].tag.startswith("APPR") and lead[1].tag in RELATIVES
    ):
        return "rel"
    if lead and lead[0].tag in SUBORDINATORS:
        return "sub"
    if not _has_finite(toks) and any(t.tag in ("VVIZU", "PTKZU") for t in toks):
        return "inf"
    return "main"


def clauses(toks: Sequence[Tok], known: frozenset[str] = frozenset()) -> list[Clause]:
    merged: list[list[Tok]] = []
    breaks: list[set[int]] = []  # where a verbless piece was joined on: phrases end there
    for piece in _pieces(toks):
        for part in map(_subordinator, _split_coordination(piece)):
            verbless = not _has_verb(part) or _bracket_end(part)
            if merged and (verbless or not _has_verb(merged[-1])):
                breaks[-1].add(part[0].i)
                merged[-1].extend(part)
            else:
                merged.append(list(part))
                breaks.append(set())
    out: list[Clause] = []
    for part, cuts in zip(merged, breaks, strict=True):
        joined = part[0].tag == "KON"
        kind = _kind(part)
        if joined and out and out[-1].kind in ("sub", "rel") and part[-1].tag in FINITE:
            kind = "sub"  # "…, bevor die Polizei X eröffnete und Y erschoss": still subordinate
        clause = Clause(part, kind, joined=joined)
        clause.nps = noun_phrases(part, known, cuts)
        _appositions(clause.nps, cuts)
        out.append(clause)
    return out


def _appositions(nps: list[NP], cuts: set[int]) -> None:
    """A name right after a comma, following a phrase without a verb between ("Der
    Spitzenkandidat der Partei, Hans Muster, trat zurück"): it names that phrase's referent."""
    for k, np in enumerate(nps):
        if k == 0 or np.first.i not in cuts or np.prep is not None:
            continue
        if not any(t.tag == "NE" for t in np.toks) or np.head.tag == "PPER":
            continue
        # Skip the owner's own attributes: "der CDU", "in Rheinland-Pfalz".
        owner = next(
            (
                o
                for o in reversed(nps[:k])
                if o.genitive_of is None
                and o.apposition_of is None
                and (o.prep is None or o.head.tag == "NN")
            ),
            None,
        )
        if owner is not None and owner.apposition is None and owner.head.tag == "NN":
            owner.apposition, np.apposition_of = np, owner


QUANTITY_NOUNS = frozenset(
    {"hunderte", "tausende", "zehntausende", "hunderttausende", "dutzende", "millionen"}
)


def _starts_new_phrase(prev: Tok, tok: Tok, known: frozenset[str]) -> bool:
    """Where two noun phrases touch without a word between ("warf der Regierung Betrug vor",
    "würde Polen Sanktionen verhängen"). Kept together: "Präsident Putin", "Russlands
    Präsident", "Tausende Menschen"."""
    low_prev, low_tok = prev.text.lower(), tok.text.lower()
    splits = {
        # apposition ("Präsident Putin"), unless a country or organisation follows
        ("NN", "NE"): low_tok in known or tok.text.isupper(),
        # two names side by side ("… dass Peking Moskau hilft")
        ("NE", "NE"): low_prev in known and low_tok in known,
        # "Russlands Präsident" is a genitive; "Polen Sanktionen" two phrases
        ("NE", "NN"): not prev.text.endswith("s"),
        ("NN", "NN"): low_prev not in QUANTITY_NOUNS,
    }
    starts = tok.tag in ("ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "CARD", "ADJA")
    return prev.tag in HEAD_TAGS and (starts or splits.get((prev.tag, tok.tag), False))


def noun_phrases(
    toks: Sequence[Tok], known: frozenset[str] = frozenset(), cuts: set[int] | None = None
) -> list[NP]:
    """Noun phrases with their preposition; a phrase never runs across one of ``cuts``
    (token indices where a piece after a comma begins)."""
    nps: list[NP] = []
    cuts = cuts or set()
    current: list[Tok] = []
    prep: Tok | None = None
    pending_prep: Tok | None = None
    after_and = False

    def close() -> None:
        nonlocal current, prep, after_and
        if current and any(t.tag in HEAD_TAGS for t in current):
            nps.append(NP(current, prep, after_and=after_and))
            after_and = False
        current, prep = [], None

    for k, tok in enumerate(toks):
        if tok.text.lower() == "über" and k + 1 < len(toks) and toks[k + 1].tag == "CARD":
            continue  # "über 50 Gruppen": a number's modifier, not a preposition
        if tok.i in cuts:
            close()
            pending_prep, after_and = None, False
        if tok.tag in NP_TAGS:
            if current and _starts_new_phrase(current[-1], tok, known):
                close()
            if not current:
                prep, pending_prep = pending_prep, None
            current.append(tok)
        elif tok.tag in ("PPER", "PIS", "PDS") and not current:
            nps.append(NP([tok], pending_prep, after_and=after_and))
            pending_prep, after_and = None, False
        elif tok.tag in ("APPR", "APPRART", "APPO"):
            close()
            pending_prep = tok
        elif tok.tag == "$(" and current:
            continue
        elif tok.tag == "KON" and tok.lemma in ("und", "sowie", "oder") and (current or nps):
            shared = prep
            close()
            after_and = True
            pending_prep = shared
        else:
            close()
            if tok.tag not in ("ADV", "$("):
                pending_prep = None
    close()
    _attach(nps)
    return nps


def _attach(nps: list[NP]) -> None:
    """Mark genitive attributes and "X und Y" coordinations (adjacent phrases only)."""
    for prev, nxt in pairwise(nps):
        adjacent = nxt.start - prev.end <= 1
        if (
            adjacent
            and nxt.prep is None
            and prev.head.tag == "NN"
            and nxt.first.text.lower() in GENITIVE | {"der"}
        ):
            nxt.genitive_of = prev
            prev.attribute = nxt
