"""The temporal vocabulary of one language, read once from ``data/time_<lang>.json``.

Words are stored lower-case; the grammar modules turn them into regex alternations with
:func:`alternation`, so adding a month abbreviation or a modifier is a one-line data change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..data_files import read_json

LANGUAGES = ("de", "en")


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    units: dict[str, str]
    adjective_units: dict[str, str]
    long_units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    deictic_days: dict[str, int]
    deictic_adjectives: dict[str, int]
    last: tuple[str, ...]
    before_last: tuple[str, ...]
    next: tuple[str, ...]
    after_next: tuple[str, ...]
    this: tuple[str, ...]
    following: tuple[str, ...]
    present_ref: tuple[str, ...]
    past_ref: tuple[str, ...]
    future_ref: tuple[str, ...]
    set_adverbs: dict[str, str]
    modifiers: dict[str, str]
    positions: dict[str, str]
    ordinals: dict[str, int]
    holidays: dict[str, str]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    year_blockers: frozenset[str]
    set_blockers: frozenset[str]
    duration_nouns: tuple[str, ...]


def _tuple(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(raw.get(key, ()))


def _dict(raw: dict[str, Any], key: str) -> dict[str, Any]:
    return dict(raw.get(key, {}))


@cache
def load_lexicon(lang: str) -> Lexicon:
    """Read the vocabulary of ``lang`` ("de" or "en"); cached, so it is parsed once."""
    if lang not in LANGUAGES:
        raise ValueError(f"no temporal vocabulary for language {lang!r}")
    raw: dict[str, Any] = read_json(f"time_{lang}.json")
    return Lexicon(
        lang=lang,
        months=_dict(raw, "months"),
        weekdays=_dict(raw, "weekdays"),
        numbers=_dict(raw, "numbers"),
        vague_numbers=_tuple(raw, "vague_numbers"),
        units=_dict(raw, "units"),
        adjective_units=_dict(raw, "adjective_units"),
        long_units=_dict(raw, "long_units"),
        seasons=_dict(raw, "seasons"),
        parts_of_day=_dict(raw, "parts_of_day"),
        deictic_days=_dict(raw, "deictic_days"),
        deictic_adjectives=_dict(raw, "deictic_adjectives"),
        last=_tuple(raw, "last"),
        before_last=_tuple(raw, "before_last"),
        next=_tuple(raw, "next"),
        after_next=_tuple(raw, "after_next"),
        this=_tuple(raw, "this"),
        following=_tuple(raw, "following"),
        present_ref=_tuple(raw, "present_ref"),
        past_ref=_tuple(raw, "past_ref"),
        future_ref=_tuple(raw, "future_ref"),
        set_adverbs=_dict(raw, "set_adverbs"),
        modifiers=_dict(raw, "modifiers"),
        positions=_dict(raw, "positions"),
        ordinals=_dict(raw, "ordinals"),
        holidays=_dict(raw, "holidays"),
        future_cues=frozenset(raw.get("future_cues", ())),
        past_cues=frozenset(raw.get("past_cues", ())),
        year_blockers=frozenset(raw.get("year_blockers", ())),
        set_blockers=frozenset(raw.get("set_blockers", ())),
        duration_nouns=_tuple(raw, "duration_nouns"),
    )


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex matching any of ``words``, built as a trie.

    Python's regex engine tries alternatives one by one; sharing prefixes ("montag",
    "monat", "mon.") makes the ~40 patterns several times faster on a long article.
    The longest word wins where one word is a prefix of another.
    """
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie(trie) + ")"


def _trie(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [_char(c) + _trie(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
    return body


def _char(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)
