"""Organisation phrases as speakers: "das Gericht", "einer Erklärung des Verbandes".

A definite phrase headed by an organisation noun (the lexicon's ``org_role``) stands for an
organisation named before. A plain noun ("das Gericht", "des Verbandes") points back: to
an organisation whose name ends in it ("Bundesverfassungsgericht"), else to the name that
stood next to an earlier word ending in it ("der Gesundheitskonzern *Fresenius*"), else
to that earlier compound ("Bauernverband"). A noun that describes its organisation itself
("das russische Außenministerium", "der Verband kommunaler Unternehmen", "die
Umweltschutzorganisation") only takes the name it stood next to before ("der
Umweltschutzorganisation *WWF*"); else it stays unresolved, as its words say more than a
lemma would. A plural ("die Behörden") is many. The organisation named last is no
fallback: ORG mentions of the entity recogniser are too mixed ("TNT", "MESZ") to point
back to; the last one whose CAMEO actor code is of a sector the noun can stand for is
("Das Bündnis" → Nato, IGOWSTNAT).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

_DEFINITE = frozenset({"der", "die", "das", "des", "dem", "den", "the"})
_NAME_TAGS = frozenset({"NE", "NNP", "NNPS"})
_MIN_BODY = 6  # shorter nouns ("Bank") end too many other words ("Datenbank")


@dataclass(frozen=True, slots=True)
class Named:
    """An organisation mention before the phrase."""

    entity: str | None
    name: str  # the entity's name
    text: str  # the words in the text
    actor: str = ""  # its CAMEO actor code, where the KB has one ("IGOWSTNAT")


def org_head(toks: Sequence[Token], bodies: frozenset[str]) -> Token | None:
    """The last organisation noun after a definite article: "*der Behörde* zufolge",
    "einer Erklärung *des Verbandes*" (the document's owner speaks)."""
    found = None
    for k, t in enumerate(toks):
        if t.tag_ not in ("NN", "NNS") or body_of(t, bodies) is None:
            continue
        j = k - 1
        while j >= 0 and toks[j].tag_ in ("ADJA", "JJ"):
            j -= 1
        if j >= 0 and toks[j].lower_ in _DEFINITE:
            found = t
    return found


def body_of(tok: Token, bodies: frozenset[str]) -> str | None:
    """The organisation noun a word is or ends in: "Behörde"; "Bauernverband" → "Verband"."""
    for form in (tok.lemma_, tok.text):
        if form in bodies:
            return form
    lower = tok.lemma_.lower()
    heads = [b for b in bodies if len(b) >= _MIN_BODY and lower.endswith(b.lower())]
    return min(heads, key=lambda b: (-len(b), b), default=None)


@dataclass(frozen=True, slots=True)
class Context:
    before: Sequence[Named]  # ORG mentions before the phrase, in text order
    bodies: frozenset[str]
    name_in: Callable[[list[Token]], str]  # the name among a few tokens, or ""
    is_place: Callable[[str], bool]
    # CAMEO sector → the nouns that can stand for an organisation of it ("IGO": Bündnis)
    sectors: Mapping[str, frozenset[str]] = field(default_factory=dict)


Resolved = tuple[str | None, str | None]  # (entity id, name)


def organisation(noun: Token, end: int, ctx: Context) -> Resolved:
    """The organisation that ``noun``, in a phrase ending at ``end``, stands for."""
    if noun.tag_ == "NNS" or (noun.text != noun.lemma_ and noun.text.endswith("n")):
        return None, None  # "die Behörden": many
    doc = noun.doc
    body = body_of(noun, ctx.bodies) or noun.lemma_
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    compound = len(noun.lemma_) > len(body)
    described = (
        compound
        or (noun.i > 0 and doc[noun.i - 1].tag_ in ("ADJA", "JJ"))
        or (nxt is not None and nxt.idx < end and nxt.tag_ not in ("APPR", "APPRART"))
    )
    key = noun.lemma_ if described else body
    if compound or not described:  # "der Verband kommunaler Unternehmen" points nowhere
        for m in reversed(ctx.before):
            if _ends_in(m.name, key):
                return m.entity, m.name
            if _ends_in(m.text, key):  # "Landgericht Mannheim", an entity named "Mannheim"
                return m.entity, m.text
    if not described and (typed := _of_sector(body, ctx)) is not None:
        return typed.entity, typed.name
    return None, _earlier_noun(noun, key, described, ctx)


def _of_sector(body: str, ctx: Context) -> Named | None:
    """ "Das Bündnis" after "Nato" (IGOWSTNAT): the last organisation whose actor code has
    a sector the noun can stand for (IGO, NGO, MNC, JUD, MED, …). The code, not the name,
    says what kind of organisation it is, and junk ORG mentions have none."""
    sectors = {code for code, nouns in ctx.sectors.items() if body in nouns}
    for m in reversed(ctx.before):
        if m.actor and (m.actor[:3] in sectors or m.actor[3:6] in sectors):
            return m
    return None


def _earlier_noun(noun: Token, key: str, described: bool, ctx: Context) -> str | None:
    """The name next to an earlier noun ending in ``key`` ("der Gesundheitskonzern
    *Fresenius*"), or that noun where it is a compound ("Bauernverband")."""
    doc = noun.doc
    for tok in reversed(doc[: noun.i]):
        if tok.tag_ not in ("NN", "NNS") or not _ends_in(tok.lemma_, key):
            continue
        if described and tok.lemma_ != noun.lemma_:
            continue
        name = ctx.name_in(list(doc[tok.i + 1 : tok.i + 5]))
        if name and doc[tok.i + 1].tag_ in _NAME_TAGS:
            named = tok.lemma_ in ctx.bodies or ctx.is_place(name)
            return _named_noun(doc, tok, name) if named else name
        if not described and len(tok.lemma_) > len(key):
            return str(tok.lemma_)
    return None


def _named_noun(doc: Doc, tok: Token, name: str) -> str:
    """ "Universität Heidelberg", "Landgericht Mannheim", "Bank of England": the noun is
    part of the name (in its base form: "des Landgerichts Mannheim")."""
    last = name.rsplit(maxsplit=1)[-1]
    stop = max(t.idx + len(t) for t in doc[tok.i + 1 : tok.i + 5] if t.text == last)
    return tok.lemma_ + doc.text[tok.idx + len(tok) : stop]


def _ends_in(word: str, body: str) -> bool:
    return word.lower().endswith(body.lower())
