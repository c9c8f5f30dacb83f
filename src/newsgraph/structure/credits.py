"""Recognise photo credits, agency credits and datelines in a line or at a paragraph's edge.

Everything here is a pure function of a string and the compiled ``Cues``; offsets returned
are relative to the string passed in.
"""

from __future__ import annotations

import re

from .cues import Cues

# Separators between the names of one credit: "Reuters / Russian Defence Ministry",
# "picture alliance/dpa | Michael Kappeler", "John Doe/AFP via Getty Images".
_CREDIT_SEP = re.compile(r"\s*(?:/|\||;|,|\bvia\b)\s*")
_AGENCY_SEP = re.compile(r"\s*(?:/|,|&|\bund\b|\band\b)\s*")
# Author initials after agencies: "dpa/jk", "AFP/dpa/red."
_INITIALS = re.compile(r"^[a-zäöüß]{1,4}\.?$")
_SENTENCE_END = re.compile(r"[.!?…][“”\"»«')]*\s+")
_BAD_IN_NAME = re.compile(r"[!?:;„“”\"«»]")
_PARENS_TAIL = re.compile(r"\(([^()\n]{1,60})\)\s*$")
_DASH_TAIL = re.compile(r"\s[-–—]\s*([A-Za-z][\w/ .-]{0,30})$")
_DASH_LINE = re.compile(r"^[-–—]\s*(\S.{0,30})$")
# "BERLIN (dpa) –", "Kiew/Moskau (AFP) -", "WASHINGTON, March 3 (Reuters) -", "(AP) —"
_DATELINE = re.compile(
    r"^(?:[A-ZÄÖÜ][^\s(),]*(?:\s+[^\s(),]+){0,3}(?:,\s*[^()\n]{1,30}?)?\s*)?"
    r"\(([^()\n]{1,40})\)\s*[-–—:]"
)
_MAX_CREDIT_CHARS = 150
_MAX_AGENCY_LINE_CHARS = 200


def agency_names(group: str, cues: Cues) -> list[str] | None:
    """``"APA/AFP"`` -> ``["APA", "AFP"]``; ``"AFP/dpa/jk"`` -> ``["AFP", "dpa"]``.

    None unless every piece is a known agency or author initials, and one is an agency.
    """
    found: list[str] = []
    for token in _AGENCY_SEP.split(group.strip()):
        if not token:
            continue
        canonical = cues.agencies.get(token.lower())
        # Two lower-case letters are initials ("aa", "ap"), not the agencies AA and AP.
        if canonical and not (len(token) == 2 and token.islower()):
            if canonical not in found:
                found.append(canonical)
        elif not _INITIALS.match(token):
            return None
    return found or None


def _name_ok(name: str, cues: Cues) -> bool:
    words = name.split()
    if not words or len(words) > 6 or _BAD_IN_NAME.search(name):
        return False
    content = 0
    for word in words:
        if word in cues.particles:
            continue
        if not (word[0].isupper() or word[0].isdigit() or word.lower() in cues.credit_words):
            return False
        content += 1
    return content > 0


def credit_names(text: str, cues: Cues) -> list[str] | None:
    """The names of a credit (``"Kay Nietfeld/dpa"`` -> two names), None if any is not a name."""
    names = [n for n in _CREDIT_SEP.split(text.strip().rstrip(")").strip()) if n]
    if not names or not all(_name_ok(n, cues) for n in names):
        return None
    return list(dict.fromkeys(names))


def _is_known(names: list[str], cues: Cues) -> bool:
    return all(n.lower() in cues.known_credits for n in names)


def credit_line(text: str, cues: Cues) -> list[str] | None:
    """The names when ``text`` is only a photo credit ("Foto: dpa", "AFP/Getty Images")."""
    line = text.strip()
    if not line or len(line) > _MAX_CREDIT_CHARS:
        return None
    marker = cues.credit_marker.match(line)
    if marker:
        return credit_names(line[marker.end() :], cues)
    names = credit_names(line, cues)
    # Without a marker, a bare name could be a subheading: ask for two names or known agencies.
    if names and (len(names) >= 2 or _is_known(names, cues)):
        return names
    return None


def tail_credit(text: str, cues: Cues, *, bare: bool) -> tuple[int, list[str]] | None:
    """A credit at the end of a caption paragraph: (where it starts, its names).

    With ``bare``, a credit without a marker after the last sentence counts too
    ("... in Peking. Reuters / Russian Defence Ministry"); callers allow that only where a
    caption is expected.
    """
    for match in cues.credit_marker_tail.finditer(text):
        start = match.start(1)
        names = credit_line(text[start:], cues) if start > 0 else None
        if names:
            return start, names
    if not bare:
        return None
    ends = list(_SENTENCE_END.finditer(text))
    if not ends:
        return None
    start = ends[-1].end()
    names = credit_names(text[start:], cues)
    if (
        names
        and len(text) - start <= _MAX_CREDIT_CHARS
        and (len(names) >= 2 or _is_known(names, cues))
    ):
        return start, names
    return None


def agency_line(text: str, cues: Cues) -> list[str] | None:
    """The agencies when ``text`` is a closing credit line ("(APA/AFP)", "dpa/jk", "— AP").

    An empty list means a closing staff line without an agency ("(Reporting by …)").
    """
    line = text.strip()
    if not line or len(line) > _MAX_AGENCY_LINE_CHARS:
        return None
    inner = line[1:-1].strip() if line.startswith("(") and line.endswith(")") else line
    dash = _DASH_LINE.match(inner)
    names = agency_names(dash.group(1) if dash else inner, cues)
    if names:
        return names
    if cues.closing.match(line):
        found: list[str] = []
        for word in re.findall(r"[\w.-]+", line):
            found.extend(n for n in agency_names(word, cues) or [] if n not in found)
        return found
    return None


def tail_agency(text: str, cues: Cues) -> tuple[int, list[str]] | None:
    """An agency credit closing a paragraph ("... Militärübungen ab. (APA/AFP)")."""
    for pattern in (_PARENS_TAIL, _DASH_TAIL):
        match = pattern.search(text)
        if match and match.start() > 0:
            names = agency_names(match.group(1), cues)
            if names:
                start = match.start()
                while text[start].isspace():
                    start += 1
                return start, names
    return None


def dateline(text: str, cues: Cues) -> tuple[list[str], int]:
    """Agencies named in a dateline opening a paragraph ("BERLIN (dpa) –"), and the dateline's
    length (0 when there is none, or its parenthesis names no agency)."""
    match = _DATELINE.match(text)
    names = agency_names(match.group(1), cues) if match else None
    if not match or not names:
        return [], 0
    return names, match.end()
