"""Subjects by position: German has no parser here, so the NP that stands before the verb
(verb second: "Putin sagte") or after it ("sagte Putin", "fuhr der Präsident fort") is
read from the tags, past adverbs, a time or place phrase and dative objects.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .chunks import TagSet, np_end, np_start, title_end
from .found import Offsets
from .lexicon import Lexicon

IdxSpan = tuple[int, int]  # token indices in the unit, end exclusive
_BOUNDARY_TAGS = frozenset(
    {"$(", "$,", "$.", "KOUS", "KOKOM", "PWAV", "KON", "CC", "IN", ",", ":", "``", "''"}
)
_SKIP_TAGS = frozenset({"ADV", "PROAV", "ADJD", "PRF", "RB"})
_MAX_SKIPS = 4
_QUOTE_MARKS = frozenset('„“”"»«‚‘’')


def char_span(toks: Sequence[Token], span: IdxSpan) -> Offsets:
    first, last = toks[span[0]], toks[span[1] - 1]
    return first.idx, last.idx + len(last.text)


def at_boundary(toks: Sequence[Token], k: int) -> bool:
    if k == 0:
        return True
    prev = toks[k - 1]
    if prev.text in _QUOTE_MARKS:
        return False  # „…“ X sagte: after a quotation the verb comes first
    return prev.tag_ in _BOUNDARY_TAGS or prev.text.lower() == "wie"


def left_subject(
    toks: Sequence[Token], quoted: Sequence[bool], v: int, ts: TagSet
) -> IdxSpan | None:
    floor = _quote_floor(toks, quoted, v)
    k = np_start(toks, v, ts, floor)
    if k is None and v - 2 > floor and toks[v - 1].tag_ == "ADV" and toks[v - 2].text != ",":
        v -= 1  # "Die Kanadier *hingegen* sagen"
        k = np_start(toks, v, ts, floor)
    if k is None:
        return _before_relative(toks, quoted, v, ts, floor)
    if not (at_boundary(toks, k) or _particle_first(toks, k)):
        return None
    k = _joined_left(toks, k, ts, floor)
    end = v - 1 if toks[v - 1].text == "," else v
    if end != v and k != floor and not (k - 1 == floor and _particle_first(toks, k)):
        return None  # "…, sagte X": the NP before the comma ends the quoted clause
    return (k, end)


def _quote_floor(toks: Sequence[Token], quoted: Sequence[bool], v: int) -> int:
    """Where a subject before ``v`` may start: after the last quotation, but a name in
    marks is no quotation ("Der Geschäftsführer von „Ener1“ sagte")."""
    k = v - 1
    while k >= 0:
        if not quoted[k]:
            k -= 1
            continue
        j = k
        while j > 0 and quoted[j - 1]:
            j -= 1
        if title_end(toks, j) != k + 1 and not (j > 0 and title_end(toks, j - 1) == k + 2):
            return k + 1
        k = j - 1
    return 0


def _before_relative(
    toks: Sequence[Token], quoted: Sequence[bool], v: int, ts: TagSet, floor: int
) -> IdxSpan | None:
    """ "*Deiss*, der sich … entschlossen hatte, sagte", "*X*, dessen Amt … ist, sagte": the NP
    that opens the clause, before a relative clause that ends right before the verb."""
    if v - floor < 5 or toks[v - 1].text != "," or not toks[v - 2].tag_.startswith("V"):
        return None
    start = floor + 1 if _particle_first(toks, floor + 1) else floor
    if not at_boundary(toks, floor):
        return None
    end = np_end(toks, start, ts, left=True)
    if end is None or end + 2 >= v or any(quoted[start:v]):
        return None
    relative = toks[end].text == "," and toks[end + 1].tag_ in ("PRELS", "PRELAT", "PWS")
    return (start, end) if relative and toks[end + 1].text.lower() != "was" else None


def _particle_first(toks: Sequence[Token], k: int) -> bool:
    """ "*Auch* Feinstein argumentierte", "*Aber* Zeitungen berichteten": a particle before
    the subject at the clause start (verb second: nothing else may stand there)."""
    if k == 0 or toks[k - 1].tag_ not in ("ADV", "KON", "RB", "CC"):
        return False
    return k == 1 or (at_boundary(toks, k - 1) and toks[k - 2].tag_ != "$(")  # not "– auch X –"


def _joined_left(toks: Sequence[Token], k: int, ts: TagSet, floor: int) -> int:
    """Widen a subject over the NP before ", " or "und" at the clause start.

    "Stephen Singer, ein Klimaexperte, erklärte" and "X und Y erklärten": the corpus
    takes the apposition or the coordination as one speaker.
    """
    while k - 1 > floor and toks[k - 1].text in (",", "und", "sowie"):
        j = np_start(toks, k - 1, ts, floor)
        if j is None or not at_boundary(toks, j) or toks[j].tag_ in ts.pron:
            break
        k = j
    return k


def right_subject(
    toks: Sequence[Token], quoted: Sequence[bool], v: int, ts: TagSet, lex: Lexicon
) -> tuple[IdxSpan | None, IdxSpan | None]:
    """(speaker, addressee) after the verb at ``v``."""
    j, skips, addressee = v + 1, 0, None
    dative = lex.words.get("dative", frozenset())
    while j < len(toks) and skips < _MAX_SKIPS and not quoted[j]:
        tok = toks[j]
        if tok.text.lower() in lex.words.get("skip", ()) or tok.tag_ in _SKIP_TAGS:
            j, skips = j + 1, skips + 1
            continue
        if tok.tag_ in ("APPR", "APPRART") and (e := np_end(toks, j + 1, ts, appositions=False)):
            j, skips = e, skips + 1
            continue
        if tok.text in dative and (e := np_end(toks, j, ts, appositions=False)):
            addressee, j, skips = (j, e), e, skips + 1
            continue
        break
    if j < len(toks) and quoted[j] and (title := title_end(toks, j)) is not None:
        return (j, title), addressee  # "schrieb „Die Zeit“": a paper named in marks
    end = np_end(toks, j, ts) if j < len(toks) and not quoted[j] else None
    if end is None or toks[j].text.lower() in ("es", "it") or any(quoted[j:end]):
        return None, addressee
    if _bare_object(toks[j:end], lex):
        return None, addressee  # "forderte aber *mehr Tempo*": an object, nobody speaks
    if addressee is None and end < len(toks) and toks[end].text in dative:
        after = np_end(toks, end, ts, appositions=False)  # "sagte er dem Sender"
        addressee = (end, after) if after is not None else None
    return (j, end), addressee


_BARE = frozenset({"PIAT", "PIDAT", "ADJA"})


def _bare_object(np: Sequence[Token], lex: Lexicon) -> bool:
    """An NP without article or name that opens with a quantifier or adjective ("mehr
    Tempo", "weitere Hilfe") is an object; "mehrere Sprecher" (a role) can speak."""
    if np[0].tag_ not in _BARE or np[0].lang_ == "en":
        return False
    roles = lex.words.get("role", frozenset())
    return not any(t.tag_ == "NE" or t.text in roles for t in np)
