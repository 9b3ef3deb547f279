"""Currency names and codes from CLDR.

The locales factcheck ships read them from ``factcheck/data/cldr_currencies.json``, which
``scripts/gen_cldr.py`` generates from babel (importing babel and reading its locale data cost
about 25 ms of a cold start): per locale the currency names and ISO codes, and the *family
words* (the last word of the names of the currencies still in use: "ringgit" names one
currency, "dinar" eight); for all locales the symbols the currencies' own countries write
("RM", "Rp", "Ft", "kr", "₪"), the families (English family word -> ISO codes) and the decimal
places of the currencies that have other than two. ``tests/test_generated_data.py``
regenerates it in memory and fails on drift. Any other CLDR locale is read through babel on
first use.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from typing import Any

__all__ = ["currency_digits", "currency_families", "currency_symbols", "currency_vocabulary",
           "currency_vocabulary_from_babel", "digits_from_babel", "families_from_babel", "family_codes", "family_of",
           "family_words", "family_words_from_babel", "symbols_from_babel"]

# CLDR codes that are not money people write about: precious metals, test and fund codes.
_NOT_MONEY = frozenset(
    "XAG XAU XBA XBB XBC XBD XDR XPD XPT XRE XSU XTS XUA XXX XFO XFU XCG "
    "BOV CHE CHW CLF COU MXV USN USS UYI UYW".split()
)


@functools.lru_cache(maxsize=1)
def _file() -> dict[str, Any]:
    path = importlib.resources.files("factcheck").joinpath("data", "cldr_currencies.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:  # pragma: no cover - a checkout without the generated file
        return {}
    return data if isinstance(data, dict) else {}


def _generated() -> dict[str, dict[str, Any]]:
    locales = _file().get("locales")
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


# ----------------------------------------------------------------------------- families, symbols
#: the date at which a currency must still be legal tender to count as in use (fixed, so that
#: the generated file depends on the CLDR release only)
_IN_USE_ON = (2025, 1, 1)


def _fold_word(word: str) -> str:
    return word.lower()


def _in_use_from_babel() -> dict[str, list[str]]:
    """ISO code -> the territories where it is legal tender on :data:`_IN_USE_ON`."""
    from babel.core import get_global

    out: dict[str, set[str]] = {}
    for territory, rows in get_global("territory_currencies").items():
        for code, start, end, tender in rows:
            if not tender or code in _NOT_MONEY or (start is not None and tuple(start) > _IN_USE_ON):
                continue
            if end is None or tuple(end) >= _IN_USE_ON:
                out.setdefault(code, set()).add(territory)
    return {code: sorted(t) for code, t in sorted(out.items())}


def families_from_babel() -> dict[str, list[str]]:
    """English family word -> the ISO codes in use whose English name ends in it ("dinar":
    BHD, DZD, IQD ...; "ringgit": MYR)."""
    from babel import Locale

    names = Locale.parse("en").currencies
    groups: dict[str, list[str]] = {}
    for code in _in_use_from_babel():
        name = names.get(code)
        if name:
            groups.setdefault(_fold_word(name.split()[-1]), []).append(code)
    return {word: sorted(codes) for word, codes in sorted(groups.items())}


def _family_id(codes: list[str], english: dict[str, str]) -> str:
    """The family of a set of codes: their English family words, sorted, joined by "/"."""
    return "/".join(sorted({english[c] for c in codes if c in english}))


def family_words_from_babel(cldr_locale: str) -> dict[str, str]:
    """The last words of the names of the currencies in use, in one CLDR locale (singular and,
    where CLDR has them, plural): a word naming one currency -> its ISO code ("ringgit" ->
    "MYR", "링깃" -> "MYR"); a word naming several -> "*" and their family ("dinars" ->
    "*dinar", "리얄" -> "*rial/riyal")."""
    from babel import Locale

    loc = Locale.parse(cldr_locale)
    en_names = Locale.parse("en").currencies
    english = {c: _fold_word(n.split()[-1]) for c, n in en_names.items() if isinstance(n, str) and n}
    plural = loc._data.get("currency_names_plural", {})
    words: dict[str, set[str]] = {}
    for code in _in_use_from_babel():
        forms = {loc.currencies.get(code) or ""} | set(dict(plural.get(code, {})).values())
        for form in forms:
            parts = form.split()
            if len(parts) < 2 or "(" in form:
                continue  # a one-word name is already a name of its own ("euro", "유로")
            words.setdefault(_fold_word(parts[-1]), set()).add(code)
    out: dict[str, str] = {}
    for word, codes in sorted(words.items()):
        out[word] = next(iter(codes)) if len(codes) == 1 else "*" + _family_id(sorted(codes), english)
    return out


def symbols_from_babel() -> dict[str, str]:
    """Currency symbols as the currencies' own countries write them (CLDR, in each official
    language of each territory where the currency is in use): a symbol of one currency -> its
    ISO code ("RM" -> "MYR"), of several -> "*" and their family ("kr" -> "*krona/krone").
    Kept: symbols with a currency sign ("₪", "RD$"), and Latin symbols of two letters or more
    ("RM", "Rp", "Ft", "kr"); a symbol equal to the code is left out."""
    import unicodedata

    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages

    english = {c: _fold_word(n.split()[-1]) for c, n in Locale.parse("en").currencies.items()
               if isinstance(n, str) and n}
    found: dict[str, set[str]] = {}
    for code, territories in _in_use_from_babel().items():
        for territory in territories:
            for lang in get_official_languages(territory, de_facto=True):
                try:
                    loc = Locale.parse(f"{lang}_{territory}")
                except (ValueError, LookupError, UnknownLocaleError):
                    continue
                symbol = (loc.currency_symbols.get(code) or "").strip()
                if not symbol or symbol == code:
                    continue
                letters = [ch for ch in symbol if ch.isalpha()]
                sign = any(unicodedata.category(ch) == "Sc" for ch in symbol)
                latin = all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in letters)
                if latin and (sign or len(letters) >= 2):
                    found.setdefault(symbol, set()).add(code)
    return {s: (next(iter(c)) if len(c) == 1 else "*" + _family_id(sorted(c), english))
            for s, c in sorted(found.items())}


def family_words(cldr_locale: str) -> dict[str, str]:
    """:func:`family_words_from_babel`, from the generated file when it has the locale."""
    data = _generated().get(cldr_locale)
    if data is not None:
        return dict(data.get("family_words", {}))
    return family_words_from_babel(cldr_locale)


@functools.lru_cache(maxsize=1)
def currency_symbols() -> dict[str, str]:
    """:func:`symbols_from_babel`, from the generated file (the caller must not change it)."""
    return dict(_file().get("symbols", {}))


def digits_from_babel() -> dict[str, list[int]]:
    """The decimal places of every currency in use whose places differ from two, as CLDR gives
    them: [in accounts, in cash] (JPY [0, 0], KWD [3, 3], IDR [2, 0]: rupiahs are paid whole)."""
    from babel.core import get_global

    fractions = get_global("currency_fractions")
    default = fractions["DEFAULT"]
    out = {}
    for code in _in_use_from_babel():
        digits, _, cash, _ = fractions.get(code, default)
        if (digits, cash) != (default[0], default[2]):
            out[code] = [int(digits), int(cash)]
    return out


def currency_digits(code: str | None, family: str | None = None) -> tuple[int, int]:
    """The decimal places of a currency, in accounts and in cash ((2, 2) unless CLDR says
    otherwise); for a family, the most of its currencies ("dinar": (3, 3), since the Kuwaiti
    dinar has three)."""
    table: dict[str, list[int]] = _file().get("digits", {})
    codes = [code] if code is not None else sorted(family_codes(family)) if family is not None else []
    places = [tuple(table.get(c, (2, 2))) for c in codes] or [(2, 2)]
    return max(p[0] for p in places), max(p[1] for p in places)


@functools.lru_cache(maxsize=1)
def currency_families() -> dict[str, tuple[str, ...]]:
    """:func:`families_from_babel`, from the generated file (the caller must not change it)."""
    return {w: tuple(codes) for w, codes in _file().get("families", {}).items()}


@functools.lru_cache(maxsize=256)
def family_of(code: str) -> str | None:
    """The family of an ISO code: the family word whose currencies include it ("USD" ->
    "dollar", "KWD" -> "dinar"), or None for a currency whose name it shares with no other."""
    return next((w for w, members in currency_families().items() if code in members and len(members) > 1), None)


def family_codes(family: str) -> frozenset[str]:
    """The ISO codes of a family ("dinar", or several joined by "/": "krona/krone")."""
    fams = currency_families()
    out: set[str] = set()
    for word in family.split("/"):
        out.update(fams.get(word, ()))
    return frozenset(out)
