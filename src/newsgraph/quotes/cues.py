"""Cue words in a unit (a sentence, or sentences joined by a quote that spans them).

A cue is a speech verb ("sagte", "fuhr … fort", "teilte … mit", "said"), a preposition
before the source ("laut X", "according to X"), a postposition after it ("X zufolge"),
"nach" + a source noun ("nach Angaben X") or ", so X". Words inside quotation marks
are never cues: they belong to the quoted speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from .lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str  # verb | prep | postp | noun | so | adv | wonach | relative
    i: int  # the cue word's index in the unit
    particle: int | None = None  # separable particle of a verb cue
    width: int = 1  # words the cue takes ("according to": 2)
    aux: int | None = None  # auxiliary of a participle cue: "*hat* gefordert"

    @property
    def pieces(self) -> list[int]:
        """Indices of the cue's other words (particle, auxiliary)."""
        return [k for k in (self.particle, self.aux) if k is not None]


def cue_key(toks: Sequence[Token], cue: Cue) -> str:
    """A verb cue's lexicon key: lemma with its separable particle ("hinweisen")."""
    particle = toks[cue.particle].text.lower() if cue.particle is not None else ""
    return particle + toks[cue.i].lemma_.lower()


# Adjectives that HanTa tags ADJD where they are a verb's particle: "gab … bekannt".
_ADJ_PARTICLES = frozenset({"bekannt", "klar", "fest"})
# determiners and attributes between "nach" and its source noun
_BEFORE_NOUN = frozenset({"ADJA", "ART", "PPOSAT", "PDAT", "PIAT", "PRELAT", "PDS", "CARD"})
_MIN_HEAD = 6  # shorter heads ("Wort") end too many unrelated compounds
_VERB_LIMIT = 12  # how far after the verb its separable particle may stand
# words that open a new clause: the verb's particle is not beyond them
_NEW_CLAUSE = frozenset({"KOUS", "KOUI", "PRELS", "PRELAT", "PWAV", "PWS", "KON"})


_BEFORE_SO = frozenset({",", "–", "—"})  # "…, so X" · "… – so X – …"


def _bracket(toks: Sequence[Token], j: int, other: str, span: range) -> int:
    """The index of the parenthesis that pairs with the one at ``j`` (``j`` if none)."""
    return next((k for k in span if toks[k].text == other), j)


def particle(toks: Sequence[Token], i: int) -> int | None:
    """The separable particle of the finite verb at ``i``: "teilte … *mit*".

    Commas may stand between them where they set off an apposition ("teilte der Sprecher,
    X, mit"); a new clause (a finite verb, a conjunction, a relative pronoun) ends the
    search.
    """
    j, limit = i, i + _VERB_LIMIT
    while (j := j + 1) < min(len(toks), limit):
        if toks[j].text == "(":  # "geht aus X (HRW) *hervor*": a parenthesis does not count
            close = _bracket(toks, j, ")", range(j + 1, min(len(toks), j + _VERB_LIMIT)))
            limit += close - j + 1
            j = close
            continue
        tag = toks[j].tag_
        if tag == "PTKVZ" or toks[j].text in _ADJ_PARTICLES:
            return j
        if tag == "$." or tag.endswith("FIN") or (tag in _NEW_CLAUSE and tag != "KON"):
            return None
        if tag == "$," and j + 1 < len(toks) and toks[j + 1].tag_ in _NEW_CLAUSE:
            return None
    return None


def verb_cue(toks: Sequence[Token], i: int, lex: Lexicon) -> Cue | None:
    tok = toks[i]
    if lex.lang == "en":
        ok = tok.tag_.startswith("VB") and tok.lemma_.lower() in lex.verbs
        if ok and lex.has("bare_only", tok.lemma_.lower()):
            # "…," he continued." reports; "The protests will continue until …" does not
            ok = i + 1 >= len(toks) or toks[i + 1].is_punct
        return Cue("verb", i) if ok else None
    lemma = tok.lemma_.lower()
    if tok.tag_.startswith("VA") and lemma == "werden":
        return _became_known(toks, i, lex)
    if _holds_opinion(toks, i, lex):
        return Cue("verb", i)
    if not tok.tag_.startswith("VV"):
        return None
    p = particle(toks, i) if tok.tag_ == "VVFIN" else None
    if p is None and i > 0 and toks[i - 1].text in _ADJ_PARTICLES:
        p = i - 1  # verb-final "wie X *bekannt gab*", "hat … *bekannt gegeben*"
    known = lex.verbs | lex.reported
    key = toks[p].text.lower() + lemma if p is not None else lemma
    if key not in known:
        return None
    return Cue("verb", i, p, aux=_auxiliary(toks, i) if tok.tag_ == "VVPP" else None)


def _became_known(toks: Sequence[Token], i: int, lex: Lexicon) -> Cue | None:
    """ "Es *wurde bekannt*, dass …", "wie *bekannt wurde*": news without a speaker."""
    p = particle(toks, i) if toks[i].tag_ == "VAFIN" else None
    if p is None and i > 0 and toks[i - 1].text in _ADJ_PARTICLES:
        p = i - 1
    if p is None or toks[p].text.lower() + "werden" not in lex.verbs:
        return None
    return Cue("verb", i, p, aux=_auxiliary(toks, i) if toks[i].tag_ == "VAPP" else None)


_OPINION_REACH = 6  # words from the verb to "für" in "hält es (jedoch) für möglich"


def _holds_opinion(toks: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """ "X *hält* es für möglich, dass …", "X *ist* der Meinung, dass …": a verb that
    with its phrase says what X thinks; the clause after the comma is X's view."""
    tok, nxt = toks[i], toks[i + 1].text if i + 1 < len(toks) else ""
    if tok.lemma_.lower() == "sein" and tok.tag_ == "VAFIN":
        k = i + 1
        while k < len(toks) and toks[k].tag_ in ("ADV", "PTKNEG"):
            k += 1  # "ist jedoch der Meinung"
        return k + 1 < len(toks) and toks[k].tag_ == "ART" and lex.has("opinion", toks[k + 1].text)
    if tok.lemma_.lower() != "halten" or nxt != "es":
        return False
    for t in toks[i + 2 : i + 2 + _OPINION_REACH]:
        if t.text == "für":
            return True
        if t.is_punct:
            return False
    return False


_AUX_REACH = 30  # words from a participle back to its auxiliary ("hat in einem Gespräch …")


def _auxiliary(toks: Sequence[Token], i: int) -> int | None:
    """The finite verb before a participle in its clause: "*hat* … bekräftigt".

    A parenthesis may stand between them with commas or stops of its own ("hat mit X
    (Awoda, dt. etwa …) gesprochen"): it is passed over, not taken as a clause boundary.
    """
    j = i - 1
    while j >= max(0, i - _AUX_REACH):
        if toks[j].text == ")":
            j = _bracket(toks, j, "(", range(j - 1, max(-1, j - _VERB_LIMIT), -1))
        elif toks[j].tag_ in ("VAFIN", "VMFIN"):
            return j
        elif toks[j].tag_ in ("$,", "$.", "KOUS"):
            return None
        j -= 1
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
        elif word == "laut" and _relative_after(toks, i):
            out.append(Cue("relative", i))
        elif word in lex.preps and tok.tag_.startswith("APP"):
            out.append(Cue("prep", i))
        elif word in lex.postps:
            out.append(Cue("postp", i))
        elif word == "nach" and (cue := _nach_cue(toks, i, lex)) is not None:
            out.append(cue)
        elif word in lex.advs:
            out.append(Cue("adv", i))
        elif word in lex.so and i > 0 and toks[i - 1].text in _BEFORE_SO:
            out.append(Cue("so", i))
        elif word in lex.whereby and i > 1 and toks[i - 1].text == ",":
            out.append(Cue("wonach", i))
        else:
            cue = verb_cue(toks, i, lex)
            if cue is not None:
                out.append(cue)
    return out


def _nach_cue(toks: Sequence[Token], i: int, lex: Lexicon) -> Cue | None:
    """ "nach Angaben X" · "seiner Meinung nach" · "Studien, nach denen …" (like "wonach")."""
    if _relative_after(toks, i):
        return Cue("relative", i)
    if _source_noun(toks, i + 1, lex):
        return Cue("noun", i)
    if i > 0 and _source_noun(toks, i - 1, lex) and not _opens_np(toks, i + 1):
        return Cue("postp", i)
    return None


def _opens_np(toks: Sequence[Token], j: int) -> bool:
    """ "Ergebnisse *nach dem* Absturz": "nach" before an article is a preposition, not the
    postposition of "seiner Meinung nach"."""
    return j < len(toks) and toks[j].tag_ in ("ART", "PPOSAT", "PDAT")


_RELATIVE_NACH = frozenset({"denen", "welchem", "welcher", "welchen"})


def _relative_after(toks: Sequence[Token], i: int) -> bool:
    """ ", nach denen …", ", laut dem …": a source's relative clause reports its words."""
    if i < 2 or i + 1 >= len(toks) or toks[i - 1].text != ",":
        return False
    return toks[i + 1].text.lower() in _RELATIVE_NACH or toks[i + 1].tag_ == "PRELS"


def _source_noun(toks: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """ "nach Angaben", "nach offiziellen Angaben", "nach diesen Erkenntnissen", "nach
    Müllers Meinung": a source noun after "nach"."""
    while j < len(toks) and (
        toks[j].tag_ in _BEFORE_NOUN or (toks[j].tag_ == "NE" and toks[j].text.endswith("s"))
    ):
        j += 1
    if j >= len(toks) or not toks[j].tag_.startswith("NN"):
        return j < len(toks) and (toks[j].lemma_ in lex.nouns or toks[j].text in lex.nouns)
    return _source_head(toks[j].lemma_, lex) or _source_head(toks[j].text, lex)


def _source_head(word: str, lex: Lexicon) -> bool:
    """A source noun, or a compound of one: "UNHCR-Angaben", "Regierungsangaben"."""
    if word in lex.nouns:
        return True
    head = word.rsplit("-", 1)[-1]
    if head != word and head in lex.nouns:
        return True
    return word.endswith(_heads(lex.nouns))


@cache
def _heads(nouns: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(n.lower() for n in nouns if len(n) >= _MIN_HEAD))
