"""The Python API: ``evaluate(task, data_dir) -> {"datasets": [...]}``, and the floors check.

The real pipeline runs over each gold set, built once per language with default options.
While the default chain cannot be built yet (stages still being written), the runner keeps
the stages that do build, in order, and says so in the result's ``pipeline`` notes.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from ..data_files import read_text
from ..errors import NewsgraphError
from ..model import Article
from ..pipeline import DEFAULT_STAGES, Pipeline, PipelineOptions
from . import events, ner, quotes, seed, times
from .common import Analyse, DatasetResult, Scorer
from .loaders import default_data_dir

TASKS: dict[str, dict[str, Scorer]] = {
    "ner": ner.DATASETS,
    "quotes": quotes.DATASETS,
    "events": events.DATASETS,
    "times": times.DATASETS,
    "seed": seed.DATASETS,
}
TASK_NAMES = (*TASKS, "all")
PIPELINE_LANGS = ("de", "en")


class DataMissing(NewsgraphError):
    """The gold data folder is absent (``../shared`` is not next to the repository)."""


def build_pipeline(lang: str) -> tuple[Pipeline, str]:
    """The default pipeline for ``lang``; else the longest buildable subset of its stages."""
    try:
        pipeline = Pipeline(PipelineOptions(lang=lang))
        return pipeline, "default"
    except (NewsgraphError, ImportError, OSError):
        pass
    kept: list[str] = []
    for name in DEFAULT_STAGES:
        try:
            Pipeline(PipelineOptions(lang=lang, stages=(*kept, name)))
        except (NewsgraphError, ImportError, OSError):
            continue
        kept.append(name)
    return Pipeline(PipelineOptions(lang=lang, stages=tuple(kept))), "fallback"


class Analyser:
    """One pipeline per language, built on first use; failures become None, counted by tasks."""

    def __init__(self) -> None:
        self._pipelines: dict[str, Pipeline] = {}
        self.notes: dict[str, str] = {}
        # The events and times sets share their articles: analyse each text once per run.
        self._cache: dict[tuple[str, str, str], dict[str, Any] | None] = {}

    def __call__(self, article: Article) -> dict[str, Any] | None:
        lang = article.lang or "de"
        if lang not in PIPELINE_LANGS:
            return None
        pipeline = self._pipelines.get(lang)
        if pipeline is None:
            pipeline, how = build_pipeline(lang)
            self._pipelines[lang] = pipeline
            self.notes[lang] = f"{how}: {','.join(pipeline.stage_names) or '(no stages)'}"
        key = (lang, article.published.value if article.published else "", article.text)
        if key not in self._cache:
            self._cache[key] = self._analyse(pipeline, article)
        return self._cache[key]

    @staticmethod
    def _analyse(pipeline: Pipeline, article: Article) -> dict[str, Any] | None:
        try:
            return pipeline(article).to_record()
        except Exception:  # one failing gold article is scored as empty output, not a crash
            return None


def evaluate(
    task: str,
    data_dir: Path | str | None = None,
    limit: int | None = None,
    analyser: Analyse | None = None,
    limits: dict[str, int] | None = None,
) -> dict[str, Any]:
    """Run the pipeline over the gold sets of ``task`` (or ``all``) and score it.

    ``limit`` keeps the first N documents (sentences for NER) of every dataset; ``limits``
    overrides it per ``task/dataset`` (e.g. ``{"times/wikiwarsde": 3}``).
    """
    if task not in TASK_NAMES:
        raise NewsgraphError(f"unknown eval task {task!r}; choose from {', '.join(TASK_NAMES)}")
    folder = Path(data_dir) if data_dir else default_data_dir()
    if not folder.is_dir():
        raise DataMissing(f"{folder}: gold data not found (set NEWSGRAPH_SHARED or --data)")
    analyse = analyser or Analyser()
    results = []
    for task_name in list(TASKS) if task == "all" else [task]:
        for name, scorer in TASKS[task_name].items():
            key = f"{task_name}/{name}"
            started = time.perf_counter()
            result = scorer(folder, analyse, (limits or {}).get(key, limit))
            result.seconds = time.perf_counter() - started
            results.append(result)
    out: dict[str, Any] = {
        "data": str(folder),
        "limit": limit,
        "limits": dict(limits or {}),
        "datasets": [r.to_dict() for r in results],
        "figures": figures(results),
    }
    if isinstance(analyse, Analyser):
        out["pipeline"] = dict(analyse.notes)
    return out


def figures(results: list[DatasetResult]) -> dict[str, float]:
    """``task/dataset/metric`` → value, the keys of the floors file."""
    return {f"{r.task}/{r.name}/{k}": v for r in results for k, v in r.figures().items()}


def load_floors() -> dict[str, float]:
    text = read_text("eval_floors.json")
    floors: dict[str, float] = json.loads(text)["floors"]
    return floors


def below_floors(
    scores: dict[str, float], floors: dict[str, float], tasks: tuple[str, ...] = tuple(TASKS)
) -> list[str]:
    """One line per figure of ``tasks`` under its floor, or pinned but not produced."""
    problems = []
    for key, floor in sorted(floors.items()):
        if key.split("/", 1)[0] not in tasks:
            continue
        if key not in scores:
            problems.append(f"{key}: pinned at {floor} but not produced")
        elif scores[key] + 1e-9 < floor:
            problems.append(f"{key}: {scores[key]:.4f} is below its floor {floor}")
    return problems
