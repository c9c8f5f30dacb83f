"""A readable report of one record, for people (``--format text``, ``newsgraph show``)."""

from __future__ import annotations

import textwrap
from typing import Any

from .model import Document

_WIDTH = 100


def text_report(doc: Document) -> str:
    return text_report_from_record(doc.to_record())


def _clip(text: str, width: int = 80) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= width else one_line[: width - 1] + "…"


def text_report_from_record(record: dict[str, Any]) -> str:
    text: str = record["text"]
    pub = record.get("published")
    lines = [
        f"== {record['id']}  {record.get('title') or _clip(text, 60)}",
        f"   lang {record.get('lang')}  published "
        + (f"{pub['value']} ({pub['precision']})" if pub else "unknown")
        + f"  source {record.get('source') or '-'}",
    ]
    if record.get("agencies"):
        lines.append(f"   agencies {', '.join(record['agencies'])}")
    if record.get("credits"):
        lines.append(f"   photo credits {', '.join(record['credits'])}")
    lines.append(f"   {len(record.get('sentences', []))} sentences")
    lines.append("-- parts")
    for part in record.get("parts", []):
        snippet = _clip(text[part["start"] : part["end"]])
        lines.append(f"   {part['kind']:<10} [{part['start']:>5}:{part['end']:<5}] {snippet}")
    for key in ("entities", "quotes", "events", "times", "places"):
        items = record.get(key) or []
        if items:
            lines.append(f"-- {key} ({len(items)})")
            for item in items:
                start, end = item.get("start"), item.get("end")
                label = item.get("type") or item.get("kind") or item.get("name") or ""
                span = _clip(text[start:end]) if isinstance(start, int) else item.get("name", "")
                lines.append(textwrap.shorten(f"   {label} {span}", _WIDTH))
    return "\n".join(lines)
