"""Amounts of money against one another: the same currency as figures, a currency left out
on one side, a bare dollar read as USD against another dollar, and two currencies through
the exchange rates the user gave."""

from __future__ import annotations

from decimal import Decimal

from factcheck.compare import messages
from factcheck.compare.rates import Rates
from factcheck.compare.relation.base import Relation
from factcheck.compare.relation.numbers import num, num_relation
from factcheck.values import Money

__all__ = ["DOLLARS", "money_relation"]

#: the "dollar" family: a bare $ or 달러 may be any of these
DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "MXN", "BND", "FJD", "JMD", "LRD", "NAD",
                     "SBD", "SRD", "TTD", "XCD", "ZWL", "BSD", "BBD", "BZD", "BMD", "KYD", "GYD"})


def money_relation(a: Money, b: Money, ta: str, tb: str, rates: Rates | None) -> Relation:
    """Two amounts, ``ta``/``tb`` as written; ``rates`` converts between currencies."""
    ca, cb = a.currency, b.currency
    if ca is None or cb is None:
        if num(a, ta).lo == num(b, tb).lo and num(a, ta).hi == num(b, tb).hi:
            return Relation("compatible", "currency-unknown", messages.CURRENCY_UNSTATED_ONE_SIDE)
        return Relation("uncertain", "currency-unknown", messages.currency_unstated(ta if ca is None else tb))
    if ca == cb:
        return num_relation(num(a, ta), num(b, tb))
    assumed = (a.currency_assumed and ca in DOLLARS and cb in DOLLARS) or \
              (b.currency_assumed and cb in DOLLARS and ca in DOLLARS)
    if assumed:
        bare = ta if a.currency_assumed else tb
        other = cb if a.currency_assumed else ca
        return Relation("uncertain", "currency-assumed", messages.bare_dollar(bare, other))
    rate = rates.rate(cb, ca) if rates is not None else None
    if rates is None or rate is None:
        return Relation("uncertain", "different-currency", messages.not_converted(ca, cb, have_rates=rates is not None))
    conv = num(b, tb, scale=rate)
    rel = num_relation(num(a, ta), conv, converted=True)
    shown_rate, frm, to = (rate, cb, ca) if rate >= 1 else (Decimal(1) / rate, ca, cb)
    note = messages.converted_at(frm, shown_rate, to)
    if rel.matches:
        return Relation("compatible", "converted", note)
    px, py = num(a, ta).point, conv.point
    if px is not None and py is not None and abs(px - py) <= rates.tolerance * max(abs(px), abs(py)):
        return Relation("compatible", "converted", note)
    return Relation("different", "different-amount", note)
