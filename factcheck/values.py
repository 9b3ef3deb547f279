"""Frozen value types: what a claim says, normalised so that sources can be compared.

Amounts are ``Decimal`` (never float). Each value knows its claim ``kind`` and renders the
``value`` object of the JSON contract with :meth:`to_dict`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Union

__all__ = ["Money", "Number", "Percent", "Quantity", "Value", "dec_str"]


def dec_str(d: Decimal) -> str:
    """Render a Decimal exactly, without exponent or trailing zeros: 1.6E+7 -> '16000000'."""
    if d == 0:
        return "0"
    text = format(d.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@dataclass(frozen=True, slots=True, kw_only=True)
class _Bounded:
    """Qualifiers shared by every measured value: bounds and approximation."""

    low: Decimal | None = None
    high: Decimal | None = None
    approx: bool = False

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
    For ranges, ``amount`` is the lower figure and ``low``/``high`` hold both ends.
    """

    kind: ClassVar[str] = "money"
    amount: Decimal
    currency: str | None
    currency_assumed: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"amount": dec_str(self.amount), "currency": self.currency}
        out.update(self._bounds())
        if self.currency_assumed:
            out["currency_assumed"] = True
        return out


@dataclass(frozen=True, slots=True)
class Number(_Bounded):
    """A plain number. ``counter`` is the counting word that followed it, if any (명, 개)."""

    kind: ClassVar[str] = "number"
    value: Decimal
    counter: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": dec_str(self.value)}
        out.update(self._bounds())
        if self.counter:
            out["counter"] = self.counter
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


Value = Union[Money, Number, Percent, Quantity]
