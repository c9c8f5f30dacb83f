"""Our HanTa searches (per word and per sentence) give exactly HanTa's own results."""

from __future__ import annotations

import pytest
from HanTa.HanoverTagger import HanoverTagger

from newsgraph.nlp import hanta
from newsgraph.nlp.hanta import MODEL, CachedHanoverTagger, load_tagger

# Hand-picked to reach every branch: lexicon words, long compounds, invented words, names,
# 1-3 letter words (HanTa guesses short morphemes only in short words), numbers as the
# German tagger feeds them ("1" for every digit), punctuation, the empty string.
WORDS = [
    "der",
    "und",
    "haus",
    "bundestagsabgeordneten",
    "klimaschutzvereinbarungen",
    "windkraftanlagenbetreiberin",
    "überraschenderweise",
    "pressesprecherin",
    "verhandlungsführer",
    "schnurzelbrumm",
    "quietschbunten",
    "xqzt",
    "xqz",
    "vfb",
    "bdi",
    "cvp",
    "eye",
    "zög",
    "blö",
    "qwa",
    "zq",
    "öl",
    "ab",
    "x",
    "merkel",
    "scholz",
    "dschidda",
    "1.111",
    "11.",
    "1",
    "-",
    '"',
    "...",
    "",
    "ging",
    "gegangen",
    "abgesagt",
    "verabschiedeten",
]


def words(text: str) -> list[str]:
    return text.split(" ")


SENTENCES = [
    ["Der", "Bundestag", "hat", "das", "Gesetz", "am", "Freitag", "verabschiedet", "."],
    ["Die", "Schnurzelbrumm-Werke", "melden", "1.111", "neue", "Stellen", '"', "."],
    ["Xqzt", "zq", "blorf", "Quietschbunten", "!"],
    ["Sie", "sagte", ",", "dass", "die", "Verhandlungen", "scheiterten", "..."],
    ["Ja"],
    # Long and ambiguous (die/der/das, sein/haben, -en forms): many states per word.
    words(
        "Die meisten der damals gegründeten Firmen haben sich seit den Wahlen an die neuen "
        "Regeln der Behörden gehalten , die sie aber nicht kennen wollten ."
    ),
    words(
        "Wir sehen , dass Laufen , Lesen und Singen den alten Leuten guttun , sagten die "
        "Forscher gestern in Mainz ."
    ),
    # Here a sixth-best state matters: a narrower beam would change the tags.
    words("Was die einen loben , kritisieren die anderen als zu teuer und zu spät ."),
]


@pytest.fixture(scope="module")
def ours() -> CachedHanoverTagger:
    return load_tagger()


@pytest.fixture(scope="module")
def theirs() -> HanoverTagger:
    return HanoverTagger(MODEL)


@pytest.mark.parametrize("word", WORDS)
def test_forward_is_hantas(ours: CachedHanoverTagger, theirs: HanoverTagger, word: str) -> None:
    got, want = ours.analyze_forward(word), theirs.analyze_forward(word)
    assert got == want
    assert [type(p) for _, p in got] == [type(p) for _, p in want]  # float vs numpy float


@pytest.mark.parametrize("word", WORDS)
def test_viterbi_is_hantas(ours: CachedHanoverTagger, theirs: HanoverTagger, word: str) -> None:
    candidates = {tag for tag, _ in theirs.analyze_forward(word)}
    # Also tags the word cannot take: HanTa then falls back to guessed morphemes or none.
    tags = candidates | {theirs.tag2int[t] for t in ("NN", "VV(FIN)", "ADJ(A)", "APPR", "$.")}
    for tag in sorted(tags):
        assert ours.analyze_viterbi(word, -tag) == theirs.analyze_viterbi(word, -tag), tag


@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentence_tags_are_hantas(
    ours: CachedHanoverTagger, theirs: HanoverTagger, sentence: list[str]
) -> None:
    for casesensitive in (True, False):
        got = ours.tag_sent_viterbi(sentence, casesensitive)
        assert got == theirs.tag_sent_viterbi(sentence, casesensitive)
    assert ours.tag_sent(sentence, taglevel=1) == theirs.tag_sent(sentence, taglevel=1)


def test_repeated_words_hit_the_memo_with_the_same_result(ours: CachedHanoverTagger) -> None:
    sentence = ["Die", "Windkraftanlagenbetreiberin", "klagt", "."]
    first = ours.tag_sent(sentence)
    assert ours.tag_sent(sentence) == first


def test_other_hanta_release_runs_hantas_own_search(
    ours: CachedHanoverTagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hanta, "version", lambda _name: "9.9")
    fallback = hanta.load_tagger()
    assert fallback._search is None and fallback._sentences is None
    sentence = ["Die", "Windkraftanlagenbetreiberin", "klagt", "."]
    assert fallback.tag_sent(sentence) == ours.tag_sent(sentence)


def test_own_search_on_request(ours: CachedHanoverTagger) -> None:
    plain = hanta.load_tagger(own_search=True)
    assert plain._search is None and plain._sentences is None
    sentence = ["Xqzt", "zq", "blorf", "Quietschbunten", "!"]
    assert plain.tag_sent(sentence) == ours.tag_sent(sentence)
