"""Readers: files, folders and stdin in; ``Article`` or ``RecordError`` out, one per record."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import RecordError
from .formats import READERS, ReadItem, parse_jsonl_line, sniff

__all__ = ["ReadItem", "decode", "read_bytes", "read_paths"]

_SKIP_SUFFIXES = (".md", ".py", ".expected.md")
_INVALID_UTF8 = "invalid UTF-8"


def _is_jsonl(source: str, fmt: str | None) -> bool:
    return fmt == "jsonl" or (fmt is None and source.lower().endswith((".jsonl", ".ndjson")))


def decode(source: str, data: bytes) -> str | RecordError:
    """Bytes to text, refusing binary files and invalid UTF-8 with a reason."""
    if not data.strip():
        return RecordError(source, "empty file")
    if b"\0" in data[:8192]:
        return RecordError(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        reason = f"{_INVALID_UTF8} at byte {exc.start} (re-encode the file as UTF-8)"
        return RecordError(source, reason, line=line)


def read_bytes(source: str, data: bytes, fmt: str | None = None) -> Iterator[ReadItem]:
    text = decode(source, data)
    if isinstance(text, RecordError):
        if text.reason.startswith(_INVALID_UTF8) and _is_jsonl(source, fmt):
            yield from _salvage_jsonl(source, data)
            return
        yield text
        return
    yield from READERS[fmt or sniff(source, text)](source, text)


def _salvage_jsonl(source: str, data: bytes) -> Iterator[ReadItem]:
    # In JSONL one broken line must not cost the good ones: decode line by line.
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield RecordError(source, f"{_INVALID_UTF8} at byte {exc.start} of the line", number)
            continue
        yield parse_jsonl_line(source, number, line)


def read_paths(paths: Iterable[str], fmt: str | None = None) -> Iterator[ReadItem]:
    """Read files, folders (recursively, sorted) and ``-`` for stdin."""
    for name in paths:
        if name == "-":
            yield from read_bytes("-", sys.stdin.buffer.read(), fmt)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not child.name.startswith(".") and not child.name.endswith(_SKIP_SUFFIXES):
                    yield from _read_file(str(child), fmt)
        else:
            yield from _read_file(name, fmt)


def _read_file(name: str, fmt: str | None) -> Iterator[ReadItem]:
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        yield RecordError(name, f"cannot read file ({exc.strerror or exc})")
        return
    yield from read_bytes(name, data, fmt)
