"""HanTa's sentence-level tag search, done faster with bit-identical results.

After the per-word analyses, HanTa picks the tags of a sentence by a Viterbi search over tag
trigrams (``HanoverTagger.tag_sent_viterbi``; HanTa is by Christian Wartena, LGPL-3.0-or-later).
For every kept state it walks all 56 transitions of the model and skips those to a tag the
word cannot have; a word has one to six candidate tags, so nearly all of that walk is wasted.
This version looks up only the word's candidates, then takes them in the model's transition
order, so the states are filled in HanTa's order and every score and every tie comes out the
same (``tests/test_hanta_search.py`` compares them with HanTa itself).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

State = tuple[int, int]
TagWord = Callable[[str, bool], list[tuple[int, Any]]]

EMPTY, START, END, UNKNOWN = 0, 1, 2, 3  # HanTa's reserved tag numbers
LOWER_BOUND = -1e6  # HanTa drops paths scoring at or below this
BEAM = 5  # HanTa expands only states within 1 of the 6th best after each word


class SentenceSearch:
    """The best tag sequence of a sentence under a loaded ``HanoverTagger``'s trigram model."""

    def __init__(self, tagger: Any) -> None:
        self._transitions: dict[State, dict[int, float]] = tagger.LP_trans_word
        self._rank: dict[State, dict[int, int]] = {}  # state -> tag -> place among transitions
        # The German model lists every state's transitions in one order: share the rankings.
        self._rank_by_order: dict[tuple[int, ...], dict[int, int]] = {}

    def best_tags(self, sent: list[str], tag_word: TagWord, casesensitive: bool) -> list[int]:
        """``HanoverTagger.tag_sent_viterbi``; ``tag_word(word, casesensitive)`` gives the
        word's candidate tags (HanTa's ``_tag_word`` with cutoff 5, conditional)."""
        rows: list[dict[State, float]] = []
        back: list[dict[State, State]] = []
        previous: dict[State, float] = {(EMPTY, START): 0.0}
        for i, word in enumerate(sent):
            # HanTa ignores the case of the first word of a sentence.
            candidates = dict(tag_word(word, casesensitive and i > 0))
            if len(candidates) == 1 and UNKNOWN in candidates:
                candidates = {}
            if len(previous) > BEAM:
                bound = sorted(previous.values(), reverse=True)[BEAM] - 1
            else:
                bound = LOWER_BOUND
            row: dict[State, float] = {}
            pointers: dict[State, State] = {}
            for state, lp0 in previous.items():
                if lp0 >= bound:
                    self._extend(state, lp0, candidates, row, pointers)
            rows.append(row)
            back.append(pointers)
            previous = row
        return self._backtrack(rows[-1], back) if sent else []

    def _extend(
        self,
        state: State,
        lp0: float,
        candidates: dict[int, Any],
        row: dict[State, float],
        pointers: dict[State, State],
    ) -> None:
        transitions = self._transitions[state]
        if candidates:
            rank = self._rank.get(state)
            if rank is None:
                listed = tuple(transitions)
                rank = self._rank_by_order.get(listed)
                if rank is None:
                    rank = self._rank_by_order[listed] = {t: k for k, t in enumerate(listed)}
                self._rank[state] = rank
            order = sorted((rank[tag], tag) for tag in candidates if tag in rank and tag != END)
            steps = [(tag, transitions[tag], candidates[tag]) for _, tag in order]
        else:  # a word without candidates may take any tag, at no cost (as HanTa)
            steps = [(tag, lp, 0) for tag, lp in transitions.items() if tag != END]
        after = state[1]
        for tag, lp_tc, lp_wc in steps:
            lp = lp0 + lp_tc + lp_wc
            if lp > LOWER_BOUND:
                new = (after, tag)
                old = row.get(new)
                if old is None or lp > old:
                    row[new] = lp
                    pointers[new] = state

    def _backtrack(self, last: dict[State, float], back: list[dict[State, State]]) -> list[int]:
        final = (END, EMPTY)
        best = -math.inf
        best_state: State | None = None
        for state, lp0 in last.items():
            lp = lp0 + self._transitions[state].get(END, -math.inf)
            if lp > best:
                best, best_state = lp, state
        if best_state is None:  # no path reaches the end: HanTa fails here too
            raise KeyError(final)
        tags: list[int] = []
        state = best_state
        for pointers in reversed(back):
            tags.append(state[1])
            state = pointers[state]
        return tags[::-1]
