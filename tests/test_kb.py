"""The actor knowledge base: lookup by any spelling, codes valid on a date, role words."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from newsgraph.kb import Actor, Period, load_kb, name_key
from newsgraph.kb.store import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def code(kb: KnowledgeBase, name: str, on: str | None) -> str | None:
    found = kb.lookup(name, on)
    assert found, f"{name} not in the KB"
    return found[0].code_on(on)


def test_german_and_english_spellings_find_one_actor(kb: KnowledgeBase) -> None:
    ids = {kb.lookup(n)[0].id for n in ("Wladimir Putin", "Vladimir Putin", "Putin", "Putins")}
    assert len(ids) == 1
    assert kb.lookup("Sergey Shoygu")[0].id == kb.lookup("Sergej Schoigu")[0].id
    assert kb.lookup("Vladimir Putin")[0].name == "Wladimir Putin"  # the German form


def test_name_key_folds_transliterations() -> None:
    assert name_key("Sergej Lawrow") == name_key("Sergey Lavrov")
    assert name_key("Ali Chamenei") == name_key("Ali Khamenei")
    assert name_key("Recep Tayyip Erdoğan") == name_key("recep tayyip erdogan")
    assert name_key("Putin") != name_key("Peskow")


def test_codes_valid_on_the_articles_date(kb: KnowledgeBase) -> None:
    assert code(kb, "Wladimir Putin", "2023-11") == "RUSGOV"
    assert code(kb, "Sergej Schoigu", "2023-11") == "RUSMIL"  # defence minister then
    assert code(kb, "Sergej Schoigu", "2024-08-01") == "RUSGOV"  # Security Council after
    assert code(kb, "Zhang Youxia", "2023-11") == "CHNMIL"
    assert code(kb, "Olaf Scholz", "2023-11-08") == "DEUGOV"
    assert code(kb, "Friedrich Merz", "2023-11") == "DEUOPP"
    assert code(kb, "Friedrich Merz", "2025-06") == "DEUGOV"


def test_month_precision_prefers_the_code_valid_at_the_end(kb: KnowledgeBase) -> None:
    # Schoigu left the defence ministry in May 2024: both codes hold in that month.
    assert code(kb, "Sergej Schoigu", "2024-05") == "RUSGOV"


def test_out_of_office_falls_back_to_the_country(kb: KnowledgeBase) -> None:
    scholz = kb.lookup("Olaf Scholz")[0]
    assert scholz.code_on("2025-09") == "DEU"
    assert scholz.code_on("2025-09", fallback=False) is None
    assert code(kb, "Li Shangfu", "2023-11") == "CHN"  # dismissed in October 2023


def test_dictionary_periods_before_2015(kb: KnowledgeBase) -> None:
    assert code(kb, "Sergej Schoigu", "2010-05") == "RUSGOVMIL"  # Phoenix, ministry of emergencies
    assert code(kb, "Jens Stoltenberg", "2019") == "IGOWSTNAT"


def test_organisations_and_countries(kb: KnowledgeBase) -> None:
    assert code(kb, "NATO", "2023-11") == "IGOWSTNAT"
    assert code(kb, "Nato", None) == "IGOWSTNAT"
    g7 = kb.lookup("G7")[0]
    assert (g7.name, g7.type, g7.code_on("2023")) == ("G7", "ORG", "IGOGOS")
    russia = kb.lookup("Russlands")[0]
    assert (russia.name, russia.type, russia.code_on("2023")) == ("Russland", "GPE", "RUS")


def test_country_words(kb: KnowledgeBase) -> None:
    assert kb.country_of("russischen") == "RUS"
    assert kb.country_of("Russlands") == "RUS"
    assert kb.country_of("chinesische") == "CHN"
    assert kb.country_of("Moskau") == "RUS"
    assert kb.country_of("Frankreichs") == "FRA"
    assert kb.country_of("gestern") is None


def test_role_words(kb: KnowledgeBase) -> None:
    assert kb.role_code(["der", "russische", "Präsident"]) == "GOV"
    assert kb.role_code(["die", "Kanzlerin"]) == "GOV"
    assert kb.role_code(["Außenministerin"]) == "GOV"
    assert kb.role_code(["des", "Verteidigungsministers"]) == "MIL"
    assert kb.role_code(["ein", "General"]) == "MIL"
    assert kb.role_code(["die", "Polizei"]) == "COP"
    assert kb.role_code(["die", "Rebellen"]) == "REB"
    assert kb.role_code(["die", "Opposition"]) == "OPP"
    assert kb.role_code(["am", "Mittwoch"]) is None


def test_descriptions(kb: KnowledgeBase) -> None:
    assert kb.phrase_code(["des", "russischen", "Präsidenten"]) == "RUSGOV"
    assert kb.phrase_code(["Russlands", "Verteidigungsminister"]) == "RUSMIL"
    assert kb.phrase_code(["der", "Kremlchef"]) == "RUSGOV"
    assert kb.phrase_code(["US-Präsident"]) == "USAGOV"
    assert kb.phrase_code(["die", "Ministerin"]) is None  # no country: a name must say who


def test_period_overlap_by_hand() -> None:
    actor = Actor(
        "p:test",
        "Erika Beispiel",
        "PER",
        (),
        (
            Period("DEUGOV", "2019-03", "2021-12-08", "newsgraph"),
            Period("IGOUNO", "2021-12-09", "", "newsgraph"),
        ),
    )
    assert actor.code_on("2019-03-01") == "DEUGOV"  # month-precision start
    assert actor.code_on("2021-12") == "IGOUNO"  # both in that month: the later one
    assert actor.code_on("2019-02") == "DEU"
    assert actor.code_on(None) == "IGOUNO"
    assert actor.country == "DEU"


DATE = re.compile(r"^(\d{4}-\d{2}(-\d{2})?)?$")


def _rows(name: str) -> list[list[str]]:
    text = resources.files("newsgraph").joinpath("data", name).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


@pytest.mark.parametrize("name", ["kb_actors.tsv", "kb_leaders_2015_2026.tsv"])
def test_data_files_are_well_formed(name: str) -> None:
    rows = _rows(name)
    assert rows
    first_rows: set[str] = set()
    for row in rows:
        assert len(row) == 8, row
        actor_id, label, _aliases, kind, cameo, start, end, source = row
        assert DATE.match(start) and DATE.match(end), row
        assert not (start and end) or start[:7] <= end[:7], row
        assert re.fullmatch(r"[A-Z]{3,15}", cameo), row
        if actor_id not in first_rows:
            first_rows.add(actor_id)
            assert label and kind in ("PER", "ORG", "GPE") and source, row


def test_leaders_cite_their_source() -> None:
    text = resources.files("newsgraph").joinpath("data", "kb_leaders_2015_2026.tsv")
    assert "newsgraph team, from public record" in text.read_text("utf-8")


def test_kb_file_stays_compact() -> None:
    data = resources.files("newsgraph").joinpath("data", "kb_actors.tsv").read_bytes()
    assert len(data) < 2_000_000
