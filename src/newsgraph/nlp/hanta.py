"""HanTa (Hanover Tagger) for German, made fast enough for news streams.

HanTa spends nearly all its time on per-word morphological analysis (candidate tags for a
word, then the lemma of the word under the chosen tag); the sentence-level Viterbi pass is
cheap. Both analyses depend only on the word form (and its capitalisation), so we memoise
them across sentences and articles; news vocabulary is Zipfian, so after a few hundred
articles almost every lookup is a hit. Results are identical to the uncached tagger.

The caches are bounded by clearing them when full: simpler and faster than a true LRU,
and a rare refill costs far less than the per-word ``functools.lru_cache`` bookkeeping.
"""

from __future__ import annotations

from typing import Any

from HanTa.HanoverTagger import HanoverTagger

from ..errors import StageLoadError

MODEL = "morphmodel_ger.pgz"
CACHE_SIZE = 200_000


class CachedHanoverTagger(HanoverTagger):  # type: ignore[misc]
    """HanoverTagger with its two per-word analyses memoised (same results)."""

    def __init__(self, filename: str = MODEL, cache_size: int = CACHE_SIZE) -> None:
        super().__init__(filename)
        self._cache_size = cache_size
        self._word_tags: dict[tuple[Any, ...], list[tuple[int, float]]] = {}
        self._analyses: dict[tuple[str, int, int], Any] = {}

    def _tag_word(
        self, word: str, cutoff: int = 5, casesensitive: bool = True, conditional: bool = False
    ) -> list[tuple[int, float]]:
        # HanTa reads only the first letter's case and the normalised form.
        key = (word[:1].isupper(), self.normalize(word), cutoff, casesensitive, conditional)
        found = self._word_tags.get(key)
        if found is None:
            if len(self._word_tags) >= self._cache_size:
                self._word_tags.clear()
            found = super()._tag_word(word, cutoff, casesensitive, conditional)
            self._word_tags[key] = found
        return found

    def _analyze(self, word: str, pos: int, taglevel: int = 1) -> Any:
        key = (word.lower(), pos, taglevel)  # HanTa lower-cases the word first thing
        found = self._analyses.get(key)
        if found is None:
            if len(self._analyses) >= self._cache_size:
                self._analyses.clear()
            found = super()._analyze(word, pos, taglevel)
            self._analyses[key] = found
        return found


def load_tagger() -> CachedHanoverTagger:
    try:
        return CachedHanoverTagger(MODEL)
    except Exception as exc:  # HanTa raises bare IOError/pickle errors
        raise StageLoadError(f"could not load the HanTa German model {MODEL!r}: {exc}") from exc
