"""Stage "tokens": spaCy's tokenizer over the whole text, then rule-based sentences.

``doc.doc`` becomes a spaCy ``Doc`` over the *whole* ``doc.text`` (token ``idx`` values are
offsets into the text; whitespace runs are SPACE tokens), made by the tokenizer of
``spacy.blank(lang)`` with our abbreviations added as special cases. German needs one
repair: spaCy keeps "3." as one token, right for ordinals ("am 3. Oktober") but wrong
for a number that ends a sentence ("im Jahr 2023. Dann …"); those are split in two.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer as SpacyTokenizer
from spacy.tokens import Doc, Token

from ..model import Document
from ..pipeline import PipelineOptions
from .resources import abbreviations, word_set
from .sentences import SentenceRules, apply_starts, part_boundaries, sentence_starts

_NUMBER_PERIOD = re.compile(r"\d[\d.]*\.")
_DAY_MONTH = re.compile(r"\d{1,2}\.\d{1,2}")  # "14.03." is a date, even before a capital


def blank_pipeline(lang: str) -> Language:
    """``spacy.blank(lang)`` whose tokenizer keeps our abbreviations whole."""
    nlp = spacy.blank(lang)
    tokenizer: SpacyTokenizer = nlp.tokenizer
    for abbr in abbreviations(lang).all:
        tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    return nlp


class OrdinalRules:
    """Decides whether a German "<number>." token is an ordinal or a number + full stop."""

    def __init__(self) -> None:
        self.months = word_set("nlp_months_de.txt")
        self.context = word_set("nlp_ordinal_context_de.txt")
        self.before = word_set("nlp_ordinal_next_de.txt")

    def is_ordinal(self, text: str, token: Token) -> bool:
        core = token.text[:-1]
        if "." in core:
            return _DAY_MONTH.fullmatch(core) is not None
        nxt = _next_word(token)
        if nxt is None or "\n" in text[token.idx : nxt.idx]:
            return False
        if nxt.text in self.months or nxt.text in self.before or not nxt.text[:1].isupper():
            return True
        prev = _prev_word(token)
        if prev is None or "\n" in text[prev.idx : token.idx]:
            return True  # enumerations at the start of a line: "2. Bundesliga"
        return prev.text.lower() in self.context


def _next_word(token: Token) -> Token | None:
    doc = token.doc
    for i in range(token.i + 1, len(doc)):
        if not doc[i].is_space:
            return doc[i]
    return None


def _prev_word(token: Token) -> Token | None:
    doc = token.doc
    for i in range(token.i - 1, -1, -1):
        if not doc[i].is_space:
            return doc[i]
    return None


def split_sentence_final_numbers(doc: Doc, text: str, rules: OrdinalRules) -> Doc:
    """Re-tokenize so that "2023." at the end of a sentence is "2023" + "."."""
    to_split = {
        t.i for t in doc if _NUMBER_PERIOD.fullmatch(t.text) and not rules.is_ordinal(text, t)
    }
    if not to_split:
        return doc
    words: list[str] = []
    spaces: list[bool] = []
    for t in doc:
        if t.i in to_split:
            words += [t.text[:-1], "."]
            spaces += [False, bool(t.whitespace_)]
        else:
            words.append(t.text)
            spaces.append(bool(t.whitespace_))
    return Doc(doc.vocab, words=words, spaces=spaces)


class TextTokenizer:
    """Blank pipelines and rules per language, built once each, on first use."""

    def __init__(self) -> None:
        self._nlps: dict[str, Language] = {}
        self._sentence_rules: dict[str, SentenceRules] = {}
        self._ordinals: OrdinalRules | None = None

    def nlp(self, lang: str) -> Language:
        if lang not in self._nlps:
            self._nlps[lang] = blank_pipeline(lang)
            self._sentence_rules[lang] = SentenceRules.for_language(lang)
        return self._nlps[lang]

    def tokenize(self, text: str, lang: str) -> Doc:
        doc = self.nlp(lang).make_doc(text)
        if lang == "de":
            self._ordinals = self._ordinals or OrdinalRules()
            doc = split_sentence_final_numbers(doc, text, self._ordinals)
        return doc

    def sentence_rules(self, lang: str) -> SentenceRules:
        self.nlp(lang)
        return self._sentence_rules[lang]


def make_stage(options: PipelineOptions) -> Callable[[Document], None]:
    tokenizer = TextTokenizer()
    tokenizer.nlp("de")  # load the default language now, not inside the first article

    def tokens(doc: Document) -> None:
        lang = doc.lang if doc.lang in ("de", "en") else "de"
        sdoc = tokenizer.tokenize(doc.text, lang)
        starts = sentence_starts(
            sdoc, part_boundaries(doc.parts, doc.dateline), tokenizer.sentence_rules(lang)
        )
        doc.sentences = apply_starts(sdoc, starts)
        doc.doc = sdoc

    return tokens
