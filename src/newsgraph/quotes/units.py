"""Units: sentences, joined where a quotation spans several of them.

The sentence splitter cuts long direct quotes into sentences ("„A. B. C“, sagte X."), but
the cue after the last one speaks for all of them; so the quote rules look at units, not
sentences. Each unit knows its tokens and which of them stand inside quotation marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Span
from .chunks import title_end
from .marks import Marked

_BEFORE_TITLE = frozenset({"ART", "NN", "ADJA"})
_BEFORE_SUBJECT = frozenset({"KOUS", "PWAV", "KOKOM", "$,"})


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    toks: list[Token]
    marks: list[tuple[Marked, tuple[int, int]]]  # each mark with its token index range
    quoted: list[bool]
    paragraph_start: bool  # the unit opens a paragraph

    def is_mark(self, lo: int, hi: int) -> bool:
        """Tokens lo..hi are one quotation (a final full stop after it allowed)."""
        return self.mark_covering(lo, hi) is not None

    def mark_covering(self, lo: int, hi: int) -> Marked | None:
        return next((m for m, (mlo, mhi) in self.marks if mlo == lo and mhi >= hi - 1), None)


def _join(sentences: Sequence[Span], marks: Sequence[Marked]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for s in sentences:
        if spans and any(m.start < spans[-1][1] <= m.end - 1 and m.end > s.start for m in marks):
            spans[-1] = (spans[-1][0], max(s.end, spans[-1][1]))
        else:
            spans.append((s.start, s.end))
    return spans


def _extend(spans: list[tuple[int, int]], marks: Sequence[Marked]) -> list[tuple[int, int]]:
    """A mark that runs past its last sentence (an unclosed quote) widens that unit."""
    out = []
    for a, b in spans:
        ends = [m.end for m in marks if a <= m.start < b < m.end]
        out.append((a, max([b, *ends])))
    return out


def build_units(
    doc: Doc, text: str, sentences: Sequence[Span], marks: Sequence[Marked]
) -> list[Unit]:
    units = []
    for a, b in _extend(_join(sentences, marks), marks):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        toks = [t for t in span if not t.is_space]
        if not toks:
            continue
        inside = [(m, _token_range(toks, m)) for m in marks if a <= m.start < b]
        words = [(lo, hi) for _, (lo, hi) in inside if not _title(toks, lo, hi)]
        quoted = [any(lo <= k < hi for lo, hi in words) for k in range(len(toks))]
        para = a == 0 or text[:a].rstrip(" \t").endswith("\n")
        units.append(Unit(a, b, toks, [x for x in inside if x[1][0] < x[1][1]], quoted, para))
    return units


def _title(toks: Sequence[Token], lo: int, hi: int) -> bool:
    """A name in quotation marks after an article or noun: "die „Süddeutsche Zeitung“".

    It is a name, not somebody's words, so its words count as unquoted: the speaker NP
    that holds it can be found.
    """
    if title_end(toks, lo) != hi or toks[lo].lang_ == "en":
        return False
    if lo > 0 and toks[lo - 1].tag_ in _BEFORE_TITLE:
        return True
    # „BBC News“ berichtet, „Radio Nord“ meldete: names alone in marks as the subject
    # before the verb (somebody's words would be followed by a comma)
    opens = lo == 0 or toks[lo - 1].tag_ in _BEFORE_SUBJECT
    names = all(t.tag_ in ("NE", "FM") for t in toks[lo + 1 : hi - 1])
    return opens and names and hi < len(toks) and toks[hi].tag_.endswith("FIN")


def _token_range(toks: Sequence[Token], mark: Marked) -> tuple[int, int]:
    idx = [k for k, t in enumerate(toks) if mark.start <= t.idx < mark.end]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)
