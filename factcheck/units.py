"""Units through pint, loaded only when a quantity is met.

The registry is built once, from factcheck's own small definitions file
(``factcheck/data/units.txt``), never from pint's default file (about 0.5 s to build).
"""

from __future__ import annotations

import functools
import importlib.resources
from decimal import Decimal
from typing import Any

__all__ = ["unit_registry", "canonical_unit", "to_base"]


@functools.lru_cache(maxsize=1)
def unit_registry() -> Any:
    """The pint UnitRegistry of factcheck's units, with Decimal magnitudes."""
    import pint

    ureg = pint.UnitRegistry(None, non_int_type=Decimal, autoconvert_offset_to_baseunit=True)
    path = importlib.resources.files("factcheck").joinpath("data", "units.txt")
    with importlib.resources.as_file(path) as p:
        ureg.load_definitions(str(p))
    return ureg


@functools.lru_cache(maxsize=256)
def canonical_unit(expr: str) -> str:
    """The pint name of a unit expression: ``"km"`` -> ``"kilometer"``."""
    return str(unit_registry().Unit(expr))


def to_base(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """Convert a magnitude to the base units of its dimension (for comparing 1 km and 1000 m)."""
    q = unit_registry().Quantity(value, unit).to_base_units()
    return Decimal(str(q.magnitude)), str(q.units)
