"""Currency names and codes from CLDR.

The locales factcheck ships read them from ``factcheck/data/cldr_currencies.json``, which
``scripts/gen_cldr.py`` generates from babel (importing babel and reading its locale data cost
about 25 ms of a cold start); ``tests/test_generated_data.py`` regenerates it in memory and
fails on drift. Any other CLDR locale is read through babel on first use.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from typing import Any

__all__ = ["currency_vocabulary", "currency_vocabulary_from_babel"]

# CLDR codes that are not money people write about: precious metals, test and fund codes.
_NOT_MONEY = frozenset(
    "XAG XAU XBA XBB XBC XBD XDR XPD XPT XRE XSU XTS XUA XXX XFO XFU XCG "
    "BOV CHE CHW CLF COU MXV USN USS UYI UYW".split()
)


@functools.lru_cache(maxsize=1)
def _generated() -> dict[str, dict[str, Any]]:
    path = importlib.resources.files("factcheck").joinpath("data", "cldr_currencies.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:  # pragma: no cover - a checkout without the generated file
        return {}
    locales = data.get("locales") if isinstance(data, dict) else None
    return locales if isinstance(locales, dict) else {}


@functools.lru_cache(maxsize=16)
def currency_vocabulary(cldr_locale: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """Return ({currency name: ISO code}, ISO codes) for a CLDR locale (see
    :func:`currency_vocabulary_from_babel`), from the generated file when it has the locale.

    The caller must not change the returned dict (it is cached)."""
    data = _generated().get(cldr_locale)
    if data is not None:
        return dict(data["names"]), tuple(data["codes"])
    return currency_vocabulary_from_babel(cldr_locale)


def currency_vocabulary_from_babel(cldr_locale: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """Return ({currency name: ISO code}, ISO codes) for a CLDR locale.

    Names include the display name and, where CLDR has them, the plural forms ("Indian
    rupees"); for names with spaces the spaceless spelling is added too ("캐나다달러"). A
    name shared by several codes keeps the code that is still in use.
    """
    from babel import Locale
    from babel.numbers import get_currency_name

    loc = Locale.parse(cldr_locale)
    currencies = {k: v for k, v in loc.currencies.items() if isinstance(k, str) and isinstance(v, str)}
    names: dict[str, str] = {}
    codes = tuple(sorted(c for c in currencies if len(c) == 3 and c.isalpha() and c not in _NOT_MONEY))
    plural = loc._data.get("currency_names_plural", {})
    for code in codes:
        forms = {currencies[code]}
        for form in dict(plural.get(code, {})).values():
            forms.add(form)
        if cldr_locale.startswith("en"):
            forms.add(get_currency_name(code, count=2, locale=loc))
        for form in forms:
            if not form or form == code or "(" in form:
                continue
            hangul = any("\uac00" <= ch <= "\ud7a3" for ch in form)
            for variant in {form, form.replace(" ", "")} if hangul and " " in form else {form}:
                # an obsolete currency must not take a name from the current one
                if variant not in names or "(" in currencies.get(names[variant], ""):
                    names[variant] = code
    return names, codes
