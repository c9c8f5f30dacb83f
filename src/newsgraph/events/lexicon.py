"""Loader for the event lexicon and the CAMEO table (data files, loaded once per stage)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data_files import read_text


@dataclass(frozen=True, slots=True)
class Entry:
    pos: str  # "v" verb, "n" noun, "a" predicative adjective
    lemma: str  # full lemma, particle joined: "auffordern"
    particle: str  # separable particle ("auf") or ""
    type: str
    mode: str | None
    cameo: str
    needs: frozenset[str]  # one of these words must be in the clause (empty: no condition)
    unless: frozenset[str]  # none of these may be ("!word" in the needs column)
    genitive_is_actor: bool
    exact: bool  # nouns: whole word only, no compound match
    example: str | None
    line: int  # line in the data file, named in the record's "rule"


@dataclass(frozen=True, slots=True)
class Cameo:
    goldstein: float | None
    quad: int
    plover_context: str | None


@dataclass(slots=True)
class Lexicon:
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    cameo: dict[str, Cameo] = field(default_factory=dict)
    source: str = ""

    def entries(self) -> list[Entry]:
        out = [e for es in self.verbs.values() for e in es] + [
            e for es in self.nouns.values() for e in es
        ]
        return sorted(out, key=lambda e: e.line)

    def verb(self, lemma: str) -> list[Entry]:
        return self.verbs.get(lemma.lower(), [])

    def noun(self, lemma: str) -> list[Entry]:
        """Entries for a noun or the longest lexicon noun its compound ends in."""
        low = lemma.lower()
        if low in self.nouns:
            return self.nouns[low]
        for cut in range(1, len(low) - 3):
            tail = low[cut:]
            found = [e for e in self.nouns.get(tail, []) if not e.exact]
            if found:
                return found
        return []


def _data(name: str) -> str:
    return read_text(name)


def _words(column: str) -> list[str]:
    return [] if column == "-" else column.split("|")


def _entry(cols: list[str], line: int) -> Entry:
    pos, lemma, ptype, mode, cameo, needs, gen, example = cols
    exact = lemma.startswith("=")
    particle, _, stem = lemma.lstrip("=").rpartition("|")
    return Entry(
        pos=pos,
        lemma=(particle + stem).lower(),
        particle=particle,
        type=ptype,
        mode=None if mode == "-" else mode,
        cameo=cameo,
        needs=frozenset(w for w in _words(needs) if not w.startswith("!")),
        unless=frozenset(w[1:] for w in _words(needs) if w.startswith("!")),
        genitive_is_actor=gen != "R",
        exact=exact,
        example=None if example == "-" else example,
        line=line,
    )


def load_cameo() -> dict[str, Cameo]:
    out: dict[str, Cameo] = {}
    rows = [r for r in _data("events_cameo.tsv").splitlines() if r and not r.startswith("#")]
    for row in rows[1:]:
        code, goldstein, quad, _type, _mode, context = (row.split("\t") + [""] * 6)[:6]
        out[code] = Cameo(float(goldstein) if goldstein else None, int(quad), context or None)
    return out


def load_lexicon(lang: str = "de") -> Lexicon:
    name = f"events_lexicon_{lang}.tsv"
    lexicon = Lexicon(cameo=load_cameo(), source=name)
    header_seen = False
    for number, raw in enumerate(_data(name).splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        entry = _entry(raw.split("\t"), number)
        table = lexicon.nouns if entry.pos == "n" else lexicon.verbs
        # Rows with conditions first: a conditioned reading wins over the plain one.
        table.setdefault(entry.lemma, []).append(entry)
        table[entry.lemma].sort(key=lambda e: not e.needs)
    return lexicon
