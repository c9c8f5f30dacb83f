"""Shared scoring arithmetic: counts and P/R/F1, one-to-one alignment, result records.

Every task module builds :class:`DatasetResult` objects; the runner turns them into the JSON
figures and the CLI into tables. Nothing here knows about a particular dataset.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..model import Article

# What a task module gets from the runner: an article in, its JSON record out (None when the
# pipeline failed on it; the failure is counted, the gold still counts as missed).
T = TypeVar("T")
Analyse = Callable[[Article], dict[str, Any] | None]
# One dataset's scorer: gold folder, analyser, document limit → its figures.
Scorer = Callable[[Path, Analyse, int | None], "DatasetResult"]


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def limited(items: Iterable[T], limit: int | None) -> Iterator[T]:
    """The first ``limit`` items (all when None): the --limit option of every dataset."""
    for i, item in enumerate(items):
        if limit is not None and i >= limit:
            return
        yield item


def set_counts(gold: Iterable[object], system: Iterable[object]) -> Counts:
    """Exact-match counts between two sets of hashable items."""
    g, s = set(gold), set(system)
    return Counts(len(g & s), len(s - g), len(g - s))


def ratio(right: int, total: int) -> float:
    return right / total if total else 0.0


def macro_f1(rows: Iterable[Counts]) -> float:
    values = [c.f1 for c in rows]
    return sum(values) / len(values) if values else 0.0


def token_f1(a: set[int], b: set[int]) -> float:
    """Overlap F1 of two token-id sets (the upstream quotation scorer's alignment weight)."""
    common = len(a & b)
    if not common:
        return 0.0
    return 2 * common / (len(a) + len(b))


def hungarian(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment (Kuhn-Munkres, O(n^3)); pairs of weight 0 dropped.

    Rows and columns may differ in number; the matrix is padded to a square with zeros.
    """
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    n = max(n_rows, n_cols)
    if n == 0:
        return []
    top = max((w for row in weights for w in row), default=0.0)
    # Minimise cost = top - weight on the padded square matrix.
    cost = [
        [top - (weights[i][j] if i < n_rows and j < n_cols else 0.0) for j in range(n)]
        for i in range(n)
    ]
    assignment = _min_cost_assignment(cost)
    return [
        (i, j) for i, j in enumerate(assignment) if i < n_rows and j < n_cols and weights[i][j] > 0
    ]


def _min_cost_assignment(cost: list[list[float]]) -> list[int]:  # noqa: PLR0912
    # The textbook potentials formulation (1-based), kept in one piece so it reads like the
    # reference it comes from; returns the column assigned to each row.
    n = len(cost)
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    p, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    result = [0] * n
    for j in range(1, n + 1):
        if p[j]:
            result[p[j] - 1] = j - 1
    return result


def greedy_pairs(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs from (distance, gold index, system index), closest first."""
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, g, s in sorted(candidates):
        if g not in used_g and s not in used_s:
            used_g.add(g)
            used_s.add(s)
            pairs.append((g, s))
    return pairs


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def bootstrap_f1(
    per_item: Sequence[Counts], rounds: int = 1000, seed: int = 0
) -> tuple[float, float]:
    """95% percentile interval of micro F1, resampling items (sentences, articles)."""
    if not per_item:
        return 0.0, 0.0
    rng = random.Random(seed)
    n = len(per_item)
    values = []
    for _ in range(rounds):
        total = Counts()
        for _ in range(n):
            total = total + per_item[rng.randrange(n)]
        values.append(total.f1)
    values.sort()
    return values[int(0.025 * rounds)], values[min(rounds - 1, int(0.975 * rounds))]


@dataclass(slots=True)
class DatasetResult:
    """The figures of one dataset: an overall P/R/F1, labelled rows, and other scores."""

    task: str
    name: str
    split: str
    lang: str
    docs: int = 0
    overall: Counts = field(default_factory=Counts)
    rows: dict[str, Counts] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)  # checklist items (seed)
    errors: int = 0  # articles the pipeline failed on
    seconds: float = 0.0  # wall time of the dataset's run (pipeline and scoring)
    skipped: str | None = None

    def row(self, label: str) -> Counts:
        return self.rows.setdefault(label, Counts())

    def figures(self) -> dict[str, float]:
        """Flat metric name → value: what the floors file pins."""
        if self.skipped:
            return {}
        out = {f"overall.{k}": float(v) for k, v in _prf(self.overall).items()}
        for label, counts in self.rows.items():
            out.update({f"{label}.{k}": float(v) for k, v in _prf(counts).items()})
        out.update({k: round(v, 4) for k, v in self.scores.items()})
        return out

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "task": self.task,
            "name": self.name,
            "split": self.split,
            "lang": self.lang,
        }
        if self.skipped:
            out["skipped"] = self.skipped
            return out
        out.update(
            docs=self.docs,
            errors=self.errors,
            seconds=round(self.seconds, 1),
            overall=self.overall.to_dict(),
            rows={k: v.to_dict() for k, v in self.rows.items()},
            scores={k: round(v, 4) for k, v in self.scores.items()},
            notes=list(self.notes),
        )
        if self.items:
            out["items"] = self.items
        return out


def _prf(counts: Counts) -> dict[str, float]:
    d = counts.to_dict()
    return {k: float(d[k]) for k in ("precision", "recall", "f1")}


def run(result: DatasetResult, analyse: Analyse, art: Article) -> dict[str, Any] | None:
    """Analyse one gold article, counting it and any pipeline failure on the result."""
    result.docs += 1
    record = analyse(art)
    if record is None:
        result.errors += 1
    return record
