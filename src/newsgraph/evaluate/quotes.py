"""Quotes: the German news quotation corpus dev (and PolNeAR dev for English).

Recipe (the corpus' SOURCE.md, after its upstream ``eval.py``): nested annotations are left
out; per article, system and gold quotes are aligned one-to-one by the Hungarian algorithm
on token-overlap F1 of the quote spans; then token-level TP/FP/FN are counted per role
(quote, speaker, cue, and addressee where the corpus marks one) over aligned pairs,
unaligned quotes counting all their tokens as FP or FN. Direct and indirect quotes are
scored apart (each kind aligned on its own).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .common import Analyse, Counts, DatasetResult, Scorer, hungarian, limited, ratio, run, token_f1
from .loaders import article

ROLES = ("quote", "speaker", "cue", "addressee")
# Gold quote types onto the record's kinds; "partial" quotes are direct quotes in marks.
GOLD_KIND = {
    "Direct": "direct",
    "Indirect": "indirect",
    "FreeIndirect": "indirect",
    "IndirectFreeIndirect": "indirect",
    "Reported": "reported",
}
SYSTEM_KIND = {"direct": "direct", "partial": "direct", "indirect": "indirect"}
SPOKEN = "direct+indirect"  # row prefix: all quotes but reported speech
QUOTE_MARKS = "\"“”„‟«»‹›‘’‚'"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote as token-id sets per role, and its kind."""

    kind: str
    quote: frozenset[int]
    speaker: frozenset[int] = frozenset()
    cue: frozenset[int] = frozenset()
    addressee: frozenset[int] = frozenset()
    no_source: bool = False

    def role(self, name: str) -> frozenset[int]:
        value: frozenset[int] = getattr(self, name)
        return value


@dataclass(slots=True)
class Alignment:
    roles: dict[str, Counts]
    exact: Counts
    pairs: list[tuple[Quote, Quote]]


def align(gold: list[Quote], system: list[Quote]) -> Alignment:
    """One article: Hungarian alignment on quote-token F1, then token counts per role."""
    weights = [[token_f1(set(g.quote), set(s.quote)) for s in system] for g in gold]
    index_pairs = hungarian(weights)
    roles = {r: Counts() for r in ROLES}
    matched_g = {g for g, _ in index_pairs}
    matched_s = {s for _, s in index_pairs}
    for gi, si in index_pairs:
        for r in ROLES:
            g, s = gold[gi].role(r), system[si].role(r)
            roles[r].add(len(g & s), len(s - g), len(g - s))
    for r in ROLES:
        roles[r].add(fn=sum(len(q.role(r)) for i, q in enumerate(gold) if i not in matched_g))
        roles[r].add(fp=sum(len(q.role(r)) for i, q in enumerate(system) if i not in matched_s))
    exact_tp = sum(1 for gi, si in index_pairs if gold[gi].quote == system[si].quote)
    exact = Counts(exact_tp, len(system) - exact_tp, len(gold) - exact_tp)
    return Alignment(roles, exact, [(gold[g], system[s]) for g, s in index_pairs])


class QuoteTally:
    """Accumulates alignments over articles: overall and per kind."""

    def __init__(self, result: DatasetResult, kinds: Iterable[str], addressee: bool) -> None:
        self.result = result
        self.kinds = tuple(kinds)
        self.addressee = addressee  # PolNeAR marks no addressee: no row for it there
        self.form_right = self.form_total = 0
        self.nosource_right = self.nosource_total = 0

    def add(self, gold: list[Quote], system: list[Quote]) -> None:
        overall = align(gold, system)
        self._add_rows("", overall)
        self.result.overall = self.result.row("quote")
        for g, s in overall.pairs:
            self.form_total += 1
            self.form_right += g.kind == s.kind
            if g.no_source:
                self.nosource_total += 1
                self.nosource_right += not s.speaker
        for kind in self.kinds:
            sub = align([q for q in gold if q.kind == kind], [q for q in system if q.kind == kind])
            self._add_rows(f"{kind}.", sub)
        if "reported" in self.kinds:
            # The corpus card puts reported speech "usually out of scope, report separately":
            # this row is the quotes proper (our reported ones dropped; a direct or indirect
            # quote of ours on reported gold words still counts against us).
            spoken = align(
                [q for q in gold if q.kind != "reported"],
                [q for q in system if q.kind != "reported"],
            )
            for r in ("quote", "speaker"):
                c = spoken.roles[r]
                self.result.row(f"{SPOKEN}.{r}").add(c.tp, c.fp, c.fn)

    def _add_rows(self, prefix: str, alignment: Alignment) -> None:
        for r, counts in alignment.roles.items():
            if r == "addressee" and (prefix or not self.addressee):
                continue  # few per kind (240 in train): one overall row
            if prefix != "reported." or r == "quote":
                self.result.row(prefix + r).add(counts.tp, counts.fp, counts.fn)
        if not prefix:
            self.result.row("quote.exact").add(
                alignment.exact.tp, alignment.exact.fp, alignment.exact.fn
            )

    def finish(self) -> None:
        self.result.scores["form_accuracy"] = ratio(self.form_right, self.form_total)
        if self.nosource_total:
            self.result.scores["no_source.speaker_none"] = ratio(
                self.nosource_right, self.nosource_total
            )


def system_quotes(
    record: dict[str, Any] | None, tokens_of: Callable[[int, int], frozenset[int]]
) -> list[Quote]:
    """The record's quotes as token sets (tokens of the gold tokenisation they overlap)."""
    quotes = []
    for q in (record or {}).get("quotes", []):
        if q.get("nested"):  # gold nested annotations are excluded; so are ours
            continue
        speaker, cue, addressee = q.get("speaker"), q.get("cue"), q.get("addressee")
        quotes.append(
            Quote(
                kind=SYSTEM_KIND.get(str(q.get("kind")), str(q.get("kind"))),
                quote=_quote_tokens(q, tokens_of),
                speaker=tokens_of(int(speaker["start"]), int(speaker["end"]))
                if speaker
                else frozenset(),
                cue=_cue_tokens(cue, tokens_of),
                addressee=tokens_of(int(addressee["start"]), int(addressee["end"]))
                if addressee
                else frozenset(),
            )
        )
    return quotes


def _quote_tokens(
    q: dict[str, Any], tokens_of: Callable[[int, int], frozenset[int]]
) -> frozenset[int]:
    """The quote's tokens without its gaps (an attribution set into reported words)."""
    tokens = tokens_of(int(q["start"]), int(q["end"]))
    for gap in q.get("gaps") or []:
        tokens -= tokens_of(int(gap["start"]), int(gap["end"]))
    return tokens


def _cue_tokens(
    cue: dict[str, Any] | None, tokens_of: Callable[[int, int], frozenset[int]]
) -> frozenset[int]:
    """A cue's main span plus its detached pieces ("fuhr … fort", "teilte … mit")."""
    if not cue:
        return frozenset()
    tokens = set(tokens_of(int(cue["start"]), int(cue["end"])))
    for piece in cue.get("pieces") or []:
        tokens |= tokens_of(int(piece["start"]), int(piece["end"]))
    return frozenset(tokens)


def token_lookup(offsets: list[tuple[int, int]]) -> Callable[[int, int], frozenset[int]]:
    def tokens_of(start: int, end: int) -> frozenset[int]:
        return frozenset(i for i, (a, b) in enumerate(offsets) if a < end and start < b)

    return tokens_of


# --- German news quotation attribution corpus -------------------------------------------

_DATE_IN_NAME = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\.pretty\.json$")


def gold_quotes(doc: dict[str, Any]) -> list[Quote]:
    """Non-nested annotations; token ids are the document's global ids."""
    out = []
    for ann in doc["annotations"]:
        if ann.get("isNested"):
            continue
        out.append(
            Quote(
                kind=GOLD_KIND.get(ann["type"], ann["type"].lower()),
                quote=frozenset(ann["quote"]["tokenIds"]),
                speaker=frozenset(ann["speaker"]["tokenIds"]),
                cue=frozenset(ann["cue"]["tokenIds"]),
                addressee=frozenset((ann.get("addressee") or {}).get("tokenIds", [])),
            )
        )
    return out


def score_german(data_dir: Path, analyse: Analyse, limit: int | None) -> DatasetResult:
    result = DatasetResult("quotes", "german-news-quotation", "dev", "de")
    folder = data_dir / "german-news-quotation-attribution" / "dev"
    if not folder.is_dir():
        result.skipped = f"{folder} not found"
        return result
    tally = QuoteTally(result, ("direct", "indirect", "reported"), addressee=True)
    for path in limited(sorted(folder.glob("*.json")), limit):
        doc = json.loads(path.read_text(encoding="utf-8"))
        match = _DATE_IN_NAME.search(path.name)
        record = run(
            result, analyse, article(doc["originalText"], "de", match[1] if match else None)
        )
        tokens = sorted(doc["tokens"], key=lambda t: t["id"])
        offsets = [(t["charBegin"], t["charEnd"]) for t in tokens]
        tally.add(gold_quotes(doc), system_quotes(record, token_lookup(offsets)))
    tally.finish()
    result.notes.append("token-level P/R/F1 over Hungarian-aligned quotes; nested excluded")
    return result


# --- PolNeAR (English) --------------------------------------------------------------------

_WORD = re.compile(r"\w+|[^\w\s]")


def read_brat(text: str) -> list[dict[str, list[tuple[int, int]]]]:
    """Attribution relations of a BRAT file: role → character ranges (``no_source`` marked)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[list[str]] = []
    for line in text.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, where = fields[1].partition(" ")
            pieces = [[int(x) for x in piece.split()] for piece in where.split(";")]
            spans[fields[0]] = (label, [(p[0], p[1]) for p in pieces])
        elif line.startswith("E") and len(fields) >= 2:
            relations.append(fields[1].split())
    return [_relation(args, spans) for args in relations]


def _relation(
    args: list[str], spans: dict[str, tuple[str, list[tuple[int, int]]]]
) -> dict[str, list[tuple[int, int]]]:
    relation: dict[str, list[tuple[int, int]]] = {}
    for arg in args:
        role, _, ref = arg.partition(":")
        label, ranges = spans.get(ref, ("", []))
        if role.startswith("Attribution"):
            relation["no_source" if label == "Attribution-no-source" else "attribution"] = ranges
        else:  # "Content2" continues the content
            relation.setdefault(role.rstrip("0123456789"), []).extend(ranges)
    return relation


def is_direct(text: str, ranges: list[tuple[int, int]]) -> bool:
    """Content inside quotation marks (the mark just inside or just outside each end)."""
    if not ranges:
        return False
    start, end = ranges[0][0], ranges[-1][1]
    opens = text[start : start + 1] in QUOTE_MARKS or text[max(start - 1, 0) : start] in QUOTE_MARKS
    closes = text[end - 1 : end] in QUOTE_MARKS or text[end : end + 1] in QUOTE_MARKS
    return bool(opens and closes)


def polnear_gold(
    text: str, ann: str, tokens_of: Callable[[int, int], frozenset[int]]
) -> list[Quote]:
    def toks(ranges: list[tuple[int, int]]) -> frozenset[int]:
        return frozenset().union(*(tokens_of(a, b) for a, b in ranges)) if ranges else frozenset()

    quotes = []
    for rel in read_brat(ann):
        content = rel.get("Content", [])
        if not content:
            continue
        quotes.append(
            Quote(
                kind="direct" if is_direct(text, content) else "indirect",
                quote=toks(content),
                speaker=toks(rel.get("Source", [])),
                cue=toks(rel.get("Cue", [])),
                no_source="no_source" in rel,
            )
        )
    return quotes


def score_polnear(data_dir: Path, analyse: Analyse, limit: int | None) -> DatasetResult:
    result = DatasetResult("quotes", "polnear", "dev", "en")
    folder = data_dir / "polnear-attribution-en"
    if not (folder / "metadata.tsv").is_file():
        result.skipped = f"{folder} not found"
        return result
    tally = QuoteTally(result, ("direct", "indirect"), addressee=False)
    for name, annotator, date in limited(_polnear_dev(folder / "metadata.tsv"), limit):
        text = (folder / "dev" / "text" / f"{name}.txt").read_text(encoding="utf-8")
        ann_path = folder / "dev" / "attributions" / f"{name}_{annotator}.ann"
        record = run(result, analyse, article(text, "en", date))
        tokens_of = token_lookup([(m.start(), m.end()) for m in _WORD.finditer(text)])
        gold = polnear_gold(text, ann_path.read_text(encoding="utf-8"), tokens_of)
        tally.add(gold, system_quotes(record, tokens_of))
    tally.finish()
    result.notes.append(
        "first listed annotator per article; direct = Content inside quotation marks"
    )
    return result


def _polnear_dev(metadata: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in metadata.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 5 and cols[0] == "dev":
            rows.append((cols[1], cols[3].split("|")[0], cols[5]))
    return rows


DATASETS: dict[str, Scorer] = {"german-news-quotation": score_german, "polnear": score_polnear}
