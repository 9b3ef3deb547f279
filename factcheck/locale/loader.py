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
from factcheck.locale.currencies import CurrencyWord, currency_tables
from factcheck.locale.files import locale_codes, read_locale_file
from factcheck.locale.patterns import FirstCharMatcher, alternation
from factcheck.values import in_decimal_context

__all__ = ["Locale", "CurrencyWord", "UnitContext", "load_locale", "available_locales", "locale_meta",
           "script_of"]


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
    #: one-syllable native words that stand alone before a particle (둘이, 셋은), unlike 열
    native_alone: frozenset[str]
    native_glued_counters: tuple[str, ...]
    negative_words: frozenset[str]
    #: words that mark a number as positive (플러스 2)
    positive_words: frozenset[str]
    #: a prefix that stands for "some" before a unit (수십, 몇백): the unit, approximate
    vague_prefixes: frozenset[str]
    #: plural scale words that stand for an approximate number alone ("hundreds of", "millions")
    vague_plurals: Mapping[str, Decimal]
    #: ordinal words ("third" = 3) and the suffixes of their plurals ("thirds")
    ordinal_words: Mapping[str, Decimal]
    ordinal_plural_suffixes: tuple[str, ...]
    #: ordinal words never read as a position on their own ("first", "second")
    ordinal_stopwords: frozenset[str]
    #: native words that are a range of two numbers (서너 = 3~4), read before a counter
    native_ranges: Mapping[str, tuple[Decimal, Decimal]]
    #: "point five": the point word may open a number; "12 point 45": digits may follow it
    point_leading: bool
    point_takes_digits: bool
    #: one-syllable digit words that are ordinary words too (이 "this", 일 "Japan"): never a
    #: number alone, even before a currency word (구 파운드 is 9 pounds, 이 달러 "this dollar")
    lone_digit_stopwords: frozenset[str]
    #: endings of the copula after a number's last digit word (백칠십이다: 170 and 이다)
    copula_endings: tuple[str, ...]
    approx_infix: frozenset[str]
    #: fractions (``[numbers.fractions]``, see factcheck/text/compose.py): infixes with the
    #: denominator first (분의) or the numerator first ("over"), fraction words and their
    #: denominators ("half" = 2, "quarters" = 4 and plural), words that need "of" after them
    #: alone ("a quarter of"), "of", "of a" before a scale, words joining a whole part ("and", 과)
    #: and fraction words that are a number alone (절반)
    fraction_infix_den_first: tuple[str, ...]
    fraction_infix_num_first: tuple[str, ...]
    fraction_infix_re: re.Pattern[str] | None
    fraction_denominators: Mapping[str, tuple[int, bool]]
    fraction_denominator_re: re.Pattern[str] | None
    fraction_need_of: frozenset[str]
    fraction_not_after: frozenset[str]
    fraction_alone_need_of: frozenset[str]
    fraction_of_words: tuple[str, ...]
    fraction_of_scale: tuple[str, ...]
    fraction_whole_joins: tuple[str, ...]
    fraction_alone: Mapping[str, Decimal]
    fraction_alone_re: re.Pattern[str] | None
    #: phrases that are a vague number ("a couple of" = 2, approximate)
    vague_phrases: Mapping[str, Decimal]
    vague_phrase_re: re.Pattern[str] | None
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
    #: a figure glued to a word before it (코로나19) is part of a name unless a counter follows
    names_glue_numbers: bool
    abbrev_strict: Mapping[str, Decimal]
    abbrev_currency: Mapping[str, Decimal]
    #: the ``with_currency`` abbreviations that are a scale without a currency too ("100K")
    abbrev_standalone: frozenset[str]
    #: words after a number that make it a rank or position (8위, 3번째, "13th"), longest first
    ranks: tuple[str, ...]
    #: words after a glued abbreviation that make it a unit, not a scale ("the 100m sprint")
    abbrev_unit_followers: frozenset[str]
    currency_before: Mapping[str, CurrencyWord]
    currency_after: Mapping[str, CurrencyWord]
    currency_before_lengths: tuple[int, ...]
    #: particles after a currency word glued to a unit alone (만원이면, 만원짜리), longest first
    bare_unit_particles: tuple[str, ...]
    #: currency words that are also units of measure ("pounds" -> "pound"), read as the unit
    #: when one of ``[currency] as_unit_followers`` comes next (see ``currency_as_unit_re``)
    currency_as_unit: Mapping[str, str]
    group_separator: str
    decimal_separator: str
    percent_words: Mapping[str, str]
    unit_words: Mapping[str, str]
    unit_contexts: tuple[UnitContext, ...]
    #: counts of time (``[count_units]``): units read only beside a count word (13년 연속),
    #: count words before or after the number, words between the number and its unit
    count_units: Mapping[str, str]
    count_units_longest: tuple[str, ...]
    count_before: tuple[str, ...]
    count_after: tuple[str, ...]
    count_between: tuple[str, ...]
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
    #: plural nouns after which a figure in ``year_range`` is a count ("2024 participants")
    year_counts: frozenset[str] = frozenset()
    #: words before such a figure that make it a year all the same ("the 2024 participants")
    year_markers: frozenset[str] = frozenset()

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
    sign = rf"(?:(?<![\w])[-−](?=\d|{re.escape(decimal_sep)}\d))?"  # "-5", "−.4"
    digit_tok = rf"(?<![\d])(?<![\d][.,]){sign}{digits}(?:{abbrevs}(?![A-Za-z]))?"
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
    before, after = currency_tables(code, meta, common, cur, ci)

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
    native_ranges = {k: (Decimal(str(v[0])), Decimal(str(v[1]))) for k, v in num.get("native_ranges", {}).items()}
    native_words.update({k: lo for k, (lo, _) in native_ranges.items()})
    ands = num.get("and_words", [])
    ordinals = num.get("ordinals", {})
    ordinal_words = _dec_map(ordinals.get("words", {}))
    plural_suffixes = tuple(ordinals.get("plural_suffixes", []))
    vague_plurals = _dec_map(num.get("vague_plurals", {}))

    word_items = (
        list(digit_words) + list(small_units) + list(big_units) + list(num.get("point_words", []))
        + list(num.get("negative_words", [])) + list(num.get("approx_infix", [])) + list(native_words)
        + list(fraction_words) + list(num.get("positive_words", [])) + list(num.get("vague_prefixes", []))
        + list(vague_plurals) + list(ordinal_words) + [w + suf for w in ordinal_words for suf in plural_suffixes]
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
    fr = num.get("fractions", {})

    def folded(words: Any) -> list[str]:
        return [" ".join(w.lower().split()) if ci else w for w in words]

    def words_re(words: list[str], bounded: bool = True) -> re.Pattern[str] | None:
        if not words:
            return None
        return re.compile(alternation(words, ignore_case=ci, latin_bounds=bounded))

    denominators = {k: (int(v), False) for k, v in fr.get("denominators", {}).items()}
    denominators.update({k: (int(v), True) for k, v in fr.get("plural_denominators", {}).items()})
    num_first = tuple(folded(fr.get("numerator_first", [])))
    infix_re = re.compile(rf"[ \t]+({alternation(list(num_first), ignore_case=ci, latin_bounds=True)})[ \t]+") \
        if num_first else None
    alone = {k: Decimal(str(v)) for k, v in zip(folded(fr.get("alone", {})), fr.get("alone", {}).values(), strict=True)}
    vague_phr = {k: Decimal(str(v)) for k, v in zip(folded(num.get("vague_phrases", {})),
                                                   num.get("vague_phrases", {}).values(), strict=True)}
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
        native_alone=frozenset(num.get("native_alone", [])),
        native_glued_counters=tuple(sorted(num.get("native_glued_counters", []), key=len, reverse=True)),
        negative_words=frozenset(w.lower() if ci else w for w in num.get("negative_words", [])),
        positive_words=frozenset(w.lower() if ci else w for w in num.get("positive_words", [])),
        vague_prefixes=frozenset(num.get("vague_prefixes", [])),
        vague_plurals=MappingProxyType({(k.lower() if ci else k): v for k, v in vague_plurals.items()}),
        ordinal_words=MappingProxyType({(k.lower() if ci else k): v for k, v in ordinal_words.items()}),
        ordinal_plural_suffixes=plural_suffixes,
        ordinal_stopwords=frozenset(w.lower() if ci else w for w in ordinals.get("not_alone", [])),
        native_ranges=MappingProxyType(native_ranges),
        point_leading=bool(num.get("point_leading", False)),
        point_takes_digits=bool(num.get("point_takes_digits", False)),
        lone_digit_stopwords=frozenset(num.get("lone_digit_stopwords", [])),
        copula_endings=tuple(num.get("copula_endings", [])),
        fraction_infix_den_first=tuple(fr.get("denominator_first", [])),
        fraction_infix_num_first=num_first,
        fraction_infix_re=infix_re,
        fraction_denominators=MappingProxyType({(k.lower() if ci else k): v for k, v in denominators.items()}),
        fraction_denominator_re=words_re(list(denominators)),
        fraction_need_of=frozenset(folded(fr.get("need_of", []))),
        fraction_not_after=frozenset(folded(fr.get("not_after", []))),
        fraction_alone_need_of=frozenset(folded(fr.get("alone_need_of", []))),
        fraction_of_words=tuple(folded(fr.get("of_words", []))),
        fraction_of_scale=tuple(fr.get("of_scale", [])),
        fraction_whole_joins=tuple(fr.get("whole_joins", [])),
        fraction_alone=MappingProxyType(alone),
        fraction_alone_re=words_re(list(fr.get("alone", {})), bounded=False),
        vague_phrases=MappingProxyType(vague_phr),
        vague_phrase_re=words_re(list(num.get("vague_phrases", {}))),
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
        names_glue_numbers=bool(num.get("names_glue_numbers", False)),
        abbrev_strict=MappingProxyType(abbrev_strict),
        abbrev_currency=MappingProxyType(abbrev_currency),
        abbrev_standalone=frozenset(abbrev.get("standalone", [])),
        ranks=tuple(sorted(ordinals.get("ranks", []), key=len, reverse=True)),
        abbrev_unit_followers=frozenset(abbrev.get("unit_followers", [])),
        currency_before=MappingProxyType(before),
        currency_after=MappingProxyType(after),
        currency_before_lengths=tuple(sorted({len(k) for k in before}, reverse=True)),
        bare_unit_particles=tuple(sorted(cur.get("bare_unit_particles", []), key=len, reverse=True)),
        currency_as_unit=MappingProxyType(as_unit),
        group_separator=str(num.get("group_separator", ",")),
        decimal_separator=str(num.get("decimal_separator", ".")),
        percent_words=MappingProxyType({(k.lower() if ci else k): v for k, v in percent_words.items()}),
        unit_words=MappingProxyType(unit_words),
        unit_contexts=unit_contexts,
        count_units=MappingProxyType(dict(data.get("count_units", {}).get("units", {}))),
        count_units_longest=tuple(sorted(data.get("count_units", {}).get("units", {}), key=len, reverse=True)),
        count_before=tuple(sorted(data.get("count_units", {}).get("before", []), key=len, reverse=True)),
        count_after=tuple(sorted(data.get("count_units", {}).get("after", []), key=len, reverse=True)),
        count_between=tuple(data.get("count_units", {}).get("between", [])),
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
        year_counts=frozenset(w.lower() for w in num.get("year_counts", [])),
        year_markers=frozenset(w.lower() for w in num.get("year_markers", [])),
    )
