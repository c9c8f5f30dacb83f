"""Names the tagger missed, read from the NER stage's mentions while quotes are found.

HanTa tags some surnames as verbs or adjectives ("Ute Moser/VVIMP", "Jan Frei/ADJD"); the
NP reader then stops inside the name, or takes it for a cue verb. A word inside a name
mention of a person, organisation or place is a name whatever its tag, so for the quotes
stage such words are tagged NE and the tags are put back after: later stages see the
tagger's own output. Small words inside a name ("Ärzte *ohne* Grenzen") are read so too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spacy.tokens import Doc, Token

_TYPES = frozenset({"PER", "ORG", "GPE", "LOC"})
# Tags a name word gets by mistake. Function words and punctuation stay: a mention that
# runs over a sentence end ("Bonn. Dann") must not join two sentences' words.
_MISTAGS = frozenset({"VVFIN", "VVIMP", "VVINF", "VVPP", "ADJD", "XY", "PIS"})


@contextmanager
def names_tagged(doc: Doc, entities: list[dict[str, Any]]) -> Iterator[None]:
    """Within the block, words of name mentions mistagged as above are tagged NE."""
    saved: list[tuple[int, str]] = []
    for ent in entities:
        if ent.get("type") not in _TYPES:
            continue
        for m in ent.get("mentions", []):
            if m.get("kind", "name") != "name":
                continue
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            words = list(span or ())
            # in quotation marks the name is read as a title already („Ärzte ohne Grenzen“)
            marked = bool(words) and words[0].i > 0 and doc[words[0].i - 1].tag_ == "$("
            for k, tok in enumerate(words):
                glue = not marked and _glue(words, k)
                if (tok.tag_ in _MISTAGS and tok.text[:1].isalpha()) or glue:
                    saved.append((tok.i, tok.tag_))
                    tok.tag_ = "NE"
    try:
        yield
    finally:
        for i, tag in reversed(saved):
            doc[i].tag_ = tag


_GLUE = frozenset({"APPR", "APPRART", "ART"})


def _glue(words: list[Token], k: int) -> bool:
    """ "Ärzte *ohne* Grenzen", "Bild *am* Sonntag": a small word between capitalised words
    of one name holds the name together; the NP reader would take it for a preposition."""
    return (
        0 < k < len(words) - 1
        and words[k].tag_ in _GLUE
        and words[k - 1].tag_ in ("NN", "NE")
        and words[k + 1].tag_ in ("NN", "NE")
        and words[k + 1].text[:1].isupper()
    )
