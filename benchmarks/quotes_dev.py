"""Quote scorer for iterating: German news quotation corpus (train or dev split).

Follows the corpus' recipe (its SOURCE.md, after upstream ``eval.py``): nested annotations
are left out (gold ``isNested``, and our quotes flagged ``nested``); per article, system and
gold quotes are aligned one-to-one (Hungarian) on token-overlap F1 of the quote spans; then
token-level TP/FP/FN per role (quote, speaker, cue), micro-averaged. Direct, indirect and
reported are aligned and scored apart (gold Direct → direct; Indirect, FreeIndirect,
IndirectFreeIndirect → indirect; Reported → reported), as ``newsgraph eval quotes`` does.

    .venv/bin/python benchmarks/quotes_dev.py --split train --limit 200 [--errors 20]
    .venv/bin/python benchmarks/quotes_dev.py --split dev

Iterate on train; report dev. The analysed documents (the default chain's stages before
quotes, NER and coreference included) are cached (pickle, per split and limit) under /tmp
so that a rule change reruns only the quotes stage.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsgraph.evaluate.common import Counts
from newsgraph.evaluate.quotes import ROLES, Quote, align, gold_quotes, system_quotes, token_lookup
from newsgraph.model import Article, Document
from newsgraph.pipeline import (
    Pipeline,
    PipelineOptions,
    StageSpec,
    register_stage,
    registered_stages,
)
from newsgraph.quotes.stage import make_stage

CORPUS = Path(__file__).resolve().parents[2] / "shared/eval/german-news-quotation-attribution"
# As the default chain runs them before quotes: speakers use the entity mentions.
PRE_STAGES = ("structure", "language", "tokens", "tagger", "ner", "places", "coref")
KINDS = ("direct", "indirect", "reported")


def ensure_registered() -> None:
    if "quotes" not in registered_stages():
        register_stage(
            StageSpec(
                "quotes",
                "newsgraph.quotes.stage:make_stage",
                requires=("parts", "tokens", "sentences", "pos"),
                assigns=("quotes",),
            )
        )


def analysed(split: str, limit: int | None) -> list[tuple[dict[str, Any], Document]]:
    cache = Path(f"/tmp/newsgraph_quotes_ents_{split}_{limit}.pickle")
    if cache.exists():
        loaded: list[tuple[dict[str, Any], Document]] = pickle.loads(cache.read_bytes())
        return loaded
    pipeline = Pipeline(PipelineOptions(stages=PRE_STAGES, lang="de"))
    out = []
    for path in sorted((CORPUS / split).glob("*.json"))[:limit]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.append((gold, pipeline(Article(text=gold["originalText"], lang="de"))))
    cache.write_bytes(pickle.dumps(out))
    return out


def score(docs: list[tuple[dict[str, Any], Document]], errors: int) -> dict[str, dict[str, Counts]]:
    stage = make_stage(PipelineOptions(lang="de"))
    table = {k: {r: Counts() for r in ROLES} for k in ("all", *KINDS)}
    started = time.perf_counter()
    shown = 0
    for gold_doc, doc in docs:
        doc.lang = "de"
        stage(doc)
        offsets = [
            (t["charBegin"], t["charEnd"])
            for t in sorted(gold_doc["tokens"], key=lambda t: t["id"])
        ]
        record = {"quotes": [q for q in doc.quotes if not q.get("nested")]}
        lookup = token_lookup(offsets)
        gold = gold_quotes(gold_doc)
        system = [
            _with_pieces(q, r, lookup)
            for q, r in zip(system_quotes(record, lookup), record["quotes"], strict=True)
        ]
        _add(table["all"], gold, system)
        for kind in KINDS:
            _add(
                table[kind],
                [q for q in gold if q.kind == kind],
                [q for q in system if q.kind == kind],
            )
        if shown < errors:
            shown += _show_errors(gold_doc, gold, system)
    elapsed = (time.perf_counter() - started) / max(len(docs), 1)
    print(
        f"quotes stage: {elapsed * 1000:.1f} ms/article over {len(docs)} articles", file=sys.stderr
    )
    return table


def _with_pieces(
    quote: Quote, rec: dict[str, Any], lookup: Callable[[int, int], frozenset[int]]
) -> Quote:
    """The cue's other words ("teilte … *mit*") count as cue tokens: the corpus marks them."""
    pieces = (rec.get("cue") or {}).get("pieces", [])
    extra = (
        frozenset().union(*(lookup(p["start"], p["end"]) for p in pieces))
        if pieces
        else frozenset()
    )
    return replace(quote, cue=quote.cue | extra)


def _add(counts: dict[str, Counts], gold: list[Quote], system: list[Quote]) -> None:
    for role, c in align(gold, system).roles.items():
        counts[role] += c


def _show_errors(gold_doc: dict[str, Any], gold: list[Quote], system: list[Quote]) -> int:
    words = {t["id"]: t["text"] for t in gold_doc["tokens"]}
    pairs = align(gold, system).pairs
    matched = {id(g) for g, _ in pairs} | {id(s) for _, s in pairs}

    def show(ids: frozenset[int]) -> str:
        return " ".join(words[i] for i in sorted(ids))[:140]

    n = 0
    for g, s in pairs:
        if g.quote != s.quote or g.speaker != s.speaker:
            print(f"~ {g.kind}/{s.kind} G: {show(g.quote)}\n    S: {show(s.quote)}")
            roles = f"spk G[{show(g.speaker)}] S[{show(s.speaker)}]"
            print(f"    {roles} cue G[{show(g.cue)}] S[{show(s.cue)}]")
            n += 1
    for q in gold:
        if id(q) not in matched:
            print(f"- MISSED {q.kind}: {show(q.quote)} | spk[{show(q.speaker)}] cue[{show(q.cue)}]")
    for q in system:
        if id(q) not in matched:
            print(f"+ SPURIOUS {q.kind}: {show(q.quote)} | spk[{show(q.speaker)}]")
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--errors", type=int, default=0, help="print errors of the first N articles"
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found (the corpus lives in ../shared)", file=sys.stderr)
        return
    ensure_registered()
    table = score(analysed(args.split, args.limit), args.errors)
    print(f"{'kind':9} {'role':9} {'P':>6} {'R':>6} {'F1':>6}")
    for kind, roles in table.items():
        for role, c in roles.items():
            if role != "addressee" or kind == "all":  # too few per kind to say anything
                print(f"{kind:9} {role:9} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}")


if __name__ == "__main__":
    main()
