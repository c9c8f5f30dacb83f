"""Quote sources: place phrases, appositions, "laut"/"nach denen"/"so X", carried speakers.

Sentences written for these tests (no corpus text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Quotes = list[dict[str, Any]]

Analyse = Callable[[str], Quotes]


def pairs(quotes: Quotes) -> list[tuple[str, str | None]]:
    return [(q["text"], q["speaker"]["text"] if q["speaker"] else None) for q in quotes]


def test_place_name_after_the_speaker_belongs_to_it(find: Any) -> None:
    quotes = find(
        "Die Grenzen bleiben vorerst geschlossen, sagte ein Sprecher der Polizei in Bonn."
    )
    assert pairs(quotes) == [
        ("Die Grenzen bleiben vorerst geschlossen", "ein Sprecher der Polizei in Bonn")
    ]


def test_auxiliary_found_across_a_parenthesis(find: Any) -> None:
    quotes = find(
        "Der Minister hat in einem Gespräch mit seinem Amtskollegen Jan Berg (Liberale, dt. "
        "etwa Freie Partei) bekräftigt, das Land stehe zu seiner Verantwortung."
    )
    assert pairs(quotes) == [("das Land stehe zu seiner Verantwortung", "Der Minister")]


def test_name_in_apposition_keeps_its_parenthesis(find: Any) -> None:
    quotes = find(
        "Die Vorsitzende des Ausschusses, Anna Berg (Grüne), fragte, ob der Minister gelogen habe."
    )
    assert pairs(quotes) == [
        ("ob der Minister gelogen habe", "Die Vorsitzende des Ausschusses, Anna Berg (Grüne)")
    ]


def test_verb_last_cue_with_its_auxiliary(find: Any) -> None:
    quotes = find("Wie der Verband in der Nacht bekanntgegeben hat, wird das Turnier verschoben.")
    assert [q["text"] for q in quotes] == ["wird das Turnier verschoben"]


def test_time_phrase_after_the_verb_is_no_speaker(find: Any) -> None:
    quotes = find(
        "Die Stadt, die seit Jahren klagt, erklärte am Montag, dass die Brücke gesperrt werde."
    )
    assert pairs(quotes) == [("dass die Brücke gesperrt werde", "Die Stadt")]


def test_anaphor_names_the_speaker_of_news_before_it(find: Any) -> None:
    quotes = find(
        "Wie am Morgen bekannt wurde, ist die Brücke gesperrt worden. "
        "Das berichteten Mitarbeiter der Stadtwerke."
    )
    assert pairs(quotes) == [("ist die Brücke gesperrt worden", "Mitarbeiter der Stadtwerke")]


def test_source_of_hervorgehen_is_the_aus_phrase(find: Any) -> None:
    quotes = find(
        "Die Zahl der Opfer ist gestiegen. Dies geht aus einem Bericht der Vereinten Nationen "
        "(UN) hervor."
    )
    assert [p[1] for p in pairs(quotes)] == ["einem Bericht der Vereinten Nationen (UN)"]


def test_own_cue_before_a_colon_beats_the_carried_speaker(find: Any) -> None:
    quotes = find(
        "Der Trainer sagte, die Mannschaft sei stark. Er glaubt, dass das Team gewachsen "
        "sei: „Wir haben viel gelernt.“"
    )
    assert pairs(quotes)[-1] == ("„Wir haben viel gelernt.“", "Er")


def test_passive_zitieren_names_the_one_quoted(find: Any) -> None:
    quotes = find("„Wir bleiben hier“, wird die Sprecherin zitiert.")
    assert pairs(quotes) == [("„Wir bleiben hier“", "die Sprecherin")]


def test_nach_denen_reports_like_wonach(find: Any) -> None:
    quotes = find("Es gibt Studien, nach denen das Mittel gut wirke.")
    assert pairs(quotes) == [("das Mittel gut wirke", "denen")]


def test_so_reports_a_clause_opened_by_a_conjunction(find: Any) -> None:
    quotes = find(
        "Während der Feiertage sollen die Streiks ausgesetzt werden, so die Sprecherin der "
        "Gewerkschaft."
    )
    assert pairs(quotes) == [
        (
            "Während der Feiertage sollen die Streiks ausgesetzt werden",
            "die Sprecherin der Gewerkschaft",
        )
    ]


def test_so_between_dashes(find: Any) -> None:
    quotes = find("Die Lage sei ernst – so der Bürgermeister – und werde sich kaum bessern.")
    assert pairs(quotes)[0] == ("Die Lage sei ernst", "der Bürgermeister")


def test_so_before_a_colon_quotation_keeps_the_words_before(find: Any) -> None:
    quotes = find("Der Plan habe durchaus Methode, so Müller weiter: „Das ist bei uns so üblich.“")
    assert pairs(quotes) == [
        ("Der Plan habe durchaus Methode", "Müller"),
        ("„Das ist bei uns so üblich.“", "Müller"),
    ]


def test_laut_dem_relative(find: Any) -> None:
    quotes = find(
        "Dem Gericht liegt ein Gutachten vor, laut dem das Kind schwer verletzt worden war."
    )
    assert pairs(quotes) == [("das Kind schwer verletzt worden war", "dem")]


def test_source_named_in_marks_after_laut(find: Any) -> None:
    quotes = find("Laut „netzpolitik.org“ plant die Behörde eine neue Datenbank.")
    assert [p[1] for p in pairs(quotes)] == ["„netzpolitik.org“"]


def test_role_apposition_with_coordinated_roles(find: Any) -> None:
    quotes = find("Die Lage sei ruhig, sagte Jan Berg, General und Kommandeur der Truppe.")
    assert pairs(quotes) == [("Die Lage sei ruhig", "Jan Berg, General und Kommandeur der Truppe")]


def test_seat_of_an_institution_but_not_where_a_person_spoke(find: Any) -> None:
    quotes = find(
        "Die Brücke bleibe bis Freitag geschlossen, teilte ein Sprecher des Bauamts in Trier mit."
    )
    assert [p[1] for p in pairs(quotes)] == ["ein Sprecher des Bauamts in Trier"]
    quotes = find("Die Straße bleibe gesperrt, sagte Anna Berg in Koblenz.")
    assert [p[1] for p in pairs(quotes)] == ["Anna Berg"]
