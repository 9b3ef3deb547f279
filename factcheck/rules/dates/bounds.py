"""The edges of date expressions: ranges open on one side ("since March", "until Friday",
3월 이후, 금요일까지, 5일부터), dates that do not exist ("May 32", 2월 30일: a claim marked
invalid), and numbers of days that only look like dates (근무일수 13일, 13일 연속: no date).

The words are the locale's patterns: ``open_before`` (written before the date, ending where it
starts: "since ", "until ") and ``open_after`` (written right after it: 이후, 부터, "onwards"),
whose named groups ``since``, ``after``, ``until`` and ``before`` say which side is open and
whether the date itself belongs to the range; ``count_before`` / ``count_after`` mark a count.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace

from factcheck.dates import last_day, month_shift
from factcheck.rules.dates.context import future_after, future_before
from factcheck.rules.dates.fields import Fields
from factcheck.rules.dates.group import Expr
from factcheck.rules.dates.locale import DateLocale
from factcheck.values import DateValue

__all__ = ["mark_open", "open_value", "drop_counts", "invalid_value", "keep_planned", "OPEN_KINDS"]

#: how far before a date its opening word may start ("no later than ")
_BEFORE_WINDOW = 24
#: the sides: since / after (the end is open), until / before (the start is open)
OPEN_KINDS = ("since", "after", "until", "before")


def _kind(m: re.Match[str]) -> str | None:
    """The side a match of an opening word opens ("until__2" is "until")."""
    names = (k.split("__")[0] for k, v in m.groupdict().items() if v is not None)
    return next((k for k in names if k in OPEN_KINDS), None)


def mark_open(text: str, exprs: list[Expr], dl: DateLocale) -> list[Expr]:
    """Mark each date written with an opening word before or after it (and not a range) as an
    open range, the words taken into its span."""
    for e in exprs:
        if e.ranged and dl.range_lead_re is not None:  # "from June 3 to June 5"
            m = dl.range_lead_re.search(text, max(0, e.start - _BEFORE_WINDOW), e.start)
            if m is not None:
                e.start = m.start()
        if e.ranged or e.until or not e.content() or "every" in e.fields:
            continue
        kind = None
        if dl.open_after_re is not None:
            m = dl.open_after_re.match(text, e.end)
            if m is not None and m.end() > e.end and _kind(m):
                kind, e.end = _kind(m), m.end()
        if dl.open_before_re is not None and e.start > 0 and text[e.start - 1] in " \t":
            lo = max(0, e.start - _BEFORE_WINDOW)
            m = dl.open_before_re.search(text, lo, e.start)
            # a word of its own before the date (since March), or one that only goes with an
            # opening word after it (from September onwards)
            if m is not None and kind is None and m.groupdict().get("more") is not None:
                kind = _shift_side(e.fields)  # more than 2 weeks after today
                if kind is not None:
                    e.start = m.start()
            elif (m is not None and (kind is None and _kind(m) or kind is not None and _kind(m) in (None, kind))
                  and not (m.groupdict().get("article") and _attributive(text, e))):
                # not "before the 2016 election", "after the June summit": a date after an
                # article that qualifies a noun
                kind, e.start = kind or _kind(m), m.start()
        if kind is not None:
            e.fields = {**e.fields, "open": kind}
    return exprs


def _attributive(text: str, e: Expr) -> bool:
    """Whether a date after an article starts with a capital or a year: "the June summit", "the
    2016 election" (the article goes with the noun after the date), not "the 15th", "the end of
    May", "the year 2019"."""
    first = text[e.start:e.start + 4]
    return first[:1].isupper() or (first.isdigit() and len(first) == 4)


def _shift_side(fields: Fields) -> str | None:
    """The side "more than" opens for an amount of time counted from a day: before it for a
    shift back (more than 2 weeks before today, more than 3 days ago), after it for one forward."""
    shift = fields.get("shift")
    if shift is not None:
        sign = shift[0] or shift[1]
    else:
        sign = next((v for k, v in fields.items() if k in ("rel_day", "rel_months", "rel_years") and v), 0)
    return None if not sign else ("after" if sign > 0 else "before")


def _step(d: _dt.date, grain: str, forward: bool) -> _dt.date:
    """The moment after (before) the last (first) moment of a value."""
    if isinstance(d, _dt.datetime):
        delta = _dt.timedelta(hours=1) if grain == "hour" else _dt.timedelta(minutes=1)
        return d + delta if forward else d - delta
    return d + _dt.timedelta(days=1) if forward else d - _dt.timedelta(days=1)


def open_value(value: DateValue, kind: str) -> DateValue | None:
    """A resolved value turned into the range it opens: since (from its start on), after (from
    the moment after it), until (up to its end), before (up to the moment before it); the open
    side is the first or last day of the calendar. A partial value keeps its fields and says
    which side is open."""
    side = "after" if kind in ("since", "after") else "before"
    if value.start is None or value.end is None:
        return replace(value, open=side)
    if value.until is not None or value.open is not None:
        return None
    if isinstance(value.start, _dt.datetime) and value.start == value.end:
        kind = "since" if side == "after" else "until"  # a moment: after 2 p.m. is from 2 p.m. on
    elif value.part_of_day is not None and isinstance(value.start, _dt.datetime) and kind in ("after", "before"):
        # a part of the day ends where the next begins: after dinner is from 20:00 on
        start, end = (value.end, _far(value.end, forward=True)) if kind == "after" else \
            (_far(value.start, forward=False), value.start)
        return replace(value, start=start, end=end, open=side)
    elif (kind, value.part) in (("before", "late"), ("after", "early")):
        kind = "until" if kind == "before" else "since"  # before the end of May: up to its end
    if kind == "since":
        start, end = value.start, _far(value.start, forward=True)
    elif kind == "after":
        start = _step(value.end, value.grain, forward=True)
        end = _far(start, forward=True)
    elif kind == "until":
        start, end = _far(value.end, forward=False), value.end
    else:
        end = _step(value.start, value.grain, forward=False)
        start = _far(end, forward=False)
    return replace(value, start=start, end=end, open=side)


def _far(d: _dt.date, *, forward: bool) -> _dt.date:
    """The last (first) day of the calendar, as a date or a datetime like ``d``."""
    day = _dt.date.max if forward else _dt.date.min
    if isinstance(d, _dt.datetime):
        t = _dt.time(23, 59) if forward else _dt.time(0, 0)
        return _dt.datetime.combine(day, t, tzinfo=d.tzinfo)
    return day


def drop_counts(text: str, exprs: list[Expr], dl: DateLocale) -> list[Expr]:
    """Leave out a bare day number written as a count: after a word that counts days (근무일수,
    기간, 총) or before one (연속): 근무일수 13일, 13일 연속; and a bare quarter before one (3분기
    연속 적자, "the fourth quarter in a row")."""
    if dl.count_before_re is None and dl.count_after_re is None:
        return exprs
    out = []
    for e in exprs:
        only = set(e.fields)
        if not e.ranged and not e.until and only in ({"day"}, {"quarter"}) and len(e.content()) == 1:
            before = (only == {"day"} and dl.count_before_re is not None
                      and dl.count_before_re.search(text[max(0, e.start - 12):e.start]))
            after = dl.count_after_re is not None and dl.count_after_re.match(text, e.end)
            if before or after:
                continue
        out.append(e)
    return out


def invalid_value(fields: Fields, value: DateValue, ref: _dt.date | None = None) -> DateValue | None:
    """A date written with its day and its month (or a month counted from the reference:
    지난달 31일, "the 31st of this month") that does not exist: the partial value, marked
    invalid. None when the fields do not write such a date, or write a day that exists (whose
    value is unknown for another reason: "the day after New Year's Eve" needs the year)."""
    nth = "nth" in fields or "nth_week" in fields
    if not ("day" in fields and ("month" in fields or "rel_month" in fields)) and not nth:
        return None
    if value.until is not None or not 1 <= int(fields.get("month", 1)) <= 12:
        return None
    if nth and "weekday" not in fields:  # the fifth Sunday of a month with four
        return None
    if "day" in fields and _day_exists(fields, ref):
        return None
    return replace(value, start=None, end=None, invalid=True)


def _day_exists(fields: Fields, ref: _dt.date | None) -> bool:
    """Whether the day and month written (or counted from the reference) name a day of the
    calendar: 29 February of a year not written may be one."""
    day = int(fields["day"])
    year: int | None = int(fields["year"]) if "year" in fields else None
    if "month" in fields:
        month = int(fields["month"])
        if year is None and "rel_year" in fields and ref is not None:
            year = ref.year + int(fields["rel_year"])
    elif ref is not None:
        year, month = month_shift(ref.year, ref.month, int(fields["rel_month"]))
    else:  # a month counted from a reference not known: any month may be meant
        return day <= 31
    most = last_day(year, month) if year is not None and _dt.MINYEAR <= year <= _dt.MAXYEAR \
        else (29 if month == 2 else last_day(2001, month))
    return 1 <= day <= most


#: what may stand before a date at the start of its sentence
_SENTENCE_OPEN = " \t\"'“‘(["
_LINE_CLOSE = " \t.,;:!?)\"'”’"


def _alone(text: str, e: Expr) -> bool:
    """Whether an expression is all its line holds (but punctuation)."""
    lo = text.rfind("\n", 0, e.start) + 1
    hi = text.find("\n", e.end)
    after = text[e.end:len(text) if hi < 0 else hi]
    return not text[lo:e.start].strip(_SENTENCE_OPEN) and not after.strip(_LINE_CLOSE)


def keep_planned(text: str, exprs: list[Expr], dl: DateLocale) -> list[Expr]:
    """Keep an amount of time counted from the reference date (3일 이내, 5년 안에: the atoms
    ``plan_atoms`` name) only in a plan or forecast, or alone; told in the past or as a rule it
    counts from an event ("사고 발생 30일 이내에 신고해야 한다")."""
    if not dl.plan_atoms:
        return exprs
    out = []
    for e in exprs:
        if any(a.spec.name in dl.plan_atoms for a in e.content()) and not (
                _alone(text, e) or future_before(text, e.start, dl) or future_after(text, e.end, dl)):
            continue
        out.append(e)
    return out
