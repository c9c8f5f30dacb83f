"""Analyse with several processes: one pipeline per worker process, records back in input order.

The machine this runs on often has few cores and the pipeline is CPU-bound (HanTa's tagger is
pure Python), so a second process nearly doubles throughput. Workers return JSON records, not
Documents: a spaCy Doc is costly to pickle and the caller only needs the record.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from .errors import RecordError
from .model import Article
from .pipeline import Pipeline, PipelineOptions

Record = dict[str, Any]
_WORKER_PIPELINE: Pipeline | None = None  # the pipeline of this worker process


def _start_worker(options: PipelineOptions) -> None:
    global _WORKER_PIPELINE  # noqa: PLW0603  (one pipeline per process is the point)
    _WORKER_PIPELINE = Pipeline(options)


def _analyse_one(item: Article | RecordError, tokens: bool) -> Record | RecordError:
    if _WORKER_PIPELINE is None:  # pragma: no cover - the pool initialiser always ran
        raise RuntimeError("worker has no pipeline")
    result = _WORKER_PIPELINE.safe(item)
    return result if isinstance(result, RecordError) else result.to_record(tokens=tokens)


def analyze_records(
    items: Iterable[Article | RecordError],
    options: PipelineOptions,
    *,
    workers: int = 1,
    tokens: bool = False,
    pipeline: Pipeline | None = None,
) -> Iterator[Record | RecordError]:
    """Records (or errors) for ``items``, in input order, using ``workers`` processes.

    ``pipeline``, when given, is used instead of building one from ``options`` (with several
    workers it is the one the forked workers inherit).
    """
    if workers <= 1:
        pipeline = pipeline or Pipeline(options)
        for result in pipeline.pipe(items):
            yield result if isinstance(result, RecordError) else result.to_record(tokens=tokens)
        return
    # Build the pipeline here: a bad configuration or a missing model fails at once, in this
    # process, and forked workers share the loaded models instead of loading them again.
    global _WORKER_PIPELINE  # noqa: PLW0603
    _WORKER_PIPELINE = pipeline or Pipeline(options)
    if "fork" in multiprocessing.get_all_start_methods():
        pool = multiprocessing.get_context("fork").Pool(workers)
    else:  # no fork (Windows, macOS default): each worker builds its own pipeline
        spawn = multiprocessing.get_context("spawn")
        pool = spawn.Pool(workers, initializer=_start_worker, initargs=(options,))
    with pool:
        yield from pool.imap(partial(_analyse_one, tokens=tokens), items, chunksize=4)
