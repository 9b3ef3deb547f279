"""From fields to a :class:`~factcheck.values.DateValue`, and the calendar work the core
``resolve`` does not do: two-digit years, Easter, centuries, business days, the first or last
days, weeks or months of a period, a day shifted by an amount of time, and the week or the
weekend around a day."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import replace

from factcheck.dates import interval, last_day, month_shift, satisfiable
from factcheck.rules.dates.fields import Fields
from factcheck.rules.dates.lunar import holiday_date
from factcheck.values import DateValue

__all__ = ["build", "names_a_day", "year2_window", "easter_day", "century", "business_days", "sub_period",
           "one_day", "around", "yearly_day", "lunar_days", "turn_of_year", "day_beside", "edge_day_partial"]

_REL_ORDER = ("day", "months", "years", "week", "month", "quarter", "year", "decade", "century")


def _to24(hour: int, ampm: str | None) -> int:
    if ampm == "pm" and hour < 12:
        return hour + 12
    if ampm == "am" and hour == 12:
        return 0
    return hour


def _grain(f: Fields, hour: int | None, minute: int | None, rel: tuple[str, int] | None) -> str:
    if "nth_week" in f or "nth" in f:
        return "day" if "weekday" in f else "week"
    if minute is not None:
        return "minute"
    if hour is not None:
        return "hour"
    if any(k in f for k in ("day", "weekday", "rel_day", "rel_months", "rel_years")):
        return "day"
    if "rel_week" in f or (rel is not None and rel[0] == "week"):
        return "week"
    if "month" in f or (rel is not None and rel[0] == "month"):
        return "month"
    if "quarter" in f or (rel is not None and rel[0] == "quarter"):
        return "quarter"
    if "half" in f:
        return "half"
    return "year"


def build(f: Fields, offset: str | None) -> DateValue:
    """The (partial) value the fields of one end of an expression write; ``offset`` is the
    UTC offset of a time of day."""
    hour = f.get("hour")
    ampm = f.get("ampm")
    part_of_day = None
    if hour is not None:
        hour = _to24(hour, ampm)
    elif ampm is not None:
        part_of_day = ampm
    rel = next(((u, f[f"rel_{u}"]) for u in _REL_ORDER if f"rel_{u}" in f), None)
    if "scope" in f and rel is None and not any(k in f for k in ("year", "month", "day", "decade", "weekday")):
        rel = (f["scope"], 0)
    minute = f.get("minute") if hour is not None else None
    direction = f.get("direction")
    if direction in ("last_week", "next_week") and "weekday" not in f:
        direction = direction[:4]  # "last April": the week only matters for weekdays
    return DateValue(
        nth=f.get("nth", f.get("nth_week")), nth_week="nth_week" in f and "weekday" not in f,
        grain=_grain(f, hour, minute, rel), year=f.get("year"), month=f.get("month"), day=f.get("day"),
        weekday=f.get("weekday"), hour=hour, minute=minute, half=f.get("half"),
        quarter=f.get("quarter"), decade=f.get("decade"), part=f.get("part"),
        part_of_day=part_of_day, relative=rel, direction=direction,
        utc_offset=offset if hour is not None else None, approx=bool(f.get("approx", False)),
        ambiguous=bool(f.get("ambiguous", False)),
    )


def names_a_day(v: DateValue) -> bool:
    """Whether some real day has the fields written (a wrong weekday beside a date is a
    finding, not a reason to drop it)."""
    return satisfiable(v, weekday=False)


def year2_window(fields: Fields, ref: _dt.date) -> Fields:
    """A two-digit year in the century that puts it at most 20 years after the reference date
    ("3/18/40" in 2016: 1940)."""
    if not fields.get("year2") or "year" not in fields:
        return fields
    y = int(fields["year"]) % 100 + ref.year // 100 * 100
    if y > ref.year + 20:
        y -= 100
    elif y <= ref.year - 80:
        y += 100
    return {**fields, "year": y}


def _easter(year: int) -> _dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return _dt.date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def yearly_day(fields: Fields, ref: _dt.date | None,
               day_in: Callable[[int], _dt.date | None]) -> tuple[_dt.date, int] | None:
    """A day that moves from year to year (Easter, a lunar holiday), ``day_in(year)``, in the
    year written or the reference year ("Easter 2024", "작년 추석"); "last"/"next" pick the most
    recent one before the reference date or the first after it ("last Easter", "다가오는
    추석"). Returns the day and its year; None when no year is known or the day is off the
    calendar."""
    y = fields.get("year")
    if y is None and ref is not None and not any(k.startswith("rel_") and k != "rel_year" for k in fields):
        y = ref.year + int(fields.get("rel_year", 0))
        way = str(fields.get("direction", ""))[:4]  # last Easter, next Easter
        if "rel_year" not in fields and way in ("last", "next"):
            this = day_in(y)
            if this is not None and way == "last" and this >= ref:
                y -= 1
            elif this is not None and way == "next" and this <= ref:
                y += 1
    if y is None or not _dt.MINYEAR <= int(y) <= _dt.MAXYEAR:
        return None
    try:
        d = day_in(int(y))
    except (OverflowError, ValueError):  # off the calendar
        return None
    return None if d is None else (d, int(y))


def easter_day(fields: Fields, ref: _dt.date | None) -> DateValue | None:
    """A day counted from Easter (``fields["easter"]`` days after it) in the year written or
    the reference year ("last Easter", "next Easter", "Easter 2024"); None when no year is
    known or the day is off the calendar."""
    found = yearly_day(fields, ref, lambda y: _easter(y) + _dt.timedelta(days=int(fields["easter"])))
    return None if found is None else one_day(found[0])


def lunar_days(fields: Fields, ref: _dt.date | None) -> DateValue | None:
    """A holiday of a lunisolar calendar ("추석", "Chuseok holidays"): ``fields["lunar"]`` is
    [country, the holiday's name in the `holidays` package (en_US), first, last], the days
    from ``first`` to ``last`` after it (the eve, the day and the day after: -1, 1). The year
    as for Easter; None when the calendar does not know it."""
    country, name, first, last = fields["lunar"]
    found = yearly_day(fields, ref, lambda y: holiday_date(str(country), str(name), y))
    if found is None:
        return None
    day = found[0]
    start, end = day + _dt.timedelta(days=int(first)), day + _dt.timedelta(days=int(last))
    if start == end:
        return one_day(start)
    return DateValue(grain="day", start=start, end=end)


def turn_of_year(ref: _dt.date | None) -> DateValue | None:
    """The turn of the year (연말연시): late December and early January around the 1 January
    nearest the reference date, from December 16 to January 15. None without a reference."""
    if ref is None:
        return None
    year = ref.year + 1 if ref >= _dt.date(ref.year, 7, 2) else ref.year  # the nearer 1 January
    if not _dt.MINYEAR < year <= _dt.MAXYEAR:
        return None
    return DateValue(grain="day", start=_dt.date(year - 1, 12, 16), end=_dt.date(year, 1, 15))


def century(c: int) -> DateValue | None:
    """The years of a century: the 15th century is 1401..1500 in the strict reading, but the
    convention (and the Recognizers specs) is 1400..1499. None beyond the 30th."""
    if not 1 <= c <= 30:
        return None
    first_year = max(1, (c - 1) * 100)
    return DateValue(grain="year", start=_dt.date(first_year, 1, 1), end=_dt.date(c * 100 - 1, 12, 31))


def business_days(value: DateValue, ref: _dt.date | None) -> DateValue | None:
    """A shift of the reference date, or a period from it, counted in working days (Monday to
    Friday; public holidays are not known): None when the value is not such a shift."""
    ends = [value] + ([value.until] if value.until is not None else [])
    offsets: list[int] = []
    for v in ends:
        if v.relative is None or v.relative[0] != "day" or v.relative[1] == 0:
            return None
        offsets.append(v.relative[1])
    if ref is None:
        return None
    start = ref

    def nth(k: int) -> _dt.date:
        d, step = start, (1 if k > 0 else -1)
        for _ in range(abs(k)):
            d += _dt.timedelta(days=step)
            while d.weekday() >= 5:
                d += _dt.timedelta(days=step)
        return d

    days = [nth(k) for k in offsets]
    first, last = min(days), max(days)
    until = replace(value.until, start=days[1], end=days[1]) if value.until is not None else None
    return replace(value, start=first, end=last, until=until)


def sub_period(value: DateValue, last: bool, n: int, unit: str) -> DateValue | None:
    """The first or last ``n`` days, weeks or months of a resolved month or year ("the first 2
    weeks of 2021", "the last four months of 2021"); a week belongs to the period of its
    Thursday. None when the value is not such a period or has fewer units."""
    iv = interval(value)
    if iv is None or value.until is not None or value.grain not in ("month", "quarter", "half", "year") or n < 1:
        return None
    s, e = iv
    if unit == "day":
        if n > (e - s).days + 1:
            return None
        first, end = (e - _dt.timedelta(days=n - 1), e) if last else (s, s + _dt.timedelta(days=n - 1))
    elif unit == "week":
        monday = s - _dt.timedelta(days=s.weekday())
        if monday + _dt.timedelta(days=3) < s:
            monday += _dt.timedelta(days=7)
        mondays = []
        while monday + _dt.timedelta(days=3) <= e:
            mondays.append(monday)
            monday += _dt.timedelta(days=7)
        if n > len(mondays):
            return None
        picked = mondays[-n:] if last else mondays[:n]
        first, end = picked[0], picked[-1] + _dt.timedelta(days=6)
    elif unit == "month":
        count = (e.year - s.year) * 12 + e.month - s.month + 1
        if n > count:
            return None
        first = _dt.date(*month_shift(s.year, s.month, count - n if last else 0), 1)
        y, m = month_shift(first.year, first.month, n - 1)
        end = _dt.date(y, m, last_day(y, m))
    else:
        return None
    return DateValue(grain=unit, start=first, end=end)


def edge_day_partial(value: DateValue, last: bool) -> DateValue | None:
    """The first or last day of a month written without its year, as a partial value, when the
    year does not matter ("the last day of June": June 30; not February); None otherwise."""
    if value.start is not None or value.month is None or value.day is not None or value.relative is not None:
        return None
    if last and value.month == 2 and value.year is None:
        return None
    day = last_day(value.year if value.year is not None else 2001, value.month) if last else 1
    return replace(value, grain="day", day=day, part=None)


def day_beside(value: DateValue, side: int) -> DateValue | None:
    """The day before (``side`` -1) the first day of a resolved value, or the day after (+1) its
    last day: "the day after Christmas", "설 연휴 전날". A partial day of a month stays partial
    when the day beside it is in the same month (Christmas Eve without a year); else None."""
    iv = interval(value)
    if iv is None:
        if value.month is None or value.day is None or value.relative is not None or value.until is not None:
            return None
        day = value.day + side
        if not 1 <= day <= last_day(value.year if value.year is not None else 2001, value.month):
            return None
        return replace(value, day=day, weekday=None, weekday_mismatch=False)
    try:
        return one_day(iv[0] - _dt.timedelta(days=1) if side < 0 else iv[1] + _dt.timedelta(days=1))
    except OverflowError:  # off the calendar
        return None


def one_day(d: _dt.date, weekday: str | None = None) -> DateValue:
    """A resolved value of one day, with its fields."""
    return DateValue(grain="day", start=d, end=d, year=d.year, month=d.month, day=d.day, weekday=weekday)


def around(value: DateValue, fields: Fields) -> DateValue | None:
    """A day shifted by an amount of time ("3 days after January 12th", "어제로부터 4일 후",
    "1 month 21 days ago") or the week (Monday to Sunday) around a day ("the week of April
    10th", "9월 16일의 주"). Both need the day itself: None when it is not resolved to one day."""
    iv = interval(value)
    if iv is None or iv[0] != iv[1] or value.until is not None:
        return None
    day = first = iv[0]
    if "shift" in fields or "shift_to" in fields:
        months, days = fields["shift"] if "shift" in fields else fields["shift_to"]
        y, m = month_shift(day.year, day.month, months)
        if not _dt.MINYEAR <= y <= _dt.MAXYEAR:
            return None
        day = _dt.date(y, m, min(day.day, last_day(y, m))) + _dt.timedelta(days=days)
    if "shift_to" in fields:  # within: from the day written to the day shifted
        start, end = (first, day) if day >= first else (day, first)
        if fields.get("shift_open"):  # the past / the next (compound amounts): the day written
            one = _dt.timedelta(days=1)  # is left out
            start, end = (start + one, end) if day >= first else (start, end - one)
        return DateValue(grain="day", start=start, end=end, until=one_day(end))
    if fields.get("week_of"):
        monday = day - _dt.timedelta(days=day.weekday())
        return DateValue(grain="week", start=monday, end=monday + _dt.timedelta(days=6))
    if fields.get("weekend_of"):  # Thanksgiving weekend: the holiday (Thursday) to Sunday; a
        # Monday or Tuesday holiday: from the Saturday before; a Wednesday one: both weekends
        wd = day.weekday()
        before = day - _dt.timedelta(days=wd + 2)
        after = day + _dt.timedelta(days=6 - wd)
        start = before if wd <= 2 else min(day, after - _dt.timedelta(days=1))
        return DateValue(grain="day", start=start, end=day if wd <= 1 else after)
    return one_day(day)
