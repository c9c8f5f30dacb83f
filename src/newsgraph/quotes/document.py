"""Quotes of a whole document: units in order, with the speaker carried between them.

What a unit without its own cue gets from the unit before it (the speaker "carried"):

* a unit that is one quotation ("„…“" as its own sentence) is a direct quote of the
  previous speaker;
* a unit in Konjunktiv I (German reported speech: "Er sei …", "Es gebe …") continues
  the previous speaker's indirect quote;
* quotation marks in it are partial quotes of that speaker.

Parts that are not news text of this article (related links, credits, captions, the
title) never yield quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Document
from .chunks import PTB, STTS, TagSet, np_end
from .found import Found, Offsets
from .lexicon import Lexicon
from .marks import find_marked
from .rules import Attribution, unit_quotes
from .speaker import char_span, left_subject, right_subject
from .units import Unit, build_units

QUOTE_PARTS = frozenset({"lead", "body", "subheading"})
_ADJACENT = 3  # characters between a quote's end and the next unit: the run goes on
_ANAPHORS = frozenset({"Dies", "Das", "This", "That"})


@dataclass(frozen=True, slots=True)
class Settings:
    lex: Lexicon
    tags: TagSet
    parsed: bool  # the Doc has a dependency parse (English spaCy pipeline)


def analyse(doc: Document, settings: Settings) -> list[Found]:
    if doc.doc is None:
        raise ValueError("the quotes stage needs the tokens stage to run first")
    out: list[Found] = []
    for part in doc.parts:
        if part.kind not in QUOTE_PARTS:
            continue
        marks = find_marked(doc.text, part.start, part.end, settings.lex.lang)
        sentences = [s for s in doc.sentences if part.start <= s.start < part.end]
        units = build_units(doc.doc, doc.text, sentences, marks)
        out.extend(_part_quotes(units, settings))
    _mark_nested(out)
    return out


def _part_quotes(units: Sequence[Unit], settings: Settings) -> list[Found]:
    out: list[Found] = []
    carry: Offsets | None = None
    previous: Unit | None = None
    for unit in units:
        found, atts = unit_quotes(unit, settings.tags, settings.lex, settings.parsed)
        if not found and previous is not None:
            found = _anaphoric(unit, previous, atts, out)
        merged = False
        last_unit, previous = previous, unit
        if not found and not atts:
            guess = carry
            if carry is None and last_unit is not None:
                guess = _subject(last_unit, settings)
            found = _continuation(unit, carry, guess, settings.lex, out)
            merged = (
                not found
                and bool(out)
                and out[-1].end == unit.toks[-1].idx + len(unit.toks[-1].text)
            )
        found += _partials(unit, out[-1:] if merged else found, atts, carry)
        if last_unit is not None and last_unit.toks[-1].text == ":":
            _colon_before(found, unit, last_unit, settings)
        carry = carry if merged else _next_carry(found, atts, unit)
        out.extend(found)
    return out


def _anaphoric(
    unit: Unit, previous: Unit, atts: Sequence[Attribution], before: list[Found]
) -> list[Found]:
    """ "… . Dies bestätigte X.": the sentence before is what X said."""
    toks = unit.toks
    if len(toks) < 2 or toks[0].text not in _ANAPHORS:
        return []
    for at in atts:
        if at.cue.kind == "verb" and at.cue.i == 1 and at.speaker is not None:
            if any(f.start >= previous.start for f in before):
                return []
            first = previous.toks[0]
            found = Found(first.idx, toks[0].idx + len(toks[0].text), "indirect", rule="anaphor")
            found.speaker = char_span(toks, at.speaker)
            found.cue = char_span(toks, (at.cue.i, at.cue.i + 1))
            return [found]
    return []


def _colon_before(found: Sequence[Found], unit: Unit, before: Unit, settings: Settings) -> None:
    """ "X, Präsident des Rats:" / "Hier sparte X nicht mit Kritik:" then „…“ alone.

    The unit before, ending in a colon, introduces the quotation: its leading NP or its
    subject is the speaker.
    """
    for f in found:
        if f.speaker is None and f.start == unit.start and f.kind == "direct":
            f.speaker = _colon_speaker(before, len(before.toks) - 1) or _subject(
                before, settings, any_np=True
            )


def _subject(unit: Unit, settings: Settings, any_np: bool = False) -> Offsets | None:
    """The subject of a unit's first finite verb: who speaks on in Konjunktiv after it.

    "X verteidigte die Beschlüsse. Er wolle …": the sentence after one whose verb is no
    speech verb still reports X's words when it is in Konjunktiv I.
    """
    toks, ts = unit.toks, settings.tags
    v = next((k for k, t in enumerate(toks) if t.tag_.endswith("FIN") and not unit.quoted[k]), None)
    if v is None or settings.lex.lang != "de":
        return None
    span = (
        left_subject(toks, unit.quoted, v, ts)
        or right_subject(toks, unit.quoted, v, ts, settings.lex)[0]
    )
    if span is None:
        return None
    if not any_np and not any(_speaker_like(t, settings.lex) for t in toks[span[0] : span[1]]):
        return None
    return char_span(toks, span)


def _speaker_like(tok: Token, lex: Lexicon) -> bool:
    """A name, a person pronoun or a role noun: a subject that can have spoken."""
    word = tok.text
    return tok.tag_ == "NE" or word in lex.words.get("role", ()) or word.lower() in ("er", "sie")


def _next_carry(found: Sequence[Found], atts: Sequence[Attribution], unit: Unit) -> Offsets | None:
    with_speaker = [f.speaker for f in found if f.speaker is not None]
    if with_speaker:
        return with_speaker[-1]
    spoken = [a.speaker for a in atts if a.speaker is not None and a.cue.kind == "verb"]
    return char_span(unit.toks, spoken[-1]) if spoken and not found else None


def is_konjunktiv(unit: Unit, lex: Lexicon, strict: bool = False) -> bool:
    """Reported-speech mood; ``strict``: Konjunktiv I only (II is also a conditional)."""
    words = [t for k, t in enumerate(unit.toks) if not unit.quoted[k]]
    lower = {t.text.lower() for t in words}
    if lower & lex.words.get("konj1", frozenset()):
        return True
    if (
        not strict
        and lower & lex.words.get("konj2", frozenset())
        and not lower & lex.words.get("conditional", frozenset())
    ):
        return True
    return any(_konj1_form(t.text, t.lemma_, t.tag_) for t in words)


def _konj1_form(text: str, lemma: str, tag: str) -> bool:
    """3rd person Konjunktiv I of a full verb: stem + "e" ("gebe", "fordere")."""
    if tag != "VVFIN" or not lemma.endswith("n") or len(lemma) < 4:
        return False
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    return text.lower() == stem + "e"


def _continuation(
    unit: Unit, carry: Offsets | None, guess: Offsets | None, lex: Lexicon, before: list[Found]
) -> list[Found]:
    """Quotes of a unit without cues, spoken by the previous unit's speaker (if known).

    Konjunktiv I is reported speech even where nobody before can be named its speaker;
    ``guess`` (the subject of the unit before) then speaks it. A quotation alone needs a
    speaker from a cue (``carry``): a subject guessed for it is wrong too often.
    """
    toks = unit.toks
    if carry is not None and unit.is_mark(0, len(toks)):
        mark = unit.marks[0][0]
        return [Found(mark.start, mark.end, "direct", speaker=carry, rule="carried-direct")]
    if lex.lang == "de" and is_konjunktiv(unit, lex, strict=carry is None):
        end = toks[-1].idx + len(toks[-1].text)
        last = before[-1] if before else None
        adjacent = last is not None and unit.start - last.end <= _ADJACENT
        if last is not None and adjacent and last.rule == "konjunktiv" and last.speaker == guess:
            last.end = end  # the corpus takes a run of reported sentences as one quote
            return []
        return [Found(toks[0].idx, end, "indirect", speaker=guess, rule="konjunktiv")]
    return []


def _partials(
    unit: Unit, found: Sequence[Found], atts: Sequence[Attribution], carry: Offsets | None
) -> list[Found]:
    out = []
    for mark, (lo, hi) in unit.marks:
        if any(f.start <= mark.start < f.end and f.kind == "direct" for f in found):
            continue
        host = next((f for f in found if f.start <= mark.start < f.end), None)
        speaker, cue = _partial_source(unit, host, atts, carry)
        whole = unit.is_mark(0, len(unit.toks))
        if not whole and _looks_like_a_name(unit.toks[lo + 1 : hi - 1]):
            continue  # „Der Spiegel“, „Berliner Zeitung“: a title, not somebody's words
        if speaker is None and lo > 0 and unit.toks[lo - 1].text == ":":
            speaker = _colon_speaker(unit, lo)
        full = (lo == 0 or unit.toks[lo - 1].text == ":") and hi >= len(unit.toks) - 1
        if host is None and speaker is None and not (whole or full):
            continue
        kind = "direct" if whole or full else "partial"
        out.append(Found(mark.start, mark.end, kind, speaker=speaker, cue=cue, rule="mark"))
    return out


def _looks_like_a_name(toks: Sequence[Token]) -> bool:
    words = [t for t in toks if t.text[:1].isalpha()]
    return 0 < len(words) <= 4 and all(t.text[:1].isupper() for t in words)


def _colon_speaker(unit: Unit, colon: int) -> Offsets | None:
    """ "Ein Beamter der Polizei: „…“": the NP before the colon, from the unit start."""
    toks = unit.toks
    end = np_end(toks, 0, STTS if toks[0].lang_ != "en" else PTB, left=True)
    if end is None or any(unit.quoted[:end]):
        return None
    if end >= colon - 1 or toks[end].tag_.endswith("FIN"):
        return char_span(toks, (0, end))
    return None


def _partial_source(
    unit: Unit, host: Found | None, atts: Sequence[Attribution], carry: Offsets | None
) -> tuple[Offsets | None, Offsets | None]:
    if host is not None:
        return host.speaker, host.cue
    for at in atts:
        if at.speaker is not None:
            cue = char_span(unit.toks, (at.cue.i, at.cue.i + at.cue.width))
            return char_span(unit.toks, at.speaker), cue
    return carry, None


def _mark_nested(found: list[Found]) -> None:
    for f in found:
        f.nested = any(g.contains(f) and g.kind in ("indirect", "reported") for g in found)


def parsed(doc: Doc) -> bool:
    return doc.has_annotation("DEP")
