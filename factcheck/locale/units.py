"""Units: named and brought to base units from a generated table, through pint otherwise.

``factcheck/data/units_table.json`` (written by ``scripts/gen_units.py`` from pint and
factcheck's own definitions, ``factcheck/data/units.txt``) holds the pint name of every unit
name, symbol and alias, and each multiplicative unit's factor to its base units exactly as
pint computes it, so the usual units never import pint (about 0.1 s of a cold start).
Offset units (temperatures) and expressions not in the table go through pint, whose registry
is built once from units.txt, never from pint's default file (about 0.5 s to build).
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from decimal import Decimal
from typing import TYPE_CHECKING

from factcheck.values import in_decimal_context

if TYPE_CHECKING:  # pint is imported on first use only (about 0.1 s of a cold start)
    import pint

__all__ = ["unit_registry", "canonical_unit", "to_base"]


@functools.lru_cache(maxsize=1)
def unit_registry() -> pint.UnitRegistry[Decimal]:
    """The pint UnitRegistry of factcheck's units, with Decimal magnitudes."""
    import pint

    ureg: pint.UnitRegistry[Decimal] = pint.UnitRegistry(None, non_int_type=Decimal,
                                                         autoconvert_offset_to_baseunit=True)
    path = importlib.resources.files("factcheck").joinpath("data", "units.txt")
    with importlib.resources.as_file(path) as p:
        ureg.load_definitions(str(p))
    return ureg


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, tuple[Decimal, str]]]:
    """The generated unit table: {name or alias: pint name}, {pint name: (factor, base units)}."""
    text = importlib.resources.files("factcheck").joinpath("data", "units_table.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return dict(data["names"]), {k: (Decimal(f), b) for k, (f, b) in data["base"].items()}


@functools.lru_cache(maxsize=256)
def canonical_unit(expr: str) -> str:
    """The pint name of a unit expression: ``"km"`` -> ``"kilometer"``."""
    name = _table()[0].get(expr)
    return name if name is not None else str(unit_registry().Unit(expr))


@in_decimal_context
def to_base(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """Convert a magnitude to the base units of its dimension (for comparing 1 km and 1000 m)."""
    if isinstance(value, Decimal):
        # keyed by the number as written (its digits and exponent: 1.0 and 1 are equal Decimals
        # whose conversions are written apart); Decimal(str(d)) gives d back exactly
        return _decimal_to_base(str(value), unit)
    return _convert(value, unit)


@functools.lru_cache(maxsize=4096)
def _decimal_to_base(written: str, unit: str) -> tuple[Decimal, str]:
    """:func:`to_base` of a Decimal (a bounded cache of a pure function: the comparator
    converts each figure of a unit once per figure it meets)."""
    return _convert(Decimal(written), unit)


def _convert(value: Decimal, unit: str) -> tuple[Decimal, str]:
    known = _table()[1].get(unit)
    if known is not None and isinstance(value, Decimal):
        factor, base = known
        return Decimal(str(value * factor)), base
    q = unit_registry().Quantity(value, unit).to_base_units()
    return Decimal(str(q.magnitude)), str(q.units)
