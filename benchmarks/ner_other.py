"""Check the German NER on data it was NOT tuned on, next to GermEval dev (ner_dev.py).

Usage: ``.venv/bin/python benchmarks/ner_other.py [--sets europarl,europeana,smartdata]
[--max-tokens N] [--errors N]``

- europarl: German Europarl NER dev (../shared/eval/europarl-ner-de/dev.tsv), MISC dropped.
- europeana: Europeana historical newspaper NER (noisy OCR), the first ``--max-tokens``
  tokens of each of the three files; sentences cut after "." tokens. A relative check only:
  absolute figures say more about OCR than about the recogniser.
- smartdata: SmartData v1 test split (../shared/train, CC BY): person/organization/location
  mentions onto PER/ORG/LOC. The shipped model saw it in training, so this checks the rules
  (relative), not the model.

Scores are exact span + type, micro, the same recipe as ner_dev.py. Skips sets it cannot find.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc

from newsgraph.entities.gazetteer import TokenSpan
from newsgraph.entities.recognizer import GermanRecognizer
from newsgraph.nlp.german import GermanTagger

SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from ner_dev import TO_GOLD, TYPES, bio_spans, prf  # noqa: E402

Item = tuple[list[str], set[TokenSpan]]
EUROPEANA_TAGS = {"B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}


def _columns(path: Path, word_col: int, tag_col: int, sep: str | None) -> Iterator[Item]:
    words: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        cols = line.split(sep)
        if not line.strip() or len(cols) <= max(word_col, tag_col):
            if words:
                yield words, {s for s in bio_spans(tags) if s[2] in TYPES}
            words, tags = [], []
            continue
        words.append(cols[word_col])
        tags.append(cols[tag_col])


def europarl() -> list[Item]:
    path = SHARED / "eval" / "europarl-ner-de" / "dev.tsv"
    return list(_columns(path, 0, -1, "\t")) if path.is_file() else []


def europeana(max_tokens: int) -> list[Item]:
    folder = SHARED / "eval" / "europeana-newspapers-ner-de"
    out: list[Item] = []
    for path in sorted(folder.glob("enp_DE.*.bio")):
        words: list[str] = []
        tags: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines()[:max_tokens]:
            cols = line.split(" ")
            if len(cols) != 2 or not cols[0]:
                continue
            words.append(cols[0])
            tags.append(cols[1] if cols[1] in EUROPEANA_TAGS else "O")
            if cols[0] == "." and len(words) > 3:
                out.append((words, {s for s in bio_spans(tags) if s[2] in TYPES}))
                words, tags = [], []
    return out


def smartdata() -> list[Item]:
    path = SHARED / "train" / "de_smartdata_v1" / "test.json.gz"
    if not path.is_file():
        return []
    from ner_corpora import read_smartdata

    out: list[Item] = []
    for doc in read_smartdata(path, spacy.blank("de")):
        # Drop whitespace tokens (line breaks inside a paragraph), renumbering the mentions.
        index = {t.i: k for k, t in enumerate(t for t in doc if not t.is_space)}
        words = [t.text for t in doc if not t.is_space]
        gold: set[TokenSpan] = set()
        for ent in doc.ents:
            kept = [index[t.i] for t in ent if t.i in index]
            if kept:
                gold.add((kept[0], kept[-1] + 1, ent.label_))
        if words:
            out.append((words, gold))
    return out


def _show(words: list[str], spans: set[TokenSpan]) -> list[tuple[str, str]]:
    return sorted((" ".join(words[a:b]), label) for a, b, label in spans)


def score(name: str, items: list[Item], recognizer: GermanRecognizer, errors: int) -> None:
    vocab = spacy.blank("de").vocab
    tagger = GermanTagger()
    counts: Counter[tuple[str, str]] = Counter()
    shown = 0
    for words, gold in items:
        doc = Doc(vocab, words=words)
        tagger(doc)
        system = {(s, e, TO_GOLD[lab]) for s, e, lab in recognizer(doc) if lab in TO_GOLD}
        for lab in TYPES:
            g = {x for x in gold if x[2] == lab}
            p = {x for x in system if x[2] == lab}
            counts[(lab, "tp")] += len(g & p)
            counts[(lab, "fp")] += len(p - g)
            counts[(lab, "fn")] += len(g - p)
        if shown < errors and system != gold:
            shown += 1
            print(" ".join(words))
            print("  missed:", _show(words, gold - system), " wrong:", _show(words, system - gold))
    total = [sum(counts[(lab, k)] for lab in TYPES) for k in ("tp", "fp", "fn")]
    print(f"{name:10} {prf(*total)}")
    for lab in TYPES:
        print(f"  {lab}  {prf(*(counts[(lab, k)] for k in ('tp', 'fp', 'fn')))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="europarl,europeana,smartdata")
    parser.add_argument("--max-tokens", type=int, default=15000)
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    recognizer = GermanRecognizer()
    loaders = {
        "europarl": europarl,
        "europeana": lambda: europeana(args.max_tokens),
        "smartdata": smartdata,
    }
    for name in args.sets.split(","):
        items = loaders[name]()
        if not items:
            print(f"{name:10} skipped: data not found")
            continue
        score(name, items, recognizer, args.errors)


if __name__ == "__main__":
    main()
