"""Amounts written in another locale's number format, beside a currency ("12,99 €", "1.234,56
€", "Rp 250.000", "9 472 Ft", "CHF 1'250.50"), read where the form settles the reading.

The locale's own separators are read by the scanner (:mod:`factcheck.text.numbers`); a figure
with other separators is read here when a currency stands right before or after it:

- two different separators: the last one is the decimal ("1.234,56", "1'250.50");
- the locale's grouping separator before one or two digits is a decimal ("12,99");
- a dot, an apostrophe or a space before groups of three digits groups thousands ("9 472",
  "1.500.000"), and so does a single dot before three digits when the currency is paid whole
  (CLDR's cash digits: "Rp 250.000", "9.472 Ft");
- otherwise one separator before three digits is either ("KD 1.500": the Kuwaiti dinar has
  three decimals; "$9.788": a price to the tenth of a cent): the locale's reading stands and
  the other is kept (``alt_amount``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from factcheck.locale import cldr
from factcheck.locale.loader import CurrencyWord
from factcheck.rules.measures.currency import currency_after, currency_before
from factcheck.text.document import Document
from factcheck.text.numbers import Num

__all__ = ["Formatted", "formatted_amounts"]

_SPACES = " \u00a0\u202f\u2009"
_FIGURE = re.compile(r"(?<![\d.,'’])\d{1,4}(?:[.,'’\u00a0\u202f\u2009 ]\d{1,3})+(?![\d])(?![.,'’]\d)")


@dataclass(frozen=True, slots=True)
class Formatted:
    """A figure in another format with its currency: the number (span and value), the currency
    word before or after it, and the other reading when the form does not settle one."""

    num: Num
    before: tuple[CurrencyWord, int] | None
    after: tuple[CurrencyWord, int] | None
    alt: Decimal | None


def formatted_amounts(doc: Document) -> list[Formatted]:
    """Every figure in another locale's format that a currency stands beside."""
    text = doc.text
    out: list[Formatted] = []
    if not any(ch in text for ch in ".,'’ \u00a0\u202f\u2009"):
        return out
    for m in _FIGURE.finditer(text):
        figure = m.group(0)
        probe = Num(m.start(), m.end(), Decimal(0), True, None)
        before = currency_before(doc, probe)
        after = currency_after(doc, m.end())
        cw = before or after
        if cw is None:
            continue
        read = _read(doc, figure, cw[0])
        if read is None:
            continue
        value, alt = read  # (a figure of three-digit groups beside a currency, even "1.500.000")
        out.append(Formatted(Num(m.start(), m.end(), value, True, None, grouped=True), before, after, alt))
    return out


def _read(doc: Document, figure: str, cw: CurrencyWord) -> tuple[Decimal, Decimal | None] | None:
    """The value of a figure and, when its form does not settle it, the other reading; None for
    a figure the scanner reads as it is written (the locale's own format) or no figure at all."""
    loc = doc.locale
    group, point = loc.group_separator, loc.decimal_separator
    seps = [ch for ch in figure if not ch.isdigit()]
    parts = re.split(r"[^\d]", figure)
    kinds = set(seps)
    if len(kinds) > 2:
        return None
    if len(kinds) == 2:
        last = seps[-1]
        head = seps[:-1]
        if len(set(head)) != 1 or head[0] == last or not 1 <= len(parts[-1]) <= 2 \
                or any(len(p) != 3 for p in parts[1:-1]):
            return None
        if head[0] == group and last == point:
            return None  # "1,234.56": the locale's own format
        if last not in ".,":
            return None
        mixed = _dec("".join(parts[:-1]) + "." + parts[-1])
        return (mixed, None) if mixed is not None else None
    sep = seps[0]
    if len(seps) == 1 and sep in ".," and 1 <= len(parts[1]) <= 2:
        comma = _dec(parts[0] + "." + parts[1])
        if sep == point or comma is None:
            return None  # "12.99": the locale's decimal
        return comma, None  # "12,99 €"
    if any(len(p) != 3 for p in parts[1:]) or not parts[0]:
        return None
    whole = _dec("".join(parts))
    if whole is None:
        return None
    if len(seps) > 1 or sep not in (group, point):
        return (None if sep == group else (whole, None))  # "1.500.000", "9 472", "1'250"
    digits, cash = cldr.currency_digits(cw.code, cw.family)
    decimal_reading = _dec(parts[0] + "." + parts[1])
    if sep == group and (digits < 3 or cw.code is None):
        return None  # "1,500 €", "7,000 rials": the locale's grouping, read by the scanner
    if sep == point and cash == 0 and digits < 3:
        return whole, None  # "Rp 250.000", "9.472 Ft": a currency paid whole has no thousandths
    # "KD 1.500" (1.5 or 1,500), "$9.788" (a price to the tenth of a cent, or 9,788): the
    # locale's reading stands and the other is kept
    return (whole, decimal_reading) if sep == group else (decimal_reading or whole, whole)


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None
