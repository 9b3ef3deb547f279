"""Locale data: each language's vocabulary, read from ``factcheck/locales/*.toml`` (checked
against their schema by :func:`read_locale_file`), with the CLDR currency names and the unit
table generated into ``factcheck/data/``."""

from factcheck.locale.files import locale_codes, read_locale_file
from factcheck.locale.loader import (
    CurrencyWord,
    Locale,
    UnitContext,
    available_locales,
    load_locale,
    locale_meta,
    script_of,
)

__all__ = ["CurrencyWord", "Locale", "UnitContext", "available_locales", "load_locale", "locale_codes",
           "locale_meta", "read_locale_file", "script_of"]
