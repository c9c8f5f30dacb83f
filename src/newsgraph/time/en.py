"""English temporal expressions (news style): the fallback grammar."""

from __future__ import annotations

import re

from . import draft as d
from .draft import Draft
from .grammar import B, E, Rule, draft, duration, number, relation, rule, unit_of
from .lexicon import Lexicon, alternation

YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_AGE = re.compile(r"-old\b|\s+old\b|\s+and\s+older\b|\s+and\s+younger\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:ages?|aged)\s+$", re.IGNORECASE)
_UNIT_WORDS = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE"}
_UNIT_WORDS |= {"century": "CE", "quarter": "Q", "day": "D", "fiscal year": "Y"}


def _cap(words: object) -> str:
    return alternation(str(w).capitalize() for w in words)  # type: ignore[attr-defined]


def _month(text: str, lex: Lexicon) -> int:
    return lex.months[text.lower()]


def _pos(text: str | None, lex: Lexicon) -> str | None:
    return lex.positions.get(re.sub(r"\s+", " ", text.lower())) if text else None


def _date(m: re.Match[str], lex: Lexicon) -> Draft | None:
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    year = int(m["y"]) if m["y"] else None
    return draft(m, "date", month=_month(m["m"], lex), day=day, year=year)


def _month_year(m: re.Match[str], lex: Lexicon) -> Draft | None:
    rel = m.groupdict().get("rel")
    dr = draft(m, "month", month=_month(m["m"], lex), mod=_pos(m["pos"], lex))
    if m["y"]:
        dr.year = int(m["y"])
    elif rel:
        _, dr.direction, dr.ref = relation(rel, lex)
    return dr


def _year(m: re.Match[str], lex: Lexicon) -> Draft | None:
    after = m.string[m.end() : m.end() + 20].split()
    if after and after[0].lower().strip(".,;:") in lex.year_blockers:
        return None
    return draft(m, "year", year=int(m["y"]), mod=_pos(m["pos"], lex))


def _weekday(m: re.Match[str], lex: Lexicon) -> Draft | None:
    rel = m["rel"]
    _, direction, _ = relation(rel, lex)
    pod = lex.parts_of_day.get(m["pod"].lower()) if m["pod"] else None
    dr = draft(m, "weekday", weekday=lex.weekdays[m["wd"].lower()], pod=pod)
    dr.direction = direction if rel else d.TENSE
    dr.type = "TIME" if pod else "DATE"
    return dr


def _deictic(m: re.Match[str], lex: Lexicon) -> Draft | None:
    word = m["w"].lower()
    pod = lex.parts_of_day.get(m["pod"].lower()) if m["pod"] else None
    if word == "tonight":
        pod = "NI"
    shift = lex.deictic_days[word]
    return draft(
        m, "deictic", unit="D", shift=shift, ref="pub", pod=pod, type="TIME" if pod else "DATE"
    )


def _this_pod(m: re.Match[str], lex: Lexicon) -> Draft | None:
    shift = -1 if m["rel"].lower() == "last" else 0
    pod = lex.parts_of_day[m["pod"].lower()]
    return draft(m, "this_pod", unit="D", shift=shift, ref="pub", pod=pod, type="TIME")


def _rel_unit(m: re.Match[str], lex: Lexicon) -> Draft | None:
    rel = m["rel"].lower()
    unit = _UNIT_WORDS[re.sub(r"\s+", " ", m["u"].lower())]
    if rel == "past" or (unit == "D" and rel != "following"):
        return draft(m, "rel_unit", type="DURATION", value=duration(1, unit))
    shift, _, ref = relation(rel, lex)
    if unit == "WE":
        return draft(m, "rel_unit", unit="WE", shift=shift, ref=ref)
    return draft(m, "rel_unit", unit=unit, shift=shift, ref=ref, mod=_pos(m["pos"], lex))


def _position(m: re.Match[str], lex: Lexicon) -> Draft | None:
    mod = {"end": "END", "middle": "MID"}.get(m["pos"].lower(), "START")
    return draft(m, "position", unit=_UNIT_WORDS[m["u"].lower()], mod=mod)


def _season(m: re.Match[str], lex: Lexicon) -> Draft | None:
    _shift, direction, ref = relation(m["rel"], lex)
    dr = draft(m, "season", suffix=lex.seasons[m["s"].lower()], ref=ref, direction=direction)
    dr.year = int(m["y"]) if m["y"] else None
    return dr


def _ago(m: re.Match[str], lex: Lexicon) -> Draft | None:
    amount = number(m["n"], lex)
    if amount is None or amount != int(amount):
        return draft(m, "ago", value="PAST_REF")
    return draft(m, "ago", unit=unit_of(m["u"], lex), shift=-int(amount), ref="pub")


def _span(m: re.Match[str], lex: Lexicon) -> Draft | None:
    amount = number(m["n"], lex) if m["n"] else None
    return draft(m, "span", type="DURATION", value=duration(amount, unit_of(m["u"], lex)))


def _duration(m: re.Match[str], lex: Lexicon) -> Draft | None:
    if _AGE.match(m.string, m.end()) or _AGE_BEFORE.search(m.string, 0, m.start()):
        return None
    amount = number(m["n"], lex)
    unit = unit_of(m["u"], lex)
    if unit == "DE" and amount is not None:
        amount, unit = amount * 10, "Y"  # TIMEX3 news style: "a decade" is P10Y
    if amount is None and m["n"].lower() not in lex.vague_numbers:
        return None
    mod = m["mod"]
    dr = draft(m, "duration", type="DURATION", value=duration(amount, unit))
    dr.mod = lex.modifiers.get(mod.lower()) if mod else None
    return dr


def _set(m: re.Match[str], lex: Lexicon) -> Draft | None:
    word = (m["s"] or "").lower()
    if word in lex.set_adverbs:
        return draft(m, "set", type="SET", value=lex.set_adverbs[word])
    unit = m["u"].lower()
    if unit in lex.weekdays:
        return draft(m, "set", type="SET", value=f"XXXX-WXX-{lex.weekdays[unit]}")
    if unit in lex.seasons:
        return draft(m, "set", type="SET", value=f"XXXX-{lex.seasons[unit]}")
    return draft(m, "set", type="SET", value=duration(1, unit_of(unit, lex)))


def _ref(m: re.Match[str], lex: Lexicon) -> Draft | None:
    word = re.sub(r"\s+", " ", m["r"].lower())
    for words, value in ((lex.present_ref, "PRESENT_REF"), (lex.past_ref, "PAST_REF")):
        if word in words:
            return draft(m, "ref", value=value)
    return draft(m, "ref", value="FUTURE_REF")


def _clock(m: re.Match[str], lex: Lexicon) -> Draft | None:
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    ampm = (m["ap"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        return None
    dr = draft(m, "clock", type="TIME", clock=(hour, minute), unit="D", ref="mode")
    if m["wd"]:
        dr.weekday, dr.unit, dr.direction = lex.weekdays[m["wd"].lower()], None, d.TENSE
    return dr


def _decade(m: re.Match[str], lex: Lexicon) -> Draft | None:
    century = m["c"] or "19"
    return draft(m, "decade", decade=int(century) * 10 + int(m["dd"]))


def _century(m: re.Match[str], lex: Lexicon) -> Draft | None:
    return draft(m, "century", century=int(m["n"]) - 1)


def _holiday(m: re.Match[str], lex: Lexicon) -> Draft | None:
    code = lex.holidays[m["h"].lower()]
    if code == "T":
        return None  # Thanksgiving needs a weekday rule; not worth a guess
    year = int(m["y"]) if m["y"] else None
    return draft(m, "holiday", holiday=code, year=year)


def rules(lex: Lexicon) -> list[Rule]:
    month = _cap(lex.months)
    wd = _cap(lex.weekdays)
    units = alternation(lex.units)
    num = rf"(?:\d+(?:\.\d+)?|{alternation(lex.numbers)}|{alternation(lex.vague_numbers)})"
    rel = r"(?:last|next|this|coming|past|previous|following|current)"
    pos = alternation(lex.positions)
    pods = alternation(lex.parts_of_day)
    y = rf"(?P<y>{YEAR})"
    ci = re.IGNORECASE
    return [
        rule(
            "date",
            rf"{B}(?P<m>{month})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{y})?{E}",
            _date,
            flags=0,
        ),
        rule(
            "date2",
            rf"{B}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{month})"
            rf"(?:,?\s+{y})?{E}",
            _date,
            flags=0,
        ),
        rule(
            "month",
            rf"{B}(?:(?i:(?P<pos>{pos}))\s*)?(?:(?i:(?P<rel>{rel}))\s+)?(?P<m>{month})"
            rf"(?:,?\s+(?:of\s+)?{y})?{E}",
            _month_year,
            flags=0,
        ),
        rule(
            "year",
            rf"{B}(?:(?P<pos>{pos})\s*(?:the\s+)?(?:year\s+)?)?(?:fiscal\s+)?"
            rf"(?<![\d.,$£€]){y}(?!\d|[.,]\d){E}",
            _year,
            flags=ci,
        ),
        rule(
            "weekday",
            rf"{B}(?:(?P<rel>{rel})\s+)?(?P<wd>{wd})(?:\s+(?P<pod>{pods}))?{E}",
            _weekday,
            flags=0,
        ),
        rule(
            "deictic",
            rf"{B}(?P<w>{alternation(lex.deictic_days)})(?:\s+(?P<pod>{pods}))?{E}",
            _deictic,
            flags=ci,
        ),
        rule("this_pod", rf"{B}(?P<rel>this|last)\s+(?P<pod>{pods}){E}", _this_pod, flags=ci),
        rule(
            "rel_unit",
            rf"{B}(?:(?P<pos>{pos})\s+)?(?:the\s+)?(?P<rel>{rel})\s+(?:fiscal\s+)?"
            rf"(?P<u>{alternation(_UNIT_WORDS)}){E}",
            _rel_unit,
            flags=ci,
        ),
        rule(
            "season",
            rf"{B}(?:(?P<rel>{rel})\s+)?(?P<s>{alternation(lex.seasons)})"
            rf"(?:\s+(?:of\s+)?{y})?{E}(?!\s+[Tt]ime)",
            _season,
            flags=ci,
        ),
        rule(
            "position",
            rf"{B}(?:the\s+)?(?P<pos>end|beginning|start|middle)\s+of\s+(?:the\s+)?"
            rf"(?P<u>year|month|week){E}",
            _position,
            flags=ci,
        ),
        rule(
            "ago",
            rf"{B}(?:{alternation(lex.modifiers)}\s+)?(?P<n>{num})\s+(?P<u>{units})\s+ago{E}",
            _ago,
            flags=ci,
        ),
        rule(
            "span",
            rf"{B}(?:the\s+)?(?:{rel}|recent)\s+(?:(?P<n>{num})\s+)?"
            rf"(?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries){E}",
            _span,
            flags=ci,
        ),
        rule(
            "duration",
            rf"{B}(?:(?P<mod>{alternation(lex.modifiers)})\s+)?(?:the\s+)?(?P<n>{num})"
            rf"[\s-]+(?P<u>{units}){E}",
            _duration,
            flags=ci,
        ),
        rule(
            "set",
            rf"{B}(?:(?P<s>{alternation(lex.set_adverbs)})|(?:each|every|per)\s+(?P<u>"
            rf"{units}|{alternation(lex.weekdays)}|{alternation(lex.seasons)}|season)){E}",
            _set_any,
            flags=ci,
        ),
        rule(
            "ref",
            rf"{B}(?P<r>{alternation(lex.present_ref + lex.past_ref + lex.future_ref)}){E}",
            _ref,
            flags=ci,
        ),
        rule(
            "clock",
            rf"{B}(?P<h>\d{{1,2}})(?::(?P<mi>\d{{2}}))?\s*(?P<ap>[ap]\.?m\.?|[AP]M)?"
            rf"(?:\s+(?:GMT|UTC|ET|EST|EDT|PST|local\s+time))?(?:\s+(?:on\s+)?(?P<wd>{wd}))?{E}",
            _clock_any,
            flags=0,
        ),
        rule("decade", rf"{B}(?:the\s+)?(?P<c>1[0-9]|20)?(?P<dd>\d)0'?s{E}", _decade, flags=ci),
        rule(
            "century",
            rf"{B}(?:the\s+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)\s+century{E}",
            _century,
            flags=ci,
        ),
        rule(
            "holiday", rf"{B}(?P<h>{alternation(lex.holidays)})(?:\s+{y})?{E}", _holiday, flags=ci
        ),
    ]


def _set_any(m: re.Match[str], lex: Lexicon) -> Draft | None:
    if m["u"] and m["u"].lower() == "season":
        return draft(m, "set", type="SET", value="XXXX-XX")
    return _set(m, lex)


def _clock_any(m: re.Match[str], lex: Lexicon) -> Draft | None:
    if m["mi"] is None and m["ap"] is None:
        return None  # a bare number is no time
    return _clock(m, lex)
