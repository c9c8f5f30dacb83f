"""Tone lexicons: file format, German compounds taking their head's value, false heads."""

from __future__ import annotations

import pytest

from newsgraph import analyze_doc
from newsgraph.data_files import data_lines
from newsgraph.tone.lexicon import build_lexicon, load_lexicon

DE = load_lexicon("de")


@pytest.mark.parametrize(("lang", "at_least"), [("de", 1000), ("en", 700)])
def test_lexicon_rows_are_well_formed_and_unambiguous(lang: str, at_least: int) -> None:
    seen: dict[str, tuple[str, str]] = {}
    for line in data_lines(f"tone_lexicon_{lang}.tsv"):
        lemma, polarity, weight = line.split("\t")
        assert polarity in ("1", "-1") and weight in ("1", "2"), line
        assert lemma == lemma.strip() and " " not in lemma, line
        # A lemma may be written as noun and as verb/adjective, but with one value.
        assert seen.setdefault(lemma.lower(), (polarity, weight)) == (polarity, weight), line
    assert len(seen) >= at_least


@pytest.mark.parametrize(
    ("compound", "head"),
    [
        ("Raketenangriff", "Angriff"),
        ("Bombenanschlag", "Anschlag"),
        ("Flugzeugabsturz", "Absturz"),
        ("Flutkatastrophe", "Katastrophe"),
        ("Wahlerfolg", "Erfolg"),
        ("Gaza-Krieg", "Krieg"),
    ],
)
def test_an_unlisted_compound_takes_its_heads_value(compound: str, head: str) -> None:
    assert compound.lower() not in DE.values
    assert DE.value(compound, "NOUN") == DE.value(head, "NOUN") != 0.0


def test_the_longest_head_wins() -> None:
    # "Durchbruch" (+) ends "Forschungsdurchbruch", and so does the shorter "Bruch".
    assert DE.value("Forschungsdurchbruch", "NOUN") == DE.value("Durchbruch", "NOUN") > 0


@pytest.mark.parametrize(
    "word",
    [
        "Autorenvereinigung",  # a "Vereinigung" is no "Einigung"
        "Fluggesellschaft",  # "-schaft" is no "Haft"
        "Untersuchungsausschuss",  # an "Ausschuss" is no "Schuss"
        "Fernsehansprache",  # "-sprache" is no "Rache"
        "Oberbürgermeister",
        "Unsicherheitsgefühl",
        "Misserfolgsquote",
        "Nichtangriffspakt",
    ],
)
def test_false_heads_give_no_value(word: str) -> None:
    assert DE.value(word, "NOUN") == 0.0


def test_a_negating_modifier_blocks_the_head() -> None:
    assert "nichtangriff" not in DE.values and DE.value("Nichtangriff", "NOUN") == 0.0


def test_only_nouns_are_split_and_verbs_cannot_be_heads() -> None:
    assert DE.value("Raketenangriff", "ADJ") == 0.0
    assert DE.value("retten", "VERB") > 0 and DE.value("Zigaretten", "NOUN") == 0.0


def test_part_of_speech_and_spelling() -> None:
    assert DE.value("einig", "DET") == 0.0  # "einige" is a determiner with lemma "einig"
    assert DE.value("Fest", "NOUN") > 0 and DE.value("fest", "ADJ") == 0.0
    assert DE.value("Kompromiß", "NOUN") == DE.value("Kompromiss", "NOUN") > 0


def test_war_report_with_many_negative_words_reads_negative_not_mixed() -> None:
    doc = analyze_doc(
        "Nach neuen Angriffen wächst die Sorge vor einer Eskalation des Krieges. "
        "Die Spannungen an der Grenze nehmen zu, es gab mehrere Tote. "
        "Die Regierung verurteilte die Raketenangriffe und kündigte Sanktionen an.",
        lang="de",
        date="2024-05-02",
    )
    assert doc.tone is not None
    assert doc.tone["score"] < -5 and doc.tone["polarity"] == "negative"
    assert not doc.tone["mixed"]


def test_diplomatic_success_reads_positive() -> None:
    doc = analyze_doc(
        "Die Friedensgespräche endeten mit einem Durchbruch. Beide Seiten lobten die "
        "konstruktive Zusammenarbeit und feierten das Abkommen als Erfolg.",
        lang="de",
        date="2024-05-02",
    )
    assert doc.tone is not None and doc.tone["polarity"] == "positive"


def test_english_news_words() -> None:
    doc = analyze_doc(
        "Gunmen killed three civilians and the rebels were accused of atrocities.",
        lang="en",
        date="2024-05-02",
    )
    assert doc.tone is not None and doc.tone["score"] < -5


def test_a_noun_written_lower_case_is_no_head() -> None:
    lexicon = build_lexicon(["Angriff\t-1\t2", "schuss\t-1\t1"], "de")
    assert lexicon.value("Raketenangriff", "NOUN") == -2.0
    assert lexicon.value("Schuss", "NOUN") == -1.0 and lexicon.value("Ausschuss", "NOUN") == 0.0
