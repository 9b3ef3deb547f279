"""Locale data: each language's vocabulary, read from ``factcheck/locales/*.toml``, with the
CLDR currency names and the unit table generated into ``factcheck/data/``."""

from factcheck.locale.loader import (
    CurrencyWord,
    Locale,
    available_locales,
    load_locale,
    locale_meta,
    script_of,
)

__all__ = ["CurrencyWord", "Locale", "available_locales", "load_locale", "locale_meta", "script_of"]
