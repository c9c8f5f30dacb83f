"""Cue words in a unit (a sentence, or sentences joined by a quote that spans them).

A cue is a speech verb ("sagte", "fuhr … fort", "teilte … mit", "said"), a preposition
before the source ("laut X", "according to X"), a postposition after it ("X zufolge"),
"nach" + a source noun ("nach Angaben X") or ", so X". Words inside quotation marks
are never cues: they belong to the quoted speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str  # verb | prep | postp | noun | so | adv | wonach
    i: int  # the cue word's index in the unit
    particle: int | None = None  # separable particle of a verb cue
    width: int = 1  # words the cue takes ("according to": 2)
    aux: int | None = None  # auxiliary of a participle cue: "*hat* gefordert"

    @property
    def pieces(self) -> list[int]:
        """Indices of the cue's other words (particle, auxiliary)."""
        return [k for k in (self.particle, self.aux) if k is not None]


# Adjectives that HanTa tags ADJD where they are a verb's particle: "gab … bekannt".
_ADJ_PARTICLES = frozenset({"bekannt", "klar", "fest"})
_VERB_LIMIT = 12  # how far after the verb its separable particle may stand


def _particle(toks: Sequence[Token], i: int) -> int | None:
    for j in range(i + 1, min(len(toks), i + _VERB_LIMIT)):
        tag = toks[j].tag_
        if tag == "PTKVZ" or toks[j].text in _ADJ_PARTICLES:
            return j
        if tag in ("$,", "$.") or tag.endswith("FIN"):
            return None
    return None


def verb_cue(toks: Sequence[Token], i: int, lex: Lexicon) -> Cue | None:
    tok = toks[i]
    if lex.lang == "en":
        ok = tok.tag_.startswith("VB") and tok.lemma_.lower() in lex.verbs
        return Cue("verb", i) if ok else None
    if not tok.tag_.startswith("VV"):
        return None
    lemma = tok.lemma_.lower()
    p = _particle(toks, i) if tok.tag_ == "VVFIN" else None
    known = lex.verbs | lex.reported
    if p is not None:
        return Cue("verb", i, p) if toks[p].text.lower() + lemma in known else None
    if lemma not in known:
        return None
    return Cue("verb", i, aux=_auxiliary(toks, i) if tok.tag_ == "VVPP" else None)


def _auxiliary(toks: Sequence[Token], i: int) -> int | None:
    for j in range(i - 1, max(-1, i - _VERB_LIMIT), -1):
        if toks[j].tag_ in ("VAFIN", "VMFIN"):
            return j
        if toks[j].tag_ in ("$,", "$.", "KOUS"):
            return None
    return None


def find_cues(toks: Sequence[Token], quoted: Sequence[bool], lex: Lexicon) -> list[Cue]:
    out: list[Cue] = []
    for i, tok in enumerate(toks):
        if quoted[i]:
            continue
        word = tok.text.lower()
        nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
        if f"{word} {nxt}" in lex.preps:
            out.append(Cue("prep", i, width=2))
        elif word in lex.preps and tok.tag_.startswith("APP"):
            out.append(Cue("prep", i))
        elif word in lex.postps:
            out.append(Cue("postp", i))
        elif word == "nach" and _source_noun(toks, i + 1, lex):
            out.append(Cue("noun", i))
        elif word == "nach" and i > 0 and _source_noun(toks, i - 1, lex):
            out.append(Cue("postp", i))  # "seiner Meinung nach"
        elif word in lex.advs:
            out.append(Cue("adv", i))
        elif word in lex.so and i > 0 and toks[i - 1].text == ",":
            out.append(Cue("so", i))
        elif word in lex.whereby and i > 1 and toks[i - 1].text == ",":
            out.append(Cue("wonach", i))
        else:
            cue = verb_cue(toks, i, lex)
            if cue is not None:
                out.append(cue)
    return out


def _source_noun(toks: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """ "nach Angaben", "nach offiziellen Angaben": a source noun after "nach"."""
    while j < len(toks) and toks[j].tag_ in ("ADJA", "ART", "PPOSAT"):
        j += 1
    return j < len(toks) and (toks[j].lemma_ in lex.nouns or toks[j].text in lex.nouns)
