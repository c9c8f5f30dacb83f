"""English event coding from the dependency parse (sentences written for these tests).

Skipped where no English spaCy pipeline is installed: the coder then codes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.events.english import EnglishCoder
from newsgraph.events.lexicon import load_lexicon
from newsgraph.model import Article, Published
from newsgraph.pipeline import Pipeline, PipelineOptions

LEXICON = load_lexicon("en")
EXAMPLES = [e for e in LEXICON.entries() if e.example]


@pytest.fixture(scope="module")
def code() -> Any:
    pipeline = Pipeline(PipelineOptions(lang="en"))
    probe = pipeline(Article(text="The police arrested a man.", lang="en"))
    if probe.doc is None or not probe.doc.has_annotation("DEP"):
        pytest.skip("no English spaCy pipeline installed: English events are not coded")
    coder = EnglishCoder()

    def run(text: str) -> list[dict[str, Any]]:
        doc = pipeline(Article(text=text, lang="en", published=Published("2024-03-15", "day")))
        return coder.code(doc)

    return run


def _one(events: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    hits = [e for e in events if e["plover"]["type"] == kind]
    assert hits, [e["plover"]["type"] for e in events]
    return hits[0]


def test_actor_recipient_codes(code: Any) -> None:
    events = code("Russian President Vladimir Putin criticized NATO and the United States.")
    assert [e["recipient"]["code"] for e in events] == ["IGOWSTNAT", "USA"]
    assert all(e["actor"]["code"] == "RUSGOV" and e["cameo"] == "111" for e in events)


def test_passive_by_phrase(code: Any) -> None:
    event = _one(code("The mayor was arrested by the police."), "COERCE")
    assert event["actor"]["code"] == "COP" and event["recipient"]["text"] == "The mayor"


def test_negated_and_no_event_from_object_noun(code: Any) -> None:
    events = code("Iran did not condemn the attack.")
    assert [e["plover"]["type"] for e in events] == ["ACCUSE"] and events[0]["negated"]


def test_intention_is_agree_and_pronoun_is_speaker(code: Any) -> None:
    event = _one(code("Hungary said it will support the resolution."), "AGREE")
    assert event["actor"]["code"] == "HUN" and event["future"]
    assert event["reported_by"]["text"] == "Hungary"


def test_announced_coercion_is_threat(code: Any) -> None:
    assert _one(code("The government will ban the party."), "THREATEN")["actor"] is not None


def test_phrasal_verb_and_demand_in_speech(code: Any) -> None:
    _one(code("The union called on the government to raise wages."), "REQUEST")
    event = _one(code("Washington said that China must lift the tariffs."), "REQUEST")
    assert event["recipient"]["code"] == "CHN" and event["actor"]["code"] == "USA"


def test_refusal(code: Any) -> None:
    assert _one(code("Syria will not accept more refugees."), "REJECT")["negated"] is False


@pytest.mark.parametrize("entry", EXAMPLES, ids=[f"{e.line}-{e.lemma}" for e in EXAMPLES])
def test_example_sentence(code: Any, entry: Any) -> None:
    kinds = [e["plover"]["type"] for e in code(entry.example)]
    assert entry.type in kinds, kinds
