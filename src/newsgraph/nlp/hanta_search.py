"""HanTa's per-word morphological search, done faster with bit-identical results.

HanTa (Christian Wartena, LGPL-3.0-or-later) analyses a word by a best-path search over its
splits into morphemes, scored by its model's tables: ``analyze_forward`` (the candidate tags
of a word missing from its lexicon) and ``analyze_viterbi`` (the best split under the chosen
tag, which gives the lemma). On a cold start they were about two thirds of the German
tagger's time, and a memo cannot help with a word's first occurrence.

This module runs the same search over the same model tables. It visits the states in the same
order and adds the same floating-point numbers in the same order, so every score, every tie
and every result is identical to HanTa's (``tests/test_hanta_search.py`` compares them). It is
faster because it does less redundant work per split point:

* the score of a segment under a tag is computed once per segment, not once for every state
  that may be followed by that tag;
* a segment that is no known morpheme (one set lookup) is tried only with the few open-class
  tags: all others score minus infinity;
* the unknown-morpheme guess of a segment longer than four letters depends on its suffix only,
  so it is computed once per end position and tag.

Order matters even where scores do not: dict insertion order decides the order in which later
positions are expanded, which of two equal scores is kept, and the order in which tag scores
are summed with ``logaddexp``; hence the loops below keep HanTa's order exactly.
"""

from __future__ import annotations

import math
from typing import Any

from numpy import logaddexp

State = tuple[int, int]
Followers = list[tuple[int, float, dict[str, float]]]  # (tag, log p, morpheme scores of tag)
Table = list[dict[State, float]]
Backpointers = list[dict[State, tuple[State, int]]]

EMPTY, START, UNKNOWN, END_UNKNOWN = 0, 1, 3, -3  # HanTa's reserved tag numbers
LOWER_BOUND = -1e6  # HanTa drops paths scoring at or below this
BEAM = 3  # HanTa expands only states within 1 of the 4th best at each split point
MAX_LENGTH_BIN = 24  # HanTa's length table stops at 24 letters
WHOLE_WORD_PENALTY = 4.6  # HanTa's penalty for reading the whole word as one unknown morpheme
NEG_INF = -math.inf


class MorphSearch:
    """HanTa's two per-word searches over the model tables of a loaded ``HanoverTagger``."""

    def __init__(self, tagger: Any) -> None:
        self._morphemes = frozenset(m for scores in tagger.LP_m_t.values() for m in scores)
        # Tags that also score unknown morphemes (by length and suffix).
        self._open = frozenset(
            t for t in tagger.LP_m_t if t in tagger.LP_hapax_t and t in tagger.LP_s_t
        )
        # HanTa adds these left to right, so the partial sum is the same float.
        self.base: dict[int, list[float]] = {
            t: [tagger.Int_t + tagger.LP_hapax_t[t] + n for n in tagger.LP_len_t[t]]
            for t in self._open
        }
        self.suffixes: dict[int, dict[str, float]] = {t: tagger.LP_s_t[t] for t in self._open}
        self._final: dict[State, list[tuple[int, float]]] = tagger.LP_trans_final
        self._reachability: dict[int, frozenset[int]] = tagger.reachability
        # Each transition carries its tag's morpheme scores: one lookup less per step.
        self._followers: dict[State, Followers] = {
            s: [(t, p, tagger.LP_m_t[t]) for t, p in f]
            for s, f in tagger.LP_trans_nonfinal.items()
            if f
        }
        self._open_followers = self._only_open(self._followers)
        self._for_target: dict[int, tuple[dict[State, Followers], dict[State, Followers]]] = {}

    def _only_open(self, followers: dict[State, Followers]) -> dict[State, Followers]:
        return {s: [x for x in f if x[0] in self._open] for s, f in followers.items()}

    def forward(self, word: str, strict: bool) -> list[tuple[int, Any]]:
        """``HanoverTagger.analyze_forward``: (tag, log probability) pairs, best first."""
        table: Table = [_start()] + [{} for _ in range(len(word) + 1)]
        self._fill(word, table, (self._followers, self._open_followers), strict=strict, back=None)
        last = table[-1]
        for state, lp in table[-2].items():
            for tag, lpt in self._final.get(state, []):
                lp1 = lp + lpt
                if lp1 > LOWER_BOUND:
                    new = (state[1], tag)
                    if new not in last or lp1 > last[new]:
                        last[new] = lp1
        results: dict[int, Any] = {}
        for state, lp in last.items():
            if lp == NEG_INF:
                continue
            pos = -state[1]
            results[pos] = logaddexp(results[pos], lp) if pos in results else lp
        ranked = sorted(results.items(), key=lambda item: item[1], reverse=True)
        return ranked or [(UNKNOWN, 0)]

    def viterbi(self, word: str, target: int) -> list[tuple[int, int]]:
        """``HanoverTagger.analyze_viterbi``: the best split as (tag, end offset) pairs."""
        followers = self._followers_for(target)
        wlen = len(word)
        # First known morphemes only; guesses only where that finds no path (as HanTa).
        for strict in (True, False):
            table: Table = [_start()] + [{} for _ in range(wlen + 1)]
            back: Backpointers = [{} for _ in range(wlen + 2)]
            self._fill(word, table, followers, strict=strict, back=back)
            last = table[-1]
            for state, lp in table[-2].items():
                for tag, lpt in self._final.get(state, []):
                    if tag == target:
                        lp1 = lp + lpt
                        if lp1 > LOWER_BOUND:
                            new = (state[1], tag)
                            if new not in last or lp1 > last[new]:
                                last[new] = lp1
                                back[-1][new] = (state, wlen)
                        break
            if last:
                break
        return _best_path(table[-1], back)

    def _followers_for(self, target: int) -> tuple[dict[State, Followers], dict[State, Followers]]:
        """Transitions that can still reach the final state ``target`` (HanTa's filter)."""
        found = self._for_target.get(target)
        if found is None:
            reach = self._reachability.get(target, frozenset())
            kept = ((s, [x for x in f if x[0] in reach]) for s, f in self._followers.items())
            followers = {s: f for s, f in kept if f}
            found = self._for_target[target] = (followers, self._only_open(followers))
        return found

    def _fill(  # noqa: PLR0912 - the innermost loops, inlined: a call per step costs ~10%
        self,
        word: str,
        table: Table,
        followers: tuple[dict[State, Followers], dict[State, Followers]],
        *,
        strict: bool,
        back: Backpointers | None,
    ) -> None:
        """Fill ``table[j]`` (best score of each state after ``word[:j]``) for every split."""
        every, only_open = followers
        morphemes, open_tags = self._morphemes, self._open
        base, suffixes = self.base, self.suffixes
        long_suffix: dict[tuple[int, int], float] = {}  # (end, tag) -> suffix score
        wlen = len(word)
        for i in range(wlen + 1):
            row = table[i]
            bound = sorted(row.values(), reverse=True)[BEAM] - 1 if len(row) > BEAM else LOWER_BOUND
            live = [
                (state, lp, every[state], only_open[state])
                for state, lp in row.items()
                if lp >= bound and state in every
            ]
            for j in range(i + 1, wlen + 1) if live else ():
                segment = word[i:j]
                known = segment in morphemes
                target = table[j]
                pointers = back[j] if back is not None else None
                # HanTa guesses unknown morphemes of 1-2 letters only in short words.
                can_guess = not strict and (j - i > 2 or wlen < 4)
                guessed: dict[int, float] = {}
                for state, lp, all_next, open_next in live:
                    for tag, lpt, tag_scores in (
                        all_next if known else (open_next if can_guess else ())
                    ):
                        score = tag_scores.get(segment) if known else None
                        if score is None:
                            if not can_guess or tag not in open_tags:
                                continue
                            score = guessed.get(tag)
                            if score is None:
                                mlen = j - i
                                if mlen > 4:  # only the last 4 letters count: one per end
                                    suffix = long_suffix.get((j, tag))
                                    if suffix is None:
                                        suffix = _suffix_score(suffixes[tag], segment)
                                        long_suffix[(j, tag)] = suffix
                                else:
                                    suffix = _suffix_score(suffixes[tag], segment)
                                score = base[tag][mlen if mlen < MAX_LENGTH_BIN else MAX_LENGTH_BIN]
                                score += suffix
                                if mlen == wlen:
                                    score -= WHOLE_WORD_PENALTY
                                guessed[tag] = score
                        lp1 = lp + lpt + score
                        if lp1 > LOWER_BOUND:
                            new = (state[1], tag)
                            old = target.get(new)
                            if old is None or lp1 > old:
                                target[new] = lp1
                                if pointers is not None:
                                    pointers[new] = (state, i)


def _start() -> dict[State, float]:
    return {(EMPTY, START): 0}  # an int, as in HanTa (0 + x is x either way)


def _suffix_score(scores: dict[str, float], segment: str) -> float:
    """Score of the longest known suffix (at most 4 letters, shorter than the segment)."""
    for n in range(min(4, len(segment) - 1), 0, -1):
        found = scores.get(segment[-n:])
        if found is not None:
            return found
    return scores[""]


def _best_path(last: dict[State, float], back: Backpointers) -> list[tuple[int, int]]:
    best, best_lp = (EMPTY, EMPTY), NEG_INF
    for state, lp in last.items():
        if lp > best_lp:
            best, best_lp = state, lp
    i = len(back) - 1
    if best == (EMPTY, EMPTY):  # no path: HanTa reads the word as one unknown morpheme
        steps = [((UNKNOWN, END_UNKNOWN), i), ((START, UNKNOWN), i - 1)]
    else:
        steps = [(best, i)]
        state = best
        while i > 0:
            state, i = back[i][state]
            steps.append((state, i))
        steps = steps[:-1]
    return [(s[1], end) for s, end in reversed(steps)]
