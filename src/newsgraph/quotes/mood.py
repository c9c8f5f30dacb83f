"""Mood of German reported speech: Konjunktiv I/II and the "soll" of hearsay.

"Er *sei* krank", "Es *gebe* …" (Konjunktiv I) mark somebody's words; Konjunktiv II
("wäre", "hätte") stands in where Konjunktiv I looks indicative, but is also a
conditional; "Er *soll* geflohen sein" reports a claim without naming its source.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon
from .units import Unit


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
        and (
            lower & lex.words.get("konj2", frozenset())
            or any(konj2_form(t) and verb_shaped(t) for t in words)
        )
        and not lower & lex.words.get("conditional", frozenset())
    ):
        return True
    return any(konj1_form(t.text, t.lemma_, t.tag_) and verb_shaped(t) for t in words)


def verb_shaped(tok: Token) -> bool:
    """A German verb form is written in small letters, capitalised only where a sentence
    or quotation starts: the tagger's "Versuche", "iMessage" (VVFIN) are nouns and names,
    not Konjunktiv I."""
    text = tok.text
    if not text[1:].islower():
        return len(text) == 1
    return text[0].islower() or tok.i == 0 or tok.nbor(-1).is_punct


def konj1_form(text: str, lemma: str, tag: str) -> bool:
    """3rd person Konjunktiv I of a full verb: stem + "e" ("gebe", "fordere")."""
    if tag != "VVFIN" or not lemma.endswith("n") or len(lemma) < 4:
        return False
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    return text.lower() == stem + "e"


def konj2_form(tok: Token) -> bool:
    """Konjunktiv II of a strong verb: the past stem umlauted + "e(n)" ("befänden",
    "stünde", "käme"), an umlaut that its infinitive lacks."""
    word = tok.text.lower()
    if not tok.tag_.endswith("FIN") or not word.endswith(("e", "en")):
        return False
    lemma = tok.lemma_.lower()
    return any(u in word and u not in lemma for u in "äöü")


def konj_word(tok: Token, lex: Lexicon, strict: bool) -> bool:
    word = tok.text.lower()
    kinds = ("konj1", "hearsay") if strict else ("konj1", "hearsay", "konj2")
    if any(word in lex.words.get(k, frozenset()) for k in kinds):
        return True
    if not verb_shaped(tok):
        return False
    return konj1_form(tok.text, tok.lemma_, tok.tag_) or (not strict and konj2_form(tok))


def hearsay(unit: Unit, lex: Lexicon) -> bool:
    """ "Er *soll* geflohen sein": the modal of hearsay, after somebody's report.

    The corpus marks such sentences as the previous source's words (FreeIndirect).
    """
    words = lex.words.get("hearsay", frozenset())
    return any(
        t.text.lower() in words and t.tag_ == "VMFIN"
        for k, t in enumerate(unit.toks)
        if not unit.quoted[k]
    )


_PERFECT = frozenset({"haben", "sein"})


def hearsay_past(unit: Unit, lex: Lexicon) -> bool:
    """ "Er *soll* geflohen *sein*": hearsay about the past, whoever reported it.

    "soll" with a perfect infinitive never plans (unlike "Die Brücke soll 2030 fertig
    sein"); the corpus marks such sentences as somebody's words (FreeIndirect).
    """
    toks, quoted = unit.toks, unit.quoted
    if not hearsay(unit, lex):
        return False
    return any(
        toks[k].tag_ in ("VVPP", "VAPP", "VMPP")
        and toks[k + 1].text in _PERFECT
        and toks[k + 1].tag_ == "VAINF"
        and not quoted[k]
        for k in range(len(toks) - 1)
    )
