"""Loaders for the NLP stages' data files (``newsgraph/data/nlp_*``), each read once.

The files are plain text: ``#`` starts a comment line, blank lines are ignored. Loading
happens when a stage is built, never at import time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..data_files import data_lines, word_set

__all__ = ["Abbreviations", "TagInfo", "abbreviations", "data_lines", "stts_table", "word_set"]


@dataclass(frozen=True, slots=True)
class Abbreviations:
    all: frozenset[str]
    final: frozenset[str]  # may also end a sentence


@cache
def abbreviations(lang: str) -> Abbreviations:
    entries = [line.split() for line in data_lines(f"nlp_abbreviations_{lang}.txt")]
    return Abbreviations(
        all=frozenset(e[0] for e in entries),
        final=frozenset(e[0] for e in entries if e[1:] == ["final"]),
    )


@dataclass(frozen=True, slots=True)
class TagInfo:
    stts: str
    upos: str
    features: str  # UD features, "" for none


@cache
def stts_table() -> dict[str, TagInfo]:
    """HanTa tag -> STTS tag, UPOS and UD features."""
    table: dict[str, TagInfo] = {}
    for line in data_lines("nlp_stts_upos.tsv"):
        hanta, stts, upos, feats = line.split("\t")
        table[hanta] = TagInfo(stts, upos, "" if feats == "_" else feats)
    return table
