"""German POS tags, UD POS, features and lemmas from HanTa, written onto spaCy tokens.

HanTa tags one sentence at a time. We feed it a normalised form of each word (German
quotation marks and dashes as the ASCII marks it was trained on, so they do not derail
the Viterbi path) and repair what it gets wrong systematically:

* punctuation gets its STTS tag by rule ($. $, $();
* acronyms and other mixed-case words keep their surface form as lemma (HanTa lower-cases
  and re-capitalises: USA -> "Usa", NATO -> "Nato", iPhone -> "Iphone");
* in hyphenated words only the last segment is lemmatised ("USA-Präsidenten" ->
  "USA-Präsident", not "Usa-präsident").

Two input normalisations also make it faster without changing what it decides: HanTa
analyses every unknown word character by character (quadratic in its length), so a
hyphenated compound is tagged by its head, the last segment (German compounds inflect
there: "Linux-Nutzern" is tagged as "Nutzern"), and digits become "1" so that every
number of one shape ("2004", "72.000", "3.") is analysed once.
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, MorphAnalysis, Token

from .hanta import CachedHanoverTagger, load_tagger
from .resources import TagInfo, stts_table

_QUOTES = frozenset("„“”‚‘’»«›‹\"'")
_DASHES = frozenset("–—‒―")
_SENTENCE_FINAL = frozenset({".", "!", "?", ";", ":", "…", "..."})
_UNKNOWN = TagInfo("XY", "X", "")
_DIGITS = str.maketrans("0123456789", "1111111111")


def compound_head(text: str) -> str | None:
    """The last segment of a hyphenated word when it can stand alone ("Linux-Nutzer")."""
    head, hyphen, tail = text.rpartition("-")
    if hyphen and len(tail) >= 3 and tail.isalpha() and any(c.isalnum() for c in head):
        return tail
    return None


def hanta_form(text: str) -> str:
    """The form HanTa is given for a token (its training data used ASCII marks)."""
    if text in _QUOTES:
        return '"'
    if text in _DASHES:
        return "-"
    if text == "…":
        return "..."
    tail = compound_head(text)
    if tail is not None:
        return tail
    return text.translate(_DIGITS)


def punct_tag(token: Token) -> str | None:
    """STTS tag of a punctuation token, None for anything else."""
    # spaCy's is_punct misses runs such as "--" and "....".
    if not (token.is_punct or all(unicodedata.category(c)[0] == "P" for c in token.text)):
        return None
    if token.text in _SENTENCE_FINAL:
        return "$."
    return "$," if token.text == "," else "$("


def fix_lemma(text: str, lemma: str) -> str:
    """The lemma of ``text`` from HanTa's ``lemma`` of its ``hanta_form``."""
    if not any(c.isalpha() for c in text):
        return text  # numbers and symbols are their own lemma
    if compound_head(text) is not None:
        head, _, tail = text.rpartition("-")
        return f"{head}-{fix_lemma(tail, lemma)}"
    if any(c.isupper() for c in text[1:]) and lemma.lower() == text.lower():
        return text  # acronym or mixed case (USA, NATO, G7, iPhone): HanTa mangles the case
    return lemma


class GermanTagger:
    """Tags a spaCy Doc in place, sentence by sentence (``is_sent_start`` must be set)."""

    def __init__(self, hanta: CachedHanoverTagger | None = None) -> None:
        self.hanta = hanta or load_tagger()
        self.table = stts_table()

    def __call__(self, doc: Doc) -> None:
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sentence in sentences:
            words = [t for t in sentence if not t.is_space]
            if words:
                self._tag_sentence(words)
        for token in doc:
            if token.is_space:
                token.tag_, token.pos_, token.lemma_ = "_SP", "SPACE", token.text

    def _tag_sentence(self, words: list[Token]) -> None:
        tagged = self.hanta.tag_sent([hanta_form(t.text) for t in words], taglevel=1)
        for token, (_, lemma, hanta_tag) in zip(words, tagged, strict=True):
            forced = punct_tag(token)
            info = self.table.get(forced or hanta_tag, _UNKNOWN)
            token.tag_, token.pos_ = info.stts, info.upos
            if info.features:
                token.morph = MorphAnalysis(token.vocab, info.features)
            token.lemma_ = token.text if forced else fix_lemma(token.text, lemma)
