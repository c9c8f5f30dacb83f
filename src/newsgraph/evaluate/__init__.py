"""Evaluation against gold data in ../shared/eval: scorers and the `eval` command.

Python API: ``evaluate(task, data_dir=None, limit=None) -> {"datasets": [...], "figures": {...}}``
(see :mod:`newsgraph.evaluate.runner`).
"""

from __future__ import annotations

from typing import Any


def evaluate(task: str, data_dir: str | None = None, limit: int | None = None) -> dict[str, Any]:
    from .runner import evaluate as run_evaluation

    return run_evaluation(task, data_dir, limit=limit)


__all__ = ["evaluate"]
