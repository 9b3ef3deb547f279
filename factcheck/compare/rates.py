"""Exchange rates given by the user, and how one currency converts to another through them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from factcheck.compare import messages
from factcheck.errors import InputError
from factcheck.values import in_decimal_context

__all__ = ["Rates", "rates_from_mapping", "DEFAULT_RATE_TOLERANCE"]

DEFAULT_RATE_TOLERANCE = Decimal("0.05")
_DEFAULT_RATE_TOLERANCE = DEFAULT_RATE_TOLERANCE


@dataclass(frozen=True, slots=True)
class Rates:
    """Exchange rates given by the user: ``table[(A, B)]`` is how many B one A buys
    (``("USD", "KRW"): 1300``). ``tolerance`` is the relative difference still accepted
    between a converted amount and the other one (default 5%)."""

    table: Mapping[tuple[str, str], Decimal]
    tolerance: Decimal = _DEFAULT_RATE_TOLERANCE

    @in_decimal_context
    def rate(self, frm: str, to: str) -> Decimal | None:
        """How many ``to`` one ``frm`` buys, directly, inverted or through other currencies."""
        if frm == to:
            return Decimal(1)
        edges: dict[str, list[tuple[str, Decimal]]] = {}
        for (a, b), r in sorted(self.table.items()):
            if r > 0:
                edges.setdefault(a, []).append((b, r))
                edges.setdefault(b, []).append((a, Decimal(1) / r))
        seen = {frm: Decimal(1)}
        queue = [frm]
        while queue:
            cur = queue.pop(0)
            for nxt, r in edges.get(cur, ()):
                if nxt not in seen:
                    seen[nxt] = seen[cur] * r
                    if nxt == to:
                        return seen[nxt]
                    queue.append(nxt)
        return None


def _dec(value: object, where: str) -> Decimal:
    try:
        d = Decimal(str(value).strip().replace(",", "").replace("_", ""))
    except (InvalidOperation, ValueError):
        raise InputError(messages.rate_not_a_number(where, value), reason="bad-rates") from None
    if not d.is_finite() or d <= 0:
        raise InputError(messages.rate_not_positive(where, value), reason="bad-rates")
    return d


def _code(text: str, where: str) -> str:
    code = str(text).strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise InputError(messages.not_a_currency_code(where, text), reason="bad-rates")
    return code


def rates_from_mapping(data: Mapping[Any, Any], where: str) -> Rates:
    """Read exchange rates from a mapping: ``{"USD/KRW": 1300}``, ``{("USD", "KRW"): 1300}``
    or a TOML table ``{"USD": {"KRW": 1300}}``, with an optional ``"tolerance"``; ``where``
    names the input in error messages."""
    table: dict[tuple[str, str], Decimal] = {}
    tolerance = _DEFAULT_RATE_TOLERANCE
    for k, v in data.items():
        if k == "tolerance":
            tolerance = Decimal(str(v))
            continue
        if isinstance(k, tuple) and len(k) == 2:
            table[(_code(k[0], where), _code(k[1], where))] = _dec(v, where)
        elif isinstance(v, Mapping):  # TOML: [USD] KRW = 1300
            for k2, v2 in v.items():
                table[(_code(k, where), _code(k2, where))] = _dec(v2, where)
        elif isinstance(k, str) and re.fullmatch(r"\s*[A-Za-z]{3}\s*[/,:\- ]\s*[A-Za-z]{3}\s*", k):
            a, b = re.findall(r"[A-Za-z]{3}", k)
            table[(_code(a, where), _code(b, where))] = _dec(v, where)
        else:
            raise InputError(messages.unreadable_rate(where, k), reason="bad-rates")
    return Rates(MappingProxyType(table), tolerance)
