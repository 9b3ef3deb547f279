"""Times of day, offsets from the reference moment, open ranges, recurrences, impossible dates
and anchored days (issue 16): what the corpus rows cannot show (a reference given with a time
of day, no reference at all, the comparator's reading of the new fields)."""

from __future__ import annotations

import datetime as _dt

import pytest

import factcheck
from factcheck.compare.relation.dates import date_bucket, date_relation
from factcheck.values import DateValue


def _date(text: str, lang: str, ref: object, span: str | None = None) -> dict[str, object]:
    claims = [c for c in factcheck.extract(text, lang=lang, reference_date=ref) if c.kind == "date"]
    if span is not None:
        claims = [c for c in claims if c.text == span]
    assert len(claims) == 1, [(c.text, c.value.to_dict()) for c in claims]
    return claims[0].value.to_dict()


# ------------------------------------------------------------------ offsets from the reference moment
@pytest.mark.parametrize(("text", "lang", "start", "grain"), [
    ("3 hours ago", "en", "2023-07-20T12:12:00", "minute"),
    ("in half an hour", "en", "2023-07-20T15:42:00", "minute"),
    ("in 90 minutes", "en", "2023-07-20T16:42:00", "minute"),
    ("two and a half hours ago", "en", "2023-07-20T12:42:00", "minute"),
    ("just now", "en", "2023-07-20T15:12:00", "minute"),
    ("36 hours ago", "en", "2023-07-19T03:12:00", "minute"),
    ("3시간 전", "ko", "2023-07-20T12:12:00+09:00", "minute"),
    ("10분 후", "ko", "2023-07-20T15:22:00+09:00", "minute"),
    ("방금", "ko", "2023-07-20T15:12:00+09:00", "minute"),
])
def test_offset_from_a_reference_with_a_time_of_day(text: str, lang: str, start: str, grain: str) -> None:
    v = _date(text, lang, "2023-07-20T15:12:00")
    assert (v["start"], v["end"], v["grain"]) == (start, start, grain)


def test_offset_counts_whole_days_from_a_reference_date_alone() -> None:
    # no time of day: less than a day stays on the reference day, more moves by whole days
    assert _date("3 hours ago", "en", "2023-07-20")["start"] == "2023-07-20"
    assert _date("36 hours ago", "en", "2023-07-20")["start"] == "2023-07-19"
    assert _date("in 48 hours", "en", "2023-07-20")["start"] == "2023-07-22"


def test_span_of_minutes_from_the_reference_moment() -> None:
    v = _date("I'll be back within 5 minutes", "en", "2023-07-20T10:00:00", "within 5 minutes")
    assert (v["start"], v["end"]) == ("2023-07-20T10:00:00", "2023-07-20T10:05:00")
    v = _date("지난 5분 동안 무엇이 있었나", "ko", "2023-07-20T10:00:00", "지난 5분")
    assert (v["start"], v["end"]) == ("2023-07-20T09:55:00+09:00", "2023-07-20T10:00:00+09:00")


def test_offset_without_reference_stays_partial() -> None:
    v = _date("3 hours ago", "en", None)
    assert v["start"] is None and v["relative"] == {"unit": "minute", "offset": -180}


def test_a_reference_date_alone_keeps_day_values_unchanged() -> None:
    # a reference given as a date: times of day and days are as before
    assert _date("Friday at 3:30 p.m.", "en", _dt.date(2023, 7, 20))["start"] == "2023-07-14T15:30:00"
    assert _date("Friday at 3:30 p.m.", "en", _dt.datetime(2023, 7, 20, 9, 0))["start"] == "2023-07-14T15:30:00"


# ------------------------------------------------------------------ times of day
@pytest.mark.parametrize(("text", "lang", "start", "end"), [
    ("this evening", "en", "2023-07-20T16:00:00", "2023-07-20T20:00:00"),
    ("late this morning", "en", "2023-07-20T10:00:00", "2023-07-20T12:00:00"),
    ("tomorrow night", "en", "2023-07-21T20:00:00", "2023-07-21T23:59:00"),
    ("오늘 저녁", "ko", "2023-07-20T16:00:00+09:00", "2023-07-20T20:00:00+09:00"),
    ("from 5 to 6pm", "en", "2023-07-20T17:00:00", "2023-07-20T18:00:00"),
    ("10 to 2pm", "en", "2023-07-20T10:00:00", "2023-07-20T14:00:00"),
    ("Monday 12-4", "en", "2023-07-17T12:00:00", "2023-07-17T16:00:00"),
    ("from 3 in the morning until 5pm", "en", "2023-07-20T03:00:00", "2023-07-20T17:00:00"),
    ("월요일 11시에서 4시까지", "ko", "2023-07-17T11:00:00+09:00", "2023-07-17T16:00:00+09:00"),
    ("from 9 for 2.5 hrs", "en", "2023-07-20T09:00:00", "2023-07-20T11:30:00"),
])
def test_times_of_day_and_their_spans(text: str, lang: str, start: str, end: str) -> None:
    v = _date(text, lang, "2023-07-20")
    assert (v["start"], v["end"]) == (start, end)


@pytest.mark.parametrize(("text", "hour"), [
    ("half past seven", 7), ("twenty to six", 5), ("7 in the evening", 19), ("저녁 7시", 19),
    ("밤 11시", 23), ("밤 1시", 1), ("tonight at 8", 20),
])
def test_the_part_of_the_day_settles_the_hour(text: str, hour: int) -> None:
    lang = "ko" if any("\uac00" <= ch <= "\ud7a3" for ch in text) else "en"
    start = str(_date(text, lang, "2023-07-20")["start"])
    assert int(start[11:13]) == hour


def test_an_hour_in_a_part_of_the_day_is_a_time_like_any_other() -> None:
    # without a reference date, 저녁 9시 25분 is 21:25 as written, like "9:25 p.m." (no day of its
    # own), so the two compare as the same time; "in the morning" alone is the reference day's
    ko = _date("저녁 9시 25분", "ko", None)
    assert (ko["hour"], ko["minute"], ko.get("relative")) == (21, 25, None)
    assert _date("in the morning", "en", None)["relative"] == {"unit": "day", "offset": 0}
    a = [c.value for c in factcheck.extract("새벽 1시 20분", lang="ko") if c.kind == "date"][0]
    b = [c.value for c in factcheck.extract("1:20 a.m.", lang="en") if c.kind == "date"][0]
    assert date_relation(a, b).outcome in ("equal", "compatible")


@pytest.mark.parametrize("text", [
    "There are two to four people in the room.", "He ran 5 km in 20 minutes.", "It weighed in at 2.28 kilograms.",
    "The talks last two hours.", "They stayed up all night.", "Shares rose 10 to 20 percent.",
])
def test_no_time_of_day_in_amounts(text: str) -> None:
    assert not [c for c in factcheck.extract(text, lang="en", reference_date="2023-07-20") if c.kind == "date"]


# ------------------------------------------------------------------ open ranges
def test_open_ranges_keep_the_anchor_and_open_one_side() -> None:
    v = _date("since March", "en", "2023-07-20")
    assert (v["start"], v["end"], v["open"], v["grain"]) == ("2023-03-01", "9999-12-31", "after", "month")
    v = _date("after 2018", "en", "2023-07-20")
    assert (v["start"], v["open"]) == ("2019-01-01", "after")
    v = _date("before 4pm", "en", "2023-07-20")
    assert (v["end"], v["open"]) == ("2023-07-20T16:00:00", "before")
    v = _date("3월 이후", "ko", "2023-07-20")  # 이후 takes March in
    assert (v["start"], v["open"]) == ("2023-03-01", "after")
    v = _date("3월 이후", "ko", None)
    assert (v["start"], v["month"], v["open"]) == (None, 3, "after")


def test_open_ranges_compare_by_their_bounds() -> None:
    since = DateValue(grain="year", start=_dt.date(2019, 1, 1), end=_dt.date.max, open="after")
    same = DateValue(grain="year", start=_dt.date(2019, 1, 1), end=_dt.date.max, open="after")
    next_year = DateValue(grain="year", start=_dt.date(2020, 1, 1), end=_dt.date.max, open="after")
    far = DateValue(grain="year", start=_dt.date(2022, 1, 1), end=_dt.date.max, open="after")
    assert date_relation(since, same).outcome == "equal"
    assert date_relation(since, next_year).outcome == "uncertain"  # "after 2018" / "since 2019"
    assert date_relation(since, far).outcome == "different"
    inside = DateValue(grain="year", start=_dt.date(2020, 1, 1), end=_dt.date(2020, 12, 31))
    before = DateValue(grain="year", start=_dt.date(2010, 1, 1), end=_dt.date(2010, 12, 31))
    assert date_relation(since, inside).matches
    assert date_relation(since, before).outcome == "different"
    # the year it opens from, written alone on the other side ("since 1965" / 1965년): no
    # "period of several years" (its far end is not written), so compatible
    bound = DateValue(grain="year", start=_dt.date(2019, 1, 1), end=_dt.date(2019, 12, 31))
    assert date_relation(since, bound).matches and date_relation(bound, since).matches


# ------------------------------------------------------------------ recurrences
def test_recurrences_are_never_resolved() -> None:
    v = _date("every Monday", "en", "2023-07-20")
    assert (v["start"], v["weekday"], v["every"]) == (None, "monday", "P1W")
    v = _date("매일 오후 3시", "ko", "2023-07-20")
    assert (v["start"], v["hour"], v["every"]) == (None, 15, "P1D")
    assert _date("every other Friday", "en", "2023-07-20")["every"] == "P2W"
    assert _date("격주", "ko", "2023-07-20")["every"] == "P2W"


def test_a_recurrence_meets_only_recurrences() -> None:
    monday = DateValue(grain="day", weekday="monday", every="P1W")
    day = DateValue(grain="day", start=_dt.date(2023, 7, 17), end=_dt.date(2023, 7, 17))
    assert date_bucket(monday) != date_bucket(day)
    assert date_relation(monday, day).outcome == "unrelated"


# ------------------------------------------------------------------ impossible dates
@pytest.mark.parametrize(("text", "lang"), [
    ("May 32", "en"), ("the 36th of December", "en"), ("2023-02-29", "en"), ("2월 30일", "ko"),
    ("지난달 31일", "ko"), ("the fifth Sunday of June", "en"),
])
def test_impossible_dates_are_marked_not_dropped(text: str, lang: str) -> None:
    v = _date(text, lang, "2023-07-20")
    assert v["invalid"] is True and v["start"] is None and v["end"] is None


def test_a_real_date_is_not_marked() -> None:
    assert "invalid" not in _date("February 28", "en", "2023-07-20")


# ------------------------------------------------------------------ days counted from an event
def test_the_next_day_is_read_from_the_reference_and_marked() -> None:
    v = _date("He died the next day.", "en", "2023-07-20")
    assert (v["start"], v["anchor"]) == ("2023-07-21", "event")
    v = _date("그는 다음 날 숨졌다.", "ko", "2023-07-20")
    assert (v["start"], v["anchor"]) == ("2023-07-21", "event")


def test_an_anchored_day_never_conflicts() -> None:
    anchored = DateValue(grain="day", start=_dt.date(2023, 7, 21), end=_dt.date(2023, 7, 21), anchor="event")
    other = DateValue(grain="day", start=_dt.date(2023, 7, 9), end=_dt.date(2023, 7, 9))
    assert date_relation(anchored, other).outcome == "uncertain"


# ------------------------------------------------------------------ a day and how long it lasts
@pytest.mark.parametrize(("text", "start", "end"), [
    ("내일부터 3주간", "2023-07-21", "2023-08-10"),
    ("2023년 1월 31일부터 1개월간", "2023-01-31", "2023-02-28"),  # no February 31: to its last day
    ("2023년 3월 15일부터 1개월간", "2023-03-15", "2023-04-14"),
    ("오늘부터 하루 동안", "2023-07-20", "2023-07-20"),
])
def test_a_day_and_how_long_it_lasts(text: str, start: str, end: str) -> None:
    v = _date(text, "ko", "2023-07-20")
    assert (v["start"], v["end"]) == (start, end)


# ------------------------------------------------------------------ counts that look like days
@pytest.mark.parametrize("text", ["근무일수 13일", "13일 연속 올랐다.", "총 13일의 파업"])
def test_counts_of_days_are_no_dates(text: str) -> None:
    assert not [c for c in factcheck.extract(text, lang="ko", reference_date="2023-07-20") if c.kind == "date"]


def test_the_contract_fields_render_only_when_set() -> None:
    plain = DateValue(grain="day", start=_dt.date(2023, 7, 20), end=_dt.date(2023, 7, 20)).to_dict()
    assert not {"open", "every", "invalid", "anchor"} & plain.keys()
    marked = DateValue(grain="day", month=2, day=30, invalid=True).to_dict()
    assert marked["invalid"] is True and marked["start"] is None
