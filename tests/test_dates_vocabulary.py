"""The calendar vocabulary of issue 16 beyond the corpus rows: numeric dates whose day and month
order is open (the `ambiguous` flag and the comparator's reading of it), lunisolar holidays (the
`holidays` package), the turn of the year, the last day of a period, and words read only as the
whole text."""

from __future__ import annotations

import datetime as _dt

import pytest

import factcheck
from factcheck.dates import other_order
from factcheck.rules.dates import parse_date
from factcheck.rules.dates.lunar import holiday_date
from factcheck.values import DateValue

REF = _dt.date(2023, 7, 20)  # a Thursday


def _dates(text: str, lang: str, ref: str | None = "2023-07-20") -> list[tuple[str, dict[str, object]]]:
    return [(c.text, c.value.to_dict()) for c in factcheck.extract(text, lang=lang, reference_date=ref)
            if c.kind == "date"]


@pytest.mark.parametrize(("text", "lang", "start", "ambiguous"), [
    ("6/5/2024", "en", "2024-06-05", True),      # month first with slashes (US)
    ("6-5-2024", "en", "2024-06-05", True),
    ("5.6.2024", "en", "2024-06-05", True),      # day first with dots
    ("13/6/2024", "en", "2024-06-13", False),    # 13 cannot be a month
    ("6/13/2024", "en", "2024-06-13", False),
    ("5.13.2024", "en", "2024-05-13", False),
    ("6/6/2024", "en", "2024-06-06", False),     # both readings are one day
    ("2024-06-05", "en", "2024-06-05", False),   # the year first settles it
    ("2024.6.5", "ko", "2024-06-05", False),
    ("24.6.5", "ko", "2024-06-05", False),       # Korean writes the year first
])
def test_numeric_order_and_ambiguity(text: str, lang: str, start: str, ambiguous: bool) -> None:
    [(span, value)] = _dates(text, lang)
    assert span == text
    assert value["start"] == start
    assert value.get("ambiguous", False) is ambiguous


def test_other_order_of_an_ambiguous_date() -> None:
    v = parse_date("6/5/2024", "en", REF)
    assert v is not None and v.ambiguous
    other = other_order(v)
    assert other is not None and other.start == other.end == _dt.date(2024, 5, 6)
    assert (other.month, other.day, other.ambiguous) == (5, 6, False)
    # without a reference date the written fields are swapped
    partial = DateValue(grain="day", month=6, day=5, ambiguous=True)
    assert other_order(partial) == DateValue(grain="day", month=5, day=6)
    assert other_order(DateValue(grain="day", month=6, day=5)) is None
    assert other_order(DateValue(grain="day", month=2, day=11, year=2023, ambiguous=True)) is not None


@pytest.mark.parametrize(("ko", "verdict", "reason"), [
    ("계약은 2024년 5월 6일 체결됐다.", "uncertain", "day-month-order"),
    ("계약은 2024년 6월 5일 체결됐다.", "match", "equal"),
    ("계약은 2024년 7월 6일 체결됐다.", "conflict", "different-date"),
])
def test_comparator_reads_an_ambiguous_date_both_ways(ko: str, verdict: str, reason: str) -> None:
    report = factcheck.check_segments([("x", [factcheck.Source(ko, id="ko", lang="ko"),
                                              factcheck.Source("The deal was signed 6/5/2024.", id="en", lang="en")])])
    findings = [f for f in report.to_dict()["findings"] if f["kind"] == "date"]
    assert [(f["verdict"], f["reason"]) for f in findings] == [(verdict, reason)]


@pytest.mark.parametrize(("text", "lang", "ref", "span", "start", "end"), [
    ("추석", "ko", "2023-07-20", "추석", "2023-09-29", "2023-09-29"),
    ("2024년 추석", "ko", "2023-07-20", "2024년 추석", "2024-09-17", "2024-09-17"),
    ("지난 추석", "ko", "2023-07-20", "지난 추석", "2022-09-10", "2022-09-10"),
    ("지난 추석", "ko", "2023-10-05", "지난 추석", "2023-09-29", "2023-09-29"),
    ("오는 추석", "ko", "2023-10-05", "오는 추석", "2024-09-17", "2024-09-17"),
    ("내년 설 연휴", "ko", "2023-07-20", "내년 설 연휴", "2024-02-09", "2024-02-11"),
    ("next Lunar New Year", "en", "2023-07-20", "next Lunar New Year", "2024-02-10", "2024-02-10"),
    ("last Chuseok", "en", "2023-07-20", "last Chuseok", "2022-09-10", "2022-09-10"),
    ("the Chuseok holidays", "en", "2023-07-20", "the Chuseok holidays", "2023-09-28", "2023-09-30"),
])
def test_lunisolar_holidays(text: str, lang: str, ref: str, span: str, start: str, end: str) -> None:
    [(got, value)] = _dates(text, lang, ref)
    assert got == span
    assert (value["start"], value["end"]) == (start, end)


def test_lunisolar_holiday_needs_a_year() -> None:
    # without a reference date (or a year written) the day is unknown: no claim, no guess
    assert _dates("추석에 고향을 찾는다.", "ko", None) == []
    assert _dates("Chuseok 2024", "en", None)[0][1]["start"] == "2024-09-17"


def test_holiday_date_of_an_unknown_holiday_or_year() -> None:
    assert holiday_date("KR", "Chuseok", 2023) == _dt.date(2023, 9, 29)
    assert holiday_date("KR", "No Such Holiday", 2023) is None
    assert holiday_date("XX", "Chuseok", 2023) is None


@pytest.mark.parametrize(("ref", "start", "end"), [
    ("2023-07-20", "2023-12-16", "2024-01-15"),   # the coming 1 January is nearer
    ("2023-02-10", "2022-12-16", "2023-01-15"),   # the last one is nearer
    ("2023-12-31", "2023-12-16", "2024-01-15"),
])
def test_turn_of_the_year_is_around_the_nearest_new_year(ref: str, start: str, end: str) -> None:
    for text, lang in (("the turn of the year", "en"), ("연말연시", "ko")):
        [(_, value)] = _dates(text, lang, ref)
        assert (value["start"], value["end"]) == (start, end)
    assert _dates("the turn of the year", "en", None) == []


@pytest.mark.parametrize(("text", "lang", "start"), [
    ("the last day of February 2024", "en", "2024-02-29"),
    ("the last day of February", "en", "2023-02-28"),
    ("the first day of the year", "en", "2023-01-01"),
    ("2월 말일", "ko", "2023-02-28"),
    ("2024년 2월 마지막 날", "ko", "2024-02-29"),
    ("말일", "ko", "2023-07-31"),
])
def test_last_and_first_days(text: str, lang: str, start: str) -> None:
    [(span, value)] = _dates(text, lang)
    assert span == text
    assert value["start"] == value["end"] == start


@pytest.mark.parametrize(("text", "lang", "found"), [
    ("Thu", "en", True),
    ("Thu.", "en", True),
    ("May", "en", True),
    ("H2", "en", True),
    ("'24", "en", True),
    ("6/5", "en", True),
    ("6/5", "ko", True),
    ("24년", "ko", True),
    ("may", "en", False),        # a verb
    ("sat", "en", False),
    ("3/4", "en", False),        # a fraction
    ("1/10", "ko", False),
    ("Thu is late", "en", False),     # a weak word needs its context inside a text
    ("They said Thu.", "en", False),
    ("24년 만에", "ko", False),
])
def test_words_read_alone_only_as_the_whole_text(text: str, lang: str, found: bool) -> None:
    assert bool(_dates(text, lang)) is found


@pytest.mark.parametrize(("text", "lang"), [
    ("Prices may 5 times exceed the cap.", "en"),
    ("They will march 5 miles.", "en"),
    ("He sat 3 rows back.", "en"),
    ("매달 마지막 금요일은 쉰다.", "ko"),      # the nth weekday of every month: no value says it
    ("매월 둘째 주 화요일에 모인다.", "ko"),
    ("The board meets on the first Monday of every month.", "en"),
    ("Rent is due on the 19th of each month.", "en"),
])
def test_near_misses_and_recurrences_give_no_date(text: str, lang: str) -> None:
    assert _dates(text, lang) == []


@pytest.mark.parametrize(("text", "lang", "span", "weekday"), [
    ("We meet every Monday.", "en", "every Monday", "monday"),
    ("매주 화요일 회의를 한다.", "ko", "매주 화요일", "tuesday"),
])
def test_a_recurring_weekday_is_a_recurrence_never_a_date(text: str, lang: str, span: str, weekday: str) -> None:
    # a recurrence is a claim of its own (`every`), never resolved to one of its days
    [(found, value)] = _dates(text, lang)
    assert (found, value["every"], value["weekday"], value["start"], value["end"]) == (span, "P1W", weekday, None, None)


@pytest.mark.parametrize(("text", "lang", "month", "day"), [
    ("the last day of June", "en", 6, 30),
    ("the first day of March", "en", 3, 1),
    ("6월 말일", "ko", 6, 30),
    ("8월 첫날", "ko", 8, 1),
    ("the day after Christmas", "en", 12, 26),
    ("성탄절 전날", "ko", 12, 24),
])
def test_edges_without_a_reference_date_stay_partial(text: str, lang: str, month: int, day: int) -> None:
    [(span, value)] = _dates(text, lang, None)
    assert span == text
    assert (value["start"], value["month"], value["day"], value["grain"]) == (None, month, day, "day")


@pytest.mark.parametrize(("text", "lang"), [
    ("the last day of February", "en"),       # 28 or 29: the year is needed
    ("2월 말일", "ko"),
    ("the day after New Year's Eve", "en"),   # the next month, of a year not known
    ("the last day of next month", "en"),
])
def test_edges_that_need_the_year_give_no_partial_claim(text: str, lang: str) -> None:
    assert _dates(text, lang, None) == []
