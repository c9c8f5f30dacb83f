"""The structure stage's word lists (``data/structure_cues.json``), compiled once into regexes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..data_files import read_json
from ..errors import StageLoadError

_RESOURCE = "structure_cues.json"


@dataclass(frozen=True, slots=True)
class Cues:
    agencies: dict[str, str]  # lower-case spelling -> canonical name
    credit_words: frozenset[str]  # lower-case words of photo-agency names ("picture", "alliance")
    known_credits: frozenset[str]  # lower-case full photo-agency names
    particles: frozenset[str]
    credit_marker: re.Pattern[str]  # a marker at the start: "Foto:", "©", "Photo by"
    credit_marker_tail: re.Pattern[str]  # a marker somewhere inside a paragraph, to its end
    related: re.Pattern[str]  # a related-links label at the start of a line
    closing: re.Pattern[str]  # a closing credit line: "Mit Material von", "Reporting by"


def _alternation(entries: list[str]) -> str:
    # Longest first, so "Photo by" wins over "Photo" and "Mehr zum Thema" over "Mehr".
    return "|".join(re.escape(e) for e in sorted(entries, key=len, reverse=True))


def _entries(raw: dict[str, Any], key: str) -> Any:
    try:
        return raw[key]["entries"]
    except (KeyError, TypeError) as exc:
        raise StageLoadError(f"{_RESOURCE}: list {key!r} is missing ({exc})") from None


def _compile(raw: dict[str, Any]) -> Cues:
    agencies = {str(k).lower(): str(v) for k, v in _entries(raw, "news_agencies").items()}
    photo = [str(e) for e in _entries(raw, "photo_agencies")]
    markers = _alternation(_entries(raw, "credit_markers"))
    # A word-final marker ("Foto:", "©") needs no boundary; "Photo by" and "Copyright" do.
    marker = rf"(?:{markers})(?![\w])"
    return Cues(
        agencies=agencies,
        credit_words=frozenset(w.lower() for e in photo for w in re.split(r"[\s-]+", e)),
        known_credits=frozenset(e.lower() for e in photo) | frozenset(agencies),
        particles=frozenset(_entries(raw, "name_particles")),
        credit_marker=re.compile(rf"^\(?\s*{marker}\s*", re.IGNORECASE),
        credit_marker_tail=re.compile(rf"(?:^|\s)(\(?\s*{marker}.*)$", re.IGNORECASE | re.DOTALL),
        related=re.compile(
            rf"^(?:{_alternation(_entries(raw, 'related_cues'))})(?=$|[\s:.…»>›|-])",
            re.IGNORECASE,
        ),
        closing=re.compile(
            rf"^\(?\s*(?:{_alternation(_entries(raw, 'closing_cues'))})(?=$|[\s:])",
            re.IGNORECASE,
        ),
    )


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Read and compile the cue lists; called by ``make_stage``, never at import time."""
    try:
        raw = read_json(_RESOURCE)
    except ValueError as exc:
        raise StageLoadError(f"cannot load {_RESOURCE}: {exc}") from None
    return _compile(raw)
