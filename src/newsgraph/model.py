"""The typed document every stage enriches, and its JSON record (the contract).

Offsets everywhere are Python string indices into ``Document.text``. Stages never pass
loose dicts between each other: they read and write the fields below. ``to_record`` turns a
document into the versioned JSON record that ``newsgraph analyze --format jsonl`` writes and
that evaluation, storage, export and the API read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc

SCHEMA_VERSION = 1

Precision = Literal["year", "month", "day", "minute"]
PART_KINDS = ("title", "caption", "credit", "lead", "body", "subheading", "related", "agency")
# Parts whose content is news of the day; later stages code events and quotes only from these.
NEWS_PARTS = frozenset({"title", "lead", "body", "subheading"})


@dataclass(frozen=True, slots=True)
class Published:
    # ISO prefix matching the precision: "2023", "2023-11", "2023-11-08", "2023-11-08T10:15"
    value: str
    precision: Precision

    def to_dict(self) -> dict[str, str]:
        return {"value": self.value, "precision": self.precision}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Part:
    kind: str  # one of PART_KINDS
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Article:
    """What a reader produces: text plus metadata, nothing analysed yet."""

    text: str
    id: str = ""
    source: str = ""  # file path, URL or "-" for stdin
    line: int | None = None  # 1-based line in the source, for line-oriented inputs
    url: str | None = None
    title: str | None = None
    lang: str | None = None  # given by the input; otherwise detected
    published: Published | None = None
    # Where the reader knows the article structure already (e.g. the title line of the
    # record format), it says so; the structure stage starts from these.
    title_span: Span | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = stable_id(self.url or "", self.text)


def stable_id(origin: str, text: str) -> str:
    """Same origin (URL, where known) and text give the same id.

    The file path is deliberately not part of it: the same article read from another
    folder, or from stdin, must not be stored twice.
    """
    digest = hashlib.sha256()
    digest.update(origin.encode("utf-8"))
    digest.update(b"\0")
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass(slots=True)
class Document:
    """An article while it moves through the pipeline."""

    article: Article
    lang: str | None = None
    lang_score: float | None = None
    parts: list[Part] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)  # e.g. ["APA", "AFP"] from "(APA/AFP)"
    credits: list[str] = field(default_factory=list)  # photo credits, e.g. "Reuters"
    dateline: Span | None = None  # "BERLIN (dpa) –": where and who, not part of a sentence
    sentences: list[Span] = field(default_factory=list)
    doc: Doc | None = None  # spaCy Doc over the whole text, built by the tokens stage
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    tone: dict[str, Any] | None = None
    stages: list[str] = field(default_factory=list)  # names of the stages that ran, in order

    @property
    def text(self) -> str:
        return self.article.text

    def part_at(self, offset: int) -> Part | None:
        for part in self.parts:
            if part.start <= offset < part.end:
                return part
        return None

    def to_record(self, *, tokens: bool = False) -> dict[str, Any]:
        art = self.article
        record: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "id": art.id,
            "source": art.source,
            "url": art.url,
            "title": art.title,
            "lang": self.lang or art.lang,
            "published": art.published.to_dict() if art.published else None,
            "text": art.text,
            "parts": [p.to_dict() for p in self.parts],
            "agencies": list(self.agencies),
            "credits": list(self.credits),
            "dateline": (
                {"start": self.dateline.start, "end": self.dateline.end} if self.dateline else None
            ),
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
            "entities": self.entities,
            "quotes": self.quotes,
            "events": self.events,
            "times": self.times,
            "places": self.places,
            "tone": self.tone,
            "pipeline": list(self.stages),
        }
        if tokens and self.doc is not None:
            record["tokens"] = [
                {
                    "start": t.idx,
                    "end": t.idx + len(t.text),
                    "tag": t.tag_,
                    "pos": t.pos_,
                    "lemma": t.lemma_,
                }
                for t in self.doc
                if not t.is_space
            ]
        return record
