"""German deictic and relative expressions, durations, sets, times of day and *_REF words."""

from __future__ import annotations

import re

from . import draft as d
from .draft import Draft
from .grammar import ENDING, B, E, Rule, draft, duration, number, relation, rule, stems, unit_of
from .lexicon import Lexicon, alternation

_POD = r"(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|früh)"
_AGE = re.compile(r"\s*(?:alt|alte|alten|alter|altes|jung|junge|jungen)\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"(?:Alter\s+von|im\s+Alter\s+von|mit)\s+$", re.IGNORECASE)
_WEEK_UNITS = {"woche": "W", "wochenende": "WE", "monat": "M", "monats": "M", "jahr": "Y"}
_WEEK_UNITS |= {"jahres": "Y", "jahrzehnt": "DE", "jahrzehnts": "DE", "jahrhundert": "CE"}
_WEEK_UNITS |= {"jahrhunderts": "CE", "quartal": "Q", "quartals": "Q", "halbjahr": "H"}
_WEEK_UNITS |= {"halbjahres": "H", "tag": "D", "tages": "D"}
_COMPOUND = {"vorjahr": ("Y", -1), "vorjahres": ("Y", -1), "vormonat": ("M", -1)}
_COMPOUND |= {"vormonats": ("M", -1), "vorwoche": ("W", -1), "vortag": ("D", -1)}
_COMPOUND |= {"vortages": ("D", -1), "folgetag": ("D", 1), "folgetages": ("D", 1)}
_COMPOUND |= {"folgejahr": ("Y", 1), "folgejahres": ("Y", 1), "folgemonat": ("M", 1)}
_FUTURE_PREPS = frozenset({"für", "ab", "bis", "zum"})
_PAST_PREPS = frozenset({"seit", "vom"})
_POSITION_UNITS = {"jahres": "Y", "monats": "M", "woche": "W", "jahrzehnts": "DE"}
_POSITION_UNITS |= {"jahresende": "Y", "jahresbeginn": "Y", "jahresanfang": "Y"}
_POSITION_UNITS |= {
    "jahresmitte": "Y",
    "monatsende": "M",
    "monatsanfang": "M",
    "jahreswechsel": "Y",
}
_POSITION_MOD = {"jahresende": "END", "jahresbeginn": "START", "jahresanfang": "START"}
_POSITION_MOD |= {"jahresmitte": "MID", "monatsende": "END", "monatsanfang": "START"}
_POSITION_MOD |= {"jahreswechsel": "END"}


def _pod(text: str | None, lex: Lexicon) -> str | None:
    return lex.parts_of_day.get(text.lower()) if text else None


def _deictic(m: re.Match[str], lex: Lexicon) -> Draft | None:
    word = m["w"]
    if word == "Morgen" and not _sentence_start(m):
        return None  # the noun "der Morgen", not "tomorrow"
    pod = _pod(m.groupdict().get("pod"), lex)
    return draft(
        m,
        "deictic",
        unit="D",
        shift=lex.deictic_days[word.lower()],
        ref="pub",
        pod=pod,
        type="TIME" if pod else "DATE",
    )


def _sentence_start(m: re.Match[str]) -> bool:
    before = m.string[max(0, m.start() - 3) : m.start()].strip()
    return not before or before[-1] in '.!?:„“"\n'


def _deictic_adjective(m: re.Match[str], lex: Lexicon) -> Draft | None:
    stem = m["a"].lower()
    shift = next(v for k, v in lex.deictic_adjectives.items() if stem.startswith(k))
    pod = _pod(m.groupdict().get("pod") or m.groupdict().get("what"), lex)
    dr = draft(m, "deictic_adj", unit="D", shift=shift, ref="pub", pod=pod)
    dr.type = "TIME" if pod else "DATE"
    return dr


def _weekday(m: re.Match[str], lex: Lexicon) -> Draft | None:
    shift, direction, _ = relation(m.groupdict().get("rel"), lex)
    if m.groupdict().get("rel") is None:
        direction = d.TENSE
    pod = _pod(m.groupdict().get("pod") or m.groupdict().get("pod2"), lex)
    prep = (m.groupdict().get("prep") or "").lower()
    if direction is d.TENSE and prep in _FUTURE_PREPS:
        direction = 1
    elif direction is d.TENSE and prep in _PAST_PREPS:
        direction = -1
    group = None if prep in ("am", "") else "core"
    dr = draft(m, "weekday", group, weekday=lex.weekdays[m["wd"].lower()], pod=pod)
    dr.direction, dr.type = direction, "TIME" if pod else "DATE"
    if shift in (2, -2):
        dr.day_shift = 7 * (shift // 2)
    return dr


def _weekday_set(m: re.Match[str], lex: Lexicon) -> Draft | None:
    return draft(m, "weekday_set", type="SET", value=f"XXXX-WXX-{lex.weekdays[m['wd'].lower()]}")


def _rel_unit(m: re.Match[str], lex: Lexicon) -> Draft | None:
    shift, _direction, ref = relation(m["rel"], lex)
    unit = _WEEK_UNITS[m["u"].lower()]
    if unit == "D":
        if shift != 1 and ref != "text":
            return None  # "am letzten Tag": the last day of some event, not yesterday
        ref = "text"  # "am nächsten Tag" follows the story's last date
    dr = draft(m, "rel_unit", unit=unit, shift=shift, ref=ref)
    if unit == "WE" and m["rel"].lower().startswith("dies"):
        dr.direction = d.THIS
    return dr


def _compound(m: re.Match[str], lex: Lexicon) -> Draft | None:
    unit, shift = _COMPOUND[m["c"].lower()]
    return draft(m, "compound", unit=unit, shift=shift, ref="mode")


def _weekend(m: re.Match[str], lex: Lexicon) -> Draft | None:
    return draft(m, "weekend", "core", unit="WE", direction=d.TENSE, ref="mode")


def _position_unit(m: re.Match[str], lex: Lexicon) -> Draft | None:
    word = m["u"].lower()
    unit = _POSITION_UNITS[word]
    shift, _, ref = relation(m.groupdict().get("rel"), lex)
    pos = m.groupdict().get("pos")
    mod = lex.positions.get(pos.lower()) if pos else _POSITION_MOD.get(word)
    return draft(m, "position", unit=unit, shift=shift, ref=ref, mod=mod)


def _ago(m: re.Match[str], lex: Lexicon) -> Draft | None:
    amount = number(m["n"], lex)
    unit = unit_of(m["u"], lex)
    if amount is None:
        return draft(m, "ago", value="PAST_REF")
    if amount != int(amount):
        return None
    sign = 1 if m["dir"].lower() == "in" else -1
    return draft(m, "ago", unit=unit, shift=sign * int(amount), ref="pub")


def _plural_span(m: re.Match[str], lex: Lexicon) -> Draft | None:
    """ "in den vergangenen 120 Jahren", "in den nächsten Tagen": a period next to now."""
    unit = unit_of(m["u"], lex)
    return draft(m, "plural_span", type="DURATION", value=duration(number(m["n"], lex), unit))


def _duration(m: re.Match[str], lex: Lexicon) -> Draft | None:
    if _AGE.match(m.string, m.end()) or _AGE_BEFORE.search(m.string, 0, m.start()):
        return None
    amount = number(m["n"], lex)
    if amount is None and m["n"].lower() not in {v.lower() for v in lex.vague_numbers}:
        return None
    if m.groupdict().get("half"):
        amount = (amount or 1) * 0.5 if amount else 0.5
    mod = m.groupdict().get("mod")
    dr = draft(m, "duration", type="DURATION", value=duration(amount, unit_of(m["u"], lex)))
    dr.mod = lex.modifiers.get(re.sub(r"\s+", " ", mod.lower())) if mod else None
    return dr


def _bare_plural(m: re.Match[str], lex: Lexicon) -> Draft | None:
    return draft(m, "bare_plural", "u", type="DURATION", value=duration(None, unit_of(m["u"], lex)))


def _adjective_duration(m: re.Match[str], lex: Lexicon) -> Draft | None:
    if m["n"][:1].isdigit() and not _durative_head(m, lex):
        return None  # "der 53-jährige Minister": an age
    unit = lex.adjective_units[m["u"].lower()]
    head = m["n"].rstrip("-").lower()
    amount = number(head, lex)
    if head == "ganz":
        amount = 1
    elif head == "halb":
        amount = 0.5
    return draft(m, "adj_duration", type="DURATION", value=duration(amount, unit))


def _durative_head(m: re.Match[str], lex: Lexicon) -> bool:
    """Does the adjective modify a span of time ("Haft", "Bestehen") rather than a person?"""
    words = m.string[m.end() : m.end() + 60].split()[:3]
    for word in words:
        clean = word.strip('.,;:!?()„“"')
        if clean[:1].isupper():
            return clean.lower().endswith(lex.duration_nouns)
    return True


def _long(m: re.Match[str], lex: Lexicon) -> Draft | None:
    unit = lex.long_units[m["u"].lower()]
    return draft(m, "long", type="DURATION", value=duration(None, unit))


def _vague_time(m: re.Match[str], lex: Lexicon) -> Draft | None:
    kind = m["a"].lower()
    value = {"lang": "PXY", "einig": "PXM", "geraum": "PXM", "kurz": "PXD"}[kind[:-2] or kind]
    return draft(m, "vague_time", "x", type="DURATION", value=value)


def _set_adverb(m: re.Match[str], lex: Lexicon) -> Draft | None:
    after = m.string[m.end() : m.end() + 20].split()[:1]
    if after and after[0].lower().strip(".,;:") in lex.set_blockers:
        return None  # "das tägliche Leben": an idiom, not a recurrence
    return draft(m, "set", type="SET", value=lex.set_adverbs[m["s"].lower()])


def _every(m: re.Match[str], lex: Lexicon) -> Draft | None:
    word = m["u"].lower()
    if word in lex.weekdays:
        return draft(m, "every", type="SET", value=f"XXXX-WXX-{lex.weekdays[word]}")
    return draft(m, "every", type="SET", value=duration(1, unit_of(word, lex)))


def _ref_word(m: re.Match[str], lex: Lexicon) -> Draft | None:
    word = re.sub(r"\s+", " ", m["r"].lower())
    follow = m.string[m.end() : m.end() + 8].lower()
    if word == "nun" and re.match(r"\s+(?:mal|einmal)\b", follow):
        return None  # modal particle
    if word == "früher" and re.match(r"\s+als\b", follow):
        return None  # comparative
    for words, value in ((lex.present_ref, "PRESENT_REF"), (lex.past_ref, "PAST_REF")):
        if word in words:
            return draft(m, "ref", value=value)
    return draft(m, "ref", value="FUTURE_REF")


def _part_of_day(m: re.Match[str], lex: Lexicon) -> Draft | None:
    return draft(m, "pod", "p", type="TIME", pod=_pod(m["p"], lex), unit="D", ref="mode")


def _night_to(m: re.Match[str], lex: Lexicon) -> Draft | None:
    word = m["w"].lower()
    dr = draft(m, "night", type="TIME", pod="NI", day_shift=-1, ref="pub")
    if word in lex.weekdays:
        dr.weekday, dr.direction, dr.ref = lex.weekdays[word], d.TENSE, "mode"
    else:
        dr.unit, dr.shift = "D", lex.deictic_days.get(word, 0)
    return dr


def _clock(m: re.Match[str], lex: Lexicon) -> Draft | None:
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    if hour > 24 or minute > 59:
        return None
    mod = m.groupdict().get("mod")
    dr = draft(m, "clock", type="TIME", clock=(hour % 24, minute), unit="D", ref="mode")
    dr.mod = lex.modifiers.get(re.sub(r"\s+", " ", mod.lower())) if mod else None
    return dr


def rules(lex: Lexicon) -> list[Rule]:
    wd = alternation(lex.weekdays)
    units = alternation(lex.units)
    num = rf"(?:\d+(?:[.,]\d+)?|{alternation(lex.numbers)}|{alternation(lex.vague_numbers)})"
    last_next = stems(lex.last + lex.next + lex.before_last + lex.after_next)
    rel = stems(lex.last + lex.next + lex.this + lex.following + lex.before_last + lex.after_next)
    mods = alternation(lex.modifiers)
    plural = (
        r"(?:Sekunden|Minuten|Stunden|Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|"
        r"Jahrzehnte|Jahrzehnten)"
    )
    adj = alternation(lex.deictic_adjectives)
    return [
        rule(
            "deictic",
            rf"{B}(?P<w>{alternation(lex.deictic_days)})(?:\s+(?P<pod>{_POD}))?{E}",
            _deictic,
        ),
        rule(
            "deictic_adj",
            rf"{B}(?:am\s+|vom\s+|des\s+)?(?P<a>{adj}){ENDING}\s+(?:(?P<wd>{wd})"
            rf"(?P<pod>{_POD.lower()})?|(?P<what>Tag|Tages|Morgen|Vormittag|Mittag|Nachmittag|"
            rf"Abend|Abends|Nacht)){E}",
            _deictic_adjective,
        ),
        rule(
            "weekday",
            rf"{B}(?:(?P<prep>am|vom|zum|bis|ab|seit|für|an\s+diesem|diesen)\s+)?"
            rf"(?P<core>(?:(?P<rel>{rel}|frühen|späten)\s+)?(?P<wd>{wd})(?P<pod>{_POD.lower()})?"
            rf"(?:\s+(?P<pod2>{_POD}))?){E}",
            _weekday,
        ),
        rule("weekday_set", rf"{B}(?P<wd>{wd})s{E}", _weekday_set),
        rule("rel_unit", rf"{B}(?P<rel>{rel})\s+(?P<u>{alternation(_WEEK_UNITS)}){E}", _rel_unit),
        rule("compound", rf"{B}(?P<c>{alternation(_COMPOUND)}){E}", _compound),
        rule("weekend", rf"{B}(?:am|übers|zum|vom)\s+(?P<core>Wochenende){E}", _weekend),
        rule(
            "position",
            rf"{B}(?:(?P<pos>{alternation(lex.positions)})\s+(?:des\s+|der\s+)?"
            rf"(?:(?P<rel>{rel})\s+)?(?P<u>Jahres|Monats|Woche|Jahrzehnts)|(?P<u2>Jahresende|"
            rf"Jahresbeginn|Jahresanfang|Jahresmitte|Monatsende|Monatsanfang|Jahreswechsel)){E}",
            _position_any,
        ),
        rule("ago", rf"{B}(?P<dir>vor|in)\s+(?P<n>{num})\s+(?P<u>{units}){E}", _ago),
        rule(
            "plural_span",
            rf"{B}(?:(?:in\s+)?den\s+)?(?:{last_next}|{stems(lex.following)})\s+"
            rf"(?:(?P<n>{num})\s+)?(?P<u>{plural}){E}",
            _plural_span,
        ),
        rule(
            "duration",
            rf"{B}(?:(?P<mod>{mods})\s+)?(?P<n>{num})\s+(?:(?P<half>halbe[ns]?)\s+|"
            rf"(?:ganze[ns]?|volle[ns]?|lange[ns]?|aufeinanderfolgende[n]?)\s+)?(?P<u>{units}){E}",
            _duration,
        ),
        rule(
            "half",
            rf"{B}(?:ein|eine|einem|einen|einer|eines)\s+(?P<half>halbe[ns]?)\s+"
            rf"(?P<u>{units}){E}",
            _half,
        ),
        rule(
            "bare_plural",
            rf"{B}(?:seit|nach|für|binnen|nur|erst|vor|über)\s+(?P<u>{plural}){E}",
            _bare_plural,
        ),
        rule(
            "adj_duration",
            rf"{B}(?-i:(?P<n>\d+-|(?:{alternation(lex.numbers)}|mehr|viel|ganz|halb)"
            rf")(?P<u>{alternation(lex.adjective_units)}){ENDING}?){E}",
            _adjective_duration,
        ),
        rule("long", rf"{B}(?-i:(?P<u>{alternation(lex.long_units)}){ENDING}?){E}", _long),
        rule(
            "vague_time",
            rf"{B}(?:seit|vor|nach|für|binnen)\s+(?P<x>(?P<a>langer|kurzer|einiger|"
            rf"geraumer)\s+Zeit){E}",
            _vague_time,
        ),
        rule("set", rf"{B}(?P<s>{alternation(lex.set_adverbs)}){ENDING}?{E}", _set_adverb),
        rule(
            "every", rf"{B}(?:jede[ns]?|alle)\s+(?P<u>Tag|Woche|Monat|Jahr|Stunde|{wd}){E}", _every
        ),
        rule(
            "ref",
            rf"{B}(?P<r>{alternation(lex.present_ref + lex.past_ref + lex.future_ref)}|"
            rf"){E}",
            _ref_word,
        ),
        rule(
            "pod",
            rf"{B}(?:am|in\s+der|gegen|bis\s+zum|im\s+Laufe\s+des)\s+(?:(?:frühen|späten)\s+)?"
            rf"(?P<p>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht){E}",
            _part_of_day,
        ),
        rule(
            "night",
            rf"{B}Nacht\s+(?:zu|zum|auf|auf\s+den)\s+(?P<w>heute|gestern|morgen|{wd}){E}",
            _night_to,
        ),
        rule(
            "clock",
            rf"{B}(?:(?P<mod>kurz\s+nach|kurz\s+vor|gegen|etwa|genau)\s+)?(?P<h>\d{{1,2}})"
            rf"(?:[:.](?P<mi>\d{{2}}))?\s*Uhr(?:\s+(?:MEZ|MESZ|Ortszeit|UTC|GMT))?{E}",
            _clock,
        ),
    ]


def _position_any(m: re.Match[str], lex: Lexicon) -> Draft | None:
    if m.group("u") is None:
        word = m["u2"].lower()
        return draft(m, "position", unit=_POSITION_UNITS[word], ref="mode", mod=_POSITION_MOD[word])
    return _position_unit(m, lex)


def _half(m: re.Match[str], lex: Lexicon) -> Draft | None:
    return draft(m, "half", type="DURATION", value=duration(0.5, unit_of(m["u"], lex)))
