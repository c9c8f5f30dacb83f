"""Scorer arithmetic on tiny hand-built gold/system pairs (no pipeline, no shared data)."""

from __future__ import annotations

import pytest

from newsgraph.evaluate.common import (
    Counts,
    DatasetResult,
    greedy_pairs,
    hungarian,
    set_counts,
    token_f1,
)
from newsgraph.evaluate.events import match, role_right
from newsgraph.evaluate.events_en import plover_record
from newsgraph.evaluate.loaders import TokenSentence, bio_spans, strip_inline
from newsgraph.evaluate.ner import count_by_type, germeval_gold, system_spans
from newsgraph.evaluate.quotes import SPOKEN, Quote, QuoteTally, align, is_direct, read_brat
from newsgraph.evaluate.times import Timex, compare, normalise_value


def test_counts_prf_arithmetic() -> None:
    c = Counts(tp=2, fp=1, fn=3)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(2 / 5)
    assert c.f1 == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    assert (Counts(1, 0, 0) + Counts(0, 1, 1)).to_dict()["f1"] == 0.5
    assert Counts().f1 == 0.0 and Counts(0, 4, 0).precision == 0.0


def test_set_counts_and_token_f1() -> None:
    assert set_counts({1, 2, 3}, {2, 3, 4, 5}) == Counts(2, 2, 1)
    assert token_f1({1, 2, 3, 4}, {3, 4}) == pytest.approx(2 * 2 / 6)
    assert token_f1({1}, {2}) == 0.0


def test_hungarian_beats_greedy_and_drops_zero_pairs() -> None:
    weights = [[0.9, 0.8], [0.85, 0.1]]
    assert sorted(hungarian(weights)) == [(0, 1), (1, 0)]  # 1.65, where greedy takes 0.9+0.1
    assert hungarian([[0.0, 0.0], [0.0, 0.5], [0.3, 0.0]]) == [(1, 1), (2, 0)]
    assert hungarian([]) == []
    assert greedy_pairs([(0.9, 0, 0), (0.1, 0, 1), (0.2, 1, 1)]) == [(0, 1)]


def test_bio_and_iob1_spans() -> None:
    assert bio_spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]) == [
        (0, 1, "PER"),
        (3, 3, "LOC"),
        (4, 4, "LOC"),
    ]
    # IOB1: I- opens a span; B- only separates two adjacent spans of one type.
    assert bio_spans(["I-ORG", "I-ORG", "I-PER", "B-PER", "O"]) == [
        (0, 1, "ORG"),
        (2, 2, "PER"),
        (3, 3, "PER"),
    ]


def test_token_sentence_offsets() -> None:
    s = TokenSentence(["Frau", "Meier", "lacht", "."])
    assert s.text == "Frau Meier lacht ."
    assert s.char_span(0, 1) == (0, 10) and s.text[slice(*s.char_span(2, 2))] == "lacht"


def test_germeval_oth_deriv_part_are_not_gold_but_predictions_there_are_false_positives() -> None:
    # "Die bayerische Polizei nahm Karl im Hotel-Adlon fest" with made-up tags.
    tokens = ["Die", "bayerische", "Polizei", "nahm", "Karl", "im", "Adlon-Gast", "fest", "Tatort"]
    outer = ["O", "B-LOCderiv", "O", "O", "B-PER", "O", "B-LOCpart", "O", "B-OTH"]
    sentence = TokenSentence(tokens)
    gold = germeval_gold(sentence, outer)
    karl = sentence.char_span(4, 4)
    assert gold == {(*karl, "PER")}
    deriv = sentence.char_span(1, 1)
    oth = sentence.char_span(8, 8)
    system = {(*karl, "PER"), (*deriv, "LOC"), (*oth, "ORG")}
    rows = count_by_type(gold, system)
    assert rows["all"] == Counts(tp=1, fp=2, fn=0)
    assert rows["LOC"] == Counts(0, 1, 0) and rows["PER"] == Counts(1, 0, 0)


def test_system_spans_map_gpe_to_loc_and_drop_misc() -> None:
    record = {
        "entities": [
            {"type": "GPE", "mentions": [{"start": 0, "end": 4}, {"start": 10, "end": 14}]},
            {"type": "MISC", "mentions": [{"start": 20, "end": 25}]},
            {"type": "PER", "mentions": [{"start": 30, "end": 35}]},
        ]
    }
    assert system_spans(record) == {(0, 4, "LOC"), (10, 14, "LOC"), (30, 35, "PER")}
    assert system_spans(None) == set()


def _q(
    kind: str, quote: set[int], speaker: set[int] = frozenset(), cue: set[int] = frozenset()
) -> Quote:  # type: ignore[assignment]
    return Quote(kind, frozenset(quote), frozenset(speaker), frozenset(cue))


def test_quote_alignment_counts_tokens_per_role() -> None:
    gold = [_q("direct", {1, 2, 3, 4}, {6}, {5}), _q("indirect", {10, 11, 12}, {8, 9})]
    system = [_q("direct", {2, 3, 4, 5}, {6}, {7}), _q("direct", {20, 21})]
    result = align(gold, system)
    assert result.roles["quote"] == Counts(tp=3, fp=1 + 2, fn=1 + 3)
    assert result.roles["speaker"] == Counts(tp=1, fp=0, fn=2)
    assert result.roles["cue"] == Counts(tp=0, fp=1, fn=1)
    assert result.exact == Counts(0, 2, 2)
    assert len(result.pairs) == 1 and result.pairs[0][0].kind == "direct"


def test_spoken_row_leaves_reported_speech_out() -> None:
    """Reported gold and our reported quotes leave the direct+indirect row; a direct quote of
    ours on reported gold words stays in it as a false positive."""
    result = DatasetResult("quotes", "t", "dev", "de")
    tally = QuoteTally(result, ("direct", "indirect", "reported"), addressee=False)
    gold = [_q("direct", {1, 2, 3}), _q("reported", {10, 11, 12, 13}), _q("reported", {20, 21})]
    system = [_q("direct", {1, 2, 3}), _q("reported", {10, 11, 12}), _q("indirect", {20, 21})]
    tally.add(gold, system)
    assert result.rows[f"{SPOKEN}.quote"] == Counts(tp=3, fp=2, fn=0)
    assert result.rows["quote"] == Counts(tp=8, fp=0, fn=1)


def test_brat_relations_and_direct_quotes() -> None:
    text = 'He said "we win" today. Aides claimed it was over.'
    ann = (
        "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 9 15\twe win\n"
        "T4\tAttribution 3 7\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tContent 38 49\tit was over\nT6\tCue 30 37\tclaimed\n"
        "T7\tAttribution-no-source 30 37\tclaimed\n"
        "E2\tAttribution-no-source:T7 Content:T5 Cue:T6\n"
    )
    first, second = read_brat(ann)
    assert first["Source"] == [(0, 2)] and first["Content"] == [(9, 15)]
    assert "no_source" in second and "Source" not in second
    assert is_direct(text, first["Content"]) and not is_direct(text, second["Content"])


def _gold_event(kind: str, start: int, end: int, **extra: object) -> dict[str, object]:
    return {
        "type": kind,
        "trigger": {"start": start, "end": end},
        "actor": None,
        "recipient": None,
        **extra,
    }


def test_event_matching_needs_type_and_trigger_overlap_or_evidence() -> None:
    gold = [_gold_event("ACCUSE", 10, 19), _gold_event("CONSULT", 40, 47)]
    system = [
        {"plover": {"type": "ACCUSE"}, "trigger": {"start": 12, "end": 19}},
        {"plover": {"type": "AGREE"}, "evidence": {"start": 30, "end": 60}},
        {"plover": {"type": "CONSULT"}, "evidence": {"start": 30, "end": 60}},
    ]
    assert match(gold, system) == [(0, 0), (1, 2)]
    assert sorted(match(gold, system[:2], typed=False)) == [(0, 0), (1, 1)]
    assert match(gold, [{"plover": {"type": "ACCUSE"}, "evidence": {"start": 11, "end": 30}}]) == []


def test_event_roles_by_span_entity_mentions_or_country() -> None:
    gold = {"start": 5, "end": 10, "country": "RUS"}
    mentions = {"e1": [{"start": 5, "end": 10}]}
    assert role_right(gold, {"start": 5, "end": 8}, {})
    assert role_right(gold, {"entity": "e1", "start": 50, "end": 55}, mentions)
    assert role_right(gold, {"code": "RUSGOV", "start": 50, "end": 55}, {})
    assert not role_right(gold, {"code": "CHNMIL", "start": 50, "end": 55}, {})
    assert role_right(None, None, {}) and not role_right(None, {"start": 1, "end": 2}, {})


def test_negated_gold_events_are_scored_apart() -> None:
    from newsgraph.evaluate.common import DatasetResult
    from newsgraph.evaluate.events import EventTally

    result = DatasetResult("events", "x", "dev", "de")
    tally = EventTally(result)
    gold = [_gold_event("ACCUSE", 10, 19, negated=True)]
    tally.add(
        gold,
        [{"plover": {"type": "ACCUSE"}, "trigger": {"start": 10, "end": 19}, "negated": False}],
        {},
    )
    assert result.overall == Counts(0, 1, 0)  # a plain condemnation where none happened
    assert result.rows["negated"] == Counts(0, 0, 1)
    tally.add(
        gold,
        [{"plover": {"type": "ACCUSE"}, "trigger": {"start": 10, "end": 19}, "negated": True}],
        {},
    )
    assert result.rows["negated"] == Counts(1, 0, 1)


def test_plover_reciprocal_actors_accept_either_direction() -> None:
    gold = {
        "event": "AGREE",
        "source": [{"code": "HUN"}],
        "target": [{"code": "ROU"}],
        "textInfo": {"markup": "(SRC/TAR: Hungarian) and (SRC/TAR: Romanian)"},
    }
    system = [
        {"plover": {"type": "AGREE"}, "actor": {"code": "ROUGOV"}, "recipient": {"code": "HUN"}}
    ]
    assert plover_record(gold, system) == ("AGREE", {"AGREE"}, True, True)
    gold["textInfo"] = {"markup": ""}
    assert plover_record(gold, system)[2:] == (False, False)
    assert plover_record(gold, [])[2:] == (None, None)


def test_time_value_normalisation() -> None:
    assert normalise_value(" 2006-5-8t9:05 ") == "2006-05-08T09:05"
    assert normalise_value("2008-w5") == "2008-W05"
    assert normalise_value("pt5h") == "PT5H"  # durations keep their digits
    assert normalise_value("present_ref") == "PRESENT_REF"


def test_time_strict_and_lenient_alignment() -> None:
    gold = [Timex(0, 11, "2023-11-08", "DATE"), Timex(20, 32, "2022-02", "DATE")]
    system = [
        Timex(3, 11, "2023-11-8", "DATE"),
        Timex(20, 32, "2022", "DATE"),
        Timex(40, 45, "P1D"),
    ]
    scores = compare(gold, system)
    assert scores.lenient == Counts(2, 1, 0)
    assert scores.strict == Counts(1, 2, 1)
    assert scores.value_right == 1 and scores.value == Counts(1, 2, 1)


def test_inline_markup_with_nested_tags_and_entities() -> None:
    text, spans = strip_inline('Am <T val="1">1. <T val="2">Mai</T></T> &amp; <E>x</E> danach', "T")
    assert text == "Am 1. Mai & x danach"
    assert [(text[s.start : s.end], s.attrs["val"]) for s in spans] == [
        ("1. Mai", "1"),
        ("Mai", "2"),
    ]
