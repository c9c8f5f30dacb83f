"""The command line: a thin layer that parses arguments, calls the library and formats.

Errors have one shape: ``newsgraph: error: <where>: <reason>`` on stderr, one line each.
The exit status is 0 when every record succeeded, 1 when any record failed, 2 on usage or
configuration errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TextIO

from . import __version__
from .errors import NewsgraphError, RecordError
from .pipeline import PipelineOptions
from .readers import read_paths

Record = dict[str, Any]

EXIT_OK, EXIT_RECORD_ERRORS, EXIT_USAGE = 0, 1, 2


def _error(message: str) -> None:
    print(f"newsgraph: error: {message}", file=sys.stderr)


def _pipeline_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("de", "en"), help="force the language (default: detect)")
    parser.add_argument(
        "--spacy-model",
        metavar="NAME_OR_PATH",
        help="use an installed trained spaCy pipeline for tokens, POS, lemmas (and its NER)",
    )
    parser.add_argument(
        "--stages", help="comma-separated stage names (default: the full chain; see 'stages')"
    )
    parser.add_argument(
        "--input-format",
        choices=("record", "text", "jsonl", "html"),
        help="input format (default: from the file name and content)",
    )
    parser.add_argument(
        "--max-chars", type=int, default=2_000_000, help="refuse longer texts (default 2,000,000)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="analyse in N processes (one pipeline each; records keep the input order)",
    )


def _options(args: argparse.Namespace) -> PipelineOptions:
    stages = tuple(s.strip() for s in args.stages.split(",") if s.strip()) if args.stages else None
    if args.workers < 1:
        raise NewsgraphError("--workers must be at least 1")
    return PipelineOptions(
        stages=stages, lang=args.lang, spacy_model=args.spacy_model, max_chars=args.max_chars
    )


class _Counter:
    """Counts records and reports failures as they stream past."""

    def __init__(self, report: Callable[[str], None] = _error) -> None:
        self.ok = 0
        self.failed = 0
        self._report = report

    def track(self, items: Iterator[Record | RecordError]) -> Iterator[Record]:
        for item in items:
            if isinstance(item, RecordError):
                self.failed += 1
                self._report(str(item))
            else:
                self.ok += 1
                yield item

    @property
    def status(self) -> int:
        return EXIT_RECORD_ERRORS if self.failed else EXIT_OK

    def summary(self, verb: str) -> str:
        return f"newsgraph: {verb} {self.ok} article(s), {self.failed} failed"


def _records(args: argparse.Namespace, inputs: list[str]) -> Iterator[Record | RecordError]:
    from .parallel import analyze_records

    items = read_paths(inputs, args.input_format)
    tokens = bool(getattr(args, "tokens", False))
    return analyze_records(items, _options(args), workers=args.workers, tokens=tokens)


def cmd_analyze(args: argparse.Namespace) -> int:
    from .report import text_report_from_record

    counter = _Counter()
    records = counter.track(_records(args, args.inputs or ["-"]))
    out: TextIO = sys.stdout
    if args.format == "json":
        json.dump(list(records), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for record in records:
            if args.format == "jsonl":
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                out.write(text_report_from_record(record) + "\n")
    print(counter.summary("analysed"), file=sys.stderr)
    return counter.status


def cmd_ingest(args: argparse.Namespace) -> int:
    from .store import open_store
    from .store.progress import progress, write_line

    # Open the database first: a locked file fails at once, before any model loads.
    with open_store(args.db) as store:
        counter = _Counter(report=lambda msg: write_line(f"newsgraph: error: {msg}"))
        items = _records(args, args.inputs)
        stats = store.ingest(counter.track(progress(items, enabled=not args.quiet)))
        totals = store.counts()
    print(
        f"{counter.summary('ingested')}: {stats.inserted} new, {stats.unchanged} already stored, "
        f"{stats.replaced} updated",
        file=sys.stderr,
    )
    print(_format_counts(totals))
    return counter.status


def _format_counts(counts: dict[str, int]) -> str:
    return "  ".join(f"{table}: {n}" for table, n in counts.items())


def cmd_show(args: argparse.Namespace) -> int:
    from .report import text_report_from_record
    from .store import open_store

    with open_store(args.db, read_only=True) as store:
        record = store.get(args.id)
    if record is None:
        _error(f"{args.db}: no article with id {args.id!r}")
        return EXIT_RECORD_ERRORS
    if args.format == "json":
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print(text_report_from_record(record))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .store import open_store

    if args.format == "gdelt":
        return _export_gdelt(args)
    with open_store(args.db, read_only=True) as store:
        n = store.export(args.format, args.output)
    print(f"newsgraph: exported {n} article(s) to {args.output or 'stdout'}", file=sys.stderr)
    return EXIT_OK


def _export_gdelt(args: argparse.Namespace) -> int:
    from .store import open_store
    from .store.gdelt import export_gdelt

    with open_store(args.db, read_only=True) as store:
        n = export_gdelt(store, args.output)
    print(
        f"newsgraph: exported {n.events} event(s) and {n.mentions} mention(s) to {args.output} "
        f"({n.negated} negated event(s) set aside in events.negated.tsv)",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_quotes(args: argparse.Namespace) -> int:
    from .store import open_store
    from .store.queries import QuoteFilter, find_quotes, quote_line

    flt = QuoteFilter(
        speaker=args.speaker,
        since=args.since,
        until=args.until,
        contains=args.contains,
        kind=args.kind,
        limit=args.limit,
    )
    with open_store(args.db, read_only=True) as store:
        _write_rows(find_quotes(store, flt), args.format, quote_line)
    return EXIT_OK


def cmd_entities(args: argparse.Namespace) -> int:
    from .store import open_store
    from .store.queries import EntityFilter, entity_line, find_entities

    flt = EntityFilter(type=args.type, name=args.name, limit=args.limit)
    with open_store(args.db, read_only=True) as store:
        _write_rows(find_entities(store, flt), args.format, entity_line)
    return EXIT_OK


def cmd_events(args: argparse.Namespace) -> int:
    from .store import open_store
    from .store.queries import EventFilter, event_line, find_events, near_place

    if args.km is not None and args.near is None:
        raise NewsgraphError("--km: needs --near PLACE")
    flt = EventFilter(
        actor=args.actor,
        recipient=args.recipient,
        type=args.type,
        cameo=args.cameo,
        since=args.since,
        until=args.until,
        date_from=args.date_from,
        date_to=args.date_to,
        country=args.country,
        near=near_place(args.near, args.km or 50.0) if args.near else None,
        include_negated=args.include_negated,
        include_caption=args.include_caption,
        limit=args.limit,
    )
    with open_store(args.db, read_only=True) as store:
        _write_rows(find_events(store, flt), args.format, event_line)
    return EXIT_OK


def _write_rows(
    rows: list[dict[str, object]], fmt: str, text_line: Callable[[dict[str, object]], str]
) -> None:
    out = sys.stdout
    if fmt == "jsonl":
        out.writelines(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows)
    elif fmt == "csv":
        import csv

        writer = csv.writer(out, lineterminator="\n")
        if rows:
            writer.writerow(rows[0])
        writer.writerows([_csv_cell(v) for v in row.values()] for row in rows)
    else:
        out.writelines(text_line(row) + "\n" for row in rows)
    print(f"newsgraph: {len(rows)} row(s)", file=sys.stderr)


def _csv_cell(value: object) -> object:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    return value


def cmd_summary(args: argparse.Namespace) -> int:
    from .store import open_store
    from .store.summary import format_summary

    with open_store(args.db, read_only=True) as store:
        print(format_summary(store.summary()))
    return EXIT_OK


def cmd_stages(args: argparse.Namespace) -> int:
    from .pipeline import DEFAULT_STAGES, registered_stages

    for spec in registered_stages().values():
        mark = "*" if spec.name in DEFAULT_STAGES else " "
        print(f"{mark} {spec.name:<14} {spec.help}")
        print(f"  {'':<14} requires {', '.join(spec.requires)}; assigns {', '.join(spec.assigns)}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Who did what to whom, where and when, and who said what — from news text.",
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyse articles and print one record per article")
    p.add_argument("inputs", nargs="*", help="files or folders; '-' or nothing reads stdin")
    p.add_argument("--format", choices=("jsonl", "json", "text"), default="jsonl")
    p.add_argument("--tokens", action="store_true", help="include tokens (tag, pos, lemma)")
    _pipeline_args(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("ingest", help="analyse articles and store them in a database")
    p.add_argument("inputs", nargs="+", help="files or folders; '-' reads stdin")
    p.add_argument("--db", required=True, help="DuckDB file (created if missing)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _pipeline_args(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("show", help="show one stored article")
    p.add_argument("id")
    p.add_argument("--db", required=True)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("export", help="export stored records")
    p.add_argument("--db", required=True)
    p.add_argument("--format", choices=("jsonl", "parquet", "gdelt"), default="jsonl")
    p.add_argument(
        "--output", "-o", help="output file (jsonl: default stdout; parquet, gdelt: a folder)"
    )
    p.set_defaults(func=cmd_export)

    _query_commands(sub)

    p = sub.add_parser("summary", help="what a database holds: articles by language, parts, facts")
    p.add_argument("--db", required=True)
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("stages", help="list the registered stages (* = default chain)")
    p.set_defaults(func=cmd_stages)

    for register in _EXTRA_COMMANDS:
        register(sub)
    return parser


def _query_args(p: argparse.ArgumentParser, *, dates: bool = True) -> None:
    p.add_argument("--db", required=True)
    if dates:
        p.add_argument("--since", metavar="YYYY[-MM[-DD]]", help="published on or after")
        p.add_argument("--until", metavar="YYYY[-MM[-DD]]", help="published on or before")
    p.add_argument("--limit", type=int, metavar="N", help="at most N rows")
    p.add_argument("--format", choices=("text", "jsonl", "csv"), default="text")


def _query_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("quotes", help="search stored quotes (see docs/queries.md)")
    p.add_argument("--speaker", help="speaker text, resolved or entity name contains NAME")
    p.add_argument("--contains", metavar="TEXT", help="the quote contains TEXT")
    p.add_argument("--kind", choices=("direct", "partial", "indirect", "reported"))
    _query_args(p)
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("entities", help="stored entities grouped by name and type")
    p.add_argument("--type", choices=("PER", "ORG", "GPE", "LOC", "MISC"))
    p.add_argument("--name", metavar="TEXT", help="the name contains TEXT")
    _query_args(p, dates=False)
    p.set_defaults(func=cmd_entities)

    p = sub.add_parser("events", help="search stored events (see docs/queries.md)")
    p.add_argument("--actor", metavar="CODE_OR_NAME", help="actor code prefix or name")
    p.add_argument("--recipient", metavar="CODE_OR_NAME", help="recipient code prefix or name")
    p.add_argument("--type", metavar="PLOVER_TYPE", help="PLOVER event type, e.g. ASSAULT")
    p.add_argument("--cameo", metavar="PREFIX", help="CAMEO event code prefix, e.g. 19")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="event date from")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="event date to")
    p.add_argument("--country", metavar="ISO3", help="country of the event's place")
    p.add_argument("--near", metavar="PLACE", help="a gazetteer place name or LAT,LON")
    p.add_argument("--km", type=float, metavar="N", help="radius around --near (default 50)")
    p.add_argument("--include-negated", action="store_true", help="keep negated events")
    p.add_argument("--include-caption", action="store_true", help="keep events of captions")
    _query_args(p)
    p.set_defaults(func=cmd_events)


# Commands that live in their own modules (eval, ...) add themselves here.
_EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    _load_extra_commands()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except NewsgraphError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:  # `newsgraph analyze ... | head` is normal use
        return EXIT_OK
    return status


def _load_extra_commands() -> None:
    if _EXTRA_COMMANDS:
        return
    from .evaluate.cli import register as register_eval

    _EXTRA_COMMANDS.append(register_eval)


if __name__ == "__main__":
    sys.exit(main())
