"""Reported speech: a speech act told without its words ("Die Polizei warnte vor …").

The quotation corpus takes the whole sentence as the quote, speaker and verb inside, and
marks no cue. Which verbs tell of a speech act is in the lexicon (kind ``reported``, with a
key "verb+prep" where the preposition marks it: "berichten+von").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .attribution import Attribution, naming
from .chunks import STTS, np_end
from .cues import Cue, cue_key
from .found import Found
from .lexicon import Lexicon
from .positions import IdxSpan, char_span, right_subject
from .units import Unit

_FRAME_PREPS = frozenset({"von", "vor", "als", "auf", "zu", "zum", "zur", "für", "gegen", "über"})


def frame_key(toks: Sequence[Token], i: int, key: str) -> str | None:
    """The verb's key with the first preposition of its frame: "berichten+von".

    "berichtete von zwei Toten" tells of a report without its words, while "berichtete,
    dass …" reports them: the preposition, not the verb, marks the speech act. The
    preposition follows a finite verb and precedes a participle ("hat von … berichtet").
    """
    after = toks[i].tag_ != "VVPP"
    span = range(i + 1, len(toks)) if after else range(i - 1, -1, -1)
    for k in span:
        word = toks[k].text.lower()
        if word in _FRAME_PREPS and (word == "als" or toks[k].tag_.startswith("APP")):
            return f"{key}+{word}"
    return None


def _reported_key(toks: Sequence[Token], cue: Cue, lex: Lexicon) -> bool:
    key = cue_key(toks, cue)
    return key in lex.reported or frame_key(toks, cue.i, key) in lex.reported


def reported_speech(unit: Unit, atts: Sequence[Attribution], lex: Lexicon) -> list[Found]:
    """ "Die Polizei warnte vor …", "X sprach von …": a speech act told, not its words.

    The corpus takes the whole sentence as the quote (speaker and verb inside) and marks
    no cue, so none is given here either.
    """
    if 3 * sum(unit.quoted) > len(unit.toks):
        return []  # mostly quotation: its marks make it a direct quote
    toks = unit.toks
    for at in atts:
        if at.cue.kind != "verb" or not _reported_key(toks, at.cue, lex) or naming(toks, at.cue):
            continue
        if at.cue.i == 1 and toks[0].text in ("Dies", "Das"):
            continue  # "Dies bestätigte X": the sentence before is what X said (document)
        after = toks[at.cue.i + 1].text.lower() if at.cue.i + 1 < len(toks) else ""
        if lex.has("impersonal", after):
            continue  # a name given ("nennt sich"), or no speaker at all ("nennt man")
        if toks[at.cue.i].lemma_ == "fordern" and any(lex.has("casualty", t.text) for t in toks):
            continue  # "Die Flut forderte 92 Menschenleben": deaths, not a demand
        speaker = at.speaker
        start = 0
        if speaker is None or any(t.text == "," for t in toks[: at.lo]):
            # in a subordinate clause or after one: rarely the sentence's message, unless
            # the commas only set off what is said of the subject before the verb
            speaker = _fronted_speaker(toks, at.cue)
            if speaker is None and at.speaker is not None:
                start = _later_clause(unit, at)
                speaker = at.speaker if start else None
        if speaker is None and not _passive(toks, at.cue):
            continue
        if speaker is not None and lex.has("oblique", toks[speaker[0]].text.lower()):
            # the speech act stands; its speaker is unknown rather than the object
            speaker = _subject_instead(unit, at.cue, speaker, lex)
        last = toks[_clause_end(toks, at.cue) - 1]
        found = Found(toks[start].idx, last.idx + len(last.text), "reported", rule="reported")
        found.speaker = char_span(toks, speaker) if speaker is not None else None
        found.addressee = char_span(toks, at.addressee) if at.addressee is not None else None
        return [found]
    return []


_JOINS = frozenset({"und", ","})


def joined_report(
    unit: Unit, atts: Sequence[Attribution], found: Sequence[Found], lex: Lexicon
) -> list[Found]:
    """ "X teilte mit, dass …, *und warnte vor neuen Regenfällen*": a speech act told in a
    verb joined to a sentence that already holds a quote, by the same subject; the corpus
    marks it as reported speech of its own."""
    toks = unit.toks
    spoken = [f for f in found if f.speaker is not None]
    last_end = max((f.end for f in found), default=unit.start)
    for at in atts:
        k = at.cue.i
        if at.cue.kind != "verb" or toks[k].tag_ != "VVFIN" or toks[k].idx < last_end:
            continue
        if k == 0 or toks[k - 1].text not in _JOINS or not _reported_key(toks, at.cue, lex):
            continue
        if at.speaker is not None and at.speaker[0] > k:
            continue  # "…, sagte X": a subject of its own after the verb
        last = toks[_clause_end(toks, at.cue) - 1]
        report = Found(toks[k].idx, last.idx + len(last.text), "reported", rule="reported-joined")
        report.speaker = spoken[-1].speaker if spoken else None
        return [report]
    return []


def _passive(toks: Sequence[Token], cue: Cue) -> bool:
    """ "Als Ursache *wurde* ein Defekt *genannt*": a speech act whose speaker is left
    out; the corpus marks it all the same."""
    return cue.aux is not None and toks[cue.aux].lemma_ == "werden" and toks[cue.i].tag_ == "VVPP"


def _later_clause(unit: Unit, at: Attribution) -> int:
    """Where a main clause with the speech act starts after a comma: "…, *die Feuerwehr
    spricht von 300*" · "…, *sprach aber von …*". 0: the act is not in a clause of
    its own (a relative clause, or commas inside the subject)."""
    toks = unit.toks
    comma = next((k for k in range(at.lo - 1, 0, -1) if toks[k].text == ","), 0)
    if not comma or at.speaker is None or at.speaker[0] <= comma:
        return 0
    if toks[comma + 1].tag_ in ("PRELS", "PRELAT", "KOUS"):
        return 0
    return comma + 1


def _clause_end(toks: Sequence[Token], cue: Cue) -> int:
    """ "X lehnte den Plan ab, während Y …": the speech act ends before a clause that
    a conjunction opens after the verb (the corpus leaves it out, but keeps the comma)."""
    for k in range(max([cue.i, *cue.pieces]) + 1, len(toks) - 1):
        if toks[k].text == "," and toks[k + 1].tag_ in ("KOUS", "KON"):
            return k + 1
    return len(toks)


def _subject_instead(unit: Unit, cue: Cue, obj: IdxSpan, lex: Lexicon) -> IdxSpan | None:
    """The subject where the NP taken for it is an object ("den Rücktritt").

    "*Den Anstieg* bezifferte die Behörde …": an object first, the subject follows the
    verb; "Die Mission (UNMIS) forderte *den Rückzug*": the subject is the NP before it.
    """
    toks = unit.toks
    if obj[0] < cue.i:
        after, _ = right_subject(toks, unit.quoted, cue.i, STTS, lex)
        return after
    end = np_end(toks, 0, STTS, left=True)
    return (0, end) if end is not None and end == cue.i else None


def _fronted_speaker(toks: Sequence[Token], cue: Cue) -> IdxSpan | None:
    """ "X, der …, forderte …" · "X, Chef der …, warf … vor": the NP that opens the
    sentence, when the only commas before the verb enclose a relative clause or an
    apposition right after it."""
    v = cue.aux if cue.aux is not None else cue.i
    if v < 4 or toks[v - 1].text != ",":
        return None
    end = np_end(toks, 0, STTS, appositions=False, left=True)
    if end is None or end >= len(toks) or toks[end].text != ",":
        return None
    commas = [k for k in range(v) if toks[k].text == ","]
    return (0, end) if commas == [end, v - 1] else None
