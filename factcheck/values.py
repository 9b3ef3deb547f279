"""Frozen value types: what a claim says, normalised so that sources can be compared.

Amounts are ``Decimal`` (never float). Each value knows its claim ``kind`` and renders the
``value`` object of the JSON contract with :meth:`to_dict`.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import functools
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from decimal import Context, Decimal
from typing import Any, ClassVar, ParamSpec, TypeVar

__all__ = ["DECIMAL_CONTEXT", "DateValue", "GRAINS", "Money", "Name", "Number", "Percent", "Quantity", "Value",
           "Verbatim", "dec_str", "decimal_context", "in_decimal_context"]

#: The decimal context of all of factcheck's arithmetic, whatever the caller's context is (a
#: caller's ``getcontext().prec = 6`` must not round an amount). Same settings as Python's
#: default context; never changed at run time.
DECIMAL_CONTEXT = Context(prec=28, rounding=decimal.ROUND_HALF_EVEN, Emin=-999999, Emax=999999, capitals=1,
                          clamp=0, flags=[], traps=[decimal.InvalidOperation, decimal.DivisionByZero,
                                                    decimal.Overflow])

_P = ParamSpec("_P")
_R = TypeVar("_R")


def decimal_context() -> AbstractContextManager[Context]:
    """``with decimal_context():`` runs a block in :data:`DECIMAL_CONTEXT` (thread-local)."""
    return decimal.localcontext(DECIMAL_CONTEXT)


def in_decimal_context(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorate a public function so that its arithmetic runs in :data:`DECIMAL_CONTEXT`."""

    @functools.wraps(fn)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with decimal.localcontext(DECIMAL_CONTEXT):
            return fn(*args, **kwargs)

    return wrapper


def dec_str(d: Decimal) -> str:
    """Render a Decimal exactly, without exponent or trailing zeros: 1.6E+7 -> '16000000'."""
    if d == 0:
        return "0"
    # normalize() rounds to the context's 28 digits: give it as many as the value has (exact)
    text = format(d.normalize(Context(prec=max(28, len(d.as_tuple().digits)))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def group_digits(digits: str) -> str:
    """``"23500000"`` -> ``"23,500,000"``, on the string: ``int()`` refuses over 4,300 digits."""
    head = len(digits) % 3 or 3
    return ",".join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


@dataclass(frozen=True, slots=True, kw_only=True)
class _Bounded:
    """Qualifiers shared by every measured value: bounds and approximation."""

    low: Decimal | None = None
    high: Decimal | None = None
    approx: bool = False
    # "down" or "up" when a word beside the figure says it is a fall or a rise ("dropped 14.6
    # percent", "14.6% 감소"); the figure stays as written. Not in to_dict (the JSON is unchanged)
    direction: str | None = None

    def _bounds(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.low is not None:
            out["low"] = dec_str(self.low)
        if self.high is not None:
            out["high"] = dec_str(self.high)
        if self.approx:
            out["approx"] = True
        return out


@dataclass(frozen=True, slots=True)
class Money(_Bounded):
    """An amount of money. ``currency`` is an ISO 4217 code or None when unknown.

    ``currency_assumed`` is True when the code was guessed from an ambiguous sign or word (a bare
    ``$`` or ``달러`` is read as USD), so a comparator can be uncertain rather than alarmed.
    ``currency_family`` names the family of currencies a name shared by several countries
    stands for when no country is said ("100 dinars": ``currency`` None, family "dinar"; "100
    kr": "krona/krone"); :func:`factcheck.locale.cldr.family_codes` lists a family's codes. An
    assumed code has the family of the code (a bare "$" is USD, assumed, of the dollar family:
    :func:`factcheck.locale.cldr.family_of`), so the field is left out there.
    ``alt_amount`` is the other reading of a figure whose separators the text does not settle
    ("KD 1.500": 1.5 with a decimal point, 1,500 with a grouping one); ``amount`` is the
    reading of the text's language.
    For ranges, ``amount`` is the lower figure and ``low``/``high`` hold both ends.
    """

    kind: ClassVar[str] = "money"
    amount: Decimal
    currency: str | None
    currency_assumed: bool = False
    currency_family: str | None = None
    alt_amount: Decimal | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"amount": dec_str(self.amount), "currency": self.currency}
        out.update(self._bounds())
        if self.currency_assumed:
            out["currency_assumed"] = True
        if self.currency_family is not None:
            out["currency_family"] = self.currency_family
        if self.alt_amount is not None:
            out["alt_amount"] = dec_str(self.alt_amount)
        return out


@dataclass(frozen=True, slots=True)
class Number(_Bounded):
    """A plain number. ``counter`` is the counting word that followed it, if any (명, 개).

    ``ordinal`` is True for a position or rank (8위, 세 번째, "the 13th"): ``value`` is the
    position. ``fraction`` is set for a fraction whose decimal does not end ("1/3": ``value``
    is then the quotient to 15 significant digits, ``fraction`` the exact value); a fraction
    that ends is a plain ``value`` ("½" is 0.5)."""

    kind: ClassVar[str] = "number"
    value: Decimal
    counter: str | None = None
    ordinal: bool = False
    fraction: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": dec_str(self.value)}
        out.update(self._bounds())
        if self.counter:
            out["counter"] = self.counter
        if self.ordinal:
            out["ordinal"] = True
        if self.fraction is not None:
            out["fraction"] = self.fraction
        return out


@dataclass(frozen=True, slots=True)
class Percent(_Bounded):
    """A percentage (``unit="percent"``, 3.5% -> value 3.5) or a difference in percentage
    points (``unit="percentage_point"``, 3.5%p). The two never compare equal."""

    kind: ClassVar[str] = "percent"
    value: Decimal
    unit: str = "percent"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": dec_str(self.value), "unit": self.unit}
        out.update(self._bounds())
        return out


@dataclass(frozen=True, slots=True)
class Quantity(_Bounded):
    """A measured quantity; ``unit`` is the pint unit name (``"kilometer"``, ``"pyeong"``)."""

    kind: ClassVar[str] = "quantity"
    value: Decimal
    unit: str

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": dec_str(self.value), "unit": self.unit}
        out.update(self._bounds())
        return out


#: The grains of a date claim, finest first.
GRAINS: tuple[str, ...] = ("minute", "hour", "day", "week", "month", "quarter", "half", "year")


def _iso(d: _dt.date) -> str:
    return d.isoformat(timespec="seconds") if isinstance(d, _dt.datetime) else d.isoformat()


@dataclass(frozen=True, slots=True, kw_only=True)
class DateValue:
    """A date, a period or a time of day (see docs/dates.md).

    *Resolved* values have ``start`` and ``end`` (inclusive; ``datetime`` for times of day, with
    the locale's UTC offset when it has one) and a ``grain``. *Partial* values (the reference date
    was unknown and the expression needs it: "20일", "Thursday", "지난 4월") have ``start`` and
    ``end`` None and keep what was written: ``year``, ``month``, ``day``, ``weekday`` and, when
    needed, ``hour``, ``minute``, ``half``, ``quarter``, ``part``, ``relative`` (unit, offset:
    어제 = ("day", -1)), ``direction`` ("last" for 지난 4월 / last Friday), ``until`` (the end of a
    range), ``nth`` (셋째 주 화요일, the last week of July). A resolved value keeps these fields
    too. :func:`factcheck.dates.resolve` turns a partial value into a resolved one;
    :func:`factcheck.dates.unify` compares two values.

    ``weekday_mismatch`` is True when a weekday written beside a full date disagrees with it
    ("2023년 7월 20일(금)": the 20th was a Thursday); the date keeps the written day number.

    ``open`` marks a range open on one side: ``"after"`` ("since March", "2018년 이후": from
    ``start`` on, ``end`` is the last day of the calendar) or ``"before"`` ("until Friday", "before
    2010": up to ``end``, ``start`` is the first day of the calendar). ``every`` is a recurrence
    ("every Monday", "weekly", 매일 오후 3시): an ISO 8601 period (``"P1W"``, ``"P1D"``,
    ``"P2D"``), the value partial with the fields of one occurrence. ``invalid`` marks a date that
    does not exist ("May 32", "2월 30일"): partial, with the fields as written. ``anchor`` is
    ``"event"`` for a day counted from an event told elsewhere ("the next day", 다음 날), read
    from the reference date when the text alone gives nothing else.
    """

    kind: ClassVar[str] = "date"
    grain: str
    start: _dt.date | None = None
    end: _dt.date | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: str | None = None
    hour: int | None = None
    minute: int | None = None
    half: int | None = None
    quarter: int | None = None
    decade: int | None = None
    nth: int | None = None             # the nth weekday or week (-1: the last): 셋째 주 화요일
    nth_week: bool = False             # nth counts weeks (2027년 셋째 주), not weekdays
    part: str | None = None            # early / mid / late (of the month, year or week)
    part_of_day: str | None = None     # am / pm, written without an hour ("오후")
    relative: tuple[str, int] | None = None
    direction: str | None = None       # last / next / this
    utc_offset: str | None = None      # "+09:00": the offset of times of day, when known
    until: DateValue | None = None
    approx: bool = False
    weekday_mismatch: bool = False
    # a numeric date whose day and month could be read either way ("6/5/2024": June 5 in the
    # locale's convention, 6 May in the other); the comparator accepts both readings
    ambiguous: bool = False
    open: str | None = None            # "after" / "before": a range open on that side
    every: str | None = None           # a recurrence: an ISO 8601 period ("P1W")
    invalid: bool = False              # a date that does not exist (May 32)
    anchor: str | None = None          # "event": counted from an event told elsewhere

    @property
    def resolved(self) -> bool:
        return self.start is not None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any]
        if self.start is not None and self.end is not None:
            out = {"start": _iso(self.start), "end": _iso(self.end), "grain": self.grain}
            if self.weekday is not None:
                out["weekday"] = self.weekday
        else:
            out = {"start": None, "end": None, "grain": self.grain, "year": self.year,
                   "month": self.month, "day": self.day, "weekday": self.weekday}
            for name in ("hour", "minute", "half", "quarter", "decade", "nth", "direction", "utc_offset"):
                v = getattr(self, name)
                if v is not None:
                    out[name] = v
            if self.relative is not None:
                out["relative"] = {"unit": self.relative[0], "offset": self.relative[1]}
            if self.nth_week:
                out["nth_week"] = True
            if self.until is not None:
                out["until"] = self.until.to_dict()
        if self.part is not None:
            out["part"] = self.part
        if self.part_of_day is not None:
            out["part_of_day"] = self.part_of_day
        if self.approx:
            out["approx"] = True
        if self.weekday_mismatch:
            out["weekday_mismatch"] = True
        if self.ambiguous:
            out["ambiguous"] = True
        for name in ("open", "every", "anchor"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.invalid:
            out["invalid"] = True
        return out


@dataclass(frozen=True, slots=True)
class Name:
    """A person, organisation or place. ``kind`` is ``"person"``, ``"org"`` or ``"place"``;
    ``name`` is the surface form, tidied (particles and legal forms off: 렉스젠㈜는 -> 렉스젠);
    ``key`` the language-independent comparison key (:func:`factcheck.names.name_key`), equal
    for 김윤상 and Kim Yoon-sang. ``basis`` says where the key came from (``gazetteer``,
    ``glossary``, ``acronym``, ``linked``, ``surname`` or ``romanised``); ``full_name`` is the
    name a short reference or an acronym stands for ("Administrator Kim" -> Kim Yoon-sang)."""

    kind: str
    name: str
    key: str
    basis: str = "romanised"
    full_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "key": self.key, "key_basis": self.basis}
        if self.full_name is not None:
            out["full_name"] = self.full_name
        return out


@dataclass(frozen=True, slots=True)
class Verbatim:
    """A verbatim fact of a document: text a translation must keep exactly as it is. ``kind``
    is ``"code"`` (a code block or inline code), ``"url"`` (a link or image target),
    ``"attribute"`` (an HTML attribute, ``name="value"``) or ``"file"`` (a file of a docs
    tree); ``text`` is the snippet. ``block`` tells a code block from inline code."""

    kind: str
    text: str
    block: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text}
        if self.block:
            out["block"] = True
        return out


Value = Money | Number | Percent | Quantity | DateValue | Name | Verbatim
