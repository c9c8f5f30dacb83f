"""Measure the German NER on GermEval 2014 dev (outer level), for quick iterations.

Usage: ``.venv/bin/python benchmarks/ner_dev.py [--model PATH] [--no-model] [--no-rules]
[--errors N]``

Recipe (the dataset's SOURCE.md): gold is the outer PER/ORG/LOC spans; ``*deriv``/``*part``
count as O; OTH is not gold; system MISC is dropped and GPE counts as LOC; exact span + type,
micro P/R/F1, overall and on news-sourced sentences (source line not from wikipedia.org).
Sentences are built from the gold tokens, so tokenisation never costs a match. Prints words/s
of the recogniser. Skips with one clear message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc

from newsgraph.entities.gazetteer import TokenSpan
from newsgraph.entities.recognizer import GermanRecognizer
from newsgraph.entities.statistical import GERMAN_MODEL
from newsgraph.nlp.german import GermanTagger

DEV = (
    Path(__file__).resolve().parents[2] / "shared" / "eval" / "germeval2014-ner" / "NER-de-dev.tsv"
)
TYPES = ("PER", "ORG", "LOC")
ARTICLE_TOKENS = 220
TO_GOLD = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}


@dataclass(slots=True)
class Sentence:
    source: str
    words: list[str]
    gold: set[TokenSpan]

    @property
    def news(self) -> bool:
        return "wikipedia.org" not in self.source


def bio_spans(tags: list[str]) -> set[TokenSpan]:
    spans: set[TokenSpan] = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and tag != f"I-{label}":
            spans.add((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return spans


def read_germeval(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    source, words, tags = "", [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            source = line.split("\t")[1] if "\t" in line else line
        elif not line.strip():
            if words:
                gold = {s for s in bio_spans(tags) if s[2] in TYPES}
                sentences.append(Sentence(source, words, gold))
            words, tags = [], []
        else:
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(cols[2])
    return sentences


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})"


def _show(sent: Sentence, spans: set[TokenSpan]) -> list[tuple[str, str]]:
    return sorted((" ".join(sent.words[a:b]), lab) for a, b, lab in spans)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=GERMAN_MODEL)
    parser.add_argument("--no-model", action="store_true", help="gazetteer and rules only")
    parser.add_argument("--no-rules", action="store_true", help="statistical model only")
    parser.add_argument("--errors", type=int, default=0, help="print N wrong sentences")
    args = parser.parse_args()
    if not DEV.is_file():
        print(f"skipped: GermEval dev not found at {DEV}")
        return
    sentences = read_germeval(DEV)
    recognizer = GermanRecognizer(args.model, use_model=not args.no_model)
    vocab = spacy.blank("de").vocab
    docs = [Doc(vocab, words=s.words) for s in sentences]
    tagger = GermanTagger()  # the "tagger" stage runs before "ner" in the pipeline
    for doc in docs:
        tagger(doc)
    started = time.perf_counter()
    if args.no_rules and recognizer.model is not None:
        predicted = [recognizer.model_spans(d) for d in docs]
    else:
        predicted = [recognizer(d) for d in docs]
    elapsed = time.perf_counter() - started
    counts: Counter[tuple[str, str, str]] = Counter()
    shown = 0
    for sent, spans in zip(sentences, predicted, strict=True):
        system = {(s, e, TO_GOLD[lab]) for s, e, lab in spans if lab in TO_GOLD}
        for subset in ("all", "news") if sent.news else ("all",):
            for lab in TYPES:
                g = {x for x in sent.gold if x[2] == lab}
                p = {x for x in system if x[2] == lab}
                counts[(subset, lab, "tp")] += len(g & p)
                counts[(subset, lab, "fp")] += len(p - g)
                counts[(subset, lab, "fn")] += len(g - p)
        if shown < args.errors and system != sent.gold:
            shown += 1
            print(" ".join(sent.words))
            missed, wrong = _show(sent, sent.gold - system), _show(sent, system - sent.gold)
            print("  missed:", missed, " wrong:", wrong)
    for subset in ("all", "news"):
        total = [sum(counts[(subset, lab, k)] for lab in TYPES) for k in ("tp", "fp", "fn")]
        print(f"{subset:5} {prf(*total)}")
        for lab in TYPES:
            print(f"  {lab}  {prf(*(counts[(subset, lab, k)] for k in ('tp', 'fp', 'fn')))}")
    words = sum(len(s.words) for s in sentences)
    print(f"{len(sentences)} sentences, {words} words, {words / elapsed:,.0f} words/s")
    print(article_speed(recognizer, docs))


def article_speed(recognizer: GermanRecognizer, sentences: list[Doc]) -> str:
    """The stage sees whole articles: time the recogniser on ~220-token runs of sentences."""
    articles: list[Doc] = []
    batch: list[Doc] = []
    for doc in sentences:
        batch.append(doc)
        if sum(len(d) for d in batch) >= ARTICLE_TOKENS:
            articles.append(Doc.from_docs(batch))
            batch = []
    started = time.perf_counter()
    for article in articles:
        recognizer(article)
    elapsed = time.perf_counter() - started
    words = sum(len(a) for a in articles)
    per_article = 1000 * elapsed / len(articles)
    return (
        f"{len(articles)} articles of ~{ARTICLE_TOKENS} tokens: "
        f"{per_article:.1f} ms/article, {words / elapsed:,.0f} words/s"
    )


if __name__ == "__main__":
    sys.exit(main())
