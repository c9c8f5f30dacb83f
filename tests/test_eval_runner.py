"""The eval API and command on a tiny gold folder built here, with a stub analyser."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.cli import main
from newsgraph.evaluate.runner import DataMissing, below_floors, evaluate, load_floors
from newsgraph.evaluate.seed import check_all, load_checklist
from newsgraph.model import Article

SENTENCES = [
    (
        "#\thttp://example.org/news/1\t[2010-01-02]",
        [("Anna", "B-PER"), ("besucht", "O"), ("Bonn", "B-LOC")],
    ),
    (
        "#\thttp://de.wikipedia.org/wiki/X\t[2010-01-02]",
        [("Die", "O"), ("Firma", "O"), ("Acme", "B-ORG")],
    ),
]


def _germeval(folder: Path) -> None:
    lines = []
    for meta, tokens in SENTENCES:
        lines.append(meta)
        lines += [f"{i}\t{tok}\t{tag}\tO" for i, (tok, tag) in enumerate(tokens, 1)]
        lines.append("")
    (folder / "germeval2014-ner").mkdir(parents=True)
    (folder / "germeval2014-ner" / "NER-de-dev.tsv").write_text("\n".join(lines), "utf-8")


def _entities_for(text: str) -> list[dict[str, Any]]:
    # A stub system: finds Anna (right), Bonn as GPE (right once mapped), misses Acme.
    out = []
    for name, kind in (("Anna", "PER"), ("Bonn", "GPE")):
        at = text.find(name)
        if at >= 0:
            out.append({"type": kind, "mentions": [{"start": at, "end": at + len(name)}]})
    return out


def stub(article: Article) -> dict[str, Any]:
    return {"text": article.text, "entities": _entities_for(article.text)}


def test_evaluate_scores_a_hand_built_germeval_file(tmp_path: Path) -> None:
    _germeval(tmp_path)
    result = evaluate("ner", tmp_path, analyser=stub)
    germeval, europarl = result["datasets"]
    assert germeval["overall"] | {} == {
        "precision": 1.0,
        "recall": 0.6667,
        "f1": 0.8,
        "tp": 2,
        "fp": 0,
        "fn": 1,
    }
    assert germeval["rows"]["news"]["f1"] == 1.0  # the Wikipedia sentence is left out
    assert germeval["rows"]["ORG"]["recall"] == 0.0
    assert "not found" in europarl["skipped"]
    assert result["figures"]["ner/germeval2014/overall.f1"] == 0.8
    assert "ner/europarl/overall.f1" not in result["figures"]


def test_limit_keeps_the_first_documents(tmp_path: Path) -> None:
    _germeval(tmp_path)
    result = evaluate("ner", tmp_path, analyser=stub, limit=1)
    assert result["datasets"][0]["docs"] == 1


def test_missing_data_and_unknown_task(tmp_path: Path) -> None:
    with pytest.raises(DataMissing):
        evaluate("ner", tmp_path / "absent", analyser=stub)
    with pytest.raises(Exception, match="unknown eval task"):
        evaluate("sentiment", tmp_path, analyser=stub)


def test_cli_skips_with_one_line_when_data_is_absent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "seed", "--data", str(tmp_path / "absent")]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "eval skipped" in captured.err


def test_below_floors_names_each_figure() -> None:
    floors = {"ner/a/overall.f1": 0.5, "ner/b/overall.f1": 0.1, "times/c/overall.f1": 0.2}
    problems = below_floors({"ner/a/overall.f1": 0.4, "times/c/overall.f1": 0.1}, floors, ("ner",))
    assert problems == [
        "ner/a/overall.f1: 0.4000 is below its floor 0.5",
        "ner/b/overall.f1: pinned at 0.1 but not produced",
    ]


def test_floors_file_is_well_formed() -> None:
    floors = load_floors()
    assert floors and all(0.0 <= v <= 1.0 for v in floors.values())
    assert all(k.count("/") == 2 for k in floors)


def _seed_record() -> dict[str, Any]:
    text = "„Wir bleiben“, sagte Anna Berg am Mittwoch. Mehr lesen Andere Nachricht"
    return {
        "text": text,
        "published": {"value": "2023-11", "precision": "month"},
        "parts": [
            {"kind": "body", "start": 0, "end": 43},
            {"kind": "related", "start": 44, "end": len(text)},
        ],
        "entities": [
            {"id": "e1", "name": "Anna Berg", "type": "PER", "mentions": [{"start": 21, "end": 30}]}
        ],
        "quotes": [
            {
                "start": 1,
                "end": 12,
                "kind": "direct",
                "speaker": {"entity": "e1", "start": 21, "end": 30},
                "cue": {"start": 15, "end": 20},
            }
        ],
        "events": [],
        "times": [{"start": 31, "end": 42, "value": "2023-11-08"}],
    }


def test_seed_checks_on_a_hand_built_record() -> None:
    items = [
        {"id": "d", "kind": "published", "what": "", "value": "2023-11", "precision": "month"},
        {
            "id": "q",
            "kind": "quote",
            "what": "",
            "quote_kind": "direct",
            "anchor": "bleiben",
            "speaker": "Anna",
            "cue": "sagte",
        },
        {
            "id": "q-wrong",
            "kind": "quote",
            "what": "",
            "quote_kind": "indirect",
            "anchor": "bleiben",
            "speaker": "Anna",
        },
        {"id": "t", "kind": "time", "what": "", "anchor": "Mittwoch", "value_prefix": "2023-11"},
        {"id": "e", "kind": "entity", "what": "", "type": "PER", "mentions": ["Anna Berg", "Anna"]},
        {"id": "a", "kind": "absent", "what": "", "part": "related", "anchor": "Andere"},
        {"id": "tone", "kind": "tone", "what": "", "sign": "negative"},
    ]
    verdict = {r["id"]: r["pass"] for r in check_all(_seed_record(), items)}
    assert verdict == {
        "d": True,
        "q": True,
        "q-wrong": False,
        "t": True,
        "e": False,
        "a": True,
        "tone": False,
    }
    record = _seed_record()
    record["parts"] = []  # an unrecognised related block cannot vouch for "nothing from it"
    assert check_all(record, items[5:6])[0]["pass"] is False
    assert all(not r["pass"] for r in check_all(None, items))


def test_seed_checklist_items_are_well_formed() -> None:
    checklist = load_checklist()
    ids = [it["id"] for it in checklist["items"]]
    assert len(ids) == len(set(ids)) >= 30
    record = {"text": "x", "parts": [], "entities": [], "quotes": [], "events": [], "times": []}
    assert len(check_all(record, checklist["items"])) == len(ids)  # every kind has a check
    assert json.dumps(checklist)  # plain JSON, no comments


def test_per_dataset_limits_override_the_global_limit(tmp_path: Path) -> None:
    _germeval(tmp_path)
    result = evaluate("ner", tmp_path, analyser=stub, limits={"ner/germeval2014": 1})
    assert result["datasets"][0]["docs"] == 1
    assert result["datasets"][0]["overall"]["fn"] == 0  # only the first sentence was scored


def test_package_level_api_is_the_runner(tmp_path: Path) -> None:
    from newsgraph.evaluate import evaluate as api

    with pytest.raises(DataMissing):
        api("ner", str(tmp_path / "absent"))
