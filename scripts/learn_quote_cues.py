"""Count quote cues in the train split of the German news quotation corpus.

How ``src/newsgraph/data/quotes_cues_de.tsv`` was derived (its "train" columns): every
non-nested annotation's cue tokens are mapped onto our own tokens (tokens + tagger stages),
and each cue word is keyed by its lemma (separable verbs as particle + lemma, so "teilte …
mit" counts as "mitteilen"). Next to each count stands how often that key occurs in the
train texts at all, so the lexicon can keep only keys that are cues often enough.

    .venv/bin/python scripts/learn_quote_cues.py [CORPUS_DIR] > /tmp/cues.tsv

Reads only ``train/``; never the dev split.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, Token

from newsgraph.model import Article, Document
from newsgraph.pipeline import Pipeline, PipelineOptions

DEFAULT = Path(__file__).resolve().parents[2] / "shared/eval/german-news-quotation-attribution"
CUE_TAGS = ("VV", "VM", "VA", "NN", "AP", "AD", "PT", "KO", "PW", "PR")


def cue_key(token: Token, doc: Doc) -> str:
    """Lemma key of a cue word: verbs with their separable particle, others lower-cased."""
    if token.tag_.startswith("VV"):
        sent = token.sent if doc.has_annotation("SENT_START") else doc[:]
        particles = [t for t in sent if t.tag_ == "PTKVZ" and t.i > token.i]
        prefix = particles[0].text.lower() if particles else ""
        return prefix + token.lemma_.lower()
    if token.tag_ == "NN":
        return token.lemma_
    return token.text.lower()


def keys_in(doc: Doc, spans: list[tuple[int, int]]) -> list[str]:
    out = []
    for tok in doc:
        inside = any(a < tok.idx + len(tok) and tok.idx < b for a, b in spans)
        if inside and tok.tag_.startswith(CUE_TAGS) and tok.tag_ != "PTKVZ":
            out.append(cue_key(tok, doc))
    return out


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    pipeline = Pipeline(
        PipelineOptions(stages=("structure", "language", "tokens", "tagger"), lang="de")
    )
    cues: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for path in sorted((corpus / "train").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        analysed: Document = pipeline(Article(text=data["originalText"]))
        doc = analysed.doc
        assert doc is not None
        for tok in doc:
            if tok.tag_.startswith(CUE_TAGS) and tok.tag_ != "PTKVZ":
                totals[cue_key(tok, doc)] += 1
        for ann in data["annotations"]:
            if ann.get("isNested"):
                continue
            spans = [(s["charBegin"], s["charEnd"]) for s in ann["cue"]["spans"]]
            cues.update(set(keys_in(doc, spans)))
    print("# key\tcue_count\ttotal_count")
    for key, n in cues.most_common():
        print(f"{key}\t{n}\t{totals[key]}")


if __name__ == "__main__":
    main()
