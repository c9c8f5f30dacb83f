"""Render an evaluation run as the Markdown table of docs/evaluation.md.

.venv/bin/newsgraph eval all --json /tmp/eval.json
.venv/bin/python scripts/eval_table.py /tmp/eval.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# The extra rows and scores worth a column of their own, per dataset.
EXTRA = {
    "germeval2014": ["row:news", "row:PER", "row:ORG", "row:LOC"],
    "europarl": [],
    "german-news-quotation": [
        "row:speaker",
        "row:cue",
        "row:direct.quote",
        "row:direct.speaker",
        "row:indirect.quote",
        "row:indirect.speaker",
    ],
    "polnear": ["row:speaker", "row:cue"],
    "german-news-events": ["row:untyped", "actor_accuracy", "recipient_accuracy"],
    "plover-gsr": ["macro_f1", "actor_country_accuracy"],
    "petrarch-unit": ["row:root", "row:code"],
    "german-news-times": ["row:strict", "value_accuracy"],
    "wikiwarsde": ["row:strict", "value_accuracy"],
    "tempeval3": ["row:strict", "value_accuracy"],
    "seed-checklist": ["pass_rate"],
}


def _extra(dataset: dict[str, Any], key: str) -> str | None:
    if key.startswith("row:"):
        row = dataset.get("rows", {}).get(key[4:])
        return f"{key[4:]} F1 {row['f1']:.3f}" if row else None
    value = dataset.get("scores", {}).get(key)
    return f"{key} {value:.3f}" if isinstance(value, (int, float)) else None


def table(run: dict[str, Any]) -> str:
    lines = [
        "| task | dataset | docs | P | R | F1 | more |",
        "|---|---|---|---|---|---|---|",
    ]
    for d in run["datasets"]:
        overall = d.get("overall") or {}
        if not overall:
            lines.append(f"| {d['task']} | {d['name']} | — | | | | skipped |")
            continue
        extras = [e for e in (_extra(d, k) for k in EXTRA.get(d["name"], [])) if e]
        lines.append(
            f"| {d['task']} | {d['name']} | {d['docs']} | {overall['precision']:.3f} | "
            f"{overall['recall']:.3f} | {overall['f1']:.3f} | {'; '.join(extras)} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(json.loads(Path(sys.argv[1]).read_text("utf-8"))))
