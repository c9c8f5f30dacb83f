"""Name lists matched over spaCy tokens: places (CLDR, GeoNames) and hand-made names.

Entries are token sequences, so "Vereinte Nationen" matches two tokens and "Nato" one.
German adds a genitive -s to names ("Russlands", "Chinas"); a one-token name also matches
with that -s, because the inflected token is the whole mention.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..nlp.resources import data_lines

FILES = (
    "ner_names_de.tsv",
    "ner_places_de.tsv",
    "ner_persons_de.tsv",
    "ner_orgs_de.tsv",
)  # earlier files win on a clash
CURATED = "ner_names_de.tsv"
MAX_LEN = 6

TokenSpan = tuple[int, int, str]  # token start, token end (exclusive), label


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entries: dict[tuple[str, ...], str]
    # Entries of the hand-made list: checked by a person, so trusted even where the tagger
    # reads the word as a common noun ("Nordsee", "Ruhrgebiet"), unlike GeoNames towns.
    curated: frozenset[tuple[str, ...]] = frozenset()
    # First words of all entries: most tokens start none, and this check is cheap.
    starts: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.starts:
            object.__setattr__(self, "starts", frozenset(k[0] for k in self.entries))

    @classmethod
    def load(cls, files: tuple[str, ...] = FILES) -> Gazetteer:
        entries: dict[tuple[str, ...], str] = {}
        curated: set[tuple[str, ...]] = set()
        for name in files:
            for line in data_lines(name):
                surface, label = line.split("\t")[:2]
                key = tuple(surface.split())
                if len(key) <= MAX_LEN:
                    entries.setdefault(key, label)
                    if name == CURATED:
                        curated.add(key)
        return cls(entries, frozenset(curated))

    def label(self, words: tuple[str, ...]) -> str | None:
        found = self.entries.get(words)
        if found is None and len(words) == 1 and _genitive(words[0]):
            found = self.entries.get((words[0][:-1],))
        return found

    def matches(self, doc: Doc) -> list[TokenSpan]:
        """Longest non-overlapping matches, left to right."""
        words = [t.text for t in doc]
        out: list[TokenSpan] = []
        i = 0
        while i < len(words):
            hit = self._longest_at(words, i)
            if hit is None:
                i += 1
                continue
            out.append(hit)
            i = hit[1]
        return out

    def _longest_at(self, words: list[str], i: int) -> TokenSpan | None:
        word = words[i]
        if not word[:1].isupper() and word not in self.starts:
            return None  # lowercase names ("dpa") match only as listed
        if word not in self.starts:
            label = self.label((word,))  # only a genitive can still match
            return (i, i + 1, label) if label is not None else None
        for end in range(min(len(words), i + MAX_LEN), i, -1):
            label = self.label(tuple(words[i:end]))
            if label is not None:
                return (i, end, label)
        return None


def _genitive(word: str) -> bool:
    return len(word) > 4 and word.endswith("s") and not word.isupper()
