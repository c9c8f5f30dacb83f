"""One error shape for the library, the CLI and the API.

The library never prints: it raises these (or yields them for per-record failures) and the
CLI formats them as ``newsgraph: error: <where>: <reason>``.
"""

from __future__ import annotations

from dataclasses import dataclass


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class PipelineConfigError(NewsgraphError):
    """A pipeline that cannot run as assembled (unknown stage, missing requirement)."""


class StageLoadError(NewsgraphError):
    """A stage's resources (a model, a data file) could not be loaded."""


@dataclass(frozen=True, slots=True)
class RecordError:
    """One input record that could not be read or analysed; the rest of the batch goes on."""

    source: str  # file path (or "-"), as the user named it
    reason: str
    line: int | None = None  # 1-based line number for line-oriented inputs (JSONL)
    record_id: str | None = None

    @property
    def where(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        if self.record_id:
            where += f" (id {self.record_id})"
        return where

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "line": self.line,
            "id": self.record_id,
            "reason": self.reason,
        }
