"""Bad input end to end: one clear error line per bad record, every good record still stored."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.cli import main

STAGES = ["--stages", "structure,language"]
ERROR_LINE = re.compile(
    r"^newsgraph: error: (?P<where>\S+?)(?::(?P<line>\d+))?(?: \(id \S+\))?: .+$"
)
GOOD_RECORD = (
    "date 2024-03-05 Neue Pläne für den Hafen\n\n"
    "Die Stadt hat am Dienstag neue Pläne für den Hafen vorgestellt.\n"
)
GOOD_TEXT = "Der Rat der Gemeinde hat gestern beschlossen, die alte Schule zu renovieren."
MENU_HTML = (
    "<html><head><title>Start</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/k'>Kontakt</a></nav></body></html>"
)


def write_inputs(folder: Path) -> dict[str, int | None]:
    """Four good articles, six bad inputs; returns each bad file with its failing line."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_RECORD, encoding="utf-8")
    (folder / "plain.txt").write_text(GOOD_TEXT, encoding="utf-8")
    jsonl = [
        json.dumps(
            {"id": "j1", "text": "Der Minister besuchte am Montag die Hauptstadt.", "lang": "de"}
        ),
        '{"id": "j2", "text": "abgeschnitten',
        json.dumps(
            {"id": "j3", "text": "The council approved the budget on Friday.", "lang": "en"}
        ),
    ]
    (folder / "feed.jsonl").write_text("\n".join(jsonl) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("Grüße aus Köln".encode("latin-1"))
    (folder / "menu.html").write_text(MENU_HTML, encoding="utf-8")
    sentence = "Dieser Satz wird sehr oft wiederholt. "
    (folder / "huge.txt").write_text(sentence * (20_000_000 // len(sentence) + 1), encoding="utf-8")
    return {
        "feed.jsonl": 2,
        "empty.txt": None,
        "image.bin": None,
        "latin1.txt": 1,
        "menu.html": None,
        "huge.txt": None,
    }


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("newsgraph: error:")]


def check_errors(stderr: str, expected: dict[str, int | None]) -> None:
    lines = error_lines(stderr)
    assert len(lines) == len(expected), lines
    found = {}
    for line in lines:
        match = ERROR_LINE.match(line)
        assert match, line
        found[Path(match["where"]).name] = int(match["line"]) if match["line"] else None
    assert found == expected


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, dict[str, int | None]]:
    folder = tmp_path / "in"
    return folder, write_inputs(folder)


def test_ingest_reports_each_bad_input_once_and_stores_the_good(
    inputs: tuple[Path, dict[str, int | None]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, bad = inputs
    db = str(tmp_path / "news.duckdb")
    assert main(["ingest", str(folder), "--db", db, *STAGES]) == 1
    captured = capsys.readouterr()
    check_errors(captured.err, bad)
    assert "ingested 4 article(s), 6 failed: 4 new, 0 already stored, 0 updated" in captured.err
    assert "more than the limit of 2,000,000" in captured.err
    assert "no article text found in the HTML page" in captured.err
    assert main(["summary", "--db", db]) == 0
    summary = capsys.readouterr().out
    assert re.search(r"articles\s+4\s+de 3, en 1", summary)


def test_ingesting_twice_stores_each_article_once(
    inputs: tuple[Path, dict[str, int | None]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = inputs
    db = str(tmp_path / "news.duckdb")
    main(["ingest", str(folder), "--db", db, *STAGES, "--quiet"])
    first = capsys.readouterr().out
    assert main(["ingest", str(folder), "--db", db, *STAGES, "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "0 new, 4 already stored, 0 updated" in captured.err
    assert captured.out == first


def test_a_failing_second_run_loses_nothing(
    inputs: tuple[Path, dict[str, int | None]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = inputs
    db = str(tmp_path / "news.duckdb")
    main(["ingest", str(folder), "--db", db, *STAGES, "--quiet"])
    capsys.readouterr()
    again = tmp_path / "again"
    again.mkdir()
    (again / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": ""})
        + "\n"  # the stored j1 re-sent broken
        + json.dumps({"id": "new", "text": "Ein neuer Bericht über die Wahl.", "lang": "de"})
        + "\n",
        encoding="utf-8",
    )
    assert main(["ingest", str(again), "--db", db, *STAGES, "--quiet"]) == 1
    captured = capsys.readouterr()
    assert error_lines(captured.err) == [
        f"newsgraph: error: {again / 'feed.jsonl'}:1 (id j1): missing or empty 'text'"
    ]
    assert "ingested 1 article(s), 1 failed: 1 new" in captured.err
    assert main(["show", "j1", "--db", db, "--format", "json"]) == 0
    assert "Hauptstadt" in json.loads(capsys.readouterr().out)["text"]
    assert main(["export", "--db", db]) == 0
    exported = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert len(exported) == 5 and {"j1", "j3", "new"} <= set(exported)


def test_analyze_reports_the_same_errors(
    inputs: tuple[Path, dict[str, int | None]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, bad = inputs
    assert main(["analyze", str(folder), *STAGES]) == 1
    captured = capsys.readouterr()
    check_errors(captured.err, bad)
    assert len(captured.out.splitlines()) == 4
    assert "analysed 4 article(s), 6 failed" in captured.err


def test_good_input_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(GOOD_RECORD, encoding="utf-8")
    db = str(tmp_path / "news.duckdb")
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", db, *STAGES]) == 0
    captured = capsys.readouterr()
    assert error_lines(captured.err) == []
    assert "articles: 1" in captured.out


def test_store_commands_report_missing_things(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "none.duckdb")
    assert main(["summary", "--db", missing]) == 2
    assert error_lines(capsys.readouterr().err) == [
        f"newsgraph: error: {missing}: no such database (ingest creates it)"
    ]
    db = str(tmp_path / "news.duckdb")
    (tmp_path / "a.txt").write_text(GOOD_RECORD, encoding="utf-8")
    main(["ingest", str(tmp_path / "a.txt"), "--db", db, *STAGES, "--quiet"])
    capsys.readouterr()
    assert main(["show", "nope", "--db", db]) == 1
    assert error_lines(capsys.readouterr().err) == [
        f"newsgraph: error: {db}: no article with id 'nope'"
    ]
    assert main(["export", "--db", db, "--format", "parquet"]) == 2
    assert "output folder" in capsys.readouterr().err
    assert main(["export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "pq")]) == 0
    assert (tmp_path / "pq" / "events.parquet").exists()


def test_installed_command_end_to_end(
    inputs: tuple[Path, dict[str, int | None]], tmp_path: Path
) -> None:
    script = Path(sys.executable).parent / "newsgraph"
    if not script.exists():
        pytest.skip(f"{script} is not installed (pip install -e .)")
    folder, bad = inputs
    db = tmp_path / "news.duckdb"
    result = subprocess.run(
        [str(script), "ingest", str(folder), "--db", str(db), *STAGES],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    check_errors(result.stderr, bad)
    assert result.stderr.splitlines()[-1].startswith("newsgraph: ingested 4 article(s), 6 failed")
    assert "articles: 4" in result.stdout


def test_locked_database_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "busy.duckdb"
    holder = (
        "import sys\nfrom newsgraph.store import open_store\n"
        f"with open_store({str(db)!r}):\n    print('open', flush=True)\n    sys.stdin.readline()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
        (tmp_path / "a.txt").write_text(GOOD_RECORD, encoding="utf-8")
        assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(db), *STAGES]) == 2
        (line,) = error_lines(capsys.readouterr().err)
        assert line.startswith(f"newsgraph: error: {db}: the database is in use by another process")
    finally:
        proc.communicate("\n", timeout=30)
