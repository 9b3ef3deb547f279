"""Dates: the locale examples, reference-date handling, roles, resolve/unify and the registry hook."""

from __future__ import annotations

import ast
import dataclasses
import datetime as _dt
import os
import pathlib
import subprocess
import sys
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.dates import compatible, resolve, unify
from factcheck.rules.dates import DateLocale, load_date_locale, make_date_extractor, parse_date, published_date
from factcheck.rules.dates.extract import claims as date_claims
from factcheck.rules.registry import default_registry
from factcheck.values import DateValue

REF = _dt.date(2023, 7, 20)  # a Thursday


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_locale_examples_parse(lang: str) -> None:
    examples = load_date_locale(lang).examples
    assert examples
    for ex in examples:
        v = parse_date(ex["text"], lang, REF)
        assert v is not None, ex["text"]
        d = v.to_dict()
        assert (d["start"], d["end"], d["grain"]) == (ex["start"], ex["end"], ex["grain"]), ex["text"]


def test_import_does_not_import_dateparser() -> None:
    code = "import sys, factcheck; factcheck.extract('2023년 7월 20일 하반기', lang='ko'); print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_published_header_is_the_reference_date() -> None:
    text = "제목 새 소식\n등록 2023/07/20 (목)\n\n시는 20일 새 정책을 내놓았다.\n"
    assert published_date(text, "ko") == REF
    claims = [c for c in factcheck.extract(text, lang="ko") if c.kind == "date"]
    assert [c.role for c in claims] == ["published", None]
    assert claims[1].value.to_dict()["start"] == "2023-07-20"


def test_given_reference_date_wins_over_the_header() -> None:
    text = "Published: July 21, 2023\n\nThe agency said Friday it would act."
    claims = factcheck.extract(text, lang="en", reference_date="2023-07-28")
    friday = [c for c in claims if c.text == "Friday"][0]
    assert friday.value.to_dict()["start"] == "2023-07-28"
    assert friday.role == "statement"


def test_auto_reads_the_header_of_the_first_run_for_the_whole_text() -> None:
    text = "등록 2023/07/20 (목)\n\n시는 20일 협약을 맺었다.\n\nThe city signed the pact on July 20th.\n"
    dates = [c for c in factcheck.extract(text) if c.kind == "date"]
    assert [(c.lang, c.value.to_dict()["start"]) for c in dates] == [
        ("ko", "2023-07-20"), ("ko", "2023-07-20"), ("en", "2023-07-20")]


def test_no_clock_is_read_without_a_reference() -> None:
    v = factcheck.extract("어제 발표했다", lang="ko")[0].value
    assert v.to_dict()["start"] is None and v.relative == ("day", -1)


@pytest.mark.parametrize(("weekday", "expected"), [("past", "2023-07-14"), ("future", "2023-07-21"), ("nearest", "2023-07-21")])
def test_weekday_preference_is_configurable(weekday: str, expected: str) -> None:
    registry = default_registry().with_rule("en", "date", make_date_extractor(weekday=weekday))
    claims = factcheck.extract("The vote is on Friday.", lang="en", reference_date=REF, registry=registry)
    assert claims[0].value.to_dict()["start"] == expected


def test_bad_weekday_preference() -> None:
    with pytest.raises(ValueError):
        make_date_extractor(weekday="soon")


def test_weekday_mismatch_is_reported() -> None:
    c = factcheck.extract("행사는 2023년 7월 21일(목) 열린다.", lang="ko")[0]
    d = c.value.to_dict()
    assert d["start"] == "2023-07-21" and d["weekday"] == "thursday" and d["weekday_mismatch"] is True


def test_partial_value_contract_shape() -> None:
    d = factcheck.extract("Kim visited the plant Thursday.", lang="en")[0].value.to_dict()
    assert d == {"start": None, "end": None, "grain": "day", "year": None, "month": None, "day": None,
                 "weekday": "thursday"}


def test_resolve_partial_later() -> None:
    v = factcheck.extract("지난 4월 계약", lang="ko")[0].value
    assert isinstance(v, DateValue) and not v.resolved
    r = resolve(v, REF)
    assert (r.start, r.end, r.grain) == (_dt.date(2023, 4, 1), _dt.date(2023, 4, 30), "month")
    # and in April itself, "지난 4월" is last year's April
    assert resolve(v, _dt.date(2023, 4, 15)).start == _dt.date(2022, 4, 1)


def test_unify_thursday_with_the_20th() -> None:
    twentieth = resolve(DateValue(grain="day", day=20), REF)
    thursday = DateValue(grain="day", weekday="thursday")
    friday = DateValue(grain="day", weekday="friday")
    assert compatible(twentieth, thursday) and not compatible(twentieth, friday)
    u = unify(thursday, twentieth)
    assert u is not None and u.start == REF and u.weekday == "thursday"


def test_unify_partials() -> None:
    assert unify(DateValue(grain="day", day=31), DateValue(grain="month", month=4)) is None
    assert unify(DateValue(grain="day", month=2, day=29), DateValue(grain="year", year=2023)) is None
    assert compatible(DateValue(grain="day", month=2, day=29), DateValue(grain="year", year=2024))
    assert compatible(DateValue(grain="month", month=8), DateValue(grain="half", half=2))
    assert not compatible(DateValue(grain="month", month=3), DateValue(grain="half", half=2))
    assert not compatible(DateValue(grain="day", year=2023, month=7, day=20, weekday="friday"),
                          DateValue(grain="day", day=20))


def test_unify_resolved_intervals() -> None:
    july = DateValue(grain="month", start=_dt.date(2023, 7, 1), end=_dt.date(2023, 7, 31))
    day = DateValue(grain="day", start=REF, end=REF)
    u = unify(july, day)
    assert u is not None and (u.start, u.end, u.grain) == (REF, REF, "day")
    assert unify(day, DateValue(grain="day", start=REF + _dt.timedelta(days=1), end=REF + _dt.timedelta(days=1))) is None


def test_korean_times_carry_korea_standard_time() -> None:
    d = factcheck.extract("오후 3시 브리핑", lang="ko", reference_date=REF)[0].value.to_dict()
    assert d["start"] == "2023-07-20T15:00:00+09:00"
    d = factcheck.extract("The briefing is at 3 p.m.", lang="en", reference_date=REF)[0].value.to_dict()
    assert d["start"] == "2023-07-20T15:00:00"


def test_dates_win_over_numbers() -> None:
    claims = factcheck.extract("The fair runs July 20-22 and sold 1,500 tickets.", lang="en", reference_date=REF)
    assert [(c.kind, c.text) for c in claims] == [("date", "July 20-22"), ("number", "1,500")]


@pytest.mark.parametrize("lang", ["ko", "en"])
@given(text=st.text(alphabet=st.sampled_from(list("the next weeklast Fri SundayMay 지난주다음달이번 올해 수요일 İ.,1 ")), max_size=60))
def test_trigger_regex_finds_the_same_words_as_the_word_scan(lang: str, text: str) -> None:
    """The one-pass trigger regex is an optimisation: it must find exactly what looking up
    every word finds."""
    import dataclasses

    from factcheck.rules.dates.atoms import word_starts
    from factcheck.rules.dates.locale import load_date_locale

    dl = load_date_locale(lang)
    assert dl.trigger_re is not None
    assert word_starts(text, dl) == word_starts(text, dataclasses.replace(dl, trigger_re=None))


@pytest.mark.parametrize(("text", "found"), [
    ("It closed the Week 3 review.", True),
    ("In The Third Week of July, prices fell.", True),
    ("He left a week ago.", True),
    ("The plant and the office reopened.", False),
])
def test_lead_words_trigger_only_before_a_date_word(text: str, found: bool) -> None:
    """"the" and "a" start atoms only when a digit or a date word follows (an optimisation that
    must not lose "The Third Week" in title case, in either scan)."""
    import dataclasses

    from factcheck.rules.dates.atoms import word_starts
    from factcheck.rules.dates.locale import load_date_locale

    dl = load_date_locale("en")
    for d in (dl, dataclasses.replace(dl, trigger_re=None)):
        starts = word_starts(text, d)
        lead = [p for p in starts if text[p:p + 4].lower() in ("the ", "a we")]
        assert bool(lead) == found


def _with_vocab(dl: DateLocale, **tables: dict[str, object]) -> DateLocale:
    """``dl`` with some vocabulary tables replaced (the atoms' patterns stay as compiled)."""
    vocab = {**dl.vocab, **{name: MappingProxyType(words) for name, words in tables.items()}}
    return dataclasses.replace(dl, vocab=MappingProxyType(vocab))


def _span(dl: DateLocale, text: str) -> tuple[str, str]:
    [claim] = [c for c in date_claims(text, dl, REF, "past") if (c.start, c.end) == (0, len(text))]
    d = claim.value.to_dict()
    return d["start"], d["end"]


def test_sub_period_words_are_the_locales_vocabulary() -> None:
    """Which end of a period "first/last n units of" counts from and the unit it counts are
    read from [vocab.sub_side] and [vocab.sub_unit], not compared with English words in the
    code: changing the vocabulary changes the reading."""
    dl = load_date_locale("en")
    text = "first 2 weeks of 2021"
    assert _span(dl, text) == ("2021-01-04", "2021-01-17")
    assert _span(dl, "final 2 weeks of 2021") == ("2021-12-20", "2022-01-02")  # weeks by their Thursday
    assert _span(_with_vocab(dl, sub_side={"first": "last", "last": "first", "final": "last"}), text) == (
        "2021-12-20", "2022-01-02")
    assert _span(_with_vocab(dl, sub_unit={"days": "day", "weeks": "day", "months": "month"}), text) == (
        "2021-01-01", "2021-01-02")


def test_span_words_are_the_locales_vocabulary() -> None:
    """Whether "within/for n days from" ends on the day shifted or the day before is
    [vocab.span_to], not the English word "for" in the code."""
    dl = load_date_locale("en")
    assert _span(dl, "for 3 days from today") == ("2023-07-20", "2023-07-22")
    assert _span(dl, "within 3 days from today") == ("2023-07-20", "2023-07-23")
    swapped = _with_vocab(dl, span_to={"within": "before", "lessthan": "on", "for": "on"})
    assert _span(swapped, "for 3 days from today") == ("2023-07-20", "2023-07-23")
    assert _span(swapped, "within 3 days from today") == ("2023-07-20", "2023-07-22")


def _code_strings(path: pathlib.Path) -> set[str]:
    """The string literals of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return {n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs}


def test_date_code_holds_no_korean_words_and_reads_no_process_locale() -> None:
    """The words of a language live in factcheck/locales/dates/, not in the date code
    (docstrings and comments aside), and nothing depends on the process locale."""
    root = pathlib.Path(factcheck.__file__).parent
    files = sorted((root / "rules" / "dates").glob("*.py")) + [root / "dates.py"]
    assert len(files) > 2
    for path in files:
        hangul = sorted(s for s in _code_strings(path) if any("\uac00" <= ch <= "\ud7a3" for ch in s))
        assert not hangul, (path.name, hangul)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert "locale" not in imported, path.name
        called = {n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)}
        assert not called & {"strftime", "setlocale", "getlocale"}, path.name


_DATEPARSER_HEADERS = """
from factcheck.rules.dates import load_date_locale
from factcheck.rules.dates.extract import claims
dl = load_date_locale("en")
# (values our own atoms do not read: "THU, 21 JUL 2023 01:00" now is, so the zone test is
# written without spaces in the date)
for value in ("21Jul2023", "THU 21JUL2023 01:00 KST", "21 07 2023 23:30 -1000"):
    [c] = claims("Title\\nPublished: " + value + "\\n\\nBody", dl, None, "past", header_only=True)
    print(c.rule, c.value.start)
"""


@pytest.mark.parametrize("tz", ["Bogus/Zone", "Asia/Seoul", "America/New_York", "UTC"])
def test_header_read_by_dateparser_does_not_depend_on_the_process_time_zone(tz: str) -> None:
    """A header value only dateparser reads gives the day written whatever the process's TZ
    (an unknown zone made dateparser fail on values without a zone), and a value with a zone
    keeps its own wall clock (01:00 KST is still the 21st)."""
    env = {**os.environ, "TZ": tz}
    out = subprocess.run([sys.executable, "-c", _DATEPARSER_HEADERS],
                         capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:3] == ["en.date.dateparser 2023-07-21"] * 3
