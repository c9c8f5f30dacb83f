"""Organisations recognised by the shape of German institution names, not by a list.

These conventions mark a name as an organisation whatever words it holds:

- a legal form at the end: "Verkehrsbetriebe Nordheide AG", "Saar-Elektro-AG",
  "Siedlungsgenossenschaft Lindenhof e.G." (the words before it may be common nouns);
- a kind of institution put first, then its place or namesake: "Universität Hamburg",
  "Technische Universität Dresden", "Realschule Spaichingen", "Stadtwerke Bochum";
- an institution "für" its field: "Bundesamt für Migration und Flüchtlinge",
  "Bayerisches Staatsministerium für Unterricht und Kultus";
- a club abbreviation first: "TSV Niederstaufen", "1. FC Köln", "SG 09 Kirchhain";
- a hyphenated compound of a person's name and an institution: "Max-Planck-Institut",
  "Otto-Hahn-Gymnasium", "Konrad-Adenauer-Stiftung".

These run after the filters (a hyphenated common noun is dropped there as "US-Präsident"),
and the span they find replaces the smaller spans inside it ("Hamburg" in "Universität
Hamburg" is part of the name).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .gazetteer import TokenSpan
from .lexicon import Lexicon
from .rules import _replace_inside

# Tags of the words a legal form's name may consist of ("Vereinigte Saar-Elektrizitäts AG").
_NAME_PART_TAGS = frozenset({"NE", "NN", "ADJA", "FM", "XY", "CARD", "TRUNC"})
_MAX_LEGAL_NAME = 4
_MAX_PLACE_TOKENS = 3


def organisations_by_shape(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    spans = legal_form_names(doc, spans, lex)
    spans = institutions_first(doc, spans, lex)
    spans = sports_clubs(doc, spans, lex)
    spans = institutions_for(doc, spans, lex)
    return named_institution_compounds(doc, spans, lex)


def legal_form_names(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "<words> AG", "<Name>-GmbH": a legal form ends an organisation's name."""
    out = list(spans)
    for token in doc:
        compound = "-" in token.text[1:] and token.text.rsplit("-", 1)[1] in lex.legal_forms
        form_end = token.i + 1 if compound else _legal_form_end(doc, token.i, lex)
        if form_end is None:
            continue
        start = token.i
        while start > 0 and token.i - start < _MAX_LEGAL_NAME and _name_part(doc[start - 1]):
            start -= 1
        start = _without_descriptor(doc, start, token.i, lex)
        if start < token.i or compound:
            out = _replace_inside(out, (start, form_end, "ORG"))
    return out


_MAX_FORM_PIECES = 4  # "S.p" "." "A." : a tokenizer may cut a legal form into pieces


def _legal_form_end(doc: Doc, i: int, lex: Lexicon) -> int | None:
    """End of a legal form starting at token ``i``, also one the tokenizer cut into pieces
    written without spaces ("e." "G.", "A" "/" "S"); None when none starts there."""
    text = ""
    found = None
    for k in range(i, min(len(doc), i + _MAX_FORM_PIECES)):
        text += doc[k].text
        if text in lex.legal_forms:
            found = k + 1
        if doc[k].whitespace_:
            break
    return found


def _without_descriptor(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """ "Unternehmen Apogenix AG", "Energieanbieter Uniper GmbH": a leading common noun
    describes the firm named after it; it belongs to the name only as a head-first
    institution ("Verkehrsbetriebe Nordheide AG") or when nothing else names it."""
    while (
        start < end - 1
        and doc[start].tag_ == "NN"
        and not institution_first(doc[start].text, lex)
        and any(t.tag_ != "NN" for t in doc[start + 1 : end])
    ):
        start += 1
    return start


def _name_part(token: Token) -> bool:
    text = token.text
    if text == "&" or (len(text) == 2 and text[1] == "." and text[0].isupper()):
        return True  # "Müller & Söhne GmbH", "A. Buschor AG"
    return text[:1].isupper() and token.tag_ in _NAME_PART_TAGS


def institutions_first(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "(Technische) Universität <place or name>", "Universität zu Köln"."""
    out = list(spans)
    for token in doc[:-1]:
        if token.tag_ != "NN" or not institution_first(token.text, lex):
            continue
        after = token.i + 1
        if doc[after].text == "zu" and after + 1 < len(doc):
            after += 1
        end = after
        while end < len(doc) and end - after < _MAX_PLACE_TOKENS and _place_or_name(doc[end], lex):
            end += 1
        if end == after:
            continue
        start = token.i
        if start > 0 and doc[start - 1].tag_ == "ADJA" and doc[start - 1].text[:1].isupper():
            start -= 1
        out = _replace_inside(out, (start, end, "ORG"))
    return out


def institution_first(word: str, lex: Lexicon) -> bool:
    """ "Universität", "Weingärtnergenossenschaft", "Klinikums": a head-first institution."""
    lower = word.lower()
    return any(form.endswith(lex.org_heads_first) for form in (lower, lower.removesuffix("s")))


def _place_or_name(token: Token, lex: Lexicon) -> bool:
    text = token.text
    if not text[:1].isupper() or text in lex.org_heads:
        return False
    return token.tag_ == "NE" or lex.gazetteer.label((text,)) in ("LOC", "GPE")


def named_institution_compounds(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "Max-Planck-Institut", "Otto-Hahn-Gymnasium": a person's name joined to an
    institution. Two-part compounds count only after a first name ("Goethe-Institut" is
    missed; "EU-Kommission" is a compound with an organisation inside, not a name)."""
    taken = {i for s, e, _ in spans for i in range(s, e)}
    out = list(spans)
    for token in doc:
        parts = token.text.split("-")
        if token.i in taken or len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            continue
        if len(parts) == 2 and parts[0] not in lex.first_names:
            continue
        head = parts[-1].lower()
        if not head.endswith((*lex.org_heads_first, *lex.org_heads_lower)):
            continue
        end = token.i + 1
        if head.endswith(lex.org_heads_first):  # "Ludwig-Maximilians-Universität München"
            while (
                end < len(doc)
                and end - token.i <= _MAX_PLACE_TOKENS
                and _place_or_name(doc[end], lex)
            ):
                end += 1
        out = _replace_inside(out, (token.i, end, "ORG"))
        taken.update(range(token.i, end))
    return out


def sports_clubs(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "FC Carl Zeiss Jena", "1. FC Nürnberg", "SV 07 Heddesheim": a club abbreviation,
    then a founding year or number and up to three name words."""
    out = list(spans)
    for token in doc[:-1]:
        if token.text not in lex.club_prefixes:
            continue
        end = token.i + 1
        if doc[end].is_digit and len(doc[end].text) in (2, 4):
            end += 1  # "SG 01 Höchst", "TSV 1860 München"
        first = end
        while end < len(doc) and end - first < _MAX_PLACE_TOKENS and _club_word(doc[end]):
            end += 1
        if end == first:
            continue
        start = token.i - _first_club_mark(doc, token.i)
        out = _replace_inside(out, (start, end, "ORG"))
    return out


def _first_club_mark(doc: Doc, i: int) -> int:
    """How many tokens before ``i`` spell "1." ("1. FC Köln": the first club of the town);
    a tokenizer may have cut it into "1" and a full stop."""
    if i > 0 and doc[i - 1].text in ("1.", "1"):
        return 1
    stop = i >= 2 and doc[i - 1].text == "." and doc[i - 2].text == "1"
    return 2 if stop and not doc[i - 2].whitespace_ else 0


def _club_word(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and token.tag_ in ("NE", "NN", "FM", "XY") and len(text) > 1


# "ein Institut für Krebsforschung" describes; "das Institut für …" names.
_INDEFINITE = frozenset({"ein", "eine", "einem", "einen", "einer", "eines", "kein", "keine"})
# Institutions that name their field after "für"; "Tag", "Bund", "Gemeinschaft" also
# start ordinary phrases ("Tag für Tag").
_FOR_HEADS = (
    "ministerium", "institut", "amt", "agentur", "zentrale", "anstalt", "behörde",
    "kommission", "verband", "stiftung", "hochschule", "universität", "akademie", "zentrum",
    "gesellschaft", "gemeinschaft", "gericht", "gerichtshof", "kammer", "rat", "komitee",
    "ausschuss",
)  # fmt: skip
_FIELD_LINKS = frozenset({"und", ",", "sowie"})
_MAX_FIELD = 6


def institutions_for(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "<institution> für <field> (und <field>)": the field is part of the name."""
    out = list(spans)
    for token in doc[:-2]:
        if doc[token.i + 1].text != "für" or not _institution_head(doc, token, lex):
            continue
        end = _field_end(doc, token.i + 2)
        if end == token.i + 2:
            continue
        start = token.i
        if start > 0 and doc[start - 1].tag_ == "ADJA" and doc[start - 1].text[:1].isupper():
            start -= 1  # "Deutsches Institut für Normung"
        out = _replace_inside(out, (start, end, "ORG"))
    return out


def _institution_head(doc: Doc, token: Token, lex: Lexicon) -> bool:
    text = token.text
    if token.tag_ != "NN" or not text[:1].isupper():
        return False
    if token.i > 0 and doc[token.i - 1].text.lower() in _INDEFINITE:
        return False
    lower = text.lower()
    ending = next((e for e in _FOR_HEADS if lower.endswith(e)), None)
    if ending is None:
        return False
    # A bare "Institut für …" may describe; a compound ("Bundesamt", "Staatsministerium") or
    # a capitalised adjective ("Deutsches Institut") makes it a name.
    before = doc[token.i - 1] if token.i > 0 else None
    named = before is not None and before.tag_ == "ADJA" and before.text[:1].isupper()
    return named or len(lower) > len(ending) + 2


def _field_end(doc: Doc, start: int) -> int:
    """End of "Migration und Flüchtlinge", "politische Bildung", "Bildungs- und Kulturarbeit":
    capitalised nouns (a lowercase adjective only before one), joined by "und" or commas."""
    end = start
    k = start
    while k < len(doc) and k - start < _MAX_FIELD:
        tag, text = doc[k].tag_, doc[k].text
        if tag == "ADJA" and k + 1 < len(doc) and doc[k + 1].tag_ == "NN":
            k += 1
            continue
        if tag in ("NN", "NE", "TRUNC") and text[:1].isupper():
            k += 1
            end = k
            continue
        if text in _FIELD_LINKS and end == k and k + 1 < len(doc):
            k += 1
            continue
        break
    return end
