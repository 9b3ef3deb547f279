"""How two values of any kinds relate: :func:`compare_values` for users, :func:`relation`
inside the comparator; each pair of kinds goes to the module that knows it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.compare import messages
from factcheck.compare.rates import Rates, rates_from_mapping
from factcheck.compare.relation.base import EQUAL, NAME_KINDS, UNRELATED, Relation
from factcheck.compare.relation.dates import date_relation
from factcheck.compare.relation.money import money_relation
from factcheck.compare.relation.names import name_relation
from factcheck.compare.relation.numbers import num, num_relation, percent_relation, unit_omitted_relation
from factcheck.compare.relation.quantities import quantity_relation
from factcheck.errors import InputError
from factcheck.values import DateValue, Money, Name, Number, Percent, Quantity, Value, in_decimal_context

__all__ = ["compare_values", "relation"]

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
    if isinstance(a, Money) and isinstance(b, Money):
        return money_relation(a, b, ta, tb, rates)
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return date_relation(a, b, ta, tb)
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
