"""Reading the gold formats of ``../shared/eval`` into plain text plus character spans.

Token-based sets (GermEval, Europarl) become one text per sentence with tokens joined by
single spaces; inline-tagged sets (WikiWarsDE, TempEval-3) become the tag-stripped text with
the tagged spans. The data folder is found next to the repository, never inside it.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Article, Published
from ..readers.dates import parse_published

ENV_SHARED = "NEWSGRAPH_SHARED"


def default_data_dir() -> Path:
    """``$NEWSGRAPH_SHARED/eval`` when set, else ``<repo>/../shared/eval``."""
    env = os.environ.get(ENV_SHARED)
    if env:
        return Path(env) / "eval"
    repo = Path(__file__).resolve().parents[3]
    return repo.parent / "shared" / "eval"


def published(value: str | None) -> Published | None:
    if not value or value.startswith("0001"):
        return None
    try:
        return parse_published(value)
    except ValueError:
        return None


def article(text: str, lang: str, date: str | None = None, ident: str = "") -> Article:
    return Article(text=text, id=ident, source="eval", lang=lang, published=published(date))


@dataclass(slots=True)
class TokenSentence:
    """A tokenised gold sentence, its space-joined text and each token's character offsets."""

    tokens: list[str]
    offsets: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""
    meta: str = ""  # GermEval's source line

    def __post_init__(self) -> None:
        pos, offsets = 0, []
        for tok in self.tokens:
            offsets.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        self.offsets = offsets
        self.text = " ".join(self.tokens)

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        """Characters of tokens ``first..last`` (inclusive)."""
        return self.offsets[first][0], self.offsets[last][1]


def read_columns(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    """Blank-line separated blocks of tab-separated rows; ``#`` lines give the block's meta."""
    meta, rows = "", list[list[str]]()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                yield meta, rows
            meta, rows = "", []
        elif line.startswith("#\t") and not rows:
            meta = line[2:]
        else:
            rows.append(line.split("\t"))
    if rows:
        yield meta, rows


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first token, last token, label) from BIO or IOB1 tags.

    ``B-`` always opens a span; ``I-X`` opens one after ``O`` or another type (IOB1, and the
    conlleval reading of a stray ``I-`` in BIO), so one function serves both schemes.
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label and start >= 0
        if continues:
            continue
        if start >= 0:
            spans.append((start, i - 1, label))
            start, label = -1, ""
        if prefix in ("B", "I"):
            start, label = i, kind
    return spans


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)="([^"]*)"')


@dataclass(slots=True)
class TaggedSpan:
    start: int
    end: int
    attrs: dict[str, str]


def strip_inline(markup: str, keep: str) -> tuple[str, list[TaggedSpan]]:
    """Plain text of inline markup, and the spans of every ``keep`` element (nesting allowed)."""
    parts: list[str] = []
    length = 0
    open_: list[tuple[int, dict[str, str]]] = []
    spans: list[TaggedSpan] = []
    pos = 0
    for match in _TAG.finditer(markup):
        chunk = html.unescape(markup[pos : match.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = match.end()
        closing, name, attrs, selfclosing = match.groups()
        if name != keep or selfclosing:
            continue
        if closing and open_:
            start, attributes = open_.pop()
            spans.append(TaggedSpan(start, length, attributes))
        elif not closing:
            open_.append((length, dict(_ATTR.findall(attrs))))
    parts.append(html.unescape(markup[pos:]))
    spans.sort(key=lambda s: (s.start, -s.end))
    return "".join(parts), spans


def element(markup: str, name: str) -> str:
    """Inner markup of the first ``<name>`` element ('' when absent)."""
    match = re.search(rf"<{name}\b[^>]*>(.*?)</{name}>", markup, re.DOTALL)
    return match.group(1) if match else ""


def wikinews_articles(data_dir: Path) -> dict[str, dict[str, Any]]:
    """The dated Wikinews texts the project's own German gold sets refer to, by id."""
    path = data_dir / "wikinews-de-articles" / "articles.jsonl"
    rows: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                rows[str(row["id"])] = row
    return rows


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
