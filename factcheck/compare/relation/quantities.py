"""Quantities against one another: brought to the base units of their dimension (1 km and
1000 m are one length), compared as figures at the precision each is written at; units that
writers use for one another (ton / tonne)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from factcheck.compare import messages
from factcheck.compare.relation.base import EQUAL, UNRELATED, Relation
from factcheck.compare.relation.numbers import Num, is_decimal_written, num, num_relation, quantum, written_quantum
from factcheck.locale.units import to_base
from factcheck.values import Quantity

__all__ = ["LOOSE_UNITS", "in_units_of", "quantity_base", "quantity_relation"]

#: units that writers use for one another: "200,000 tons" in English news is usually metric
LOOSE_UNITS = frozenset({frozenset({"ton", "tonne"})})


def quantity_base(q: Quantity, text: str = "") -> tuple[str, Num] | None:
    """A quantity in the base units of its dimension (1 km -> 1000 meter), as an interval;
    None for a unit that cannot be converted (it is compared as written)."""
    try:
        unit = to_base(q.value, q.unit)[1]
        conv = {k: (to_base(v, q.unit)[0] if v is not None else None)
                for k, v in (("value", q.value), ("low", q.low), ("high", q.high))}
    except Exception:  # a unit pint cannot convert is compared as written
        return None
    lo, hi = conv["low"], conv["high"]
    if lo is None and hi is None:
        lo = hi = conv["value"]
    written = written_quantum(q.value, text)
    factor = to_base(Decimal(1), q.unit)[0] - to_base(Decimal(0), q.unit)[0]
    step = (written if written is not None else quantum(q.value)) * abs(factor)
    return unit, Num(lo, hi, bool(q.approx), is_decimal_written(text), text or "", step,
                     q.low is not None and q.high is not None)


def quantity_relation(a: Quantity, b: Quantity, ta: str, tb: str) -> Relation:
    """Two quantities of one dimension, converted when their units differ; of two dimensions
    (or a unit that cannot be converted) unrelated unless equal."""
    qa, qb = quantity_base(a, ta), quantity_base(b, tb)
    if qa is None or qb is None:
        return EQUAL if a == b else UNRELATED
    if qa[0] != qb[0]:
        return UNRELATED
    converted = a.unit != b.unit
    if converted and frozenset((a.unit, b.unit)) in LOOSE_UNITS:
        written = num_relation(num(a, ta), num(b, tb))
        if written.matches:
            return Relation("compatible", "loose-unit", messages.loose_units(ta or a.unit, tb or b.unit))
    if not converted:  # one unit: the figures as written (notes name them, not base units)
        return num_relation(num(a, ta), num(b, tb))
    rel = num_relation(qa[1], qb[1], converted=converted)
    if rel.outcome == "compatible":
        return Relation("compatible", "converted", messages.unit_converted(ta or a.unit, tb or b.unit))
    return Relation(rel.outcome, rel.reason)  # its note would give figures in base units


def in_units_of(q: Quantity, other: Quantity) -> Decimal | None:
    """The value of ``q`` in the unit of ``other``, rounded to ``other``'s precision."""
    try:
        base_q = to_base(q.value, q.unit)[0]
        one = to_base(Decimal(1), other.unit)[0]
    except Exception:
        return None
    if one == 0:
        return None
    return (base_q / one).quantize(quantum(other.value), rounding=ROUND_HALF_UP)
