"""Several worker processes give the same records, in the same order, as one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.errors import PipelineConfigError, RecordError
from newsgraph.model import Article
from newsgraph.parallel import analyze_records
from newsgraph.pipeline import PipelineOptions

CHEAP = PipelineOptions(stages=("structure", "language"))


def _articles() -> list[Article | RecordError]:
    texts = [f"Die Ministerin sprach am {d}. März in Wien über die Lage." for d in range(1, 13)]
    items: list[Article | RecordError] = [
        Article(text=t, source="t.jsonl", line=i) for i, t in enumerate(texts, 1)
    ]
    items.insert(5, RecordError("t.jsonl", "invalid JSON", line=99))
    items.insert(7, Article(text="   ", source="t.jsonl", line=100))  # empty: refused in a worker
    return items


def test_two_workers_equal_one_in_order_with_errors() -> None:
    one = list(analyze_records(_articles(), CHEAP, workers=1))
    two = list(analyze_records(_articles(), CHEAP, workers=2))
    assert one == two
    errors = [r for r in two if isinstance(r, RecordError)]
    assert [e.line for e in errors] == [99, 100]
    assert "empty" in errors[1].reason


def test_bad_configuration_fails_before_any_worker_starts() -> None:
    with pytest.raises(PipelineConfigError):
        list(analyze_records(_articles(), PipelineOptions(stages=("tagger",)), workers=2))


def test_cli_workers_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    rows = [
        {"id": f"a{i}", "text": f"Der Kanzler reiste am {i}. Mai nach Paris."} for i in range(6)
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    status = main(["analyze", str(source), "--stages", "structure,language", "--workers", "2"])
    assert status == 0
    ids = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert ids == [f"a{i}" for i in range(6)]
