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
_PARAGRAPH_GAP = 4  # characters between a quote's end and the next paragraph: it ends that one
_RECENT = 250  # characters from a quote's end within which its speaker may report on
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
        _part_quotes(units, settings, out)
    _mark_nested(out)
    return out


def _part_quotes(units: Sequence[Unit], settings: Settings, out: list[Found]) -> None:
    """Adds the part's quotes to ``out`` (the quotes of the parts before it)."""
    carry: Offsets | None = None
    # the speaker of a quote that ended the paragraph before: Konjunktiv goes on with it
    inherited = _carried_over(out, units[0]) if units else None
    previous: Unit | None = None
    for unit in units:
        found, atts = unit_quotes(unit, settings.tags, settings.lex, settings.parsed)
        if not found and previous is not None:
            found = _anaphoric(unit, previous, atts, out)
        merged = False
        last_unit, previous = previous, unit
        if not found and not atts:
            whole = unit.is_mark(0, len(unit.toks))  # a new paragraph „…“: often a new voice
            source = carry or (None if whole else inherited)
            guess = source
            if source is None:  # a report may go on in the next paragraph
                subject = _subject(last_unit, settings) if last_unit is not None else None
                guess = subject or _recent_speaker(out, unit)
            found = _continuation(unit, source, guess, settings.lex, out)
            for f in found:
                if f.start > unit.start:  # "X sprach die Hoffnung aus, …": X speaks
                    f.speaker = _subject(unit, settings, any_np=True) or f.speaker
            merged = (
                not found
                and bool(out)
                and out[-1].end == unit.toks[-1].idx + len(unit.toks[-1].text)
            )
        found += _partials(unit, out[-1:] if merged else found, atts, (carry, settings))
        if last_unit is not None and last_unit.toks[-1].text == ":":
            _colon_before(found, unit, last_unit, settings)
        carry = carry if merged else _next_carry(found, atts, unit)
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
            colon = len(before.toks) - 1
            f.speaker = (
                _colon_speaker(before, colon)
                or _subject(before, settings, any_np=True)
                or _colon_subject(before, colon, settings)
            )


def _colon_subject(unit: Unit, colon: int, settings: Settings) -> Offsets | None:
    """The subject of the clause that a colon ends: "Dann zeigte sich *X* zufrieden: „…“".

    Verbs are tried from the colon backwards, a subject before its verb first, then one
    after it: "biss *der Mann* den Helfer und rief:".
    """
    toks, ts = unit.toks, settings.tags
    verbs = [v for v in range(colon - 1, -1, -1) if toks[v].tag_.endswith("FIN")]
    verbs = [v for v in verbs if not unit.quoted[v]]
    spans = [left_subject(toks, unit.quoted, v, ts) for v in verbs]
    spans += [right_subject(toks, unit.quoted, v, ts, settings.lex)[0] for v in verbs]
    found = next((s for s in spans if s is not None), None)  # a subject first is surest
    return char_span(toks, found) if found is not None else None


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
    if "ich" in lower:
        return False  # "ich habe", "ich lehne … ab": first person, indicative; an interview
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
    speaker from a cue (``carry``): a subject guessed for it is wrong too often; so does
    "soll" (hearsay), which also plans ("Die Brücke soll 2030 fertig sein").
    """
    toks = unit.toks
    if carry is not None and unit.is_mark(0, len(toks)):
        mark = unit.marks[0][0]
        return [Found(mark.start, mark.end, "direct", speaker=carry, rule="carried-direct")]
    reported = is_konjunktiv(unit, lex, strict=carry is None) or (
        carry is not None and _hearsay(unit, lex)
    )
    if lex.lang == "de" and reported:
        first = _reported_clause(unit, lex, strict=carry is None)
        last_tok = toks[-1] if first == 0 or len(toks) < 2 or toks[-1].is_alpha else toks[-2]
        end = last_tok.idx + len(last_tok.text)
        last = before[-1] if before else None
        adjacent = last is not None and unit.start - last.end <= _ADJACENT
        if first == 0 and adjacent and last and last.rule == "konjunktiv" and last.speaker == guess:
            last.end = end  # the corpus takes a run of reported sentences as one quote
            return []
        return [Found(toks[first].idx, end, "indirect", speaker=guess, rule="konjunktiv")]
    return []


def _reported_clause(unit: Unit, lex: Lexicon, strict: bool) -> int:
    """Where the reported words start: after the comma before the first Konjunktiv verb
    when the main clause is indicative ("Er sprach die Hoffnung aus, *sein Leben werde
    …*"); else at the unit's start."""
    toks, quoted = unit.toks, unit.quoted
    finite = [k for k, t in enumerate(toks) if t.tag_.endswith("FIN") and not quoted[k]]
    if not finite or _konj_word(toks[finite[0]], lex, strict):
        return 0
    konj = next((k for k in finite if _konj_word(toks[k], lex, strict)), None)
    if konj is None:
        return 0
    commas = [k for k in range(finite[0], konj) if toks[k].text == "," and not quoted[k]]
    return commas[-1] + 1 if commas and commas[-1] + 1 < len(toks) else 0


def _konj_word(tok: Token, lex: Lexicon, strict: bool) -> bool:
    word = tok.text.lower()
    kinds = ("konj1", "hearsay") if strict else ("konj1", "hearsay", "konj2")
    return any(word in lex.words.get(k, frozenset()) for k in kinds) or _konj1_form(
        tok.text, tok.lemma_, tok.tag_
    )


def _hearsay(unit: Unit, lex: Lexicon) -> bool:
    """ "Er *soll* geflohen sein": the modal of hearsay, after somebody's report.

    The corpus marks such sentences as the previous source's words (FreeIndirect).
    """
    words = lex.words.get("hearsay", frozenset())
    return any(
        t.text.lower() in words and t.tag_ == "VMFIN"
        for k, t in enumerate(unit.toks)
        if not unit.quoted[k]
    )


def _partials(
    unit: Unit,
    found: Sequence[Found],
    atts: Sequence[Attribution],
    context: tuple[Offsets | None, Settings],
) -> list[Found]:
    carry, settings = context
    out = []
    for mark, (lo, hi) in unit.marks:
        if any(f.start <= mark.start < f.end and f.kind == "direct" for f in found):
            continue
        host = next((f for f in found if f.start <= mark.start < f.end), None)
        speaker, cue = _partial_source(unit, host, atts, carry)
        whole = unit.is_mark(0, len(unit.toks))
        if not whole and _looks_like_a_name(unit.toks[lo + 1 : hi - 1]):
            continue  # „Der Spiegel“, „Berliner Zeitung“: a title, not somebody's words
        if host is None and lo > 0 and unit.toks[lo - 1].text == ":":
            # the clause before the colon introduces it, over a speaker carried from before
            introduced = _colon_speaker(unit, lo) or _colon_subject(unit, lo - 1, settings)
            speaker = introduced or speaker
        full = (lo == 0 or unit.toks[lo - 1].text == ":") and hi >= len(unit.toks) - 1
        if host is None and speaker is None and not (whole or full):
            continue
        kind = "direct" if whole or full else "partial"
        out.append(Found(mark.start, mark.end, kind, speaker=speaker, cue=cue, rule="mark"))
    return out


def _looks_like_a_name(toks: Sequence[Token]) -> bool:
    """Capitalised words („Berliner Zeitung“), foreign words or names („Deus caritas
    est“), or a web address („news.example.org“): a title, not somebody's words."""
    words = [t for t in toks if t.text[:1].isalpha()]
    if len(words) == 1 and "." in words[0].text.strip("."):
        return True
    if words and all(t.tag_ in ("FM", "NE") for t in words):
        return True
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
