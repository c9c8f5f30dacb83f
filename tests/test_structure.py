"""The structure stage on hand-built texts, on the team's samples (goldens) and on the seed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from newsgraph.model import PART_KINDS, Article, Document, Span
from newsgraph.pipeline import Pipeline, PipelineOptions
from newsgraph.readers import read_paths
from newsgraph.structure.segment import Structure, segment

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "examples" / "000_831e9328a17658ff.txt"


def _regen() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "regen_structure", ROOT / "tests" / "golden" / "regen_structure.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REGEN = _regen()


def kinds(text: str, **kwargs: object) -> list[tuple[str, str]]:
    result = segment(text, **kwargs)  # type: ignore[arg-type]
    assert_well_formed(text, result)
    return [(p.kind, text[p.start : p.end]) for p in result.parts]


def assert_well_formed(text: str, result: Structure) -> None:
    """Sorted, non-overlapping, trimmed parts of known kinds covering all non-space text."""
    covered = [False] * len(text)
    previous_end = 0
    for part in result.parts:
        assert part.kind in PART_KINDS
        assert previous_end <= part.start < part.end <= len(text)
        assert not text[part.start].isspace() and not text[part.end - 1].isspace()
        covered[part.start : part.end] = [True] * (part.end - part.start)
        previous_end = part.end
    uncovered = [i for i, c in enumerate(text) if not c.isspace() and not covered[i]]
    assert uncovered == []


LEAD = (
    "Die Regierung hat am Montag neue Hilfen beschlossen. Das Paket umfasst zwei Milliarden Euro."
)
BODY = "Die Opposition kritisierte den Beschluss. Er komme viel zu spät, sagte ein Sprecher."
BODY2 = "Das Parlament soll im März über das Gesetz abstimmen. Eine Mehrheit gilt als sicher."


# --- lead, body, title ---------------------------------------------------------------------


def test_single_paragraph_is_body() -> None:
    assert kinds(LEAD) == [("body", LEAD)]


def test_several_paragraphs_are_lead_then_body() -> None:
    text = f"{LEAD}\n\n{BODY}\n{BODY2}"
    assert [k for k, _ in kinds(text)] == ["lead", "body", "body"]


def test_title_span_from_the_record_reader_is_the_title() -> None:
    text = f"Regierung beschließt Hilfen\n\n{LEAD}\n\n{BODY}"
    parts = kinds(text, title_span=Span(0, 27))
    assert parts[0] == ("title", "Regierung beschließt Hilfen")
    assert [k for k, _ in parts[1:]] == ["lead", "body"]


def test_title_metadata_that_opens_the_text_is_the_title() -> None:
    text = f"Regierung beschließt Hilfen\n{LEAD}\n{BODY}"
    assert kinds(text, title="Regierung beschließt Hilfen")[0] == (
        "title",
        "Regierung beschließt Hilfen",
    )


def test_title_metadata_missing_from_the_text_marks_no_title() -> None:
    text = f"Kurzer Vorspann ohne Punkt\n{LEAD}\n{BODY}"
    assert kinds(text, title="Ein ganz anderer Titel")[0][0] == "lead"


def test_plain_text_headline_is_guessed_as_title() -> None:
    text = f"Regierung beschließt Hilfen für Landwirte\n\n{LEAD}\n\n{BODY}"
    assert kinds(text)[0] == ("title", "Regierung beschließt Hilfen für Landwirte")


def test_first_sentence_with_period_is_not_a_title() -> None:
    text = f"Die Regierung hat entschieden.\n\n{LEAD}\n\n{BODY}"
    assert kinds(text)[0][0] == "lead"


# --- captions and photo credits ------------------------------------------------------------


def test_repeated_title_with_bare_credit_splits_into_caption_and_credit() -> None:
    caption = "Die Außenministerin spricht mit ihrem Amtskollegen in Warschau."
    text = f"{caption}\n\n{caption} AFP / Polnisches Außenministerium\n\n{LEAD}\n\n{BODY}"
    result = segment(text, title_span=Span(0, len(caption)))
    assert_well_formed(text, result)
    assert [(p.kind, text[p.start : p.end]) for p in result.parts[:3]] == [
        ("title", caption),
        ("caption", caption),
        ("credit", "AFP / Polnisches Außenministerium"),
    ]
    assert result.credits == ["AFP", "Polnisches Außenministerium"]
    assert [p.kind for p in result.parts[3:]] == ["lead", "body"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Foto: dpa", ["dpa"]),
        ("Bild: picture alliance/dpa", ["picture alliance", "dpa"]),
        ("(Photo: AP)", ["AP"]),
        ("© AFP", ["AFP"]),
        ("AFP/Getty Images", ["AFP", "Getty Images"]),
        ("Foto: Kay Nietfeld/dpa", ["Kay Nietfeld", "dpa"]),
        ("Photo by Jane Doe/Reuters", ["Jane Doe", "Reuters"]),
    ],
)
def test_credit_line_after_a_caption(line: str, names: list[str]) -> None:
    caption = "Soldaten bei einer Übung nahe der Grenze"
    text = f"Titel der Meldung\n\n{caption}\n\n{line}\n\n{LEAD}\n\n{BODY}"
    result = segment(text, title="Titel der Meldung")
    assert_well_formed(text, result)
    got = [(p.kind, text[p.start : p.end]) for p in result.parts]
    assert got[1:3] == [("caption", caption), ("credit", line)]
    assert result.credits == names


def test_caption_with_marker_credit_inside_the_article() -> None:
    caption = "Der Kanzler empfängt den Präsidenten im Kanzleramt."
    text = f"{LEAD}\n\n{caption} Foto: Michael Kappeler/dpa\n\n{BODY}"
    assert kinds(text) == [
        ("lead", LEAD),
        ("caption", caption),
        ("credit", "Foto: Michael Kappeler/dpa"),
        ("body", BODY),
    ]


def test_body_paragraph_ending_in_names_is_not_split_after_the_lead() -> None:
    closing = "Am Treffen nahmen teil: Scholz, Macron."
    text = f"{LEAD}\n\n{BODY} Merz / Söder\n\n{closing}"
    assert [k for k, _ in kinds(text)] == ["lead", "body", "body"]


def test_short_name_line_without_marker_is_not_a_credit() -> None:
    text = f"{LEAD}\n\nReaktionen Aus Berlin\n\n{BODY}"
    assert [k for k, _ in kinds(text)] == ["lead", "subheading", "body"]


# --- related links -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "block",
    [
        "Mehr lesen Kanzler reist nach Kiew",
        "Lesen Sie auch: Kanzler reist nach Kiew",
        "Mehr zum Thema:\n- Kanzler reist nach Kiew\n- Opposition kritisiert Pläne",
        "Auch interessant\n\nKanzler reist nach Kiew",
        "Read more:\nChancellor travels to Kyiv\nOpposition criticises plans",
        "Related: Chancellor travels to Kyiv",
        "See also: Chancellor travels to Kyiv",
    ],
)
def test_related_block_takes_its_headlines(block: str) -> None:
    text = f"{LEAD}\n\n{block}\n\n{BODY}\n\n{BODY2}"
    parts = kinds(text)
    assert parts[1] == ("related", block)
    assert [k for k, _ in parts] == ["lead", "related", "body", "body"]


def test_paragraph_starting_with_a_cue_word_is_not_related() -> None:
    para = "Recommended by the committee, the bill now goes to the full Senate for a final vote."
    text = f"{LEAD}\n\n{para}\n\n{BODY}"
    assert [k for k, _ in kinds(text)] == ["lead", "body", "body"]


# --- subheadings ---------------------------------------------------------------------------


def test_short_line_between_paragraphs_is_subheading() -> None:
    text = f"{LEAD}\n\nWesten reagiert mit Sorge\n\n{BODY}\n\nWhat comes next?\n\n{BODY2}"
    assert [k for k, _ in kinds(text)] == ["lead", "subheading", "body", "subheading", "body"]


def test_short_sentence_with_period_is_body() -> None:
    text = f"{LEAD}\n\nDas wurde abgelehnt.\n\n{BODY}"
    assert [k for k, _ in kinds(text)] == ["lead", "body", "body"]


def test_short_last_line_is_body_not_subheading() -> None:
    text = f"{LEAD}\n\n{BODY}\n\nFortsetzung folgt"
    assert [k for k, _ in kinds(text)] == ["lead", "body", "body"]


# --- agency credits and datelines ----------------------------------------------------------


@pytest.mark.parametrize(
    ("closing", "agencies"),
    [
        ("(APA/AFP)", ["APA", "AFP"]),
        ("(dpa)", ["dpa"]),
        ("(Reuters)", ["Reuters"]),
        ("dpa/AFP", ["dpa", "AFP"]),
        ("AFP/dpa/jk", ["AFP", "dpa"]),
        ("dpa/jk", ["dpa"]),
        ("— AP", ["AP"]),
        ("Mit Material von dpa und Reuters", ["dpa", "Reuters"]),
        ("(Reporting by Jane Doe; Editing by John Roe)", []),
    ],
)
def test_closing_agency_line(closing: str, agencies: list[str]) -> None:
    text = f"{LEAD}\n\n{BODY}\n\n{closing}"
    result = segment(text)
    assert_well_formed(text, result)
    last = result.parts[-1]
    assert (last.kind, text[last.start : last.end]) == ("agency", closing)
    assert result.agencies == agencies


@pytest.mark.parametrize(("tail", "agencies"), [(" (APA/AFP)", ["APA", "AFP"]), (" — AP", ["AP"])])
def test_agency_at_the_end_of_the_last_paragraph_is_split_off(
    tail: str, agencies: list[str]
) -> None:
    text = f"{LEAD}\n\n{BODY}{tail}"
    assert kinds(text)[-2:] == [("body", BODY), ("agency", tail.strip())]
    assert segment(text).agencies == agencies


def test_non_agency_parenthesis_stays_in_the_body() -> None:
    last = "Das Treffen fand im Hauptquartier des Bündnisses statt (NATO)"
    assert kinds(f"{LEAD}\n\n{last}")[-1] == ("body", last)


def test_two_lower_case_letters_are_initials_not_an_agency() -> None:
    assert segment(f"{LEAD}\n\n{BODY}\n\ndpa/ap").agencies == ["dpa"]


@pytest.mark.parametrize(
    ("opening", "agencies"),
    [
        ("BERLIN (dpa) – ", ["dpa"]),
        ("Berlin (AFP) - ", ["AFP"]),
        ("WASHINGTON (Reuters) - ", ["Reuters"]),
        ("LONDON, March 3 (Reuters) - ", ["Reuters"]),
        ("Kiew/Moskau (dpa/AFP) - ", ["dpa", "AFP"]),
        ("UNITED NATIONS (AP) — ", ["AP"]),
        ("Frankfurt am Main (dpa-AFX) - ", ["dpa-AFX"]),
    ],
)
def test_dateline_names_agencies(opening: str, agencies: list[str]) -> None:
    text = f"{opening}{LEAD}\n\n{BODY}"
    result = segment(text)
    assert result.agencies == agencies
    assert result.parts[0].kind == "lead"
    assert result.parts[0].start == 0


def test_agencies_in_text_order_each_once() -> None:
    text = f"BERLIN (dpa) - {LEAD}\n\n{BODY} (AFP/dpa)"
    assert segment(text).agencies == ["dpa", "AFP"]


def test_parenthesis_mid_sentence_is_not_a_dateline() -> None:
    assert segment(f"Die Regierung (CDU) - so heißt es - plant {LEAD}").agencies == []


# --- paragraph units -----------------------------------------------------------------------


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    para = (
        "Die Regierung hat am Montag in Berlin ein neues Paket mit Hilfen für\n"
        "Landwirte beschlossen, die unter der Dürre des Sommers gelitten haben.\n"
        "Das Paket umfasst zwei Milliarden Euro und soll noch im Herbst ausgezahlt\n"
        "werden."
    )
    text = f"{para}\n\n{BODY}"
    assert kinds(text) == [("lead", para), ("body", BODY)]


def test_lower_case_line_continues_the_paragraph() -> None:
    text = f"Die Regierung hat am Montag\nneue Hilfen beschlossen.\n{BODY}"
    assert [k for k, _ in kinds(text)] == ["lead", "body"]


def test_whitespace_only_text_gives_no_parts() -> None:
    assert segment(" \n\n ").parts == []


# --- the stage, the samples, the seed ------------------------------------------------------


def test_stage_runs_in_a_pipeline() -> None:
    text = f"BERLIN (dpa) - {LEAD}\n\n{BODY}\n\n(dpa)"
    doc = Pipeline(PipelineOptions(stages=("structure",)))(Article(text=text))
    assert [p.kind for p in doc.parts] == ["lead", "body", "agency"]
    assert doc.agencies == ["dpa"]
    assert doc.to_record()["parts"][2] == {
        "kind": "agency",
        "start": len(text) - 5,
        "end": len(text),
    }


SAMPLE_DOCS: list[Document] = REGEN.sample_docs()


@pytest.mark.parametrize(
    "doc", SAMPLE_DOCS, ids=[REGEN.golden_name(d.article) for d in SAMPLE_DOCS]
)
def test_sample_matches_its_golden(doc: Document) -> None:
    path = REGEN.GOLDEN / f"{REGEN.golden_name(doc.article)}.json"
    assert path.exists(), f"no golden {path.name}: run tests/golden/regen_structure.py"
    assert REGEN.golden_of(doc) == json.loads(path.read_text("utf-8"))
    assert_well_formed(doc.text, Structure(doc.parts, doc.agencies, doc.credits))


def test_samples_cover_every_part_kind_and_both_languages() -> None:
    seen = {p.kind for d in SAMPLE_DOCS for p in d.parts}
    assert seen == set(PART_KINDS)
    assert sum("/de/" in d.article.source for d in SAMPLE_DOCS) >= 10
    assert sum("/en/" in d.article.source for d in SAMPLE_DOCS) >= 5


def test_every_golden_has_a_sample() -> None:
    names = {REGEN.golden_name(d.article) for d in SAMPLE_DOCS}
    assert {p.stem for p in REGEN.GOLDEN.glob("*.json")} == names


@pytest.mark.shared
@pytest.mark.skipif(
    not SEED.exists(), reason=f"seed example not found at {SEED} (../shared absent)"
)
def test_seed_article_structure() -> None:
    (article,) = list(read_paths([str(SEED)]))
    assert isinstance(article, Article)
    doc = Pipeline(PipelineOptions(stages=("structure",)))(article)
    text = doc.text
    got = [(p.kind, text[p.start : p.end]) for p in doc.parts]
    assert [k for k, _ in got] == [
        "title", "caption", "credit", "lead", "body", "body", "body",
        "related", "subheading", "body", "body", "agency",
    ]  # fmt: skip
    assert got[1][1] == got[0][1]
    assert got[2][1].startswith("Reuters /")
    # Structure only: the seed is third-party text, so its sentences are not repeated here.
    assert got[7][1].startswith("Mehr lesen ")
    assert "\n" not in got[8][1] and not got[8][1].endswith(".")
    assert got[11][1] == "(APA/AFP)"
    assert doc.agencies == ["APA", "AFP"]
    assert doc.credits == ["Reuters", "Russian Defence Ministry"]
    assert_well_formed(text, Structure(doc.parts, doc.agencies, doc.credits))


def test_dateline_span_is_recorded_and_ends_a_sentence() -> None:
    text = (
        "Minister visits capital\n\n"
        "WASHINGTON, March 3 (Reuters) - The minister met senators on Tuesday. They talked.\n\n"
        "More talks are planned for April, officials said."
    )
    pipeline = Pipeline(PipelineOptions(stages=("structure", "language", "tokens")))
    doc = pipeline(Article(text=text, lang="en"))
    assert doc.dateline is not None
    assert doc.dateline.text_in(text) == "WASHINGTON, March 3 (Reuters) -"
    sentences = [s.text_in(text) for s in doc.sentences]
    assert "WASHINGTON, March 3 (Reuters) -" in sentences
    assert "The minister met senators on Tuesday." in sentences
    assert doc.to_record()["dateline"] == {"start": doc.dateline.start, "end": doc.dateline.end}


def test_parenthesis_without_agency_is_no_dateline() -> None:
    doc = Pipeline(PipelineOptions(stages=("structure",)))(
        Article(text="Berlin (Archiv) - Die Stadt wächst weiter.\n\nDas sagt die Statistik.")
    )
    assert doc.dateline is None
