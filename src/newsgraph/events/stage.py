"""Stage "events": PLOVER/CAMEO event records in ``doc.events``.

Requires parts, tokens, sentences, pos (STTS tags and lemmas) and times; uses entities and
quotes when those stages ran before it. German is coded from clause structure (no parser);
English from the spaCy dependency parse when an English pipeline is installed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Document
from ..pipeline import PipelineOptions


def make_stage(options: PipelineOptions) -> Callable[[Document], None]:
    from .coder import GermanCoder

    german = GermanCoder()
    english: list[Any] = []  # built on the first English article: its own lexicon and KB

    def events(doc: Document) -> None:
        lang = doc.lang or options.lang or "de"
        if lang == "en":
            if not english:
                from .english import EnglishCoder

                english.append(EnglishCoder())
            doc.events = english[0].code(doc)
        elif lang == "de":
            doc.events = german.code(doc)
        else:
            doc.events = []

    return events
