"""Noun phrases from POS tags alone (we have no German parser): the speaker's mention.

An NP here is ``[det] [adj|num]* head+`` with up to three attachments that the quotation
corpus counts as part of a speaker: a genitive ("der Sprecher *des Kremls*"), a "von/aus"
phrase ("Oberst X *vom Landeskriminalamt*") and a name in apposition ("ein Sprecher der
Polizei*, Lars Beringer*"); a name in quotation marks is a head ("die Zeitung *„Die
Welt“*"). Indices are positions in a list of tokens (one unit).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class TagSet:
    det: frozenset[str]
    mod: frozenset[str]
    head: frozenset[str]
    name: frozenset[str]
    pron: frozenset[str]
    genitive: frozenset[str]  # words that open an attached genitive NP
    attach: frozenset[str]  # prepositions whose phrase stays inside a speaker NP
    titles: bool = False  # names in quotation marks are NP heads („Der Spiegel“)


STTS = TagSet(
    det=frozenset({"ART", "PDAT", "PIAT", "PPOSAT", "PIDAT"}),
    mod=frozenset({"ADJA", "ADJD", "CARD"}),
    head=frozenset({"NN", "NE", "FM"}),
    name=frozenset({"NE", "FM"}),
    pron=frozenset({"PPER"}),
    # after a noun these open its genitive: "Angaben *seines* Anwalts", "Meinung *vieler* X"
    genitive=frozenset(
        {"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "dieses"}
        | {"dieser", "vieler", "mehrerer", "zahlreicher", "einiger", "beider"}
    ),
    attach=frozenset({"von", "vom", "aus"}),
    titles=True,
)
PTB = TagSet(
    det=frozenset({"DT", "PRP$", "PDT"}),
    mod=frozenset({"JJ", "JJR", "JJS", "CD", "NNP", "NN"}),
    head=frozenset({"NN", "NNS", "NNP", "NNPS"}),
    name=frozenset({"NNP", "NNPS"}),
    pron=frozenset({"PRP"}),
    genitive=frozenset({"of"}),
    attach=frozenset({"for", "at"}),
)


def tagset(lang: str) -> TagSet:
    return PTB if lang == "en" else STTS


def _core(toks: Sequence[Token], i: int, ts: TagSet) -> int | None:
    n = len(toks)
    if i >= n:
        return None
    if toks[i].tag_ in ts.pron:
        return i + 1
    if toks[i].tag_ == "PIS" and i + 1 < n and toks[i + 1].text.lower() in ts.genitive:
        return _core(toks, i + 1, ts)  # "Einer der beteiligten Feuerwehrmänner"
    j = i + 1 if toks[i].tag_ in ts.det else i
    while j < n and toks[j].tag_ in ts.mod and toks[j].tag_ not in ts.head:
        j += 1
    if ts.titles and j > i and (title := title_end(toks, j)) is not None:
        return title  # "die „Süddeutsche Zeitung“"
    end = _heads(toks, j, ts)
    if end is not None and end < n and toks[end].tag_ == "POS":
        return _core(toks, end + 1, ts)  # English possessive: "the minister's aide"
    return end


def _heads(toks: Sequence[Token], j: int, ts: TagSet) -> int | None:
    """End of the head nouns from ``j`` (and of a title in marks after them)."""
    if j >= len(toks) or toks[j].tag_ not in ts.head:
        return None
    first = j
    while j < len(toks) and toks[j].tag_ in ts.head:
        j += 1
    j = _uncoordinate(toks, first, j, ts)
    if not ts.titles or toks[j - 1].tag_ in ts.name:
        return j  # "sagte Schröder „Nein“": after a name, marks hold words
    return title_end(toks, j) or j  # "die Zeitung „Yemen Observer“"


# Genitive and "von" phrases a speaker NP may hold: "Angaben des Leiters der Sektion von X".
_ATTACHMENTS = 3
_OPENING = frozenset('„»«"“')
_CLOSING = frozenset('“”"«»')
_TITLE_WORDS = 5


def title_end(toks: Sequence[Token], j: int) -> int | None:
    """End of a name in quotation marks at ``j`` („Der Spiegel“), else None.

    Newspapers, organisations and works are named in quotation marks; a speaker NP
    holds them: "das Magazin „Der Spiegel“".
    """
    if j >= len(toks) or toks[j].text not in _OPENING:
        return None
    for k in range(j + 1, min(len(toks), j + _TITLE_WORDS + 2)):
        if toks[k].text in _CLOSING:
            return k + 1 if k > j + 1 else None
        if not (toks[k].text[:1].isupper() or toks[k].text[:1].isdigit() or toks[k].text == "-"):
            return None
    return None


def _uncoordinate(toks: Sequence[Token], first: int, end: int, ts: TagSet) -> int:
    """ "der Präsident Nato und USA": names coordinated after a noun are its object."""
    if end >= len(toks) or toks[end].tag_ not in ("KON", "CC"):
        return end
    for k in range(first + 1, end):
        if toks[k].tag_ in ts.name and toks[k - 1].tag_ not in ts.name:
            return k
    return end


def _parenthesis(toks: Sequence[Token], end: int) -> int:
    """ "Matthias Berninger (Grüne)": a short parenthesis stays with its NP."""
    if end < len(toks) and toks[end].text == "(":
        for k in range(end + 1, min(len(toks), end + 5)):
            if toks[k].text == ")":
                return k + 1
    return end


def np_end(
    toks: Sequence[Token], i: int, ts: TagSet, appositions: bool = True, left: bool = False
) -> int | None:
    """End (exclusive) of the NP that starts at ``i``, or None when none starts there.

    ``left``: the NP stands before its verb, where "in" phrases also belong to it ("ein
    Regierungssprecher in Berlin sagte"); after the verb they are the place of speaking.
    """
    end = _core(toks, i, ts)
    if end is None or toks[i].tag_ in ts.pron:
        return end
    attach = ts.attach | {"in"} if left else ts.attach
    for _ in range(_ATTACHMENTS):
        end = _parenthesis(toks, end)  # "des Fonds (MIF) der Entwicklungsbank"
        word = toks[end].text.lower() if end < len(toks) else ""
        if word in ts.genitive or word in attach:
            more = _core(toks, end + 1, ts)
            if more is not None and toks[end + 1].tag_ not in ts.pron:
                end = more
                continue
        break
    end = _parenthesis(toks, end)
    if appositions:
        end = _apposition(toks, end, ts)
    return end


def _apposition(toks: Sequence[Token], end: int, ts: TagSet) -> int:
    """ ", Lars Beringer," after an NP: a name in apposition belongs to the speaker."""
    n = len(toks)
    if end + 1 >= n or toks[end].text != ",":
        return end
    j = end + 1
    # a name, whose surname the tagger may call a common noun: "Lars/NE Beringer/NN"
    while (
        j < n
        and j - end <= 4
        and (toks[j].tag_ in ts.name or (j > end + 1 and toks[j].tag_ in ts.head))
    ):
        j += 1
    if toks[end + 1].tag_ not in ts.name:
        return _role_apposition(toks, end, ts)
    closes = j == n or toks[j].is_punct or toks[j].tag_.startswith("V")
    return j if j > end + 1 and closes else end


def _role_apposition(toks: Sequence[Token], end: int, ts: TagSet) -> int:
    """ ", der Verteidigungsminister Österreichs," — an NP in commas (or ending the unit)."""
    if toks[end + 1].tag_ in ts.pron:
        return end
    stop = _core(toks, end + 1, ts)
    if stop is None:
        return end
    word = toks[stop].text.lower() if stop < len(toks) else ""
    if word in ts.genitive and (more := _core(toks, stop + 1, ts)) is not None:
        stop = more
    closes = stop >= len(toks) - 1 or toks[stop].text in (",", ":")
    return stop if closes else end


def np_start(toks: Sequence[Token], end: int, ts: TagSet, floor: int = 0) -> int | None:
    """Start of the longest NP that ends at ``end`` (exclusive; a trailing comma allowed)."""
    for k in range(max(floor, end - 14), end):
        stop = np_end(toks, k, ts, left=True)
        ends_here = stop == end or (stop == end - 1 and toks[end - 1].text == ",")
        if ends_here and (k == floor or not _inside_np(toks[k - 1], ts)):
            return k
    return None


def _inside_np(tok: Token, ts: TagSet) -> bool:
    return tok.tag_ in ts.det or tok.tag_ in ts.mod or tok.tag_ in ts.head
