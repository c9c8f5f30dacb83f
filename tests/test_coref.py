"""The "coref" stage on articles written for these tests, with entities built by hand."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from newsgraph.entities import coref
from newsgraph.model import Article, Document, Part, Precision, Published
from newsgraph.pipeline import Pipeline, PipelineOptions

Analyse = Callable[..., Document]


def entity(text: str, surface: str, kind: str) -> dict[str, Any]:
    spans = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]
    assert spans, surface
    return {
        "id": "",
        "name": surface,
        "type": kind,
        "kb": None,
        "actor": None,
        "mentions": [{"start": s, "end": e, "text": surface} for s, e in spans],
    }


@pytest.fixture(scope="module")
def analyse() -> Analyse:
    options = PipelineOptions(stages=("structure", "language", "tokens", "tagger"))
    before = Pipeline(options)
    stage = coref.make_stage(options)

    def run(
        text: str,
        names: list[tuple[str, str]],
        date: str = "2023-11",
        places: Sequence[tuple[str, str]] = (),
        agencies: Sequence[str] = (),
    ) -> Document:
        precision: Precision = "day" if len(date) == 10 else "month"
        doc = before(Article(text=text, lang="de", published=Published(date, precision)))
        doc.entities = [entity(text, s, k) for s, k in names]
        doc.places = [_place(text, s, c) for s, c in places]
        doc.agencies = list(agencies)
        stage(doc)
        return doc

    return run


def _place(text: str, surface: str, country: str) -> dict[str, Any]:
    start = text.rindex(surface)
    return {"start": start, "end": start + len(surface), "role": "actor", "country": country}


def find(doc: Document, name: str) -> dict[str, Any]:
    hits = [e for e in doc.entities if e["name"] == name]
    assert len(hits) == 1, [(e["name"], e["type"]) for e in doc.entities]
    return hits[0]


def texts(entity: dict[str, Any]) -> list[str]:
    return [m["text"] for m in entity["mentions"]]


PUTIN = (
    "Der russische Präsident Wladimir Putin empfing am Dienstag Verteidigungsminister "
    "Sergej Schoigu. Putin sagte, die Lage sei ernst. Später betonte der russische "
    "Präsident, man werde reagieren. Die Rede des russischen Präsidenten dauerte lange. "
    "Er sprach auch über die Nato. Die NATO reagierte nicht."
)
PUTIN_NAMES = [
    ("Wladimir Putin", "PER"),
    ("Putin", "PER"),
    ("Sergej Schoigu", "PER"),
    ("Nato", "ORG"),
    ("NATO", "ORG"),
]


def test_surname_full_name_and_role_phrases_cluster(analyse: Analyse) -> None:
    doc = analyse(PUTIN, PUTIN_NAMES)
    putin = find(doc, "Wladimir Putin")
    assert (putin["type"], putin["kb"], putin["actor"]) == ("PER", "p:vladimir-putin", "RUSGOV")
    got = texts(putin)
    assert {"Wladimir Putin", "Putin", "der russische Präsident"} <= set(got)
    assert "Der russische Präsident" in got  # the appositive before the name
    assert "des russischen Präsidenten" in got
    assert "Er" not in got  # pronouns are left to the quotes stage


def test_role_phrase_goes_to_the_matching_office_holder(analyse: Analyse) -> None:
    doc = analyse(PUTIN, PUTIN_NAMES)
    schoigu = find(doc, "Sergej Schoigu")
    assert schoigu["actor"] == "RUSMIL"
    assert not any("Präsident" in t for t in texts(schoigu))


def test_case_variants_are_one_organisation_with_its_igo_code(analyse: Analyse) -> None:
    doc = analyse(PUTIN, PUTIN_NAMES)
    nato = find(doc, "NATO")
    assert sorted(texts(nato)) == ["NATO", "Nato"]
    assert (nato["type"], nato["actor"]) == ("ORG", "IGOWSTNAT")
    assert [e["id"] for e in doc.entities] == [f"e{k}" for k in range(1, len(doc.entities) + 1)]


def test_codes_follow_the_publication_date(analyse: Analyse) -> None:
    text = "Verteidigungsminister Sergej Schoigu reiste nach Minsk."
    names = [("Sergej Schoigu", "PER")]
    assert find(analyse(text, names, "2023-11"), "Sergej Schoigu")["actor"] == "RUSMIL"
    assert find(analyse(text, names, "2024-09-02"), "Sergej Schoigu")["actor"] == "RUSGOV"


def test_east_asian_surname_first(analyse: Analyse) -> None:
    text = "Der chinesische General Zhang Youxia kam nach Moskau. Zhang sprach dort mit Offizieren."
    doc = analyse(text, [("Zhang Youxia", "PER"), ("Zhang", "PER"), ("Moskau", "LOC")])
    zhang = find(doc, "Zhang Youxia")
    assert {"Zhang", "Zhang Youxia", "Der chinesische General"} <= set(texts(zhang))
    assert zhang["actor"] == "CHNMIL"
    assert find(doc, "Moskau")["type"] == "LOC"  # a place here, not the state


def test_inflected_forms_and_metonyms_join_the_country(analyse: Analyse) -> None:
    text = (
        "Russlands Regierung schwieg. In Russland blieb es ruhig. "
        "Seither haben Moskau und Peking ihre Beziehungen ausgebaut."
    )
    names = [("Russlands", "GPE"), ("Russland", "GPE"), ("Moskau", "LOC"), ("Peking", "LOC")]
    doc = analyse(text, names, places=[("Moskau", "RUS"), ("Peking", "CHN")])
    russia = find(doc, "Russland")
    assert (russia["type"], russia["kb"], russia["actor"]) == ("GPE", "g:rus", "RUS")
    assert sorted(texts(russia)) == ["Moskau", "Russland", "Russlands"]
    china = find(doc, "China")  # no "China" in the text: the metonym creates the country
    assert (texts(china), china["actor"]) == (["Peking"], "CHN")
    assert not any(e["name"] in ("Moskau", "Peking") for e in doc.entities)


def test_appositive_gives_the_bare_office_noun(analyse: Analyse) -> None:
    text = (
        "Außenministerin Annalena Baerbock reiste nach Kiew. Die Ministerin sagte, "
        "man stehe zusammen. Eine Ministerin aus Polen kam später."
    )
    doc = analyse(text, [("Annalena Baerbock", "PER")], "2023-05")
    baerbock = find(doc, "Annalena Baerbock")
    assert baerbock["actor"] == "DEUGOV"
    assert "Die Ministerin" in texts(baerbock)
    assert "Eine Ministerin" not in texts(baerbock)


def test_a_compound_office_is_not_the_bare_office_named_later(analyse: Analyse) -> None:
    text = (
        "Wahlsieger Marek Wolny sprach vor Anhängern. Der frühere EU-Ratspräsident kündigte "
        "Reformen an. Präsident Adam Zielinski muss nun einen Regierungschef benennen."
    )
    doc = analyse(text, [("Marek Wolny", "PER"), ("Adam Zielinski", "PER")], "2023-10")
    assert "Der frühere EU-Ratspräsident" not in texts(find(doc, "Adam Zielinski"))


def test_agencies_are_never_actors(analyse: Analyse) -> None:
    text = "Die G7 forderten China zu Zurückhaltung auf, berichtete AFP."
    names = [("G7", "ORG"), ("China", "GPE"), ("AFP", "ORG")]
    doc = analyse(text, names, agencies=["AFP"])
    afp = find(doc, "AFP")
    assert (afp["kb"], afp["actor"]) == (None, None)
    assert find(doc, "G7")["actor"] == "IGOGOS"
    assert find(doc, "China")["actor"] == "CHN"


def test_mentions_in_credit_parts_are_dropped(analyse: Analyse) -> None:
    text = "Foto: Reuters\nDie Regierung in Paris schwieg."
    options = PipelineOptions(stages=("structure", "language", "tokens", "tagger"))
    doc = Pipeline(options)(Article(text=text, lang="de"))
    doc.parts = [Part("credit", 0, 13), Part("body", 14, len(text))]
    doc.entities = [entity(text, "Reuters", "ORG"), entity(text, "Paris", "LOC")]
    coref.make_stage(options)(doc)
    assert [e["name"] for e in doc.entities] == ["Paris"]


def test_unknown_people_still_cluster(analyse: Analyse) -> None:
    text = "Die Bäuerin Hanna Kowalczyk protestierte. Kowalczyks Hof liegt nah. Kowalczyk blieb."
    doc = analyse(text, [("Hanna Kowalczyk", "PER"), ("Kowalczyks", "PER"), ("Kowalczyk", "PER")])
    person = find(doc, "Hanna Kowalczyk")
    assert sorted(texts(person)) == ["Hanna Kowalczyk", "Kowalczyk", "Kowalczyks"]
    assert (person["kb"], person["actor"]) == (None, None)


def test_full_chain_with_ner_and_places() -> None:
    text = (
        "Der russische Präsident Wladimir Putin empfing am Montag in Moskau den "
        "chinesischen General Zhang Youxia. Zhang lobte die Zusammenarbeit. Putin sagte, "
        "die Nato wolle sich ausdehnen. Die NATO wies das zurück, fuhr der russische "
        "Präsident fort. Moskau und Peking bauen ihre Beziehungen aus."
    )
    options = PipelineOptions(stages=("structure", "language", "tokens", "tagger", "ner", "places"))
    article = Article(text=text, lang="de", published=Published("2023-11", "month"))
    doc = Pipeline(options)(article)
    coref.make_stage(options)(doc)
    by_kb = {e["kb"]: e for e in doc.entities if e["kb"]}
    putin = by_kb["p:vladimir-putin"]
    assert {"Putin", "Wladimir Putin", "der russische Präsident"} <= set(texts(putin))
    assert putin["actor"] == "RUSGOV"
    assert {"Zhang", "Zhang Youxia"} <= set(texts(by_kb["p:zhang-youxia"]))
    assert sorted(texts(by_kb["o:nato"])) == ["NATO", "Nato"]
    assert "Moskau" in texts(by_kb["g:rus"])  # "Moskau und Peking" stand for the states


def test_recogniser_errors_on_offices_and_full_names(analyse: Analyse) -> None:
    text = (
        "Bundeskanzler Friedrich Merz traf Kremlsprecher Dmitri Peskow nicht. "
        "Auch Verteidigungsminister Boris Pistorius blieb fern. Der Kanzler schwieg."
    )
    names = [
        ("Bundeskanzler", "LOC"),  # an office taken for a place
        ("Friedrich Merz", "PER"),
        ("Dmitri Peskow", "LOC"),  # a listed office holder typed as a place
        ("Boris Pistorius", "PER"),
    ]
    doc = analyse(text, names, "2025-06")
    merz = find(doc, "Friedrich Merz")
    assert {"Bundeskanzler", "Der Kanzler"} <= set(texts(merz))
    assert merz["actor"] == "DEUGOV"
    peskow = find(doc, "Dmitri Peskow")
    assert (peskow["type"], peskow["actor"]) == ("PER", "RUSGOV")
    assert "Kremlsprecher" in texts(peskow)
    assert "Verteidigungsminister" in texts(find(doc, "Boris Pistorius"))  # without "Auch"
    assert not any(e["name"] == "Bundeskanzler" for e in doc.entities)


def test_plural_and_indefinite_offices_name_nobody(analyse: Analyse) -> None:
    text = (
        "Der französische Präsident Emmanuel Macron traf Präsident Joe Biden. "
        "Die Präsidenten sprachen lange. Ein Präsident aus Afrika kam später."
    )
    doc = analyse(text, [("Emmanuel Macron", "PER"), ("Joe Biden", "PER")], "2022-06")
    mentions = [t for e in doc.entities for t in texts(e)]
    assert "Die Präsidenten" not in mentions and "Ein Präsident" not in mentions
    assert "Der französische Präsident" in texts(find(doc, "Emmanuel Macron"))
    assert "Präsident" in texts(find(doc, "Joe Biden"))


def test_english_article_keeps_its_spelling_and_drops_the_dateline_agency() -> None:
    text = (
        "KYIV, May 3 (Reuters) - Ukrainian President Volodymyr Zelenskiy met German Chancellor "
        "Olaf Scholz on Friday. Zelenskiy said Russia was preparing a new offensive."
    )
    article = Article(text=text, lang="en", published=Published("2024-05-03", "day"))
    doc = Pipeline(PipelineOptions())(article)
    names = {e["name"]: e for e in doc.entities}
    assert "Reuters" not in names  # a credit in the dateline, not an actor
    zelenskiy = next(e for e in doc.entities if e["kb"] == "p:volodymyr-zelensky")
    assert zelenskiy["name"] == "Volodymyr Zelenskiy" and zelenskiy["actor"] == "UKRGOV"
    assert "Russia" in names
