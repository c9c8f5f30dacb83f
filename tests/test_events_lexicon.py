"""The event lexicon as data: every row is well formed, every PLOVER type is covered, and
every row's example sentence is coded by that very row (a new verb = one line + a sentence)."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.events.coder import GermanCoder
from newsgraph.events.lexicon import Entry, load_cameo, load_lexicon
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline, PipelineOptions

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
LEXICON = load_lexicon("de")
EXAMPLES = [e for e in LEXICON.entries() if e.example]


def test_every_plover_type_has_verbs_and_examples() -> None:
    entries = LEXICON.entries()
    assert {e.type for e in entries} == PLOVER_TYPES
    assert {e.type for e in EXAMPLES} == PLOVER_TYPES
    assert len(EXAMPLES) >= 60


def test_rows_use_known_codes() -> None:
    cameo = load_cameo()
    for entry in LEXICON.entries():
        assert entry.pos in ("v", "n", "a"), entry
        assert entry.cameo in cameo, f"line {entry.line}: unknown CAMEO code {entry.cameo}"
        assert cameo[entry.cameo].goldstein is not None, entry.cameo


def test_cameo_table_facts() -> None:
    cameo = load_cameo()
    assert cameo["043"].goldstein == 2.8 and cameo["043"].quad == 1
    assert cameo["111"].quad == 3 and cameo["190"].quad == 4 and cameo["062"].quad == 2
    assert cameo["062"].plover_context == "military"


def test_separable_and_compound_lookup() -> None:
    (entry,) = LEXICON.verb("auffordern")
    assert entry.particle == "auf" and entry.type == "REQUEST"
    assert LEXICON.noun("Großdemonstration")[0].type == "PROTEST"
    assert LEXICON.noun("Massenprotest")[0].type == "PROTEST"
    assert LEXICON.noun("Selbstmord") == []  # "=mord" matches the whole word only
    assert LEXICON.verb("schlagen")[0].type == "ASSAULT" and LEXICON.verb("vorschlagen") == []


def test_conditioned_row_wins() -> None:
    readings = LEXICON.verb("verurteilen")
    assert [e.type for e in readings] == ["SANCTION", "ACCUSE"]  # "zu drei Jahren Haft" first


@pytest.fixture(scope="module")
def code() -> Any:
    pipeline = Pipeline(PipelineOptions(lang="de"))
    coder = GermanCoder(LEXICON)
    return lambda text: coder.code(pipeline(Article(text=text, lang="de")))


@pytest.mark.parametrize("entry", EXAMPLES, ids=[f"{e.line}-{e.lemma}" for e in EXAMPLES])
def test_example_sentence(code: Any, entry: Entry) -> None:
    events = code(entry.example)
    rows = [(e["plover"]["type"], e["rule"]) for e in events]
    assert any(t == entry.type and f"@{LEXICON.source}:{entry.line}" in r for t, r in rows), rows
