"""NER: GermEval 2014 dev (outer level) and German Europarl dev, exact span + type, micro.

GermEval rule (its SOURCE.md): gold is the outer PER/ORG/LOC spans; ``*deriv``/``*part`` count
as O and OTH is not gold. System MISC is dropped and GPE counts as LOC. A PER/ORG/LOC
prediction on an OTH/deriv/part span is simply not in the gold set, so it is a false positive.
Both sets are scored on the gold tokens, as the shared tasks do: a system span covers the
whole gold tokens it touches (:func:`on_gold_tokens`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .common import Analyse, Counts, DatasetResult, Scorer, bootstrap_f1, limited, run, set_counts
from .loaders import TokenSentence, article, bio_spans, read_columns

TYPES = ("PER", "ORG", "LOC")
# The record's entity types onto the three gold types; MISC (and anything else) is dropped.
TYPE_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}

Span3 = tuple[int, int, str]


def system_spans(record: dict[str, Any] | None) -> set[Span3]:
    """Mention spans of the record's entities, typed PER/ORG/LOC."""
    spans: set[Span3] = set()
    for entity in (record or {}).get("entities", []):
        label = TYPE_MAP.get(str(entity.get("type", "")))
        if label is None:
            continue
        for mention in entity.get("mentions", []):
            if mention.get("kind", "name") != "name":  # role descriptions are not names
                continue
            spans.add((int(mention["start"]), int(mention["end"]), label))
    return spans


def on_gold_tokens(sentence: TokenSentence, spans: set[Span3]) -> set[Span3]:
    """Each system span widened to the whole gold tokens it touches.

    The shared tasks score one tag per gold token, so a name the pipeline's tokenizer cut
    out of a gold token counts as that token: "DFB" of the gold token "DFB." (the corpus
    left a sentence's full stop on the word), "München" and "Hamburg" of the one token
    "München/Hamburg" (which then count once). Spans on whole tokens do not change.
    """
    out: set[Span3] = set()
    for start, end, label in spans:
        touched = [k for k, (a, b) in enumerate(sentence.offsets) if a < end and start < b]
        if touched:
            out.add((*sentence.char_span(touched[0], touched[-1]), label))
    return out


def germeval_gold(sentence: TokenSentence, outer: list[str]) -> set[Span3]:
    """Outer PER/ORG/LOC spans; OTH and the ``*deriv``/``*part`` labels are not gold."""
    gold: set[Span3] = set()
    for first, last, label in bio_spans(outer):
        if label in TYPES:
            start, end = sentence.char_span(first, last)
            gold.add((start, end, label))
    return gold


def count_by_type(gold: set[Span3], system: set[Span3]) -> dict[str, Counts]:
    rows = {
        t: set_counts({g for g in gold if g[2] == t}, {s for s in system if s[2] == t})
        for t in TYPES
    }
    rows["all"] = set_counts(gold, system)
    return rows


def _accumulate(result: DatasetResult, rows: dict[str, Counts], prefix: str = "") -> None:
    for label, counts in rows.items():
        if label == "all":
            continue
        result.row(prefix + label).add(counts.tp, counts.fp, counts.fn)


def score_germeval(data_dir: Path, analyse: Analyse, limit: int | None) -> DatasetResult:
    result = DatasetResult("ner", "germeval2014", "dev", "de")
    path = data_dir / "germeval2014-ner" / "NER-de-dev.tsv"
    if not path.is_file():
        result.skipped = f"{path} not found"
        return result
    news = Counts()
    for meta, rows in limited(read_columns(path), limit):
        sentence = TokenSentence([r[1] for r in rows], meta=meta)
        gold = germeval_gold(sentence, [r[2] for r in rows])
        record = run(result, analyse, article(sentence.text, "de", _germeval_date(meta)))
        counts = count_by_type(gold, on_gold_tokens(sentence, system_spans(record)))
        result.overall = result.overall + counts["all"]
        _accumulate(result, counts)
        if "wikipedia.org" not in meta:
            news = news + counts["all"]
    result.rows["news"] = news
    result.notes.append("news = sentences whose source line is not Wikipedia")
    return result


def score_europarl(data_dir: Path, analyse: Analyse, limit: int | None) -> DatasetResult:
    result = DatasetResult("ner", "europarl", "dev", "de")
    path = data_dir / "europarl-ner-de" / "dev.tsv"
    if not path.is_file():
        result.skipped = f"{path} not found"
        return result
    per_sentence: list[Counts] = []
    for _, rows in limited(read_columns(path), limit):
        sentence = TokenSentence([r[0] for r in rows])
        gold = {
            (*sentence.char_span(first, last), label)
            for first, last, label in bio_spans([r[-1] for r in rows])
            if label in TYPES
        }
        record = run(result, analyse, article(sentence.text, "de"))
        counts = count_by_type(gold, on_gold_tokens(sentence, system_spans(record)))
        result.overall = result.overall + counts["all"]
        _accumulate(result, counts)
        per_sentence.append(counts["all"])
    low, high = bootstrap_f1(per_sentence)
    result.scores.update(f1_ci_low=low, f1_ci_high=high)
    result.notes.append("MISC dropped; 95% bootstrap interval of F1 over sentences")
    return result


def _germeval_date(meta: str) -> str | None:
    # The source line ends with "[YYYY-MM-DD]", the date the sentence was collected.
    tail = meta.rsplit("[", 1)[-1].rstrip("]\t ")
    return tail if len(tail) == 10 and tail[4] == "-" else None


DATASETS: dict[str, Scorer] = {"germeval2014": score_germeval, "europarl": score_europarl}
