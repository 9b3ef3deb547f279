"""Every sentence the comparator says, in one place: the notes of relations, the messages of
findings, and the way values, dates and weekdays are written in them.

Reports are written in English whatever the languages of the sources and whatever the locale
of the process: weekday names come from a fixed table, never from ``strftime``. The other
modules of :mod:`factcheck.compare` call these functions with values and never build a
sentence themselves.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from types import MappingProxyType

from factcheck.values import DateValue, Money, Name, Number, Percent, Quantity, Value, dec_str, group_digits

__all__ = [
    "AMONG_SEVERAL", "APPROXIMATE_BOUNDS", "BOUNDS_DIFFER", "BOUND_AND_FIGURE", "BOUND_AND_RANGE", "CITY_AND_COUNTRY",
    "CURRENCY_UNSTATED_ONE_SIDE", "DATELINE", "DIFFERENT_ENTITIES", "DISPLACED", "FALL_AGAINST_RISE",
    "FALL_WORD_AND_SIGN",
    "GIVEN_NAME_DIFFERS", "JUDGED", "MONTHS", "NAMES_UNLINKED", "OPPOSITE_BOUNDS", "PAIRED_BY_PLACE",
    "PERCENT_VS_POINTS", "PERIODS_OVERLAP", "RANGES_OVERLAP", "SAME_RELATIVE_ONE_UNDATED", "SURNAME_DIFFERS",
    "TOO_UNLIKE", "WEAK_SMALL", "WEEKDAYS", "WORLD_PLACES_DIFFER", "approximate", "bare_dollar", "conflict",
    "converted_at", "currency_unstated", "day_month_order", "found_in", "impossible_date", "inside_range",
    "loose_units", "name_spellings", "named_elsewhere", "needs_reference_date", "not_a_currency_code",
    "not_converted", "one_line",
    "only_in", "other_end_differs", "outside_range", "partial_fits", "periods_differ", "published_days",
    "published_in", "published_only_in", "quote", "range_edge", "range_ends_apart", "range_ends_differ",
    "rate_not_a_number", "rate_not_positive", "rates_wrong_type", "restated", "rounds_to",
    "same_day_as_written", "same_day_undated", "same_name_two_kinds", "same_place", "show", "show_date",
    "show_dec", "statement_fits", "statement_not_published", "statement_shown", "statement_unchecked",
    "surname_spellings", "twelve_hour_clock", "uncertain", "uncertain_judged", "unit_converted",
    "unit_left_out", "unit_left_out_uncomparable", "unreadable_rate", "value_where", "weekday_mismatch",
    "weekday_name", "weekday_word", "year_as_number", "year_inside",
]

#: the days of the week as reports write them, Monday first (``date.weekday()`` order)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: the months as reports write them, January first
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

#: what a conflict says, by the reason of its relation
_REASON_WORDS = MappingProxyType({
    "different-value": "the figures differ",
    "different-amount": "the amounts differ",
    "different-date": "the dates differ",
    "different-name": "the names differ",
    "different-range": "the ranges differ",
    "different-period": "the periods differ",
    "range-end": "the other end of the range differs",
    "outside-range": "the figure lies outside the range",
    "different-entity": "they name different entities",
    "percent-vs-points": "percent and percentage points are different units",
    "different-direction": "a fall against a rise",
})
_OTHER_REASON = "they differ"

_PERCENT_UNITS = MappingProxyType({"percent": "%", "percentage_point": " percentage points"})


# ============================================================================ writing values
def weekday_name(day: _dt.date) -> str:
    """The English name of the day of the week of ``day`` ("Friday"), in every process locale."""
    return WEEKDAYS[day.weekday()]


def weekday_word(key: str) -> str:
    """A weekday of a date value (its key, ``"friday"``) as a report writes it: "Friday"."""
    return key.capitalize()


def one_line(s: str) -> str:
    """A text on one line: runs of white space as one space."""
    return re.sub(r"\s+", " ", s).strip()


def show_dec(d: Decimal) -> str:
    """A figure with grouped digits and its decimals as they are: 15,700,000 / 3.5."""
    s = dec_str(d)
    whole, dot, frac = s.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    return f"{sign}{group_digits(whole)}{dot}{frac}"


def show_date(v: DateValue, text: str = "") -> str:
    """A date value as a report writes it: 2024-05, 2024 H1, 2024 Q3, an ISO date or period,
    or the written text of a partial date that has no reference date."""
    if v.open is not None and v.start is not None and v.end is not None:  # since March / until Friday
        anchor = replace(v, open=None, start=v.start, end=v.start) if v.open == "after" else \
            replace(v, open=None, start=v.end, end=v.end)
        return ("from " + show_date(anchor) + " on") if v.open == "after" else ("up to " + show_date(anchor))
    if v.every is not None:
        return f"'{text}' (every {v.every})" if text else f"every {v.every}"
    if v.start is not None and v.end is not None:
        s, e = v.start, v.end
        if not isinstance(s, _dt.datetime) and not isinstance(e, _dt.datetime):
            whole_month = (s.day == 1 and (e == _dt.date.max or (e + _dt.timedelta(days=1)).day == 1)
                           and s.year == e.year)
            if whole_month and s.month == e.month:
                return f"{s.year}-{s.month:02d}"
            if whole_month and (s.month, e.month) == (1, 12):
                return str(s.year)
            if whole_month and e.month - s.month == 5 and s.month in (1, 7):
                return f"{s.year} H{1 if s.month == 1 else 2}"
            if whole_month and e.month - s.month == 2 and s.month in (1, 4, 7, 10):
                return f"{s.year} Q{(s.month + 2) // 3}"
        shown = s.isoformat() if s == e else f"{s.isoformat()}..{e.isoformat()}"
        return shown.replace("T", " ")
    return f"'{text}' (no reference date)" if text else "a partial date"


def _show_bounded(low: Decimal | None, high: Decimal | None, approx: bool, main: Decimal, unit: str) -> str:
    """A measured value with its bounds and approximation: "about 5-7 USD", "at least 3%"."""
    if low is not None and high is not None:
        s = f"{show_dec(low)}-{show_dec(high)}{unit}"
    elif low is not None:
        s = f"at least {show_dec(low)}{unit}"
    elif high is not None:
        s = f"up to {show_dec(high)}{unit}"
    else:
        s = f"{show_dec(main)}{unit}"
    return ("about " if approx else "") + s


def show(value: Value, text: str = "", *, direction: bool = False) -> str:
    """A value as a report writes it: "16,000,000 USD", "at least 3%", "2024-05-02", a name;
    with ``direction``, a figure said to be a fall or a rise: "a fall of 14.6%"."""
    if direction and isinstance(value, (Money, Number, Percent, Quantity)) and value.direction is not None:
        return f"{_DIRECTIONS.get(value.direction, value.direction)} {_show_plain(value, text)}"
    return _show_plain(value, text)


_DIRECTIONS = MappingProxyType({"down": "a fall of", "up": "a rise of"})


def _show_plain(value: Value, text: str) -> str:
    if isinstance(value, Money):
        return _show_bounded(value.low, value.high, value.approx, value.amount,
                             " " + (value.currency or "(currency unknown)"))
    if isinstance(value, Quantity):
        return _show_bounded(value.low, value.high, value.approx, value.value, " " + value.unit.replace("_", " "))
    if isinstance(value, Percent):
        return _show_bounded(value.low, value.high, value.approx, value.value, _PERCENT_UNITS.get(value.unit, ""))
    if isinstance(value, Number):
        return _show_bounded(value.low, value.high, value.approx, value.value, "")
    if isinstance(value, DateValue):
        return show_date(value, text)
    if isinstance(value, Name):
        return value.name
    return text


def quote(text: str, source: str) -> str:
    """A claim's text and its source: 'Friday' (news)."""
    return f"'{one_line(text)}' ({source})"


# ============================================================================ notes of relations
def approximate(shown: str) -> str:
    return f"{shown} is approximate"


def rounds_to(fine: Decimal, coarse: Decimal) -> str:
    return f"{show_dec(fine)} rounds to {show_dec(coarse)}"


FALL_AGAINST_RISE = "a fall against a rise"
FALL_WORD_AND_SIGN = "a fall stated by a word on one side and by a minus sign on the other"
BOUND_AND_FIGURE = "a bound on one side, the figure on the other"
RANGES_OVERLAP = "the ranges overlap"
BOUND_AND_RANGE = "a bound on one side, a range with that end on the other"
BOUNDS_DIFFER = "the bounds differ"
OPPOSITE_BOUNDS = "the same figure as a lower bound on one side and an upper bound on the other"


def range_ends_differ(which: Sequence[bool]) -> str:
    """Which ends of two ranges differ (lower, upper)."""
    if all(which):
        return "both ends differ"
    return "the lower ends differ" if which[0] else "the upper ends differ"


def _span(lo: Decimal, hi: Decimal) -> str:
    return f"{show_dec(lo)}-{show_dec(hi)}"


def range_edge(p: Decimal, lo: Decimal, hi: Decimal, lower: bool) -> str:
    return f"{show_dec(p)} is the {'lower' if lower else 'upper'} end of {_span(lo, hi)}"


def range_ends_apart(other: Decimal) -> str:
    return f"the other end, {show_dec(other)}, is written as a figure of its own"


def other_end_differs(other: Decimal, written: Decimal) -> str:
    return f"the other end of the range is {show_dec(other)}, the figure beside it {show_dec(written)}"


def inside_range(p: Decimal, lo: Decimal, hi: Decimal) -> str:
    return f"{show_dec(p)} lies inside {_span(lo, hi)}, not at an end"


def outside_range(p: Decimal, lo: Decimal, hi: Decimal) -> str:
    return f"{show_dec(p)} lies {'below' if p < lo else 'above'} {_span(lo, hi)}"
APPROXIMATE_BOUNDS = "approximate bounds"
PERCENT_VS_POINTS = "percent and percentage points are different units"
CURRENCY_UNSTATED_ONE_SIDE = "the currency is not stated on one side"


def currency_unstated(text: str) -> str:
    return f"the currency of {text} is not stated"


def bare_dollar(text: str, other: str) -> str:
    return f"the bare dollar of {text} was read as USD; the other side says {other}"


def not_converted(a: str, b: str, *, have_rates: bool) -> str:
    """Two currencies left unconverted: no rates at all, or none from ``b`` to ``a``."""
    why = f"no rate from {b} to {a}" if have_rates else "no exchange rates given"
    return f"{a} and {b} are not compared: {why}"


def converted_at(frm: str, rate: Decimal, to: str) -> str:
    """The rate a conversion used, to four decimals: converted at 1 USD = 1,300 KRW."""
    return f"converted at 1 {frm} = {show_dec(rate.quantize(Decimal('0.0001')).normalize())} {to}"


def loose_units(a: str, b: str) -> str:
    return f"'{a}' and '{b}' are often used for one another"


def unit_converted(a: str, b: str) -> str:
    return f"{a} converted to {b}"


def unit_left_out(kind: str) -> str:
    return f"the {kind} unit is left out on one side"


def unit_left_out_uncomparable(kind: str) -> str:
    return f"the {kind} unit is left out on one side, so the figures cannot be compared"


SAME_RELATIVE_ONE_UNDATED = "the same relative date; one side has no reference date"
OPEN_BOUND_OR_NEXT = "ranges open from neighbouring dates: one may count the date it opens from, the other not"
COUNTED_FROM_EVENT = "counted from an event told elsewhere, not from the date of the text"
PERIODS_OVERLAP = "the periods overlap"


def needs_reference_date(text: str) -> str:
    return f"'{text}' cannot be checked without the reference date of its source"


def twelve_hour_clock(a: str, b: str) -> str:
    return f"'{a}' and '{b}' may be the same time on a 12-hour and a 24-hour clock"


def day_month_order(a: str, b: str) -> str:
    return f"'{a}' and '{b}' may be the same day written day-first and month-first"


def same_day_as_written(a: str, b: str) -> str:
    return f"'{a}' and '{b}' name the same day as written"


def same_day_undated(a: str, b: str) -> str:
    return f"'{a}' and '{b}' can name the same day, but neither source has a reference date"


def _years(span: tuple[int, int]) -> str:
    return str(span[0]) if span[0] == span[1] else f"{span[0]}-{span[1]}"


def periods_differ(a: tuple[int, int], b: tuple[int, int]) -> str:
    return f"{_years(a)} against {_years(b)}"


def year_inside(year: int, span: tuple[int, int]) -> str:
    return f"{year} lies inside {_years(span)}, which is more than one year"


def year_as_number(text: str) -> str:
    return f"'{text}' is the year written as a plain number"


def partial_fits(text: str, date: DateValue) -> str:
    return f"'{text}' fits {show_date(date)}"


SURNAME_DIFFERS = "the surname differs"
GIVEN_NAME_DIFFERS = "the given name differs"
DIFFERENT_ENTITIES = "the gazetteer knows them as different entities"


def surname_spellings(a: str, b: str) -> str:
    return f"'{a}' and '{b}' may be two spellings of one surname"


TOO_UNLIKE = "they are too unlike to be one value written wrong"
AMONG_SEVERAL = "other values of the kind are left over there, and these two are not alike enough to be sure"
WEAK_SMALL = "a small number written as a word, or the number one, is as often no figure of the fact"
PAIRED_BY_PLACE = "another value there is just as close, so which stands for which is not certain"


def same_place(a: str, b: str, why: str) -> str:
    """Two values left over in the same place of aligned texts that differ, and why that is
    not called a conflict."""
    return f"{a} and {b} stand in the same place and differ, but {why}"


NAMES_UNLINKED = "they stand in the same place, but no glossary or gazetteer says whether they are one name"
WORLD_PLACES_DIFFER = ("they stand in the same place but name different places (the other side may write the "
                       "place as an adjective or by its capital)")


CITY_AND_COUNTRY = ("they stand in the same place, but one is a country and the other a city, which may be its "
                    "capital standing for it or a city in it")


DISPLACED = ("the other text names one of them once, and this text names that one elsewhere too: which mention "
             "it stands for is not certain")
DATELINE = "one of them is the dateline that opens the text, which a translation leaves out or moves"


def named_elsewhere(name: str) -> str:
    """Why two different names in one slot are not a conflict: the other text names one of
    them elsewhere, perhaps as an adjective or inside a word."""
    return one_line(f"the other text also names {name} (perhaps as an adjective or inside another word)")


def restated(first: str, second: str, source: str) -> str:
    """A value one source states twice, differently."""
    return f"{source} states {first} and, in another place, {second}: one of them may be written wrong"


def name_spellings(a: str, b: str) -> str:
    return f"'{a}' and '{b}' may be two spellings of one name"


def same_name_two_kinds(a: str, b: str) -> str:
    return f"the same name, read as {a} and {b}"


# ============================================================================ findings
def value_where(shown: str | None, places: Iterable[tuple[str, str]], *, undated: bool = False) -> str:
    """One value and where it is written: 16,000,000 USD ('1,600만불' in ko, '16 million USD' in
    en); ``shown`` None to give the written texts only (``undated``: a partial date without a
    reference date, said so)."""
    where = ", ".join(f"'{one_line(text)}' in {source}" for text, source in places)
    if shown is None:
        return f"{where} (no reference date)" if undated else where
    return f"{shown} ({where})"


def conflict(first: str, second: str, reason: str, note: str) -> str:
    """Two sides of a conflict (each from :func:`value_where`) and why they differ."""
    words = _REASON_WORDS.get(reason, _OTHER_REASON)
    msg = f"{first} against {second}: {words}"
    if note and note != words:
        msg += f" ({note})"
    return one_line(msg)


#: the reasons of uncertain findings whose note is a judgment of the two values, not the
#: reason they cannot be compared
JUDGED = frozenset({"same-place", "restated", "range-end", "inside-range", "names-unlinked", "opposite-bounds"})


def uncertain_judged(a: str, b: str, note: str) -> str:
    """Two quoted claims that stand for one another but may differ, and why they are not a
    conflict."""
    return one_line(f"{a} against {b}: {note}")


def uncertain(a: str, b: str, why: str) -> str:
    """Two quoted claims (:func:`quote`) that cannot be compared, and why."""
    return one_line(f"{a} and {b} cannot be compared: {why}")


def only_in(shown: str, written: Sequence[str], source: str, missing: Sequence[str]) -> str:
    """A fact of one source only: its value, the texts that write it otherwise, the others."""
    where = ", ".join(missing) if missing else "the other sources"
    texts = ", ".join(repr(t) for t in written)
    return one_line(f"{shown}{f' ({texts})' if texts else ''} only in {source}, not in {where}")


def found_in(shown: str, sources: Sequence[str], missing: Sequence[str], notes: Sequence[str]) -> str:
    """A fact of several sources: in all of them, or in some and not in the ``missing`` ones."""
    where = "all sources" if not missing else ", ".join(sources)
    msg = f"{shown} in {where}"
    if notes:
        msg += " (" + "; ".join(notes) + ")"
    if missing:
        msg += f"; not in {', '.join(missing)}"
    return one_line(msg)


def published_days(days: Iterable[tuple[str, _dt.date]]) -> str:
    """Publication dates of sources: ``en 2024-05-02 (Thursday), ko 2024-05-02 (Thursday)``."""
    return ", ".join(f"{source} {day.isoformat()} ({weekday_name(day)})" for source, day in days)


def statement_unchecked(text: str, source: str, pubs: str) -> str:
    return (f"statement date '{one_line(text)}' ({source}) cannot be checked against the "
            f"publication dates ({pubs}): its source has no reference date")


def statement_shown(v: DateValue, text: str) -> str:
    """A statement date as a conflict writes it: a resolved date, "a Friday", or its text."""
    if v.start is not None:
        return show_date(v)
    if v.weekday and v.day is None:
        return f"a {weekday_word(v.weekday)}"
    return "no reference date"  # the text is quoted already


def statement_not_published(text: str, source: str, shown: str, pubs: str) -> str:
    return (f"statement date '{one_line(text)}' ({source}: {shown}) is not the day the other "
            f"sources were published: {pubs}")


def statement_fits(text: str, source: str, fits: Sequence[str]) -> str:
    return f"statement date '{one_line(text)}' ({source}) fits the publication date of {', '.join(fits)}"


def published_in(day: str, sources: Sequence[str]) -> str:
    return f"published {day} in {', '.join(sources)}"


def published_only_in(day: str, sources: Sequence[str]) -> str:
    return f"publication date {day} stated in {', '.join(sources)} only"


def impossible_date(text: str, source: str, what: str, n: int, month: int | None, year: int | None) -> str:
    """A date whose written fields name no day ("May 32": May has no day 32)."""
    if what == "month":
        why = f"there is no month {n}"
    elif month is None:
        why = f"no month has a day {n}"
    elif year is not None:
        why = f"{MONTHS[month - 1]} {year} has no day {n}"
    else:
        why = f"{MONTHS[month - 1]} has no day {n}"
    return f"'{one_line(text)}' ({source}) is no date of the calendar: {why}"


def weekday_mismatch(text: str, source: str, day: _dt.date, written: str) -> str:
    """A date written with the wrong day of the week ("2024년 5월 2일(금)": a Thursday)."""
    return (f"'{one_line(text)}' ({source}): {day.isoformat()} was a {weekday_name(day)}, "
            f"not a {weekday_word(written)}")


# ============================================================================ errors
def rate_not_a_number(where: str, value: object) -> str:
    return f"{where}: {value!r} is not a number"


def rate_not_positive(where: str, value: object) -> str:
    return f"{where}: {value!r} is not a positive rate"


def not_a_currency_code(where: str, text: str) -> str:
    return f"{where}: {text!r} is not an ISO 4217 currency code"


def unreadable_rate(where: str, key: object) -> str:
    return f"{where}: cannot read the rate {key!r} (use 'USD/KRW' = 1300)"


def rates_wrong_type(type_name: str) -> str:
    return f"rates must be a Rates or a mapping, not {type_name} (read a rates file with factcheck.io.load_rates)"


# ============================================================================ verbatim facts
#: how reports name a verbatim fact of each kind (code blocks are told from inline code)
_VERBATIM_WORDS = MappingProxyType({"code": "code", "code-block": "code block", "url": "link target",
                                    "attribute": "attribute", "file": "file"})
_SNIPPET = 80


def snippet(text: str) -> str:
    """A verbatim fact quoted on one line, cut to a readable length."""
    s = one_line(text)
    return f"'{s if len(s) <= _SNIPPET else s[:_SNIPPET - 1] + '…'}'"


def verbatim_word(kind: str, block: bool = False) -> str:
    return _VERBATIM_WORDS.get("code-block" if kind == "code" and block else kind, kind)


def verbatim_same(word: str, text: str) -> str:
    """The same verbatim fact in every source: "code '--timeout 600' in all sources"."""
    return f"{word} {snippet(text)} in all sources"


def verbatim_localized(word: str, a: str, source_a: str, b: str, source_b: str) -> str:
    """Two link targets that differ only by the language of their sources."""
    return f"{word} {snippet(a)} ({source_a}) and {snippet(b)} ({source_b}): the same, in each source's language"


def verbatim_differs(word: str, a: str, source_a: str, b: str, source_b: str, line: int | None = None) -> str:
    """Two verbatim facts that differ: both snippets (for a code block, its first differing
    line) and the rule they break."""
    where = f"{word}, line {line}:" if line is not None else word
    return (f"{where} {snippet(a)} ({source_a}) against {snippet(b)} ({source_b}): "
            f"a translation keeps {word}s as they are")


def verbatim_only_in(word: str, text: str, source: str, missing: Sequence[str]) -> str:
    """A verbatim fact of some sources only."""
    where = ", ".join(missing) if missing else "the other sources"
    return f"{word} {snippet(text)} only in {source}, not in {where}"


def file_only_in(name: str, present: str, missing: str) -> str:
    """A file of one tree of a pair only."""
    return f"{name} is in {present} but not in {missing}"
