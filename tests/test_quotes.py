"""Quotes stage on sentences written for these tests (German first, then English)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.model import Article, Document, Part
from newsgraph.nlp import tagger, tokens
from newsgraph.pipeline import PipelineOptions
from newsgraph.quotes import stage as quote_stage
from newsgraph.quotes.lexicon import load_lexicon
from newsgraph.quotes.marks import find_marked
from newsgraph.quotes.resolve import Resolver

Analyse = Callable[..., list[dict[str, Any]]]


@pytest.fixture(scope="module")
def analyse() -> Analyse:
    """Tokens, tagger and quotes over an article whose parts the test may set itself."""
    options = PipelineOptions()
    fns = [tokens.make_stage(options), tagger.make_stage(options), quote_stage.make_stage(options)]

    def run(
        text: str,
        lang: str = "de",
        parts: list[tuple[str, int, int]] | None = None,
        entities: list[dict[str, Any]] | None = None,
    ) -> list[dict[str, Any]]:
        doc = Document(article=Article(text=text, lang=lang), lang=lang)
        doc.parts = [Part(k, a, b) for k, a, b in parts] if parts else [Part("body", 0, len(text))]
        doc.entities = entities or []
        for fn in fns:
            fn(doc)
        return doc.quotes

    return run


def one(quotes: list[dict[str, Any]], anchor: str) -> dict[str, Any]:
    hits = [q for q in quotes if anchor in q["text"] and not q["nested"]] or [
        q for q in quotes if anchor in q["text"]
    ]
    assert hits, f"no quote with {anchor!r} in {[q['text'] for q in quotes]}"
    return hits[0]


def speaker(q: dict[str, Any]) -> str | None:
    return q["speaker"]["text"] if q["speaker"] else None


def resolved(q: dict[str, Any]) -> str | None:
    return q["speaker"]["resolved"] if q["speaker"] else None


def cue(q: dict[str, Any]) -> str | None:
    return q["cue"]["text"] if q["cue"] else None


# --- German: direct quotes -----------------------------------------------------------------


def test_direct_cue_after(analyse: Analyse) -> None:
    q = one(
        analyse("„Wir bauen die Brücke bis zum Sommer“, sagte Bürgermeisterin Anna Kraus."),
        "Brücke",
    )
    assert q["kind"] == "direct" and q["text"].startswith("„") and q["text"].endswith("“")
    assert speaker(q) == "Bürgermeisterin Anna Kraus" and cue(q) == "sagte"


def test_direct_cue_before_with_colon(analyse: Analyse) -> None:
    q = one(
        analyse("Der Trainer Paul Weber sagte: „Die Mannschaft hat hart gearbeitet.“"), "Mannschaft"
    )
    assert q["kind"] == "direct" and speaker(q) == "Der Trainer Paul Weber" and cue(q) == "sagte"


def test_direct_cue_inside_gives_two_quotes_of_one_speaker(analyse: Analyse) -> None:
    quotes = analyse("„Das Projekt ist teuer“, sagte Jonas Berg, „aber es lohnt sich.“")
    first, second = one(quotes, "teuer"), one(quotes, "lohnt")
    assert first is not second
    assert speaker(first) == speaker(second) == "Jonas Berg"


def test_fuhr_fort_with_role_phrase_resolved(analyse: Analyse) -> None:
    text = (
        "Der Minister Karl Hofer besuchte am Montag die Fabrik. "
        "„Wir brauchen mehr Fachkräfte“, fuhr der Minister fort."
    )
    q = one(analyse(text), "Fachkräfte")
    assert cue(q) == "fuhr" and [p["text"] for p in q["cue"]["pieces"]] == ["fort"]
    assert speaker(q) == "der Minister" and resolved(q) == "Karl Hofer"


def test_guillemets_and_single_marks(analyse: Analyse) -> None:
    quotes = analyse("»Wir bleiben hier«, sagte Lena Roth. ‚Wir gehen nicht‘, sagte Tim Vogt.")
    assert speaker(one(quotes, "bleiben")) == "Lena Roth"
    assert speaker(one(quotes, "gehen nicht")) == "Tim Vogt"


def test_swiss_guillemets(analyse: Analyse) -> None:
    q = one(analyse("«Der Zug kommt zu spät», sagte Urs Meier."), "Zug")
    assert q["kind"] == "direct" and speaker(q) == "Urs Meier"


def test_quote_spanning_two_paragraphs(analyse: Analyse) -> None:
    text = (
        "Die Direktorin Eva Lindner sagte: „Wir haben viel erreicht.\n\n"
        "„Im nächsten Jahr wollen wir noch mehr schaffen.“"
    )
    q = one(analyse(text), "viel erreicht")
    assert "noch mehr schaffen" in q["text"] and q["text"].endswith("“")
    assert speaker(q) == "Die Direktorin Eva Lindner"


def test_exclamation_without_comma(analyse: Analyse) -> None:
    q = one(analyse("„Lasst uns in Ruhe!“ rief der Demonstrant."), "Ruhe")
    assert q["kind"] == "direct" and speaker(q) == "der Demonstrant" and cue(q) == "rief"


def test_so_cue(analyse: Analyse) -> None:
    q = one(analyse("„Die Preise steigen weiter“, so der Ökonom Felix Brandt."), "Preise")
    assert cue(q) == "so" and speaker(q) == "der Ökonom Felix Brandt"


def test_quote_of_own_sentence_keeps_previous_speaker(analyse: Analyse) -> None:
    text = "„Das Wetter war schlecht“, sagte Pilotin Jana Schulz. „Wir mussten umkehren.“"
    q = one(analyse(text), "umkehren")
    assert q["kind"] == "direct" and speaker(q) == "Pilotin Jana Schulz"


# --- German: indirect speech ------------------------------------------------------------------


def test_indirect_konjunktiv_sei(analyse: Analyse) -> None:
    q = one(analyse("Die Sprecherin Maria Vogel sagte, die Lage sei unter Kontrolle."), "Lage")
    assert q["kind"] == "indirect" and q["text"] == "die Lage sei unter Kontrolle"
    assert speaker(q) == "Die Sprecherin Maria Vogel"


def test_indirect_konjunktiv_habe_and_pronoun(analyse: Analyse) -> None:
    text = "Der Richter Tom Kessler verließ den Saal. Er erklärte, er habe keine Zweifel."
    q = one(analyse(text), "Zweifel")
    assert q["kind"] == "indirect" and speaker(q) == "Er" and resolved(q) == "Tom Kessler"


def test_indirect_werde_with_betonte(analyse: Analyse) -> None:
    q = one(
        analyse("Ministerin Ulla Brandt betonte, man werde die Steuern nicht erhöhen."), "Steuern"
    )
    assert (
        q["kind"] == "indirect" and cue(q) == "betonte" and speaker(q) == "Ministerin Ulla Brandt"
    )


def test_indirect_dass_with_teilte_mit(analyse: Analyse) -> None:
    q = one(
        analyse("Die Polizei teilte mit, dass zwei Männer festgenommen wurden."), "festgenommen"
    )
    assert q["text"].startswith("dass") and cue(q) == "teilte"
    assert [p["text"] for p in q["cue"]["pieces"]] == ["mit"] and speaker(q) == "Die Polizei"


def test_indirect_before_cue(analyse: Analyse) -> None:
    q = one(analyse("Die Verhandlungen seien gescheitert, sagte Diplomat Jan Falk."), "gescheitert")
    assert q["kind"] == "indirect" and speaker(q) == "Diplomat Jan Falk"
    assert q["text"].startswith("Die Verhandlungen")


def test_konjunktiv_continuation_keeps_speaker(analyse: Analyse) -> None:
    text = "Professorin Ina Wolf sagte, das Klima ändere sich schnell. Die Folgen seien enorm."
    q = one(analyse(text), "Folgen")
    assert q["kind"] == "indirect" and speaker(q) == "Professorin Ina Wolf" and q["cue"] is None


def test_partial_quote_inside_indirect_is_nested(analyse: Analyse) -> None:
    quotes = analyse("Kanzler Otto Brenner sagte, die Opposition wolle „das Land spalten“.")
    partial = next(q for q in quotes if q["text"] == "„das Land spalten“")
    assert partial["kind"] == "partial" and partial["nested"] is True
    assert speaker(partial) == "Kanzler Otto Brenner"
    assert one(quotes, "Opposition")["kind"] == "indirect"


def test_laut(analyse: Analyse) -> None:
    q = one(analyse("Laut Feuerwehr wurden drei Menschen verletzt."), "verletzt")
    assert cue(q) == "Laut" and speaker(q) == "Feuerwehr" and "Laut" not in q["text"]


def test_zufolge(analyse: Analyse) -> None:
    q = one(analyse("Dem Bericht zufolge sank die Zahl der Unfälle deutlich."), "Unfälle")
    assert cue(q) == "zufolge" and speaker(q) == "Dem Bericht"


def test_nach_angaben(analyse: Analyse) -> None:
    q = one(analyse("Nach Angaben der Polizei wurde niemand verletzt."), "niemand")
    assert cue(q) == "Nach" and speaker(q) == "Angaben der Polizei"


def test_wie_mitteilte(analyse: Analyse) -> None:
    q = one(analyse("Wie die Stadtverwaltung mitteilte, bleibt das Bad geschlossen."), "Bad")
    assert q["text"].startswith("bleibt") and speaker(q) == "die Stadtverwaltung"


def test_dies_bestaetigte(analyse: Analyse) -> None:
    text = "Der Konzern schließt zwei Werke. Dies bestätigte ein Sprecher des Unternehmens."
    q = one(analyse(text), "Werke")
    assert q["kind"] == "indirect" and speaker(q) == "ein Sprecher des Unternehmens"


def test_addressee(analyse: Analyse) -> None:
    q = one(analyse("„Wir verhandeln weiter“, sagte er dem Sender am Abend."), "verhandeln")
    assert (
        speaker(q) == "er" and q["addressee"] is not None and q["addressee"]["text"] == "dem Sender"
    )


def test_impersonal_cue_has_no_speaker(analyse: Analyse) -> None:
    q = one(analyse("„Die Lage ist ernst“, hieß es aus Regierungskreisen."), "Lage")
    assert q["kind"] == "direct" and q["speaker"] is None and cue(q) == "hieß"


def test_title_in_marks_is_no_quote(analyse: Analyse) -> None:
    assert analyse("Der Artikel erschien in der Zeitung „Neue Presse“ am Montag.") == []


def test_sentence_without_speech_has_no_quote(analyse: Analyse) -> None:
    assert analyse("Die Brücke wurde im Jahr 1990 gebaut. Sie ist 300 Meter lang.") == []


def test_related_links_and_caption_yield_nothing(analyse: Analyse) -> None:
    caption = "„Wir feiern“, sagte Lisa Brand."
    body = "„Der Tag war schön“, sagte Lisa Brand."
    related = "Mehr lesen „Wir kommen wieder“, sagte Tom Hahn"
    text = f"{caption}\n\n{body}\n\n{related}"
    a, b = len(caption) + 2, len(caption) + 2 + len(body)
    parts = [("caption", 0, len(caption)), ("body", a, b), ("related", b + 2, len(text))]
    quotes = analyse(text, parts=parts)
    assert [q["part"] for q in quotes] == ["body"] and "schön" in quotes[0]["text"]


def test_offsets_point_into_text(analyse: Analyse) -> None:
    text = "Die Ärztin Mia Sommer sagte, die Impfung sei sicher."
    for q in analyse(text):
        assert text[q["start"] : q["end"]] == q["text"]
        assert text[q["speaker"]["start"] : q["speaker"]["end"]] == q["speaker"]["text"]


def test_speaker_linked_to_entity_and_pronoun_follows(analyse: Analyse) -> None:
    text = "„Wir reden weiter“, sagte Putin. Er sagte, die Gespräche seien gut."
    start = text.index("Putin")
    entity: dict[str, Any] = {"id": "e1", "name": "Wladimir Putin", "type": "PER"}
    entity["mentions"] = [{"start": start, "end": start + 5, "text": "Putin"}]
    quotes = analyse(text, entities=[entity])
    direct, indirect = one(quotes, "reden"), one(quotes, "Gespräche")
    assert direct["speaker"]["entity"] == "e1" and resolved(direct) == "Wladimir Putin"
    assert speaker(indirect) == "Er" and indirect["speaker"]["entity"] == "e1"


# --- German: reported speech, Konjunktiv runs, sources ---------------------------------------


def test_reported_speech_act_is_the_whole_sentence(analyse: Analyse) -> None:
    text = "Die Gewerkschaft Verdi warnte vor neuen Streiks im Hafen."
    (q,) = analyse(text)
    assert q["kind"] == "reported" and q["text"] == text
    assert speaker(q) == "Die Gewerkschaft Verdi" and cue(q) is None  # the corpus marks none


def test_reported_sprach_von(analyse: Analyse) -> None:
    q = one(analyse("Der Bürgermeister Karl Moll sprach von einem schweren Tag."), "Tag")
    assert q["kind"] == "reported" and speaker(q) == "Der Bürgermeister Karl Moll"


def test_reported_frame_berichten_von(analyse: Analyse) -> None:
    text = "Die Feuerwehr hat von drei verletzten Anwohnern berichtet."
    (q,) = analyse(text)
    assert q["kind"] == "reported" and q["text"] == text and speaker(q) == "Die Feuerwehr"


def test_reported_frame_needs_its_preposition(analyse: Analyse) -> None:
    # "berichten" without "von" tells no speech act of its own: no reported quote
    quotes = analyse("Die Zeitung berichtet täglich über den Stadtrat.")
    assert all(q["kind"] != "reported" for q in quotes)


def test_reported_subject_before_an_apposition(analyse: Analyse) -> None:
    text = "Anna Berg, die Sprecherin des Vereins, forderte mehr Geld für die Schulen."
    q = one(analyse(text), "Schulen")
    assert q["kind"] == "reported" and speaker(q) == "Anna Berg, die Sprecherin des Vereins"


def test_reported_not_for_a_name_given(analyse: Analyse) -> None:
    for text in (
        "Kleine Boote nennt man in der Gegend Kähne.",
        "Die Brücke nennt sich seit Jahren Tor zur Stadt.",
    ):
        assert all(q["kind"] != "reported" for q in analyse(text)), text


def test_reported_object_first_speaker_after_the_verb(analyse: Analyse) -> None:
    for text, who in (
        (
            "Den Schaden bezifferte die Stadtverwaltung auf zwei Millionen Euro.",
            "die Stadtverwaltung",
        ),
        ("Einen Rücktritt des Bürgermeisters forderte die Opposition am Montag.", "die Opposition"),
    ):
        q = one(analyse(text), text.split()[1])
        assert q["kind"] == "reported" and speaker(q) == who, text


def test_reported_ends_before_a_conjunction_clause(analyse: Analyse) -> None:
    said = (
        "Der Stadtrat forderte am Montag nach langer Debatte im Rathaus neue und "
        "breitere Radwege für alle Schulkinder der Stadt,"
    )
    q = one(analyse(f"{said} während die Verwaltung auf die Kosten achtete."), "Radwege")
    assert q["kind"] == "reported" and q["text"] == said


def test_reported_leaves_dies_to_the_sentence_before(analyse: Analyse) -> None:
    text = "Der Stadtrat will neue Radwege bauen. Dies forderte die Partei schon lange."
    q = one(analyse(text), "Radwege")
    assert q["kind"] == "indirect" and speaker(q) == "die Partei"


def test_reported_not_for_a_sentence_mostly_quoted(analyse: Analyse) -> None:
    q = one(analyse("Der Trainer Paul Weber warnte: „Das Spiel wird schwer.“"), "Spiel")
    assert q["kind"] == "direct" and speaker(q) == "Der Trainer Paul Weber"


def test_konjunktiv_after_a_verb_that_is_no_cue(analyse: Analyse) -> None:
    text = "Die Ministerin Eva Roth verteidigte den Haushalt. Die Ausgaben seien notwendig."
    q = one(analyse(text), "Ausgaben")
    assert q["kind"] == "indirect" and q["text"] == "Die Ausgaben seien notwendig."
    assert speaker(q) == "Die Ministerin Eva Roth"


def test_konjunktiv_run_is_one_quote(analyse: Analyse) -> None:
    text = (
        "Der Landrat Ole Brandt besuchte die Klinik. Das Haus sei gut geführt. "
        "Die Ärzte seien engagiert, es gebe aber zu wenig Betten."
    )
    q = one(analyse(text), "Haus")
    assert q["text"].startswith("Das Haus") and q["text"].endswith("Betten.")


def test_no_konjunktiv_no_quote(analyse: Analyse) -> None:
    assert analyse("Der Zug fuhr am Morgen ab. Die Fahrgäste waren froh.") == []


@pytest.mark.parametrize(
    "text",
    [
        # nouns and names the tagger calls finite verbs look like Konjunktiv I ("versuche")
        "Die Behörde will Messenger stärker prüfen. Im Fokus stehen Signal, iMessage und Threema.",
        "Die Wölfin zieht seit Tagen durch die Region, doch alle Versuche sie einzufangen "
        "oder zu betäuben, blieben erfolglos.",
    ],
)
def test_capitalised_verb_forms_are_no_konjunktiv(analyse: Analyse, text: str) -> None:
    assert analyse(text) == []


def test_wonach_clause(analyse: Analyse) -> None:
    text = "Es gibt einen Bericht der Agentur Reuters, wonach der Minister zurückgetreten sei."
    q = one(analyse(text), "Minister")
    assert q["kind"] == "indirect" and q["text"] == "der Minister zurückgetreten sei"
    assert speaker(q) == "einen Bericht der Agentur Reuters" and cue(q) == "wonach"


def test_heisst_es_source_is_the_place(analyse: Analyse) -> None:
    text = "Im Bericht des Amtes heißt es, dass die Schulen geschlossen werden."
    q = one(analyse(text), "Schulen")
    assert speaker(q) == "Bericht des Amtes" and cue(q) == "heißt"


def test_speaker_with_apposition_before_verb(analyse: Analyse) -> None:
    text = "Lena Schmidt, eine Sprecherin der Stadt, erklärte, die Straße bleibe gesperrt."
    q = one(analyse(text), "Straße")
    assert speaker(q) == "Lena Schmidt, eine Sprecherin der Stadt"


def test_hearsay_after_a_semicolon_leaves_the_clause_before(analyse: Analyse) -> None:
    """ "…; der Gipfel soll …": the indicative clause before the semicolon is the writer's."""
    text = (
        "Der Sprecher sagte, die Lage sei ernst. Das Bündnis feiert in diesem Jahr "
        "sein Jubiläum; der nächste Gipfel soll im Juni stattfinden."
    )
    assert not any("feiert" in q["text"] for q in analyse(text))


def test_colon_after_name_and_role(analyse: Analyse) -> None:
    q = one(analyse("Anna Berg, Präsidentin des Vereins: „Wir haben gewonnen.“"), "gewonnen")
    assert q["kind"] == "direct" and speaker(q) == "Anna Berg, Präsidentin des Vereins"


def test_wie_clause_subject_before_time_and_place(analyse: Analyse) -> None:
    text = (
        "Wie der Finanzminister Hans Berger am Dienstag in Hannover erklärte, sinken die Steuern."
    )
    q = one(analyse(text), "Steuern")
    assert speaker(q) == "der Finanzminister Hans Berger" and cue(q) == "erklärte"


def test_speaker_after_auxiliary(analyse: Analyse) -> None:
    text = "Gestern hat eine Sprecherin des Gerichts mitgeteilt, dass die Beschwerde scheiterte."
    q = one(analyse(text), "Beschwerde")
    assert speaker(q) == "eine Sprecherin des Gerichts"


def test_relative_pronoun_speaker_keeps_main_clause_out(analyse: Analyse) -> None:
    text = "Wichtig war die Aussage einer Kellnerin, die angab, vom Wirt bedrängt worden zu sein."
    q = one(analyse(text), "bedrängt")
    assert q["text"] == "vom Wirt bedrängt worden zu sein" and speaker(q) == "die"


def test_title_in_marks_belongs_to_speaker(analyse: Analyse) -> None:
    text = "Die Zeitung „Neue Post“ berichtet, dass zwei Runden gescheitert seien."
    q = one(analyse(text), "Runden")
    assert speaker(q) == "Die Zeitung „Neue Post“"


def test_object_first_pronoun_subject(analyse: Analyse) -> None:
    text = "Der Stadt schlug er vor, die Gebühren zu senken."
    q = one(analyse(text), "Gebühren")
    assert speaker(q) == "er"


def test_adverb_between_subject_and_verb(analyse: Analyse) -> None:
    text = "Die Ärzte hingegen sagen, die Behandlung wirke nicht."
    assert speaker(one(analyse(text), "Behandlung")) == "Die Ärzte"


def test_konjunktiv_after_a_plain_sentence_keeps_speaker(analyse: Analyse) -> None:
    text = (
        "Die Polizei teilte mit, der Täter sei geflohen. Die Suche läuft. Er habe Geld gestohlen."
    )
    q = one(analyse(text), "gestohlen")
    assert q["kind"] == "indirect" and speaker(q) == "Die Polizei"


def test_wie_clause_subject_with_apposition(analyse: Analyse) -> None:
    text = "Wie die Ministerin des Landes, Anna Berg, erklärte, bleibe die Schule offen."
    q = one(analyse(text), "Schule")
    assert speaker(q) == "die Ministerin des Landes, Anna Berg"


def test_coordinated_cue_takes_first_verbs_subject(analyse: Analyse) -> None:
    text = "Der Bürgermeister dankte den Helfern und ergänzte, die Straße werde bald geöffnet."
    assert speaker(one(analyse(text), "Straße")) == "Der Bürgermeister"


def test_colon_after_clause_without_speech_verb(analyse: Analyse) -> None:
    text = "Die Lage ist ernst. In der Sendung zeigte sich der Trainer zufrieden: „Das war gut.“"
    q = one(analyse(text), "gut")
    assert q["kind"] == "direct" and speaker(q) == "der Trainer"


def test_hearsay_soll_continues_the_source(analyse: Analyse) -> None:
    text = (
        "Die Polizei teilte mit, der Mann sei verhaftet worden. Er soll drei Autos gestohlen haben."
    )
    q = one(analyse(text), "Autos")
    assert q["kind"] == "indirect" and speaker(q) == "Die Polizei"


def test_soll_without_a_source_is_no_quote(analyse: Analyse) -> None:
    assert analyse("Die neue Brücke soll im Jahr 2030 fertig sein.") == []


def test_konjunktiv_clause_after_indicative_main_clause(analyse: Analyse) -> None:
    text = "Die Firma baut Autos. Der Chef sprach die Hoffnung aus, der Umsatz werde steigen."
    q = one(analyse(text), "Umsatz")
    assert q["text"] == "der Umsatz werde steigen" and speaker(q) == "Der Chef"


def test_first_person_is_no_konjunktiv(analyse: Analyse) -> None:
    quotes = analyse("Der Chef kam zu spät. Ich habe keine Angst vor dem Gericht.")
    assert not any("Angst" in q["text"] for q in quotes)


def test_reported_clause_ends_at_semicolon(analyse: Analyse) -> None:
    text = "Die Polizei sagte, dass er schuldig sei; die Anklage folgt morgen."
    assert one(analyse(text), "schuldig")["text"] == "dass er schuldig sei"


def test_passive_agent_is_the_speaker(analyse: Analyse) -> None:
    text = "Die Gruppe wurde von der Regierung beschuldigt, die Brücke gesprengt zu haben."
    assert speaker(one(analyse(text), "Brücke")) == "der Regierung"


def test_passive_without_agent_has_no_speaker(analyse: Analyse) -> None:
    text = "Die Gruppe wurde beschuldigt, die Brücke gesprengt zu haben."
    assert one(analyse(text), "Brücke")["speaker"] is None


def test_source_phrase_opens_the_clause(analyse: Analyse) -> None:
    text = "Aus Regierungskreisen verlautete, der Minister werde zurücktreten."
    assert speaker(one(analyse(text), "Minister")) == "Aus Regierungskreisen"


def test_cue_in_relative_clause_attributes_nothing_before(analyse: Analyse) -> None:
    text = "In dem Bericht, der gestern bekanntgegeben wurde, stehen viele Zahlen."
    assert analyse(text) == []


def test_konjunktiv_goes_on_in_next_paragraph(analyse: Analyse) -> None:
    first = "Die Polizei teilte mit, der Mann sei verhaftet worden."
    text = first + "\n\nEr habe drei Autos gestohlen."
    parts = [("lead", 0, len(first)), ("body", len(first) + 2, len(text))]
    q = one(analyse(text, parts=parts), "Autos")
    assert q["kind"] == "indirect" and speaker(q) == "Die Polizei"


def test_speaker_widened_over_name_mention() -> None:
    """A speaker NP that cuts a NER name ("[Lutz] Krämerling") grows to the whole name."""
    mention = {"start": 10, "end": 25, "text": "Lutz Krämerling", "kind": "name"}
    role = {"start": 0, "end": 40, "text": "…", "kind": "role"}
    entities: list[dict[str, Any]] = [{"id": "e1", "type": "PER", "mentions": [mention, role]}]
    resolver = Resolver(Doc(Vocab(), words=["x"]), entities, load_lexicon("de"))
    assert resolver.widen((15, 25)) == (10, 25)
    assert resolver.widen((30, 35)) == (30, 35)


def test_the_longest_person_mention_is_the_speaker() -> None:
    """ "Hauptmann Jonas Brink": a rank the NER took for a name is not the speaker."""
    words = ["Hauptmann", "Jonas", "Brink", "sagte"]
    doc = Doc(Vocab(), words=words)
    rank = {"start": 0, "end": 9, "text": "Hauptmann", "kind": "name"}
    name = {"start": 10, "end": 21, "text": "Jonas Brink", "kind": "name"}
    entities: list[dict[str, Any]] = [
        {"id": "e1", "name": "Hauptmann", "type": "PER", "mentions": [rank]},
        {"id": "e2", "name": "Jonas Brink", "type": "PER", "mentions": [name]},
    ]
    resolver = Resolver(doc, entities, load_lexicon("de"))
    assert resolver.resolve((0, 21)) == ("e2", "Jonas Brink")


# --- English ----------------------------------------------------------------------------------


def test_en_x_said_indirect(analyse: Analyse) -> None:
    q = one(analyse("The mayor Tom Reed said the bridge would reopen in May.", "en"), "bridge")
    assert q["kind"] == "indirect" and cue(q) == "said" and "Tom Reed" in (speaker(q) or "")


def test_en_said_x_straight_quotes(analyse: Analyse) -> None:
    q = one(analyse('"We will not give up," said Laura Diaz.', "en"), "give up")
    assert q["kind"] == "direct" and speaker(q) == "Laura Diaz" and q["text"].startswith('"')


def test_en_x_said_curly_quotes(analyse: Analyse) -> None:
    q = one(analyse("“The vote is a disaster,” Senator Mark Hill said.", "en"), "disaster")
    assert q["kind"] == "direct" and speaker(q) == "Senator Mark Hill" and q["text"].endswith("”")


def test_en_according_to(analyse: Analyse) -> None:
    q = one(analyse("According to the police, three people were injured.", "en"), "injured")
    assert cue(q) == "According to" and speaker(q) == "the police"


def test_en_colon(analyse: Analyse) -> None:
    q = one(analyse('The coach said: "We played badly today."', "en"), "badly")
    assert q["kind"] == "direct" and speaker(q) == "The coach"


def test_en_pronoun_resolved(analyse: Analyse) -> None:
    text = 'Anna Grant left the meeting early. "I have nothing to add," she said.'
    q = one(analyse(text, "en"), "nothing")
    assert speaker(q) == "she" and resolved(q) == "Anna Grant"


def test_en_told_addressee(analyse: Analyse) -> None:
    q = one(analyse("Mary Jones told reporters that the talks had collapsed.", "en"), "collapsed")
    assert q["kind"] == "indirect" and speaker(q) == "Mary Jones"
    assert q["addressee"] is not None and q["addressee"]["text"] == "reporters"
    assert "reporters" not in q["text"]


def test_en_continued_quote(analyse: Analyse) -> None:
    text = '"The plan is ready," said Paul King. "We start on Monday."'
    q = one(analyse(text, "en"), "Monday")
    assert q["kind"] == "direct" and speaker(q) == "Paul King"


def test_en_added(analyse: Analyse) -> None:
    q = one(analyse('"Prices will fall," the economist added.', "en"), "Prices")
    assert cue(q) == "added" and speaker(q) == "the economist"


def test_en_no_speech_no_quote(analyse: Analyse) -> None:
    assert analyse("The river flooded the town on Sunday.", "en") == []


@pytest.mark.parametrize(
    ("text", "content", "who", "verb"),
    [
        # a modal clause before the attribution is what was said
        (
            "The port will reopen on Friday, the ministry said.",
            "The port will reopen on Friday",
            "the ministry",
            "said",
        ),
        (
            "Fuel prices could rise again, the central bank warned.",
            "Fuel prices could rise again",
            "the central bank",
            "warned",
        ),
        # "continue" with words after it is no cue: the attribution at the end is
        (
            "The strike will continue until wages rise, the union said in a statement.",
            "The strike will continue until wages rise",
            "the union",
            "said",
        ),
    ],
)
def test_en_clause_before_attribution(
    analyse: Analyse, text: str, content: str, who: str, verb: str
) -> None:
    quotes = analyse(text, "en")
    assert [(q["text"], speaker(q), cue(q)) for q in quotes] == [(content, who, verb)]


@pytest.mark.parametrize(
    ("text", "probe", "who"),
    [
        # a participle clause speaks for the subject of its verb
        ("The mayor left the meeting early, saying the budget was final.", "budget", "The mayor"),
        (
            "Officials in Kigali were quoted as saying they were ready.",
            "ready",
            "Officials in Kigali",
        ),
        # a speech verb joined to another speaks for their subject
        (
            "The governor praised the rescue teams and said the roads would reopen soon.",
            "roads",
            "The governor",
        ),
        # the name before a relative clause, where the parse hangs it elsewhere
        (
            "Home Secretary Laura Whitfield, who had promised the flight would leave this week, "
            "said the ruling was deeply disappointing.",
            "ruling",
            "Home Secretary Laura Whitfield",
        ),
    ],
)
def test_en_implicit_subjects(analyse: Analyse, text: str, probe: str, who: str) -> None:
    assert speaker(one(analyse(text, "en"), probe)) == who


def test_en_source_with_participle_phrase(analyse: Analyse) -> None:
    text = "According to a draft seen by reporters, the plan would cost 3 billion euros."
    q = one(analyse(text, "en"), "plan")
    assert speaker(q) == "a draft seen by reporters"
    assert q["text"] == "the plan would cost 3 billion euros"


def test_en_nationality_before_the_speaker_noun(analyse: Analyse) -> None:
    text = "The Chinese foreign ministry said the visit would go ahead."
    entities = [
        {
            "id": "e1",
            "name": "Chinese",
            "type": "MISC",
            "mentions": [{"start": 4, "end": 11, "text": "Chinese", "kind": "name"}],
        }
    ]
    q = one(analyse(text, "en", entities=entities), "visit")
    assert q["speaker"]["entity"] == "e1"  # of China
    assert resolved(q) == "Chinese foreign ministry"  # but not "Chinese" that speaks


def test_en_no_words_after_respond_to(analyse: Analyse) -> None:
    text = "The airline did not respond to a request for comment on Friday."
    assert analyse(text, "en") == []


def test_en_joined_verb_ends_the_words_said(analyse: Analyse) -> None:
    text = "The mayor said the ruling was deeply unfair and vowed to appeal."
    q = one(analyse(text, "en"), "ruling")
    assert q["text"] == "the ruling was deeply unfair"


def test_en_that_after_adverb(analyse: Analyse) -> None:
    q = one(analyse("He insisted, however, that the vote had been fair.", "en"), "fair")
    assert q["text"] == "that the vote had been fair"


# --- quotation marks alone ------------------------------------------------------------------


def test_marks_ignore_apostrophes() -> None:
    text = "It's the team's 'best' year, \"said\" nobody."
    spans = [text[m.start : m.end] for m in find_marked(text, 0, len(text), "en")]
    assert spans == ["'best'", '"said"']


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("'Wir bleiben bis zum Ende', sagte die Sprecherin.", ["'Wir bleiben bis zum Ende'"]),
        # apostrophes are no marks: an elision, a genitive after -s
        ("Wie geht's dir, fragte er, und Hans' Auto stand da.", []),
        ("Er hat's geschafft, 's ist gut.", []),
    ],
)
def test_german_typewriter_single_marks(text: str, spans: list[str]) -> None:
    assert [text[m.start : m.end] for m in find_marked(text, 0, len(text), "de")] == spans


def test_unclosed_mark_ends_at_paragraph() -> None:
    text = "Er sagte: „Wir gehen\n\nDanach war Ruhe."
    (mark,) = find_marked(text, 0, len(text), "de")
    assert text[mark.start : mark.end] == "„Wir gehen" and not mark.closed


def test_en_time_phrase_before_that_is_not_said(analyse: Analyse) -> None:
    """PolNeAR's content starts at "that"; "on Thursday" belongs to the saying."""
    text = "The ministry said on Thursday that the talks would resume next week."
    q = one(analyse(text, "en"), "talks")
    assert q["text"] == "that the talks would resume next week"


def test_en_asked_clause_is_a_report_of_its_own(analyse: Analyse) -> None:
    """PolNeAR: "Asked about X" is a cue with X as its content and no source; the main
    clause after the comma is what the speaker said."""
    text = "Asked later about the budget, the mayor said he had cut spending twice."
    quotes = analyse(text, "en")
    said = one(quotes, "spending")
    assert said["text"].startswith("he had cut") and speaker(said) == "the mayor"
    asked = one(quotes, "budget")
    assert "spending" not in asked["text"] and asked["speaker"] is None


def test_en_plural_role_is_not_the_last_person(analyse: Analyse) -> None:
    text = (
        'Prime Minister Ana Costa opened the summit. "We are united," she said. '
        "The leaders said they would meet again in spring."
    )
    q = one(analyse(text, "en"), "spring")
    assert speaker(q) == "The leaders" and resolved(q) is None


def test_quote_over_paragraphs_takes_the_speaker_named_at_its_end(analyse: Analyse) -> None:
    """German marks repeat the opening „ at each paragraph of one quotation; the speaker
    may be named only after the last one."""
    text = (
        "„Wir werden bei der Sanierung nicht nachgeben. Die Strecken sind alt.\n\n"
        "„Deshalb brauchen wir jetzt das Geld“, sagte Ministerin Karla Weber."
    )
    q = one(analyse(text), "Sanierung")
    assert speaker(q) == "Ministerin Karla Weber"


@pytest.mark.parametrize(
    ("text", "probe", "expected"),
    [
        # a compound ending in a role noun is a role phrase too
        (
            "Finanzministerin Karla Weber verteidigte den Etat. "
            "„Wer heute Schulden macht, belastet morgen die Kinder“, sagte die FDP-Vorsitzende.",
            "Schulden",
            ("die FDP-Vorsitzende", "Karla Weber"),
        ),
        # an indefinite role introduces somebody new: not the person named before
        (
            "Präsident Jan Nowak kündigte Gespräche an. "
            "Ein Regierungssprecher sagte, die Regierung hoffe auf eine enge Zusammenarbeit.",
            "Zusammenarbeit",
            ("Ein Regierungssprecher", None),
        ),
        # "der Sprecher des Kremls" is the person named after "Kremlsprecher", not the
        # person who spoke last
        (
            "Kremlsprecher Dmitri Peskow sagte, die Gespräche seien schwierig. Außenminister "
            "Igor Lenz erklärte, Moskau bleibe offen. "
            "Der Sprecher des Kremls fügte hinzu, man warte auf eine Antwort.",
            "Antwort",
            ("Der Sprecher des Kremls", "Dmitri Peskow"),
        ),
        # a role noun in the plural is a group: not the person named before
        (
            "Der Konzernchef Jan Berger stellte die Pläne vor. "
            "Experten sagten, die Preise für Strom würden im Winter steigen.",
            "Strom",
            ("Experten", None),
        ),
        # a compound role takes only the same compound: the FDP chair is not the Greens'
        # parliamentary chair named later
        (
            "Finanzminister Jonas Brandt verteidigte den Etat. Die Ausgaben müssten sinken, "
            "sagte der FDP-Vorsitzende. Die Grünen-Fraktionsvorsitzende Lena Vogt "
            "widersprach.",
            "Ausgaben",
            ("der FDP-Vorsitzende", "Jonas Brandt"),
        ),
    ],
)
def test_role_phrase_resolution(
    analyse: Analyse, text: str, probe: str, expected: tuple[str, str | None]
) -> None:
    q = one(analyse(text), probe)
    assert (speaker(q), resolved(q)) == expected


def test_role_phrase_passes_over_a_person_after_a_preposition(analyse: Analyse) -> None:
    text = (
        "„Wir bleiben neutral“, sagte Außenministerin Eva Lindqvist nach dem Treffen mit "
        "Piotr Nowak. Die Regierung werde Hilfe leisten, kündigte die Politikerin an."
    )
    entities = [
        {
            "id": f"e{k}",
            "name": name,
            "type": "PER",
            "mentions": [
                {"start": text.index(name), "end": text.index(name) + len(name), "kind": "name"}
            ],
        }
        for k, name in enumerate(("Eva Lindqvist", "Piotr Nowak"))
    ]
    q = one(analyse(text, entities=entities), "Hilfe")
    assert (speaker(q), resolved(q)) == ("die Politikerin", "Eva Lindqvist")


def test_name_in_the_genitive_owns_the_speaker(analyse: Analyse) -> None:
    """ "Sadris Berater": the advisers speak, not Sadri."""
    text = (
        "Karim Sadri bewarb sich um das Amt des Bürgermeisters. "
        "Sadris Berater sagten, auf dem Land sei die Zustimmung gewachsen."
    )
    q = one(analyse(text), "Zustimmung")
    assert speaker(q) == "Sadris Berater" and resolved(q) is None


def test_name_in_a_phrase_of_the_speaker_is_not_the_speaker(analyse: Analyse) -> None:
    """ "der Verein in Graz": Graz says nothing; the club is not named."""
    text = "Im Bus saßen auch zwei Ärzte aus der Stadt. Das bestätigte der Verein in Graz."
    q = one(analyse(text), "Ärzte")
    assert speaker(q) == "der Verein in Graz" and resolved(q) is None
