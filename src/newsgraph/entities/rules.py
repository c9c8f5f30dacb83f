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
    hilft": subject and object, not one name)."""
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
    start, end, label = span
    if end - start > 1 or label != "LOC" or doc[start].tag_ != "NN":
        return True
    return start > 0 and doc[start - 1].text in lex.place_prepositions


def add_free(spans: list[TokenSpan], extra: list[TokenSpan]) -> list[TokenSpan]:
    """Add the extra spans that overlap none of the existing ones."""
    kept = list(spans)
    for span in extra:
        if not any(overlaps(span, s) for s in kept):
            kept.append(span)
    return kept


def persons_after_cues(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "Frau Baerbock", "Kanzler Olaf Scholz": capitalised words after a cue are a person
    (and a span that starts with the cue loses it: "General Zhang" -> "Zhang")."""
    out = [_strip_cue(doc, s, lex) for s in spans]
    by_start = {s[0]: s for s in out}
    for token in doc[:-1]:
        if token.text not in lex.person_cues:
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
    cue_first = end - start > 1 and doc[start].text in lex.person_cues
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


def persons_from_first_names(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "<first name> <Capitalised>…" is a person; it replaces model spans lying inside it."""
    out = list(spans)
    for token in doc[:-1]:
        if token.text not in lex.first_names:
            continue
        end = _name_end(doc, token.i + 1, frozenset())
        if end == token.i + 1 or lex.gazetteer.label(words(doc, (token.i + 1, end, ""))):
            continue
        out = _replace_inside(out, (token.i, end, "PER"))
    return out


def persons_with_particles(doc: Doc, spans: list[TokenSpan], lex: Lexicon) -> list[TokenSpan]:
    """ "Heinrich von Miltitz", "Giacomo della Porta": a person, name particles, a proper
    noun — one person (the pieces may have come out as separate spans)."""
    out = sorted(spans)
    for i, (start, end, label) in enumerate(out):
        stop = _particle_name_end(doc, end, lex.name_particles) if label == "PER" else end
        if stop == end:
            continue
        swallowed = [s for s in out[i + 1 :] if s[0] < stop]
        stop = max([stop, *(s[1] for s in swallowed)])
        out[i] = (start, stop, "PER")
        for s in swallowed:
            out.remove(s)
        return persons_with_particles(doc, out, lex)  # indices moved: start over
    return out


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
        if token.text not in lex.org_heads:
            continue
        start = token.i
        while start > 0 and _name_like(doc[start - 1]):
            start -= 1
        if start < token.i:
            out = _replace_inside(out, (start, token.i + 1, "ORG"))
    return out


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
    trailing city an organisation."""
    out: list[TokenSpan] = []
    for span in sorted(spans):
        if (
            out
            and out[-1][1] == span[0]
            and _all_proper(doc, out[-1])
            and _all_proper(doc, span)
            and not (_listed(doc, out[-1], lex) and _listed(doc, span, lex))
        ):
            out[-1] = (out[-1][0], span[1], _joined_type(doc, out[-1], span, lex))
        else:
            out.append(span)
    return out


def _joined_type(doc: Doc, first: TokenSpan, second: TokenSpan, lex: Lexicon) -> str:
    if doc[first[0]].text in lex.first_names:
        return "PER"
    if lex.gazetteer.label(words(doc, second)) == "LOC":
        return "ORG"  # "Bayer Leverkusen", "Inter Mailand": a club or firm named for its city
    return first[2]


def _listed(doc: Doc, span: TokenSpan, lex: Lexicon) -> bool:
    return lex.gazetteer.label(words(doc, span)) is not None


def _all_proper(doc: Doc, span: TokenSpan) -> bool:
    return all(t.tag_ == "NE" for t in doc[span[0] : span[1]])


def propagate(doc: Doc, spans: list[TokenSpan]) -> list[TokenSpan]:
    """Within one article, a name found once is the same name everywhere: later "Merkel"
    after "Angela Merkel" is a person, and an untagged repeat of a tagged name is tagged."""
    known: dict[tuple[str, ...], str] = {}
    for span in spans:
        known.setdefault(words(doc, span), span[2])
        if span[2] == "PER" and span[1] - span[0] > 1:
            known.setdefault((doc[span[1] - 1].text,), "PER")
    out = [
        (s, e, known.get(words(doc, (s, e, lab)), lab) if e - s == 1 else lab)
        for s, e, lab in spans
    ]
    taken = {i for s, e, _ in out for i in range(s, e)}
    at: dict[str, list[int]] = {}
    for token in doc:
        at.setdefault(token.text, []).append(token.i)
    for key, label in known.items():
        size = len(key)
        for i in at.get(key[0], ()):
            free = not taken.intersection(range(i, i + size))
            if free and tuple(t.text for t in doc[i : i + size]) == key:
                out.append((i, i + size, label))
                taken.update(range(i, i + size))
    return out
