"""Throughput of the tokens and tagger stages over the German Wikinews articles.

Usage: ``.venv/bin/python benchmarks/nlp_speed.py [--limit N] [--lang de|en] [--hanta-search S]``

Each article becomes a Document with one body part (what the structure stage would give a
plain text), then runs through "tokens" and "tagger". Prints load time, articles/s and
tokens/s (non-space tokens), wall and CPU time; one pass is a cold tagger cache, as a
first run sees it. ``--hanta-search hanta`` runs HanTa's own per-word and sentence searches
instead of ours (same results, slower), for a before/after in one checkout. Skips with one
clear message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newsgraph.model import Article, Document, Part
from newsgraph.nlp import tagger, tokens
from newsgraph.nlp.german import GermanTagger
from newsgraph.nlp.hanta import load_tagger
from newsgraph.pipeline import PipelineOptions

ARTICLES = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "eval"
    / "wikinews-de-articles"
    / "articles.jsonl"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--passes", type=int, default=1, help="2+: later passes hit a warm cache")
    parser.add_argument("--lang", default="de", choices=("de", "en"), help="language to assume")
    parser.add_argument(
        "--hanta-search",
        default="ours",
        choices=("ours", "hanta"),
        help="German: our faster searches or HanTa's own (same results)",
    )
    args = parser.parse_args()
    if not ARTICLES.exists():
        print(f"skipped: {ARTICLES} not found (../shared is absent)")
        return 0
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    texts = texts[: args.limit] if args.limit else texts
    texts = texts * max(1, args.passes)
    options = PipelineOptions(lang=args.lang)
    started = time.perf_counter()
    cpu_started = time.process_time()
    if args.hanta_search == "hanta" and args.lang == "de":
        german = GermanTagger(load_tagger(own_search=True))
        stages = [tokens.make_stage(options), lambda doc: german(doc.doc)]
    else:
        stages = [tokens.make_stage(options), tagger.make_stage(options)]
    loaded = time.perf_counter()
    n_tokens = 0
    for text in texts:
        doc = Document(article=Article(text=text), lang=args.lang)
        doc.parts = [Part("body", 0, len(text))]
        for stage in stages:
            stage(doc)
        assert doc.doc is not None
        n_tokens += sum(1 for t in doc.doc if not t.is_space)
    elapsed = time.perf_counter() - loaded
    cpu = time.process_time() - cpu_started
    print(f"load {loaded - started:.2f} s; {len(texts)} articles, {n_tokens} tokens")
    for label, seconds in (("wall", elapsed), ("cpu", cpu)):
        rate = f"{len(texts) / seconds:.1f} articles/s, {n_tokens / seconds:,.0f} tokens/s"
        print(f"{label}: {seconds:.1f} s, {rate}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
