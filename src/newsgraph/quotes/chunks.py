"""Noun phrases from POS tags alone (we have no German parser): the speaker's mention.

An NP here is ``[det] [adj|num]* head+`` with up to four attachments that the quotation
corpus counts as part of a speaker: a genitive ("der Sprecher *des Kremls*", "Angaben
*örtlicher Behörden*"), a "von/aus" phrase ("Oberst X *vom Landeskriminalamt*"), before
the verb also an "in/für/bei" phrase ("die Behörde *in Bonn*"), after it only "in" + a
place name after an institution ("ein Sprecher des Amts *in Kiel*"); then a name or role in
apposition ("ein Sprecher der Feuerwehr*, Timo Kersten*") and a second NP coordinated ("X
*sowie Y*"). A name in quotation marks is a head ("die Zeitung *„Die Welt“*"), a name's
genitive an article ("*Berlins* Bürgermeister"). Indices are positions in a list of tokens
(one unit). The conventions were counted on the corpus' train split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class TagSet:
    det: frozenset[str]
    mod: frozenset[str]
    head: frozenset[str]
    name: frozenset[str]
    pron: frozenset[str]
    genitive: frozenset[str]  # words that open an attached genitive NP
    attach: frozenset[str]  # prepositions whose phrase stays inside a speaker NP
    left_attach: frozenset[str]  # those that do so only before the verb (not places)
    # those that do so after the verb only without an article: "der Chef der Bundesagentur
    # *für Arbeit*" (a name), but "warb Obama *für die Annahme*" (the verb's object)
    bare_attach: frozenset[str] = frozenset()
    titles: bool = False  # names in quotation marks are NP heads („Der Spiegel“)


STTS = TagSet(
    det=frozenset({"ART", "PDAT", "PIAT", "PPOSAT", "PIDAT"}),
    mod=frozenset({"ADJA", "ADJD", "CARD"}),
    head=frozenset({"NN", "NE", "FM"}),
    name=frozenset({"NE", "FM"}),
    pron=frozenset({"PPER"}),
    # after a noun these open its genitive: "Angaben *seines* Anwalts", "Meinung *vieler* X"
    genitive=frozenset(
        {"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "dieses"}
        | {"dieser", "vieler", "mehrerer", "zahlreicher", "einiger", "beider"}
    ),
    attach=frozenset({"von", "vom", "aus"}),
    # "die Organisation *in Bonn* erklärte", "der Minister *für Arbeit* sagte"
    left_attach=frozenset({"in", "im", "für", "bei", "beim"}),
    bare_attach=frozenset({"für"}),
    titles=True,
)
PTB = TagSet(
    det=frozenset({"DT", "PRP$", "PDT"}),
    mod=frozenset({"JJ", "JJR", "JJS", "CD", "NNP", "NN"}),
    head=frozenset({"NN", "NNS", "NNP", "NNPS"}),
    name=frozenset({"NNP", "NNPS"}),
    pron=frozenset({"PRP"}),
    genitive=frozenset({"of"}),
    attach=frozenset({"for", "at"}),
    left_attach=frozenset({"in"}),
)


def tagset(lang: str) -> TagSet:
    return PTB if lang == "en" else STTS


def _core(toks: Sequence[Token], i: int, ts: TagSet) -> int | None:
    n = len(toks)
    if i >= n:
        return None
    if toks[i].tag_ in ts.pron or (toks[i].tag_ == "PDS" and toks[i].text.lower() in _THIS_ONE):
        return i + 1  # "er", "*Dieser* bestätigte"
    if toks[i].tag_ == "PIS" and i + 1 < n and toks[i + 1].text.lower() in ts.genitive:
        return _core(toks, i + 1, ts)  # "Einer der beteiligten Feuerwehrmänner"
    j = i + 1 if toks[i].tag_ in ts.det or _saxon_genitive(toks, i, ts) else i
    if j > i and j < n and toks[i].tag_ in ("ART", "PPOSAT") and toks[j].tag_ in _QUANTIFIERS:
        j += 1  # "die *beiden* Sängerinnen", "seine *vielen* Anhänger": still one NP
    if ts.titles and toks[i].tag_ == "ART":
        j = _extended_attribute(toks, j)
    while (
        j < n
        and (toks[j].tag_ in ts.mod or toks[j].tag_ == "TRUNC")
        and toks[j].tag_ not in ts.head
    ):
        j += 1
        if _joins_adjectives(toks, j):
            j += 1  # "arabische *und* iranische Medien": one NP
    if ts.titles and (title := _title_np(toks, i, j)) is not None:
        return title
    end = _heads(toks, j, ts)
    if end is not None and end < n and toks[end].tag_ == "POS":
        return _core(toks, end + 1, ts)  # English possessive: "the minister's aide"
    return end


_QUANTIFIERS = frozenset({"PIAT", "PIDAT"})

# inside an extended attribute, before its participle: "die *in Hamburg* geborene X"
_ATTRIBUTE_INNER = frozenset({"APPR", "APPRART", "ART", "NN", "NE", "ADJA", "ADJD", "ADV", "CARD"})
_ATTRIBUTE_WORDS = 6
_AFTER_ATTRIBUTE = frozenset({"NN", "NE", "ADJA"})


def _extended_attribute(toks: Sequence[Token], j: int) -> int:
    """ "der *für die Region* zuständige Koordinator", "die *in Hamburg* geborene X": a
    phrase that opens with a preposition between the article and an adjective is that
    adjective's; the NP goes on after it. Returns where the adjectives start, else ``j``."""
    if j >= len(toks) or toks[j].tag_ not in ("APPR", "APPRART"):
        return j
    for k in range(j + 2, min(len(toks) - 1, j + _ATTRIBUTE_WORDS + 1)):
        tag = toks[k].tag_
        nominal = toks[k - 1].tag_ in ("NN", "NE") and toks[k + 1].tag_ in _AFTER_ATTRIBUTE
        if tag == "ADJA" and nominal:
            return k
        if tag not in _ATTRIBUTE_INNER:
            return j
    return j


def _title_np(toks: Sequence[Token], i: int, j: int) -> int | None:
    """ "die „Süddeutsche Zeitung“" after an article (at ``j``), or "„Radio Nord“ meldete"."""
    return title_end(toks, j) if j > i else _bare_title(toks, i)


def _bare_title(toks: Sequence[Token], i: int) -> int | None:
    """A name alone in marks, without an article, as the subject before its verb: only
    names, so that a quoted phrase („Sturm im Wasserglas“) is no NP, and no name given
    ("auch „Nordlicht“ *genannt*")."""
    end = title_end(toks, i)
    if end is None or not all(t.tag_ in ("NE", "FM") for t in toks[i + 1 : end - 1]):
        return None
    return end if end < len(toks) and toks[end].tag_.endswith("FIN") else None


def _saxon_genitive(toks: Sequence[Token], i: int, ts: TagSet) -> bool:
    """ "*Berlins* Finanzsenator X", "*McCains* Kampagne": a name's genitive as article."""
    return (
        ts.titles
        and toks[i].tag_ == "NE"
        and toks[i].text.endswith("s")
        and i + 1 < len(toks)
        and toks[i + 1].tag_ in ("ADJA", "NN")
    )


def _joins_adjectives(toks: Sequence[Token], j: int) -> bool:
    """ "arabische *und* iranische Medien", "Journalistinnen- *und* Journalisten-Union"."""
    return (
        j + 1 < len(toks)
        and toks[j].text in _AND
        and toks[j - 1].tag_ in ("ADJA", "JJ", "TRUNC")
        and (toks[j + 1].tag_ == toks[j - 1].tag_ or toks[j - 1].tag_ == "TRUNC")
    )


def _heads(toks: Sequence[Token], j: int, ts: TagSet) -> int | None:
    """End of the head nouns from ``j`` (and of a title in marks after them)."""
    if j >= len(toks) or toks[j].tag_ not in ts.head:
        return None
    first = j
    while j < len(toks) and (toks[j].tag_ in ts.head or _name_adjective(toks, j, ts)):
        j += 1
    j = _uncoordinate(toks, first, j, ts)
    if not ts.titles or toks[j - 1].tag_ in ts.name:
        return j  # "sagte Schröder „Nein“": after a name, marks hold words
    return title_end(toks, j) or j  # "die Zeitung „Yemen Observer“"


def _name_adjective(toks: Sequence[Token], j: int, ts: TagSet) -> bool:
    """ "Bundesverband *Deutsche* Bäcker": after a noun, an adjective in capitals before
    another noun is a word of a name (German adjectives are written small)."""
    return (
        ts.titles
        and toks[j].tag_ == "ADJA"
        and toks[j].text[:1].isupper()
        and toks[j - 1].tag_ in ts.head
        and j + 1 < len(toks)
        and toks[j + 1].tag_ in ts.head
    )


# Genitive and "von" phrases a speaker NP may hold: "Angaben des Leiters der Sektion von X".
_ATTACHMENTS = 4
_AND = frozenset({"und", "sowie", "and"})
_THIS_ONE = frozenset({"dieser", "diese", "jener", "jene", "letzterer", "letztere"})
_NP_REACH = 24  # words back from its end to where a speaker NP may start
_OPENING = frozenset('„»«"“') | {"''"}  # '' for “ in some texts
_CLOSING = frozenset('“”"«»') | {"''"}
_TITLE_WORDS = 5


def title_end(toks: Sequence[Token], j: int) -> int | None:
    """End of a name in quotation marks at ``j`` („Der Spiegel“), else None.

    Newspapers, organisations and works are named in quotation marks; a speaker NP
    holds them: "das Magazin „Der Spiegel“".
    """
    if j >= len(toks) or toks[j].text not in _OPENING:
        return None
    for k in range(j + 1, min(len(toks), j + _TITLE_WORDS + 2)):
        if toks[k].text in _CLOSING:
            return k + 1 if k > j + 1 and _capital(toks[j + 1]) else None
        # "Reporter *ohne* Grenzen", "Bild *am* Sonntag": small words inside a name
        if not (_capital(toks[k]) or toks[k].text == "-" or toks[k].tag_ in _TITLE_GLUE):
            return None
    return None


_TITLE_GLUE = frozenset({"APPR", "APPRART", "ART", "KON"})


def _capital(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _uncoordinate(toks: Sequence[Token], first: int, end: int, ts: TagSet) -> int:
    """ "der Präsident Nato und USA": names coordinated after a noun are its object."""
    if end + 1 >= len(toks) or toks[end].text not in ("und", "and", "or", "oder"):
        return end
    if toks[end + 1].tag_ not in ts.name:
        return end  # "Eva Roth sowie der Bürgermeister": two speakers
    for k in range(first + 1, end):
        if toks[k].tag_ in ts.name and toks[k - 1].tag_ not in ts.name:
            return k
    return end


def _parenthesis(toks: Sequence[Token], end: int) -> int:
    """ "Matthias Berninger (Grüne)": a short parenthesis stays with its NP."""
    if end < len(toks) and toks[end].text == "(":
        for k in range(end + 1, min(len(toks), end + 5)):
            if toks[k].text == ")":
                return k + 1
    return end


def np_end(
    toks: Sequence[Token], i: int, ts: TagSet, appositions: bool = True, left: bool = False
) -> int | None:
    """End (exclusive) of the NP that starts at ``i``, or None when none starts there.

    ``left``: the NP stands before its verb, where "in" phrases also belong to it ("ein
    Regierungssprecher in Berlin sagte"); after the verb they are the place of speaking.
    ``appositions``: the NP is a whole speaker, with a name or role in apposition and a
    second NP coordinated ("X sowie Y").
    """
    end = _core(toks, i, ts)
    if end is None or toks[i].tag_ in ts.pron or toks[i].tag_ == "PDS":
        return end
    attach = ts.attach | ts.left_attach if left else ts.attach
    for _ in range(_ATTACHMENTS):
        end = _parenthesis(toks, end)  # "des Fonds (MIF) der Entwicklungsbank"
        more = _attached(toks, end, ts, attach)
        if more is None:
            break
        end = more
    end = _parenthesis(toks, end)
    if appositions:
        end = _placed_name(toks, end, ts)
        end = _apposition(toks, end, ts)
        joined = _coordinated(toks, end, ts, left)
        # "Der frühere Bürgermeister und Senator*, Jan Fuchs*": the name stands
        # after both roles
        end = _apposition(toks, joined, ts) if joined > end and ts.titles else joined
    return end


def _placed_name(toks: Sequence[Token], end: int, ts: TagSet) -> int:
    """ "der Beauftragte *für den Hafen*, Jan Peter Fuchs,": a phrase that a full name
    in apposition follows belongs to the role before it, wherever the NP stands."""
    if not ts.titles or end + 2 >= len(toks) or toks[end].tag_ not in ("APPR", "APPRART"):
        return end
    if toks[end - 1].tag_ != "NN":
        return end  # after a person's name the phrase is where or when: "X in Berlin"
    stop = np_end(toks, end + 1, ts, appositions=False)
    if stop is None or stop + 3 >= len(toks) or toks[stop].text != ",":
        return end
    name = stop + 1
    while name < len(toks) and toks[name].tag_ in ts.name:
        name += 1
    if name - stop < 3 or toks[name].text not in (",", "."):
        return end  # a full name, first name and surname, in commas
    return stop


def _attached(toks: Sequence[Token], end: int, ts: TagSet, attach: frozenset[str]) -> int | None:
    """End of a genitive or of a "von" phrase that starts at ``end``, else None."""
    if end + 1 >= len(toks):
        return None
    tok = toks[end]
    word = tok.text.lower()
    if toks[end + 1].tag_ in ts.pron or (word in ts.genitive and toks[end - 1].tag_ in ts.name):
        return None  # "laut X *der* Sprecher": no genitive follows a name
    if word in ts.genitive and tok.tag_ in ts.det and (more := _core(toks, end, ts)):
        return more  # with its article, which may open a title
    bare = word in ts.bare_attach and toks[end + 1].tag_ in ts.head
    # "die Regierung *in Lomé*": a bare place name after an institution or role names where
    # it sits (the corpus counts it); after a person's name it is where the words were said
    seat = word in ("in", "im") and toks[end + 1].tag_ == "NE" and _institution_end(toks, end)
    bare = bare or (ts.titles and seat)
    if word in ts.genitive or word in attach or bare:
        more = _core(toks, end + 1, ts)
        return more if more is not None or not ts.titles else title_end(toks, end + 1)
    if ts.titles and tok.tag_ == "ADJA" and word.endswith("er") and toks[end - 1].tag_ == "NN":
        return _core(toks, end, ts)  # "Angaben *libanesischer Sicherheitskreise*"
    return None


def _institution_end(toks: Sequence[Token], end: int) -> bool:
    """The NP ends in a common noun or in a name with an article ("des LBM"): a role or
    an institution, not a person."""
    if toks[end - 1].text == ")":  # "des Landesamtes (LfU) *in Augsburg*"
        end = next((k for k in range(end - 2, 0, -1) if toks[k].text == "("), end)
    last = toks[end - 1].tag_
    return last == "NN" or (last == "NE" and end > 1 and toks[end - 2].tag_ == "ART")


def _coordinated(toks: Sequence[Token], end: int, ts: TagSet, left: bool) -> int:
    """ "Angela Merkel *sowie Edmund Stoiber*": coordinated NPs speak together."""
    if end + 1 >= len(toks) or toks[end].text not in _AND:
        return end
    if toks[end + 1].tag_ in ts.pron:
        return end
    more = np_end(toks, end + 1, ts, appositions=False, left=left)
    return more if more is not None else end


def _apposition(toks: Sequence[Token], end: int, ts: TagSet) -> int:
    """ ", Timo Kersten," after an NP: a name in apposition belongs to the speaker."""
    n = len(toks)
    if end + 1 >= n or toks[end].text != ",":
        return end
    j = end + 1
    # a name, whose surname the tagger may call a common noun: "Lars/NE Beringer/NN"
    while (
        j < n
        and j - end <= 4
        and (toks[j].tag_ in ts.name or (j > end + 1 and toks[j].tag_ in ts.head))
    ):
        j += 1
    if toks[end + 1].tag_ not in ts.name:
        return _role_apposition(toks, end, ts)
    j = _parenthesis(toks, j) if j > end + 1 else j  # ", Renate Künast (Grüne),"
    closes = j == n or toks[j].is_punct or toks[j].tag_.startswith("V")
    if j > end + 1 and closes:
        return j
    # a role whose first word the tagger calls a name: ", CEO von Nordnet", ", Senior
    # Product Manager für Karten"
    return _role_apposition(toks, end, ts) if ts.titles else end


def _role_apposition(toks: Sequence[Token], end: int, ts: TagSet) -> int:
    """ ", der Verteidigungsminister Österreichs," — an NP in commas (or ending the unit)."""
    if toks[end + 1].tag_ in ts.pron:
        return end
    # in commas, an "in" phrase is the role's, not the verb's place: "X, Leiter des
    # Amts in Kiel, sagte"
    stop = np_end(toks, end + 1, ts, appositions=False, left=True)
    if stop is None:
        return end
    stop = _coordinated(toks, stop, ts, left=True)  # ", General und Kommandeur der Truppe,"
    closes = stop >= len(toks) - 1 or toks[stop].text in (",", ":")
    return stop if closes else end


def np_start(toks: Sequence[Token], end: int, ts: TagSet, floor: int = 0) -> int | None:
    """Start of the longest NP that ends at ``end`` (exclusive; a trailing comma allowed)."""
    for k in range(max(floor, end - _NP_REACH), end):
        stop = np_end(toks, k, ts, left=True)
        ends_here = stop == end or (stop == end - 1 and toks[end - 1].text == ",")
        if ends_here and (k == floor or not _inside_np(toks[k - 1], ts)):
            return k
    return None


def _inside_np(tok: Token, ts: TagSet) -> bool:
    return tok.tag_ in ts.det or tok.tag_ in ts.mod or tok.tag_ in ts.head
