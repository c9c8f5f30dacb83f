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
from dataclasses import replace

from spacy.tokens import Token

from .attribution import Attribution, attribution, naming
from .chunks import TagSet
from .clauses import (
    THAT,
    before_colon_quote,
    coordinated_end,
    in_relative,
    opens_said,
    source_clause,
)
from .cues import find_cues
from .found import Found, Offsets
from .lexicon import Lexicon
from .marks import Marked
from .mood import konj_word
from .positions import char_span
from .reported import joined_report, reported_speech
from .units import Unit

_MAX_GAP = 10  # words between the cue's phrase and the comma that opens its clause
_CLAUSE_STOP = frozenset({"VVFIN", "VAFIN", "VMFIN", "KOUS", "PRELS", "$.", "$("})
_SEPARATORS = frozenset({",", ":"})
_FINAL_STOPS = frozenset({".", "!", "?", ";", ",", ":", "–", "—"})


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
        # but not "X sagte, *Europa brauche …* und fügte hinzu: „…“": the comma opens
        # the cue's own clause, and the quotation belongs to the next cue
        after = after or (
            mlo >= at.hi
            and toks[mlo - 1].text == ":"
            and mlo - at.hi <= _MAX_GAP
            and not any(t.text == "," for t in toks[at.hi : mlo])
        )
        if before and (mixed := _mixed_before(unit, at, mlo)) is not None:
            out.append(_found(unit, at, mixed, at.lo, "mixed"))
        elif before or after:
            out.append(_mark_found(unit, at, mark, "adjacent"))
    return out


def _mixed_before(unit: Unit, at: Attribution, mlo: int) -> int | None:
    """ "Die Deckung sollte „heute … spielen“, sagte X": a quotation that ends the
    clause before the cue but does not open it; the corpus quotes the whole clause.
    Where that clause starts, or None."""
    toks = unit.toks
    if mlo == 0 or toks[mlo - 1].text in (":", "."):
        return None
    span = _clause_before(toks, at)
    if span is None or span[0] >= mlo or any(unit.quoted[span[0] : mlo]):
        return None
    return span[0]


def _mark_found(unit: Unit, at: Attribution, mark: Marked, rule: str) -> Found:
    """A direct quote: the quotation with its marks."""
    return _attributed(at, unit.toks, (mark.start, mark.end), "direct", rule)


def _clause_after(toks: Sequence[Token], at: Attribution, lex: Lexicon) -> tuple[int, int] | None:
    n = len(toks)
    if lex.lang == "en":
        j = _that_after(toks, at.hi)
        while j < n and toks[j].text in (",", ":"):
            j += 1
        end = min(_asked_end(toks, at.cue.i, j), _joined_verb(toks, j))
        if j < n and toks[j].lower_ == "to" and lex.has("to_whom", toks[at.cue.i].lemma_):
            return None  # "did not respond *to* a request": to whom, not what
        return (j, end) if end - j >= 3 and not toks[j].is_punct else None
    for j in range(at.hi, min(n, at.hi + _MAX_GAP)):
        if toks[j].text in _SEPARATORS:
            first = j + 1
            if first < n and opens_said(toks, first, at.cue.i, at.lo, lex) and n - first >= 3:
                return (first, before_colon_quote(toks, first, n))
            return None
        if toks[j].tag_ in _CLAUSE_STOP and not _verb_last_aux(toks, at, j):
            return None
    return None


_THAT_REACH = 5  # words of a time or place phrase between "said" and "that"


def _that_after(toks: Sequence[Token], hi: int) -> int:
    """Where the reported clause starts after an English cue: at "that", past a time or
    place phrase or an adverb before it ("said *on Thursday* that …", "insisted,
    *however,* that …"), as PolNeAR marks the content."""
    for k in range(hi, min(len(toks), hi + _THAT_REACH)):
        if toks[k].lower_ == "that" and toks[k].dep_ == "mark":
            return k
        # a comma sets off an adverb ("insisted, *however,* that"); other marks end it
        if (toks[k].is_punct and toks[k].text != ",") or toks[k].pos_ in ("VERB", "AUX"):
            break
    return hi


def _asked_end(toks: Sequence[Token], cue: int, j: int) -> int:
    """ "*Asked* about X, Biden said …": what a participle clause before the sentence's own
    verb asks about ends at its comma; the main clause is a report of its own."""
    n, verb = len(toks), toks[cue]
    bare = not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or not bare:
        return n  # "As I have *suggested*, …" has a subject: it says what follows
    return next((k for k in range(j, n) if toks[k].text == ","), n)


def _joined_verb(toks: Sequence[Token], j: int) -> int:
    """ "said the ruling was disappointing *and vowed to appeal*": "and" with a past-tense
    verb and no subject of its own goes on with the speaker, not with the words said."""
    n = len(toks)
    inside = False  # words in quotation marks are somebody's, whatever verbs they join
    for k in range(j, n - 1):
        inside = inside != toks[k].is_quote
        if k >= j + 3 and not inside and toks[k].lower_ == "and" and toks[k + 1].tag_ == "VBD":
            return k - 1 if toks[k - 1].text == "," else k
    return n


def _verb_last_aux(toks: Sequence[Token], at: Attribution, j: int) -> bool:
    """ "Wie X *bekanntgegeben hat*, …": the auxiliary that ends the cue's own clause."""
    cue = toks[at.cue.i]
    opener = toks[at.lo - 1].text.lower() if at.lo > 0 else ""
    aux = toks[j].tag_ in ("VAFIN", "VMFIN") and cue.tag_ in ("VVPP", "VVINF")
    return aux and j == at.cue.i + 1 and opener == "wie"


def _clause_before(toks: Sequence[Token], at: Attribution) -> tuple[int, int] | None:
    b = at.lo
    if toks[b].tag_ == "PRELS":
        return None  # "…, der angab, …": the main clause before is not what he said
    if b > 0 and toks[b - 1].text.lower() == "wie" and at.cue.kind == "verb":
        b -= 1
    elif b > 1 and at.cue.kind == "verb" and _this_after_comma(toks, b - 1):
        b -= 1  # "…, das teilte X mit": the demonstrative takes up the words before it
    if b < 2 or toks[b - 1].text not in (",", "–", "—"):
        return None
    if at.speaker is not None and b == at.speaker[0] and toks[b].tag_ in ("PPER", "ART", "NE"):
        return None  # "…, er hat aber nie darüber gesprochen": a new clause, no inversion
    start = max((k + 1 for k in range(b - 1) if toks[k].text == ":"), default=0)
    if b - start < 3:
        return None
    # "Während …, forderte X": the speaker's own sentence, no report; but ", so X" reports
    # all before it ("Während …, sollen …, so X")
    opener = toks[start].tag_ in ("KOUS", "KOUI") and toks[start].text.lower() not in THAT
    if opener and at.cue.kind != "so":
        return None
    relative = in_relative(toks, start, b)
    has_verb = any(
        (t.tag_.endswith("FIN") and not relative[k - start])
        or t.tag_ in ("VBD", "VBZ", "VBP", "MD")  # "The plant will close, the firm said"
        or t.is_quote
        for k, t in enumerate(toks[start:b], start)
    )
    return (start, b) if has_verb else None


def _this_after_comma(toks: Sequence[Token], k: int) -> bool:
    return toks[k].tag_ == "PDS" and toks[k].text.lower() in _ANAPHORS and toks[k - 1].text == ","


_ANAPHORS = frozenset({"das", "dies"})
_NOT_GOING_ON = frozenset({"PRELS", "PRELAT", "KOUS", "KON", "PWAV", "PWS", "$(", "$."})


def _goes_on(unit: Unit, at: Attribution, lex: Lexicon) -> int | None:
    """Where reported words end that go on after an attribution set into them ("Die
    Lage sei, *so X*, sehr ernst"); None where the sentence ends with the attribution or
    goes on with something else (a relative clause, the writer's next clause)."""
    toks = unit.toks
    k = at.hi
    if at.cue.kind != "so" or k >= len(toks) or toks[k].text not in _INSERT_MARKS:
        return None
    while k < len(toks) and toks[k].text in _INSERT_MARKS:
        k += 1
    rest = [t for t in toks[k:] if not t.is_punct]
    if len(rest) < 2 or toks[k].tag_ in _NOT_GOING_ON or any(unit.quoted[k:]):
        return None
    if toks[k].tag_.endswith("FIN") and not konj_word(toks[k], lex, strict=False):
        return None
    if toks[k].tag_ in ("NN", "NE") and not any(t.tag_.endswith("FIN") for t in toks[k:]):
        return None  # "…, so X, *Leiter der Abteilung*": an apposition names the source
    return len(toks)


def _so_it_says(toks: Sequence[Token], at: Attribution) -> bool:
    """ "…, *heißt es*" · "…, *hieß es* in einer Erklärung": a source without a speaker."""
    i = at.cue.i
    return toks[i].lemma_ == "heißen" and i + 1 < len(toks) and toks[i + 1].text == "es"


def indirect_quote(unit: Unit, at: Attribution, lex: Lexicon) -> Found | None:
    toks, lang = unit.toks, lex.lang
    if at.cue.kind in ("wonach", "relative"):
        lo, hi = at.cue.i + (1 if at.cue.kind == "wonach" else 2), len(toks)
        return _found(unit, at, lo, hi, at.cue.kind) if hi - lo >= 3 else None
    if at.cue.kind in ("prep", "postp", "noun", "adv"):
        return _source_quote(unit, at)
    if naming(toks, at.cue):
        return None
    # "…, sagte X": without a speaker after it the cue is mostly inside a subordinate
    # clause ("…, der als Download gestellt wurde"), not attributing what stands before
    told = at.speaker is not None and (lang == "de" or _next_to_cue(at))
    before = _clause_before(toks, at) if told or _so_it_says(toks, at) else None
    span = before or _clause_after(toks, at, lex)
    if span is None:
        return None
    lo, hi = span
    on = _goes_on(unit, at, lex) if before is not None else None
    if on is not None:  # "Die Lage sei, so X, ernst": the words go on after the source
        found = _found(unit, at, lo, on, "clause")
        found.gaps.append(inserted(toks, hi, at.hi))
        return found
    if before is None and lang == "de":
        hi = coordinated_end(unit, lo, hi, lex)
    whole = before is None and lang == "de" and _reported_cue(toks, at, lex)
    return _clause_found(unit, at, (lo, hi), whole)


def _next_to_cue(at: Attribution) -> bool:
    """ "…, the ministry said" · "…, said X": the speaker stands by the cue, not as the
    subject of another verb ("X left the room, *saying* …")."""
    assert at.speaker is not None
    return at.speaker[1] >= at.cue.i or at.speaker[0] > at.cue.i


def _clause_found(unit: Unit, at: Attribution, span: tuple[int, int], whole: bool) -> Found:
    """The reported clause lo..hi as a quote: a quotation if marks cover it; with the
    sentence before it (``whole``), its speaker left to the document, where the cue's
    own clause is reported ("Die Behörde *gehe* davon aus, dass …")."""
    lo, hi = span
    mark = unit.mark_covering(lo, hi)
    if mark is not None:
        return _mark_found(unit, at, mark, "clause-marked")
    if whole:
        return Found(unit.toks[0].idx, _span(unit.toks, lo, hi)[1], "indirect", rule="reported-cue")
    return _found(unit, at, lo, hi, "clause")


def _reported_cue(toks: Sequence[Token], at: Attribution, lex: Lexicon) -> bool:
    """The cue's own clause opens the sentence in Konjunktiv I: somebody reports that X
    said it, and the corpus takes the whole sentence as that report."""
    verb = at.cue.aux if at.cue.aux is not None else at.cue.i
    head = min(at.lo, verb)
    return not any(t.text == "," for t in toks[:head]) and konj_word(toks[verb], lex, strict=True)


_INSERT_MARKS = frozenset({",", "–", "—", "-"})


def inserted(toks: Sequence[Token], lo: int, hi: int) -> Offsets:
    """The characters of an attribution set into reported words, with the commas or
    dashes that enclose it: the corpus quotes neither ("Das sei*, so X,* falsch")."""
    if lo > 0 and toks[lo - 1].text in _INSERT_MARKS:
        lo -= 1
        while hi < len(toks) - 1 and toks[hi].text in _INSERT_MARKS:
            hi += 1
    return _span(toks, lo, hi)


def _source_quote(unit: Unit, at: Attribution) -> Found | None:
    """What "laut X", "X zufolge", "nach Angaben X" report: the rest of the sentence,
    or the clause that holds the source, the source itself left out as a gap."""
    toks = unit.toks
    lo, hi = 0, len(toks)
    if at.lo == 0:
        lo = at.hi + (1 if at.hi < len(toks) and toks[at.hi].text == "," else 0)
        lo = _field_end(unit, at) or lo
    elif at.hi >= len(toks) - 1:
        hi = at.lo
    else:
        lo, hi = source_clause(unit, at.lo, at.hi)
    if hi - lo < 3:
        return None
    found = _found(unit, at, lo, hi, at.cue.kind)
    if lo < at.lo and at.hi < hi:  # "Es bestehe *nach Angaben X* keine Gefahr"
        found.gaps.append(inserted(toks, at.lo, at.hi))
    return found


def _field_end(unit: Unit, at: Attribution) -> int | None:
    """The finite verb after a source that opens the sentence ("Laut X vom Montag
    *wurden* …"): in German the first field holds one phrase, the source."""
    if at.cue.kind not in ("prep", "noun") or at.cue.i != 0:
        return None
    toks = unit.toks
    for k in range(at.cue.i + at.cue.width, len(toks)):
        if toks[k].text in (",", ":") or unit.quoted[k]:
            return None
        if toks[k].tag_.endswith("FIN"):
            return k if k >= at.hi else None
    return None


def _prefield(unit: Unit, at: Attribution) -> Attribution:
    """ "Laut einer gestern veröffentlichten Mitteilung des X *wurden* …": a source that
    opens the sentence is all of its first field, up to the finite verb, even where no
    noun phrase could be read from it."""
    cue = at.cue
    if at.speaker is not None or cue.kind not in ("prep", "noun") or cue.i != 0:
        return at
    toks = unit.toks
    first = cue.i + cue.width
    verb = next((k for k in range(first, len(toks)) if toks[k].tag_.endswith("FIN")), None)
    if verb is None or verb == first or unit.quoted[verb]:
        return at
    field = toks[first:verb]
    if any(t.text in (",", ":") for t in field) or not any(t.tag_ in ("NN", "NE") for t in field):
        return at
    return replace(at, speaker=(first, verb), hi=verb)


def unit_quotes(
    unit: Unit, ts: TagSet, lex: Lexicon, parsed: bool
) -> tuple[list[Found], list[Attribution]]:
    """Quotes of one unit, and every cue's attribution (for speakers carried onwards)."""
    cues = find_cues(unit.toks, unit.quoted, lex)
    found: list[Found] = []
    atts = [_prefield(unit, attribution(unit, c, ts, lex, parsed)) for c in cues]
    atts = [a for a in atts if a.speaker is not None or a.cue.kind not in ("so", "prep", "postp")]
    for at in atts:
        host = next((f for f in found if f.start <= unit.toks[at.cue.i].idx < f.end), None)
        if host is not None:
            if at.cue.kind == "so" and host.rule == "clause" and at.cue.i > 1:
                if _goes_on(unit, at, lex) is not None:
                    host.gaps.append(inserted(unit.toks, at.lo, at.hi))
                    continue
                # "X wurde aufgefordert, *Y zu tun*, so Z": the reported words end there
                last = unit.toks[at.cue.i - 2]
                host.end = max(host.start, last.idx + len(last.text))
            continue  # a speech verb inside somebody's reported words
        direct = direct_quotes(unit, at)
        if direct:
            found.extend(q for q in direct if all(q.start != f.start for f in found))
            if at.cue.kind != "so" or at.lo < 2:
                continue  # "…, so X weiter: „…“": the words before are X's as well
        indirect = indirect_quote(unit, at, lex)
        if indirect is not None and not any(f.start <= indirect.start < f.end for f in found):
            found.append(indirect)
    found = [f for f in found if f.end > f.start]  # cut back to nothing by ", so X"
    if not found and lex.lang == "de":
        found = reported_speech(unit, atts, lex)
    elif lex.lang == "de":
        found += joined_report(unit, atts, found, lex)
    return found, atts
