"""The German event coder: sentences -> clauses -> triggers -> roles -> event records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..data_files import read_json
from ..model import Document, Span
from .accusations import reported_accusation
from .actors import ActorResolver
from .arguments import Roles, subject
from .assign import RoleAssigner
from .clauses import NP, Clause, Tok, clauses
from .lexicon import Lexicon, load_lexicon
from .modes import ModeFinder
from .names import NameIndex
from .records import EventParts, build_record, caption_meeting
from .reports import Reporter
from .triggers import Trigger, TriggerFinder

CODED_PARTS = frozenset({"title", "lead", "body", "subheading", "caption"})
Record = dict[str, Any]


def load_rules(lang: str = "de") -> dict[str, Any]:
    rules: dict[str, Any] = read_json(f"events_rules_{lang}.json")
    return rules


@dataclass(slots=True)
class Context:
    """One sentence being coded, with what the article so far tells about it."""

    doc: Document
    roles: Roles
    reporter: Reporter
    span: Span
    part: str
    clauses: list[Clause]
    dates: list[dict[str, Any]]
    subjects: list[NP | None] = field(default_factory=list)


class GermanCoder:
    def __init__(self, lexicon: Lexicon | None = None, resolver: ActorResolver | None = None):
        self.lexicon = lexicon or load_lexicon("de")
        self.rules = load_rules("de")
        self.resolver = resolver or ActorResolver()
        self.triggers = TriggerFinder(self.lexicon, self.rules)
        self.assigner = RoleAssigner(self.rules)
        self.modes = ModeFinder(self.rules)
        self.known = self.resolver.known_names()

    def code(self, doc: Document) -> list[Record]:
        if doc.doc is None:
            return []
        published = doc.article.published
        roles = Roles(self.resolver, published.value if published else None)
        reporter = Reporter(doc, self.rules)
        contexts = list(self._contexts(doc, roles, reporter))
        roles.names = NameIndex((c for ctx in contexts for c in ctx.clauses), roles.code)
        roles.sentences = [ctx.clauses for ctx in contexts]
        events: list[Record] = []
        recent: list[set[str]] = []  # event types coded per sentence, for repeated mentions
        for ctx in contexts:
            new = self._sentence(ctx, recent)
            recent.append({e["plover"]["type"] for e in new})
            events.extend(new)
        return events

    def _contexts(self, doc: Document, roles: Roles, reporter: Reporter) -> Iterator[Context]:
        for sentence in doc.sentences:
            part = doc.part_at(sentence.start)
            if part is None or part.kind not in CODED_PARTS:
                continue
            toks = _tokens(doc, sentence)
            if toks and not _repeated_title(doc, part.kind, sentence):
                dates = _dates(doc, sentence)
                found = _clauses(toks, dates, self.known)
                yield Context(doc, roles, reporter, sentence, part.kind, found, dates)

    def _sentence(self, ctx: Context, recent: list[set[str]]) -> list[Record]:
        out: list[Record] = []
        window = int(self.rules["repeat_window"])
        seen: set[str] = set().union(*recent[-window:]) if window else set()
        embedding = False
        ctx.roles.start_sentence(ctx.clauses)
        for k, clause in enumerate(ctx.clauses):
            subj = self._subject(ctx, clause, ctx.clauses[k - 1] if k else None)
            found = self.triggers.in_clause(clause)
            # A noun naming an event coded just before is a repeated mention, not a new event.
            found = [t for t in found if not (t.is_noun and t.entry.type in seen)]
            # "forderte X auf, … zu tun", "lehnte ab, … zu treffen": the embedded clause is
            # the content of the demand or refusal, not an event of its own.
            inside = embedding and clause.kind in ("inf", "sub")
            embedding = inside or any(t.entry.type in self.rules["embedding_types"] for t in found)
            for trig in [] if inside else found:
                new = self._events(ctx, clause, subj, trig)
                seen.update(e["plover"]["type"] for e in new)
                out.extend(new)
            ctx.roles.remember(clause, subj)
        if not out and ctx.part == "caption":
            out.extend(self._caption(ctx))
        if not any(e["plover"]["type"] == "ACCUSE" for e in out):
            out.extend(self._reported_accusation(ctx))
        return out

    def _reported_accusation(self, ctx: Context) -> list[Record]:
        verbs = frozenset(self.rules["transgression_verbs"])
        found = reported_accusation(ctx.clauses, ctx.reporter.is_speech, subject, ctx.roles, verbs)
        if found is None:
            return []
        speaker, accused, tok = found
        cameo = self.lexicon.cameo.get("112")
        rule = "de:reported-accusation"
        records = []
        for recipient in accused:
            parts = EventParts(ctx.span, ctx.part, "ACCUSE", None, "112", cameo, speaker, recipient)
            records.append(
                build_record(
                    ctx.doc, parts, tok.start, tok.end, rule=rule, confidence=0.5, dates=ctx.dates
                )
            )
        return records

    def _subject(self, ctx: Context, clause: Clause, previous: Clause | None) -> NP | None:
        subj = subject(clause, previous)
        if subj is not None and subj.head.text.lower() in self.rules["expletives"]:
            # "sieht es der Präsident als Aufgabe an, …": "es" stands for the clause after;
            # the subject is the actor that follows. "es kam zu …", "man sagt": no actor.
            subj = _after_correlate(clause, subj, ctx.roles)
        if subj is None and (clause.joined or clause.kind == "inf") and ctx.subjects:
            subj = ctx.subjects[-1]  # "… und forderte", "…, um … zu": the subject before
        ctx.subjects.append(subj)
        return subj

    def _caption(self, ctx: Context) -> list[Record]:
        """A verbless caption "X mit Y in Z" shows a meeting: coded, flagged by its part."""
        only = ctx.clauses[0] if len(ctx.clauses) == 1 else None
        meeting = None
        if only is not None and only.finite() is None:
            meeting = caption_meeting(only, self.rules["caption_meeting_preps"])
        if meeting is None:
            return []
        actor_np, recipient_np, tok = meeting
        cameo = self.lexicon.cameo.get("040")
        actor, recipient = ctx.roles.role(actor_np), ctx.roles.role(recipient_np)
        parts = EventParts(ctx.span, ctx.part, "CONSULT", None, "040", cameo, actor, recipient)
        rule = "de:caption:NP-mit-NP"
        return [
            build_record(
                ctx.doc, parts, tok.start, tok.end, rule=rule, confidence=0.3, dates=ctx.dates
            )
        ]

    def _unwanted(self, ctx: Context, clause: Clause) -> bool:
        """An event someone wants to prevent, fears or rules out ("verhindern, dass X Y
        unterstützt") has not happened: PLOVER's hypothetical mode."""
        if clause.kind not in ("sub", "inf"):
            return False
        k = ctx.clauses.index(clause)
        governors = self.rules["hypothetical_governors"]
        return any(
            t.lemma.lower() in governors for c in ctx.clauses[max(0, k - 1) : k] for t in c.toks
        )

    def _events(self, ctx: Context, clause: Clause, subj: NP | None, trig: Trigger) -> list[Record]:
        actors, recipients, how = self.assigner.assign(clause, subj, trig, ctx.roles)
        if how == "+passive" and trig.entry.type == "ASSAULT" and actors == [None]:
            return []  # victims counted without an attacker: not an event
        published = ctx.doc.article.published
        modes = self.modes.find(clause, trig.tok, ctx.dates, published.value if published else None)
        entry = trig.entry
        ptype, code, negated = entry.type, entry.cameo, modes.negated
        # "stimmte nicht zu", "keine Gespräche": a refusal, not a negated agreement/meeting;
        # "einigten sich nicht", "keine Einigung" stay a negated AGREE (they failed to agree).
        refusal = ptype == "AGREE" and entry.lemma in self.rules["refusal_when_negated"]
        if negated and (refusal or (trig.is_noun and ptype in ("CONSULT", "COOPERATE"))):
            ptype, code, negated = "REJECT", "125" if ptype == "CONSULT" else "120", False
        cameo = self.lexicon.cameo.get(code) or self.lexicon.cameo.get(code[:2])
        reported = ctx.reporter.reporter(clause, ctx.clauses, trig.start, ctx.roles, subject)
        rule = f"de:{entry.pos}:{entry.lemma}@{self.lexicon.source}:{entry.line}{how}"
        confidence = (0.6 if trig.is_noun else 0.75) * (0.5 if ctx.part == "caption" else 1.0)
        records = []
        for actor, recipient in _pairs(actors, recipients):
            parts = EventParts(
                ctx.span, ctx.part, ptype, entry.mode, code, cameo, actor, recipient, reported
            )
            score = confidence * (1.0 if actor else 0.8)
            record = build_record(
                ctx.doc, parts, trig.start, trig.end, rule=rule, confidence=score, dates=ctx.dates
            )
            record.update(
                negated=negated,
                historical=modes.historical,
                future=modes.future,
                hypothetical=modes.hypothetical or self._unwanted(ctx, clause),
            )
            records.append(record)
        return records


def _after_correlate(clause: Clause, subj: NP, roles: Roles) -> NP | None:
    if subj.head.text.lower() != "es":
        return None
    later = [np for np in clause.nps if np.start > subj.end and np.may_be_nominative()]
    first = later[0] if later else None
    if first is None or first.first.text.lower() not in ("der", "die") or first.prep:
        return None
    return first if roles.actorish(first) else None


def _pairs(actors: list[Any], recipients: list[Any]) -> list[tuple[Any, Any]]:
    return [
        (a, r) for a in actors for r in recipients if a is None or r is None or a.np is not r.np
    ]


def _repeated_title(doc: Document, kind: str, sentence: Span) -> bool:
    """A scraped title that repeats another part (often the caption) is coded there only."""
    if kind != "title":
        return False
    text = sentence.text_in(doc.text).strip()
    return any(p.kind != "title" and text in doc.text[p.start : p.end] for p in doc.parts)


def _tokens(doc: Document, sentence: Span) -> list[Tok]:
    assert doc.doc is not None
    span = doc.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return []
    out: list[Tok] = []
    for tok in span:
        if not tok.is_space:
            end = tok.idx + len(tok.text)
            out.append(Tok(len(out), tok.text, tok.lemma_ or tok.text, tok.tag_, tok.idx, end))
    return out


def _clauses(toks: list[Tok], dates: list[dict[str, Any]], known: frozenset[str]) -> list[Clause]:
    """Clauses of the sentence; phrases that are dates ("am Mittwoch") never fill a role."""
    found = clauses(toks, known)
    for clause in found:
        clause.nps = [
            np
            for np in clause.nps
            if not any(d["start"] < np.end and np.start < d["end"] for d in dates)
        ]
    return found


def _dates(doc: Document, sentence: Span) -> list[dict[str, Any]]:
    return [
        t
        for t in doc.times
        if sentence.start <= int(t.get("start", -1)) < sentence.end and t.get("value")
    ]
