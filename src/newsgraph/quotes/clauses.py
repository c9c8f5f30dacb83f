"""Where a reported clause starts and ends in a German sentence.

The quote rules find a cue; these helpers say which clause around it holds what was
said: not a relative clause or a clause of purpose after the cue ("…, *um* …"), not
the speaker's own clause that goes on after a comma ("…, *sprach aber* von …"), and
for a source inside a sentence ("laut X") the clause that holds it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .lexicon import Lexicon
from .mood import konj_word
from .units import Unit

# Conjunctions that open a clause of the speaker's own sentence, not what was said:
# "X forderte den Rücktritt, *um* …", "X gab … bekannt, *nachdem* …"
_NOT_SAID = frozenset(
    {"um", "nachdem", "da", "als", "während", "obwohl", "weil", "bevor", "bis", "damit", "sodass"}
)


def opens_said(toks: Sequence[Token], first: int, cue: int, lo: int, lex: Lexicon) -> bool:
    """The clause from ``first`` on can be what the speaker of the cue at ``cue`` said
    (its attribution starting at ``lo``)."""
    head = toks[first]
    if head.tag_.endswith("FIN") and _relative(toks, cue):
        return False  # "Der Bericht, den X nannte, *ist* …": the main clause goes on
    if head.tag_.endswith("FIN") and not konj_word(head, lex, strict=False):
        # "Wie X mitteilte, *sieht* Y …" reports; "X hatte Y beschuldigt, *wurde* dann
        # festgenommen" and "Als X erzählte, *verdoppelte* …" go on with X's own story
        return _wie_clause(toks, lo)
    return head.tag_ != "$(" and not _own_clause(toks, first, lex)


def _own_clause(toks: Sequence[Token], first: int, lex: Lexicon) -> bool:
    """The words from ``first`` on belong to the writer's sentence, not to what was
    said: a clause of purpose or time, a relative clause, a second verb of the clause
    before ("X werde an den Zielen festhalten, *aber jede Ausgabe prüfen*")."""
    head = toks[first]
    if head.text.lower() in _NOT_SAID and head.tag_ in ("KOUS", "KOUI"):
        return True
    if head.tag_ in ("PRELS", "PRELAT"):
        return not _article_after_verb(toks, first, lex)
    if head.tag_ in ("APPR", "APPRART") and head.text != "nach" and first + 1 < len(toks):
        return _prepositional_relative(toks, first)
    return head.tag_ == "KON" and _no_verb_of_its_own(toks, first + 1)


def _prepositional_relative(toks: Sequence[Token], first: int) -> bool:
    """ "…, *in der* China wichtiger wird": a relative clause after a preposition (its
    verb last; "in der Sache *sei* die Lage klar" goes on after it)."""
    nxt = toks[first + 1]
    relative = nxt.tag_ in ("PRELS", "PRELAT", "PWS", "PWAV") or (
        nxt.tag_ == "ART" and nxt.text.lower() in _RELATIVE_FORMS  # HanTa: "in der China …"
    )
    return relative and _verb_last(toks, first + 2)


def _no_verb_of_its_own(toks: Sequence[Token], start: int) -> bool:
    """The words after a conjunction up to the next comma end in an infinitive or
    participle and have no finite verb: the conjunction joins a second verb to the
    clause before it ("…, aber jede Ausgabe *prüfen*"), not a clause of its own."""
    verb = False
    for t in toks[start:]:
        if t.text == "," or t.tag_ == "$.":
            break
        if t.tag_.endswith("FIN"):
            return False
        verb = t.tag_.endswith(("INF", "PP", "IZU"))
    return verb


def _article_after_verb(toks: Sequence[Token], first: int, lex: Lexicon) -> bool:
    """ "X erklärte, *die* neue Verfassung werde …": a word tagged as a relative pronoun
    is the article of a main clause's subject when the clause goes on after its finite
    verb; "X wies auf Risiken hin, *die* … entstanden *sind*." ends with it (a relative
    clause). After a noun ("sagte der Presse, *die* Halle bleibe geschlossen") the finite
    verb must also be in Konjunktiv: "sagte der Minister, *der* … kam" is relative."""
    before = toks[first - 2]
    after_verb = before.tag_.startswith(("VV", "PTKVZ")) or before.tag_ == "ADJD"
    if not (after_verb or before.tag_ in ("NN", "NE")):
        return False
    for k in range(first + 1, len(toks) - 1):
        if toks[k].text == ",":
            return False
        if toks[k].tag_.endswith("FIN"):
            goes_on = toks[k + 1].tag_ not in ("$,", "$.")
            return goes_on and (after_verb or konj_word(toks[k], lex, strict=True))
    return False


_RELATIVE_FORMS = frozenset({"der", "die", "das", "dem", "den", "denen", "deren", "dessen"})


def _verb_last(toks: Sequence[Token], start: int) -> bool:
    """The first finite verb from ``start`` on ends its clause (no comma or infinitive
    with "zu" before it)."""
    for k in range(start, len(toks) - 1):
        if toks[k].tag_ in ("$,", "PTKZU", "VVIZU"):
            return False
        if toks[k].tag_.endswith("FIN"):
            return toks[k + 1].tag_ in ("$,", "$.")
    return False


def _wie_clause(toks: Sequence[Token], lo: int) -> bool:
    """The cue stands in a clause that "wie" or "so" opens ("Wie die Polizei, die …,
    mitteilte, …", "Dies sei, so betonte X, …"): its comma ends an insertion."""
    return any(
        toks[k].text.lower() in ("wie", "so") and (k == 0 or toks[k - 1].tag_ in _OPENER_BEFORE)
        for k in range(lo + 1)
    )


_OPENER_BEFORE = frozenset({"$,", "ADV", "KON", "$("})


def _relative(toks: Sequence[Token], i: int) -> bool:
    """The word at ``i`` stands in a relative clause (a relative pronoun after a comma)."""
    for k in range(i - 1, 0, -1):
        if toks[k].text == ",":
            return False
        if toks[k].tag_ in ("PRELS", "PRELAT") and toks[k - 1].text in (",", "von", "mit"):
            return True
    return False


def before_colon_quote(toks: Sequence[Token], first: int, n: int) -> int:
    """ "…, dass X sei: „…“": reported speech ends where a quotation follows a colon.

    It also ends at a semicolon: "…, dass er schuldig sei; die Anklage …".
    """
    for k in range(first + 1, n - 1):
        if toks[k].text == ":" and toks[k + 1].text in '„»«"“':
            return k
        if toks[k].text == ";":
            return k
    return n


def in_relative(toks: Sequence[Token], lo: int, hi: int) -> list[bool]:
    """Which tokens of lo..hi stand in a relative clause (", der … ist,"): its verb
    does not make "Der NDR, der … ist, begründete …" a clause that was said."""
    out, inside = [], False
    for k in range(lo, hi):
        if toks[k].text == ",":
            inside = k + 1 < hi and toks[k + 1].tag_ in ("PRELS", "PRELAT")
        elif toks[k].tag_ in ("PRELS", "PRELAT") and k > lo and toks[k - 1].tag_ == "APPR":
            inside = True  # ", in der …"
        out.append(inside)
    return out


THAT = frozenset({"dass", "daß", "ob"})


def coordinated_end(unit: Unit, lo: int, hi: int, lex: Lexicon) -> int:
    """ "X räumte ein, es könnten Stellen wegfallen, *sprach aber* von …": the reported
    clause ends where the speaker's own clause goes on with an indicative verb after a
    comma (or "und"), its subject left out.

    Not after a clause that "wenn" or "weil" opens: the verb after its comma is the
    reported main clause ("…, wenn es regnet, bleibe …").
    """
    toks, quoted = unit.toks, unit.quoted
    opener = toks[lo].text.lower()
    if toks[lo].tag_ == "KOUS" and opener not in THAT:
        return hi
    for k in range(lo + 2, hi - 1):
        nxt = toks[k + 1]
        if toks[k].text == "," and not quoted[k] and _writers_clause(toks, lo, k, lex):
            return k  # "…, *worauf* dieser nichts sagen wollte": the writer goes on
        if quoted[k] or toks[k].text not in (",", "und") or not nxt.tag_.endswith("FIN"):
            continue
        if konj_word(nxt, lex, strict=False):
            continue
        if any(t.tag_.endswith("FIN") for t in toks[lo:k]) or opener in THAT:
            return k
    return hi


# Clause openers after reported words that go on with the writer's story, not the speaker's
_STORY_GOES_ON = frozenset({"worauf", "woraufhin", "wobei", "wodurch", "nachdem", "womit"})


def _writers_clause(toks: Sequence[Token], lo: int, comma: int, lex: Lexicon) -> bool:
    opener = toks[comma + 1].text.lower()
    last = toks[comma - 1]
    # a finite verb, or a zu-infinitive: "X forderte, Y *zu prüfen*, wobei …"
    has_verb = any(t.tag_.endswith("FIN") for t in toks[lo:comma]) or last.tag_ == "VVIZU"
    has_verb = has_verb or (last.tag_.endswith("INF") and toks[comma - 2].tag_ == "PTKZU")
    if not (opener in _STORY_GOES_ON and has_verb):
        return False
    # "…, wodurch die Vorgaben nicht erfüllt worden *seien*": still the speaker's words
    end = next((k for k in range(comma + 1, len(toks)) if toks[k].text == ","), len(toks))
    return not any(konj_word(t, lex, strict=True) for t in toks[comma + 1 : end])


def source_clause(unit: Unit, lo: int, hi: int) -> tuple[int, int]:
    """The clause that holds a source inside it ("laut X", "nach Angaben X").

    A relative clause ("…, *die nach dessen Angaben den Sprengstoff barg*, wurde …"), a
    clause after a complete one ("Sie soll es gewusst haben, *diese Fälle seien aber
    laut X verjährt*"); else the whole sentence ("Ein Sprengsatz, vermutlich eine Bombe,
    ist nach Angaben X explodiert").
    """
    toks, quoted = unit.toks, unit.quoted
    n = len(toks)
    comma = next((k for k in range(lo - 1, 0, -1) if toks[k].text == "," and not quoted[k]), 0)
    if not comma or comma + 1 >= lo:
        return 0, n
    head, second = toks[comma + 1], toks[comma + 2]
    if head.tag_ in ("PRELS", "PRELAT") or (head.tag_ == "APPR" and second.tag_ == "PRELS"):
        end = next((k for k in range(hi, n) if toks[k].text == "," and not quoted[k]), n)
        return comma + 1, end
    if head.tag_.endswith("FIN"):
        return 0, n  # "Nachdem …, *ist* es laut X …": the clause before is its first field
    relative = in_relative(toks, 0, comma)
    if any(t.tag_.endswith("FIN") and not relative[k] for k, t in enumerate(toks[:comma])):
        return comma + 1, n
    return 0, n
