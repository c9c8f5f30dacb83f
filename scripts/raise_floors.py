"""Raise the pinned evaluation floors to what an evaluation run measured; never lower one.

    .venv/bin/newsgraph eval all --json /tmp/eval.json
    .venv/bin/python scripts/raise_floors.py /tmp/eval.json

Each pinned figure becomes max(old floor, measured value rounded down to 0.01). Lowering a
floor is a deliberate edit of the file with a reason in the commit message, never this script.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

FLOORS = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "eval_floors.json"


def main(run_json: str) -> int:
    measured: dict[str, float] = json.loads(Path(run_json).read_text("utf-8"))["figures"]
    data = json.loads(FLOORS.read_text("utf-8"))
    raised = 0
    for key, floor in data["floors"].items():
        if key not in measured:
            continue
        candidate = math.floor(measured[key] * 100 + 1e-9) / 100
        if candidate > floor:
            data["floors"][key] = candidate
            raised += 1
            print(f"{key}: {floor} -> {candidate}")
    FLOORS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"{raised} floor(s) raised")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
