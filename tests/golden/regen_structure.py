"""Regenerate the structure goldens: ``.venv/bin/python tests/golden/regen_structure.py``.

Each sample in ``samples/`` gets ``tests/golden/structure/<name>.json`` with its agencies,
credits and, per part, the kind and the first characters of the text. Read every changed file
(``git diff tests/golden``) before committing: a golden is a claim that the output is right.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from newsgraph.model import Article, Document
from newsgraph.pipeline import Pipeline, PipelineOptions
from newsgraph.readers import read_paths

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden" / "structure"
SNIPPET = 30


def golden_name(article: Article) -> str:
    relative = Path(article.source).resolve().relative_to(SAMPLES)
    name = "__".join(relative.with_suffix("").parts)
    return f"{name}__{article.id}" if article.line is not None else name


def golden_of(doc: Document) -> dict[str, Any]:
    text = doc.text
    return {
        "source": Path(doc.article.source).resolve().relative_to(ROOT).as_posix(),
        "agencies": doc.agencies,
        "credits": doc.credits,
        "parts": [[p.kind, text[p.start : p.end][:SNIPPET]] for p in doc.parts],
    }


def dump(golden: dict[str, Any]) -> str:
    """JSON with one part per line, so that a diff shows which part changed."""
    head = {k: v for k, v in golden.items() if k != "parts"}
    lines = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
    parts = [f"  {json.dumps(p, ensure_ascii=False)}" for p in golden["parts"]]
    return "{\n" + "\n".join(lines) + '\n "parts": [\n' + ",\n".join(parts) + "\n ]\n}\n"


def sample_docs() -> list[Document]:
    pipeline = Pipeline(PipelineOptions(stages=("structure",)))
    docs = []
    for item in read_paths([str(SAMPLES)]):
        if not isinstance(item, Article):
            raise SystemExit(f"cannot read sample: {item}")
        docs.append(pipeline(item))
    return docs


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for doc in sample_docs():
        path = GOLDEN / f"{golden_name(doc.article)}.json"
        path.write_text(dump(golden_of(doc)), "utf-8")
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
