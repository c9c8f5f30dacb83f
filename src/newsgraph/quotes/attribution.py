"""A cue with its speaker and addressee, as the quote rules read them.

An attribution also knows the token range it takes in the unit (cue, speaker, particle
and addressee), so the rules can tell the reported words on either side of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from .addressee import addressee as find_addressee
from .addressee import one_np
from .chunks import TagSet
from .cues import Cue
from .lexicon import Lexicon
from .positions import IdxSpan
from .speaker import cue_speaker
from .units import Unit


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: Cue
    speaker: IdxSpan | None
    addressee: IdxSpan | None
    lo: int  # first index of cue + speaker
    hi: int  # end of cue + speaker (+ particle, addressee)


def attribution(unit: Unit, cue: Cue, ts: TagSet, lex: Lexicon, parsed: bool) -> Attribution:
    speaker, addressee = cue_speaker(unit.toks, unit.quoted, cue, ts, lex, parsed=parsed)
    if addressee is not None and not parsed:
        addressee = (addressee[0], one_np(unit.toks, *addressee))
    elif cue.kind == "verb" and not parsed and lex.lang == "de":
        addressee = find_addressee(unit.toks, unit.quoted, cue, speaker, (ts, lex))
    ends = [cue.i + cue.width] + [s[1] for s in (speaker, addressee) if s]
    starts = [cue.i, *cue.pieces] + [s[0] for s in (speaker, addressee) if s]
    ends += [k + 1 for k in cue.pieces]
    return Attribution(cue, speaker, addressee, min(starts), max(ends))


def naming(toks: Sequence[Token], cue: Cue) -> bool:
    """ "Das Profil, auch „Bonus View“ *genannt*, …": a participle without an auxiliary
    names a thing; nobody speaks."""
    tok = toks[cue.i]
    return cue.aux is None and tok.tag_ == "VVPP" and tok.lemma_ in ("nennen", "bezeichnen")
