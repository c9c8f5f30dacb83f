"""Stage "tagger": POS (STTS/PTB tag + UD pos), features and lemmas on the tokens' Doc.

German goes through HanTa (:mod:`.german`), loaded when the stage is built; English
through the installed spaCy English pipeline named by ``options.english_model``
(:mod:`.english`), loaded on the first English article.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Document
from ..pipeline import PipelineOptions
from .english import EnglishTagger, load_english
from .german import GermanTagger


def make_stage(options: PipelineOptions) -> Callable[[Document], None]:
    german = GermanTagger()
    english: list[EnglishTagger] = []  # filled on the first English article

    def tagger(doc: Document) -> None:
        if doc.doc is None:
            raise ValueError("the tagger needs the tokens stage to run first")
        if doc.lang == "en":
            if not english:
                model = options.english_model
                english.append(EnglishTagger(load_english(model), model))
            doc.doc = english[0](doc.doc)
        else:
            german(doc.doc)

    return tagger
