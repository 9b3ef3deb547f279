"""Dates against dates: resolved dates and periods that overlap or not, partial dates that
name the same day as written, relative dates without a reference date, and two times of day
that a 12-hour clock cannot tell apart."""

from __future__ import annotations

import datetime as _dt
import json

from factcheck.compare import messages
from factcheck.compare.relation.base import EQUAL, UNRELATED, Relation
from factcheck.dates import other_order, unify
from factcheck.values import DateValue

__all__ = ["date_bucket", "date_key", "date_relation", "unchecked"]

#: the fields that say how a partial date is written ("지난 일요일": direction and weekday)
_WRITTEN = ("relative", "direction", "year", "month", "day", "weekday", "half", "quarter", "hour", "minute", "part")
#: the calendar fields a partial date may write
_FIELDS = ("year", "month", "day", "weekday", "hour", "minute", "half", "quarter", "decade", "part", "nth")


def date_bucket(v: DateValue) -> str:
    """The grain a date is compared at: times of day are days."""
    return "day" if v.grain in ("minute", "hour", "day") else v.grain


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
    ua, ub = unchecked(a), unchecked(b)
    if ua or ub:
        if a.relative is not None and _written(a) == _written(b):
            if ua and ub:
                return Relation("equal", "same-relative")
            return Relation("compatible", "same-relative", messages.SAME_RELATIVE_ONE_UNDATED)
        return Relation("uncertain", "no-reference-date", messages.needs_reference_date(ta if ua else tb))
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
