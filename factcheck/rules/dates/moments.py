"""Times of day beside the calendar: a date and its time joined into one expression ("March 3"
"at around 9am"), the hour of a part of the day (저녁 7시, "in the afternoon at 7"), parts of
the day as spans of hours ("this evening": 16:00 to 20:00), amounts of minutes and hours
counted from the reference moment ("3 hours ago", 10분 후, "within 5 minutes"), and
recurrences ("every Monday", 매일 오후 3시).

The hours of each part of the day are the locale's ``[vocab.day_part]`` ([first hour, last
hour, name]); an offset of less than a day from a reference date given without a time of day
falls on that day (a longer one moves by its whole days).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from factcheck.dates import last_day, month_shift
from factcheck.rules.dates.fields import MINUTES, Fields, cats, lookup
from factcheck.rules.dates.group import Expr
from factcheck.rules.dates.locale import DateLocale
from factcheck.values import DateValue

__all__ = ["merge_times", "lasting", "prepare", "offset_value", "with_day_part", "with_time", "with_span",
           "recurrence", "utc_offset_of"]

#: kinds of field that only say a time of day ("9am", "around 9am", "in the evening")
_TIME_CATS = frozenset({"T", "MI", "AP", "DP", "A"})
#: kinds of field that say which day
_DAY_CATS = frozenset({"D", "WD", "R", "M", "Y", "N"})
_MINUTES_PER_DAY = 1440
#: the longest text between a date and its time of day ("no later than ", " at around ")
_MAX_GAP = 24
#: early / mid / late of a part of the day, in quarters of it (late morning: 10 to 12)
_HALVES: Mapping[str, tuple[int, int]] = {"early": (0, 2), "mid": (1, 3), "late": (2, 4)}
#: the grain of a recurrence written with no day ("weekly": a week)
_GRAIN_OF_PERIOD: Mapping[str, str] = {"D": "day", "W": "week", "M": "month", "Y": "year", "TH": "hour", "TM": "minute"}


def _content_cats(e: Expr) -> set[str]:
    return cats({k: v for a in e.content() for k, v in a.fields.items() if k != "until"})


def _is_time(e: Expr) -> bool:
    c = _content_cats(e)
    return bool(c) and c <= _TIME_CATS and bool(c & {"T", "DP"})


def _is_day(e: Expr) -> bool:
    """Whether an expression names a day (not a week, a month or a year: "this week 8am" is a
    week and a time)."""
    c = e.cats
    return bool(c & {"D", "WD"}) and not c & {"T", "MI"} and "every" not in e.fields


def _is_day_part(e: Expr) -> bool:
    return _content_cats(e) == {"DP"}


def merge_times(text: str, exprs: list[Expr], dl: DateLocale) -> list[Expr]:
    """Join a date and the time of day written next to it into one expression ("March 3"
    "at around 9am", "Friday" "at 3:30 p.m.", "9 a.m." "on March 3", "June 3" "8:00-9:30"),
    when only the locale's ``join`` (or ``time_join``) stands between them."""
    out: list[Expr] = []
    join = dl.time_join_re or dl.join_re
    for e in exprs:
        if out and e.start - out[-1].end <= _MAX_GAP:
            prev = out[-1]
            first, second = (prev, e)
            pair = ((_is_day(first) and _is_time(second) and not (first.until and "day" in (first.until or {})))
                    or (_is_time(first) and (_is_day(second) or _is_day_part(second)) and not second.until))
            gap = text[first.end:second.start]
            opened = None
            if (pair and _is_day(first) and dl.open_before_re is not None and "open" not in second.fields
                    and gap.strip() and (m := dl.open_before_re.search(gap.lstrip())) is not None and m.start() == 0):
                # today before 4pm, Feb 1st no later than 6:00: the day, open at that time
                opened = next((k.split("__")[0] for k, v in m.groupdict().items()
                               if v is not None and k.split("__")[0] in ("since", "after", "until", "before")), None)
            lead = (second.ranged and dl.range_lead_re is not None and gap.strip()
                    and (m2 := dl.range_lead_re.search(gap)) is not None and not gap[:m2.start()].strip())
            if (pair and not (_content_cats(first) & _content_cats(second))
                    and (opened or lead or join.fullmatch(text, first.end, second.start)
                         or dl.join_re.fullmatch(text, first.end, second.start))):
                fields = {**first.fields, **second.fields}
                if opened:
                    fields["open"] = opened
                until = first.until or second.until
                out[-1] = Expr(first.atoms + second.atoms, first.start, second.end, fields, until,
                               first.until_bare or second.until_bare, first.ranged or second.ranged)
                continue
        out.append(e)
    return out


def _amount(m: re.Match[str], dl: DateLocale, n: str, unit: str) -> tuple[float, str] | None:
    """One amount of a ``span_after``/``span_before`` match and its unit ("2.5 hrs": 2.5,
    "hour"; 사흘: 3, "day"); (0, "") when the match has none."""
    groups = m.re.groupindex
    if n == "n" and "days" in groups and m.group("days") is not None:  # 사흘, 열흘
        count = lookup(dl, "ago_days", m.group("days"))
        return None if count is None else (float(count), "day")
    text, word = (m.group(n), m.group(unit)) if n in groups else (None, None)
    if text is None or word is None:
        return 0.0, ""
    size = lookup(dl, "ago_unit", word) or lookup(dl, "ago_unit_time", word)
    count = float(text) if text[0].isdigit() else lookup(dl, "ago_n", text)
    if size is None or count is None:
        return None
    return float(count), str(size)


#: the units a day is said to last in (내일부터 3주간: three weeks from tomorrow)
_DAY_UNITS = {"day": (0, 1), "week": (0, 7), "month": (1, 0), "year": (12, 0)}


def lasting(text: str, exprs: list[Expr], dl: DateLocale) -> list[Expr]:
    """A time of day written with how long it lasts ("from 9 for 2.5 hrs", "for 3 hours from 10
    am", 오전 9시부터 2시간 동안): the span from that time; a day written with the days, weeks,
    months or years it starts (오늘부터 3일간, 내일부터 3주간): the span from that day. The
    words are taken into the claim."""
    for e in exprs:
        if e.until or e.ranged or "every" in e.fields:
            continue
        timed = "hour" in e.fields
        if not timed and not cats(e.fields) & {"D", "WD"}:
            continue
        m = dl.span_after_re.match(text, e.end) if dl.span_after_re is not None else None
        if m is None and dl.span_before_re is not None:
            m = dl.span_before_re.search(text, max(0, e.start - 40), e.start)
        if m is None:
            continue
        first, second = _amount(m, dl, "n", "unit"), _amount(m, dl, "n2", "unit2")
        if first is None or second is None or not first[0]:
            continue
        if timed:
            if any(u and u not in MINUTES for _, u in (first, second)):
                continue
            e.fields = {**e.fields, "for_min": int(round(sum(c * MINUTES[u] for c, u in (first, second) if u)))}
        else:
            if second[1] or first[1] not in _DAY_UNITS or first[0] != int(first[0]):
                continue
            months, days = _DAY_UNITS[first[1]]
            e.fields = {**e.fields, "for_days": (months * int(first[0]), days * int(first[0]))}
        e.start, e.end = min(e.start, m.start()), max(e.end, m.end())
    return exprs


def with_span(value: DateValue, fields: Fields) -> DateValue:
    """A time of day and how long it lasts: from that time to that time plus the amount; a day
    and the days, weeks, months or years from it: from that day to the last day of the amount."""
    if "for_days" in fields and isinstance(value.start, _dt.date) and not isinstance(value.start, _dt.datetime) \
            and value.start == value.end:
        months, days = fields["for_days"]
        start = value.start
        if months:  # to the day before the same day that many months on (or the last of a shorter month)
            y, mo = month_shift(start.year, start.month, months)
            end = _dt.date(y, mo, start.day) - _dt.timedelta(days=1) if start.day <= last_day(y, mo) \
                else _dt.date(y, mo, last_day(y, mo))
        else:
            end = start + _dt.timedelta(days=days - 1)
        return replace(value, end=end) if end > start else value
    if "for_min" not in fields or not isinstance(value.start, _dt.datetime) or value.start != value.end:
        return value
    end = value.start + _dt.timedelta(minutes=int(fields["for_min"]))
    return replace(value, end=end, grain="minute" if end.minute or value.start.minute else "hour")


def _hours_of(dl: DateLocale, word: Any) -> tuple[int, int, str] | None:
    """The first and last hour of a part of the day, and its name ("evening": 16, 20)."""
    table: Mapping[str, Any] = dl.vocab.get("day_part", {})
    v = word if isinstance(word, (list, tuple)) else table.get(dl.fold(str(word)))
    if v is None:
        return None
    return int(v[0]), int(v[1]), str(v[2]) if len(v) > 2 else str(word)


def _hour_in_part(hour: int, first: int, last: int) -> int:
    """A 12-hour clock hour read in a part of the day: the candidate (h or h + 12) inside the
    part, else the nearer one ("7 in the morning": 7; "in the afternoon at 7": 19; "밤 11시": 23;
    "밤 1시": 1)."""
    if hour > 12:
        return hour
    candidates = [hour % 12, hour % 12 + 12]
    inside = [h for h in candidates if first <= h < last or (h == last == 24)]
    if inside:
        return inside[0]
    if last <= 12:  # a morning part: "3 in the morning"
        return hour % 12
    if last >= 24 and hour % 12 < 6:  # the small hours of the night
        return hour % 12
    if first >= 12:  # an afternoon or evening part: "7 in the afternoon"
        return hour % 12 + 12
    return min(candidates, key=lambda h: min(abs(h - first), abs(h - last)))


def prepare(fields: Fields, until: Fields | None, dl: DateLocale) -> tuple[Fields, Fields | None]:
    """Settle the hours a part of the day or the other end of a range say: "저녁 7시" is 19:00,
    "5 to 6pm" starts at 5 p.m., "from 10 to 2pm" at 10 a.m."""
    fields = dict(fields)
    if "day_part" not in fields and until is not None and "day_part" in until and "hour" in fields:
        fields["day_part"] = until["day_part"]  # "5 to seven in the morning": both in the morning
    part = _hours_of(dl, fields["day_part"]) if "day_part" in fields else None
    _in_part(fields, part)
    if until is not None and "hour" in until:
        until = dict(until)
        if until.get("day_part") not in (None, fields.get("day_part")):  # 밤 10시~새벽 2시: its own part
            _in_part(until, _hours_of(dl, until["day_part"]))
        if "ampm" not in until and "ampm" in fields:
            until["ampm"] = fields["ampm"]
            if _minutes_of(until) < _minutes_of(fields):  # "11:30 am to 12:30", "8am-3": the end p.m.
                until["ampm"] = "pm" if fields["ampm"] == "am" else "am"
        elif "ampm" not in until and part is not None:
            h = _hour_in_part(int(until["hour"]), part[0], part[1])
            until["hour"], until["ampm"] = (h - 12 if h > 12 else h or 12), ("pm" if h >= 12 else "am")
        if "hour" in fields and "ampm" not in fields and "ampm" in until:
            # "5 to 6pm": both p.m.; "10 to 2pm", "2:30 to 2:15 pm": the start a.m.
            fields["ampm"] = until["ampm"]
            if _minutes_of(fields) > _minutes_of(until):
                fields["ampm"] = "am" if until["ampm"] == "pm" else "pm"
        elif ("hour" in fields and "ampm" not in until and "ampm" not in fields
              and _minutes_of(until) < _minutes_of(fields) and int(until["hour"]) < 12):
            until["hour"] = int(until["hour"]) + 12  # 12-4, 11시에서 4시까지: to 4 p.m.
    return fields, until


def _in_part(f: Fields, part: tuple[int, int, str] | None) -> None:
    """The a.m. or p.m. of an hour written in a part of the day (저녁 7시: 7 p.m.)."""
    if part is None or "hour" not in f or "ampm" in f:
        return
    h = _hour_in_part(int(f["hour"]), part[0], part[1])
    f["hour"], f["ampm"] = (h - 12 if h > 12 else h or 12), ("pm" if h >= 12 else "am")


def _minutes_of(f: Fields) -> int:
    h = int(f.get("hour", 0))
    if f.get("ampm") in ("am", "pm") and h <= 12:
        h = h % 12 + (12 if f["ampm"] == "pm" else 0)
    return h * 60 + int(f.get("minute", 0))


def utc_offset_of(text: str) -> _dt.tzinfo | None:
    """A UTC offset written "+09:00" as a tzinfo."""
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", text or "")
    if m is None:
        return None
    sign = -1 if m.group(1) == "-" else 1
    return _dt.timezone(sign * _dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3))))


def _one_day(d: _dt.date) -> DateValue:
    return DateValue(grain="day", start=d, end=d, year=d.year, month=d.month, day=d.day)


def _days(minutes: int) -> int:
    """Whole days of an amount of minutes, toward zero (36 hours: one day)."""
    return int(minutes / _MINUTES_PER_DAY)


def offset_value(fields: Fields, ref: _dt.date | None, moment: _dt.datetime | None,
                 offset: str | None) -> DateValue | None:
    """The value of an amount of minutes or hours from the reference moment: a moment ("3 hours
    ago"), or a span from the moment ("within 5 minutes", "the past 5 minutes"). Without a time
    of day the reference date stands for the moment; without a reference, a partial value."""
    value = _offset_value(fields, ref, moment, offset)
    return replace(value, approx=True) if fields.get("approx") else value


def _offset_value(fields: Fields, ref: _dt.date | None, moment: _dt.datetime | None,
                  offset: str | None) -> DateValue:
    point = "shift_min" in fields
    n = int(fields["shift_min"] if point else fields["span_min"])
    if moment is not None:
        base = moment.replace(second=0, microsecond=0)
        if base.tzinfo is None and offset:
            base = base.replace(tzinfo=utc_offset_of(offset))
        t = base + _dt.timedelta(minutes=n)
        grain = "hour" if t.minute == 0 and n % 60 == 0 else "minute"
        if point:
            return DateValue(grain=grain, start=t, end=t)
        start, end = (base, t) if n >= 0 else (t, base)
        return DateValue(grain=grain, start=start, end=end)
    if ref is not None:
        d = ref + _dt.timedelta(days=_days(n))
        if point:
            return _one_day(d)
        first, last = (ref, d) if d >= ref else (d, ref)
        return DateValue(grain="day", start=first, end=last)
    return DateValue(grain="hour" if n % 60 == 0 else "minute", relative=("minute", n))


def with_day_part(value: DateValue, word: Any, dl: DateLocale, offset: str | None) -> DateValue:
    """A day with a part of the day written beside it and no hour ("this evening", 오늘 밤):
    the hours of that part, as a span of that day."""
    part = _hours_of(dl, word)
    if part is None or value.hour is not None:
        return value
    first, last, name = part
    if value.start is None or value.end is None or value.start != value.end or value.until is not None:
        return replace(value, part_of_day=name)
    if value.part is not None and value.part in _HALVES:  # late this morning: its second half
        a, b = _HALVES[value.part]
        first, last = first + (last - first) * a // 4, first + (last - first) * b // 4
    day = value.start if not isinstance(value.start, _dt.datetime) else value.start.date()
    tz = utc_offset_of(offset) if offset else None
    start = _dt.datetime(day.year, day.month, day.day, first % 24, tzinfo=tz)
    end = (_dt.datetime(day.year, day.month, day.day, 23, 59, tzinfo=tz) if last >= 24
           else _dt.datetime(day.year, day.month, day.day, last, tzinfo=tz))
    return DateValue(grain="hour", start=start, end=end, weekday=value.weekday, part_of_day=name,
                     approx=value.approx, anchor=value.anchor)


def with_time(value: DateValue, fields: Fields, offset: str | None) -> DateValue:
    """A day whose time of day was written but lost on the way (a holiday: "Easter Monday at
    10:30 am"): that time of that day."""
    if ("hour" not in fields or value.start is None or value.start != value.end
            or isinstance(value.start, _dt.datetime) or value.until is not None):
        return value
    hour = int(fields["hour"])
    if fields.get("ampm"):
        hour = hour % 12 + (12 if fields["ampm"] == "pm" else 0)
    if not 0 <= hour <= 23:
        return value
    minute = fields.get("minute")
    t = _dt.datetime(value.start.year, value.start.month, value.start.day, hour, int(minute or 0),
                     tzinfo=utc_offset_of(offset) if offset else None)
    return replace(value, start=t, end=t, grain="minute" if minute is not None else "hour")


def recurrence(value: DateValue, fields: Fields, dl: DateLocale) -> DateValue:
    """A recurring time ("every Monday", "weekly", 매일 오후 3시): the written fields of one
    occurrence, never resolved, and the period as an ISO 8601 duration."""
    every = str(fields["every"]) or _unit_of(value, fields)
    n = int(fields.get("every_n", 1))
    part = value.part
    if every in ("weekend", "weekday"):  # every weekend, every weekday
        every, part = ("week", "weekend") if every == "weekend" else ("day", "workweek")
    if not every.startswith("P"):  # a unit ("week")
        every = _period(every, n)
    day_part = _hours_of(dl, fields["day_part"]) if "day_part" in fields else None
    base = {k: getattr(value, k) for k in ("grain", "year", "month", "day", "weekday", "hour", "minute",
                                            "part_of_day", "utc_offset", "approx")}
    base["part"] = part
    if day_part is not None and value.hour is None:
        base["part_of_day"] = day_part[2]
    if value.hour is None and value.weekday is None and value.day is None and value.month is None:
        base["grain"] = _GRAIN_OF_PERIOD.get(every[-1] if not every.startswith("PT") else "T" + every[-1], "day")
    return DateValue(**base, every=every)


def _unit_of(value: DateValue, fields: Fields) -> str:
    """The period of a recurrence written with the fields of one occurrence: every Monday
    (a week), the 19th of every month, 매일 오후 3시 (a day)."""
    if value.weekday is not None or value.part in ("weekend", "workweek"):
        return "week"
    if value.day is not None:
        return "month"
    if value.month is not None:
        return "year"
    return "day"


def _period(unit: str, n: int) -> str:
    code = {"minute": "TnM", "hour": "TnH", "day": "nD", "week": "nW", "fortnight": "2nW", "month": "nM",
            "quarter": "3nM", "year": "nY", "half": "6nM", "weekday": "nD"}.get(unit, "nD")
    # "2nW": a fortnight is two weeks per count
    if code.startswith("2n"):
        return f"P{2 * n}W"
    if code.startswith("3n"):
        return f"P{3 * n}M"
    if code.startswith("6n"):
        return f"P{6 * n}M"
    if code.startswith("T"):
        return f"PT{n}{code[-1]}"
    return f"P{n}{code[-1]}"
