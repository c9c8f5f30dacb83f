"""Quotes of one unit from its cues: direct, partial and indirect.

For each cue (see :mod:`.cues`) and its speaker (:mod:`.speaker`):

* a quotation next to the cue is a direct quote: „…“, sagte X · X sagte: „…“ ·
  „…“, sagte X, „…“;
* otherwise the clause on the far side of the comma is reported speech: "X sagte, (dass)
  …" · "…, sagte X" · "…, so X" · "Wie X mitteilte, …"; for "laut X", "X zufolge" and
  "nach Angaben X" it is the rest of the sentence;
* quotation marks left over inside the unit are partial quotes by the same speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from .chunks import STTS, TagSet, np_end
from .cues import Cue, find_cues
from .found import Found, Offsets
from .lexicon import Lexicon
from .marks import Marked
from .speaker import IdxSpan, char_span, cue_speaker, right_subject
from .units import Unit

_MAX_GAP = 10  # words between the cue's phrase and the comma that opens its clause
_CLAUSE_STOP = frozenset({"VVFIN", "VAFIN", "VMFIN", "KOUS", "PRELS", "$.", "$("})
_SEPARATORS = frozenset({",", ":"})
_FINAL_STOPS = frozenset({".", "!", "?", ";", ",", ":"})


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: Cue
    speaker: IdxSpan | None
    addressee: IdxSpan | None
    lo: int  # first index of cue + speaker
    hi: int  # end of cue + speaker (+ particle, addressee)


def attribution(unit: Unit, cue: Cue, ts: TagSet, lex: Lexicon, parsed: bool) -> Attribution:
    speaker, addressee = cue_speaker(unit.toks, unit.quoted, cue, ts, lex, parsed=parsed)
    ends = [cue.i + cue.width] + [s[1] for s in (speaker, addressee) if s]
    starts = [cue.i, *cue.pieces] + [s[0] for s in (speaker, addressee) if s]
    ends += [k + 1 for k in cue.pieces]
    return Attribution(cue, speaker, addressee, min(starts), max(ends))


def _span(toks: Sequence[Token], lo: int, hi: int) -> Offsets:
    return char_span(toks, (lo, hi))


def _attributed(
    at: Attribution, toks: Sequence[Token], span: Offsets, kind: str, rule: str
) -> Found:
    return Found(
        span[0],
        span[1],
        kind,
        speaker=char_span(toks, at.speaker) if at.speaker else None,
        cue=_span(toks, at.cue.i, at.cue.i + at.cue.width),
        pieces=tuple(_span(toks, k, k + 1) for k in at.cue.pieces),
        addressee=char_span(toks, at.addressee) if at.addressee else None,
        rule=rule,
    )


def _found(unit: Unit, at: Attribution, lo: int, hi: int, rule: str) -> Found:
    """Reported speech over tokens lo..hi, without the sentence's final stop.

    The corpus ends an indirect quote with its attribution inside the sentence before the
    full stop (the stop belongs to the sentence, not to the reported words).
    """
    while hi - lo > 1 and unit.toks[hi - 1].text in _FINAL_STOPS:
        hi -= 1
    return _attributed(at, unit.toks, _span(unit.toks, lo, hi), "indirect", rule)


def _only(toks: Sequence[Token], lo: int, hi: int, allowed: frozenset[str]) -> bool:
    return all(toks[k].text in allowed for k in range(lo, hi))


def direct_quotes(unit: Unit, at: Attribution) -> list[Found]:
    """Quotations right before the cue (", sagte X") or right after it (": „…“")."""
    out = []
    toks = unit.toks
    for mark, (mlo, mhi) in unit.marks:
        # „…“, sagte X · „Raus!“ rief X · "Yes," he said: a comma or ! ? at the quotation's end
        punct = mhi < at.lo or toks[mhi - 2].text in (",", "!", "?")
        before = punct and mhi <= at.lo and _only(toks, mhi, at.lo, _SEPARATORS)
        after = mlo > at.hi and _only(toks, at.hi, mlo, _SEPARATORS) and mlo - at.hi <= 1
        # "äußerte sich X jedoch zuversichtlich: „…“"
        after = after or (mlo >= at.hi and toks[mlo - 1].text == ":" and mlo - at.hi <= _MAX_GAP)
        if before or after:
            out.append(_mark_found(unit, at, mark, "adjacent"))
    return out


def _mark_found(unit: Unit, at: Attribution, mark: Marked, rule: str) -> Found:
    """A direct quote: the quotation with its marks."""
    return _attributed(at, unit.toks, (mark.start, mark.end), "direct", rule)


def _clause_after(toks: Sequence[Token], at: Attribution, lang: str) -> tuple[int, int] | None:
    n = len(toks)
    if lang == "en":
        j = at.hi
        while j < n and toks[j].text in (",", "that", ":"):
            j += 1
        return (j, n) if n - j >= 3 and not toks[j].is_punct else None
    for j in range(at.hi, min(n, at.hi + _MAX_GAP)):
        if toks[j].text in _SEPARATORS:
            first = j + 1
            if first < n and _opens_said(toks, first, at) and n - first >= 3:
                return (first, _before_colon_quote(toks, first, n))
            return None
        if toks[j].tag_ in _CLAUSE_STOP:
            return None
    return None


def _opens_said(toks: Sequence[Token], first: int, at: Attribution) -> bool:
    """The clause from ``first`` on can be what the cue's speaker said."""
    if toks[first].tag_.endswith("FIN") and _relative(toks, at.cue.i):
        return False  # "Der Bericht, den X nannte, *ist* …": the main clause goes on
    return toks[first].tag_ not in ("PRELS", "PRELAT", "$(")


def _relative(toks: Sequence[Token], i: int) -> bool:
    """The word at ``i`` stands in a relative clause (a relative pronoun after a comma)."""
    for k in range(i - 1, 0, -1):
        if toks[k].text == ",":
            return False
        if toks[k].tag_ in ("PRELS", "PRELAT") and toks[k - 1].text in (",", "von", "mit"):
            return True
    return False


def _before_colon_quote(toks: Sequence[Token], first: int, n: int) -> int:
    """ "…, dass X sei: „…“": reported speech ends where a quotation follows a colon.

    It also ends at a semicolon: "…, dass er schuldig sei; die Anklage …".
    """
    for k in range(first + 1, n - 1):
        if toks[k].text == ":" and toks[k + 1].text in '„»«"“':
            return k
        if toks[k].text == ";":
            return k
    return n


def _clause_before(toks: Sequence[Token], at: Attribution) -> tuple[int, int] | None:
    b = at.lo
    if toks[b].tag_ == "PRELS":
        return None  # "…, der angab, …": the main clause before is not what he said
    if b > 0 and toks[b - 1].text.lower() == "wie" and at.cue.kind == "verb":
        b -= 1
    if b < 2 or toks[b - 1].text != ",":
        return None
    start = max((k + 1 for k in range(b - 1) if toks[k].text == ":"), default=0)
    if b - start < 3:
        return None
    has_verb = any(
        t.tag_.endswith("FIN") or t.tag_ in ("VBD", "VBZ", "VBP") or t.is_quote
        for t in toks[start:b]
    )
    return (start, b) if has_verb else None


def indirect_quote(unit: Unit, at: Attribution, lang: str) -> Found | None:
    toks = unit.toks
    if at.cue.kind == "wonach":
        lo, hi = at.cue.i + 1, len(toks)
        return _found(unit, at, lo, hi, "wonach") if hi - lo >= 3 else None
    if at.cue.kind in ("prep", "postp", "noun", "adv"):
        lo, hi = 0, len(toks)
        if at.lo == 0:
            lo = at.hi + (1 if at.hi < len(toks) and toks[at.hi].text == "," else 0)
        elif at.hi >= len(toks) - 1:
            hi = at.lo
        return _found(unit, at, lo, hi, at.cue.kind) if hi - lo >= 3 else None
    # "…, sagte X": without a speaker after it the cue is mostly inside a subordinate
    # clause ("…, der als Download gestellt wurde"), not attributing what stands before
    before = _clause_before(toks, at) if at.speaker is not None else None
    span = before or _clause_after(toks, at, lang)
    if span is None:
        return None
    lo, hi = span
    mark = unit.mark_covering(lo, hi)
    if mark is not None:
        return _mark_found(unit, at, mark, "clause-marked")
    return _found(unit, at, lo, hi, "clause")


def unit_quotes(
    unit: Unit, ts: TagSet, lex: Lexicon, parsed: bool
) -> tuple[list[Found], list[Attribution]]:
    """Quotes of one unit, and every cue's attribution (for speakers carried onwards)."""
    cues = find_cues(unit.toks, unit.quoted, lex)
    found: list[Found] = []
    atts = [attribution(unit, c, ts, lex, parsed) for c in cues]
    atts = [a for a in atts if a.speaker is not None or a.cue.kind not in ("so", "prep", "postp")]
    for at in atts:
        if any(f.start <= unit.toks[at.cue.i].idx < f.end for f in found):
            continue  # a speech verb inside somebody's reported words
        direct = direct_quotes(unit, at)
        if direct:
            found.extend(q for q in direct if all(q.start != f.start for f in found))
            continue
        indirect = indirect_quote(unit, at, lex.lang)
        if indirect is not None and not any(f.start <= indirect.start < f.end for f in found):
            found.append(indirect)
    if not found and lex.lang == "de":
        found = reported_speech(unit, atts, lex)
    return found, atts


def _cue_key(toks: Sequence[Token], cue: Cue) -> str:
    """The cue verb's lexicon key: lemma with its separable particle ("hinweisen")."""
    particle = toks[cue.particle].text.lower() if cue.particle is not None else ""
    return particle + toks[cue.i].lemma_.lower()


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
    key = _cue_key(toks, cue)
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
        if at.cue.kind != "verb" or not _reported_key(toks, at.cue, lex):
            continue
        if at.cue.i == 1 and toks[0].text in ("Dies", "Das"):
            continue  # "Dies bestätigte X": the sentence before is what X said (document)
        after = toks[at.cue.i + 1].text.lower() if at.cue.i + 1 < len(toks) else ""
        if lex.has("impersonal", after):
            continue  # a name given ("nennt sich"), or no speaker at all ("nennt man")
        speaker = at.speaker
        if speaker is None or any(t.text == "," for t in toks[: at.lo]):
            # in a subordinate clause or after one: rarely the sentence's message, unless
            # the commas only set off what is said of the subject before the verb
            speaker = _fronted_speaker(toks, at.cue)
        if speaker is None:
            continue
        if lex.has("oblique", toks[speaker[0]].text.lower()):
            # the speech act stands; its speaker is unknown rather than the object
            speaker = _subject_instead(unit, at.cue, speaker, lex)
        last = toks[_clause_end(toks, at.cue) - 1]
        found = Found(toks[0].idx, last.idx + len(last.text), "reported", rule="reported")
        found.speaker = char_span(toks, speaker) if speaker is not None else None
        return [found]
    return []


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
