"""The ``structure`` stage: which characters are title, caption, credit, lead, body, subheading,
related links and agency credit.

Pure string work over paragraph units (see ``units.py``), in this order, each rule seeing only
the units earlier rules left unlabelled:

1. title: the reader's ``title_span``; else the ``title`` metadata when the text starts with
   it; else, for a text without any title metadata, a short first line without a final
   period that is followed by at least two more paragraphs (a headline).
2. related: a line opening with a related-links label ("Mehr lesen", "Read more"); a label
   standing alone takes the headline line(s) after it.
3. agency: closing lines such as "(APA/AFP)", "dpa/jk", "(Reporting by …)", or an agency
   parenthesis at the end of the last paragraph (split off from it).
4. credit and caption: a line that is only a photo credit is ``credit``; a paragraph ending
   in a credit splits into ``caption`` + ``credit``; a paragraph that repeats the title, or
   is followed by a credit line, is ``caption``.
5. the rest is news text: one paragraph alone is ``body``; of several, the first is ``lead``,
   short title-like lines between paragraphs are ``subheading``, the others ``body``.
   A dateline opening the first paragraph ("BERLIN (dpa) –") names agencies too.

``doc.credits`` lists each credited name separately ("Reuters / Russian Defence Ministry"
gives ``["Reuters", "Russian Defence Ministry"]``); ``doc.agencies`` lists canonical agency
names in text order, each once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Document, Part, Span
from ..pipeline import PipelineOptions
from . import credits as cr
from .cues import Cues, load_cues
from .units import split_units, trim

_BULLETS = ("-", "–", "•", "»", "›", ">", "*")
_MAX_CAPTION_CHARS = 300
_MAX_CLOSING_LINES = 3
# A shorter title ("Ukraine") opens ordinary paragraphs too often to mark a caption.
_MIN_REPEATED_TITLE = 25


@dataclass(frozen=True, slots=True)
class Structure:
    parts: list[Part]
    agencies: list[str]
    credits: list[str]
    dateline: Span | None = None  # "BERLIN (dpa) –" opening the first content paragraph


@dataclass(slots=True)
class _Seg:
    start: int
    end: int
    block: int
    kind: str | None = None


@dataclass(slots=True)
class _Layout:
    text: str
    cues: Cues
    segs: list[_Seg]
    agencies: list[tuple[int, str]] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    dateline: Span | None = None

    def body(self, seg: _Seg) -> str:
        return self.text[seg.start : seg.end]

    def split(self, index: int, offset: int, first: str | None, second: str | None) -> None:
        """Cut segment ``index`` at absolute ``offset`` into two trimmed, labelled segments."""
        seg = self.segs[index]
        pieces = []
        for lo, hi, kind in ((seg.start, offset, first), (offset, seg.end, second)):
            start, end = trim(self.text, lo, hi)
            if start < end:
                pieces.append(_Seg(start, end, seg.block, kind))
        self.segs[index : index + 1] = pieces

    def open_indices(self) -> list[int]:
        return [i for i, s in enumerate(self.segs) if s.kind is None]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _headline_like(text: str, max_words: int = 12, max_chars: int = 100) -> bool:
    words = text.split()
    return (
        0 < len(words) <= max_words
        and len(text) <= max_chars
        and text[-1] not in ".,;:"
        and (text[0].isupper() or text[0].isdigit() or text[0] in "„“\"'«»")
    )


def _mark_title(lay: _Layout, title_span: Span | None, title: str | None) -> None:
    first = lay.segs[0]
    if title_span is not None and first.start <= title_span.start < first.end:
        lay.split(0, min(title_span.end, first.end), "title", None)
    elif title and title.strip():
        wanted = title.strip()
        if lay.text.startswith(wanted, first.start):
            lay.split(0, min(first.start + len(wanted), first.end), "title", None)
    elif len(lay.segs) >= 3:
        line = lay.body(first)
        plain = cr.credit_line(line, lay.cues) is None and cr.agency_line(line, lay.cues) is None
        if plain and not lay.cues.related.match(line) and _headline_like(line, 25, 160):
            first.kind = "title"


def _related_head(lay: _Layout, seg: _Seg) -> bool | None:
    """None: not a related block; True: the label stands alone; False: label and headline."""
    line = lay.body(seg)
    match = lay.cues.related.match(line)
    if match is None or len(line) > 200:
        return None
    rest = line[match.end() :].strip(" :.…»>›|-")
    if not rest:
        return True
    return False if _headline_like(rest, 20, 180) or line[match.end()] in ":…»>›|" else None


def _mark_related(lay: _Layout) -> None:
    for index in lay.open_indices():
        seg = lay.segs[index]
        alone = _related_head(lay, seg)
        if alone is None:
            continue
        seg.kind = "related"
        taken = False
        for follower in lay.segs[index + 1 :]:
            line = lay.body(follower)
            same_block = follower.block == seg.block
            bullet = line.startswith(_BULLETS)
            headline = alone and not taken and _headline_like(line, 20, 180)
            if follower.kind is not None or not (same_block or bullet or headline):
                break
            follower.kind, taken = "related", True


def _mark_agency(lay: _Layout) -> None:
    closing = 0
    for index in range(len(lay.segs) - 1, -1, -1):
        seg = lay.segs[index]
        if seg.kind == "related":
            continue
        if seg.kind is not None:
            return
        names = cr.agency_line(lay.body(seg), lay.cues) if closing < _MAX_CLOSING_LINES else None
        if names is not None:
            seg.kind, closing = "agency", closing + 1
            lay.agencies.extend((seg.start, n) for n in names)
            continue
        tail = cr.tail_agency(lay.body(seg), lay.cues)
        if tail is not None:
            offset = seg.start + tail[0]
            lay.agencies.extend((offset, n) for n in tail[1])
            lay.split(index, offset, None, "agency")
        return


def _mark_credits(lay: _Layout, title: str) -> None:
    lead_seen = False
    index = 0
    while index < len(lay.segs):
        seg = lay.segs[index]
        index += 1
        if seg.kind is not None:
            continue
        line = lay.body(seg)
        names = cr.credit_line(line, lay.cues)
        if names:
            seg.kind = "credit"
            lay.credits.extend(names)
            continue
        repeats = len(title) >= _MIN_REPEATED_TITLE and _norm(line).startswith(title)
        tail = cr.tail_credit(line, lay.cues, bare=repeats or not lead_seen)
        if tail is not None:
            lay.credits.extend(tail[1])
            lay.split(index - 1, seg.start + tail[0], "caption", "credit")
            index += 1
        elif repeats or _before_credit(lay, index, line):
            seg.kind = "caption"
        else:
            lead_seen = True


def _before_credit(lay: _Layout, index: int, line: str) -> bool:
    if index >= len(lay.segs) or len(line) > _MAX_CAPTION_CHARS:
        return False
    follower = lay.segs[index]
    return follower.kind is None and cr.credit_line(lay.body(follower), lay.cues) is not None


def _mark_content(lay: _Layout) -> None:
    content = lay.open_indices()
    if not content:
        return
    first = lay.segs[content[0]]
    names, length = cr.dateline(lay.body(first), lay.cues)
    lay.agencies.extend((first.start, n) for n in names)
    if length:
        lay.dateline = Span(first.start, first.start + length)
    if len(content) == 1:
        first.kind = "body"
        return
    first.kind = "lead"
    for index in content[1:-1]:
        seg = lay.segs[index]
        seg.kind = "subheading" if _headline_like(lay.body(seg)) else "body"
    lay.segs[content[-1]].kind = "body"


def _parts(lay: _Layout) -> list[Part]:
    parts: list[Part] = []
    for seg in lay.segs:
        kind = seg.kind or "body"
        if kind == "related" and parts and parts[-1].kind == "related":
            parts[-1] = Part("related", parts[-1].start, seg.end)
        else:
            parts.append(Part(kind, seg.start, seg.end))
    return parts


def segment(
    text: str, *, title_span: Span | None = None, title: str | None = None, cues: Cues | None = None
) -> Structure:
    """Label every paragraph of ``text``; see the module docstring for the rules."""
    lay = _Layout(text, cues or load_cues(), [])
    lay.segs = [_Seg(u.start, u.end, u.block) for u in split_units(text)]
    if not lay.segs:
        return Structure([], [], [])
    _mark_title(lay, title_span, title)
    titles = [lay.body(s) for s in lay.segs if s.kind == "title"]
    _mark_related(lay)
    _mark_agency(lay)
    _mark_credits(lay, _norm(titles[0] if titles else title or ""))
    _mark_content(lay)
    agencies = [name for _, name in sorted(lay.agencies, key=lambda item: item[0])]
    return Structure(
        _parts(lay),
        list(dict.fromkeys(agencies)),
        list(dict.fromkeys(lay.credits)),
        lay.dateline,
    )


def make_stage(options: PipelineOptions) -> Callable[[Document], None]:
    cues = load_cues()

    def structure(doc: Document) -> None:
        art = doc.article
        result = segment(doc.text, title_span=art.title_span, title=art.title, cues=cues)
        doc.parts, doc.agencies, doc.credits = result.parts, result.agencies, result.credits
        doc.dateline = result.dateline

    return structure
