"""Locale data: the vocabulary of one language, loaded from ``factcheck/locales/<code>.toml``.

A :class:`Locale` is immutable. It is built once per language code by :func:`load_locale`
(a bounded cache on a pure function of the code) and holds the compiled patterns every rule
uses. Nothing here depends on the language *name*: adding a language is adding a TOML file.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from factcheck.errors import LocaleError
from factcheck.locale import cldr
from factcheck.locale.files import locale_codes, read_locale_file
from factcheck.locale.patterns import FirstCharMatcher, alternation
from factcheck.values import in_decimal_context

__all__ = ["Locale", "CurrencyWord", "UnitContext", "load_locale", "available_locales", "locale_meta",
           "script_of"]


@dataclass(frozen=True, slots=True)
class CurrencyWord:
    """What a currency surface form means: an ISO code, whether it was only assumed, and the
    factor to the main unit (0.01 for cents)."""

    code: str
    assumed: bool = False
    factor: Decimal = Decimal(1)


def _currency(value: str, factor: Decimal = Decimal(1)) -> CurrencyWord:
    return CurrencyWord(value.rstrip("?"), value.endswith("?"), factor)


@dataclass(frozen=True, slots=True)
class UnitContext:
    """A unit word read as another unit in context (``[[unit_context]]``: 도 is an angle after
    경사, a temperature otherwise)."""

    word: str
    unit: str
    preceded_by: tuple[str, ...]
    followed_by: tuple[str, ...]
    particles: tuple[str, ...]  # longest first


def available_locales() -> tuple[str, ...]:
    """The language codes that have a locale file, sorted."""
    return locale_codes()


@dataclass(frozen=True)
class Locale:
    """The compiled vocabulary of one language (see the TOML files for field meanings)."""

    code: str
    name: str
    scripts: tuple[str, ...]
    kinds: tuple[str, ...]
    raw: Mapping[str, Any]
    digit_words: Mapping[str, int]
    small_units: Mapping[str, Decimal]
    big_units: Mapping[str, Decimal]
    leading_units: frozenset[str]
    articles: frozenset[str]
    point_words: frozenset[str]
    native_words: Mapping[str, Decimal]
    fraction_words: Mapping[str, Decimal]
    native_attributive: frozenset[str]
    native_glued_counters: tuple[str, ...]
    negative_words: frozenset[str]
    approx_infix: frozenset[str]
    and_words: frozenset[str]
    case_insensitive: bool
    additive_digit_words: bool
    space_inside: str
    min_word_number_chars: int
    word_unit_min_chars: Mapping[str, int]
    standalone_stopwords: frozenset[str]
    ordinal_before: tuple[str, ...]
    ordinal_after: tuple[str, ...]
    date_after: tuple[str, ...]
    counters: tuple[str, ...]
    followers: tuple[str, ...]
    year_range: tuple[int, int] | None
    names_take_numbers: bool
    abbrev_strict: Mapping[str, Decimal]
    abbrev_currency: Mapping[str, Decimal]
    #: words after a glued abbreviation that make it a unit, not a scale ("the 100m sprint")
    abbrev_unit_followers: frozenset[str]
    currency_before: Mapping[str, CurrencyWord]
    currency_after: Mapping[str, CurrencyWord]
    currency_before_lengths: tuple[int, ...]
    #: currency words that are also units of measure ("pounds" -> "pound"), read as the unit
    #: when one of ``[currency] as_unit_followers`` comes next (see ``currency_as_unit_re``)
    currency_as_unit: Mapping[str, str]
    group_separator: str
    decimal_separator: str
    percent_words: Mapping[str, str]
    unit_words: Mapping[str, str]
    unit_contexts: tuple[UnitContext, ...]
    qualifiers: Mapping[str, tuple[str, ...]]
    examples: tuple[Mapping[str, Any], ...]
    # compiled patterns
    number_re: re.Pattern[str]
    token_re: re.Pattern[str]
    blocked_re: tuple[re.Pattern[str], ...]
    currency_after_re: FirstCharMatcher
    currency_as_unit_re: re.Pattern[str] | None
    percent_after_re: re.Pattern[str]
    unit_after_re: re.Pattern[str]
    approx_before_re: re.Pattern[str]
    bound_before_re: re.Pattern[str]
    bound_after_re: re.Pattern[str]
    range_sep_re: re.Pattern[str]

    def fold(self, word: str) -> str:
        return word.lower() if self.case_insensitive else word

    def is_word_char(self, ch: str) -> bool:
        """True for a letter of this locale's scripts (used for word boundaries)."""
        return bool(ch) and script_of(ch) in self.scripts


def script_of(ch: str) -> str:
    if "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f":
        return "Hangul"
    if ch.isascii() and ch.isalpha():
        return "Latin"
    if ch.isalpha():
        name = unicodedata.name(ch, "")
        return name.split(" ", 1)[0].title() if name else "Other"
    return "Other"


@functools.lru_cache(maxsize=16)
def locale_meta(code: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The scripts and common words of a locale, read without compiling the locale."""
    meta = read_locale_file(code)["locale"]
    return tuple(meta.get("scripts", [])), frozenset(w.lower() for w in meta.get("common_words", []))


def _dec_map(table: Mapping[str, Any]) -> dict[str, Decimal]:
    return {k: Decimal(str(v)) for k, v in table.items()}


def _currency_tables(code: str, meta: Mapping[str, Any], common: Mapping[str, Any], cur: Mapping[str, Any],
                     ci: bool) -> tuple[dict[str, CurrencyWord], dict[str, CurrencyWord]]:
    """The currency words read before and after a number: common symbols, CLDR names and
    codes, then the locale's own (which win)."""
    codes_cfg = common["currency"]["codes"]
    before: dict[str, CurrencyWord] = {k: _currency(v) for k, v in common["currency"]["before"].items()}
    after: dict[str, CurrencyWord] = {}
    if cur.get("cldr_names", False) or codes_cfg.get("enabled", False):
        names, codes = cldr.currency_vocabulary(meta.get("cldr", code))
        if cur.get("cldr_names", False):
            for name, iso in names.items():
                after.setdefault(name, CurrencyWord(iso))
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
    # two or more letters before a currency sign may stand apart from it or in lower case
    # ("HK $", "us$"); a single letter may not ("a $5 bill" is no Australian dollar)
    for k, v in list(before.items()):
        if len(k) > 2 and unicodedata.category(k[-1]) == "Sc" and k[:-1].isalpha():
            for variant in (k[:-1] + " " + k[-1], k.lower(), k[:-1].lower() + " " + k[-1]):
                before.setdefault(variant, v)
    for k, v in cur.get("subunits", {}).items():
        after[k] = _currency(v, Decimal("0.01"))
    # fold case-insensitive words once, so lookups are plain dict gets
    if ci:
        before = {(k if k.isupper() else k.lower()): v for k, v in before.items()}
        after = {(k if k.isupper() else k.lower()): v for k, v in after.items()}
    return before, after


def _number_patterns(num: Mapping[str, Any], word_items: list[str], articles: list[str], unit_items: list[str],
                     abbrev_items: list[str], ci: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The pattern of a run of number tokens (``number_re``) and of one token (``token_re``),
    with the separators the locale allows."""
    # 1,234,567 | 12,34,567 (Indian grouping) | 1 234 567 with thin or no-break spaces, or
    # plain spaces when there are at least two groups or the group is 000 ("40 000"; "March 5
    # 200 people" stays two numbers) | plain digits | .25
    group_sep = str(num.get("group_separator", ","))
    decimal_sep = str(num.get("decimal_separator", "."))
    digits = (r"(?>\d{1,3}(?:G\d{3})++(?![\d])|\d{1,2}(?:G\d{2}(?=G))++G\d{3}(?![\d])"
              r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})++(?![\d])|\d{1,3}(?: \d{3}){2,}+(?![\d])"
              r"|\d{1,3} 000(?![\d])"
              r"|\d++|(?<![\w.,])(?=D\d))(?>D\d++)?")
    digits = digits.replace("G", re.escape(group_sep)).replace("D", re.escape(decimal_sep))
    words = alternation(word_items, ignore_case=ci)
    if num.get("word_boundaries", False):
        words = rf"\b{words}\b"
    article = ""
    if articles:
        unit_follow = alternation(unit_items, ignore_case=ci)
        article = rf"|\b{alternation(articles, ignore_case=ci)}(?=[ \t]+{unit_follow}\b)"
    abbrevs = alternation(abbrev_items)
    digit_tok = rf"(?<![\d])(?<![\d][.,])(?:(?<![\w])[-−](?=\d))?{digits}(?:{abbrevs}(?![A-Za-z]))?"
    token = rf"(?>{digit_tok}|{words}{article})"
    ands = num.get("and_words", [])
    if ands:
        sep = rf"(?:[ \t]++(?:{alternation(ands, ignore_case=ci)}[ \t]++)?|-)"
    else:
        sep = r"(?:[ \t]{1,3})"  # "이천  이백": a stray double space inside a number
    # a cheap first-character check lets the scan skip most positions at once
    firsts = {w[:1].lower() for w in word_items + articles} | {w[:1].upper() for w in word_items + articles}
    first_class = "".join(sorted(re.escape(c) for c in firsts if c))
    # a number written in words never starts inside a word ("수천만", "someone")
    number_re = re.compile(
        rf"(?:(?=[0-9\-−.])|(?<![^\W\d_])(?=[{first_class}])){token}(?:{sep}?+{token})*+"
    )
    return number_re, re.compile(token)


def _blocked_patterns(common: Mapping[str, Any], data: Mapping[str, Any]) -> tuple[re.Pattern[str], ...]:
    """Spans that look numeric but are no amounts (phone numbers, numeric dates): one pattern."""
    own = data.get("blocked", {})
    patterns = list(common.get("blocked", {}).get("patterns", [])) if own.get("inherit_common", True) else []
    patterns += list(own.get("patterns", []))
    # one pass for all patterns; the lookahead skips every position that cannot start one
    if not patterns:
        return ()
    return (re.compile(r"(?=[\d+(hw])(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"),)


def _qualifier_patterns(quals: Mapping[str, tuple[str, ...]], bounds: bool, ci: bool
                        ) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """approx_before_re, bound_before_re, bound_after_re and range_sep_re of the qualifier words."""
    def words_of(*keys: str) -> list[str]:
        out: list[str] = []
        for k in keys:
            out.extend(quals.get(k, ()))
        return out

    wb = r"(?:(?<![A-Za-z])|(?=[<>=≤≥]))" if bounds else ""  # signs may follow a letter: "x>10"
    approx_before_re = re.compile(
        rf"{wb}({alternation(words_of('approx_before'), ignore_case=ci)})[ \t]*\Z"
    )
    bound_before_re = re.compile(
        rf"{wb}({alternation(words_of('approx_before', 'min_before', 'max_before'), ignore_case=ci)})[ \t]*\Z"
    )
    particles = quals.get("particles_before_after", ())
    part = f"(?:{alternation(list(particles))})?" if particles else ""
    after_words = words_of("approx_after", "min_after", "max_after")
    bound_after_re = re.compile(
        rf"[ \t]*{part}[ \t]*({alternation(after_words, ignore_case=ci, latin_bounds=True)})"
    )
    separators = words_of("range_separators", "range_join")
    range_sep_re = re.compile(rf"[ \t]*({alternation(separators, ignore_case=ci, latin_bounds=True)})[ \t]*")
    return approx_before_re, bound_before_re, bound_after_re, range_sep_re


def _as_unit_pattern(words: tuple[str, ...], followers: tuple[str, ...], ci: bool) -> re.Pattern[str] | None:
    """A currency word that is also a unit, then one of the words that make it the unit."""
    if not words or not followers:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    nxt = "|".join(re.escape(w) for w in sorted(followers, key=len, reverse=True))
    return re.compile(rf"[ \t]?({alt})[ \t]+(?:{nxt})(?![^\W\d_])", re.IGNORECASE if ci else 0)


@functools.lru_cache(maxsize=16)
@in_decimal_context
def load_locale(code: str) -> Locale:
    """Load and compile the locale of a language code (cached: a locale never changes)."""
    if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]+)?", code):
        raise LocaleError(f"unsupported language {code!r}: expected a code such as 'ko' or 'en'")
    if code not in available_locales():
        raise LocaleError(
            f"unsupported language {code!r} (available: {', '.join(available_locales())})"
        )
    common = read_locale_file("common")
    data = read_locale_file(code)
    meta = data["locale"]
    num = data.get("numbers", {})
    ci = bool(num.get("case_insensitive", False))

    digit_words = {k: int(v) for k, v in num.get("digit_words", {}).items()}
    small_units = _dec_map(num.get("small_units", {}))
    big_units = _dec_map(num.get("big_units", {}))
    abbrev = num.get("abbreviations", {})
    abbrev_strict = _dec_map(abbrev.get("strict", {}))
    abbrev_currency = _dec_map(abbrev.get("with_currency", {}))
    articles = list(num.get("articles", []))
    cur = data.get("currency", {})
    before, after = _currency_tables(code, meta, common, cur, ci)

    percent_words: dict[str, str] = {}
    for table in (common.get("percent", {}), data.get("percent", {})):
        for w in table.get("percent", []):
            percent_words[w] = "percent"
        for w in table.get("points", []):
            percent_words[w] = "percentage_point"
    unit_words = dict(common.get("units", {}))
    unit_words.update(data.get("units", {}))

    q = data.get("qualifiers", {})
    quals = {k: tuple(v) for k, v in q.items() if isinstance(v, list)}
    # signs shared by every language (">10", "≤ 100") come first
    for k, v in common.get("qualifiers", {}).items():
        if isinstance(v, list):
            quals[k] = tuple(v) + quals.get(k, ())

    native_words = _dec_map(num.get("native_words", {}))
    fraction_words = _dec_map(num.get("fraction_words", {}))
    native_words.update(_dec_map(num.get("native_attributive", {})))
    ands = num.get("and_words", [])

    word_items = (
        list(digit_words) + list(small_units) + list(big_units) + list(num.get("point_words", []))
        + list(num.get("negative_words", [])) + list(num.get("approx_infix", [])) + list(native_words)
        + list(fraction_words)
    )
    number_re, token_re = _number_patterns(num, word_items, articles, list(small_units) + list(big_units),
                                           list(abbrev_strict) + list(abbrev_currency), ci)

    # "a 5-dollar bill", "a 20-euro note": a hyphen before a lower-case currency word
    currency_after_re = FirstCharMatcher.build(list(after), r"(?:[ \t]|-(?=[a-z]))?", ci)
    # a hyphen may join a number to a unit or percent word used as an adjective ("a 12-kilometer
    # tunnel", "a 10-percent stake")
    glue = r"(?:[ \t]|-(?=[^\W\d_]))?"
    percent_after_re = re.compile(
        rf"{glue}({alternation(list(percent_words), ignore_case=ci, latin_bounds=True)})"
    )
    unit_after_re = re.compile(rf"{glue}({alternation(list(unit_words), latin_bounds=True)})")
    approx_before_re, bound_before_re, bound_after_re, range_sep_re = _qualifier_patterns(
        quals, bool(num.get("word_boundaries", False)), ci)

    as_unit = {str(k): str(v) for k, v in cur.get("as_unit", {}).items()}
    as_unit_followers = tuple(cur.get("as_unit_followers", []))
    unit_contexts = tuple(
        UnitContext(str(c["word"]), str(c["unit"]), tuple(c.get("preceded_by", [])), tuple(c.get("followed_by", [])),
                    tuple(sorted(c.get("particles", []), key=len, reverse=True)))
        for c in data.get("unit_context", [])
    )
    yr = num.get("year_range")
    return Locale(
        code=code,
        name=meta.get("name", code),
        scripts=tuple(meta.get("scripts", [])),
        kinds=tuple(meta.get("kinds", [])),
        raw=MappingProxyType(data),
        digit_words=MappingProxyType({(k.lower() if ci else k): v for k, v in digit_words.items()}),
        small_units=MappingProxyType({(k.lower() if ci else k): v for k, v in small_units.items()}),
        big_units=MappingProxyType({(k.lower() if ci else k): v for k, v in big_units.items()}),
        leading_units=frozenset(num.get("leading_units", [])),
        articles=frozenset(a.lower() if ci else a for a in articles),
        point_words=frozenset(w.lower() if ci else w for w in num.get("point_words", [])),
        native_words=MappingProxyType(native_words),
        fraction_words=MappingProxyType({" ".join(k.lower().split()) if ci else k: v
                                         for k, v in fraction_words.items()}),
        native_attributive=frozenset(num.get("native_attributive", {})),
        native_glued_counters=tuple(sorted(num.get("native_glued_counters", []), key=len, reverse=True)),
        negative_words=frozenset(w.lower() if ci else w for w in num.get("negative_words", [])),
        approx_infix=frozenset(num.get("approx_infix", [])),
        and_words=frozenset(w.lower() if ci else w for w in ands),
        case_insensitive=ci,
        additive_digit_words=bool(num.get("additive_digit_words", False)),
        space_inside=str(num.get("space_inside", "anywhere")),
        min_word_number_chars=int(num.get("min_word_number_chars", 0)),
        word_unit_min_chars=MappingProxyType({k: int(v) for k, v in num.get("word_unit_min_chars", {}).items()}),
        standalone_stopwords=frozenset(num.get("standalone_stopwords", [])),
        ordinal_before=tuple(num.get("ordinal_before", [])),
        ordinal_after=tuple(sorted(num.get("ordinal_after", []), key=len, reverse=True)),
        date_after=tuple(sorted(num.get("date_after", []), key=len, reverse=True)),
        counters=tuple(sorted(set(num.get("counters", [])), key=len, reverse=True)),
        followers=tuple(sorted(set(num.get("followers", [])), key=len, reverse=True)),
        year_range=(int(yr[0]), int(yr[1])) if yr else None,
        names_take_numbers=bool(num.get("names_take_numbers", False)),
        abbrev_strict=MappingProxyType(abbrev_strict),
        abbrev_currency=MappingProxyType(abbrev_currency),
        abbrev_unit_followers=frozenset(abbrev.get("unit_followers", [])),
        currency_before=MappingProxyType(before),
        currency_after=MappingProxyType(after),
        currency_before_lengths=tuple(sorted({len(k) for k in before}, reverse=True)),
        currency_as_unit=MappingProxyType(as_unit),
        group_separator=str(num.get("group_separator", ",")),
        decimal_separator=str(num.get("decimal_separator", ".")),
        percent_words=MappingProxyType({(k.lower() if ci else k): v for k, v in percent_words.items()}),
        unit_words=MappingProxyType(unit_words),
        unit_contexts=unit_contexts,
        qualifiers=MappingProxyType(quals),
        examples=tuple(MappingProxyType(e) for e in data.get("examples", [])),
        number_re=number_re,
        token_re=token_re,
        blocked_re=_blocked_patterns(common, data),
        currency_after_re=currency_after_re,
        currency_as_unit_re=_as_unit_pattern(tuple(as_unit), as_unit_followers, ci),
        percent_after_re=percent_after_re,
        unit_after_re=unit_after_re,
        approx_before_re=approx_before_re,
        bound_before_re=bound_before_re,
        bound_after_re=bound_after_re,
        range_sep_re=range_sep_re,
    )
