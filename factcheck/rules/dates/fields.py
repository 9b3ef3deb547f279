"""What an atom match says: its named groups read into *fields* (``year``, ``month``,
``rel_day``, ``shift`` ...), with the words looked up in the locale's vocabulary, numbers
written in words read, and amounts of time ("3일 전", "the past two weeks") turned into
relative days, months or years and shifts.

Fields are a plain dict: the keys are the group names of the locale files (see
``factcheck/locales/dates/common.toml``) and the values come from its vocabulary, so they are
as varied as TOML values. ``until`` holds the fields of the other end of a range.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from factcheck.rules.dates.locale import DateLocale

__all__ = ["Fields", "CATEGORY", "MINUTES", "UNIT_SHIFT", "cats", "lookup", "numeral", "read_fields"]

#: the fields of an atom or an expression (see the module docstring)
Fields = dict[str, Any]

#: the kind of each field: two fields of one kind never make one expression
CATEGORY: Mapping[str, str] = MappingProxyType({
    "year": "Y", "year2": "Y", "rel_year": "Y", "decade": "Y", "century": "Y", "rel_decade": "Y",
    "rel_century": "Y",
    "month": "M", "rel_month": "M",
    "rel_week": "W",
    "day": "D", "rel_day": "D", "rel_months": "D", "rel_years": "D",
    "relative": "R",
    "weekday": "WD", "easter": "D", "lunar": "D", "turn": "D",
    "hour": "T", "minute": "MI",
    "ampm": "AP",
    "half": "H", "quarter": "Q", "rel_quarter": "Q",
    "part": "P", "scope": "SP",
    "direction": "DIR",
    "approx": "A", "pick_month": "A",
    "until": "U",
    "mm_or_dd": "M", "dd_or_mm": "D",
    "nth": "N", "nth_week": "N",
    "week_no": "WN", "week_of": "WO", "weekend_of": "WO", "shift": "SH", "shift_to": "SH",
    "shift_open": "SH", "business": "BD", "sub": "SUB", "ambiguous": "AM",
    "shift_day": "SH",
    # times of day and spans (factcheck.rules.dates.moments, .bounds): minutes from the
    # reference moment, a part of the day, a recurrence, an open side, an anchor
    "shift_min": "SH", "span_min": "SH", "for_min": "SH", "for_days": "SH", "day_part": "DP",
    "every": "EV", "every_n": "EV",
    "open": "OP", "anchor": "AN", "zone": "TZ",
})
#: a shift of n units: (months, days)
UNIT_SHIFT: Mapping[str, tuple[int, int]] = MappingProxyType({
    "day": (0, 1), "week": (0, 7), "fortnight": (0, 14), "month": (1, 0), "quarter": (3, 0), "year": (12, 0),
    "decade": (120, 0), "bday": (0, 1)})
#: minutes of the units of time counted from the reference moment (3 hours ago, in 90 minutes)
MINUTES: Mapping[str, int] = MappingProxyType({"minute": 1, "hour": 60, "day": 1440, "week": 10080})
#: minutes written as a fraction of the hour ("half past seven", "a quarter to three")
_CLOCK_FRACTIONS: Mapping[str, int] = MappingProxyType({"half": 30, "quarter": 15})
_DIGIT_FIELDS = frozenset({"year", "month", "day", "bad_day", "hour", "minute", "quarter", "decade", "half",
                           "mm_or_dd", "dd_or_mm"})
_NUMERAL_GROUPS = frozenset({"year_words", "year_hi", "year_lo", "month_words", "day_words"})
#: groups read from another vocabulary table than their own name
_TABLE_OF: Mapping[str, str] = MappingProxyType({"month_name": "month", "nth_week": "nth"})


def cats(fields: Fields) -> set[str]:
    """The kinds of field an atom or expression has; "R" marks a relative one (two relative
    words never make one expression: "last month next year")."""
    out = {CATEGORY[k] for k in fields}
    if any(k.startswith("rel_") for k in fields):
        out.add("R")
    return out


def lookup(dl: DateLocale, table: str, word: str) -> Any:
    """The vocabulary value of a written word in ``[vocab.<table>]`` (or ``[vocab.<table>_*]``)."""
    key = dl.fold(word)
    for name, words in dl.vocab.items():
        if name == table or name.startswith(table + "_"):
            if key in words:
                return words[key]
            if key.rstrip(".") in words:
                return words[key.rstrip(".")]
    return None


def numeral(text: str, dl: DateLocale) -> int | None:
    """A whole number written in words with the locale's [vocab.numeral] (units, teens, tens)
    and [vocab.numeral_scale] (hundred, thousand; 십, 백, 천): "one thousand seven hundred and
    eighty nine", "seventeen hundred thirty three", 이천십팔. The words are read longest first,
    without spaces or hyphens. None when a piece is not a numeral word."""
    units = {k: v for name, table in dl.vocab.items()
             if name.startswith("numeral") and name != "numeral_scale" for k, v in table.items()}
    scales = dl.vocab.get("numeral_scale", {})
    word = dl.fold(text).replace("-", "")
    longest = max((len(k) for k in (*units, *scales)), default=0)
    total = current = pending = 0
    seen = False
    i = 0
    while i < len(word):
        for n in range(min(longest, len(word) - i), 0, -1):
            piece = word[i:i + n]
            if piece in scales:
                scale = int(scales[piece])
                if scale >= 1000:
                    total += (current + pending or 1) * scale
                    current = pending = 0
                else:
                    current += (pending or 1) * scale
                    pending = 0
                break
            if piece in units:
                pending += int(units[piece])
                break
        else:
            return None
        seen = True
        i += n
    return total + current + pending if seen else None


def _read_group(group: str, text: str, target: Fields, dl: DateLocale) -> bool:
    """Read one named group into ``target``; False when a word is not in the vocabulary."""
    if group in _DIGIT_FIELDS and text.isdigit():
        target[group] = int(text)
    elif group == "year2":
        yy = int(text)
        target["year"] = 2000 + yy if yy < 70 else 1900 + yy
        target["year2"] = True  # the century is a guess, set again from the reference date
    elif group == "decade2":
        yy = int(text)
        target["decade"] = 2000 + yy if yy < 30 else 1900 + yy
    elif group == "second":
        pass
    elif group == "half_hour":
        target["minute"] = 30
    elif group == "past_to" and text.lower() == "to":  # twenty to six
        target[group] = "to"
    elif group in ("ago_half", "half_only"):  # an hour and a half; half an hour
        target[group] = True
    elif group == "iso_zone":  # 2023-07-21T18:00Z, …+09:00, …+0900
        target["zone"] = "+00:00" if text in ("Z", "z") else f"{text[:3]}:{text[-2:]}"
    elif group == "now":  # just now, 방금: the reference moment
        target["shift_min"] = 0
    elif group == "anchor_event":  # the next day: counted from an event told elsewhere
        target["anchor"] = "event"
    elif group == "every_n":  # every three weeks
        count = int(text) if text.isdigit() else lookup(dl, "ago_n", text)
        if count is None:
            return False
        target[group] = int(count)
    elif group == "every_other":  # every other Friday
        target["every_n"] = 2
    elif group == "every":  # every Monday (the period follows from the day), weekly, every day
        value = lookup(dl, "set", text) if text else ""
        if value is None:
            return False
        target["every"] = value
    elif group == "hour_native":  # 두 시
        value = lookup(dl, "native_hour", text)
        if value is None:
            return False
        target["hour"] = int(value)
    elif group == "ampm_letter":  # 9a, 8:45p, 3 p . m .
        target["ampm"] = "am" if text.lower() == "a" else "pm"
    elif group == "past_to":  # half past seven, twenty to six
        target[group] = text.lower()
    elif group in ("hour_words", "minute_words"):  # seven twenty-seven, half past, a quarter to
        n = _CLOCK_FRACTIONS.get(text.lower()) if group == "minute_words" else None
        n = n if n is not None else numeral(text, dl)
        if n is None:
            return False
        target["hour" if group == "hour_words" else "minute"] = n
    elif group == "approx":
        target["approx"] = True
    elif group in ("ago_n", "ago_n2", "ago_n3") and text.isdigit():
        target[group] = int(text)
    elif group in ("ago_n2", "ago_n3", "ago_unit2", "ago_unit3"):
        value = lookup(dl, group[:-1], text)
        if value is None:
            return False
        target[group] = value
    elif group in _NUMERAL_GROUPS:
        n = numeral(text, dl)
        if n is None:
            return False
        target[group] = n
    elif group == "pick_month":
        target["pick_month"] = True
    elif group == "century" and text.isdigit():
        target["century"] = int(text)
    elif group == "week_no":
        target["nth_week"] = int(text)
        target["week_no"] = True
    elif group == "weekday_n":  # two Sundays from now: the nth such day after the reference
        count = int(text) if text.isdigit() else lookup(dl, "ago_n", text)
        if count is None or not 1 <= int(count) <= 52:
            return False
        target["direction"], target["shift"] = "next", (0, 7 * (int(count) - 1))
    elif group in ("weekend_of", "week_of", "business"):
        target[group] = True
    elif group == "sub_n":
        count = int(text) if text.isdigit() else lookup(dl, "ago_n", text)
        if count is None:
            return False
        target[group] = int(count)
    elif group in ("nth", "nth_week") and text[:1].isdigit():
        target[group] = int("".join(ch for ch in text if ch.isdigit()))
    else:
        value = lookup(dl, _TABLE_OF.get(group, group), text)
        if value is None:
            return False
        if group == "month_name":
            target["month"] = int(value)
        elif group in ("day_ordinal", "day_cardinal"):
            target["day"] = int(value)
        elif group == "relative":
            target[f"rel_{value[0]}"] = int(value[1])
            if len(value) > 2:  # a part of the week, month or year; or of the day (tonight)
                target["day_part" if dl.fold(str(value[2])) in dl.vocab.get("day_part", {}) else "part"] = value[2]
        elif group == "scope_part":
            target["scope"], target["part"] = value[0], value[1]
        elif group == "clock":
            target["hour"], target["minute"] = int(value[0]), int(value[1])
        else:
            target[group] = value
    return True


def _read_groups(m: re.Match[str], dl: DateLocale) -> tuple[Fields, Fields] | None:
    """The fields of the groups of a match, and those of the other end of a range written in
    it (``end_<field>``)."""
    out: Fields = {}
    until: Fields = {}
    for group, text in m.groupdict().items():
        # one field written in several alternatives of a pattern: "year__2" is "year" (the
        # re module wants distinct names; one atom with alternatives costs less than many)
        group = group.split("__")[0]
        if text is None or group == "sep":
            continue
        target = out
        if group.startswith("end_"):
            group, target = group[4:], until
        if not _read_group(group, text, target, dl):
            return None
    return out, until


def _number_words(target: Fields) -> bool:
    """Numbers written in words: 이십일일, 오월, two thousand and eighteen; a year written as two
    numbers ("nineteen seventy eight", "nineteen zero one"); a decade word ("the seventies",
    "the nineteen seventies"). False when they make no year, month or day."""
    hi = target.pop("year_hi", None)
    if "year_lo" in target:
        lo = target.pop("year_lo")
        if hi is None or not 10 <= hi <= 99 or not 0 <= lo <= 99:
            return False
        target["year"] = hi * 100 + lo
    elif "decade_word" in target:
        d = int(target.pop("decade_word"))
        if d < 100:
            d = hi * 100 + d if hi is not None else (2000 + d if d < 30 else 1900 + d)
        target["decade"] = d
    if "year_words" in target:
        y = target.pop("year_words")
        if not 100 <= y <= 2999:
            return False
        target["year"] = y
    if "month_words" in target:
        target["month"] = target.pop("month_words")
    if "day_words" in target:
        target["day"] = target.pop("day_words")
    return bool(1 <= target.get("month", 1) <= 12 and 1 <= target.get("day", 1) <= 31)


def _holiday(out: Fields) -> None:
    """A holiday's fields: [month, day], [month, weekday, nth], ["easter", days]; a shift."""
    holiday = out.pop("holiday", None)
    if holiday is None:
        return
    if holiday[0] == "easter":
        out["easter"] = int(holiday[1])
    elif len(holiday) >= 3:
        out["month"], out["weekday"], out["nth"] = int(holiday[0]), str(holiday[1]), int(holiday[2])
    else:
        out["month"], out["day"] = int(holiday[0]), int(holiday[1])
    if len(holiday) == 4:
        out["shift"] = (0, int(holiday[3]))


def _amounts(out: Fields, until: Fields) -> Fields | None:
    """Amounts of time: 3일 전, two weeks ago, 1 month 21 days ago, 3 days after (a date), the
    past 3 weeks. Returns the fields of the range end (new ones when the amount makes a span),
    or None when the amounts make no date."""
    for target in (out, until):
        if "period_unit" in target:  # the past two quarters
            target["ago_unit"] = target.pop("period_unit")
        amounts = [(int(target.pop(f"ago_n{s}", 1)), str(target.pop(f"ago_unit{s}")))
                   for s in ("", "2", "3") if f"ago_unit{s}" in target]
        if "ago_days" in target:
            amounts.append((int(target.pop("ago_days")), "day"))
        if not amounts:
            continue
        if any(u in ("hour", "minute") for _, u in amounts):  # 3 hours ago, within the next 90 minutes
            if target is not out or not _minutes(target, amounts):
                return None
            continue
        if any(u == "bday" for _, u in amounts):  # "in four business days": Monday to Friday
            out["business"] = True
        months = sum(n * UNIT_SHIFT[u][0] for n, u in amounts)
        days = sum(n * UNIT_SHIFT[u][1] for n, u in amounts)
        if "period_dir" in target:  # the past 3 weeks: up to the day before; the next 3 days
            direction = target.pop("period_dir")  # within the next 3 years: from the day itself
            sign = 1 if direction in ("next", "within") else -1
            if len(amounts) > 1:  # the past 3 months and 2 weeks, within 5 years 1 month 12 days:
                # the amounts add up (largest unit first); a span from the reference date to the
                # reference date shifted, applied once resolved
                sizes = [UNIT_SHIFT[u][0] * 31 + UNIT_SHIFT[u][1] for _, u in amounts]
                if target is not out or any(u in ("quarter", "decade", "bday") for _, u in amounts) \
                        or any(a <= b for a, b in zip(sizes, sizes[1:], strict=False)):
                    return None
                target["rel_day"] = 0
                target["shift_to"] = (sign * months, sign * days)
                if direction != "within":  # the past ...: up to the day before; the next ...:
                    target["shift_open"] = True  # from the day after
                continue
            unit = amounts[0][1]
            if unit in ("quarter", "decade"):  # the past 2 quarters, the next 3 decades: whole
                n = amounts[0][0]  # calendar quarters or decades
                target[f"rel_{unit}"] = sign if sign > 0 else -n
                if target is out:
                    until = {f"rel_{unit}": n if sign > 0 else -1}
                continue
            far = ({"rel_day": sign * days} if not months else
                   {"rel_months": sign * months} if months % 12 else {"rel_years": sign * months // 12})
            near = {"rel_day": 0 if direction == "within" else sign}
            target.update(near if sign > 0 else far)
            if target is out:
                until = {**(far if sign > 0 else near)}
            continue
        if "shift_dir" in target:  # 3 days after (the date beside it): applied once resolved
            sign = int(target.pop("shift_dir"))
            span = target.pop("span_to", None)
            if span is not None:  # "within 2 weeks from today": a span, not a shift; "for 3
                sign = 0  # days from today" ends the day before the day shifted
                days -= 1 if span == "before" else 0
            # 0: within (내일로부터 3일 안에): from the date beside it to that date shifted
            target["shift" if sign else "shift_to"] = (sign * months, sign * days) if sign else (months, days)
            continue
        sign = int(target.pop("ago_dir", -1))
        if len(amounts) > 1:  # 1 month 21 days ago: the reference date shifted twice
            target["rel_day"] = 0
            target["shift"] = (sign * months, sign * days)
        elif months:
            unit = "years" if months % 12 == 0 else "months"  # the same day n months or years away
            target[f"rel_{unit}"] = target.get(f"rel_{unit}", 0) + sign * (months // 12 if unit == "years" else months)
        else:
            target["rel_day"] = target.get("rel_day", 0) + sign * days
    return until


def _minutes(target: Fields, amounts: list[tuple[int, str]]) -> bool:
    """Amounts of hours and minutes (and days beside them: "the next day and 5 hours"), counted
    from the reference moment: ``shift_min`` (3 hours ago) or ``span_min`` (the past 5 minutes,
    within 2 hours: from the moment to the moment shifted). False when they make no such amount."""
    if any(u not in MINUTES for _, u in amounts):
        return False
    minutes = sum(n * MINUTES[u] for n, u in amounts) + (30 if target.pop("ago_half", False) else 0)
    if target.pop("half_only", False):  # half an hour
        minutes = 30
    if "period_dir" in target:
        sign = 1 if target.pop("period_dir") in ("next", "within") else -1
        target["span_min"] = sign * minutes
        return True
    if "shift_dir" in target:  # 3 hours after (a date): not read
        return False
    target["shift_min"] = int(target.pop("ago_dir", -1)) * minutes
    return True


def read_fields(m: re.Match[str], dl: DateLocale) -> Fields | None:
    """What an atom match says, as fields; None when a word is not in the vocabulary or the
    fields name no date."""
    groups = _read_groups(m, dl)
    if groups is None:
        return None
    out, until = groups
    for target in (out, until):
        if not _number_words(target):
            return None
    if "bad_day" in out:  # May 32: a day no month has (marked invalid)
        out["day"] = int(out.pop("bad_day"))
    _holiday(out)
    if "past_to" in out:  # ten past nine: 9:10; twenty to six: 5:40
        if "hour" not in out or not 0 < int(out.get("minute", 0)) < 60:
            return None
        if out.pop("past_to") == "to":
            out["minute"] = 60 - int(out["minute"])
            out["hour"] = int(out["hour"]) - 1 or 12
    if not 0 <= int(out.get("hour", 0)) <= 24 or not 0 <= int(out.get("minute", 0)) <= 59:
        return None
    if "mm_or_dd" in out:  # 21/04/2016 is day-first, 4/21/2016 month-first
        a, b = out.pop("mm_or_dd"), out.pop("dd_or_mm")
        out["month"], out["day"] = (b, a) if a > 12 else (a, b)
        if out["month"] > 12:
            return None
        if a <= 12 and b <= 12 and a != b:  # 6/5/2024: either number may be the month
            out["ambiguous"] = True
    new_until = _amounts(out, until)
    if new_until is None:
        return None
    until = new_until
    if "sub_side" in out:  # the first 2 weeks of 2021: (side, n, unit) of the period beside it
        out["sub"] = (out.pop("sub_side") == "last", out.pop("sub_n"), out.pop("sub_unit"))
    if "sub_edge" in out:  # the last day of June, 말일: [side, n, unit] in one word
        side, n, unit = out.pop("sub_edge")
        out["sub"] = (side == "last", int(n), str(unit))
    to_ref = out.pop("to_ref", None)
    if to_ref is not None:  # earlier this year: from its start to the reference date; later
        unit, side = str(to_ref[0]), str(to_ref[1])  # this year: from the reference date on
        whole, today = {f"rel_{unit}": 0}, {"rel_day": 0}
        out.update(whole if side == "earlier" else today)
        until = today if side == "earlier" else whole
    if ("year" in until and "year" not in out and "month" in out and "month" in until
            and not any(k.startswith("rel_") for k in out)):
        # 5/1-5/7/2020: the start takes the year of the end (the year before when its month
        # comes later: 11/20-2/5/2017 starts in 2016)
        out["year"] = until["year"] - (1 if out["month"] > until["month"] else 0)
        if until.get("year2"):
            out["year2"] = True
    if until:
        out["until"] = until
    return out
