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
from .speaker import char_span
from .units import Unit, build_units

QUOTE_PARTS = frozenset({"lead", "body", "subheading"})
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
        previous = unit
        merged = False
        if not found and not atts and carry is not None:
            found = _continuation(unit, carry, settings.lex, out)
            merged = (
                not found
                and bool(out)
                and out[-1].end == unit.toks[-1].idx + len(unit.toks[-1].text)
            )
        found += _partials(unit, out[-1:] if merged else found, atts, carry)
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


def _next_carry(found: Sequence[Found], atts: Sequence[Attribution], unit: Unit) -> Offsets | None:
    with_speaker = [f.speaker for f in found if f.speaker is not None]
    if with_speaker:
        return with_speaker[-1]
    spoken = [a.speaker for a in atts if a.speaker is not None and a.cue.kind == "verb"]
    return char_span(unit.toks, spoken[-1]) if spoken and not found else None


def is_konjunktiv(unit: Unit, lex: Lexicon) -> bool:
    words = [t for k, t in enumerate(unit.toks) if not unit.quoted[k]]
    lower = {t.text.lower() for t in words}
    if lower & lex.words.get("konj1", frozenset()):
        return True
    if lower & lex.words.get("konj2", frozenset()) and not lower & lex.words.get(
        "conditional", frozenset()
    ):
        return True
    return any(_konj1_form(t.text, t.lemma_, t.tag_) for t in words)


def _konj1_form(text: str, lemma: str, tag: str) -> bool:
    """3rd person Konjunktiv I of a full verb: stem + "e" ("gebe", "fordere")."""
    if tag != "VVFIN" or not lemma.endswith("n") or len(lemma) < 4:
        return False
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    return text.lower() == stem + "e"


def _continuation(unit: Unit, carry: Offsets, lex: Lexicon, before: list[Found]) -> list[Found]:
    """Quotes of a unit without cues, spoken by the previous unit's speaker."""
    toks = unit.toks
    if unit.is_mark(0, len(toks)):
        mark = unit.marks[0][0]
        return [Found(mark.start, mark.end, "direct", speaker=carry, rule="carried-direct")]
    if lex.lang == "de" and is_konjunktiv(unit, lex):
        end = toks[-1].idx + len(toks[-1].text)
        last = before[-1] if before else None
        if last is not None and last.rule == "konjunktiv" and last.speaker == carry:
            last.end = end  # the corpus takes a run of reported sentences as one quote
            return []
        return [Found(toks[0].idx, end, "indirect", speaker=carry, rule="konjunktiv")]
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
        f.nested = any(g.contains(f) and g.kind == "indirect" for g in found)


def parsed(doc: Doc) -> bool:
    return doc.has_annotation("DEP")
