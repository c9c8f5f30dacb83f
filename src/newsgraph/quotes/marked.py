"""Quotations in marks that no cue's rule took: partial quotes and quotations after a colon.

A phrase in marks inside a sentence is somebody's words when a cue of the sentence (or a
quote that holds it) names the speaker; a quotation after a colon is spoken by whom the
clause before the colon names.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .attribution import Attribution
from .found import Found, Offsets
from .lexicon import Lexicon
from .mood import konj_word
from .positions import char_span
from .subjects import Settings, colon_speaker, colon_subject, subject_of
from .units import Unit


def colon_before(found: Sequence[Found], unit: Unit, before: Unit, settings: Settings) -> None:
    """ "X, Präsident des Rats:" / "Hier sparte X nicht mit Kritik:" then „…“ alone.

    The unit before, ending in a colon, introduces the quotation: its leading NP or its
    subject is the speaker.
    """
    for f in found:
        if f.speaker is None and f.start == unit.start and f.kind == "direct":
            colon = len(before.toks) - 1
            f.speaker = (
                colon_speaker(before, colon, settings)
                or subject_of(before, settings, any_np=True)
                or colon_subject(before, colon, settings)
            )


def _reported_before(unit: Unit, colon: int, lex: Lexicon) -> bool:
    """The clause before a colon is in Konjunktiv I: somebody's words, not a new voice."""
    toks = unit.toks
    return any(
        t.tag_.endswith("FIN") and not unit.quoted[k] and konj_word(t, lex, strict=True)
        for k, t in enumerate(toks[:colon])
    )


def partials(
    unit: Unit,
    found: Sequence[Found],
    atts: Sequence[Attribution],
    context: tuple[Offsets | None, Settings, bool],
) -> list[Found]:
    """Quotes of the unit's quotations in marks that ``found`` (its quotes so far) does
    not hold as direct quotes; ``context``: the speaker carried from the unit before,
    the settings, and whether that unit told of a speech act without its words."""
    carry, settings, told = context
    out = []
    for mark, (lo, hi) in unit.marks:
        if any(f.start <= mark.start < f.end and f.kind == "direct" for f in found):
            continue
        host = next((f for f in found if f.start <= mark.start < f.end), None)
        speaker, cue = _partial_source(unit, host, atts, (carry, lo))
        # a speaker carried from a cue before the unit: right for a quotation alone,
        # hardly ever for a phrase in marks inside somebody else's sentence
        carried = host is None and cue is None and speaker is not None
        whole = unit.is_mark(0, len(unit.toks))
        if not whole and (
            _looks_like_a_name(unit.toks[lo + 1 : hi - 1])
            or _named(unit.toks, lo, hi)
            or any(a.speaker and a.speaker[0] <= lo and hi <= a.speaker[1] for a in atts)
        ):
            continue  # „Der Spiegel“, „Berliner Zeitung“: a title, not somebody's words
        if host is None and lo > 0 and unit.toks[lo - 1].text == ":":
            # the clause before the colon introduces it, over a speaker carried from before
            introduced = colon_speaker(unit, lo, settings) or colon_subject(unit, lo - 1, settings)
            own = any(a.speaker is not None and a.cue.i < lo for a in atts)
            if carry is not None and not own and _reported_before(unit, lo - 1, settings.lex):
                introduced = carry  # "Die Pflichten *seien* klar: „…“": the reporter goes on
            speaker = introduced or speaker
            carried = carried and introduced is None
        full = (lo == 0 or unit.toks[lo - 1].text == ":") and hi >= len(unit.toks) - 1
        if host is None and speaker is None and not (whole or full):
            continue
        if carried and not (whole or full or told):
            speaker = None
        kind = "direct" if whole or full else "partial"
        out.append(Found(mark.start, mark.end, kind, speaker=speaker, cue=cue, rule="mark"))
    return out


_BEFORE_NAME = frozenset({"ART", "APPRART", "PDAT", "PPOSAT"})


_NAME_GLUE = frozenset({"ART", "APPR", "APPRART", "KON"})


def _named(toks: Sequence[Token], lo: int, hi: int) -> bool:
    """A mark after an article that opens with a capital and is no sentence of its own:
    "die „Initiative für saubere Flüsse“", "in der „BILD am Sonntag“" name something."""
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
    if not 0 < len(words) <= _NAME_WORDS or not words[0].text[:1].isupper():
        return False
    # „Odyssee im Weltraum“, „Reporter ohne Grenzen“: small words inside a name
    return all(t.text[:1].isupper() or t.tag_ in _NAME_GLUE for t in words)


_NAME_WORDS = 4


def _partial_source(
    unit: Unit,
    host: Found | None,
    atts: Sequence[Attribution],
    context: tuple[Offsets | None, int],
) -> tuple[Offsets | None, Offsets | None]:
    """Who said a quotation in marks: the quote that holds it, else the nearest cue
    before it ("X nannte es „…“, Y bezeichnete es als „…“"), else the first after it."""
    carry, lo = context
    if host is not None:
        return host.speaker, host.cue
    spoken = [(at, at.speaker) for at in atts if at.speaker is not None]
    before = [pair for pair in spoken if pair[0].cue.i < lo]
    for at, speaker in before[-1:] + [pair for pair in spoken if pair[0].cue.i >= lo][:1]:
        cue = char_span(unit.toks, (at.cue.i, at.cue.i + at.cue.width))
        return char_span(unit.toks, speaker), cue
    return carry, None
