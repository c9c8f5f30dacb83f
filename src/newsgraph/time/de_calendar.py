"""German calendar expressions: dates, months, years, seasons, quarters, decades, holidays."""

from __future__ import annotations

import re
from functools import lru_cache

from .draft import Draft
from .grammar import B, E, Rule, draft, relation, rule, stems
from .lexicon import Lexicon, alternation

YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_POS2 = {"jahresbeginn": "START", "jahresanfang": "START", "jahresmitte": "MID"}
_POS2 |= {"jahresende": "END", "jahreswechsel": "END"}
_ORDINAL_QUARTER = {"1": 1, "2": 2, "3": 3, "4": 4}
_DECADE_WORDS = {
    "zwanziger": 2, "dreißiger": 3, "vierziger": 4, "fünfziger": 5,
    "sechziger": 6, "siebziger": 7, "achtziger": 8, "neunziger": 9,
}  # fmt: skip


def _month(text: str, lex: Lexicon) -> int:
    return lex.months[text.lower()]


def _pos(m: re.Match[str], lex: Lexicon) -> str | None:
    text = m.groupdict().get("pos")
    return lex.positions.get(text.lower()) if text else None


def _year(m: re.Match[str]) -> int | None:
    text = m.groupdict().get("y")
    return int(text) if text else None


def _day_month(m: re.Match[str], lex: Lexicon) -> Draft | None:
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    dr = draft(m, "day_month", month=_month(m["m"], lex), day=day, year=_year(m))
    dr.bc = bool(m.groupdict().get("bc"))
    return dr


def _day_list(m: re.Match[str], lex: Lexicon) -> Draft | None:
    """The first day of "am 16. und 17. Dezember": month and year come from the second."""
    day = int(m["x"].rstrip("."))
    if not 1 <= day <= 31:
        return None
    return draft(m, "day_list", "x", month=_month(m["m"], lex), day=day, year=_year(m))


def _numeric(m: re.Match[str], lex: Lexicon) -> Draft | None:
    """ "28.06.2013", "1.9.39", and "26.06" (without the final dot only with two digits)."""
    day, month = int(m["d"]), int(m["mo"])
    if not (1 <= day <= 31 and 1 <= month <= 12) or (not m["dot"] and len(m["mo"]) != 2):
        return None
    year = m["y"]
    value = int(year) if year else None
    if value is not None and value < 100:
        value += 2000 if value < 30 else 1900  # pivot: "1.9.39" is 1939
    return draft(m, "numeric", month=month, day=day, year=value)


def _month_year(m: re.Match[str], lex: Lexicon) -> Draft | None:
    return draft(m, "month_year", month=_month(m["m"], lex), year=_year(m), mod=_pos(m, lex))


def _month_rel(m: re.Match[str], lex: Lexicon) -> Draft | None:
    """ "Dezember dieses Jahres", "im Mai des Vorjahres", "vergangenen Dezember"."""
    _, direction, ref = relation(m["rel"], lex)
    return draft(
        m, "month_rel", month=_month(m["m"], lex), mod=_pos(m, lex), ref=ref, direction=direction
    )


def cap(words: object) -> str:
    """Capitalised alternation, for patterns that must not match lower-case homographs."""
    return alternation(str(w).capitalize() for w in words)  # type: ignore[attr-defined]


def _month_alone(m: re.Match[str], lex: Lexicon) -> Draft | None:
    return draft(m, "month", month=_month(m["m"], lex), mod=_pos(m, lex))


def _year_alone(m: re.Match[str], lex: Lexicon) -> Draft | None:
    after = m.string[m.end() : m.end() + 20].split()
    if after and after[0].lower().strip(".,;:") in lex.year_blockers:
        return None
    before = m.string[max(0, m.start() - 12) : m.start()].lower()
    if re.search(r"(?:nr\.|nummer|§|artikel|paragraf|paragraph|seite)\s*$", before):
        return None
    if _counted_noun(m, lex):
        return None
    dr = draft(m, "year", year=int(m["y"]))
    left = _year_left(tuple(lex.positions)).search(m.string, max(0, m.start() - 40), m.start())
    if left is not None:
        dr.start = left.start()
        pos, pos2 = left["pos"], left["pos2"]
        dr.mod = _POS2.get(pos2.lower()) if pos2 else lex.positions.get((pos or "").lower())
    return dr


@lru_cache(maxsize=4)
def _year_left(positions: tuple[str, ...]) -> re.Pattern[str]:
    """What may stand before a year inside its span: "Anfang 2023", "Jahr 1942"."""
    pos = alternation(positions)
    return re.compile(
        rf"{B}(?:(?:(?P<pos>{pos})\s+(?:des\s+Jahres\s+)?|(?P<pos2>Jahresbeginn|Jahresanfang|"
        rf"Jahresmitte|Jahresende|Jahreswechsel)\s+)(?:Jahr(?:e|es)?\s+)?|Jahr(?:e|es)?\s+)$",
        re.IGNORECASE,
    )


_TEMPORAL_BEFORE = re.compile(
    r"(?:im|seit|bis|von|vom|ab|um|jahre?s?|nach|vor|zwischen|anfang|ende|mitte|"
    r"frühjahr|frühling|sommer|herbst|winter|des|dem|das|sich|bereits|schon|erst|noch|"
    r"wurde|war|ist|hat|hatte|sind|waren)\s+$",
    re.IGNORECASE,
)


def _counted_noun(m: re.Match[str], lex: Lexicon) -> bool:
    """ "1300 Polizisten": a number counting a noun, not a year (unless a preposition says so)."""
    after = re.match(r" +([A-ZÄÖÜ]\w+)", m.string[m.end() : m.end() + 40])
    if after is None or after.group(1).lower() in lex.months:
        return False
    return not _TEMPORAL_BEFORE.search(m.string, max(0, m.start() - 20), m.start())


def _bc_year(m: re.Match[str], lex: Lexicon) -> Draft | None:
    return draft(m, "bc_year", year=int(m["y"]), bc=True)


def _season(m: re.Match[str], lex: Lexicon) -> Draft | None:
    rel = m.groupdict().get("rel") or m.groupdict().get("rel2")
    shift, direction, ref = relation(rel, lex)
    dr = draft(m, "season", suffix=lex.seasons[m["s"].lower().rstrip("s")], year=_year(m))
    dr.mod, dr.ref = _pos(m, lex), ref
    if m.groupdict().get("rel2"):
        dr.unit, dr.shift = "Y", shift
    else:
        dr.direction = direction
    return dr


def _quarter(m: re.Match[str], lex: Lexicon) -> Draft | None:
    word = m["o"].lower().rstrip(".")
    index = _ORDINAL_QUARTER.get(word) or lex.ordinals.get(word)
    if index is None:
        return None
    half = m["q"].lower().startswith(("halbjahr", "jahreshälfte"))
    if half and index > 2:
        index = 2
    suffix = f"H{index}" if half else f"Q{index}"
    return draft(m, "quarter", suffix=suffix, year=_year(m))


def _decade(m: re.Match[str], lex: Lexicon) -> Draft | None:
    word = m.groupdict().get("w")
    if word:
        return draft(m, "decade", decade=190 + _DECADE_WORDS[word.lower()], mod=_pos(m, lex))
    century = m.groupdict().get("c")
    digit = int(m["dd"])
    return draft(m, "decade", decade=int(century or "19") * 10 + digit, mod=_pos(m, lex))


def _pod_date(m: re.Match[str], lex: Lexicon) -> Draft | None:
    dr = _day_month(m, lex)
    if dr is not None:
        dr.type, dr.pod = "TIME", lex.parts_of_day[m["p"].lower()]
    return dr


def _weekend_of(m: re.Match[str], lex: Lexicon) -> Draft | None:
    dr = _day_month(m, lex)
    if dr is not None:
        dr.unit = "WE"  # the tagger turns the resolved day into its week's weekend
    return dr


def _century(m: re.Match[str], lex: Lexicon) -> Draft | None:
    n = int(m["n"])
    if not 1 <= n <= 21:
        return None
    if m.groupdict().get("bc"):
        return draft(m, "century", value=f"BC{n - 1:02d}")
    return draft(m, "century", century=n - 1, mod=_pos(m, lex))


def _holiday(m: re.Match[str], lex: Lexicon) -> Draft | None:
    code = lex.holidays[re.sub(r"\s+", " ", m["h"].lower())]
    return draft(m, "holiday", holiday=code, year=_year(m))


def rules(lex: Lexicon) -> list[Rule]:
    full = [k for k in lex.months if not k.endswith(".")]
    month_full = alternation(full)
    month = alternation(lex.months)
    pos = alternation(lex.positions)
    rel = stems(lex.last + lex.next + lex.this + lex.following)
    season = alternation(lex.seasons)
    y = rf"(?P<y>{YEAR})"
    return [
        # Patterns that start with a digit let the regex engine skip to digits quickly;
        # the word-start check sits after the first digit for that reason.
        rule(
            "day_month",
            rf"(?P<d>\d(?<!\w\d)\d?)\.\s*(?P<m>{month}){E}(?:\s+{y}{E}"
            rf"|\s+(?P<bc>v\.\s*Chr\.?))?",
            _day_month,
        ),
        rule(
            "day_list",
            rf"(?P<x>\d(?<!\w\d)\d?\.)(?:\s*(?:und|bis|oder|/|–|-)\s*)"
            rf"(?=\d{{1,2}}\.\s*(?P<m>{month}){E}(?:\s+{y}{E})?)",
            _day_list,
        ),
        rule(
            "numeric",
            r"(?P<d>\d(?<![\w.,/-]\d)\d?)\.(?P<mo>\d{1,2})(?:(?P<dot>\.)(?:(?P<y>\d{4}|"
            r"\d{2})(?!\w))?(?!\d|\s*Uhr)|(?![\d.]|\s*Uhr))",
            _numeric,
        ),
        rule("iso", rf"(?P<y>{YEAR})(?<!\w\d{{4}})-(?P<mo>\d{{2}})-(?P<d>\d{{2}}){E}", _iso),
        rule(
            "month_year",
            rf"{B}(?:(?P<pos>{pos})\s+(?:des\s+)?)?(?P<m>{month})\s+"
            rf"(?:des\s+Jahres\s+)?{y}{E}",
            _month_year,
        ),
        rule(
            "month_rel",
            rf"{B}(?:(?P<pos>{pos})\s+)?(?:(?P<rel>{rel})\s+(?P<m>{month_full}){E}"
            rf"|(?P<m2>{month_full})\s+(?:des\s+)?(?:(?P<rel2>{rel})\s+Jahres|(?P<rel3>Vorjahr)es)){E}",
            _month_rel_any,
        ),
        rule(
            "month",
            rf"{B}(?:(?P<pos>{cap(lex.positions)})\s+)?(?P<m>{cap(full)}){E}(?!-\w)",
            _month_alone,
            flags=0,
        ),
        rule("year", rf"{y}(?<![\w.,/-]\d{{4}})(?![\d]|[.,]\d|\s*v\.\s*Chr)", _year_alone),
        rule("bc_year", r"(?P<y>\d(?<!\w\d)\d{0,3})\s*v\.\s*Chr\.?", _bc_year),
        rule(
            "season",
            rf"{B}(?:(?P<pos>{pos})\s+(?:des\s+)?)?(?:(?P<rel>{rel})\s+)?(?P<s>{season})s?"
            rf"(?:\s+(?:des\s+Jahres\s+)?{y}{E}|\s+(?:des\s+)?(?P<rel2>{rel})\s+Jahres)?{E}",
            _season,
        ),
        rule(
            "quarter",
            rf"{B}(?P<o>[1-4]\.|{alternation(lex.ordinals)})\s+"
            rf"(?P<q>Quartal|Quartals|Vierteljahr|Vierteljahres|Halbjahr|Halbjahres|Jahreshälfte)"
            rf"(?:\s+{y}{E})?{E}",
            _quarter,
        ),
        rule(
            "decade",
            rf"{B}(?:(?P<pos>{pos})\s+der\s+)?(?:(?P<c>1[0-9]|20)?(?P<dd>\d)0er"
            rf"(?:\s*-?\s*Jahre(?:n)?|Jahre(?:n)?)?|(?P<w>{alternation(_DECADE_WORDS)})\s*-?\s*"
            rf"Jahre(?:n)?){E}",
            _decade,
        ),
        rule(
            "century",
            rf"{B}(?:(?P<pos>{pos})\s+des\s+)?(?P<n>\d{{1,2}})\.\s*Jahrhundert(?:s)?"
            rf"(?P<bc>\s+v\.\s*Chr\.?)?",
            _century,
        ),
        rule(
            "pod_date",
            rf"{B}(?P<p>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)\s+(?:des|vom)\s+"
            rf"(?P<d>\d{{1,2}})\.\s*(?P<m>{month})s?(?:\s+{y})?{E}",
            _pod_date,
        ),
        rule(
            "weekend_of",
            rf"{B}Wochenende\s+(?:des|vom)\s+(?P<d>\d{{1,2}})\.(?:\s*(?:und|bis|/|–|-)"
            rf"\s*\d{{1,2}}\.)?\s*(?P<m>{month})(?:\s+{y})?{E}",
            _weekend_of,
        ),
        rule("holiday", rf"{B}(?P<h>{alternation(lex.holidays)})(?:\s+{y})?{E}", _holiday),
    ]


def _iso(m: re.Match[str], lex: Lexicon) -> Draft | None:
    return draft(m, "iso", year=int(m["y"]), month=int(m["mo"]), day=int(m["d"]))


def _month_rel_any(m: re.Match[str], lex: Lexicon) -> Draft | None:
    if m.group("m2") is None:
        return _month_rel(m, lex)
    month = _month(m["m2"], lex)
    rel = m["rel2"] or m["rel3"]
    if rel.lower().startswith("vorjahr"):
        shift, ref = -1, "pub"
    else:
        shift, _, ref = relation(rel, lex)
    return draft(m, "month_rel", month=month, mod=_pos(m, lex), ref=ref, unit="Y", shift=shift)
