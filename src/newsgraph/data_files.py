"""Reading the package's data files (``newsgraph/data/``): one place, one error for a missing file.

Text files: ``#`` starts a comment line, blank lines are ignored. Stages call these when they
are built, never at import time.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from .errors import StageLoadError


def read_text(name: str) -> str:
    """The whole of ``newsgraph/data/<name>``."""
    try:
        return resources.files("newsgraph").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise StageLoadError(f"data file newsgraph/data/{name} is missing") from exc


def read_json(name: str) -> Any:
    return json.loads(read_text(name))


def data_lines(name: str) -> list[str]:
    """The non-comment, non-blank lines of ``newsgraph/data/<name>``."""
    return [
        line.rstrip("\n")
        for line in read_text(name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(line.strip() for line in data_lines(name))
