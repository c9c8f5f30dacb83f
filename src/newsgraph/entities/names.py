"""Proper nouns no other step typed, and filters for spans that are not names.

HanTa tags most names NE (STTS) whatever their type. A run of NE tokens that neither the
model nor a list claimed is still most likely a name; :func:`proper_noun_runs` types it
from its own words and the word before it. The filters then drop what GermEval and our
records do not count as names: function words, place adjectives ("Berliner"), compounds
with a name inside ("US-Präsident"), identifiers and units, spans across a line break.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .gazetteer import TokenSpan
from .lexicon import Lexicon
from .rules import words

# STTS tags a one-word name can carry; anything else (ADV, ART, KON …) is a function word.
_NAME_TAGS = frozenset({"", "NE", "NN", "FM", "XY", "ADJA", "ADJD", "CARD", "TRUNC"})


def proper_noun_runs(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    taken = {i: label for start, end, label in spans for i in range(start, end)}
    out = list(spans)
    i = 0
    while i < len(doc):
        if doc[i].tag_ != "NE" or i in taken or not doc[i].text[:1].isupper():
            i += 1
            continue
        end = i
        while end < len(doc) and doc[end].tag_ == "NE" and end not in taken:
            end += 1
        run = doc[i:end]
        if not any(t.text.lower() in lex.english_function_words for t in run):
            label = guess_type(run, doc[i - 1] if i > 0 else None, lex)
            label = label or _coordinated_type(doc, i, end, taken) or "PER"
            out.append((i, end, label))
            taken.update(dict.fromkeys(range(i, end), label))
        i = end
    return out


_COORDINATORS = frozenset({",", "und", "oder", "sowie", "/"})


def _coordinated_type(doc: Doc, start: int, end: int, taken: dict[int, str]) -> str | None:
    """ "Hokkala, Kumpula und Pölkki": in a list, an unknown name takes its neighbour's type."""
    if start >= 2 and doc[start - 1].text in _COORDINATORS and start - 2 in taken:
        return taken[start - 2]
    if end + 1 < len(doc) and doc[end].text in _COORDINATORS and end + 1 in taken:
        return taken[end + 1]
    return None


def guess_type(run: Span, before: Token | None, lex: Lexicon) -> str | None:
    """The type the run's own words or the word before it speak for; None when nothing
    does. A first name or a type cue ("Stadt", "Konzern") decides first."""
    if run[0].text in lex.first_names:
        return "PER"
    if before is not None and before.text in lex.type_cues:
        return lex.type_cues[before.text]
    return _type_from_words(run, lex) or _type_from_context(before, lex)


def _type_from_words(run: Span, lex: Lexicon) -> str | None:
    """Acronyms and "<name> <city>" ("Bayer Leverkusen", "Inter Mailand": a club or firm
    named for its city) are organisations; place-name endings and compounds led by a
    listed place ("Moskau-Scheremetjewo") are places."""
    first, last = run[0].text, run[-1].text
    if len(run) == 1 and first.isupper() and len(first) > 1:
        return "ORG"
    if len(run) > 1 and lex.gazetteer.label((last,)) == "LOC":
        return "ORG"
    if last.endswith(lex.place_endings) or _place_prefix(first, lex):
        return "LOC"
    return None


def _type_from_context(before: Token | None, lex: Lexicon) -> str | None:
    """ "in X", "nach X" make a place; an article an organisation (people rarely take one in
    news German)."""
    if before is None:
        return None
    if before.text in lex.place_prepositions:
        return "LOC"
    return "ORG" if before.tag_ == "ART" else None


def _place_prefix(word: str, lex: Lexicon) -> bool:
    """ "Moskau-Scheremetjewo", "Darmstadt/Berlin": a compound led by a listed place."""
    for sep in ("-", "/"):
        if sep in word[1:]:
            return lex.gazetteer.label((word.split(sep, 1)[0],)) in ("LOC", "GPE")
    return False


def drop_non_names(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """Drop one-word spans that are function words ("Dabei"), place adjectives ("Berliner",
    "Wiener"), compounds with a name inside ("US-Präsident", "FDP-Chef") or listed
    non-names ("ISBN"): GermEval and our records count none of them as names."""
    out: list[TokenSpan] = []
    for start, end, label in spans:
        if end - start == 1 and not _single_word_name(doc[start], lex):
            continue
        out.append((start, end, label))
    return out


def _single_word_name(token: Token, lex: Lexicon) -> bool:
    if token.tag_ not in _NAME_TAGS or token.text in lex.not_names:
        return False
    if lex.gazetteer.label((token.text,)) is not None:
        return True
    return not (_place_adjective(token.text, lex) or _name_compound(token))


def _name_compound(token: Token) -> bool:
    """A hyphenated common noun: "US-Präsident" (NN), unlike "Baden-Baden" (NE)."""
    head = token.text.rsplit("-", 1)[-1]
    return "-" in token.text[1:] and token.tag_ == "NN" and head[:1].isupper() and len(head) > 2


def _place_adjective(word: str, lex: Lexicon) -> bool:
    if not word.endswith("er"):
        return False
    stems = (word[:-2], word[:-3], word[:-2] + "en", word[:-3] + "en")
    return any(lex.gazetteer.label((stem,)) in ("LOC", "GPE") for stem in stems if len(stem) > 2)


def clean(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """Drop spans that cross a line break or start with a lowercase word (unless listed)."""
    out: list[TokenSpan] = []
    for start, end, label in spans:
        tokens = doc[start:end]
        if any(t.is_space or "\n" in t.text for t in tokens):
            continue
        first = tokens[0].text[:1]
        listed = lex.gazetteer.label(words(doc, (start, end, label))) is not None
        if first.isupper() or first.isdigit() or listed:
            out.append((start, end, label))
    return sorted(out)


def trim_common_nouns(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """Cut a common noun off a span's start when proper nouns follow: "Rockband Fold
    Zandura" -> "Fold Zandura", "Berg Lusen" -> "Lusen" (organisation heads stay). The end
    stays: the tagger calls many unknown surnames NN."""
    out: list[TokenSpan] = []
    for start, end, label in spans:
        cut = (
            end - start > 1
            and _is_common(doc[start], lex)
            and doc[start + 1].tag_ == "NE"
            and lex.gazetteer.label(words(doc, (start, end, label))) is None
        )
        out.append((start + 1 if cut else start, end, label))
    return out


def _is_common(token: Token, lex: Lexicon) -> bool:
    # The tagger calls unknown first names NN too ("Annalena").
    text = token.text
    return token.tag_ == "NN" and text not in lex.org_heads and text not in lex.first_names
