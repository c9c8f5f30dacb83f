"""Clause structure, noun phrases, roles and actor codes on hand-tagged STTS tokens (no tagger)."""

from __future__ import annotations

import pytest

from newsgraph.events.actors import ActorResolver, Word
from newsgraph.events.arguments import subject
from newsgraph.events.clauses import Clause, Tok, clauses


def toks(tagged: str) -> list[Tok]:
    """ "Die/ART/der G7/NE forderten/VVFIN/fordern ..." -> tokens with offsets."""
    out, offset = [], 0
    for i, item in enumerate(tagged.split()):
        text, tag, *lemma = item.split("/")
        out.append(Tok(i, text, lemma[0] if lemma else text, tag, offset, offset + len(text)))
        offset += len(text) + 1
    return out


def texts(clause: Clause) -> list[str]:
    return [" ".join(t.text for t in np.toks) for np in clause.nps]


def test_separable_verb_clause_and_infinitive() -> None:
    found = clauses(
        toks(
            "Die/ART G7/NE forderten/VVFIN/fordern China/NE am/APPRART Mittwoch/NN auf/PTKVZ ,/$, "
            "Russland/NE nicht/PTKNEG zu/PTKZU unterstützen/VVINF ./$."
        )
    )
    assert [c.kind for c in found] == ["main", "inf"]
    main = found[0]
    assert main.particle() is not None and main.particle().text == "auf"
    assert texts(main) == ["Die G7", "China", "Mittwoch"]
    assert main.nps[2].prep is not None
    subj = subject(main, None)
    assert subj is not None and subj.first.text == "Die"


def test_inverted_subject_after_prepositional_vorfeld() -> None:
    (clause,) = clauses(
        toks(
            "Im/APPRART Rahmen/NN eines/ART Treffens/NN kritisiert/VVFIN der/ART russische/ADJA "
            "Präsident/NN Nato/NE und/KON USA/NE ./$."
        ),
        frozenset({"nato", "usa"}),
    )
    assert texts(clause) == ["Rahmen", "eines Treffens", "der russische Präsident", "Nato", "USA"]
    assert clause.nps[1].genitive_of is clause.nps[0]
    assert clause.nps[4].after_and
    subj = subject(clause, None)
    assert subj is not None and subj.head.text == "Präsident"


def test_relative_clause_subject_is_antecedent() -> None:
    found = clauses(
        toks(
            "sagte/VVFIN Putin/NE ,/$, der/PRELS am/APPRART Mittwoch/NN den/ART General/NN "
            "Zhang/NE empfing/VVFIN ./$."
        )
    )
    assert [c.kind for c in found] == ["main", "rel"]
    subj = subject(found[1], found[0])
    assert subj is not None and subj.head.text == "Putin"


def test_verbless_piece_joins_previous_clause() -> None:
    found = clauses(
        toks(
            "Die/ART Partei/NN hatte/VAFIN zu/APPR einer/ART Demonstration/NN aufgerufen/VVPP ,/$, "
            "einer/ART der/ART größten/ADJA ,/$, aufgerufen/VVPP ./$."
        )
    )
    assert len(found) == 1


def test_coordinated_main_clauses_split() -> None:
    found = clauses(
        toks(
            "Die/ART Demonstranten/NN besetzten/VVFIN das/ART Parlament/NN und/KON "
            "forderten/VVFIN Neuwahlen/NN ./$."
        )
    )
    assert len(found) == 2 and found[1].joined
    assert subject(found[1], found[0]) is None  # shares the subject before "und"


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("der/ART russische/ADJA/russisch Präsident/NN", "RUSGOV"),
        ("dem/ART chinesischen/ADJA/chinesisch General/NN", "CHNMIL"),
        ("Die/ART G7/NE", "IGOGOS"),
        ("die/ART Nato/NE", "IGOWSTNAT"),
        ("Russlands/NE Verteidigungsminister/NN", "RUSGOV"),
        ("Peking/NE", "CHN"),
        ("der/ART Vereinigten/ADJA Staaten/NN", "USA"),
        ("die/ART Polizei/NN", "COP"),
        ("Frankreich/NE", "FRA"),
        ("das/ART Wetter/NN", None),
    ],
)
def test_actor_codes(resolver: ActorResolver, words: str, code: str | None) -> None:
    parsed = [Word(t.text, t.lemma, t.tag) for t in toks(words)]
    assert resolver.resolve(parsed) == code


def test_person_code_depends_on_date(resolver: ActorResolver) -> None:
    putin = [Word("Wladimir", "Wladimir", "NE"), Word("Putin", "Putin", "NE")]
    assert resolver.resolve(putin, "2023-11") == "RUSGOV"
    assert resolver.resolve(putin, "1995-01-01") == "RUSELI"


def test_apposition_is_split_off_and_linked() -> None:
    (clause,) = clauses(
        toks(
            "Der/ART Chef/NN der/ART Partei/NN ,/$, Hans/NE Muster/NE ,/$, "
            "trat/VVFIN/treten zurück/PTKVZ ./$."
        )
    )
    assert texts(clause) == ["Der Chef", "der Partei", "Hans Muster"]
    chef, _, name = clause.nps
    assert chef.apposition is name and name.apposition_of is chef
    assert subject(clause, None) is chef


def test_dash_clause_and_als_conjunction() -> None:
    found = clauses(
        toks(
            "Es/PPER eskalierte/VVFIN ,/$, als/APPR Arbeiter/NN –/$( nachdem/KOUS sie/PPER "
            "streikten/VVFIN –/$( das/ART Rathaus/NN besetzten/VVFIN ./$."
        )
    )
    assert [c.kind for c in found] == ["main", "sub", "sub"]
    assert texts(found[1]) == ["Arbeiter", "das Rathaus"]
    assert subject(found[1], found[0]) is found[1].nps[0]


def test_igo_compound_code(resolver: ActorResolver) -> None:
    assert resolver.resolve([Word("EU-Kommissar", "EU-Kommissar", "NN")]) == "IGOEUREEC"
