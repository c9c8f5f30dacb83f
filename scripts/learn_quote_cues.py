"""Count quote cues in the train split of the German news quotation corpus.

How ``src/newsgraph/data/quotes_cues_de.tsv`` was derived:

* its "train" columns: every non-nested annotation's cue tokens are mapped onto our own
  tokens (tokens + tagger stages), and each cue word is keyed by its lemma (separable
  verbs as particle + lemma, so "teilte … mit" counts as "mitteilen"). Next to each count
  stands how often that key occurs in the train texts at all, so the lexicon can keep
  only keys that are cues often enough.
* its "reported" rows (``--reported``): for every sentence with a full verb (VVFIN/VVPP,
  particle joined), whether the sentence lies mostly inside a gold Reported quote; and,
  for speech verbs standing alone (the quote rules find no quote in the sentence), the
  same count again. See the header of the data file for the thresholds.

    .venv/bin/python scripts/learn_quote_cues.py [CORPUS_DIR] > /tmp/cues.tsv
    .venv/bin/python scripts/learn_quote_cues.py --reported [CORPUS_DIR] > /tmp/reported.tsv

Reads only ``train/``; never the dev split.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Article, Document
from newsgraph.pipeline import Pipeline, PipelineOptions
from newsgraph.quotes.chunks import tagset
from newsgraph.quotes.document import Settings, analyse
from newsgraph.quotes.lexicon import load_lexicon
from newsgraph.quotes.reported import frame_key

DEFAULT = Path(__file__).resolve().parents[2] / "shared/eval/german-news-quotation-attribution"
CUE_TAGS = ("VV", "VM", "VA", "NN", "AP", "AD", "PT", "KO", "PW", "PR")
# thresholds of the data file's header: (share of the sentence in a Reported quote,
# least count, least share of the verb's sentences)
REPORTED = (0.6, 2, 0.2)
ALONE = (0.5, 2, 0.4)
FRAME = (0.6, 3, 0.5)


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


def articles(corpus: Path, stages: tuple[str, ...]) -> Iterator[tuple[dict[str, Any], Document]]:
    pipeline = Pipeline(PipelineOptions(stages=stages, lang="de"))
    for path in sorted((corpus / "train").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        yield data, pipeline(Article(text=data["originalText"], lang="de"))


def count_cues(corpus: Path) -> None:
    cues: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for data, analysed in articles(corpus, ("structure", "language", "tokens", "tagger")):
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


def _share(sent: Span, spans: list[tuple[int, int]]) -> float:
    """Share of the sentence's tokens inside any of the character spans."""
    inside = sum(any(a < t.idx + len(t) and t.idx < b for a, b in spans) for t in sent)
    return inside / max(len(sent), 1)


def _verb_keys(sent: Span) -> set[str]:
    """Full verbs of the sentence, finite or participle, keyed with their particle, and
    each with its frame's preposition ("berichten+von") where it has one."""
    keys = set()
    toks = list(sent)
    for k, tok in enumerate(toks):
        if tok.tag_ not in ("VVFIN", "VVPP"):
            continue
        after = [t for t in toks[k + 1 :] if t.tag_ == "PTKVZ"]
        particle = after[0].text.lower() if after and tok.tag_ == "VVFIN" else ""
        key = particle + tok.lemma_.lower()
        keys.add(key)
        frame = frame_key(toks, k, key)
        if frame is not None:
            keys.add(frame)
    return keys


def count_reported(corpus: Path) -> None:
    """Rows ``key reported count total source`` for both reported sources."""
    lex = load_lexicon("de")
    speech = lex.verbs | lex.reported
    # the rules without reported verbs: what they find must not hang on what is counted here
    settings = Settings(replace(lex, reported=frozenset()), tagset("de"), parsed=False)
    tallies = {name: (Counter[str](), Counter[str]()) for name in ("train-reported", "alone")}
    stages = ("structure", "language", "tokens", "tagger")
    for data, analysed in articles(corpus, stages):
        doc = analysed.doc
        assert doc is not None
        gold = [
            (s["charBegin"], s["charEnd"])
            for a in data["annotations"]
            if a["type"] == "Reported"
            for s in a["quote"]["spans"]
        ]
        found = [(q.start, q.end) for q in analyse(analysed, settings)]
        for where in analysed.sentences:
            sent = doc.char_span(where.start, where.end, alignment_mode="expand")
            if sent is None:
                continue
            keys = _verb_keys(sent)
            share = _share(sent, gold)
            _tally(tallies["train-reported"], keys, share > REPORTED[0])
            if not any(a < where.end and where.start < b for a, b in found):
                _tally(tallies["alone"], keys & speech, share > ALONE[0])
    verbs = _print(tallies["train-reported"], REPORTED, "train-reported", set())
    frames = _print(tallies["train-reported"], FRAME, "train-reported-frame", verbs)
    # a verb kept with its preposition is surer so than alone ("berichten+von")
    verbs |= {frame.split("+")[0] for frame in frames}
    _print(tallies["alone"], ALONE, "train-reported-alone", verbs)


def _tally(tally: tuple[Counter[str], Counter[str]], keys: set[str], hit: bool) -> None:
    hits, totals = tally
    totals.update(keys)
    if hit:
        hits.update(keys)


def _print(
    tally: tuple[Counter[str], Counter[str]],
    limits: tuple[float, int, float],
    source: str,
    verbs: set[str],
) -> set[str]:
    """Prints the kept rows (frames apart from verbs; none whose verb is kept already)."""
    hits, totals = tally
    kept = set()
    frames = source.endswith("frame")
    for key, n in hits.most_common():
        if ("+" in key) != frames or key.split("+")[0] in verbs:
            continue
        if n >= limits[1] and n >= limits[2] * totals[key]:
            print(f"{key}\treported\t{n}\t{totals[key]}\t{source}")
            kept.add(key)
    return kept


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--reported"]
    corpus = Path(args[0]) if args else DEFAULT
    if "--reported" in sys.argv[1:]:
        count_reported(corpus)
    else:
        count_cues(corpus)


if __name__ == "__main__":
    main()
