"""Stage "tone": how positive or negative an article's news text reads; its events' Goldstein mean.

``doc.tone = {"score", "positive", "negative", "polarity", "mixed", "words", "goldstein"}``:
``positive``/``negative`` are the shares (in %) of content words with that polarity, ``score``
their difference (GDELT's AvgTone scale: roughly -10 … +10 for news), ``goldstein`` the mean
Goldstein score of the article's events that were not negated. Only news parts count: a
caption or a related headline does not colour the article. A negator shortly before a word, or
a "nicht"/"kein" after a verb in the same clause, turns a positive word negative and a
negative one neutral ("hat … nicht verurteilt" is no praise). Word values come from
:mod:`.lexicon`, where a German compound missing from the lexicon takes its head's value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from ..model import NEWS_PARTS, Document
from ..pipeline import PipelineOptions
from .lexicon import Lexicon, load_lexicon

NEGATORS = {
    "de": frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals"}),
    "en": frozenset({"not", "n't", "no", "never", "without"}),
}
WINDOW = 3  # tokens before a word that a negator may stand in
CLAUSE_END = frozenset({",", ";", ":", ".", "!", "?"})
MIXED_SHARE = 2.0  # % of words of each polarity that make an article "mixed"


def _negated(token: Token, negators: frozenset[str]) -> bool:
    sent_start = token.sent.start
    before = token.doc[max(sent_start, token.i - WINDOW) : token.i]
    if any(t.lower_ in negators for t in before):
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    for follower in token.doc[token.i + 1 : token.sent.end]:
        if follower.text in CLAUSE_END:
            return False
        if follower.lower_ in negators:
            return True
    return False


def _goldstein(events: list[dict[str, Any]]) -> float | None:
    scores = [
        float(e["goldstein"])
        for e in events
        if not e.get("negated") and e.get("goldstein") is not None
    ]
    return round(sum(scores) / len(scores), 2) if scores else None


def score(doc: Document, lexicon: Lexicon, negators: frozenset[str]) -> dict[str, Any]:
    if doc.doc is None:
        raise ValueError("the tone stage needs the tokens stage to run first")
    positive = negative = 0.0
    words = 0
    for token in doc.doc:
        if not token.is_alpha:
            continue
        part = doc.part_at(token.idx)
        if part is None or part.kind not in NEWS_PARTS:
            continue
        words += 1
        value = lexicon.value(token.lemma_ or token.text, token.pos_)
        if value and _negated(token, negators):
            # "not good" is bad, but "did not condemn" is not praise: only positives flip.
            value = -value if value > 0 else 0.0
        if value > 0:
            positive += value
        elif value < 0:
            negative -= value
    pos_share = 100 * positive / words if words else 0.0
    neg_share = 100 * negative / words if words else 0.0
    tone = pos_share - neg_share
    polarity = "positive" if tone > 0.5 else "negative" if tone < -0.5 else "neutral"
    return {
        "score": round(tone, 2),
        "positive": round(pos_share, 2),
        "negative": round(neg_share, 2),
        "polarity": polarity,
        "mixed": pos_share >= MIXED_SHARE and neg_share >= MIXED_SHARE,
        "words": words,
        "goldstein": _goldstein(doc.events),
    }


def make_stage(options: PipelineOptions) -> Callable[[Document], None]:
    del options

    def tone(doc: Document) -> None:
        lang = doc.lang if doc.lang in NEGATORS else "de"
        doc.tone = score(doc, load_lexicon(lang), NEGATORS[lang])

    return tone
