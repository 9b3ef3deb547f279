"""What is written around a number that makes it money: a currency sign, code or word before
it ("$", "USD", 미화) or after it ("달러", "dollars", "€"), a scale word after a code ("75 USD
million") and currency words that are units in context ("5 pounds of flour")."""

from __future__ import annotations

from decimal import Decimal

from factcheck.locale.loader import CurrencyWord
from factcheck.rules.measures.candidates import glued_on
from factcheck.text.document import Document
from factcheck.text.numbers import Num

__all__ = ["currency_after", "currency_as_unit", "currency_before", "is_code", "scale_after"]


def currency_before(doc: Document, n: Num) -> tuple[CurrencyWord, int] | None:
    """A currency sign, code or word written right before the number (one space allowed), and
    where it starts."""
    loc = doc.locale
    text = doc.text
    p = n.start
    if p > 0 and text[p - 1] in " \t":
        p -= 1
    table = loc.currency_before
    for length in loc.currency_before_lengths:  # longest first
        s = p - length
        if s < 0:
            continue
        word = text[s:p]
        cw = table.get(word)
        if cw is None and loc.case_insensitive:
            cw = table.get(word.lower())
        if cw is None:
            continue
        if word[:1].isascii() and word[:1].isalpha() and s > 0 and text[s - 1].isascii() and text[s - 1].isalpha():
            continue  # "XUSD": part of a longer word
        return cw, s
    return None


def currency_after(doc: Document, pos: int) -> tuple[CurrencyWord, int] | None:
    """A currency sign, code or word written right after ``pos``, and where it ends."""
    loc = doc.locale
    m = loc.currency_after_re.match(doc.text, pos)
    if m is None:
        return None
    word = m.group(1)
    if glued_on(doc, word, m.end()):
        return None  # 3원칙: the word goes on
    cw = loc.currency_after.get(word) or loc.currency_after.get(loc.fold(word))
    if cw is None:
        squeezed = " ".join(word.split())
        cw = loc.currency_after.get(squeezed) or loc.currency_after.get(loc.fold(squeezed))
    return (cw, m.end()) if cw else None


def currency_as_unit(doc: Document, pos: int) -> tuple[str, int] | None:
    """A currency word that is also a unit, read as the unit when a word of the locale's
    ``currency.as_unit_followers`` comes next ("5 pounds of flour"): its unit and end."""
    loc = doc.locale
    pattern = loc.currency_as_unit_re
    if pattern is None:
        return None
    m = pattern.match(doc.text, pos)
    if m is None:
        return None
    word = m.group(1)
    unit = loc.currency_as_unit.get(word) or loc.currency_as_unit.get(loc.fold(word))
    return (unit, m.end(1)) if unit else None


def is_code(word: str) -> bool:
    """True for three capital ASCII letters (an ISO 4217 code)."""
    return len(word) == 3 and word.isascii() and word.isalpha() and word.isupper()


def scale_after(doc: Document, pos: int) -> tuple[Decimal, int] | None:
    """A scale word right after a currency code ("75 USD million"): its factor and end."""
    loc = doc.locale
    m = loc.token_re.match(doc.text, pos + 1) if doc.char_at(pos) in (" ", "\t") else None
    if m is None:
        return None
    scale = loc.big_units.get(loc.fold(m.group(0)))
    return (scale, m.end()) if scale is not None else None
