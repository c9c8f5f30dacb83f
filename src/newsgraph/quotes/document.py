"""Quotes of a whole document: units in order, with the speaker carried between them.

What a unit without its own cue gets from the unit before it (the speaker "carried"):

* a unit that is one quotation ("„…“" as its own sentence) is a direct quote of the
  previous speaker;
* a unit in Konjunktiv I (German reported speech: "Er sei …", "Es gebe …") continues
  the previous speaker's indirect quote;
* quotation marks in it are partial quotes of that speaker;
* a sentence whose own cue is in Konjunktiv I ("Die Behörde *gehe* davon aus, dass …")
  is one quote, reported by that speaker (rule "reported-cue").

Parts that are not news text of this article (related links, credits, captions, the
title) never yield quotes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from spacy.tokens import Doc, Token

from ..model import Document
from .attribution import Attribution
from .clauses import before_colon_quote, coordinated_end, in_relative
from .found import Found, Offsets
from .lexicon import Lexicon
from .marked import colon_before, partials
from .marks import find_marked
from .mood import hearsay, hearsay_past, is_konjunktiv, konj_word
from .positions import char_span
from .rules import unit_quotes
from .subjects import Settings, subject_of
from .units import Unit, build_units

__all__ = ["QUOTE_PARTS", "Settings", "analyse", "parsed", "quote_units"]

QUOTE_PARTS = frozenset({"lead", "body", "subheading"})
_ADJACENT = 3  # characters between a quote's end and the next unit: the run goes on
_PARAGRAPH_GAP = 4  # characters between a quote's end and the next paragraph: it ends that one
_RECENT = 250  # characters from a quote's end within which its speaker may report on
_ANAPHORS = frozenset({"Dies", "Das", "This", "That"})


def analyse(doc: Document, settings: Settings) -> list[Found]:
    if doc.doc is None:
        raise ValueError("the quotes stage needs the tokens stage to run first")
    out: list[Found] = []
    for units in quote_units(doc, settings.lex.lang):
        _part_quotes(units, settings, out)
    _speaker_from_next_paragraph(out, doc.text)
    _mark_nested(out)
    return out


_OPENING = ("„", "»", "«", "“", '"')
_CLOSING = ("“", "”", "«", "»", '"')


def _speaker_from_next_paragraph(found: list[Found], text: str) -> None:
    """ "„A. B.¶„C“, sagte X.": a quotation left open at a paragraph's end goes on in the
    next paragraph, whose opening mark repeats it; the speaker named there spoke both."""
    ordered = sorted(found, key=lambda f: f.start)
    for this, nxt in pairwise(ordered):
        words, gap = text[this.start : this.end], text[this.end : nxt.start]
        open_end = words.startswith(_OPENING) and not words.rstrip(".!?").endswith(_CLOSING)
        goes_on = "\n" in gap and not gap.strip() and text[nxt.start : nxt.end].startswith(_OPENING)
        if this.kind == "direct" and this.speaker is None and open_end and goes_on:
            this.speaker = nxt.speaker


def quote_units(doc: Document, lang: str) -> Iterator[list[Unit]]:
    """The units of each part that may hold quotes, part by part."""
    if doc.doc is None:
        raise ValueError("the quotes stage needs the tokens stage to run first")
    for part in doc.parts:
        if part.kind not in QUOTE_PARTS:
            continue
        marks = find_marked(doc.text, part.start, part.end, lang)
        sentences = [s for s in doc.sentences if part.start <= s.start < part.end]
        yield build_units(doc.doc, doc.text, sentences, marks)


def _part_quotes(units: Sequence[Unit], settings: Settings, out: list[Found]) -> None:
    """Adds the part's quotes to ``out`` (the quotes of the parts before it)."""
    carry: Offsets | None = None
    # the speaker of a quote that ended the paragraph before: Konjunktiv goes on with it
    inherited = _carried_over(out, units[0]) if units else None
    previous: Unit | None = None
    told = False
    for unit in units:
        found, atts = unit_quotes(unit, settings.tags, settings.lex, settings.parsed)
        for f in found:
            if f.rule == "reported-cue":  # reported by whoever spoke before
                f.speaker = carry or _recent_speaker(out, unit)
        if not found and previous is not None:
            found = _anaphoric(unit, previous, atts, out)
        merged = False
        last_unit, previous = previous, unit
        if not found:
            # a cue whose clause the rules did not take ("nachdem sie berichtet hatte, dass
            # …") leaves the unit to the Konjunktiv rules like a unit without cues
            whole = unit.is_mark(0, len(unit.toks))  # a new paragraph „…“: often a new voice
            source = carry or (None if whole else inherited)
            guess = source
            if source is None:  # a report may go on in the next paragraph
                subject = subject_of(last_unit, settings) if last_unit is not None else None
                guess = subject or _recent_speaker(out, unit)
            found = _continuation(unit, source, guess, atts, (settings.lex, out))
            for f in found:
                if f.start > unit.start:  # "X sprach die Hoffnung aus, …": X speaks
                    f.speaker = subject_of(unit, settings, any_np=True) or f.speaker
            merged = (
                not found
                and bool(out)
                and out[-1].end == unit.toks[-1].idx + len(unit.toks[-1].text)
            )
        found += partials(unit, out[-1:] if merged else found, atts, (carry, settings, told))
        if last_unit is not None and last_unit.toks[-1].text == ":":
            colon_before(found, unit, last_unit, settings)
        elif last_unit is not None and not unit.paragraph_start:
            _after_report(found, unit, last_unit, out)
        carry = carry if merged else _next_carry(found, atts, unit)
        # a speech act told without its words ("X kritisierte Y."): a phrase in marks in
        # the next sentence ("Beide arbeiteten an einer „…“") is likely its words
        told = carry is not None and all(f.kind == "reported" for f in found)
        inherited = None
        out.extend(found)


def _anaphoric(
    unit: Unit, previous: Unit, atts: Sequence[Attribution], before: list[Found]
) -> list[Found]:
    """ "… . Dies bestätigte X.": the sentence before is what X said."""
    toks = unit.toks
    if len(toks) < 2 or toks[0].text not in _ANAPHORS:
        return []
    for at in atts:
        if at.cue.kind == "verb" and at.cue.i == 1 and at.speaker is not None:
            prior = [f for f in before if f.start >= previous.start]
            if prior:
                # "Wie bekannt wurde, … . Das berichteten X.": X speaks what had no speaker
                for f in prior:
                    f.speaker = f.speaker or char_span(toks, at.speaker)
                return []
            first = previous.toks[0]
            found = Found(first.idx, toks[0].idx + len(toks[0].text), "indirect", rule="anaphor")
            found.speaker = char_span(toks, at.speaker)
            found.cue = char_span(toks, (at.cue.i, at.cue.i + 1))
            return [found]
    return []


def _after_report(found: Sequence[Found], unit: Unit, before: Unit, out: list[Found]) -> None:
    """ "X habe … gesagt. „…“": a quotation alone in the paragraph of a quote just
    before it goes on with that quote's speaker (no cue carried it here)."""
    last = _last_outer(out)
    if last is None or last.end < before.start or last.speaker is None:
        return
    for f in found:
        if f.speaker is None and f.start == unit.start and f.kind == "direct":
            f.speaker = last.speaker


def _carried_over(before: Sequence[Found], first: Unit) -> Offsets | None:
    """The speaker of a quote that ends the paragraph before: „…“ alone goes on with it."""
    last = before[-1] if before else None
    if last is None or first.start - last.end > _PARAGRAPH_GAP:
        return None
    return last.speaker


def _recent_speaker(before: Sequence[Found], unit: Unit) -> Offsets | None:
    """The speaker of a quote that ended shortly before: Konjunktiv I goes on reporting.

    "Die Polizei teilte mit, … . Der Täter sei geflohen. Er *habe* …": a sentence that is
    no quote may stand between the report and its continuation.
    """
    last = before[-1] if before else None
    if last is None or last.speaker is None or unit.start - last.end > _RECENT:
        return None
    return last.speaker


def _next_carry(found: Sequence[Found], atts: Sequence[Attribution], unit: Unit) -> Offsets | None:
    with_speaker = [f.speaker for f in found if f.speaker is not None]
    if with_speaker:
        return with_speaker[-1]
    spoken = [a.speaker for a in atts if a.speaker is not None and a.cue.kind == "verb"]
    return char_span(unit.toks, spoken[-1]) if spoken and not found else None


def _continuation(
    unit: Unit,
    carry: Offsets | None,
    guess: Offsets | None,
    atts: Sequence[Attribution],
    context: tuple[Lexicon, list[Found]],
) -> list[Found]:
    """Quotes of a unit where its cues (``atts``, if any) found none, spoken by the
    previous unit's speaker (if known).

    Konjunktiv I is reported speech even where nobody before can be named its speaker;
    ``guess`` (the subject of the unit before) then speaks it. A quotation alone needs a
    speaker from a cue (``carry``): a subject guessed for it is wrong too often; so does
    "soll" (hearsay), which also plans ("Die Brücke soll 2030 fertig sein"), unless it
    follows reported words or tells of the past ("soll geflohen sein").
    """
    lex, before = context
    toks = unit.toks
    if carry is not None and unit.is_mark(0, len(toks)):
        mark = unit.marks[0][0]
        return [Found(mark.start, mark.end, "direct", speaker=carry, rule="carried-direct")]
    last = _last_outer(before)
    adjacent = last is not None and unit.start - last.end <= _ADJACENT
    strict = carry is None
    # "soll" reports after a cue or right after reported words ("Er sei …. Er soll …")
    after_report = carry is not None or (adjacent and last is not None and last.kind == "indirect")
    reported = (
        is_konjunktiv(unit, lex, strict=strict)
        or (after_report and hearsay(unit, lex))
        or (guess is not None and hearsay_past(unit, lex))
    )
    if lex.lang == "de" and reported:
        first = _reported_clause(unit, lex, strict=strict)
        if first is None:
            return []
        hi = _reported_end(unit, first, atts, lex)
        if hi < len(toks):
            last_tok = toks[hi - 1]
        else:
            last_tok = toks[-1] if first == 0 or len(toks) < 2 or toks[-1].is_alpha else toks[-2]
        end = last_tok.idx + len(last_tok.text)
        if first == 0 and adjacent and last and last.rule == "konjunktiv" and last.speaker == guess:
            last.end = end  # the corpus takes a run of reported sentences as one quote
            return []
        return [Found(toks[first].idx, end, "indirect", speaker=guess, rule="konjunktiv")]
    return []


def _reported_end(unit: Unit, first: int, atts: Sequence[Attribution], lex: Lexicon) -> int:
    """Where reported words that start at ``first`` end: before a quotation after a colon
    ("…, sei klar: „…“"), before the attribution after them ("…, zitiert X aus …"), and
    before the writer's own clause that goes on ("…, mehrmals wurde es verlängert")."""
    toks = unit.toks
    hi = before_colon_quote(toks, first, len(toks))
    for at in atts:
        inside = first < at.lo < hi and toks[at.lo - 1].text == ","
        if inside and any(konj_word(t, lex, strict=False) for t in toks[first : at.lo - 1]):
            hi = at.lo - 1  # the words before it are still reported ones
    return coordinated_end(unit, first, hi, lex)


def _last_outer(before: Sequence[Found]) -> Found | None:
    """The last quote that no other holds: a partial quote inside a reported sentence
    does not end the run of reported sentences."""
    for f in reversed(before[-4:]):
        if not any(g.contains(f) for g in before[-4:]):
            return f
    return None


_NOT_REPORTED = frozenset({"PRELS", "PRELAT", "KOUI", "PWAV", "PWS"})


def _aside(toks: Sequence[Token]) -> list[bool]:
    """Words of a relative clause or of a clause that opens the sentence with a
    conjunction: "Ein Tief, *das … stand*, habe …", "*Nachdem er … hat*, sei er …"; their
    verbs do not say whether the main clause reports."""
    aside = in_relative(toks, 0, len(toks))
    if toks and toks[0].tag_ == "KOUS":
        comma = next((k for k, t in enumerate(toks) if t.text == ","), 0)
        aside[:comma] = [True] * comma
    return aside


def _reported_clause(unit: Unit, lex: Lexicon, strict: bool) -> int | None:
    """Where the reported words start: after the comma before the first Konjunktiv verb
    when the main clause is indicative ("Er sprach die Hoffnung aus, *sein Leben werde
    …*"); else at the unit's start. None: the Konjunktiv stands in a relative or other
    subordinate clause of an indicative sentence, which reports nothing."""
    toks, quoted = unit.toks, unit.quoted
    finite = [k for k, t in enumerate(toks) if t.tag_.endswith("FIN") and not quoted[k]]
    aside = _aside(toks)
    main = [k for k in finite if not aside[k]]
    if not finite or konj_word(toks[(main or finite)[0]], lex, strict):
        return 0  # the main clause reports, whatever a relative clause before its verb says
    konj = next((k for k in finite if konj_word(toks[k], lex, strict)), None)
    if konj is None:
        return 0
    commas = [k for k in range(finite[0], konj) if toks[k].text in (",", ";") and not quoted[k]]
    first = commas[-1] + 1 if commas and commas[-1] + 1 < len(toks) else 0
    head = toks[first]
    if first and (head.tag_ in _NOT_REPORTED or (head.tag_ == "KOUS" and head.text != "dass")):
        return None  # ", die … setzen soll", ", um … zu": part of the writer's own sentence
    return first


def _mark_nested(found: list[Found]) -> None:
    for f in found:
        f.nested = any(g.contains(f) and g.kind in ("indirect", "reported") for g in found)


def parsed(doc: Doc) -> bool:
    return doc.has_annotation("DEP")
