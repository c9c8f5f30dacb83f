"""Rules that combine the model's spans with the name lists: list types win, list hits fill
gaps, persons after forms of address, offices and first names, names with particles,
organisations by their head word, and joining names cut in two.

Spans are ``(start, end, label)`` token offsets; every rule takes a list and returns one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .gazetteer import TokenSpan
from .lexicon import Lexicon

MAX_NAME_TOKENS = 3


def overlaps(a: TokenSpan, b: TokenSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def words(doc: Doc, span: TokenSpan) -> tuple[str, ...]:
    return tuple(t.text for t in doc[span[0] : span[1]])


def _replace_inside(spans: list[TokenSpan], candidate: TokenSpan) -> list[TokenSpan]:
    """Put ``candidate`` in place of the spans lying inside it; keep all if one sticks out."""
    inside = [s for s in spans if overlaps(candidate, s)]
    if all(candidate[0] <= s[0] and s[1] <= candidate[1] for s in inside):
        return [s for s in spans if s not in inside] + [candidate]
    return spans


def relabel(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """A span that is exactly a listed name takes the list's type (the model mixes up
    ORG and LOC for countries and parties more often than the list is wrong)."""
    return [(s, e, lex.gazetteer.label(words(doc, (s, e, lab))) or lab) for s, e, lab in spans]


def split_listed(spans: list[TokenSpan], listed: list[TokenSpan]) -> list[TokenSpan]:
    """A span tiled by two or more listed places is that many places ("dass Peking Moskau
    hilft": subject and object, not one name). ``listed`` must be the plausible hits only:
    "David Martin" is tiled by two towns of the place list, but it is a person."""
    out: list[TokenSpan] = []
    for span in spans:
        parts = [m for m in listed if span[0] <= m[0] and m[1] <= span[1]]
        tiled = sum(m[1] - m[0] for m in parts) == span[1] - span[0]
        if len(parts) > 1 and tiled and all(m[2] in ("LOC", "GPE") for m in parts):
            out.extend(parts)
        else:
            out.append(span)
    return out


def plausible_listed(doc: Doc, listed: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """City-list hits that the tagger reads as a common noun are dropped ("Norden", "Hof"
    are towns somewhere, but in German text mostly the noun) unless a place preposition
    comes first ("in Witten"); country names always stay ("Polen" is tagged NN as the
    people, but is far more often the country)."""
    return [span for span in listed if _plausible(doc, span, lex)]


def _plausible(doc: Doc, span: TokenSpan, lex: Lexicon) -> bool:
    """Also: a town named like a person ("David", "Caroline", "Sophia" are towns somewhere)
    is a person's name unless a place preposition comes first."""
    start, end, label = span
    text = doc[start].text
    if (text,) in lex.gazetteer.curated:
        return True
    first_name = text in lex.first_names or text.removesuffix("s") in lex.first_names
    if end - start > 1 or label != "LOC" or (doc[start].tag_ != "NN" and not first_name):
        return True
    return start > 0 and doc[start - 1].text in lex.place_prepositions


def add_free(spans: list[TokenSpan], extra: list[TokenSpan]) -> list[TokenSpan]:
    """Add the extra spans that overlap none of the existing ones."""
    kept = list(spans)
    for span in extra:
        if not any(overlaps(span, s) for s in kept):
            kept.append(span)
    return kept


def listed_persons_win(spans: list[TokenSpan], listed: list[TokenSpan]) -> list[TokenSpan]:
    """A listed person of several words replaces person spans that end inside it: the model's
    "Kommissionspräsidentin Ursula" gives way to the listed "Ursula von der Leyen"."""
    kept = list(spans)
    for span in listed:
        if span[2] != "PER" or span[1] - span[0] < 2:
            continue
        hit = [s for s in kept if overlaps(span, s)]
        if hit and all(s[2] == "PER" and s[1] <= span[1] for s in hit):
            kept = [s for s in kept if s not in hit] + [span]
    return kept


def persons_after_cues(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "Frau Baerbock", "Kanzler Olaf Scholz": capitalised words after a cue are a person
    (and a span that starts with the cue loses it: "General Zhang" -> "Zhang")."""
    out = [_strip_cue(doc, s, lex) for s in spans]
    by_start = {s[0]: s for s in out}
    for token in doc[:-1]:
        if not lex.is_person_cue(token.text):
            continue
        name_end = _name_end(doc, token.i + 1, lex.person_cues)
        if name_end == token.i + 1:
            continue
        existing = by_start.get(token.i + 1)
        if existing is not None:
            if existing[2] != "PER" and lex.gazetteer.label(words(doc, existing)) is None:
                out[out.index(existing)] = (existing[0], existing[1], "PER")
            continue
        candidate = (token.i + 1, name_end, "PER")
        if lex.gazetteer.label(words(doc, candidate)) is None and not any(
            overlaps(candidate, s) for s in out
        ):
            out.append(candidate)
    return out


def _strip_cue(doc: Doc, span: TokenSpan, lex: Lexicon) -> TokenSpan:
    start, end, _ = span
    cue_first = end - start > 1 and lex.is_person_cue(doc[start].text)
    if cue_first and _name_end(doc, start + 1, lex.person_cues) == end:
        return (start + 1, end, "PER")
    return span


def _name_end(doc: Doc, start: int, stop_words: frozenset[str]) -> int:
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS:
        text = doc[end].text
        is_name = text[:1].isupper() and (text.isalpha() or "-" in text[1:])
        if not is_name or text in stop_words:
            break
        end += 1
    return end


_FIRST_NAME_TAGS = frozenset({"NE", "NN", "FM", "XY", "ADJA", "ADJD"})


def persons_from_first_names(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "<first name> <Capitalised>…" is a person; it replaces model spans lying inside it."""
    out = list(spans)
    for token in doc[:-1]:
        # "Sein", "Nur" are first names somewhere, but as a possessive or adverb no name.
        if token.text not in lex.first_names or token.tag_ not in _FIRST_NAME_TAGS:
            continue
        end = _name_end(doc, token.i + 1, frozenset())
        # A surname may be tagged NN (unknown to the tagger); a common noun after it ends
        # the name ("Matthew Williams Liebeskummer").
        end = next((k for k in range(token.i + 2, end) if doc[k].tag_ == "NN"), end)
        # A listed name after the surname is a new name ("Eva Kroll SPD", "Ali Eren Polen").
        end = next((k for k in range(token.i + 2, end) if _listed_word(doc[k], lex)), end)
        if end == token.i + 1 or lex.gazetteer.label(words(doc, (token.i + 1, end, ""))):
            continue
        out = _replace_inside(out, (token.i, end, "PER"))
    return out


def _listed_word(token: Token, lex: Lexicon) -> bool:
    return lex.gazetteer.label((token.text,)) in ("ORG", "LOC", "GPE")


def persons_with_particles(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "Heinrich von Miltitz", "Giacomo della Porta": a person, name particles, a proper
    noun — one person (the pieces may have come out as separate spans); not when an
    organisation follows ("Jana Roth von Ubisoft" is a person and her employer)."""
    out = sorted(spans)
    for i, (start, end, label) in enumerate(out):
        stop = _particle_name_end(doc, end, lex.name_particles) if label == "PER" else end
        if stop == end:
            continue
        swallowed = [s for s in out[i + 1 :] if s[0] < stop]
        if any(s[2] == "ORG" for s in swallowed) or _listed_org(doc, end, stop, lex):
            continue  # "Olaf Kramm von Fanuc Deutschland": a person of an organisation
        stop = max([stop, *(s[1] for s in swallowed)])
        out[i] = (start, stop, "PER")
        for s in swallowed:
            out.remove(s)
        return persons_with_particles(doc, out, lex)  # indices moved: start over
    return out


def _listed_org(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    names = [words(doc, (k, end, "")) for k in range(start, end)]
    return any(lex.gazetteer.label(n) == "ORG" for n in names)


def _particle_name_end(doc: Doc, end: int, particles: frozenset[str]) -> int:
    j = end
    while j < len(doc) and doc[j].text in particles:
        j += 1
    k = j
    while k < len(doc) and doc[k].tag_ == "NE" and doc[k].text[:1].isupper():
        k += 1
    return k if j > end and k > j else end


def organisations_by_head(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "<Name> Verlag", "Berliner Zeitung", "Deutsche Bank": a proper name or capitalised
    adjective before an organisation head word; the result replaces spans inside it."""
    out = list(spans)
    for token in doc[1:]:
        if token.text not in lex.org_heads and not _compound_head(doc, token, lex):
            continue
        start = token.i
        while start > 0 and _name_like(doc[start - 1]):
            start -= 1
        if start < token.i:
            out = _replace_inside(out, (start, _english_tail(doc, token.i + 1), "ORG"))
    return out


def _compound_head(doc: Doc, token: Token, lex: Lexicon) -> bool:
    """ "der Zentralen Militärkommission": a compound ending in an organisation word after an
    adjective that is capitalised inside the sentence — German writes adjectives in lower
    case unless they belong to a name."""
    if token.tag_ != "NN" or token.i < 2:
        return False
    before = doc[token.i - 1]
    if before.tag_ != "ADJA" or not before.text[:1].isupper() or before.is_sent_start:
        return False
    lower = token.text.lower()
    return any(
        form.endswith(lex.org_heads_lower) and form not in lex.org_heads_lower
        for form in (lower, lower.removesuffix("en"), lower.removesuffix("s"))
    )


_ENGLISH_LINKS = frozenset({"of", "for", "on", "and", "&"})


def _english_tail(doc: Doc, end: int) -> int:
    """ "Institute of Technology", "Council on Security and Development": an English name
    goes on past its head word through linking words and capitalised words."""
    stop = end
    while stop + 1 < len(doc) and doc[stop].text in _ENGLISH_LINKS:
        nxt = stop + 1
        while nxt < len(doc) and doc[nxt].text[:1].isupper() and doc[nxt].is_alpha:
            nxt += 1
        if nxt == stop + 1:
            break
        stop = nxt
    return stop


def federal_bodies(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """One-word federal institutions are organisations: "Bundesärztekammer",
    "Bundesjustizministerium", "Umweltbundesamt" (any "Bundes…" or "…bundes…" noun ending
    in an institution word)."""
    taken = {i for s, e, _ in spans for i in range(s, e)}
    out = list(spans)
    for token in doc:
        text = token.text
        federal = text.startswith(lex.federal_prefixes) or any(
            p.lower() in text[1:] for p in lex.federal_prefixes
        )
        body = federal and token.tag_ == "NN" and text.endswith(lex.institution_endings)
        if body and token.i not in taken and "-" not in text:
            out.append((token.i, token.i + 1, "ORG"))
    return out


def _name_like(token: Token) -> bool:
    return token.text[:1].isupper() and token.tag_ in ("NE", "ADJA", "FM", "XY")


def merge_adjacent_names(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """Touching spans made only of proper nouns are one name cut in two ("Cerro" +
    "Amarillo", "George" + "Carew"): join them; a leading first name makes a person, a
    trailing city an organisation. A name said twice in a row (a heading repeated), codes
    with digits, and a person before a country stay apart: "bat Dmytro Kuleba Österreich um
    Hilfe" names the country as the one asked."""
    out: list[TokenSpan] = []
    for span in sorted(spans):
        if (
            out
            and out[-1][1] == span[0]
            and _all_proper(doc, out[-1])
            and _all_proper(doc, span)
            and not (_listed(doc, out[-1], lex) and _listed(doc, span, lex))
            and not _coded(doc, out[-1])
            and not _coded(doc, span)
            and words(doc, out[-1]) != words(doc, span)
            and not (out[-1][2] == "PER" and span[2] == "GPE")
        ):
            out[-1] = (out[-1][0], span[1], _joined_type(doc, out[-1], span, lex))
        else:
            out.append(span)
    return out


def _coded(doc: Doc, span: TokenSpan) -> bool:
    """A road, line or model code ("A7 Ulm", "OKI MC873"): a number in it ends the name
    (traffic news write the road, then the town)."""
    return any(c.isdigit() for t in doc[span[0] : span[1]] for c in t.text)


def _joined_type(doc: Doc, first: TokenSpan, second: TokenSpan, lex: Lexicon) -> str:
    if doc[first[0]].text in lex.first_names:
        return "PER"
    if lex.gazetteer.label(words(doc, second)) == "LOC":
        return "ORG"  # "Bayer Leverkusen", "Inter Mailand": a club or firm named for its city
    if first[2] in ("LOC", "GPE"):
        return "ORG"  # "Stoke City", "New York Times": a place then a name is a club or firm
    return first[2]


def _listed(doc: Doc, span: TokenSpan, lex: Lexicon) -> bool:
    return lex.gazetteer.label(words(doc, span)) is not None


def _all_proper(doc: Doc, span: TokenSpan) -> bool:
    return all(t.tag_ == "NE" for t in doc[span[0] : span[1]])


def propagate(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """Within one article, a name found once is the same name everywhere: later "Merkel"
    after "Angela Merkel" is a person, and an untagged repeat of a tagged name is tagged.
    A listed name keeps its list type ("Heinrich von Braunschweig" leaves "Braunschweig" a
    place), and only a noun passes on as a surname (not "Graf", "Dem" or an OCR error)."""
    known: dict[tuple[str, ...], str] = {}
    for span in spans:
        known.setdefault(words(doc, span), span[2])
        last = doc[span[1] - 1]
        if span[2] == "PER" and span[1] - span[0] > 1 and _surname(last, lex):
            known.setdefault((last.text,), "PER")
    out = [
        (s, e, _known_label(doc[s].text, lab, known, lex) if e - s == 1 else lab)
        for s, e, lab in spans
    ]
    taken = {i for s, e, _ in out for i in range(s, e)}
    at: dict[str, list[int]] = {}
    for token in doc:
        if token.tag_ in _REPEAT_TAGS:
            at.setdefault(token.text, []).append(token.i)
    for key, label in known.items():
        size = len(key)
        for i in at.get(key[0], ()):
            free = not taken.intersection(range(i, i + size))
            if free and tuple(t.text for t in doc[i : i + size]) == key:
                out.append((i, i + size, label))
                taken.update(range(i, i + size))
    return out


# A repeat is a name only where the tagger allows one (not "Dem" as an article).
_REPEAT_TAGS = frozenset({"NE", "NN", "FM", "XY", "ADJA", "ADJD", ""})


def _surname(token: Token, lex: Lexicon) -> bool:
    # The tagger calls many unknown surnames NN; a cue ("Graf", "Erzherzog") is no surname.
    proper = token.tag_ in ("NE", "NN", "FM") and token.text[:1].isupper()
    return proper and not lex.is_person_cue(token.text)


def _known_label(word: str, label: str, known: dict[tuple[str, ...], str], lex: Lexicon) -> str:
    listed = lex.gazetteer.label((word,))
    return label if listed is not None else known.get((word,), label)


def acronyms_in_brackets(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "Internationale Atomenergieorganisation ( IAEA )": an acronym in brackets right
    after an organisation or place abbreviates it and takes its type (propagation then tags
    its repeats). After a person it is their party ("Merkel ( CDU )"): left alone."""
    by_end = {s[1]: s for s in spans if s[2] != "PER"}
    out = list(spans)
    for i in range(1, len(doc) - 2):
        named = by_end.get(i)
        if named is None or doc[i].text != "(" or doc[i + 2].text != ")":
            continue
        acronym = doc[i + 1].text
        if not _acronym(acronym) or lex.gazetteer.label((acronym,)) is not None:
            continue
        candidate = (i + 1, i + 2, named[2])
        out = [s for s in out if not overlaps(s, candidate)] + [candidate]
    return out


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters[:2]) and text[:1].isalpha()


def split_genitive_places(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "Oberster Gerichtshof Kanadas", "Einfluss Chinas": a place in the genitive ends a
    longer span but is a name of its own; the rest stays a name only if it is more than
    one common noun."""
    out: list[TokenSpan] = []
    for start, end, label in spans:
        last = doc[end - 1].text
        genitive = (
            end - start > 1
            and last.endswith("s")
            and lex.gazetteer.entries.get((last,)) is None
            and lex.gazetteer.label((last,)) in ("LOC", "GPE")
            and lex.gazetteer.label(words(doc, (start, end, label))) is None
        )
        if not genitive:
            out.append((start, end, label))
            continue
        out.append((end - 1, end, str(lex.gazetteer.label((last,)))))
        if end - start > 2 or doc[start].tag_ != "NN":
            out.append((start, end - 1, label))
    return out


_SAINT = frozenset({"St", "St.", "Sankt"})


def saints_places(doc: Doc, spans: list[TokenSpan]) -> list[TokenSpan]:
    """ "St. Peter", "Sankt Goar": a saint's name names a church or a town, one place
    (the abbreviation may come out as its own token: "St" "." "Peter")."""
    out = list(spans)
    for token in doc[:-1]:
        if token.text not in _SAINT:
            continue
        start = token.i + 1
        if token.text == "St" and doc[start].text == ".":
            start += 1
        end = _name_end(doc, start, frozenset())
        if end > start:
            candidate = (token.i, end, "LOC")
            out = [s for s in out if not overlaps(s, candidate)] + [candidate]
    return out


def named_model_spans(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """Keep a multi-word person or organisation from the model only if a proper noun is in
    it, it is listed, or it is an institution "für" something ("Bundesamt für Gesundheit"):
    adjective + noun spans ("Europäische Börsen", "Leeraner Bürger") describe, they do not
    name (on GermEval dev 14 such model spans were right, 37 wrong)."""
    return [span for span in spans if _named(doc, span, lex)]


def _named(doc: Doc, span: TokenSpan, lex: Lexicon) -> bool:
    start, end, label = span
    if end - start == 1 or label not in ("PER", "ORG"):
        return True
    tokens = doc[start:end]
    if any(t.tag_ == "NE" for t in tokens) or _listed(doc, span, lex):
        return True
    institution = _institution_word(tokens[-1].text, lex)
    return label == "ORG" and (institution or any(t.text == "für" for t in tokens))


_MORE_INSTITUTIONS = ("parlament", "fonds", "union", "gemeinschaft", "rundfunk", "partei")


def _institution_word(word: str, lex: Lexicon) -> bool:
    """ "Volkspartei", "Entwicklungsfonds", "Presseverbandes": a noun naming a kind of
    institution (in any case form), which an adjective before it turns into a name."""
    lower = word.lower()
    endings = (*lex.institution_endings, *_MORE_INSTITUTIONS, *lex.org_heads_lower)
    return any(form.endswith(endings) for form in (lower, lower[:-1], lower[:-2]))
