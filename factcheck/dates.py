"""What a date claim means: resolve partial dates against a reference date, unify and compare.

A :class:`~factcheck.values.DateValue` is *partial* when the text left something to its reference
date ("20일", "Thursday", "지난 4월", "하반기") and that date is unknown; it keeps the fields
that were written. :func:`resolve` turns it into an interval once a reference date is known.
:func:`unify` and :func:`compatible` compare two values, resolved or partial, so that "Thursday"
in an undated article can be compared with "20일" in a dated release. See docs/dates.md.

Everything here is a pure function of its arguments: no clock is ever read.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TypeVar

from factcheck.values import GRAINS, DateValue

__all__ = ["WEEKDAYS", "PREFERENCES", "resolve", "unify", "compatible", "interval", "finer_grain",
           "satisfiable", "day_with_weekday", "month_shift", "last_day", "other_order"]

_T = TypeVar("_T")

WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: How a bare weekday ("said Friday") is resolved: the most recent such day on or before the
#: reference date (news reports the past), the next one on or after it, or the nearest one.
PREFERENCES: tuple[str, ...] = ("past", "future", "nearest")

_HALF_MONTHS: Mapping[int, range] = MappingProxyType({1: range(1, 7), 2: range(7, 13)})
_QUARTER_MONTHS: Mapping[int, range] = MappingProxyType({q: range(3 * q - 2, 3 * q + 1) for q in range(1, 5)})
# early / mid / late: overlapping halves of a month (days), a year (months) and a week
# (weekdays, Monday = 0), as in the Recognizers-Text specs. Generous on purpose: "early May" and
# "May 14" must not look like a conflict.
_MONTH_PARTS: Mapping[str, tuple[int, int]] = MappingProxyType({"early": (1, 15), "mid": (10, 20), "late": (16, 31)})
_YEAR_PARTS: Mapping[str, tuple[int, int]] = MappingProxyType({"early": (1, 6), "mid": (4, 9), "late": (7, 12)})
# a year written with its number ("late 2000", "mid-1989") is read in thirds (Jan-Apr,
# May-Aug, Sep-Dec), a relative one ("late this year", "end of year") in halves, as in the specs
_YEAR_THIRDS: Mapping[str, tuple[int, int]] = MappingProxyType({"early": (1, 4), "mid": (5, 8), "late": (9, 12)})
# "workweek": Monday to Friday ("this working week")
_WEEK_PARTS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {"early": (0, 2), "mid": (1, 4), "late": (3, 6), "weekend": (5, 6), "workweek": (0, 4)})
_DIRECTION_OF_WEEK: Mapping[str, str] = MappingProxyType({"last_week": "last", "next_week": "next"})
_MAX_SCAN_DAYS = 4000


def finer_grain(a: str, b: str) -> str:
    """The finer of two grains ("day" and "month" -> "day")."""
    return a if GRAINS.index(a) <= GRAINS.index(b) else b


def month_shift(year: int, month: int, offset: int) -> tuple[int, int]:
    """The (year, month) ``offset`` months after (or before) ``year``-``month``."""
    k = year * 12 + (month - 1) + offset
    return k // 12, k % 12 + 1


def last_day(year: int, month: int) -> int:
    """The number of days of a month."""
    return calendar.monthrange(year, month)[1]


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= last_day(year, month) and _dt.MINYEAR <= year <= _dt.MAXYEAR


def _direction(v: DateValue) -> str | None:
    """The direction of a month, day or period: "last Monday"-style week directions read as
    plain last/next there ("last April" is the most recent April)."""
    return _DIRECTION_OF_WEEK.get(v.direction or "", v.direction)


def _rel(v: DateValue, unit: str) -> int | None:
    return v.relative[1] if v.relative is not None and v.relative[0] == unit else None


def _year(v: DateValue, ref: _dt.date | None) -> int | None:
    if v.year is not None:
        return v.year
    off = _rel(v, "year")
    if off is not None and ref is not None:
        return ref.year + off
    return None


def _year_month(v: DateValue, ref: _dt.date | None, year: int | None,
                prefer: str = "past") -> tuple[int, int] | None:
    """The (year, month) a value names, if it names a month (4월, 지난달, last April). Without
    a year, the reference year; with the "future" preference (a plan: "will open on January
    15", written in November), the next year when the month or day has passed."""
    if v.month is not None:
        if year is not None:
            return year, v.month
        if ref is None:
            return None
        if _direction(v) == "last":
            return (ref.year if v.month < ref.month else ref.year - 1), v.month
        if _direction(v) == "next":
            return (ref.year if v.month > ref.month else ref.year + 1), v.month
        if v.day is not None and not _valid(ref.year, v.month, v.day):
            # Feb 29 without a year: the latest leap year before the reference
            y = ref.year
            while not _valid(y, v.month, v.day) and y > ref.year - 8:
                y -= 1
            return y, v.month
        if prefer == "future" and _direction(v) is None and (v.month, v.day or ref.day) < (ref.month, ref.day):
            return ref.year + 1, v.month
        return ref.year, v.month
    off = _rel(v, "month")
    if off is not None and ref is not None:
        return month_shift(ref.year, ref.month, off)
    return None


def _period_year(v: DateValue, ref: _dt.date | None, year: int | None, index: int, current: int) -> int | None:
    """The year of a half or quarter written without one (하반기, Q3, last quarter)."""
    if year is not None:
        return year
    if ref is None:
        return None
    if _direction(v) == "last":
        return ref.year if index < current else ref.year - 1
    if _direction(v) == "next":
        return ref.year if index > current else ref.year + 1
    return ref.year


def _apply_part(start: _dt.date, end: _dt.date, part: str | None, scope: str,
                explicit: bool = False) -> tuple[_dt.date, _dt.date]:
    if part is None or (scope != "week" and part not in _MONTH_PARTS):
        return start, end
    if scope == "month":
        lo, hi = _MONTH_PARTS[part]
        return start.replace(day=lo), start.replace(day=min(hi, end.day))
    if scope == "year":
        lo, hi = (_YEAR_THIRDS if explicit else _YEAR_PARTS)[part]
        return _dt.date(start.year, lo, 1), _dt.date(start.year, hi, last_day(start.year, hi))
    if scope == "week":
        lo, hi = _WEEK_PARTS[part]
        return start + _dt.timedelta(days=lo), start + _dt.timedelta(days=hi)
    return start, end


def _weekday_near(ref: _dt.date, wd: int, direction: str | None, prefer: str) -> _dt.date:
    back = (ref.weekday() - wd) % 7          # days back to the most recent such day (0 = ref)
    ahead = (wd - ref.weekday()) % 7
    monday = ref - _dt.timedelta(days=ref.weekday())
    if direction == "last_week":  # "last Monday": the Monday of last week
        return monday + _dt.timedelta(days=wd - 7)
    if direction == "next_week":  # "next Friday", "다음 금요일": the Friday of next week
        return monday + _dt.timedelta(days=wd + 7)
    if direction == "last":
        return ref - _dt.timedelta(days=back or 7)
    if direction == "next":
        return ref + _dt.timedelta(days=ahead or 7)
    if direction == "this":
        return ref - _dt.timedelta(days=ref.weekday()) + _dt.timedelta(days=wd)
    if prefer == "future":
        return ref + _dt.timedelta(days=ahead)
    if prefer == "nearest":
        return ref + _dt.timedelta(days=ahead) if ahead < back else ref - _dt.timedelta(days=back)
    return ref - _dt.timedelta(days=back)


def _day_near(ref: _dt.date, day: int, direction: str) -> _dt.date | None:
    """The most recent day ``day`` of a month strictly before ``ref`` (or the next, after it)."""
    step = -1 if direction == "last" else 1
    y, m = ref.year, ref.month
    for _ in range(13):
        if _valid(y, m, day):
            d = _dt.date(y, m, day)
            if (d < ref) if step < 0 else (d > ref):
                return d
        y, m = month_shift(y, m, step)
    return None


def day_with_weekday(ref: _dt.date, day: int, wd: int, prefer: str) -> _dt.date | None:
    """Day ``day`` of the nearest month (the reference month first) on which it is weekday
    ``wd``: back in time for the "past" preference, forward for "future", either for
    "nearest" (the closer one). For "Friday the 13th" without a month; a date written with
    its weekday after it ("21일(목)") keeps its month and is flagged instead."""
    found: dict[int, _dt.date] = {}
    for step in ((-1,) if prefer == "past" else (1,) if prefer == "future" else (-1, 1)):
        y, m = ref.year, ref.month
        for _ in range(28):
            if _valid(y, m, day) and _dt.date(y, m, day).weekday() == wd:
                found[step] = _dt.date(y, m, day)
                break
            y, m = month_shift(y, m, step)
    if not found:
        return None
    return min(found.values(), key=lambda d: abs((d - ref).days))


def _span(v: DateValue, ref: _dt.date | None, prefer: str) -> tuple[_dt.date, _dt.date, str] | None:
    """The interval of days a value names (inclusive) and its grain, or None if it needs a
    reference date that is unknown (or names no real day)."""
    year = _year(v, ref)
    day_off = _rel(v, "day")
    week_off = _rel(v, "week")
    if v.nth is not None:
        return _nth_span(v, ref, year)
    if v.day is not None:
        ym = _year_month(v, ref, year, prefer)
        if ym is not None:
            if not _valid(ym[0], ym[1], v.day):
                return None
            d = _dt.date(ym[0], ym[1], v.day)
        elif ref is None:
            return None
        elif _direction(v) in ("last", "next"):
            found = _day_near(ref, v.day, str(_direction(v)))
            if found is None:
                return None
            d = found
        else:  # 20일: day 20 of the reference month
            if not _valid(ref.year, ref.month, v.day):
                return None
            d = _dt.date(ref.year, ref.month, v.day)
        return d, d, "day"
    if v.weekday is not None and v.month is None and year is None:
        if ref is None:
            return None
        wd = WEEKDAYS.index(v.weekday)
        if week_off is not None:
            d = ref - _dt.timedelta(days=ref.weekday()) + _dt.timedelta(days=7 * week_off + wd)
        elif day_off is not None:
            d = ref + _dt.timedelta(days=day_off)
        else:
            d = _weekday_near(ref, wd, v.direction, prefer)
        return d, d, "day"
    if day_off is not None:
        if ref is None:
            return None
        d = ref + _dt.timedelta(days=day_off)
        return d, d, "day"
    for unit, per in (("months", 1), ("years", 12)):  # 두 달 전, two years ago: the same day
        off = _rel(v, unit)
        if off is not None:
            if ref is None:
                return None
            y, m = month_shift(ref.year, ref.month, off * per)
            d = _dt.date(y, m, min(ref.day, last_day(y, m)))
            return d, d, "day"
    off = _rel(v, "quarter")  # this quarter, last quarter, 지난 분기
    if off is not None and v.quarter is None:
        if ref is None:
            return None
        y, m = month_shift(ref.year, (ref.month - 1) // 3 * 3 + 1, 3 * off)
        ly, lm = month_shift(y, m, 2)
        return _dt.date(y, m, 1), _dt.date(ly, lm, last_day(ly, lm)), "quarter"
    for unit, size in (("decade", 10), ("century", 100)):  # this decade, the next decade
        off = _rel(v, unit)
        if off is not None and v.year is None:
            if ref is None:
                return None
            first = ref.year // size * size + size * off
            if first < 1:
                return None
            return _dt.date(first, 1, 1), _dt.date(first + size - 1, 12, 31), "year"
    if week_off is not None:
        if ref is None:
            return None
        monday = ref - _dt.timedelta(days=ref.weekday()) + _dt.timedelta(days=7 * week_off)
        s, e = _apply_part(monday, monday + _dt.timedelta(days=6), v.part, "week")
        return s, e, "week"
    ym = _year_month(v, ref, year, prefer)
    if ym is not None:
        s = _dt.date(ym[0], ym[1], 1)
        e = _dt.date(ym[0], ym[1], last_day(*ym))
        s, e = _apply_part(s, e, v.part, "month")
        return s, e, "month"
    if v.quarter is not None:
        cur = (ref.month - 1) // 3 + 1 if ref is not None else 0
        py = _period_year(v, ref, year, v.quarter, cur)
        if py is None:
            return None
        months = _QUARTER_MONTHS[v.quarter]
        return _dt.date(py, months[0], 1), _dt.date(py, months[-1], last_day(py, months[-1])), "quarter"
    if v.half is not None:
        cur = 1 if ref is not None and ref.month <= 6 else 2
        py = _period_year(v, ref, year, v.half, cur)
        if py is None:
            return None
        months = _HALF_MONTHS[v.half]
        return _dt.date(py, months[0], 1), _dt.date(py, months[-1], last_day(py, months[-1])), "half"
    if v.decade is not None:
        return _dt.date(v.decade, 1, 1), _dt.date(v.decade + 9, 12, 31), "year"
    if year is not None:
        s, e = _apply_part(_dt.date(year, 1, 1), _dt.date(year, 12, 31), v.part, "year", v.year is not None)
        return s, e, "year"
    if v.hour is not None and ref is not None:
        return ref, ref, "day"
    return None


def _month_weeks(y: int, m: int) -> list[_dt.date]:
    """The Mondays of the weeks of a month: the weeks whose Thursday falls in it."""
    first = _dt.date(y, m, 1)
    monday = first - _dt.timedelta(days=first.weekday())
    if (monday + _dt.timedelta(days=3)).month != m:
        monday += _dt.timedelta(days=7)
    out = []
    while (monday + _dt.timedelta(days=3)).month == m:
        out.append(monday)
        monday += _dt.timedelta(days=7)
    return out


def _pick(items: list[_dt.date], nth: int) -> _dt.date | None:
    if nth == -1:
        return items[-1] if items else None
    return items[nth - 1] if 1 <= nth <= len(items) else None


def _nth_span(v: DateValue, ref: _dt.date | None, year: int | None) -> tuple[_dt.date, _dt.date, str] | None:
    """셋째 주 화요일 / the first Friday of July (the nth such weekday of a month), 7월의 마지막
    주 / 2027년 셋째 주 (the nth week of a month, or the ISO week of a year)."""
    assert v.nth is not None
    ym = _year_month(v, ref, year)
    if ym is None and year is None:
        if ref is None:
            return None
        ym = (ref.year, ref.month)
    if v.weekday is not None and ym is not None:
        wd = WEEKDAYS.index(v.weekday)
        days = [_dt.date(ym[0], ym[1], d) for d in range(1, last_day(*ym) + 1)]
        found = _pick([d for d in days if d.weekday() == wd], v.nth)
        return (found, found, "day") if found else None
    if ym is not None:
        monday = _pick(_month_weeks(*ym), v.nth)
    else:
        assert year is not None
        weeks = _dt.date(year, 12, 28).isocalendar()[1]
        n = weeks if v.nth == -1 else v.nth
        monday = _dt.date.fromisocalendar(year, n, 1) if 1 <= n <= weeks else None
    if monday is None:
        return None
    return monday, monday + _dt.timedelta(days=6), "week"


def _offset(v: DateValue) -> _dt.tzinfo | None:
    if not v.utc_offset:
        return None
    sign = -1 if v.utc_offset.startswith("-") else 1
    hh, _, mm = v.utc_offset.lstrip("+-").partition(":")
    return _dt.timezone(sign * _dt.timedelta(hours=int(hh), minutes=int(mm or 0)))


def _at_time(d: _dt.date, v: DateValue) -> tuple[_dt.datetime, str]:
    hour = v.hour or 0
    if hour >= 24:
        d, hour = d + _dt.timedelta(days=1), hour - 24
    t = _dt.datetime(d.year, d.month, d.day, hour, v.minute or 0, tzinfo=_offset(v))
    return t, ("minute" if v.minute is not None else "hour")


def resolve(value: DateValue, reference: _dt.date | None, *, weekday: str = "past") -> DateValue:
    """Resolve a partial value against a reference date (the publication date of its source).

    Returns the value with ``start``/``end`` set, or unchanged when it cannot be resolved (the
    reference is unknown and needed, or the date does not exist). ``weekday`` says how a bare
    weekday resolves (see :data:`PREFERENCES`). Already resolved values are returned as they are.
    """
    if weekday not in PREFERENCES:
        raise ValueError(f"weekday preference must be one of {PREFERENCES}, not {weekday!r}")
    if value.start is not None:
        return value
    if isinstance(reference, _dt.datetime):
        reference = reference.date()
    try:
        span = _span(value, reference, weekday)
    except (OverflowError, ValueError):  # off the calendar (before year 1, after 9999)
        span = None
    if span is None:
        return value
    start: _dt.date
    end: _dt.date
    start, end, grain = span
    single_day = start == end and grain == "day"
    if single_day and value.hour is not None:
        try:
            start, grain = _at_time(start, value)
        except (OverflowError, ValueError):  # 24시 on 9999-12-31
            return value
        end = start
    mismatch = False
    if single_day and value.weekday is not None and (value.day is not None or _rel(value, "day") is not None):
        day = start.date() if isinstance(start, _dt.datetime) else start
        mismatch = WEEKDAYS[day.weekday()] != value.weekday
    if value.until is not None:
        first = start.date() if isinstance(start, _dt.datetime) else start
        at = start if isinstance(start, _dt.datetime) else None
        until = resolve(_anchor_until(value.until, first, at), reference, weekday=weekday)
        if until.end is None:
            return value
        end = until.end
        if isinstance(start, _dt.datetime) != isinstance(end, _dt.datetime):
            start = start.date() if isinstance(start, _dt.datetime) else start
            end = end.date() if isinstance(end, _dt.datetime) else end
            grain = "day" if grain in ("hour", "minute") else grain
        if _key(end) < _key(start):
            return value
        mismatch = mismatch or until.weekday_mismatch
        value = replace(value, until=until)
    return replace(value, start=start, end=end, grain=grain, weekday_mismatch=mismatch)


def _anchor_until(u: DateValue, start: _dt.date, at: _dt.datetime | None = None) -> DateValue:
    """Give the end of a range what it leaves to its start: "7월 20일~22일" ends on the 22nd of
    the start's month, "Monday to Friday" on the first Friday from the start, "10 p.m. to 2 a.m."
    at 2 a.m. the day after (``at``: the start's time of day)."""
    if u.start is not None or u.relative is not None or u.year is not None:
        return u
    if (u.direction in ("last", "next", "last_week", "next_week")
            and (u.weekday is None or (u.month is None and u.day is None))):
        # "from this 5/12 to next 5/19", "from last Monday to next Friday": the end keeps its own
        # direction word (beside a weekday and a date, "next Sunday 5/20", it goes with the weekday)
        return u
    if u.month is not None:
        return replace(u, year=start.year if u.month >= start.month else start.year + 1, direction=None)
    if u.day is not None:
        y, m = (start.year, start.month) if u.day >= start.day else month_shift(start.year, start.month, 1)
        return replace(u, year=y, month=m, direction=None)
    if u.weekday is not None:
        d = start + _dt.timedelta(days=(WEEKDAYS.index(u.weekday) - start.weekday()) % 7)
        return replace(u, year=d.year, month=d.month, day=d.day, direction=None)
    if u.quarter is not None or u.half is not None:
        return replace(u, year=start.year, direction=None)
    if u.hour is not None:
        if at is not None and (u.hour, u.minute or 0) < (at.hour, at.minute):
            start += _dt.timedelta(days=1)  # past midnight
        return replace(u, year=start.year, month=start.month, day=start.day)
    return u


def _key(d: _dt.date) -> tuple[_dt.date, _dt.time]:
    if isinstance(d, _dt.datetime):
        return d.date(), d.time().replace(tzinfo=None)
    return d, _dt.time.min


def interval(value: DateValue) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day (inclusive) of a resolved value, or None for a partial one."""
    if value.start is None or value.end is None:
        return None
    s = value.start.date() if isinstance(value.start, _dt.datetime) else value.start
    e = value.end.date() if isinstance(value.end, _dt.datetime) else value.end
    return s, e


# ----------------------------------------------------------------------------- unify
@dataclass(frozen=True, slots=True)
class _Fields:
    """The written fields of a value that say which days it can name."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: str | None = None
    hour: int | None = None
    minute: int | None = None
    half: int | None = None
    quarter: int | None = None
    decade: int | None = None
    part: str | None = None
    nth: int | None = None

    @classmethod
    def of(cls, v: DateValue, *, weekday: bool = True) -> _Fields:
        return cls(year=v.year, month=v.month, day=v.day, weekday=v.weekday if weekday else None, hour=v.hour,
                   minute=v.minute, half=v.half, quarter=v.quarter, decade=v.decade, part=v.part, nth=v.nth)


class _Disagree(Exception):
    """Two values write one field differently: they cannot name the same time."""


def _same(x: _T | None, y: _T | None) -> _T | None:
    """The field both write, or None."""
    return x if x == y else None


def _agree(x: _T | None, y: _T | None) -> _T | None:
    """The field either writes; :class:`_Disagree` when both write it differently."""
    if x is None:
        return y
    if y is not None and x != y:
        raise _Disagree
    return x


def _agree_part(x: str | None, y: str | None) -> str | None:
    """Like :func:`_agree`, but overlapping parts ("early" and "mid" May share the 10th to the
    15th) stay compatible, and then neither is kept."""
    if x is None or y is None or x == y:
        return x if x is not None else y
    lo_x, hi_x = _MONTH_PARTS.get(x, (0, 99))
    lo_y, hi_y = _MONTH_PARTS.get(y, (0, 99))
    if max(lo_x, lo_y) > min(hi_x, hi_y):
        raise _Disagree
    return None


def _either_or_shared(x: _T | None, y: _T | None) -> _T | None:
    """The field either writes; when both write it, what they share (or None)."""
    if x is None:
        return y
    if y is None:
        return x
    return x if x == y else None


def _hull(v: DateValue) -> DateValue:
    """A partial range ("20일부터 22일까지") as one partial value: the fields both ends share."""
    if v.until is None or v.start is not None:
        return v
    u = v.until
    return replace(v, until=None, year=_same(v.year, u.year), month=_same(v.month, u.month),
                   day=_same(v.day, u.day), weekday=_same(v.weekday, u.weekday), hour=_same(v.hour, u.hour),
                   minute=_same(v.minute, u.minute), half=_same(v.half, u.half),
                   quarter=_same(v.quarter, u.quarter), decade=_same(v.decade, u.decade),
                   part=_same(v.part, u.part), nth=_same(v.nth, u.nth))


def _allowed_months(f: _Fields) -> list[int]:
    months = set(range(1, 13))
    if f.month is not None:
        months &= {f.month}
    if f.half is not None:
        months &= set(_HALF_MONTHS[f.half])
    if f.quarter is not None:
        months &= set(_QUARTER_MONTHS[f.quarter])
    if f.part is not None and f.part in _YEAR_PARTS and f.month is None and f.day is None:
        lo, hi = (_YEAR_THIRDS if f.year is not None else _YEAR_PARTS)[f.part]
        months &= set(range(lo, hi + 1))
    return sorted(months)


def _consistent(f: _Fields) -> bool:
    """Whether some real day satisfies all the constraint fields ``f``."""
    if f.year is not None and f.decade is not None and not (0 <= f.year - f.decade <= 9):
        return False
    months = _allowed_months(f)
    if not months:
        return False
    d = f.day
    if d is None:
        return True  # every month has every weekday
    if f.part is not None and f.part in _MONTH_PARTS and f.month is not None:
        lo, hi = _MONTH_PARTS[f.part]
        if not lo <= d <= hi:
            return False
    years: Iterable[int]
    if f.year is not None:
        years = (f.year,)
    elif f.decade is not None:
        years = range(f.decade, f.decade + 10)
    else:
        years = range(2000, 2028)  # one whole 28-year cycle of the calendar
    wd = f.weekday
    for y in years:
        for m in months:
            if _valid(y, m, d) and (wd is None or WEEKDAYS[_dt.date(y, m, d).weekday()] == wd):
                return True
    return False


def satisfiable(value: DateValue, *, weekday: bool = True) -> bool:
    """Whether some real day has every field written in ``value`` (day 31 and month 4 do not;
    neither do 2023-07-20 and Friday), its weekday left out with ``weekday=False``. Relative
    fields and the range end are not looked at."""
    return _consistent(_Fields.of(value, weekday=weekday))


def _satisfies(day: _dt.date, v: DateValue) -> bool:
    """Whether a real day satisfies the written fields of a partial value."""
    if v.year is not None and day.year != v.year:
        return False
    if v.decade is not None and not 0 <= day.year - v.decade <= 9:
        return False
    if v.month is not None and day.month != v.month:
        return False
    if v.day is not None and day.day != v.day:
        return False
    if v.weekday is not None and WEEKDAYS[day.weekday()] != v.weekday:
        return False
    if v.half is not None and day.month not in _HALF_MONTHS[v.half]:
        return False
    if v.quarter is not None and day.month not in _QUARTER_MONTHS[v.quarter]:
        return False
    if v.part is not None and v.part in _MONTH_PARTS and v.day is None:
        if v.month is not None:
            lo, hi = _MONTH_PARTS[v.part]
            if not lo <= day.day <= hi:
                return False
        elif v.year is not None or _rel(v, "year") is not None:
            lo, hi = (_YEAR_THIRDS if v.year is not None else _YEAR_PARTS)[v.part]
            if not lo <= day.month <= hi:
                return False
    return True


def _merge_rest(a: DateValue, b: DateValue, fields: _Fields, grain: str,
                start: _dt.date | None, end: _dt.date | None) -> DateValue:
    return DateValue(
        grain=grain, start=start, end=end,
        year=fields.year, month=fields.month, day=fields.day,
        weekday=fields.weekday, hour=fields.hour, minute=fields.minute,
        half=fields.half, quarter=fields.quarter, decade=fields.decade,
        part=fields.part, nth=fields.nth, nth_week=a.nth_week or b.nth_week,
        part_of_day=_same(a.part_of_day, b.part_of_day),
        relative=_same(a.relative, b.relative),
        direction=_same(a.direction, b.direction),
        utc_offset=a.utc_offset if a.utc_offset == b.utc_offset else None,
        approx=a.approx or b.approx,
        weekday_mismatch=a.weekday_mismatch or b.weekday_mismatch,
    )


def _time_key(d: _dt.date, other_aware: bool) -> _dt.date:
    """A comparable key of a start or end; datetimes of mixed awareness compare on the wall clock."""
    if isinstance(d, _dt.datetime):
        return d if (d.tzinfo is not None and other_aware) else d.replace(tzinfo=None)
    return d


def unify(a: DateValue, b: DateValue) -> DateValue | None:
    """The value that both ``a`` and ``b`` describe, or None when they cannot name the same time.

    Resolved values unify when their intervals meet (the result is the overlap, at the finer
    grain). A resolved value and a partial one unify when some day of the interval has the
    written fields of the partial one ("Thursday" and 2023-07-20). Two partial values unify when
    their fields agree and some real day has them all (day 31 and month 4 do not). Relative
    fields ("어제", "last Friday") cannot be checked without a reference date and never conflict.
    Symmetric: ``unify(a, b) == unify(b, a)``.
    """
    a, b = _hull(a), _hull(b)
    if a.resolved and b.resolved:
        return _unify_resolved(a, b)
    try:
        fields = _Fields(
            year=_agree(a.year, b.year), month=_agree(a.month, b.month), day=_agree(a.day, b.day),
            weekday=_agree(a.weekday, b.weekday), hour=_agree(a.hour, b.hour),
            minute=_agree(a.minute, b.minute), half=_agree(a.half, b.half),
            quarter=_agree(a.quarter, b.quarter), decade=_agree(a.decade, b.decade),
            part=_agree_part(a.part, b.part), nth=_agree(a.nth, b.nth))
    except _Disagree:
        return None
    grain = finer_grain(a.grain, b.grain)
    if not a.resolved and not b.resolved:
        if not _consistent(fields):
            return None
        return _merge_rest(a, b, fields, grain, None, None)
    r, p = (a, b) if a.resolved else (b, a)
    span = interval(r)
    assert span is not None
    s, e = span
    if (e - s).days > _MAX_SCAN_DAYS:
        return _merge_rest(a, b, fields, grain, r.start, r.end)
    days = [s + _dt.timedelta(days=i) for i in range((e - s).days + 1)]
    ok = [d for d in days if _satisfies(d, p)]
    if not ok:
        return None
    if isinstance(r.start, _dt.datetime):
        if (p.hour is not None and r.start == r.end
                and (r.start.hour, r.start.minute if p.minute is not None else None) != (p.hour, p.minute)):
            return None
        return _merge_rest(a, b, fields, grain if r.grain in ("hour", "minute") else r.grain, r.start, r.end)
    return _merge_rest(a, b, fields, grain, ok[0], ok[-1])


def _bounds(v: DateValue) -> tuple[_dt.date, _dt.date]:
    """The first and last day of a resolved value."""
    span = interval(v)
    assert span is not None
    return span


def _unify_resolved(a: DateValue, b: DateValue) -> DateValue | None:
    assert a.start is not None and a.end is not None and b.start is not None and b.end is not None
    grain = finer_grain(a.grain, b.grain)
    s: _dt.date
    e: _dt.date
    if isinstance(a.start, _dt.datetime) and isinstance(b.start, _dt.datetime):
        aware = a.start.tzinfo is not None and b.start.tzinfo is not None
        s = max(a.start, b.start, key=lambda d: _time_key(d, aware))
        e = min(a.end, b.end, key=lambda d: _time_key(d, aware))
        if _time_key(e, aware) < _time_key(s, aware):
            return None
    else:
        sa, ea = _bounds(a)
        sb, eb = _bounds(b)
        lo, hi = max(sa, sb), min(ea, eb)
        if hi < lo:
            return None
        timed = a if isinstance(a.start, _dt.datetime) else b if isinstance(b.start, _dt.datetime) else None
        if timed is not None:
            ts, te = _bounds(timed)
            if not (lo <= ts and te <= hi):
                return DateValue(grain=finer_grain(grain, "day"), start=lo, end=hi,
                                 approx=a.approx or b.approx)
            assert timed.start is not None and timed.end is not None
            s, e = timed.start, timed.end
        else:
            s, e = lo, hi
    fields = _Fields(
        year=_either_or_shared(a.year, b.year), month=_either_or_shared(a.month, b.month),
        day=_either_or_shared(a.day, b.day), weekday=_either_or_shared(a.weekday, b.weekday),
        hour=_either_or_shared(a.hour, b.hour), minute=_either_or_shared(a.minute, b.minute),
        half=_either_or_shared(a.half, b.half), quarter=_either_or_shared(a.quarter, b.quarter),
        decade=_either_or_shared(a.decade, b.decade), part=_either_or_shared(a.part, b.part),
        nth=_either_or_shared(a.nth, b.nth))  # two ways of writing the same days: keep what they share
    return _merge_rest(a, b, fields, grain, s, e)


def other_order(value: DateValue) -> DateValue | None:
    """The other reading of an ``ambiguous`` numeric date ("6/5/2024": 6 May instead of June 5),
    or None when the value is not ambiguous or the other reading is no real day."""
    if not value.ambiguous or value.month is None or value.day is None or value.day > 12:
        return None
    swapped = replace(value, month=value.day, day=value.month, ambiguous=False)
    if value.start is None or value.end is None or value.start != value.end:
        return swapped if value.start is None else None
    first = value.start
    year = value.year if value.year is not None else first.year
    if not _valid(year, value.day, value.month):
        return None
    day = first.replace(year=year, month=value.day, day=value.month)
    return replace(swapped, start=day, end=day)


def compatible(a: DateValue, b: DateValue) -> bool:
    """Whether ``a`` and ``b`` can name the same time (see :func:`unify`). Symmetric."""
    return unify(a, b) is not None
