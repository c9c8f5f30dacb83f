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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Document
from .chunks import PTB, STTS, TagSet, np_end
from .clauses import before_colon_quote, coordinated_end
from .found import Found, Offsets
from .lexicon import Lexicon
from .marks import find_marked
from .mood import hearsay, hearsay_past, is_konjunktiv, konj_word
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
    for units in quote_units(doc, settings.lex.lang):
        _part_quotes(units, settings, out)
    _mark_nested(out)
    return out


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
    for unit in units:
        found, atts = unit_quotes(unit, settings.tags, settings.lex, settings.parsed)
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
                subject = _subject(last_unit, settings) if last_unit is not None else None
                guess = subject or _recent_speaker(out, unit)
            found = _continuation(unit, source, guess, atts, (settings.lex, out))
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


def _reported_clause(unit: Unit, lex: Lexicon, strict: bool) -> int | None:
    """Where the reported words start: after the comma before the first Konjunktiv verb
    when the main clause is indicative ("Er sprach die Hoffnung aus, *sein Leben werde
    …*"); else at the unit's start. None: the Konjunktiv stands in a relative or other
    subordinate clause of an indicative sentence, which reports nothing."""
    toks, quoted = unit.toks, unit.quoted
    finite = [k for k, t in enumerate(toks) if t.tag_.endswith("FIN") and not quoted[k]]
    if not finite or konj_word(toks[finite[0]], lex, strict):
        return 0
    konj = next((k for k in finite if konj_word(toks[k], lex, strict)), None)
    if konj is None:
        return 0
    commas = [k for k in range(finite[0], konj) if toks[k].text == "," and not quoted[k]]
    first = commas[-1] + 1 if commas and commas[-1] + 1 < len(toks) else 0
    head = toks[first]
    if first and (head.tag_ in _NOT_REPORTED or (head.tag_ == "KOUS" and head.text != "dass")):
        return None  # ", die … setzen soll", ", um … zu": part of the writer's own sentence
    return first


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
        if not whole and (
            _looks_like_a_name(unit.toks[lo + 1 : hi - 1]) or _named(unit.toks, lo, hi)
        ):
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


_BEFORE_NAME = frozenset({"ART", "APPRART", "PDAT", "PPOSAT"})
_NAME_GLUE = frozenset({"ART", "APPR", "APPRART", "KON"})


def _named(toks: Sequence[Token], lo: int, hi: int) -> bool:
    """A mark after an article that opens with a capital and is no sentence of its own:
    "die „Kampagne für ein Freies Tibet“", "in der „BILD am Sonntag“" name something."""
    if lo == 0 or hi - lo < 3 or toks[lo - 1].tag_ not in _BEFORE_NAME:
        return False
    first = toks[lo + 1]
    inner = toks[lo + 1 : hi - 1]
    # only function words in lower case ("für ein Freies Tibet"): a phrase that somebody
    # said has them too ("an einer „Stabilisierung der *globalen* Lage“")
    lower = [t for t in inner if t.text[:1].islower()]
    return first.text[:1].isupper() and all(t.tag_ in _NAME_GLUE for t in lower)


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
