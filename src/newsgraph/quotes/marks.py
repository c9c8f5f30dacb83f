"""Quotation-mark spans: „…“ »…« «…» ‚…‘ “…” "…" '…', including quotes over paragraphs.

A span runs from the opening mark to the closing mark, both included (the German
quotation corpus annotates direct quotes with their marks). A quote that goes on into the
next paragraph leaves its first paragraph unclosed and opens the next one with a mark
again (German and English convention alike); such a quote is one span. A mark that never
closes ends its quote at the end of its paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

# Opening mark -> the marks that may close it. "“" opens only in English text, where it
# never closes a German „.
_PAIRS_DE = {
    "„": '“”"',
    "»": "«",
    "«": "»",
    "‚": "‘’",
    "›": "‹",
    "‹": "›",
    '"': '"',
    "“": "”",
    "'": "'",  # typewriter single marks ('…'): a closing one is required
}
_PAIRS_EN = {"“": '”"', '"': '"', "‘": "’", "„": "“”", "«": "»", "'": "'"}
_SINGLE = frozenset("‚‘'›‹")
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:")
# How far a quote may run without a closing mark before we give up on it (characters).
_MAX_QUOTE = 6000


@dataclass(frozen=True, slots=True)
class Marked:
    start: int  # the opening mark
    end: int  # just after the closing mark (or the paragraph end when unclosed)
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _BEFORE_OPEN or before in '„»«"“') and not after.isspace()


def _closes(text: str, j: int) -> bool:
    before = text[j - 1] if j > 0 else " "
    after = text[j + 1] if j + 1 < len(text) else " "
    if before.isspace():
        return False
    return not (after.isalnum() and text[j] in "'’")  # an apostrophe inside a word


def _paragraph_end(text: str, i: int, stop: int) -> int:
    end = text.find("\n", i, stop)
    return stop if end < 0 else end


def _continues(text: str, newline: int, opener: str, stop: int) -> int | None:
    """Where the quote resumes when the next paragraph opens with the same mark."""
    k = newline
    while k < stop and text[k].isspace():
        k += 1
    return k if k < stop and text[k] == opener else None


def _find_close(text: str, i: int, stop: int, closers: str) -> tuple[int, bool]:
    opener = text[i]
    j = i + 1
    limit = min(stop, i + _MAX_QUOTE)
    while j < limit:
        ch = text[j]
        if ch in closers and _closes(text, j):
            return j + 1, True
        if ch == "\n":
            resume = _continues(text, j, opener, limit)
            if resume is None:
                return j, False
            j = resume
        j += 1
    return limit, False


def find_marked(text: str, start: int, end: int, lang: str = "de") -> list[Marked]:
    """Quotation-mark spans inside text[start:end], outermost only, in text order."""
    pairs = _PAIRS_EN if lang == "en" else _PAIRS_DE
    if lang != "en" and "„" not in text[start:end] and "“" in text[start:end]:
        pairs = {**_PAIRS_DE, "“": '”"'}  # an article in English-style marks
    out: list[Marked] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in pairs and _opens(text, i) and (ch not in _SINGLE or _single_ok(text, i)):
            close, closed = _find_close(text, i, end, pairs[ch])
            if close - i > 2 and (closed or ch not in _SINGLE):
                out.append(Marked(i, close, closed))
                i = close
                continue
        i += 1
    return out


def _single_ok(text: str, i: int) -> bool:
    """A single mark opens a quote only at a word start (not an elision like 's)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return after.isalpha() or after in '„"'
