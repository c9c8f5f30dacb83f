"""HanTa (Hanover Tagger) for German, made fast enough for news streams.

HanTa spends nearly all its time on per-word morphological analysis (candidate tags for a
word, then the lemma of the word under the chosen tag); the sentence-level Viterbi pass is
cheap. Both analyses depend only on the word form (and its capitalisation), so we memoise
them across sentences and articles; news vocabulary is Zipfian, so after a few hundred
articles almost every lookup is a hit. Results are identical to the uncached tagger.

The caches are bounded by clearing them when full: simpler and faster than a true LRU,
and a rare refill costs far less than the per-word ``functools.lru_cache`` bookkeeping.

A cache cannot help with words seen for the first time, and news always has many (names,
compounds): their two analyses run HanTa's morphological search, which :mod:`.hanta_search`
does about twice as fast with identical results; :mod:`.hanta_sentence` does the same for the
sentence-level tag search.
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

from HanTa.HanoverTagger import HanoverTagger

from ..errors import StageLoadError
from .hanta_search import MorphSearch
from .hanta_sentence import SentenceSearch

MODEL = "morphmodel_ger.pgz"
CACHE_SIZE = 200_000
# Our searches re-do HanTa's; they are checked against this release (pinned in pyproject):
# under any other, HanTa's own code runs, so an upgrade cannot change results unseen.
SEARCHES_VERIFIED_FOR = "1.2.1"


class CachedHanoverTagger(HanoverTagger):  # type: ignore[misc]
    """HanoverTagger with its two per-word analyses memoised (same results)."""

    def __init__(
        self, filename: str = MODEL, cache_size: int = CACHE_SIZE, own_search: bool = False
    ) -> None:
        """``own_search``: run HanTa's own searches (slower, same results; for comparisons)."""
        super().__init__(filename)
        self._cache_size = cache_size
        self._word_tags: dict[tuple[Any, ...], list[tuple[int, float]]] = {}
        self._analyses: dict[tuple[str, int, int], Any] = {}
        verified = not own_search and version("HanTa") == SEARCHES_VERIFIED_FOR
        self._search = MorphSearch(self) if verified else None
        self._sentences = SentenceSearch(self) if verified else None

    def tag_sent_viterbi(self, sent: list[str], casesensitive: bool = True) -> list[int]:
        if self._sentences is None:
            return super().tag_sent_viterbi(sent, casesensitive)  # type: ignore[no-any-return]
        return self._sentences.best_tags(sent, self._candidates, casesensitive)

    def _candidates(self, word: str, casesensitive: bool) -> list[tuple[int, float]]:
        return self._tag_word(word, cutoff=5, casesensitive=casesensitive, conditional=True)

    def analyze_forward(self, word: str) -> list[tuple[int, Any]]:
        if self._search is None:
            return super().analyze_forward(word)  # type: ignore[no-any-return]
        return self._search.forward(word, self.strict)

    def analyze_viterbi(self, word: str, targetpos: int) -> list[tuple[int, int]]:
        if self._search is None:
            return super().analyze_viterbi(word, targetpos)  # type: ignore[no-any-return]
        return self._search.viterbi(word, targetpos)

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


def load_tagger(own_search: bool = False) -> CachedHanoverTagger:
    try:
        return CachedHanoverTagger(MODEL, own_search=own_search)
    except Exception as exc:  # HanTa raises bare IOError/pickle errors
        raise StageLoadError(f"could not load the HanTa German model {MODEL!r}: {exc}") from exc
