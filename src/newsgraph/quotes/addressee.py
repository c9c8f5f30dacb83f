"""Whom a German speech act is addressed to, read from the words of the cue's clause.

"sagte *gegenüber der BBC*", "teilte *dem Sender CNN* mit", "in einem Interview *mit dem
Rundfunk*", "in einem Brief *an den Präsidenten*", "forderte *die Regierung* auf", "*Ihm*
wird vorgeworfen": the quotation corpus marks these NPs as the addressee (without
"gegenüber", "mit" and "an"). Without a parser the clause is read by position: the
addressee is an NP of the cue's own clause that is not its speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from .chunks import TagSet, np_end
from .cues import Cue, cue_key
from .lexicon import Lexicon
from .positions import IdxSpan

_CLAUSE_ENDS = frozenset({",", ":", ";", "(", ")", "–", "—", ".", "!", "?"})
# nouns of a medium whose "mit"/"an" phrase names the addressee
_INTERVIEW = frozenset({"Interview", "Gespräch", "Telefonat", "Telefongespräch", "Treffen"})
_LETTER = frozenset({"Brief", "Schreiben", "Appell", "Botschaft", "E-Mail", "Mail", "Aufruf"})
_PHRASE_WORDS = frozenset({"gegenüber", "vor", "zur", "zum", "mit", "an"})


@dataclass(frozen=True, slots=True)
class _Clause:
    """The cue's clause, read for NPs that are not its speaker."""

    toks: Sequence[Token]
    cue: Cue
    taken: range  # the speaker's words
    lo: int
    hi: int
    ts: TagSet
    lex: Lexicon
    verb: str  # the cue's key: particle + lemma

    def np_at(self, j: int) -> IdxSpan | None:
        end = np_end(self.toks, j, self.ts, appositions=False) if j < self.hi else None
        if end is None or end > self.hi or any(k in self.taken for k in range(j, end)):
            return None
        return j, one_np(self.toks, j, end)

    def takes(self, kind: str) -> bool:
        return self.lex.has(kind, self.verb)


def addressee(
    toks: Sequence[Token],
    quoted: Sequence[bool],
    cue: Cue,
    speaker: IdxSpan | None,
    context: tuple[TagSet, Lexicon],
) -> IdxSpan | None:
    """The addressee NP of the verb cue at ``cue.i``, or None."""
    taken = range(*speaker) if speaker is not None else range(0)
    lo, hi = _clause(toks, quoted, cue, taken)
    clause = _Clause(toks, cue, taken, lo, hi, *context, cue_key(toks, cue))
    for k in range(lo, hi):
        if found := _phrase(clause, k):
            return found
    if not any(clause.takes(k) for k in ("addressee_acc", "addressee_dat", "addressee_von")):
        return None
    if cue.aux is not None and toks[cue.aux].lemma_ == "werden" and speaker is None:
        return clause.np_at(lo)  # passive: "*Ihm* wird vorgeworfen"
    front = clause.np_at(lo)
    if speaker is not None and speaker[0] > cue.i and front and front[1] == cue.i:
        return front  # an object first: "*Der Politik* schlug er vor"
    return _object(clause, subject_end=speaker[1] if speaker is not None else None)


def _phrase(c: _Clause, k: int) -> IdxSpan | None:
    """An addressee in a phrase at ``k``: "gegenüber X", "vor Journalisten", "zur
    Sportschau", "in einem Interview mit X", "an X gewandt", "appellierte an X"."""
    word, toks = c.toks[k].text, c.toks
    found = c.np_at(k + 1) if word.lower() in _PHRASE_WORDS else None
    if found is None:
        return None
    lower = word.lower()
    if lower == "vor":
        ok = c.lex.has("audience", toks[found[1] - 1].text)
    elif lower in ("zur", "zum"):
        ok = toks[k + 1].tag_ == "NE" and k > c.cue.i and c.takes("addressee_dat")
    elif lower in ("mit", "an") and k > c.lo and _medium(toks, k, word):
        ok = True
    elif lower == "an":
        gewandt = found[1] < len(toks) and toks[found[1]].text == "gewandt"
        ok = gewandt or c.takes("addressee_an")
    else:
        ok = lower == "gegenüber"
    return found if ok else None


def _object(c: _Clause, subject_end: int | None) -> IdxSpan | None:
    """The verb's dative (or accusative) object in its middle field; ``subject_end``:
    where the speaker's NP ends (an NP after it is no subject)."""
    toks = c.toks
    k, stop = _middle_field(toks, c.cue, c.lo, c.hi)
    while k < stop:
        tok = toks[k]
        if k in c.taken or tok.tag_ in ("ADV", "PROAV", "ADJD", "PTKNEG", "PTKVZ", "PRELS"):
            k += 1
            continue
        if tok.tag_ in ("APPR", "APPRART"):
            end = np_end(toks, k + 1, c.ts, appositions=False)
            if end is None or end > stop:
                return None
            if tok.text.lower() in ("von", "vom") and c.takes("addressee_von"):
                return (k if tok.tag_ == "APPRART" else k + 1), end  # "forderte vom Bund"
            k = end  # a phrase of time or place: the object may follow it
            continue
        found = c.np_at(k)
        if found is None or tok.text.lower() in ("es", "sich"):
            return None
        placed = subject_end is not None and subject_end <= found[0]
        if _addressed(toks, found, c.lex, c.takes("addressee_acc"), placed):
            return found  # "teilte dem Sender mit", "forderte die SPD auf"
        k = found[1]  # another object: the addressee may follow it
    return None


def _middle_field(toks: Sequence[Token], cue: Cue, lo: int, hi: int) -> tuple[int, int]:
    """Where the verb's objects stand: between auxiliary and participle ("hat *der
    Ministerin* vorgeworfen"), before a verb at the clause end ("der *der Regierung*
    vorwarf"), else after the verb ("warf *der Regierung* vor")."""
    if cue.aux is not None and cue.aux < cue.i:
        return cue.aux + 1, cue.i
    after = cue.i + 1
    if after >= hi or (cue.particle is None and all(t.is_punct for t in toks[after:hi])):
        return lo, cue.i
    return after, hi


def _addressed(
    toks: Sequence[Token], np: IdxSpan, lex: Lexicon, accusative: bool, placed: bool
) -> bool:
    """The NP can be the verb's dative (or, for ``accusative`` verbs, accusative) object.

    Where the subject stands before the NP (``placed``), an NP that opens with "der" or a
    name is no subject: "sagte *der Zeitung*", "wirft die OSZE *der Wahlkommission* vor",
    "warf *Norbert Lammert* … vor"; "den" before a plural is a dative: "erklärte *den
    Mitarbeitern*".
    """
    first = toks[np[0]]
    word = first.text.lower()
    if word in lex.words.get("dative", frozenset()) and first.tag_ != "PPOSAT":
        return True  # not the possessive "*ihr* Mandat"
    if accusative:
        return _accusative(first)
    head = toks[np[1] - 1]
    plural = head.tag_ == "NN" and head.text != head.lemma_ and head.text.endswith("n")
    audience = np[1] - np[0] == 1 and lex.has("audience", head.text)  # "sagte *Reportern*"
    dative = word == "der" or (word == "den" and plural)
    return placed and (dative or first.tag_ == "NE" or audience)


def _accusative(tok: Token) -> bool:
    """Words that open an NP which may be an accusative object (not "dem", "der")."""
    return tok.text.lower() in ("den", "die", "das", "einen", "eine", "ihn", "sie", "uns") or (
        tok.tag_ in ("NE", "NN")
    )


def one_np(toks: Sequence[Token], j: int, end: int) -> int:
    """Where the first of two NPs read as one ends: "warf *Norbert Lammert* Verzögerung
    vor", "warf *dem Minister* Einmischung vor" (the dative, then the accusative)."""
    for k in range(j, end - 1):
        this, nxt = toks[k].tag_, toks[k + 1].tag_
        if (this == "NE" and nxt == "NN") or (this == "NN" and nxt == "NN"):
            return k + 1
    return end


def _medium(toks: Sequence[Token], k: int, word: str) -> bool:
    nouns = _INTERVIEW if word == "mit" else _LETTER
    return toks[k - 1].text in nouns or toks[k - 1].text.rsplit("-", 1)[-1] in nouns


def _clause(
    toks: Sequence[Token], quoted: Sequence[bool], cue: Cue, taken: range
) -> tuple[int, int]:
    """The cue's clause: from the last boundary before the cue to the first after it (its
    particle and the speaker, commas of an apposition and all, inside)."""
    first = min([cue.i, *cue.pieces])
    last = max([cue.i, *cue.pieces])
    lo = first
    while lo > 0 and toks[lo - 1].text not in _CLAUSE_ENDS and not quoted[lo - 1]:
        lo -= 1
    hi = cue.i + 1
    while hi < len(toks) and (
        hi <= last or hi in taken or (toks[hi].text not in _CLAUSE_ENDS and not quoted[hi])
    ):
        hi += 1
    return lo, hi
