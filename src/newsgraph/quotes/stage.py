"""Stage "quotes": direct, partial and indirect quotes with speaker, cue and addressee.

Record of each ``doc.quotes`` item (offsets into ``doc.text``)::

    {"start", "end", "text", "kind": "direct" | "partial" | "indirect" | "reported",
     "speaker": {"entity", "start", "end", "text", "resolved"} | null,
     "cue": {"start", "end", "text", "pieces": [{"start", "end", "text"}]} | null,
     "addressee": {"start", "end", "text"} | null,
     "part": part kind, "nested": bool, "rule": which rule found it,
     "gaps": [{"start", "end"}]}  (only where there are any)

``gaps`` are ranges inside [start, end) that are not quoted words: an attribution set
into reported speech ("Es bestehe *nach Angaben der Polizei* keine Gefahr", "Das sei*,
so X,* falsch"). The quote's words are [start, end) without them.

"reported" is a speech act told without its words ("X warnte vor …", "X sprach von …"):
the whole sentence, as the quotation corpus marks it, with no cue.

A cue's ``pieces`` are its other words: the separable particle ("fuhr … *fort*", "teilte
… *mit*") and the auxiliary of a participle ("*hat* gefordert"). ``nested`` marks a quote
inside another one (a partial quote within reported speech); the quotation corpus leaves
those out of its scores, and so should any scorer of ours.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Document
from ..pipeline import PipelineOptions
from .chunks import tagset
from .document import Settings, analyse, parsed
from .found import Found, Offsets
from .lexicon import load_lexicon
from .names import names_tagged
from .resolve import Resolver


def make_stage(options: PipelineOptions) -> Callable[[Document], None]:
    lexicons = {lang: load_lexicon(lang) for lang in ("de", "en")}

    def quotes(doc: Document) -> None:
        lang = "en" if (doc.lang or options.lang) == "en" else "de"
        if doc.doc is None:
            raise ValueError("the quotes stage needs the tokens stage to run first")
        settings = Settings(lexicons[lang], tagset(lang), parsed(doc.doc))
        with names_tagged(doc.doc, doc.entities):
            found = sorted(analyse(doc, settings), key=lambda f: f.start)
            resolver = Resolver(doc.doc, doc.entities, lexicons[lang])
            doc.quotes = [record(doc, f, resolver) for f in found]

    return quotes


def _piece(text: str, span: Offsets | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span[0], "end": span[1], "text": text[span[0] : span[1]]}


def record(doc: Document, found: Found, resolver: Resolver) -> dict[str, Any]:
    text = doc.text
    span = resolver.widen(found.speaker) if found.speaker is not None else None
    speaker = _piece(text, span)
    if speaker is not None and span is not None:
        entity, name = resolver.resolve(span)
        speaker = {"entity": entity, **speaker, "resolved": name}
    cue = _piece(text, found.cue)
    if cue is not None:
        cue["pieces"] = [_piece(text, p) for p in found.pieces]
    part = doc.part_at(found.start)
    gaps = _gaps(found)
    return {
        "start": found.start,
        "end": found.end,
        "text": text[found.start : found.end],
        "kind": found.kind,
        "speaker": speaker,
        "cue": cue,
        "addressee": _piece(text, found.addressee),
        "part": part.kind if part else None,
        "nested": found.nested,
        "rule": found.rule,
        **({"gaps": gaps} if gaps else {}),
    }


def _gaps(found: Found) -> list[dict[str, int]]:
    """Gaps in order, each inside the quote and after the one before: a quote's end may
    have moved after its gap was found."""
    out: list[dict[str, int]] = []
    for start, end in sorted(found.gaps):
        after = out[-1]["end"] if out else found.start
        if after <= start < end <= found.end:
            out.append({"start": start, "end": end})
    return out
