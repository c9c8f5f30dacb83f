"""A readable report of one record, for people (``--format text``, ``newsgraph show``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from .model import Document

Record = dict[str, Any]
Item = dict[str, Any]


def text_report(doc: Document) -> str:
    return text_report_from_record(doc.to_record())


def _clip(text: str, width: int = 80) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= width else one_line[: width - 1] + "…"


def _span(record: Record, item: Item | None, width: int = 60) -> str:
    if not item or not isinstance(item.get("start"), int):
        return ""
    return _clip(record["text"][item["start"] : item["end"]], width)


def _role(record: Record, role: Item | None) -> str:
    if not role:
        return "—"
    name = role.get("resolved") or _span(record, role, 40)
    code = role.get("code")
    return f"{name} [{code}]" if code else name


def _header(record: Record) -> list[str]:
    pub = record.get("published")
    lines = [
        f"== {record['id']}  {record.get('title') or _clip(record['text'], 60)}",
        f"   lang {record.get('lang')}  published "
        + (f"{pub['value']} ({pub['precision']})" if pub else "unknown")
        + f"  source {record.get('source') or '-'}",
    ]
    if record.get("agencies"):
        lines.append(f"   agencies {', '.join(record['agencies'])}")
    if record.get("credits"):
        lines.append(f"   photo credits {', '.join(record['credits'])}")
    lines.append(f"   {len(record.get('sentences', []))} sentences")
    return lines


def _part(record: Record, part: Item) -> str:
    snippet = _clip(record["text"][part["start"] : part["end"]])
    return f"   {part['kind']:<10} [{part['start']:>5}:{part['end']:<5}] {snippet}"


def _entity(record: Record, entity: Item) -> str:
    del record
    mentions = entity.get("mentions") or []
    forms = list(dict.fromkeys(m.get("text", "") for m in mentions))
    actor = f" [{entity['actor']}]" if entity.get("actor") else ""
    return f"   {entity.get('type', ''):<4} {entity.get('name')}{actor} ×{len(mentions)}: " + _clip(
        ", ".join(forms), 60
    )


def _quote(record: Record, quote: Item) -> str:
    speaker = quote.get("speaker")
    who = (speaker.get("resolved") or _span(record, speaker, 30)) if speaker else "?"
    cue = f" ({_span(record, quote.get('cue'), 20)})" if quote.get("cue") else ""
    return f"   {quote.get('kind', ''):<8} {who}{cue}: {_span(record, quote, 70)}"


def _event(record: Record, event: Item) -> str:
    plover = event.get("plover") or {}
    flags = [f for f in ("negated", "historical", "future", "hypothetical") if event.get(f)]
    place = (event.get("place") or {}).get("name") or "—"
    date = (event.get("date") or {}).get("value") or "—"
    trigger = _span(record, event.get("trigger"), 30)
    line = (
        f"   {plover.get('type', '')}/{event.get('cameo') or '-'} "
        f"{_role(record, event.get('actor'))} → {_role(record, event.get('recipient'))}"
        f" · {trigger} · {place} · {date} · {event.get('part')}"
    )
    return line + (f" [{', '.join(flags)}]" if flags else "")


def _time(record: Record, time: Item) -> str:
    precision = f" ({time['precision']})" if time.get("precision") else ""
    return (
        f"   {time.get('type', ''):<8} {_span(record, time, 40)} → {time.get('value')}{precision}"
    )


def _places(record: Record, places: list[Item]) -> list[str]:
    # Many mentions of one place are one line: the map, not the word count, is the point.
    counts = Counter((p.get("name"), p.get("country"), p.get("lat"), p.get("lon")) for p in places)
    roles: dict[Any, set[str]] = {}
    for p in places:
        key = (p.get("name"), p.get("country"), p.get("lat"), p.get("lon"))
        roles.setdefault(key, set()).add(str(p.get("role")))
    del record
    return [
        f"   {name} ({country or '-'}, {lat}, {lon}) ×{n} [{'/'.join(sorted(roles[key]))}]"
        for key, n in counts.most_common()
        for name, country, lat, lon in [key]
    ]


_FORMATTERS: dict[str, Callable[[Record, Item], str]] = {
    "entities": _entity,
    "quotes": _quote,
    "events": _event,
    "times": _time,
}


def text_report_from_record(record: Record) -> str:
    lines = _header(record)
    lines.append("-- parts")
    lines.extend(_part(record, part) for part in record.get("parts", []))
    for key, formatter in _FORMATTERS.items():
        items = record.get(key) or []
        if items:
            lines.append(f"-- {key} ({len(items)})")
            lines.extend(formatter(record, item) for item in items)
    if record.get("places"):
        lines.append(f"-- places ({len(record['places'])} mentions)")
        lines.extend(_places(record, record["places"]))
    return "\n".join(lines)
