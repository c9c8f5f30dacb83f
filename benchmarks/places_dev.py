"""Places stage on the first N Wikinews-de articles: time per article, places, top names.

    .venv/bin/python benchmarks/places_dev.py [N]

Reads ../shared/eval/wikinews-de-articles/articles.jsonl (not part of the repository).
The earlier stages run first; only the places stage is timed.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from newsgraph.model import Article, Published
from newsgraph.pipeline import Pipeline, PipelineOptions
from newsgraph.places.stage import make_stage

CORPUS = Path(__file__).resolve().parents[2] / "shared/eval/wikinews-de-articles/articles.jsonl"


def main(n: int) -> None:
    options = PipelineOptions(stages=("structure", "language", "tokens", "tagger"), lang="de")
    pipeline, places = Pipeline(options), make_stage(options)
    names: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    spent, count = 0.0, 0
    with CORPUS.open(encoding="utf-8") as lines:
        for line in list(lines)[:n]:
            row = json.loads(line)
            date = row.get("date")
            pub = Published(date, "day") if date and len(date) == 10 else None
            doc = pipeline(Article(text=row["text"], published=pub))
            t0 = time.perf_counter()
            places(doc)
            spent += time.perf_counter() - t0
            count += len(doc.places)
            names.update(f"{p['text']}->{p['name']}/{p['country']}" for p in doc.places)
            roles.update(p["role"] for p in doc.places)
    print(f"{n} articles: {1000 * spent / n:.2f} ms/article, {count / n:.1f} places/article")
    print("roles:", dict(roles))
    for name, k in names.most_common(40):
        print(f"{k:5d}  {name}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
