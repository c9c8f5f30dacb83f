"""UPOS, STTS and lemma accuracy of the German tagger on a UD treebank, given gold tokens.

Usage: ``.venv/bin/python benchmarks/pos_accuracy.py [CONLLU] [--limit N]``
(default: ../shared/train/de_ud_german_small/de_gsd-ud-test.conllu)

Each sentence is tagged as one sentence over the gold surface tokens. Words inside UD
multi-word tokens ("zum" = "zu" + "dem") are scored on neither side: our tagger sees the
surface token only. STTS "PAV" (UD's spelling) counts as our "PROAV". Skips with one clear
message when the treebank is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.nlp.german import GermanTagger

DEFAULT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "train"
    / "de_ud_german_small"
    / "de_gsd-ud-test.conllu"
)
Row = tuple[str, str, str, str, bool]  # form, lemma, upos, xpos, scored


def read_conllu(path: Path) -> Iterator[list[Row]]:
    rows: list[Row] = []
    skip_until = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                yield rows
            rows, skip_until = [], 0
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "." in cols[0]:
            continue  # empty nodes
        if "-" in cols[0]:
            last = int(cols[0].split("-")[1])
            rows.append((cols[1], "", "", "", False))
            skip_until = last
        elif int(cols[0]) > skip_until:
            rows.append((cols[1], cols[2], cols[3], cols[4], True))
    if rows:
        yield rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conllu", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="first N sentences only")
    args = parser.parse_args()
    if not args.conllu.exists():
        print(f"skipped: {args.conllu} not found (../shared is absent)")
        return 0
    tagger, vocab = GermanTagger(), Vocab()
    counts: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    started = time.perf_counter()
    for n, rows in enumerate(read_conllu(args.conllu)):
        if args.limit and n >= args.limit:
            break
        doc = Doc(vocab, words=[r[0] for r in rows])
        tagger(doc)
        for token, (_, lemma, upos, xpos, scored) in zip(doc, rows, strict=True):
            if not scored:
                continue
            counts["words"] += 1
            counts["upos"] += token.pos_ == upos
            counts["stts"] += token.tag_ == ("PROAV" if xpos == "PAV" else xpos)
            counts["lemma"] += token.lemma_ == lemma
            counts["lemma_nocase"] += token.lemma_.lower() == lemma.lower()
            if token.pos_ != upos:
                confusions[(upos, token.pos_)] += 1
    elapsed = time.perf_counter() - started
    words = counts["words"]
    print(f"{args.conllu.name}: {words} words scored, {words / elapsed:,.0f} words/s")
    for key in ("upos", "stts", "lemma", "lemma_nocase"):
        print(f"  {key:<13} {counts[key] / words:.4f}")
    print("  top UPOS confusions (gold -> ours):")
    for (gold, ours), count in confusions.most_common(8):
        print(f"    {gold:>6} -> {ours:<6} {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
