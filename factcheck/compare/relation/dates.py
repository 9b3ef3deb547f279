"""Dates against dates: resolved dates and periods that overlap or not, partial dates that
name the same day as written, relative dates without a reference date, and two times of day
that a 12-hour clock cannot tell apart."""

from __future__ import annotations

import calendar
import datetime as _dt
import json

from factcheck.compare import messages
from factcheck.compare.relation.base import EQUAL, UNRELATED, Relation
from factcheck.dates import other_order, unify
from factcheck.values import DateValue

__all__ = ["date_bucket", "date_key", "date_relation", "field_differences", "impossible", "single_year", "unchecked",
           "year_as_number"]

#: the fields that say how a partial date is written ("지난 일요일": direction and weekday)
_WRITTEN = ("relative", "direction", "year", "month", "day", "weekday", "half", "quarter", "hour", "minute", "part")
#: weekday keys as date values write them, Monday first (``date.weekday()`` order)
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: the calendar fields a partial date may write
_FIELDS = ("year", "month", "day", "weekday", "hour", "minute", "half", "quarter", "decade", "part", "nth")


def date_bucket(v: DateValue) -> str:
    """The grain a date is compared at: times of day are days; a recurrence ("every Monday")
    only meets recurrences of its period."""
    if v.every is not None:
        return "every " + v.every
    return "day" if v.grain in ("minute", "hour", "day") else v.grain


def _open_bounds(a: DateValue, b: DateValue) -> Relation | None:
    """Two ranges open on the same side ("since 2019" / "2019년 이후"): they agree when they
    open from the same date; from neighbouring dates ("after 2018" / "since 2019") the reading
    of the word may differ, which cannot be decided."""
    if a.open is None or a.open != b.open or a.start is None or b.start is None:
        return None
    x, y = (a.start, b.start) if a.open == "after" else (a.end, b.end)
    assert x is not None and y is not None
    if x == y:
        return EQUAL
    dx, dy = (d.date() if isinstance(d, _dt.datetime) else d for d in (x, y))
    gap = abs((dx - dy).days)
    grain = date_bucket(a) if a.grain == b.grain else "day"
    if gap <= {"day": 1, "week": 7, "month": 31, "quarter": 92, "half": 184, "year": 366}.get(grain, 1):
        return Relation("uncertain", "open-bounds", messages.OPEN_BOUND_OR_NEXT)
    return Relation("different", "different-date")


def date_key(v: DateValue) -> tuple[str, ...]:
    """What makes two dates one: the resolved period and its grain, or every written field."""
    if v.start is not None and v.end is not None:
        return ("r", v.start.isoformat(), v.end.isoformat(), date_bucket(v))
    return ("p", json.dumps(v.to_dict(), sort_keys=True, ensure_ascii=False))


def _written(v: DateValue) -> tuple[object, ...]:
    return tuple(getattr(v, k) for k in _WRITTEN)


def _fields(v: DateValue) -> dict[str, object]:
    """The calendar fields a partial date writes (year, month, day, weekday, time, period)."""
    return {k: getattr(v, k) for k in _FIELDS if getattr(v, k) is not None}


def _calendar_fields(v: DateValue) -> dict[str, object]:
    """The calendar fields a date states: those written, and for a resolved day (or month or
    year) those of its day."""
    out = _fields(v)
    s, e = v.start, v.end
    if s is not None and e is not None:
        sd = s.date() if isinstance(s, _dt.datetime) else s
        ed = e.date() if isinstance(e, _dt.datetime) else e
        if sd.year == ed.year:
            out.setdefault("year", sd.year)
            if sd.month == ed.month:
                out.setdefault("month", sd.month)
                if sd == ed:
                    out.setdefault("day", sd.day)
                    out.setdefault("weekday", _WEEKDAY_KEYS[sd.weekday()])
    return out


def field_differences(a: DateValue, b: DateValue) -> tuple[int, dict[str, tuple[object, object]]]:
    """How many calendar fields both dates state agree, and the ones that differ (field ->
    (value of a, value of b)): "9월 30일 금요일" / "Sunday, 30 September" agree on two and
    differ in the weekday."""
    fa, fb = _calendar_fields(a), _calendar_fields(b)
    agree = 0
    differ: dict[str, tuple[object, object]] = {}
    for k in sorted(set(fa) & set(fb)):
        if fa[k] == fb[k]:
            agree += 1
        else:
            differ[k] = (fa[k], fb[k])
    return agree, differ


def unchecked(v: DateValue) -> bool:
    """A partial date that only its (unknown) reference date could check: 어제, last month."""
    return v.start is None and v.relative is not None


def _hour_of(v: DateValue) -> int | None:
    if v.hour is not None:
        return v.hour
    if isinstance(v.start, _dt.datetime) and v.start == v.end:
        return v.start.hour
    return None


def _twelve_hours_apart(a: DateValue, b: DateValue) -> bool:
    """Two times of day 12 hours apart, one of them written without a.m./p.m. (7시 30분 /
    19:30): the clock cannot tell them apart."""
    ha, hb = _hour_of(a), _hour_of(b)
    if ha is None or hb is None or abs(ha - hb) != 12:
        return False
    return a.part_of_day is None or b.part_of_day is None


def _other_order_fits(a: DateValue, b: DateValue) -> bool:
    """A numeric date that could be read day-first or month-first ("6/5/2024") whose other
    reading is the other date."""
    for x, y in ((a, b), (b, a)):
        other = other_order(x)
        if other is not None and unify(other, y) is not None:
            return True
    return False


def date_relation(a: DateValue, b: DateValue, ta: str = "", tb: str = "") -> Relation:
    """Two dates, ``ta``/``tb`` as written (quoted in the notes)."""
    if date_bucket(a) != date_bucket(b):
        return UNRELATED
    if date_key(a) == date_key(b):
        return EQUAL
    if a.anchor is not None or b.anchor is not None:  # the next day: from which event?
        return Relation("uncertain", "anchored", messages.COUNTED_FROM_EVENT)
    opened = _open_bounds(a, b)
    if opened is not None:
        return opened
    ua, ub = unchecked(a), unchecked(b)
    if ua or ub:
        if a.relative is not None and _written(a) == _written(b):
            if ua and ub:
                return Relation("equal", "same-relative")
            return Relation("compatible", "same-relative", messages.SAME_RELATIVE_ONE_UNDATED)
        return Relation("uncertain", "no-reference-date", messages.needs_reference_date(ta if ua else tb))
    years = _years_relation(a, b, ta, tb)
    if years is not None:
        return years
    if unify(a, b) is None:
        if _twelve_hours_apart(a, b):
            return Relation("uncertain", "twelve-hour-clock", messages.twelve_hour_clock(ta, tb))
        if _other_order_fits(a, b):
            return Relation("uncertain", "day-month-order", messages.day_month_order(ta, tb))
        return Relation("different", "different-date")
    if a.start is None and b.start is None:
        fa, fb = _fields(a), _fields(b)
        if fa.items() <= fb.items() or fb.items() <= fa.items():
            # the same day written with more or fewer words ("지난 일요일" / "Sunday")
            return Relation("compatible", "partial", messages.same_day_as_written(ta, tb))
        return Relation("uncertain", "partial-dates", messages.same_day_undated(ta, tb))
    if a.start is None:
        return Relation("compatible", "partial", messages.partial_fits(ta, b))
    if b.start is None:
        return Relation("compatible", "partial", messages.partial_fits(tb, a))
    return Relation("compatible", "overlap", messages.PERIODS_OVERLAP)


def _years(v: DateValue) -> tuple[int, int] | None:
    """The first and last year of a date of whole years ("2005년", "the 1980s", "21세기"); not of
    a range open on one side ("since 2019"), whose far end is no year written: a year inside it
    is a date the range holds, as a day inside a month is."""
    s, e = v.start, v.end
    if (s is None or e is None or v.open is not None or v.grain != "year"
            or (s.month, s.day, e.month, e.day) != (1, 1, 12, 31)):
        return None
    return s.year, e.year


def _years_relation(a: DateValue, b: DateValue, ta: str, tb: str) -> Relation | None:
    """Periods of several years (a decade, a century, "2020~2022년") compared as ranges: equal
    only when both ends agree; a year inside such a period is uncertain, outside it differs.
    None when neither is such a period."""
    ya, yb = _years(a), _years(b)
    if ya is None or yb is None or ya == yb or (ya[0] == ya[1] and yb[0] == yb[1]):
        return None
    if ya[0] != ya[1] and yb[0] != yb[1]:
        return Relation("different", "different-period", messages.periods_differ(ya, yb))
    (year, _), span, text = (ya, yb, tb) if ya[0] == ya[1] else (yb, ya, ta)
    if span[0] <= year <= span[1]:
        return Relation("uncertain", "inside-range", messages.year_inside(year, span))
    return Relation("different", "different-date")


def single_year(v: DateValue) -> int | None:
    """The year a date states when it is one whole year ("2005년", "in 2005"), else None."""
    if v.start is not None and v.end is not None:
        s, e = v.start, v.end
        if v.grain == "year" and s.year == e.year and (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
            return s.year
        return None
    fields = _fields(v)
    return v.year if set(fields) == {"year"} and v.relative is None else None


def year_as_number(year: int, figure: int, text: str = "") -> Relation:
    """A year written as a date on one side and as a plain number on the other ("2005년" /
    "3005"): equal figures are one year; different ones differ."""
    if year == figure:
        return Relation("compatible", "year-as-number", messages.year_as_number(text or str(figure)))
    return Relation("different", "different-date")


def impossible(v: DateValue) -> tuple[str, int, int | None, int | None] | None:
    """Why a date's written fields name no day of the calendar ("May 32", "29 February 1918"):
    ("month", month, None, None) for no such month, ("day", day, month, year) for no such day
    (of that month, in that year when written); None for a possible date. Only partial dates
    can be impossible (a resolved date is a day)."""
    if v.start is not None:
        return None
    if v.month is not None and not 1 <= v.month <= 12:
        return ("month", v.month, None, None)
    if v.day is None:
        return None
    if v.month is None:
        return ("day", v.day, None, None) if not 1 <= v.day <= 31 else None
    year = v.year if v.year is not None and _dt.MINYEAR <= v.year <= _dt.MAXYEAR else 2000  # a leap year
    if not 1 <= v.day <= calendar.monthrange(year, v.month)[1]:
        return ("day", v.day, v.month, v.year)
    return None
