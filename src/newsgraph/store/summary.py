"""A short, readable table of what a database holds (``newsgraph summary``)."""

from __future__ import annotations

from .duckdb_store import StoreSummary

# At most this many groups (languages, part kinds) on one line.
_DETAIL_LIMIT = 8


def format_summary(summary: StoreSummary) -> str:
    width = max(len(table) for table in summary.counts)
    digits = max(len(f"{n:,}") for n in summary.counts.values())
    lines = [f"{summary.path}  (store schema {summary.schema_version})"]
    details = {"articles": summary.languages, "parts": summary.part_kinds}
    for table, n in summary.counts.items():
        line = f"  {table:<{width}}  {n:>{digits},}"
        if details.get(table):
            line += f"   {_breakdown(details[table])}"
        lines.append(line)
    return "\n".join(lines)


def _breakdown(groups: list[tuple[str, int]]) -> str:
    shown = ", ".join(f"{key} {n:,}" for key, n in groups[:_DETAIL_LIMIT])
    rest = len(groups) - _DETAIL_LIMIT
    return shown + (f", … {rest} more" if rest > 0 else "")
