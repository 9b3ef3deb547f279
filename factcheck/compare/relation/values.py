"""How two values of any kinds relate: :func:`compare_values` for users, :func:`relation`
inside the comparator; each pair of kinds goes to the module that knows it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from factcheck.compare import messages
from factcheck.compare.rates import Rates, rates_from_mapping
from factcheck.compare.relation.base import EQUAL, NAME_KINDS, UNRELATED, Relation
from factcheck.compare.relation.dates import date_relation, single_year, year_as_number
from factcheck.compare.relation.money import money_relation
from factcheck.compare.relation.names import name_relation
from factcheck.compare.relation.numbers import Measured, num, num_relation, percent_relation, unit_omitted_relation
from factcheck.compare.relation.quantities import quantity_relation
from factcheck.errors import InputError
from factcheck.values import DateValue, Money, Name, Number, Percent, Quantity, Value, in_decimal_context

__all__ = ["compare_values", "is_year_figure", "relation"]

_MEASURED = (Money, Number, Percent, Quantity)


@in_decimal_context
def compare_values(a: Value, b: Value, *, a_text: str = "", b_text: str = "",
                   rates: Rates | Mapping[Any, Any] | None = None) -> Relation:
    """How two values relate (see :class:`~factcheck.compare.relation.base.Relation`).
    ``a_text``/``b_text`` are the surface forms (a written decimal fraction marks a rounded
    figure). ``rates`` converts currencies: a :class:`~factcheck.compare.rates.Rates` or a
    mapping (``{"USD/KRW": 1300}``). Symmetric: swapping the arguments gives the same
    outcome and reason."""
    if rates is None or isinstance(rates, Rates):
        r = rates
    elif isinstance(rates, Mapping):
        r = rates_from_mapping(rates, "rates")
    else:
        raise InputError(messages.rates_wrong_type(type(rates).__name__), reason="bad-rates")
    return relation(a, b, a_text, b_text, r)


def relation(a: Value, b: Value, ta: str, tb: str, rates: Rates | None) -> Relation:
    """:func:`compare_values` on values known to be valid, with rates already read."""
    if isinstance(a, _MEASURED) and isinstance(b, _MEASURED) and (a.direction or b.direction):
        return _directed(a, b, ta, tb, rates)
    if isinstance(a, Money) and isinstance(b, Money):
        return money_relation(a, b, ta, tb, rates)
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return date_relation(a, b, ta, tb)
    if isinstance(a, Number) and isinstance(b, DateValue) or isinstance(a, DateValue) and isinstance(b, Number):
        return _year_and_number(a, b, ta, tb)
    if isinstance(a, Name) and isinstance(b, Name) and a.kind in NAME_KINDS and b.kind in NAME_KINDS:
        return name_relation(a, b)
    if isinstance(a, Percent) and isinstance(b, Percent):
        return percent_relation(a, b, ta, tb)
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return quantity_relation(a, b, ta, tb)
    if isinstance(a, Number) and isinstance(b, Number):
        return num_relation(num(a, ta), num(b, tb))
    if isinstance(a, _MEASURED) and isinstance(b, _MEASURED) and (isinstance(a, Number) or isinstance(b, Number)):
        return unit_omitted_relation(a, b, ta, tb)
    if a.kind == b.kind:
        return EQUAL if a == b else UNRELATED
    return UNRELATED


def _sense(v: Measured) -> int | None:
    """-1 for a fall (a word, or a minus sign), 1 for a rise stated by a word, None unknown."""
    if v.direction is not None:
        return -1 if v.direction == "down" else 1
    return -1 if num(v, "").lo is not None and (num(v, "").hi or 0) < 0 else None


def _magnitude(v: Measured) -> Measured:
    """The value without its sign or direction: 14.6 for "-14.6%" and for "dropped 14.6%"."""
    ends = sorted(abs(e) for e in (v.low, v.high) if e is not None)
    low = ends[0] if v.low is not None and v.high is not None else (abs(v.low) if v.low is not None else None)
    high = ends[-1] if v.low is not None and v.high is not None else (abs(v.high) if v.high is not None else None)
    if isinstance(v, Money):
        return replace(v, amount=abs(v.amount), low=low, high=high, direction=None)
    return replace(v, value=abs(v.value), low=low, high=high, direction=None)


def _directed(a: Measured, b: Measured, ta: str, tb: str, rates: Rates | None) -> Relation:
    """Two figures of which one is said to be a fall or a rise by a word: a fall against a rise
    differs; otherwise their sizes are compared ("dropped 14.6 percent" / "-14.6%")."""
    sa, sb = _sense(a), _sense(b)
    if sa is not None and sb is not None and sa != sb:
        return Relation("different", "different-direction", messages.FALL_AGAINST_RISE)
    rel = relation(_magnitude(a), _magnitude(b), ta, tb, rates)
    if rel.outcome == "equal" and sa is not None and sb is not None and (a.direction is None or b.direction is None):
        return Relation("compatible", "direction-sign", messages.FALL_WORD_AND_SIGN)
    return rel


def _year_and_number(a: Value, b: Value, ta: str, tb: str) -> Relation:
    """A date that is one year against a plain whole number of four digits with no counting
    word: the year written without its word (2005년 / "3005")."""
    (n, nt), (d, _) = ((a, ta), (b, tb)) if isinstance(a, Number) else ((b, tb), (a, ta))
    assert isinstance(n, Number) and isinstance(d, DateValue)
    year = single_year(d)
    if year is None or not is_year_figure(n):
        return UNRELATED
    return year_as_number(year, int(n.value), nt)


def is_year_figure(n: Number) -> bool:
    """A plain whole number of four digits, without a counting word or bounds."""
    return (n.counter is None and n.low is None and n.high is None and n.value == n.value.to_integral_value()
            and 1000 <= n.value <= 9999)
