"""From speaker spans to entities: names, pronouns ("er") and role phrases ("der Minister").

* A speaker span that overlaps a mention in ``doc.entities`` is that entity.
* A name inside the span ("der russische Präsident Wladimir Putin") is the name; a
  surname alone takes the longer form named earlier ("Putin" → "Wladimir Putin").
* A pronoun is the closest speaker named before it, else the closest person mention.
* A role phrase is the name that stands next to the same role noun elsewhere in the
  article ("des russischen Präsidenten Wladimir Putin"), else the closest person before.
* A definite organisation phrase ("das Gericht", "einer Erklärung des Verbandes") is the
  organisation it points back to (``Resolver._organisation``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from .found import Offsets
from .lexicon import Lexicon
from .organisations import Context, Named, org_head, organisation

_NAME_TAGS = frozenset({"NE", "NNP", "NNPS"})
_INDEFINITE = frozenset({"ein", "eine", "einer", "einem", "einen", "a", "an"})


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity: str | None
    name: str
    type: str
    kind: str = "name"


def entity_mentions(entities: list[dict[str, Any]]) -> list[Mention]:
    out = []
    for ent in entities:
        for m in ent.get("mentions", []):
            out.append(
                Mention(
                    m["start"],
                    m["end"],
                    ent.get("id"),
                    str(ent.get("name", "")),
                    str(ent.get("type", "")),
                    str(m.get("kind", "name")),
                )
            )
    return sorted(out, key=lambda m: m.start)


class Resolver:
    def __init__(self, doc: Doc, entities: list[dict[str, Any]], lex: Lexicon) -> None:
        self.doc = doc
        self.mentions = entity_mentions(entities)
        self.actors = {str(e.get("id")): str(e.get("actor") or "") for e in entities}
        self.places = {
            name
            for m in self.mentions
            if m.type in ("LOC", "GPE")
            for name in (m.name, self._text(m))
        }
        self.lex = lex
        self.sectors = {
            k.removeprefix("org_sector_"): v
            for k, v in lex.words.items()
            if k.startswith("org_sector_")
        }
        self.named: list[
            tuple[int, str, str | None]
        ] = []  # (offset, name, entity) of speakers so far

    def widen(self, span: Offsets) -> Offsets:
        """The span grown over the whole of each name it cuts: "[Lutz] Schumacher".

        The speaker's NP comes from POS tags; where the tagger split a name, the NER
        mention knows its extent.
        """
        start, end = span
        for m in self.mentions:
            if m.kind == "name" and m.start < end and start < m.end:
                start, end = min(start, m.start), max(end, m.end)
        return start, end

    def resolve(self, span: Offsets) -> tuple[str | None, str | None]:
        """(entity id, canonical name) of the speaker at ``span``."""
        hit = self._overlap(span)
        toks = self._tokens(span)
        owner = self._possessor(hit, toks)
        if hit is not None and not owner and not self._is_pronoun(toks):
            # "the Chinese foreign ministry", "U.S. officials": of that country, but the
            # speaker is the phrase
            name = _without_article(toks) if self._modifies(hit, toks) else hit.name
            return self._remember(span, name, hit.entity)
        if self._is_pronoun(toks):
            return self._antecedent(span[0])
        if owner:
            return None, None  # "Merkels Sprecher": somebody of hers, not named here
        name = self._name_in(toks)
        if name:
            return self._remember(span, self._longer_form(name, span[0]), None)
        role = self._role_head(toks)
        if role is not None:
            return self._by_role(role, toks, span)
        noun = org_head(toks, self.lex.words.get("org_role", frozenset()))
        return self._organisation(noun, span) if noun is not None else (None, None)

    def _modifies(self, hit: Mention, toks: list[Token]) -> bool:
        """An English place or nationality before the phrase's common noun head."""
        if self.lex.lang != "en" or hit.type not in ("GPE", "LOC", "MISC") or not toks:
            return False
        last = toks[-1]
        return hit.end <= last.idx and last.tag_.startswith("NN") and last.text[:1].islower()

    def _organisation(self, noun: Token, span: Offsets) -> tuple[str | None, str | None]:
        before = [
            Named(m.entity, m.name, self._text(m), self.actors.get(str(m.entity), ""))
            for m in self.mentions
            if m.type == "ORG" and m.end <= span[0]
        ]
        bodies = self.lex.words.get("org_role", frozenset())
        context = Context(before, bodies, self._name_in, self.places.__contains__, self.sectors)
        entity, name = organisation(noun, span[1], context)
        if name is not None and entity is None:  # a name found in the text: its entity
            entity = next(
                (m.entity for m in self.mentions if name in (m.name, self._text(m))), None
            )
        return entity, name

    def _by_role(
        self, role: str, toks: list[Token], span: Offsets
    ) -> tuple[str | None, str | None]:
        """A role phrase: the name next to the same role elsewhere, else the person named
        last, unless the phrase is a group ("The leaders", "Experten") or indefinite
        ("ein Regierungssprecher": somebody new)."""
        found = self._named_role(role, span, _role_prefix(toks, role))
        if found:
            return self._remember(span, found, None)
        group = any(t.tag_ == "NNS" or _german_plural(t, role) for t in toks)
        new = bool(toks) and toks[0].lower_ in _INDEFINITE
        return (None, None) if group or new else self._antecedent(span[0], role=True)

    def _possessor(self, mention: Mention | None, toks: list[Token]) -> bool:
        """ "*Rezais* Wahlkampfhelfer": a name in the genitive that opens the phrase owns
        the speaker before the phrase's noun; it does not speak."""
        if mention is not None and mention.start != (toks[0].idx if toks else -1):
            return False
        end = mention.end if mention is not None else (toks[0].idx + len(toks[0]) if toks else 0)
        first = self._text(mention) if mention is not None else (toks[0].text if toks else "")
        after = next((t for t in toks if t.idx >= end), None)
        named = mention is not None or (bool(toks) and toks[0].tag_ == "NE")
        return named and first.endswith("s") and after is not None and after.tag_ == "NN"

    def _remember(
        self, span: Offsets, name: str, entity: str | None
    ) -> tuple[str | None, str | None]:
        if entity is None:  # a name found in the text: the entity that has it, if any
            entity = next(
                (m.entity for m in self.mentions if name in (m.name, self._text(m))), None
            )
        self.named.append((span[0], name, entity))
        return entity, name

    def _text(self, mention: Mention) -> str:
        return str(self.doc.text[mention.start : mention.end])

    def _tokens(self, span: Offsets) -> list[Token]:
        chunk = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        return [t for t in chunk] if chunk is not None else []

    def _overlap(self, span: Offsets) -> Mention | None:
        """The mention that is the speaker: a person first, the longest of them ("Hauptmann
        Abraham Sipe": not the rank read as a name); another entity only where no
        preposition attaches it ("die Organisation *in Bonn*" is not Bonn)."""
        hits = [m for m in self.mentions if m.start < span[1] and span[0] < m.end]
        people = [m for m in hits if m.type == "PER"]
        if people:
            return max(people, key=lambda m: m.end - m.start)
        heads = [m for m in hits if not self._after_preposition(m, span)]
        return heads[0] if heads else None

    def _after_preposition(self, mention: Mention, span: Offsets) -> bool:
        words = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        phrase = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        return words is not None and phrase is not None and _in_phrase(words[0], phrase.start)

    def _is_pronoun(self, toks: list[Token]) -> bool:
        if len(toks) != 1:
            return False
        word = toks[0].text.lower()
        return any(
            word in {w.lower() for w in self.lex.words.get(k, ())}
            for k in ("pron_m", "pron_f", "pron_p")
        )

    def _antecedent(self, offset: int, role: bool = False) -> tuple[str | None, str | None]:
        before = [n for n in self.named if n[0] < offset]
        people = [m for m in self.mentions if m.type == "PER" and m.end <= offset]
        if role and before and before[-1][2] in {m.entity for m in people}:
            # "…, sagte X nach dem Treffen *mit Y*. …, kündigte der Politiker an": a
            # person after a preposition is less likely the one a role phrase takes up
            # than the person who spoke last
            people = [m for m in people if not self._prepositional(m)]
        if before and (not people or before[-1][0] >= people[-1].start):
            return before[-1][2], before[-1][1]
        if people:
            return people[-1].entity, people[-1].name
        return None, self._last_name_before(offset)

    def _prepositional(self, mention: Mention) -> bool:
        words = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if words is None or words.start == 0:
            return False
        k = words.start - 1
        while k > 0 and self.doc[k].tag_ in ("ART", "ADJA", "DT", "JJ", "NN", "NNP"):
            k -= 1  # "mit *dem ukrainischen Außenminister* Kuleba"
        return self.doc[k].tag_ in ("APPR", "APPRART", "IN")

    def _last_name_before(self, offset: int) -> str | None:
        """Without entities: the closest name of two or more words before (a person, mostly)."""
        runs: list[list[Token]] = []
        for tok in self.doc:
            if tok.idx >= offset:
                break
            follows = bool(runs) and runs[-1][-1].i == tok.i - 1
            surname = follows and tok.tag_ in ("NN", "NNP") and runs[-1][-1].tag_ in _NAME_TAGS
            if (tok.tag_ in _NAME_TAGS or surname) and tok.text[:1].isupper():
                if follows:
                    runs[-1].append(tok)
                else:
                    runs.append([tok])
        names = [r for r in runs if len(r) >= 2]
        return " ".join(t.text for t in names[-1]) if names else None

    def _name_in(self, toks: list[Token]) -> str:
        runs: list[list[Token]] = [[]]
        roles = self.lex.words.get("role", frozenset())
        for t in toks:
            surname = bool(runs[-1]) and t.tag_ in ("NN", "NNP") and t.lemma_ not in roles
            if (t.tag_ in _NAME_TAGS or surname) and t.text[:1].isupper():
                runs[-1].append(t)
            elif runs[-1]:
                runs.append([])
        # "die Organisation *in Bonn*": a name in a phrase of the NP is no speaker's name
        runs = [r for r in runs if r and not _in_phrase(r[0], toks[0].i)]
        best = max(runs, key=len, default=[])
        return " ".join(t.text for t in best)

    def _longer_form(self, name: str, offset: int) -> str:
        for _, known, _ in self.named:
            if known != name and known.endswith(" " + name):
                return known
        return name

    def _role_head(self, toks: list[Token]) -> str | None:
        """The role noun of a phrase, also as the head of a compound: "der
        *FDP-Vorsitzende*", "die *Außenministerin*"."""
        roles = self.lex.words.get("role", frozenset())
        for t in toks:
            if t.lemma_ in roles or t.text in roles:
                return t.lemma_
            head = _compound_role(t.text, roles)
            if head is not None:
                return head
        return None

    def _named_role(self, role: str, span: Offsets, prefix: str) -> str:
        """A name right after the same role noun elsewhere: "Präsidenten Wladimir Putin",
        also after a compound of it ("Kremlsprecher Dmitri Peskow" for "der Sprecher").
        A compound in the phrase takes only the same compound: "der *FDP*-Vorsitzende" is
        not the "*Grünen-Fraktions*vorsitzende Katharina Dröge"."""
        names = []
        roles = self.lex.words.get("role", frozenset())
        for tok in self.doc:
            same = tok.lemma_ == role or _compound_role(tok.text, roles) == role
            if not same or span[0] <= tok.idx < span[1] or tok.i + 1 >= len(self.doc):
                continue
            if prefix and _role_prefix([tok], role) != prefix:
                continue
            window = list(self.doc[tok.i + 1 : tok.i + 5])
            name = self._name_in(window)
            size = len(name.split())
            after = window[size] if size < len(window) else None
            coordinated = after is not None and after.tag_ in (
                "KON",
                "CC",
            )  # "Präsident Nato und USA"
            if name and window[0].tag_ in _NAME_TAGS and not coordinated:
                names.append(self._longer_form(name, tok.idx))
        return max(names, key=lambda n: len(n.split()), default="")


_MIN_ROLE_HEAD = 6  # shorter role words ("Chef") end too many other nouns


def _compound_role(word: str, roles: frozenset[str]) -> str | None:
    """The role a compound noun ends in: "FDP-Vorsitzende" -> "Vorsitzende",
    "Außenministerin" -> "Ministerin"."""
    if not word[:1].isupper():
        return None
    tail = word.rsplit("-", 1)[-1]
    if tail != word and tail in roles:
        return tail
    lower = word.lower()
    heads = [
        r
        for r in roles
        if len(r) >= _MIN_ROLE_HEAD and lower.endswith(r.lower()) and lower != r.lower()
    ]
    # the longest head, then the first in order: the same on every run (sets are unordered)
    return min(heads, key=lambda r: (-len(r), r), default=None)


def _role_prefix(toks: Sequence[Token], role: str) -> str:
    """What a compound puts before the role noun ("fdp-" in "FDP-Vorsitzende", "kreml" in
    "Kremlsprecher"); "" for the bare noun."""
    for t in toks:
        lower, head = t.text.lower(), role.lower()
        at = lower.rfind(head[: max(len(head) - 2, 3)])  # inflected: "Vorsitzenden"
        if at > 0 and t.text[:1].isupper():
            return lower[:at]
        if at == 0:
            return ""
    return ""


def _without_article(toks: list[Token]) -> str:
    first = toks[1] if toks[0].lower_ in ("the", "a", "an") and len(toks) > 1 else toks[0]
    return str(first.doc.text[first.idx : toks[-1].idx + len(toks[-1])])


def _german_plural(tok: Token, role: str) -> bool:
    """ "Experten", "Politikerinnen": the role noun in a plural form of its own."""
    return tok.tag_ == "NN" and tok.lemma_ == role and tok.text != role and tok.text.endswith("n")


def _in_phrase(first: Token, start: int) -> bool:
    """The name starting at ``first`` is an attribute inside the phrase that starts at
    token ``start``: after a preposition ("die Organisation *in Bonn*") or a genitive
    article after the head noun ("der Sprecher *des Kremls*"); an article or adjective
    may stand between."""
    k = first.i - 1
    genitive = False
    while k > start and first.doc[k].tag_ in ("ART", "ADJA", "DT", "JJ"):
        genitive = genitive or first.doc[k].lower_ == "des"
        k -= 1
    if k < start:
        return False
    tag = first.doc[k].tag_
    return tag in ("APPR", "APPRART", "IN") or (genitive and tag == "NN")
