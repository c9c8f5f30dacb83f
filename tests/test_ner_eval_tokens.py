"""NER scoring on the gold tokens: system spans cut inside a gold token count as that token."""

from __future__ import annotations

from newsgraph.evaluate.loaders import TokenSentence
from newsgraph.evaluate.ner import on_gold_tokens


def test_a_span_inside_a_gold_token_covers_the_whole_token() -> None:
    # Gold tokens as a corpus may give them: "Bonn/Köln" one token, "VfL." with its full stop.
    sentence = TokenSentence(["Bonn/Köln", "(", "dpa", ")", "Er", "spielt", "beim", "VfL."])
    text = sentence.text
    bonn, koeln = text.index("Bonn"), text.index("Köln")
    vfl = text.index("VfL")
    system = {
        (bonn, bonn + 4, "LOC"),
        (koeln, koeln + 4, "LOC"),
        (vfl, vfl + 3, "ORG"),
        (*sentence.char_span(2, 2), "ORG"),
    }
    assert on_gold_tokens(sentence, system) == {
        (*sentence.char_span(0, 0), "LOC"),  # both places are the one gold token, once
        (*sentence.char_span(7, 7), "ORG"),
        (*sentence.char_span(2, 2), "ORG"),
    }


def test_spans_on_whole_tokens_do_not_change() -> None:
    sentence = TokenSentence(["Frau", "Meier", "lacht", "in", "Bad", "Ems"])
    system = {(*sentence.char_span(1, 1), "PER"), (*sentence.char_span(4, 5), "LOC")}
    assert on_gold_tokens(sentence, system) == system
    assert on_gold_tokens(sentence, set()) == set()
