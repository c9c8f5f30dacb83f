"""Readers: every input gives articles or one clear RecordError per bad record, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import RecordError
from newsgraph.model import Article
from newsgraph.readers import decode, read_bytes, read_paths
from newsgraph.readers.dates import parse_published

ARTICLE_HTML = """<!doctype html><html><head><title>Neue Brücke eröffnet</title>
<meta property="article:published_time" content="2024-05-06"></head><body>
<nav><a href="/">Home</a> <a href="/k">Kontakt</a></nav>
<article><h1>Neue Brücke eröffnet</h1>
<p>Der Bürgermeister hat am Montag die neue Brücke über den Fluss für den Verkehr freigegeben.</p>
<p>Die Bauarbeiten hatten zwei Jahre gedauert und kosteten mehr als geplant, sagte ein Sprecher.</p>
</article><footer>Impressum</footer></body></html>"""

MENU_HTML = """<html><head><title>Start</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/k">Kontakt</a></li></ul></nav>
<p><a href="/impressum">Impressum</a></p></body></html>"""


def items(data: bytes, name: str, fmt: str | None = None) -> list[Article | RecordError]:
    return list(read_bytes(name, data, fmt))


def errors(found: list[Article | RecordError]) -> list[RecordError]:
    return [i for i in found if isinstance(i, RecordError)]


def articles(found: list[Article | RecordError]) -> list[Article]:
    return [i for i in found if isinstance(i, Article)]


def test_decode_refuses_empty_binary_and_invalid_utf8() -> None:
    empty = decode("e.txt", b"  \n")
    assert isinstance(empty, RecordError) and empty.reason == "empty file"
    binary = decode("b.bin", b"PK\x03\x04\x00\x00data")
    assert isinstance(binary, RecordError) and "binary" in binary.reason
    latin1 = decode("l.txt", "erste Zeile\nGrüße".encode("latin-1"))
    assert isinstance(latin1, RecordError)
    assert latin1.line == 2 and "invalid UTF-8 at byte 14" in latin1.reason
    assert decode("bom.txt", "\ufeffText".encode()) == "Text"


def test_record_format_keeps_date_precision_and_title_span() -> None:
    found = items(b"date 2023-11 Ein Titel\n\nDer Text.\n", "r.txt")
    (article,) = articles(found)
    assert article.published is not None and article.published.precision == "month"
    assert article.title == "Ein Titel"
    assert article.title_span is not None
    assert article.text[article.title_span.start : article.title_span.end] == "Ein Titel"


def test_record_format_with_an_impossible_date() -> None:
    (error,) = errors(items(b"date 2023-13 Titel\n\nText", "r.txt"))
    assert error.line == 1 and "no month 13" in error.reason


def test_jsonl_broken_line_in_the_middle_costs_only_that_line() -> None:
    good = [json.dumps({"id": f"g{i}", "text": f"Satz Nummer {i}."}) for i in range(3)]
    data = "\n".join([good[0], '{"id": "x", "text": ', good[1], "[1, 2]", good[2]]).encode()
    found = items(data, "f.jsonl")
    assert [a.id for a in articles(found)] == ["g0", "g1", "g2"]
    assert [(e.line, e.reason.split(" (")[0]) for e in errors(found)] == [
        (2, "invalid JSON"),
        (4, "line is JSON but not an object"),
    ]
    assert [a.line for a in articles(found)] == [1, 3, 5]


def test_jsonl_text_with_unicode_line_separators_stays_one_record() -> None:
    text = "Erster Absatz.\u2028Zweiter\x1cAbsatz.\x0bDritter."
    data = (json.dumps({"id": "u", "text": text}, ensure_ascii=False) + "\n").encode()
    (article,) = items(data, "u.jsonl")
    assert isinstance(article, Article) and article.text == text


def test_jsonl_invalid_utf8_line_is_salvaged() -> None:
    data = (
        b'{"id": "a", "text": "gut"}\n'
        b'{"id": "b", "text": "schlecht \xff"}\n'
        b'{"id": "c", "text": "auch"}\n'
    )
    found = items(data, "s.jsonl")
    assert [a.id for a in articles(found)] == ["a", "c"]
    (error,) = errors(found)
    assert error.line == 2 and "invalid UTF-8" in error.reason


def test_empty_or_binary_jsonl_gives_one_error() -> None:
    assert [e.reason for e in errors(items(b"", "e.jsonl"))] == ["empty file"]
    binary = items(b"\x00\x01\x02\n\x00\xff\n" * 50, "b.jsonl")
    assert len(binary) == 1 and "binary" in errors(binary)[0].reason


def test_jsonl_field_checks() -> None:
    lines = [
        {"id": 7, "text": "Zahl als id."},
        {"id": "t", "text": "   "},
        {"id": "d", "text": "Text.", "date": "2024-02-30"},
        {"id": "l", "text": "Text.", "lang": "fr"},
    ]
    found = items("\n".join(json.dumps(x) for x in lines).encode(), "c.jsonl")
    assert [a.id for a in articles(found)] == ["7"]
    reasons = [(e.record_id, e.reason) for e in errors(found)]
    assert reasons[0] == ("t", "missing or empty 'text'")
    assert reasons[1][0] == "d" and "not a calendar date" in reasons[1][1]
    assert reasons[2] == ("l", "unsupported lang 'fr' (use 'de' or 'en')")


def test_html_article_is_extracted() -> None:
    (article,) = items(ARTICLE_HTML.encode(), "page.html")
    assert isinstance(article, Article)
    assert "Bürgermeister" in article.text
    assert "Kontakt" not in article.text


def test_html_page_without_article_is_refused() -> None:
    (error,) = items(MENU_HTML.encode(), "menu.html")
    assert isinstance(error, RecordError)
    assert error.reason.startswith("no article text found in the HTML page")


def test_folders_are_read_sorted_skipping_docs(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Zweiter Text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Erster Text.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / ".hidden").write_text("versteckt", encoding="utf-8")
    found = list(read_paths([str(tmp_path)]))
    assert [Path(a.source).name for a in articles(found)] == ["a.txt", "b.txt"]
    assert errors(found) == []


def test_missing_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    (error,) = list(read_paths([str(tmp_path / "nope.txt")]))
    assert isinstance(error, RecordError) and "cannot read file" in error.reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023", ("2023", "year")),
        ("2023-11", ("2023-11", "month")),
        ("2023-11-08", ("2023-11-08", "day")),
        ("2023-11-08T10:15:00Z", ("2023-11-08T10:15", "minute")),
    ],
)
def test_dates_keep_their_precision(value: str, expected: tuple[str, str]) -> None:
    published = parse_published(value)
    assert (published.value, published.precision) == expected
