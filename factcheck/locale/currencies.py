"""Currency words of a locale: what each sign, code, name and family word written before or
after a number means (:class:`CurrencyWord`), built from ``common.toml``, the CLDR data
generated into ``factcheck/data/cldr_currencies.json`` and the locale's own ``[currency]``
tables, which win."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from factcheck.locale import cldr

__all__ = ["CurrencyWord", "currency_tables"]


@dataclass(frozen=True, slots=True)
class CurrencyWord:
    """What a currency surface form means: an ISO code (None when the form names a family of
    currencies and no country: "dinars", "kr"), whether the code was only assumed (a bare "$"
    is read as USD; the currencies it may stand for are the family of the code,
    :func:`factcheck.locale.cldr.family_of`), the factor to the main unit (0.01 for cents)
    and, for a form without a code, the family it names ("dinar")."""

    code: str | None
    assumed: bool = False
    factor: Decimal = Decimal(1)
    family: str | None = None


def _currency(value: str, factor: Decimal = Decimal(1)) -> CurrencyWord:
    """A table value: "USD", "USD?" (assumed: the form may name another currency of the
    code's family) or "*dinar" (a family and no code)."""
    if value.startswith("*"):
        return CurrencyWord(None, False, factor, value[1:])
    return CurrencyWord(value.rstrip("?"), value.endswith("?"), factor)


def currency_tables(code: str, meta: Mapping[str, Any], common: Mapping[str, Any], cur: Mapping[str, Any],
                     ci: bool) -> tuple[dict[str, CurrencyWord], dict[str, CurrencyWord]]:
    """The currency words read before and after a number: common symbols, CLDR names, family
    words, symbols and codes, then the locale's own (which win)."""
    codes_cfg = common["currency"]["codes"]
    before: dict[str, CurrencyWord] = {k: _currency(v) for k, v in common["currency"]["before"].items()}
    after: dict[str, CurrencyWord] = {}
    exact: set[str] = set()
    if cur.get("cldr_names", False):
        # the symbols the currencies' own countries write ("RM 42", "9 472 Ft", "100 kr"),
        # but not those that are also abbreviations of the locales ("KM", "SR")
        not_read = frozenset(common["currency"].get("symbols", {}).get("not_read", []))
        for symbol, value in cldr.currency_symbols().items():
            if symbol not in not_read and symbol not in before:
                before[symbol] = after[symbol] = _currency(value)
                if any(ch.isalpha() for ch in symbol) and not symbol.isupper():
                    exact.add(symbol)  # "Ft" is a forint, "ft" a foot: matched in its own case
    if cur.get("cldr_names", False) or codes_cfg.get("enabled", False):
        names, codes = cldr.currency_vocabulary(meta.get("cldr", code))
        if cur.get("cldr_names", False):
            for name, iso in names.items():
                after.setdefault(name, CurrencyWord(iso))
            # the last word of a name alone: "ringgits" (MYR), "dinars" (a family, no country);
            # not the words that are ordinary words of the language ("real", 동)
            not_names = frozenset(cur.get("not_names", []))
            for word, value in cldr.family_words(meta.get("cldr", code)).items():
                if word not in not_names:
                    after.setdefault(word, _currency(value))
        if codes_cfg.get("enabled", False):
            word_codes = frozenset(codes_cfg.get("not_read", []))
            for iso in codes:
                if iso in word_codes:
                    continue
                before.setdefault(iso, CurrencyWord(iso))
                after.setdefault(iso, CurrencyWord(iso))
            # "MUSD 30", "120 MEUR": codes with a scale prefix, as company reports write them
            for prefix, factor in codes_cfg.get("scaled", {}).items():
                for iso in codes:
                    if iso not in word_codes:
                        scaled = CurrencyWord(iso, False, Decimal(str(factor)))
                        before.setdefault(prefix + iso, scaled)
                        after.setdefault(prefix + iso, scaled)
    # a currency sign may also follow the number ("10 €", "100 ₡")
    for k, v in list(before.items()):
        if not any(ch.isalnum() for ch in k):
            after.setdefault(k, v)
    after.update({k: _currency(v) for k, v in common["currency"].get("after", {}).items()})
    before.update({k: _currency(v) for k, v in cur.get("before", {}).items()})
    after.update({k: _currency(v) for k, v in cur.get("after", {}).items()})
    exact -= set(common["currency"].get("after", {})) | set(cur.get("before", {})) | set(cur.get("after", {}))
    # two or more letters before a currency sign may stand apart from it or in lower case
    # ("HK $", "us$"); a single letter may not ("a $5 bill" is no Australian dollar)
    for k, v in list(before.items()):
        if len(k) > 2 and unicodedata.category(k[-1]) == "Sc" and k[:-1].isalpha():
            for variant in (k[:-1] + " " + k[-1], k.lower(), k[:-1].lower() + " " + k[-1]):
                before.setdefault(variant, v)
    # a suffix that makes a currency word a name of the currency too (루블화, 페소화)
    for suffix in cur.get("word_suffixes", []):
        for k, v in list(after.items()):
            if k[-1:].isalpha() and not k[-1:].isascii() and not k.endswith(suffix):
                after.setdefault(k + suffix, v)
    for k, v in cur.get("subunits", {}).items():
        after[k] = _currency(v, Decimal("0.01"))
    # fold case-insensitive words once, so lookups are plain dict gets
    if ci:
        before = {(k if k.isupper() or k in exact else k.lower()): v for k, v in before.items()}
        after = {(k if k.isupper() or k in exact else k.lower()): v for k, v in after.items()}
    return before, after
