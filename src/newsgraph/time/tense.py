"""Past or future: the nearest tense cue in the sentence decides where a weekday falls."""

from __future__ import annotations

import re

from .lexicon import Lexicon

_WORD = re.compile(r"[\w']+")


class TenseCues:
    """Finds tense cues in a sentence once; answers for any offset inside it."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def cues(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """(offset, -1 past | +1 future) for each cue word between start and end."""
        found = []
        for m in _WORD.finditer(text, start, end):
            word = m.group().lower()
            if word in self.lex.future_cues or _ZU_INFINITIVE.match(word):
                found.append((m.start(), 1))
            elif word in self.lex.past_cues or _participle(word, self.lex.lang):
                found.append((m.start(), -1))
        return found


_ZU_INFINITIVE = re.compile(r"^(?:an|auf|aus|ein|mit|vor|zurück|ab|bei|fest|statt|teil)zu\w{2,}en$")


def _participle(word: str, lang: str) -> bool:
    if lang == "de":
        return len(word) > 6 and word.startswith("ge") and word.endswith(("t", "en"))
    return len(word) > 4 and word.endswith("ed")


def nearest(cues: list[tuple[int, int]], clause: tuple[int, int], span: tuple[int, int]) -> int:
    """The tense of the cue nearest to the span, preferring cues in its own clause.

    0 when the sentence has no cue.
    """
    own = [c for c in cues if clause[0] <= c[0] < clause[1]]
    best, best_gap = 0, 10**9
    for offset, tense in own or cues:
        gap = span[0] - offset if offset < span[0] else offset - span[1]
        if span[0] <= offset < span[1]:
            continue  # the expression itself ("kommenden Sonntag") is no verb
        if gap < best_gap:
            best, best_gap = tense, gap
    return best
