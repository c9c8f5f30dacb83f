"""Turn the bytes of one input into articles: record format, plain text, JSONL, HTML.

Each function yields ``Article`` or ``RecordError``; nothing here raises on bad input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ..errors import RecordError
from ..model import Article, Span
from .dates import parse_published

ReadItem = Article | RecordError

# First line of the record format: "date 2023-11 <title>" (leading whitespace tolerated).
_RECORD_HEAD = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}){0,2})[ \t]+(?=\S)")
_HTML_HEAD = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)


def sniff(name: str, text: str) -> str:
    """Which format a file is in, from its name first and its content second."""
    lower = name.lower()
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lower.endswith((".html", ".htm", ".xhtml")) or _HTML_HEAD.match(text[:2048]):
        return "html"
    if _RECORD_HEAD.match(text):
        return "record"
    if lower.endswith(".json") or text.lstrip().startswith("{"):
        return "jsonl"
    return "text"


def read_record(source: str, text: str) -> Iterator[ReadItem]:
    """The seed's format: ``date YYYY-MM[-DD] <title>`` then the page text.

    The record's text starts at the title, so the title is a part with real offsets.
    """
    head = _RECORD_HEAD.match(text)
    if head is None:
        yield RecordError(source, "first line is not 'date YYYY-MM[-DD] <title>'")
        return
    try:
        published = parse_published(head.group(1))
    except ValueError as exc:
        yield RecordError(source, str(exc), line=1)
        return
    body = text[head.end() :].rstrip()
    newline = body.find("\n")
    title_end = len(body) if newline < 0 else newline
    title = body[:title_end].strip()
    yield Article(
        text=body,
        source=source,
        title=title,
        published=published,
        title_span=Span(0, len(body[:title_end].rstrip())),
    )


def read_plain(source: str, text: str) -> Iterator[ReadItem]:
    if not text.strip():
        yield RecordError(source, "no text (file is empty or whitespace only)")
        return
    yield Article(text=text.strip("\ufeff").rstrip(), source=source)


def read_jsonl(source: str, text: str) -> Iterator[ReadItem]:
    """One JSON object per line: ``{"id","text","date","lang","title","url"}``; only text needed."""
    seen_any = False
    # Split on "\n" only: str.splitlines() also breaks at U+2028, \x0b, \x1c..., which JSON
    # strings may hold unescaped, and would cut a record in two.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        seen_any = True
        yield parse_jsonl_line(source, number, line)
    if not seen_any:
        yield RecordError(source, "no JSON lines (file is empty or whitespace only)")


def parse_jsonl_line(source: str, number: int, line: str) -> ReadItem:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return RecordError(source, f"invalid JSON ({exc.msg} at column {exc.colno})", line=number)
    if not isinstance(row, dict):
        return RecordError(source, "line is JSON but not an object", line=number)
    rid = row.get("id")
    rid = None if rid is None else str(rid)
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return RecordError(source, "missing or empty 'text'", line=number, record_id=rid)
    published = None
    if row.get("date"):
        try:
            published = parse_published(str(row["date"]))
        except ValueError as exc:
            return RecordError(source, str(exc), line=number, record_id=rid)
    lang = row.get("lang")
    if lang is not None and lang not in ("de", "en"):
        return RecordError(source, f"unsupported lang {lang!r} (use 'de' or 'en')", number, rid)
    return Article(
        text=text,
        id=rid or "",
        source=source,
        line=number,
        url=row.get("url"),
        title=row.get("title"),
        lang=lang,
        published=published,
    )


def read_html(source: str, text: str) -> Iterator[ReadItem]:
    """Main text, title, date and URL of a web page via trafilatura."""
    import trafilatura  # loaded only when HTML is read

    extracted = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        yield RecordError(source, "no article text found in the HTML page")
        return
    if not _has_prose(body):
        snippet = " ".join(body.split())[:60]
        yield RecordError(
            source, f"no article text found in the HTML page (only link or menu text: {snippet!r})"
        )
        return
    published = None
    raw_date = getattr(extracted, "date", None)
    if raw_date:
        try:
            published = parse_published(raw_date)
        except ValueError:
            published = None  # a page's odd date metadata is not worth losing the article over
    title = getattr(extracted, "title", None)
    yield Article(
        text=body.strip(),
        source=source,
        url=getattr(extracted, "url", None),
        title=title,
        lang=_lang_or_none(getattr(extracted, "language", None)),
        published=published,
    )


def _has_prose(text: str) -> bool:
    # Trafilatura falls back to whatever text a page has; a page of menus and links
    # ("Home", "Kontakt", "Impressum") has no line that reads like a sentence.
    return any(len(line.split()) >= _MIN_PROSE_WORDS for line in text.splitlines())


_MIN_PROSE_WORDS = 5


def _lang_or_none(value: str | None) -> str | None:
    return value if value in ("de", "en") else None


READERS = {"record": read_record, "text": read_plain, "jsonl": read_jsonl, "html": read_html}
