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
    "kb_leaders_2015_2026.tsv",
    "ner_places_de.tsv",
    "ner_persons_de.tsv",
    "ner_orgs_de.tsv",
)  # earlier files win on a clash
CURATED = "ner_names_de.tsv"
# The knowledge base's office holders (our own file): their names and aliases are persons.
KB_PERSONS = "kb_leaders_2015_2026.tsv"
MAX_LEN = 6
# Name particles that a source may spell capitalised ("Ursula Von Der Leyen"): an entry
# also matches with them in lower case, as German text writes them.
_PARTICLES = frozenset({"von", "der", "den", "van", "de", "zu", "del", "della", "di", "da", "du"})

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
            rows = _kb_persons() if name == KB_PERSONS else _rows(name)
            for surface, label in rows:
                for key in _spellings(tuple(surface.split()), label):
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


def _rows(name: str) -> list[tuple[str, str]]:
    return [(cols[0], cols[1]) for cols in (line.split("\t") for line in data_lines(name))]


def _kb_persons() -> list[tuple[str, str]]:
    """Names and aliases of the persons in the knowledge base's office-holder file
    (columns: id, name, alias, type, ...)."""
    out: list[tuple[str, str]] = []
    for line in data_lines(KB_PERSONS):
        cols = line.split("\t")
        if len(cols) > 3 and cols[3] == "PER":
            out.extend((surface, "PER") for surface in cols[1:3] if surface)
    return out


def _spellings(key: tuple[str, ...], label: str) -> list[tuple[str, ...]]:
    inner = key[1:-1]
    if label != "PER" or not any(w.lower() in _PARTICLES and w[:1].isupper() for w in inner):
        return [key]
    lowered = tuple(w.lower() if w.lower() in _PARTICLES else w for w in inner)
    return [key, (key[0], *lowered, key[-1])]
