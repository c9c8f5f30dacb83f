"""CI gate: the dev evaluation must not fall below the floors pinned in data/eval_floors.json.

Runs the whole dev evaluation once (about 70 s on 2 cores when measured) and checks every
pinned figure; skips with one line where ``../shared/eval`` is absent.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.evaluate.loaders import default_data_dir
from newsgraph.evaluate.runner import below_floors, evaluate, load_floors

FLOORS = load_floors()
pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def dev_figures() -> dict[str, Any]:
    data = default_data_dir()
    if not data.is_dir():
        pytest.skip(f"gold data not found at {data} (set NEWSGRAPH_SHARED): evaluation skipped")
    figures: dict[str, Any] = evaluate("all", data)["figures"]
    return figures


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_figure_is_at_or_above_its_floor(dev_figures: dict[str, float], figure: str) -> None:
    problems = below_floors(
        {k: v for k, v in dev_figures.items() if k == figure}, {figure: FLOORS[figure]}
    )
    assert not problems, problems[0]
