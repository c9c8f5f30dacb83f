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
    runs = list(_untaken_runs(doc, taken, lex))
    typed = [(s, e, guess_type(doc[s:e], doc[s - 1] if s > 0 else None, lex)) for s, e in runs]
    for s, e, label in typed:
        if label is not None:
            taken.update(dict.fromkeys(range(s, e), label))
    typed = _type_by_coordination(doc, typed, taken)
    out = list(spans)
    for s, e, label in typed:
        final = "PER" if label is None and _person_context(doc, s, e) else label
        if final is not None:
            out.append((s, e, final))
    return out


def _untaken_runs(doc: Doc, taken: dict[int, str], lex: Lexicon) -> list[tuple[int, int]]:
    """Runs of capitalised NE tokens no span holds, without English function words or a
    leading title."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if doc[i].tag_ != "NE" or i in taken or not doc[i].text[:1].isupper():
            i += 1
            continue
        if lex.is_person_cue(doc[i].text):
            i += 1  # "Miss", "Kaiser" before a name: a title, not part of it
            continue
        end = i
        while end < len(doc) and doc[end].tag_ == "NE" and end not in taken:
            end += 1
        if not any(t.text.lower() in lex.english_function_words for t in doc[i:end]):
            runs.append((i, end))
        i = end
    return runs


def _type_by_coordination(
    doc: Doc, typed: list[tuple[int, int, str | None]], taken: dict[int, str]
) -> list[tuple[int, int, str | None]]:
    """Untyped runs in a list take a typed neighbour's type, passed along the whole list
    ("Tranomaro , Folakara , Antsirabe und Makay": one known place types them all)."""
    changed = True
    while changed:
        changed = False
        for k, (s, e, label) in enumerate(typed):
            found = None if label is not None else _coordinated_type(doc, s, e, taken)
            if found is not None:
                typed[k] = (s, e, found)
                taken.update(dict.fromkeys(range(s, e), found))
                changed = True
    return typed


# Tags before an untyped run that speak against a person: an opening quote or bracket
# ("„Insight“", "( Amiiformes )": titles, taxa, acronyms), a foreign word or a number
# ("of Room", "87 Yards"), an adjective ("im englischen Hatfield") or an article (people
# rarely take one in news German; "der Dax", "das Elsass", "den Hypothalamus" are terms,
# rivers and regions: on GermEval dev such runs were an organisation 9 times in 68).
_NOT_PERSON_BEFORE = frozenset({"$(", "FM", "CARD", "ADJA", "ART"})
_LONGEST_NAME_WORD = 13  # longer untyped words were never a person on GermEval dev
_CLOSING = frozenset({'"', "“", "”", "«", "»", "'", ")", "’"})


def _person_context(doc: Doc, start: int, end: int) -> bool:
    """Whether an NE run nothing typed may default to a person: not quoted, bracketed or
    after a word that rarely comes before a person's name (measured on GermEval dev)."""
    if start > 0 and doc[start - 1].tag_ in _NOT_PERSON_BEFORE:
        return False
    if start > 0 and doc[start - 1].text == ":":
        # "Bild : …", "Cameron : Brexit …": captions, headlines and list items; a person
        # there in 3 of 25 such runs on SmartData, 2 of 15 on Europeana. (Not after a full
        # stop: that is a sentence start, where GermEval has mostly persons.)
        return False
    if end - start == 1 and len(doc[start].text) > _LONGEST_NAME_WORD:
        return False  # "Schlusskursbasis": a long single word is a compound noun
    if end - start == 1 and doc[start].text.isupper():
        return False  # an abbreviation, not a person
    return not (end < len(doc) and doc[end].text in _CLOSING)


def names_after_type_cues(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "Dorf Weitingen", "Mobilfunkbetreiber E-Plus": a capitalised word right after a
    type cue is a name of that type even when the tagger calls it a common noun (a cue
    noun is rarely followed by another noun: German would make one compound of them)."""
    taken = {i for start, end, _ in spans for i in range(start, end)}
    out = list(spans)
    for token in doc[1:]:
        i = token.i
        word = token.text
        if i in taken or not word[:1].isupper() or token.tag_ not in ("NN", "NE", "FM"):
            continue
        label = cue_type(doc[i - 1].text, lex) if doc[i - 1].tag_ == "NN" else None
        if label is None or word in lex.not_names or lex.is_person_cue(word):
            continue
        out.append((i, i + 1, label))
        taken.add(i)
    return out


# Two-letter capitals ("KG", "EC", "GP", "BA") are abbreviations of anything; from three
# letters on an unknown acronym is mostly an organisation.
_SHORTEST_ACRONYM = 2
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
    cue = cue_type(before.text, lex) if before is not None else None
    return cue or _type_from_words(run, lex) or _type_from_context(before, lex)


def cue_type(word: str, lex: Lexicon) -> str | None:
    """The type a cue noun gives the name after it; a compound takes its head's cue
    ("Ölgesellschaft", "Rocksängerin", "Heimatstadt"). Short cues ("Ort", "Band") match
    only whole: as heads they end too many other words ("Sport", "Verband")."""
    if word in lex.type_cues:
        return lex.type_cues[word]
    if not word[:1].isupper():
        return None
    lower = word.lower()
    for size in range(len(lower) - 3, 4, -1):
        label = lex.type_cues_lower.get(lower[-size:])
        if label is not None:
            return label
    return None


def _type_from_words(run: Span, lex: Lexicon) -> str | None:
    """Acronyms and "<name> <city>" ("Bayer Leverkusen", "Inter Mailand": a club or firm
    named for its city) are organisations; place-name endings and compounds led by a
    listed place ("Moskau-Scheremetjewo") are places."""
    first, last = run[0].text, run[-1].text
    if len(run) == 1 and first.isupper() and len(first) > _SHORTEST_ACRONYM:
        return "ORG"
    if len(run) > 1 and lex.gazetteer.label((last,)) == "LOC":
        return "ORG"
    if last.endswith(lex.place_endings) or _place_prefix(first, lex):
        return "LOC"
    return None


def _type_from_context(before: Token | None, lex: Lexicon) -> str | None:
    """ "in X", "nach X" make a place."""
    if before is not None and before.text in lex.place_prepositions:
        return "LOC"
    return None


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
        if end - start == 1 and not _single_word_name(doc[start], label, lex):
            continue
        out.append((start, end, label))
    return out


def _single_word_name(token: Token, label: str, lex: Lexicon) -> bool:
    if token.tag_ not in _NAME_TAGS or token.text in lex.not_names:
        return False
    if token.text in lex.person_cues:
        return False  # "Bürgermeister", "Vizekanzler": an office, not the person
    if lex.gazetteer.label((token.text,)) is not None:
        return True
    if label in ("LOC", "GPE") and token.tag_ == "NN" and not _place_shaped(token.text, lex):
        return False  # "Männer", "Fabrik", "Süden": the model's common-noun places
    return not (_place_adjective(token.text, lex) or _name_compound(token))


def _place_shaped(word: str, lex: Lexicon) -> bool:
    """A place-name ending on a longer word ("Weinsberg", "Schulstraße", "Spiegelau")."""
    lower = word.lower()
    return any(
        lower.endswith(end) and len(lower) > len(end) + 2 for end in (*lex.place_endings, "straße")
    )


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
        if (first.isupper() or first.isdigit() or listed) and not _initial(doc, start, end):
            out.append((start, end, label))
    return sorted(out)


def _initial(doc: Doc, start: int, end: int) -> bool:
    """A lone letter ("B.", "I", "E") is an initial, a list mark or a grade, not a name."""
    return end - start == 1 and len(doc[start].text.rstrip(".")) <= 1


def trim_common_nouns(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """Cut a common noun off a span's start when proper nouns follow: "Rockband Fold
    Zandura" -> "Fold Zandura", "Berg Lusen" -> "Lusen" (organisation heads stay). The end
    stays: the tagger calls many unknown surnames NN."""
    out: list[TokenSpan] = []
    for start, end, label in spans:
        cut = (
            end - start > 1
            and _is_common(doc[start], lex)
            and (doc[start + 1].tag_ == "NE" or doc[start + 1].text in lex.first_names)
            and lex.gazetteer.label(words(doc, (start, end, label))) is None
        )
        if cut:  # "Amtsgericht Stockholm" -> "Stockholm": the list knows better now
            listed = lex.gazetteer.label(words(doc, (start + 1, end, label)))
            out.append((start + 1, end, listed or label))
        else:
            out.append((start, end, label))
    return out


def _is_common(token: Token, lex: Lexicon) -> bool:
    # The tagger calls unknown first names NN too ("Annalena").
    text = token.text
    return token.tag_ == "NN" and text not in lex.org_heads and text not in lex.first_names
