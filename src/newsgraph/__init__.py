"""newsgraph: who did what to whom, where and when, and who said what — from news text.

Python API::

    import newsgraph
    record = newsgraph.analyze("Putin empfing am Mittwoch ...", date="2023-11", lang="de")
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .model import Article, Document
from .pipeline import Pipeline, PipelineOptions

__version__ = "0.1.0"
__all__ = ["Article", "Document", "Pipeline", "PipelineOptions", "analyze", "analyze_doc"]


@lru_cache(maxsize=4)
def _default_pipeline(options: PipelineOptions) -> Pipeline:
    return Pipeline(options)


def analyze_doc(
    text: str,
    *,
    date: str | None = None,
    lang: str | None = None,
    title: str | None = None,
    id: str = "",
    options: PipelineOptions | None = None,
) -> Document:
    """Analyse one text and return the enriched Document (with its spaCy Doc)."""
    from .readers.dates import parse_published

    article = Article(
        text=text,
        id=id,
        source="api",
        title=title,
        lang=lang,
        published=parse_published(date) if date else None,
    )
    return _default_pipeline(options or PipelineOptions())(article)


def analyze(text: str, **kwargs: Any) -> dict[str, Any]:
    """Analyse one text and return its JSON record (the same as ``newsgraph analyze``)."""
    return analyze_doc(text, **kwargs).to_record()
