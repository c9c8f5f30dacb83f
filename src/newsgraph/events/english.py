"""The English event coder: triggers from the lexicon, roles from the dependency parse.

Subject (``nsubj``) acts, the object (``dobj``, ``dative``) or a type's preposition
("against", "with") receives; passive subjects receive and "by" names the actor. A verb
without a subject borrows it from the verb it depends on ("agreed to resume", "… and
condemned"). Intentions ("will support", "agreed to withdraw") are AGREE, as in CAMEO.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..data_files import read_json
from ..model import Document, Span
from .actors import Word
from .actors_en import EnglishResolver
from .lexicon import Entry, load_lexicon
from .modes import _month_index
from .records import EventParts, build_record

CODED_PARTS = frozenset({"title", "lead", "body", "subheading", "caption"})
NP_LEFT = frozenset({"compound", "amod", "det", "nummod", "poss", "case", "nmod", "quantmod"})
SUBJECTS = ("nsubj", "nsubjpass", "csubj")


@dataclass(frozen=True, slots=True)
class EnRole:
    start: int
    end: int
    code: str | None


@dataclass(frozen=True, slots=True)
class Sentence:
    doc: Document
    evidence: Span
    part: str
    on: str | None  # publication date


def _rules() -> dict[str, Any]:
    rules: dict[str, Any] = read_json("events_rules_en.json")
    return rules


def phrase(tok: Token) -> list[Token]:
    """The noun and the modifiers before it ("the Russian President Vladimir Putin")."""
    left = [t for t in tok.lefts if t.dep_ in NP_LEFT]
    words = [w for t in left for w in t.subtree if w.i < tok.i] + [tok]
    words += [
        t for t in tok.rights if t.dep_ in ("compound", "flat", "appos") and t.pos_ == "PROPN"
    ]
    return sorted(set(words), key=lambda t: t.i)


def conjuncts(tok: Token) -> list[Token]:
    return [tok, *[t for t in tok.children if t.dep_ == "conj"]]


class EnglishCoder:
    def __init__(self, resolver: EnglishResolver | None = None) -> None:
        self.lexicon = load_lexicon("en")
        self.rules = _rules()
        self.resolver = resolver or EnglishResolver()
        self._demand = self.lexicon.verb("demand")[0]

    def code(self, doc: Document) -> list[dict[str, Any]]:
        if doc.doc is None or not doc.doc.has_annotation("DEP"):
            return []  # no English parser installed: nothing is coded rather than guessed
        published = doc.article.published
        on = published.value if published else None
        events: list[dict[str, Any]] = []
        for sentence in doc.sentences:
            part = doc.part_at(sentence.start)
            span = doc.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if part is None or part.kind not in CODED_PARTS or span is None:
                continue
            at = Sentence(doc, Span(sentence.start, sentence.end), part.kind, on)
            events.extend(self._sentence(at, span))
        return events

    def _sentence(self, at: Sentence, sent: SpacySpan) -> list[dict[str, Any]]:
        found = [(tok, entry) for tok in sent if (entry := self._entry(tok, sent)) is not None]
        found += [(tok, e) for tok in sent if (e := self._obligation(tok)) is not None]
        out: list[dict[str, Any]] = []
        for tok, entry in found:
            if not self._embedded(tok, found):
                out.extend(self._events(at, tok, entry))
        return out

    def _entry(self, tok: Token, sent: SpacySpan) -> Entry | None:
        words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB":
            particles = [c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")]
            candidates = [p + lemma for p in particles] + [lemma]
            entries = next((self.lexicon.verb(c) for c in candidates if self.lexicon.verb(c)), [])
        elif tok.pos_ == "NOUN":
            entries = self.lexicon.noun(lemma)
        else:
            return None
        return next((e for e in entries if not e.needs or e.needs & words), None)

    def _obligation(self, tok: Token) -> Entry | None:
        """ "X said (that) Y must …": a demand by X on Y."""
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.rules["speech_verbs"]:
            return None
        must = set(self.rules["obligation_aux"])
        for clause in (c for c in tok.children if c.dep_ == "ccomp"):
            if any(a.dep_ == "aux" and a.lower_ in must for a in clause.children):
                return self._demand
        return None

    def _embedded(self, tok: Token, found: list[tuple[Token, Entry]]) -> bool:
        """An event noun governed by another trigger ("condemned the attack") and the content
        of a demand, refusal, threat or promise ("urged them to stop fighting") are not
        events of their own."""
        triggers = {t.i: e for t, e in found}
        embedding = set(self.rules["embedding_types"])
        for depth, ancestor in enumerate(tok.ancestors):
            if depth >= 3:
                break
            entry = triggers.get(ancestor.i)
            if entry is not None and (tok.pos_ == "NOUN" or entry.type in embedding):
                return True
        return False

    def _events(self, at: Sentence, tok: Token, entry: Entry) -> list[dict[str, Any]]:
        actors, recipients = self._roles(tok, entry, at.on)
        reporter = self._reporter(at.doc, tok)
        if actors == [None] and reporter is not None and self._pronoun_subject(tok):
            # "Hungary said it will support …": the pronoun is the speaker.
            code_at = self._code_at(at.doc, reporter, at.on)
            actors = [EnRole(reporter["start"], reporter["end"], code_at)]
        ptype, code, mode, negated = self._classify(tok, entry)
        cameo = self.lexicon.cameo.get(code) or self.lexicon.cameo.get(code[:2])
        rule = f"en:{entry.pos}:{entry.lemma}@{self.lexicon.source}:{entry.line}"
        ev = at.evidence
        dates = [t for t in at.doc.times if ev.start <= int(t.get("start", -1)) < ev.end]
        modes = {
            "negated": negated,
            "future": self._aux(tok, "future_aux"),
            "hypothetical": self._aux(tok, "hypothetical_aux") or self._conditional(tok),
            "historical": self._historical(dates, at.on),
        }
        records = []
        for actor in actors:
            for recipient in recipients:
                parts = EventParts(
                    ev, at.part, ptype, mode, code, cameo, actor, recipient, reporter
                )
                end = tok.idx + len(tok.text)
                record = build_record(
                    at.doc, parts, tok.idx, end, rule=rule, confidence=0.7, dates=dates
                )
                record.update(modes)
                records.append(record)
        return records

    def _classify(self, tok: Token, entry: Entry) -> tuple[str, str, str | None, bool]:
        """Type, CAMEO code, mode and negation after intentions and refusals are read."""
        ptype, code, mode = entry.type, entry.cameo, entry.mode
        negated = self._negated(tok)
        if self._intent(tok) and ptype in self.rules["intent_types"]:
            ptype, code, mode = "AGREE", "030", None
        elif self._intent(tok) and ptype in self.rules["threat_types"] and not negated:
            ptype, code, mode = "THREATEN", "130", None  # announced coercion is a threat
        if negated and ptype == "AGREE":
            ptype, code, negated = "REJECT", "120", False  # "will not accept": a refusal
        return ptype, code, mode, negated

    def _roles(
        self, tok: Token, entry: Entry, on: str | None
    ) -> tuple[list[EnRole | None], list[EnRole | None]]:
        if entry is self._demand and tok.lemma_.lower() in self.rules["speech_verbs"]:
            clause = next(c for c in tok.children if c.dep_ == "ccomp")
            target = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            return self._fill(self._subject(tok), on), self._fill(target, on)
        if tok.pos_ == "NOUN":
            return self._noun_roles(tok, entry, on)
        subj = self._subject(tok)
        if subj is not None and subj.dep_ == "nsubjpass":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            return self._fill(by, on), self._fill(subj, on)
        return self._fill(subj, on), self._fill(self._object(tok, entry), on)

    def _subject(self, tok: Token) -> Token | None:
        for _ in range(4):  # climb xcomp/conj/relcl links to a verb that has a subject
            subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
            if subj is not None:
                if subj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                    return tok.head
                return subj
            if tok.dep_ == "relcl":
                return tok.head
            if tok.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "acomp") or tok.head is tok:
                return None
            tok = tok.head
        return None

    def _object(self, tok: Token, entry: Entry) -> Token | None:
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative", "obj")), None)
        if obj is not None and self._actor_like(obj):
            return obj
        preps = set(self.rules["recipient_preps"].get(entry.type, []))
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and self._actor_like(pobj):
                    return pobj
        patient = not entry.genitive_is_actor
        return obj if obj is not None and patient else None

    def _noun_roles(
        self, tok: Token, entry: Entry, on: str | None
    ) -> tuple[list[EnRole | None], list[EnRole | None]]:
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "by")), None)
        attribute = owner or (
            next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        )
        actor = attribute if entry.genitive_is_actor else None
        recipient = attribute if not entry.genitive_is_actor else None
        if actor is None and tok.dep_ in ("dobj", "nsubjpass", "attr"):
            actor = self._subject(tok.head) if tok.dep_ == "dobj" else None
        if recipient is None:
            recipient = self._object(tok, entry)
        return self._fill(actor, on), self._fill(recipient, on)

    def _pronoun_subject(self, tok: Token) -> bool:
        subj = self._subject(tok)
        return subj is not None and subj.tag_ == "PRP"

    def _code_at(self, doc: Document, span: dict[str, Any], on: str | None) -> str | None:
        assert doc.doc is not None
        words = doc.doc.char_span(span["start"], span["end"], alignment_mode="expand")
        return self._code(list(words), on) if words is not None else None

    def _actor_like(self, tok: Token) -> bool:
        return tok.pos_ == "PROPN" or self._code(phrase(tok), None) is not None

    def _code(self, words: list[Token], on: str | None) -> str | None:
        return self.resolver.resolve([Word(t.text, t.lemma_, t.tag_) for t in words], on)

    def _fill(self, tok: Token | None, on: str | None) -> list[EnRole | None]:
        if tok is None or tok.tag_ == "PRP" or tok.lower_ == "there":
            return [None]
        out: list[EnRole | None] = []
        for head in conjuncts(tok):
            words = phrase(head)
            extra = [
                w for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for w in c.subtree
            ]
            out.append(
                EnRole(words[0].idx, head.idx + len(head.text), self._code(words + extra, on))
            )
        return out

    def _aux(self, tok: Token, key: str) -> bool:
        words = set(self.rules[key])
        chain = [tok, tok.head] if tok.dep_ == "xcomp" else [tok]
        return any(
            c.lower_ in words for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")
        )

    def _intent(self, tok: Token) -> bool:
        head = tok.head if tok.dep_ == "xcomp" else None
        intent = set(self.rules["intent_verbs"])
        return self._aux(tok, "future_aux") or (head is not None and head.lemma_.lower() in intent)

    def _conditional(self, tok: Token) -> bool:
        marks = set(self.rules["hypothetical_marks"])
        return any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)

    def _negated(self, tok: Token) -> bool:
        negation = set(self.rules["negation"])
        own = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children)
        head = tok.head if tok.dep_ == "xcomp" else None
        return own or (
            head is not None
            and any(c.dep_ == "neg" and c.lower_ in negation for c in head.children)
        )

    def _historical(self, dates: list[dict[str, Any]], on: str | None) -> bool:
        now = _month_index(on) if on else None
        if now is None:
            return False
        months = int(self.rules["historical_months"])
        return any(
            (m := _month_index(str(d.get("value") or ""))) is not None and now - m >= months
            for d in dates
        )

    def _reporter(self, doc: Document, tok: Token) -> dict[str, Any] | None:
        speech = set(self.rules["speech_verbs"])
        head = tok
        while head.dep_ in ("ccomp", "conj", "xcomp", "acomp") and head.head is not head:
            head = head.head
            if head.lemma_.lower() in speech:
                subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    words = phrase(subj)
                    start, end = words[0].idx, subj.idx + len(subj.text)
                    return {"entity": None, "start": start, "end": end, "text": doc.text[start:end]}
        return None
