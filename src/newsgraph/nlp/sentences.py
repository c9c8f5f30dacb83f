"""Rule-based sentence boundaries over a spaCy ``Doc`` of a whole article.

A sentence starts at the first word of the text, at a part boundary (a sentence never
crosses from a caption into the body), after a blank line, after a single line break
unless the next line goes on in lower case or the line before it is a full line of a
hard-wrapped text (German nouns start lines in upper case), and after sentence-final
punctuation (``. ! ? …``) together with any closing quotes or brackets glued to it, when
the next word does not continue the sentence (lower case, comma, …). Abbreviations keep
their period inside the token (the tokenizer knows them), so they never end a sentence,
except the few marked "final" in the data file when a capitalised word follows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

from ..model import Part, Span
from .resources import abbreviations

TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??"})
# Glued to the end of a sentence when no space precedes them: closing quotes, brackets.
CLOSERS = frozenset({"“", "”", "‘", "’", "»", "«", '"', "'", ")", "]", "›", "‹"})
# A next word starting with one of these continues the sentence.
CONTINUERS = frozenset({",", ";", ")", "]", "-", "–", "—", "/"})


@dataclass(frozen=True, slots=True)
class SentenceRules:
    final_abbreviations: frozenset[str]

    @classmethod
    def for_language(cls, lang: str) -> SentenceRules:
        return cls(final_abbreviations=abbreviations(lang).final)


def _ends_sentence(words: Sequence[Token], k: int, rules: SentenceRules) -> bool:
    """Does the sentence end between words[k-1] and words[k]?"""
    if words[k].text in CLOSERS and not words[k - 1].whitespace_:
        return False  # the closing quote belongs to the sentence it closes
    j = k - 1
    while j > 0 and words[j].text in CLOSERS and not words[j - 1].whitespace_:
        j -= 1
    last, nxt = words[j].text, words[k].text
    if last in rules.final_abbreviations:
        return nxt[:1].isupper()
    if last not in TERMINALS:
        return False
    return not (nxt[:1].islower() or nxt in CONTINUERS)


_FULL_LINE = 0.75  # of the wrap width: a line this long was cut by wrapping, not ended
_WRAP_MIN_WIDTH = 40  # narrower "full" lines are a list or a poem, not wrapped prose
_WRAP_MAX_WIDTH = 120  # wider lines are paragraphs on a line each (wire text wraps at 60-80)
_WRAP_MIN_LINES = 4  # full lines that show a text is hard-wrapped


def wrap_width(text: str) -> int | None:
    """The width a hard-wrapped text was wrapped at (its 90th-percentile line length),
    or None where the text is not wrapped (too few lines near that width)."""
    lengths = sorted(len(line.rstrip()) for line in text.split("\n") if line.strip())
    if len(lengths) < _WRAP_MIN_LINES:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    full = sum(1 for n in lengths if n >= _FULL_LINE * width)
    wrapped = _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH and full >= _WRAP_MIN_LINES
    return width if wrapped else None


def _line_break(text: str, prev: Token, word: Token, width: int | None) -> bool:
    gap = text[prev.idx + len(prev.text) : word.idx]
    if gap.count("\n") >= 2:
        return True
    if "\n" not in gap or word.text[:1].islower():
        return False
    if width is None or prev.text in TERMINALS or prev.text in CLOSERS or prev.text == ":":
        return True
    # "… warf der Regierung vor, das Land in eine\nHaushaltskrise geführt zu haben."
    line_start = text.rfind("\n", 0, prev.idx) + 1
    return prev.idx + len(prev.text) - line_start < _FULL_LINE * width


def sentence_starts(doc: Doc, boundaries: Iterable[int], rules: SentenceRules) -> list[int]:
    """Token indices (of non-space tokens) that start a sentence."""
    text = doc.text  # built from the tokens on each access: read it once
    width = wrap_width(text)
    words = [t for t in doc if not t.is_space]
    cuts = sorted(set(boundaries))
    starts: list[int] = []
    for k, word in enumerate(words):
        if k == 0:
            starts.append(word.i)
            continue
        prev = words[k - 1]
        # A part boundary between the two words (bisect: any cut in (prev.idx, word.idx]).
        crosses = bisect_right(cuts, word.idx) > bisect_right(cuts, prev.idx)
        if crosses or _line_break(text, prev, word, width) or _ends_sentence(words, k, rules):
            starts.append(word.i)
    return starts


def apply_starts(doc: Doc, starts: Sequence[int]) -> list[Span]:
    """Set ``is_sent_start`` on every token and return the trimmed sentence spans."""
    # One array write: setting token.is_sent_start one by one re-checks the whole Doc
    # each time, which is quadratic in the length of the text.
    flags = numpy.full((len(doc), 1), -1, dtype="int64")
    flags[[0, *starts], 0] = 1
    doc.from_array([SENT_START], flags.astype("uint64"))  # type: ignore[arg-type]
    return spans_from_starts(doc, starts)


def spans_from_starts(doc: Doc, starts: Sequence[int]) -> list[Span]:
    spans: list[Span] = []
    bounds = [*sorted(starts), len(doc)]
    for begin, end in pairwise(bounds):
        words = [t for t in doc[begin:end] if not t.is_space]
        if words:
            spans.append(Span(words[0].idx, words[-1].idx + len(words[-1].text)))
    return spans


def part_boundaries(parts: Iterable[Part], dateline: Span | None = None) -> list[int]:
    """Every part's start and end offset, and the end of a dateline ("BERLIN (dpa) –"):
    the news sentence starts after it, so its place name is never taken for a subject."""
    cuts = [offset for part in parts for offset in (part.start, part.end)]
    return [*cuts, dateline.end] if dateline else cuts
