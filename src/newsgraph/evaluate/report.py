"""Plain-text tables of evaluation results (the CLI prints them; the library never prints)."""

from __future__ import annotations

from typing import Any


def _row(label: str, c: dict[str, Any]) -> str:
    gold, pred = c["tp"] + c["fn"], c["tp"] + c["fp"]
    figures = f"{c['precision']:>7.3f} {c['recall']:>7.3f} {c['f1']:>7.3f}"
    return f"  {label:<24} {gold:>6} {pred:>6} {figures}"


def dataset_table(ds: dict[str, Any]) -> str:
    head = f"{ds['task']} / {ds['name']} ({ds['split']}, {ds['lang']})"
    if "skipped" in ds:
        return f"{head}: skipped: {ds['skipped']}"
    lines = [f"{head}: {ds['docs']} documents, {ds['errors']} failed, {ds['seconds']} s"]
    if "items" in ds:
        lines += [
            f"  {'PASS' if it['pass'] else 'FAIL'}  {it['id']:<14} {it['what']}"
            for it in ds["items"]
        ]
    lines.append(f"  {'':<24} {'gold':>6} {'pred':>6} {'P':>7} {'R':>7} {'F1':>7}")
    lines.append(_row("overall", ds["overall"]))
    lines += [_row(label, counts) for label, counts in ds["rows"].items()]
    if ds["scores"]:
        lines.append("  " + "  ".join(f"{k} {v:.3f}" for k, v in ds["scores"].items()))
    lines += [f"  note: {n}" for n in ds["notes"]]
    return "\n".join(lines)


def format_results(result: dict[str, Any]) -> str:
    blocks = [dataset_table(ds) for ds in result["datasets"]]
    for lang, how in result.get("pipeline", {}).items():
        blocks.append(f"pipeline ({lang}): {how}")
    return "\n\n".join(blocks)
