"""A progress bar for long CLI runs: articles/s on stderr, never in the library's output.

Shown at once when stderr is a terminal; otherwise (a log file, a CI job) only once the run
has taken longer than a couple of seconds, and then updated rarely so logs stay short.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")

_LOG_DELAY_S = 2.0
_LOG_INTERVAL_S = 10.0


def progress(items: Iterable[T], *, enabled: bool = True, total: int | None = None) -> Iterator[T]:
    """Yield ``items`` unchanged, drawing a bar on stderr when ``enabled``."""
    if not enabled:
        yield from items
        return
    stream = sys.stderr
    tty = stream.isatty()
    bar = tqdm(
        items,
        total=total,
        file=stream,
        unit=" articles",
        delay=0.0 if tty else _LOG_DELAY_S,
        mininterval=0.1 if tty else _LOG_INTERVAL_S,
        dynamic_ncols=tty,
        leave=tty,
    )
    try:
        yield from bar
    finally:
        bar.close()


def write_line(message: str) -> None:
    """Print a line to stderr without tearing the progress bar a terminal shows."""
    if sys.stderr.isatty():
        tqdm.write(message, file=sys.stderr)
    else:  # tqdm.write would redraw a bar that a log is not meant to show yet
        print(message, file=sys.stderr)
