"""The speaker (and addressee) of a cue, found from the words around it.

German has no parser here, so the subject is found by position (:mod:`.positions`):
"Putin sagte" (NP at the clause start, verb second), "sagte Putin" / "fuhr der Präsident
fort" (NP after the verb), "wie die Polizei mitteilte" (verb last); this module decides
which of them speaks: not the object first ("Der Politik schlug *er* vor"), the agent of a
passive, the source of "geht aus X hervor". A dative NP right after the verb is the
addressee ("sagte er dem Sender"; the rest in :mod:`.addressee`). Where spaCy's English
parser ran, its ``nsubj`` decides instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .chunks import TagSet, np_end, np_start
from .cues import Cue
from .lexicon import Lexicon
from .positions import IdxSpan, at_boundary, left_subject, right_subject

_SOURCE_PLACES = frozenset({"in", "im", "bei", "beim"})
_TELL = frozenset({"tell", "inform", "assure", "remind", "warn"})
_QUOTE_MARKS = frozenset('„“”"»«‚‘’')
_NOMINATIVE_RELATIVE = frozenset({"der", "die", "das", "welcher", "welche", "welches"})
_FROM = frozenset({"aus", "von", "vonseiten", "seitens"})
_NOMINATIVE = frozenset({"er", "ich", "wir"})  # pronouns only a subject can be
_CLAUSE_OPENERS = frozenset({"wie", "als", "nachdem", "während", "weil", "da", "ob"})
_CLAUSE_REACH = 16  # words from a verb-last cue back to its clause's first word


def parsed_subject(toks: Sequence[Token], v: int) -> tuple[IdxSpan | None, IdxSpan | None]:
    """(nsubj, object of "tell") from spaCy's parse."""
    index = {t.i: n for n, t in enumerate(toks)}
    found: dict[str, IdxSpan] = {}
    for child in toks[v].children:
        role = {"nsubj": "s", "nsubjpass": "s", "dobj": "o", "dative": "o"}.get(child.dep_)
        lo, hi = index.get(child.left_edge.i), index.get(child.right_edge.i)
        if role == "s" and child.tag_ in ("WP", "WDT") and toks[v].dep_ == "relcl":
            # "Laura Whitfield, *who* had promised …": the noun the clause describes
            head = toks[v].head
            lo, hi = index.get(head.left_edge.i), index.get(head.i)
        if role and lo is not None and hi is not None and child.lower_ != "it":
            found.setdefault(role, (lo, hi + 1))
    addressee = found.get("o") if toks[v].lemma_ in _TELL else None
    subject = found.get("s") or _before_relative(toks, v) or _shared_subject(toks, v, index)
    return subject, addressee


def _shared_subject(toks: Sequence[Token], v: int, index: dict[int, int]) -> IdxSpan | None:
    """ "X left the room, *saying* …", "X was quoted *as saying* …": a participle
    clause speaks for the subject of the verb it hangs on; so does a verb joined to it
    ("X said … and *warned* …")."""
    verb = toks[v]
    participle = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp", "xcomp")
    if not (participle or verb.dep_ == "conj") or verb.head is verb:
        return None
    head = verb.head.head if verb.head.pos_ == "ADP" else verb.head
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ != "it":
            lo, hi = index.get(child.left_edge.i), index.get(child.right_edge.i)
            if lo is not None and hi is not None:
                return lo, hi + 1
    return None


def _before_relative(toks: Sequence[Token], v: int) -> IdxSpan | None:
    """ "Laura Whitfield, who had promised …, said …": the name that opens the sentence
    before a relative clause closed by a comma right before the verb (the small English
    parser often hangs the name on the relative clause's verb instead)."""
    if v < 4 or toks[v - 1].text != ",":
        return None
    first = next((k for k in range(v - 1) if toks[k].text == ","), None)
    if first is None or first < 1 or toks[first + 1].tag_ not in ("WP", "WDT"):
        return None
    names = all(t.tag_ in ("NNP", "NNPS", "NN", "DT", "JJ") for t in toks[:first])
    return (0, first) if names else None


def verb_speaker(
    toks: Sequence[Token],
    quoted: Sequence[bool],
    cue: Cue,
    ts: TagSet,
    lex: Lexicon,
    *,
    parsed: bool,
) -> tuple[IdxSpan | None, IdxSpan | None]:
    v = cue.i
    if parsed:
        return parsed_subject(toks, v)
    if _emerges(toks, cue) or (
        cue.aux is not None and toks[cue.aux].lemma_ == "werden" and toks[v].tag_ == "VVPP"
    ):
        return _not_the_subject(toks, quoted, cue, ts, lex), None
    # "X begrüßte den Plan und *forderte* Y": the subject before "und", Y is an object
    shared = None if _nominative_after(toks, v) else _coordinated(toks, quoted, v, ts, lex)
    before = _left_speaker(toks, quoted, cue, ts, lex) or shared
    if before is not None:
        return before, None
    right = _after_auxiliary(toks, quoted, cue, ts, lex)
    if right[0] is None:
        right = right_subject(toks, quoted, v, ts, lex)
    if right[0] is None and toks[v].lemma_ == "heißen":
        return _where_said(toks, quoted, v, ts), None
    if right[0] is None:
        subject = (
            clause_subject(toks, quoted, v, ts)
            or _comma_shared(toks, quoted, v, ts)
            or _from_source(toks, min([v, *cue.pieces]), ts)
        )
        return subject, right[1]
    return right


def _not_the_subject(
    toks: Sequence[Token], quoted: Sequence[bool], cue: Cue, ts: TagSet, lex: Lexicon
) -> IdxSpan | None:
    """Where the verb's subject does not speak: the passive ("wurde von X kritisiert")
    and "geht aus X hervor"."""
    v = cue.i
    if _emerges(toks, cue) and cue.particle is not None:
        return _emerges_from(toks, quoted, v, cue.particle, ts)
    if toks[v].lemma_ == "zitieren" and cue.aux is not None:
        # "„…“, *wird X zitiert*": the one quoted is the subject, the source is "von"/"in"
        left = left_subject(toks, quoted, cue.aux, ts)
        return left or right_subject(toks, quoted, cue.aux, ts, lex)[0]
    # passive: the speaker is "von X", or where it was said ("in einem Bericht"), or nobody
    return _agent(toks, quoted, v, ts) or _where_said(toks, quoted, v, ts)


def _emerges(toks: Sequence[Token], cue: Cue) -> bool:
    """ "geht aus X *hervor*", not "X hob *hervor*": only "hervorgehen" has its source in
    an "aus" phrase; the subject of "hervorheben" speaks."""
    return (
        cue.particle is not None
        and toks[cue.particle].text.lower() == "hervor"
        and toks[cue.i].lemma_.lower() == "gehen"
    )


def _emerges_from(
    toks: Sequence[Token], quoted: Sequence[bool], v: int, particle: int, ts: TagSet
) -> IdxSpan | None:
    """ "Dies geht *aus einem Bericht der Behörde* hervor": the source is the "aus"
    phrase (without "aus", as the corpus marks it), not the subject."""
    for k in range(v + 1, particle):
        if quoted[k]:
            return None
        if toks[k].text.lower() == "aus":
            end = np_end(toks, k + 1, ts, left=True)
            return (k + 1, end) if end is not None and end <= particle else None
    return None


def _left_speaker(
    toks: Sequence[Token], quoted: Sequence[bool], cue: Cue, ts: TagSet, lex: Lexicon
) -> IdxSpan | None:
    """The subject before the verb, or the one after it where the NP before is an object."""
    v = cue.i
    left = left_subject(toks, quoted, min([v, *cue.pieces]), ts)
    if left is None:
        return None
    if _nominative_after(toks, v):
        return (v + 1, v + 2)  # "Der Politik schlug *er* vor": the NP first is an object
    if _object_first(toks, left, lex) or _time_phrase(toks, left, lex):
        after = _after_auxiliary(toks, quoted, cue, ts, lex)[0]
        return after or right_subject(toks, quoted, v, ts, lex)[0] or left
    return left


def _time_phrase(toks: Sequence[Token], left: IdxSpan, lex: Lexicon) -> bool:
    """ "*Vergangene Woche* hatte X angekündigt": a time phrase holds the first place of
    the clause, so the subject follows the verb; a time never speaks."""
    return lex.has("time", toks[left[1] - 1].text.lower())


def _agent(toks: Sequence[Token], quoted: Sequence[bool], v: int, ts: TagSet) -> IdxSpan | None:
    """ "Die Gruppe wurde *von der Regierung* beschuldigt": the passive's agent, without
    "von" as the corpus marks it."""
    for k in range(v - 1, -1, -1):
        if quoted[k] or toks[k].tag_ in ("$.", "$,"):
            return None
        if toks[k].text.lower() in ("von", "vom") and k + 1 < v:
            start = k + 1  # "vom LSVD": the corpus leaves the preposition out
            end = np_end(toks, k + 1, ts)
            if end is not None and end <= v:
                return (start, end)
    return None


def _from_source(toks: Sequence[Token], v: int, ts: TagSet) -> IdxSpan | None:
    """ "*Aus EU-Kreisen* verlautete, …", "*Von Seiten der Stadt* wurde betont": the
    phrase that opens the clause names the source; the corpus keeps its preposition."""
    k = np_start(toks, v, ts)
    if k is None or k == 0 or toks[k - 1].text.lower() not in _FROM:
        return None
    return (k - 1, v) if at_boundary(toks, k - 1) else None


def _coordinated(
    toks: Sequence[Token], quoted: Sequence[bool], v: int, ts: TagSet, lex: Lexicon
) -> IdxSpan | None:
    """ "Er dankte den Helfern und *ergänzte*, …": the subject of the verb before "und"."""
    if v < 2 or toks[v - 1].text != "und":
        return None
    for u in range(v - 2, -1, -1):
        if toks[u].tag_ == "$," and u == v - 2:
            return _first_speaker(toks, quoted, v, ts, lex)  # "X sagte, …, und fügte hinzu"
        if quoted[u] or toks[u].tag_ in ("$.", "$,", "KOUS"):
            return None
        if toks[u].tag_.endswith("FIN"):
            left = left_subject(toks, quoted, u, ts)
            if left is None and u > 1 and toks[u - 1].text == "und":
                return _coordinated(toks, quoted, u, ts, lex)  # "X lobte A und dankte B und …"
            return left or right_subject(toks, quoted, u, ts, lex)[0]
    return None


def _first_speaker(
    toks: Sequence[Token], quoted: Sequence[bool], v: int, ts: TagSet, lex: Lexicon
) -> IdxSpan | None:
    """ "X sagte, Europa brauche mehr Geld, und *fügte hinzu*": after reported words the
    verb shares the subject of the sentence's first verb where that one is a speech verb."""
    u = next((k for k in range(v) if toks[k].tag_ == "VVFIN" and not quoted[k]), None)
    if u is None or toks[u].lemma_.lower() not in lex.verbs:
        return None
    return left_subject(toks, quoted, u, ts)


def _comma_shared(
    toks: Sequence[Token], quoted: Sequence[bool], v: int, ts: TagSet
) -> IdxSpan | None:
    """ "X monierten Fehler, *sprachen* aber davon, dass …": a verb right after a comma
    with no subject after it shares the subject of the main clause before the comma."""
    if v < 3 or toks[v - 1].text != "," or not toks[v].tag_.endswith("FIN"):
        return None
    for u in range(v - 2, -1, -1):
        if quoted[u] or toks[u].tag_ in ("$.", "$,", "$(", "KOUS", "PRELS", "PWAV"):
            return None
        if toks[u].tag_.endswith("FIN"):
            return left_subject(toks, quoted, u, ts)
    return None


def _after_auxiliary(
    toks: Sequence[Token], quoted: Sequence[bool], cue: Cue, ts: TagSet, lex: Lexicon
) -> tuple[IdxSpan | None, IdxSpan | None]:
    """ "Gestern hat *eine Sprecherin* mitgeteilt": the subject follows the auxiliary."""
    aux = cue.aux if cue.aux is not None else _auxiliary(toks, quoted, cue.i)
    if aux is None or aux > cue.i:
        return None, None
    found = right_subject(toks, quoted, aux, ts, lex)
    return found if found[0] is not None and found[0][1] <= cue.i else (None, None)


def _auxiliary(toks: Sequence[Token], quoted: Sequence[bool], v: int) -> int | None:
    """The perfect's auxiliary across an apposition: "hatte der Investor, Larry A.
    Silverstein, *zugesagt*" (also where the tagger took the participle for a finite verb)."""
    participle = toks[v].tag_ == "VVPP" and v > 1 and toks[v - 1].text == ","
    # "hatte … betont/VVFIN": a participle's form, in the auxiliary's clause (no comma)
    mistagged = toks[v].tag_ == "VVFIN" and toks[v].text.endswith("t")
    if not (participle or mistagged):
        return None
    stops = ("$.", "KOUS", "PRELS", "VVFIN") if participle else ("$.", "$,", "KOUS", "PRELS")
    for k in range(v - 1, max(-1, v - _CLAUSE_REACH), -1):
        if quoted[k] or toks[k].tag_ in stops:
            return None
        if toks[k].tag_ == "VAFIN":
            return k if toks[k].lemma_ in ("haben", "sein", "werden") else None
    return None


def _object_first(toks: Sequence[Token], left: IdxSpan, lex: Lexicon) -> bool:
    """ "*Den Anstieg* bezifferte die Behörde": an article only an object has.

    Without one, "Die Behörde nennt die Zahl" and "Die Zahl nennt die Behörde" read alike;
    taking the NP after the verb where the one before names no person lost more than it
    won on the corpus' train split.
    """
    return lex.has("oblique", toks[left[0]].text.lower())


def _nominative_after(toks: Sequence[Token], v: int) -> bool:
    return v + 1 < len(toks) and toks[v + 1].text in _NOMINATIVE


def clause_subject(
    toks: Sequence[Token], quoted: Sequence[bool], v: int, ts: TagSet
) -> IdxSpan | None:
    """The subject of a verb-last clause: the NP right after its opener.

    "Wie *der Minister* am Dienstag in Berlin erklärte": time and place phrases stand
    between subject and verb, so the NP is read from the clause's first word; a relative
    clause's subject is its pronoun ("ein Junge, *der* angab, …"), as the corpus marks it.
    """
    for k in range(v - 1, max(-1, v - _CLAUSE_REACH), -1):
        tok = toks[k]
        if quoted[k] or tok.tag_ in ("$.", "$(") or tok.tag_.endswith("FIN"):
            return None  # commas may stand inside: "Wie die Ministerin, Anna Berg, sagte"
        if tok.tag_ in ("PRELS", "PWS") and (k == 0 or toks[k - 1].text == ","):
            return _relative_subject(toks, k, v, ts) if tok.tag_ == "PRELS" else None
        if tok.text.lower() in _CLAUSE_OPENERS and (k == 0 or not toks[k - 1].is_alpha):
            first = k + 1
            while first < v - 1 and toks[first].tag_ == "ADV":
                first += 1  # "Wie *schon* die WHO sagte"
            end = np_end(toks, first, ts, left=True) if first < v else None
            ok = end is not None and end <= v and not any(quoted[first:end])
            return (first, end) if ok and end is not None else None
    return None


def _relative_subject(toks: Sequence[Token], k: int, v: int, ts: TagSet) -> IdxSpan | None:
    """ "…, *der* angab": the pronoun; "…, den *sie* betonten": the NP after it.

    "der" is a subject (or a dative, rare with speech verbs): "…, der *alle Bürger*
    aufforderte" has its speaker in "der", and the NP after it is the object.
    """
    nominative = toks[k].text.lower() in ("der", "welcher")
    if nominative and not (k + 1 < v and toks[k + 1].text.lower() in _NOMINATIVE | {"sie"}):
        return (k, k + 1)
    after = np_end(toks, k + 1, ts) if k + 1 < v else None
    if after is not None and after <= v:
        return (k + 1, after)
    return (k, k + 1) if toks[k].text.lower() in _NOMINATIVE_RELATIVE else None


def _where_said(
    toks: Sequence[Token], quoted: Sequence[bool], v: int, ts: TagSet
) -> IdxSpan | None:
    """ "Im Bericht heißt es, …", "Bei der Agentur hieß es": the source is the place;
    also after the verb: "Nun heißt es *im Bericht*"."""
    for k in range(v - 1, -1, -1):
        if quoted[k] or toks[k].tag_ in ("$,", "$."):
            break
        if toks[k].text.lower() in _SOURCE_PLACES:
            end = np_end(toks, k + 1, ts) if k + 1 < v else None
            return (k + 1, end) if end is not None and end <= v else None
    k = v + 1
    while k < len(toks) and not quoted[k] and toks[k].tag_ in ("PPER", "ADV", "PTKVZ"):
        k += 1  # "es", "weiter"
    if k + 1 < len(toks) and toks[k].text.lower() in _SOURCE_PLACES and not quoted[k + 1]:
        end = np_end(toks, k + 1, ts, appositions=False)
        return (k + 1, end) if end is not None else None
    return None


def cue_speaker(
    toks: Sequence[Token],
    quoted: Sequence[bool],
    cue: Cue,
    ts: TagSet,
    lex: Lexicon,
    *,
    parsed: bool,
) -> tuple[IdxSpan | None, IdxSpan | None]:
    """(speaker, addressee) for any kind of cue."""
    if cue.kind == "verb":
        return verb_speaker(toks, quoted, cue, ts, lex, parsed=parsed)
    if cue.kind == "adv":
        return (cue.i, cue.i + 1), None
    if cue.kind == "relative":  # "Studien, nach *denen* …": the corpus marks the pronoun
        return (cue.i + 1, cue.i + 2), None
    if cue.kind == "wonach":  # "ein Bericht der Agentur, wonach …"
        k = np_start(toks, cue.i - 1, ts)
        return ((k, cue.i - 1) if k is not None else None), None
    if cue.kind == "postp":
        k = np_start(toks, cue.i, ts)
        return ((k, cue.i) if k is not None else None), None
    start = cue.i + cue.width
    end = np_end(toks, start, ts) if start < len(toks) and not quoted[start] else None
    if end is None and start < len(toks) and toks[start].text in _QUOTE_MARKS:
        end = _marked_name(toks, start)  # "laut „tagesschau.de“": a source named in marks
    if end is not None and end < len(toks) and toks[end].tag_ == "VBN":
        end = _participle_end(toks, end)
    return ((start, end) if end is not None else None), None


_PARTICIPLE_REACH = 6  # words of "seen by Reuters", "released by the ministry on Friday"


def _participle_end(toks: Sequence[Token], end: int) -> int:
    """ "according to a draft *seen by Reuters*, …": a participle phrase up to the comma
    describes the source."""
    for k in range(end + 1, min(len(toks), end + _PARTICIPLE_REACH + 1)):
        if toks[k].text == ",":
            return k
    return end


_MARKED_NAME = 6  # words of a source's name in quotation marks


def _marked_name(toks: Sequence[Token], start: int) -> int | None:
    for k in range(start + 1, min(len(toks), start + _MARKED_NAME + 2)):
        if toks[k].text in _QUOTE_MARKS:
            return k + 1 if k > start + 1 else None
        if toks[k].is_punct and toks[k].text not in (".", "-"):
            return None
    return None
