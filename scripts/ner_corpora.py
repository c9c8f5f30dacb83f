"""Read the CC-BY German NER corpora in ../shared/train into spaCy Docs with PER/ORG/LOC.

Training-only code: the corpora never enter the repo, only the model trained on them.

Label mappings (decided here, one table per corpus). A class whose GermEval counterpart is
unclear is marked *missing* (neither entity nor O) so the model learns nothing from it;
a class that is clearly not a PER/ORG/LOC name becomes O.

- LER (legal): PER, RR (judge), AN (lawyer) -> PER; LD (country), ST (city), STR (street),
  LDS (landscape) -> LOC; ORG, UN (company), INN (institution), GRT (court), MRK (brand) -> ORG;
  norms, regulations, contracts, decisions, literature (GS VO EUN VS VT RS LIT) -> missing
  (GermEval would tag parts of them, e.g. the law's name, as OTH or ORG).
- SmartData (news/RSS/tweets) and MobIE (traffic): person -> PER; organization,
  organization-company -> ORG; location, location-city, location-street, location-stop -> LOC;
  location-route ("A9", "S1") and disaster-type -> missing; dates, numbers, triggers,
  org-position and the rest -> O.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

LER_MAP = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
}  # fmt: skip
LER_MISSING = {"GS", "VO", "EUN", "VS", "VT", "RS", "LIT"}
DFKI_MAP = {
    "person": "PER",
    "organization": "ORG", "organization-company": "ORG",
    "location": "LOC", "location-city": "LOC", "location-street": "LOC", "location-stop": "LOC",
}  # fmt: skip
DFKI_MISSING = {"location-route", "disaster-type"}


def _bio_doc(
    vocab: object, words: list[str], tags: list[str], mapping: dict[str, str], missing: set[str]
) -> Doc:
    doc = Doc(vocab, words=words)  # type: ignore[arg-type]
    ents: list[Span] = []
    skip: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not tag.startswith("I-"):
            if label in mapping and _is_name(words[start]):
                ents.append(Span(doc, start, i, label=mapping[label]))
            elif label in missing:
                skip.append(Span(doc, start, i))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    doc.set_ents(ents, missing=skip)
    return doc


def _is_name(first_word: str) -> bool:
    """SmartData marks adjectives ("italienische") as locations; GermEval calls them
    derivations (not entities), so a lowercase-initial mention is trained as O."""
    return not first_word[:1].islower()


_ANONYMISED = re.compile(r"[A-ZÄÖÜ][a-zäöü]?\.?|[A-ZÄÖÜ]\.?-?[A-ZÄÖÜ]?\.?|\.\.\.|…")


class Renamer:
    """Gives LER's anonymised people ("Herrn F", "Richterin K.") realistic names.

    Court decisions replace private persons' names by letters; a model trained on them
    learns that a person is one capital letter. We substitute a sampled name (first name +
    surname, or a surname alone, from the Phoenix person lists) so the contexts teach
    what real names look like. Mention replacement only: the sentence stays as written.
    """

    def __init__(self, full_names: list[list[str]], first_names: list[str], seed: int) -> None:
        self.rng = random.Random(seed)
        self.surnames = sorted({n[-1] for n in full_names if len(n) >= 2})
        self.full_names = full_names
        self.first_names = first_names

    def __call__(self, words: list[str], tags: list[str], mapping: dict[str, str]) -> None:
        spans = _bio(tags)
        for start, end, label in reversed(spans):
            mention = " ".join(words[start:end])
            if mapping.get(label) != "PER" or not _ANONYMISED.fullmatch(mention):
                continue
            name = self._sample()
            words[start:end] = name
            tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (len(name) - 1)

    def _sample(self) -> list[str]:
        roll = self.rng.random()
        if roll < 0.4:
            return [self.rng.choice(self.first_names), self.rng.choice(self.surnames)]
        if roll < 0.7:
            return list(self.rng.choice(self.full_names))
        return [self.rng.choice(self.surnames)]


def _bio(tags: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not tag.startswith("I-"):
            spans.append((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return spans


def read_conll(
    path: Path, vocab: object, corpus: str, renamer: Renamer | None = None
) -> Iterator[Doc]:
    """LER (`TOKEN TAG`) or MobIE (`TOKEN POS CHUNK TAG`, -DOCSTART- lines) files."""
    mapping, missing = (LER_MAP, LER_MISSING) if corpus == "ler" else (DFKI_MAP, DFKI_MISSING)
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if line.startswith("-DOCSTART-"):
                continue
            if not line.strip():
                if words:
                    if renamer is not None:
                        renamer(words, tags, mapping)
                    yield _bio_doc(vocab, words, tags, mapping, missing)
                words, tags = [], []
                continue
            cols = line.split("\t") if "\t" in line else line.split(" ")
            words.append(cols[0])
            tags.append(cols[-1])
    if words:
        yield _bio_doc(vocab, words, tags, mapping, missing)


def _unwrap(value: object) -> object:
    if isinstance(value, dict) and len(value) == 1:
        key = next(iter(value))
        if key in ("string", "array", "map", "int", "long"):
            return value[key]
    return value


def read_smartdata(path: Path, nlp: Language) -> Iterator[Doc]:
    """SmartData v1: concatenated Avro-JSON documents with character-offset mentions."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        text = fh.read()
    decoder = json.JSONDecoder()
    pos = 0
    while pos < len(text):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        obj, pos = decoder.raw_decode(text, pos)
        yield from _smartdata_doc(obj, nlp)


def _smartdata_doc(obj: dict[str, object], nlp: Language) -> Iterator[Doc]:
    body = str(_unwrap(obj["text"]))
    doc = nlp.make_doc(body)
    ents: list[Span] = []
    skip: list[Span] = []
    mentions = _unwrap(obj.get("conceptMentions")) or []
    for m in mentions:  # type: ignore[attr-defined]
        kind = m["type"]
        span = doc.char_span(m["span"]["start"], m["span"]["end"], alignment_mode="expand")
        if span is None:
            continue
        if kind in DFKI_MAP and _is_name(span[0].text):
            ents.append(Span(doc, span.start, span.end, label=DFKI_MAP[kind]))
        elif kind in DFKI_MISSING:
            skip.append(span)
    ents = _non_overlapping(ents)
    taken = {i for e in ents for i in range(e.start, e.end)}
    skip = [s for s in _non_overlapping(skip) if not taken & set(range(s.start, s.end))]
    doc.set_ents(ents, missing=skip)
    # Paragraph-sized training docs: whole articles are too long for one update.
    yield from _split_lines(doc)


def _non_overlapping(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    end = -1
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if s.start >= end:
            out.append(s)
            end = s.end
    return out


def _split_lines(doc: Doc) -> Iterator[Doc]:
    start = 0
    for i, tok in enumerate(doc):
        if "\n" in tok.text or "\n" in tok.whitespace_ or i == len(doc) - 1:
            end = i + 1
            if end - start > 1 or (end > start and not doc[start].is_space):
                piece = doc[start:end].as_doc()
                if any(not t.is_space for t in piece):
                    yield piece
            start = end
