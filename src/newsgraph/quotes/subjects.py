"""Who introduced a quotation: the subject of a sentence, or what stands before a colon.

German has no parser here: the subject of a unit's first finite verb and the NP that
opens a clause before a colon ("Ein Sprecher der Polizei: „…“") are read by position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from .chunks import PTB, STTS, TagSet, np_end
from .found import Offsets
from .lexicon import Lexicon
from .positions import char_span, left_subject, right_subject
from .units import Unit


@dataclass(frozen=True, slots=True)
class Settings:
    lex: Lexicon
    tags: TagSet
    parsed: bool  # the Doc has a dependency parse (English spaCy pipeline)


def colon_subject(unit: Unit, colon: int, settings: Settings) -> Offsets | None:
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


def subject_of(unit: Unit, settings: Settings, any_np: bool = False) -> Offsets | None:
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
    if not any_np and not any(speaker_like(t, settings.lex) for t in toks[span[0] : span[1]]):
        return None
    return char_span(toks, span)


def speaker_like(tok: Token, lex: Lexicon) -> bool:
    """A name, a person pronoun or a role noun: a subject that can have spoken."""
    word = tok.text
    return tok.tag_ == "NE" or word in lex.words.get("role", ()) or word.lower() in ("er", "sie")


def names_someone(toks: Sequence[Token], lex: Lexicon) -> bool:
    return any(speaker_like(t, lex) for t in toks)


def colon_speaker(unit: Unit, colon: int, settings: Settings) -> Offsets | None:
    """ "Ein Beamter der Polizei: „…“": the NP before the colon, from the unit start."""
    toks = unit.toks
    end = np_end(toks, 0, STTS if toks[0].lang_ != "en" else PTB, left=True)
    if end is None or any(unit.quoted[:end]):
        return None
    if toks[end].tag_.endswith("FIN") and not names_someone(toks[:end], settings.lex):
        # "Die Anwendung der Regel stellte *der Vorsitzende X* in Frage:": object first
        after, _ = right_subject(toks, unit.quoted, end, settings.tags, settings.lex)
        if after is not None and names_someone(toks[after[0] : after[1]], settings.lex):
            return char_span(toks, after)
    if end >= colon - 1 or toks[end].tag_.endswith("FIN"):
        return char_span(toks, (0, end))
    # "Ein Sprecher nach der Sitzung: „…“", "X zur neuen Lage: „…“": no verb, the NP speaks
    rest = toks[end : colon - 1]
    if toks[end].tag_ in ("APPR", "APPRART") and not any(t.tag_.startswith("V") for t in rest):
        return char_span(toks, (0, end))
    # "Fuchs wörtlich: „…“", "Die Ministerin dazu: „…“": a person and an adverb
    adverbs = all(t.tag_ in ("ADV", "ADJD", "PROAV") for t in rest)
    if adverbs and names_someone(toks[:end], settings.lex):
        return char_span(toks, (0, end))
    return None
