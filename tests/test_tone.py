"""Tone: lexicon polarity over news parts, flipped by negation; caption text does not count."""

from __future__ import annotations

import pytest

from newsgraph import analyze_doc
from newsgraph.model import Document


def _tone(text: str, lang: str = "de") -> dict[str, object]:
    doc: Document = analyze_doc(text, lang=lang, date="2024-05-02")
    assert doc.tone is not None
    return doc.tone


def test_conflict_news_reads_negative_and_cooperation_positive() -> None:
    war = _tone(
        "Bei dem Angriff wurden zwölf Menschen getötet. Die Regierung warnte vor einer Eskalation."
    )
    peace = _tone(
        "Beide Seiten begrüßten die Einigung. Der Durchbruch bringt Hoffnung auf Frieden."
    )
    assert float(war["score"]) < -0.5 and war["polarity"] == "negative"  # type: ignore[arg-type]
    assert float(peace["score"]) > 0.5 and peace["polarity"] == "positive"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierung unterstützt den Plan nicht.",
        "Es gab keine Einigung.",
    ],
)
def test_negation_flips_a_positive_word(text: str) -> None:
    assert float(_tone(text)["score"]) < 0  # type: ignore[arg-type]


def test_english_uses_its_own_lexicon() -> None:
    assert float(_tone("The attack killed four people, officials said.", "en")["score"]) < 0  # type: ignore[arg-type]


def test_goldstein_mean_ignores_negated_events() -> None:
    doc = analyze_doc(
        "Die Regierung verurteilte den Anschlag. China hat Russland nicht verurteilt.",
        lang="de",
        date="2024-05-02",
    )
    kept = [e["goldstein"] for e in doc.events if not e["negated"]]
    assert any(e["negated"] for e in doc.events) and kept
    assert doc.tone is not None and doc.tone["goldstein"] == round(sum(kept) / len(kept), 2)
