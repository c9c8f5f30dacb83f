"""Lexicon coverage and score distribution of the tone stage over German Wikinews articles.

There is no tone gold, so this is the check we have: how many content words (NOUN/VERB/ADJ)
of the news parts carry a value, and how the article scores spread. ``--lexicon`` scores
another lexicon file instead of the package's, e.g. the last committed one:

    git show HEAD:src/newsgraph/data/tone_lexicon_de.tsv > /tmp/tone_old.tsv
    .venv/bin/python scripts/tone_check.py --split all --lexicon /tmp/tone_old.tsv
    .venv/bin/python scripts/tone_check.py --split all

A lexicon given by file has no compound heads unless it writes nouns capitalised, and no
neutral heads. Develop on ``--split train`` (the default); the dev articles are for reports.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from newsgraph.model import NEWS_PARTS, Article, Document
from newsgraph.pipeline import Pipeline, PipelineOptions
from newsgraph.tone.lexicon import Lexicon, build_lexicon, load_lexicon
from newsgraph.tone.stage import NEGATORS, score

DEFAULT = Path(__file__).resolve().parents[2] / "shared/eval/wikinews-de-articles/articles.jsonl"
CONTENT = ("NOUN", "VERB", "ADJ")


def read_lexicon(path: str | None) -> Lexicon:
    if path is None:
        return load_lexicon("de")
    rows = [
        line
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return build_lexicon(rows, "de")


def coverage(doc: Document, lexicon: Lexicon) -> tuple[int, int]:
    assert doc.doc is not None
    covered = total = 0
    for token in doc.doc:
        part = doc.part_at(token.idx)
        if not token.is_alpha or token.pos_ not in CONTENT or part is None:
            continue
        if part.kind in NEWS_PARTS:
            total += 1
            covered += bool(lexicon.value(token.lemma_ or token.text, token.pos_))
    return covered, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", default=str(DEFAULT))
    parser.add_argument("--split", choices=("train", "dev", "all"), default="train")
    parser.add_argument("--lexicon", help="a tone lexicon TSV to score instead")
    args = parser.parse_args()
    lexicon = read_lexicon(args.lexicon)
    stages = ("structure", "language", "tokens", "tagger")
    pipeline = Pipeline(PipelineOptions(stages=stages, lang="de"))
    covered = total = 0
    scores: list[float] = []
    polarity = {"negative": 0, "neutral": 0, "positive": 0}
    mixed = 0
    for line in Path(args.articles).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if args.split != "all" and row["split"] != args.split:
            continue
        doc = pipeline(Article(text=row["text"], id=str(row["id"]), source="wikinews", lang="de"))
        c, t = coverage(doc, lexicon)
        covered, total = covered + c, total + t
        tone = score(doc, lexicon, NEGATORS["de"])
        scores.append(float(tone["score"]))
        polarity[str(tone["polarity"])] += 1
        mixed += bool(tone["mixed"])
    scores.sort()
    at = {q: scores[int(q * (len(scores) - 1))] for q in (0.1, 0.25, 0.5, 0.75, 0.9)}
    print(f"articles {len(scores)}; coverage {100 * covered / total:.2f}% ({covered}/{total})")
    print(
        f"score mean {statistics.mean(scores):.2f} sd {statistics.pstdev(scores):.2f} "
        + " ".join(f"p{int(100 * q)} {v:.2f}" for q, v in at.items())
    )
    print(f"exactly 0.0: {scores.count(0.0)}; {polarity}; mixed {mixed}")


if __name__ == "__main__":
    main()
