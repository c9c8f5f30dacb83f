"""Loaders for the NLP stages' data files (``newsgraph/data/nlp_*``), each read once.

The files are plain text: ``#`` starts a comment line, blank lines are ignored. Loading
happens when a stage is built, never at import time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import StageLoadError


def data_lines(name: str) -> list[str]:
    """The non-comment, non-blank lines of ``newsgraph/data/<name>``."""
    try:
        text = resources.files("newsgraph").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise StageLoadError(f"data file newsgraph/data/{name} is missing") from exc
    return [
        line.rstrip("\n")
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(line.strip() for line in data_lines(name))


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
