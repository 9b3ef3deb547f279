"""Property tests for dates: rendering round trips, symmetric unification, and resolving then
comparing agreeing with comparing the partial forms."""

from __future__ import annotations

import datetime as _dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.dates import WEEKDAYS, compatible, resolve, unify
from factcheck.rules.dates import parse_date
from factcheck.values import DateValue

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
EN_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
KO_WEEKDAYS = "월화수목금토일"

dates = st.dates(min_value=_dt.date(1950, 1, 1), max_value=_dt.date(2090, 12, 31))


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def ko_renderings(d: _dt.date) -> list[str]:
    wd = KO_WEEKDAYS[d.weekday()]
    return [
        f"{d.year}년 {d.month}월 {d.day}일",
        f"{d.year}년{d.month}월{d.day}일",
        f"{d.year}.{d.month}.{d.day}.",
        f"{d.year}. {d.month:02d}. {d.day:02d}.",
        f"{d.year}/{d.month:02d}/{d.day:02d}",
        d.isoformat(),
        f"{d.year}년 {d.month}월 {d.day}일({wd})",
        f"{d.year}/{d.month:02d}/{d.day:02d} ({wd})",
        f"{d.year}년 {d.month}월 {d.day}일 {wd}요일",
    ]


def en_renderings(d: _dt.date) -> list[str]:
    month, wd = EN_MONTHS[d.month - 1], WEEKDAYS[d.weekday()].title()
    return [
        f"{month} {d.day}, {d.year}",
        f"{d.day} {month} {d.year}",
        f"{EN_ABBR[d.month - 1]} {d.day}, {d.year}",
        f"{month} {_ordinal(d.day)}, {d.year}",
        f"{d.month}/{d.day}/{d.year}",
        d.isoformat(),
        f"{wd}, {month} {d.day}, {d.year}",
        f"{wd}, {d.day} {month} {d.year}",
    ]


@settings(max_examples=150, deadline=None)
@given(dates)
def test_korean_renderings_parse_back(d: _dt.date) -> None:
    for text in ko_renderings(d):
        v = parse_date(text, "ko")
        assert v is not None, text
        assert (v.start, v.end, v.grain, v.weekday_mismatch) == (d, d, "day", False), text


@settings(max_examples=150, deadline=None)
@given(dates)
def test_english_renderings_parse_back(d: _dt.date) -> None:
    for text in en_renderings(d):
        v = parse_date(text, "en")
        assert v is not None, text
        assert (v.start, v.end, v.grain, v.weekday_mismatch) == (d, d, "day", False), text


@settings(max_examples=100, deadline=None)
@given(dates, st.sampled_from([0, 1, 2, 3, 4, 5, 6]))
def test_written_weekday_disagreeing_is_flagged(d: _dt.date, shift: int) -> None:
    wd = KO_WEEKDAYS[(d.weekday() + shift) % 7]
    v = parse_date(f"{d.year}년 {d.month}월 {d.day}일({wd})", "ko")
    assert v is not None and v.start == d and v.weekday_mismatch == (shift != 0)


@settings(max_examples=100, deadline=None)
@given(dates, st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_times_parse_back(d: _dt.date, hour: int, minute: int) -> None:
    ampm = "오전" if hour < 12 else "오후"
    h12 = hour % 12 or 12
    ko = parse_date(f"{d.year}년 {d.month}월 {d.day}일 {ampm} {h12}시 {minute}분", "ko")
    assert ko is not None and ko.start == _dt.datetime(d.year, d.month, d.day, hour, minute,
                                                       tzinfo=_dt.timezone(_dt.timedelta(hours=9)))
    en = parse_date(f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year} at {h12}:{minute:02d} {'a.m.' if hour < 12 else 'p.m.'}", "en")
    assert en is not None and en.start == _dt.datetime(d.year, d.month, d.day, hour, minute)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1950, max_value=2090), st.integers(min_value=1, max_value=4), st.integers(min_value=1, max_value=2))
def test_quarters_and_halves_parse_back(year: int, quarter: int, half: int) -> None:
    q = parse_date(f"{year}년 {quarter}분기", "ko")
    assert q is not None and q.grain == "quarter" and q.start == _dt.date(year, 3 * quarter - 2, 1)
    q2 = parse_date(f"Q{quarter} {year}", "en")
    assert q2 is not None and (q2.start, q2.end) == (q.start, q.end)
    h = parse_date(f"{year}년 {'상' if half == 1 else '하'}반기", "ko")
    h2 = parse_date(f"the {'first' if half == 1 else 'second'} half of {year}", "en")
    assert h is not None and h2 is not None and h.grain == "half" and (h.start, h.end) == (h2.start, h2.end)


# ------------------------------------------------------------------------------ partial values
def partial_of(d: _dt.date, keep: frozenset[str]) -> DateValue:
    """The partial value that writes only the fields ``keep`` of a real day ``d``."""
    grain = "day" if keep & {"day", "weekday"} else "month" if "month" in keep else "year"
    return DateValue(
        grain=grain,
        year=d.year if "year" in keep else None,
        month=d.month if "month" in keep else None,
        day=d.day if "day" in keep else None,
        weekday=WEEKDAYS[d.weekday()] if "weekday" in keep else None,
    )


field_sets = st.frozensets(st.sampled_from(["year", "month", "day", "weekday"]), min_size=1)
partials = st.builds(partial_of, dates, field_sets)
halves = st.builds(lambda h: DateValue(grain="half", half=h), st.sampled_from([1, 2]))
quarters = st.builds(lambda q: DateValue(grain="quarter", quarter=q), st.sampled_from([1, 2, 3, 4]))
any_partial = st.one_of(partials, halves, quarters)


def resolved_day(d: _dt.date) -> DateValue:
    return DateValue(grain="day", start=d, end=d)


def satisfies(d: _dt.date, p: DateValue) -> bool:
    """A simple reference implementation of "the day d has the written fields of p"."""
    return all((
        p.year is None or p.year == d.year,
        p.month is None or p.month == d.month,
        p.day is None or p.day == d.day,
        p.weekday is None or p.weekday == WEEKDAYS[d.weekday()],
        p.half is None or (d.month - 1) // 6 + 1 == p.half,
        p.quarter is None or (d.month - 1) // 3 + 1 == p.quarter,
    ))


@settings(max_examples=300, deadline=None)
@given(any_partial, any_partial)
def test_unify_partials_is_symmetric(a: DateValue, b: DateValue) -> None:
    assert unify(a, b) == unify(b, a)
    assert compatible(a, b) == compatible(b, a)


@settings(max_examples=300, deadline=None)
@given(any_partial, dates)
def test_unify_partial_with_resolved_is_symmetric(a: DateValue, d: _dt.date) -> None:
    b = resolved_day(d)
    assert unify(a, b) == unify(b, a)


@settings(max_examples=300, deadline=None)
@given(dates, field_sets, field_sets)
def test_two_partials_of_one_day_unify(d: _dt.date, f1: frozenset[str], f2: frozenset[str]) -> None:
    u = unify(partial_of(d, f1), partial_of(d, f2))
    assert u is not None
    assert satisfies(d, u)


@settings(max_examples=300, deadline=None)
@given(any_partial, dates)
def test_comparing_with_a_day_is_checking_its_fields(p: DateValue, d: _dt.date) -> None:
    assert compatible(p, resolved_day(d)) == satisfies(d, p)


@settings(max_examples=300, deadline=None)
@given(dates, dates, st.integers(min_value=0, max_value=6))
def test_resolving_a_weekday_then_comparing_equals_comparing_the_partial_form(d: _dt.date, other: _dt.date, back: int) -> None:
    # "Thursday" in a source published `back` days after that Thursday
    p = partial_of(d, frozenset({"weekday"}))
    ref = d + _dt.timedelta(days=back)
    window = other if ref - _dt.timedelta(days=6) <= other <= ref else ref - _dt.timedelta(days=(ref - other).days % 7)
    resolved = resolve(p, ref)
    assert resolved.start == d
    assert compatible(resolved, resolved_day(window)) == compatible(p, resolved_day(window))


@settings(max_examples=300, deadline=None)
@given(dates, st.integers(min_value=1, max_value=28))
def test_resolving_a_day_of_month_then_comparing_equals_comparing_the_partial_form(d: _dt.date, ref_day: int) -> None:
    # "20일" in a source published in the same month: resolved to that month's day
    p = partial_of(d, frozenset({"day"}))
    ref = d.replace(day=min(ref_day, 28))
    resolved = resolve(p, ref)
    assert resolved.start == d
    for other in (d, d.replace(day=1), d.replace(day=28)):
        assert compatible(resolved, resolved_day(other)) == compatible(p, resolved_day(other))


@settings(max_examples=200, deadline=None)
@given(dates, field_sets, dates)
def test_resolving_then_comparing_two_partial_forms(d: _dt.date, keep: frozenset[str], ref: _dt.date) -> None:
    # two sources write different fields of one day; once both resolve against the same
    # reference to the same day, their partial forms were compatible too
    a = partial_of(d, keep)
    b = partial_of(d, frozenset({"year", "month", "day", "weekday"}) - keep or frozenset({"weekday"}))
    ra, rb = resolve(a, ref), resolve(b, ref)
    if ra.resolved and rb.resolved and compatible(ra, rb):
        assert compatible(a, b)
