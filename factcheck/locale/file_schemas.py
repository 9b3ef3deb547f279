"""The schemas of the locale files factcheck ships (see :mod:`factcheck.locale.schema`).

=============================  ==============================================
file                           schema
=============================  ==============================================
``locales/common.toml``        :data:`COMMON` (shared currency signs, blocked spans, units)
``locales/<code>.toml``        :data:`LANGUAGE` (one language's numbers, money, qualifiers)
``locales/dates/common.toml``  :data:`DATES_COMMON` (shared date atoms)
``locales/dates/<code>.toml``  :data:`DATES` (one language's date vocabulary and atoms)
``locales/names/common.toml``  :data:`NAMES_COMMON` (folding of romanised names)
``locales/names/<code>.toml``  :data:`NAMES` (titles, surnames, organisation/place words)
=============================  ==============================================

A key a rule starts to read must be added here too: an unknown key in a locale file is an
error (so that a typo is never silently ignored). docs/adding-a-language.md explains the keys.
"""

from __future__ import annotations

from types import MappingProxyType

from factcheck.locale.schema import ANY, AnyOf, Bool, Int, ListOf, MapOf, Number, Spec, Str, Table

__all__ = ["COMMON", "DATES", "DATES_COMMON", "LANGUAGE", "NAMES", "NAMES_COMMON", "schema_for"]


def _table(*required: str, **fields: Spec) -> Table:
    """A table of the ``fields`` given, the keys named first required."""
    return Table(MappingProxyType(fields), frozenset(required))


_WORDS = ListOf(Str())
_TEXT = Str()
_FLAG = Bool()
_REGEX = Str(regex=True)
#: an ISO 4217 code; a trailing "?" marks a code that is only assumed ("$" = "USD?"); "*" and a
#: family word name a family of currencies and no country ("디나르" = "*dinar")
_CURRENCY = Str(pattern=r"[A-Z]{3}\??|\*[a-zá-ú/]+",
                what="an ISO 4217 code such as 'USD' (or 'USD?' when only assumed, '*dinar' for a family)",
                many="ISO 4217 codes such as 'USD' (or 'USD?' when only assumed, '*dinar' for a family)")
_NUMBERS = MapOf(Number())

# ----------------------------------------------------------------------------- locales/*.toml
_QUALIFIER_KEYS = (
    "approx_before", "approx_after", "min_before", "min_after", "max_before", "max_after", "bounds_join",
    "particles_before_after", "range_separators", "range_open", "range_join", "range_join_close", "range_close",
    "change_after", "change_before", "change_verbs", "change_verb_links", "change_verb_separators", "glued_after",
    # words that say a figure is a fall or a rise ("dropped 14.6 percent", "14.6% 감소")
    "fall_before", "rise_before", "fall_after", "rise_after",
)

_PERCENT = _table(percent=_WORDS, points=_WORDS)
_UNITS = MapOf(Str(non_empty=True))
_BLOCKED = _table(patterns=ListOf(_REGEX), inherit_common=_FLAG)

COMMON: Table = _table(
    "currency",
    currency=_table(
        "before", "codes",
        before=MapOf(_CURRENCY),
        after=MapOf(_CURRENCY),
        codes=_table(
            enabled=_FLAG,
            not_read=ListOf(Str(pattern=r"[A-Z]{3}", what="an ISO 4217 code such as 'USD'",
                                many="ISO 4217 codes such as 'USD'")),
            scaled=_NUMBERS,
        ),
        # CLDR currency symbols that are not read ("KM" is also kilometres)
        symbols=_table(not_read=_WORDS),
    ),
    blocked=_BLOCKED,
    qualifiers=_table(**{k: _WORDS for k in ("approx_before", "min_before", "max_before")}),
    units=_UNITS,
    percent=_PERCENT,
)

LANGUAGE: Table = _table(
    "locale",
    locale=_table(
        "code", "name", "scripts", "kinds",
        code=Str(pattern=r"[a-z]{2,3}(?:[-_][A-Za-z0-9]+)?", what="a language code such as 'ko'"),
        name=Str(non_empty=True),
        scripts=ListOf(Str(non_empty=True), min_length=1),
        common_words=_WORDS,
        cldr=Str(non_empty=True),
        kinds=ListOf(Str(non_empty=True), min_length=1),
    ),
    numbers=_table(
        group_separator=Str(non_empty=True),
        decimal_separator=Str(non_empty=True),
        digit_words=MapOf(Int(minimum=0)),
        additive_digit_words=_FLAG,
        small_units=_NUMBERS,
        big_units=_NUMBERS,
        leading_units=_WORDS,
        articles=_WORDS,
        fraction_words=_NUMBERS,
        point_words=_WORDS,
        negative_words=_WORDS,
        approx_infix=_WORDS,
        and_words=_WORDS,
        case_insensitive=_FLAG,
        word_boundaries=_FLAG,
        space_inside=Str(choices=("anywhere", "after-big-unit")),
        min_word_number_chars=Int(minimum=0),
        word_unit_min_chars=MapOf(Int(minimum=0)),
        standalone_stopwords=_WORDS,
        native_words=_NUMBERS,
        native_attributive=_NUMBERS,
        native_glued_counters=_WORDS,
        ordinal_before=_WORDS,
        ordinal_after=_WORDS,
        date_after=_WORDS,
        counters=_WORDS,
        followers=_WORDS,
        year_range=ListOf(Int(), length=2),
        year_counts=_WORDS,
        year_markers=_WORDS,
        names_take_numbers=_FLAG,
        names_glue_numbers=_FLAG,
        abbreviations=_table(strict=_NUMBERS, with_currency=_NUMBERS, unit_followers=_WORDS, standalone=_WORDS),
        positive_words=_WORDS,
        vague_prefixes=_WORDS,
        vague_plurals=_NUMBERS,
        native_ranges=MapOf(ListOf(Number(), length=2)),
        native_alone=_WORDS,
        point_leading=_FLAG,
        point_takes_digits=_FLAG,
        lone_digit_stopwords=_WORDS,
        copula_endings=_WORDS,
        ordinals=_table(words=_NUMBERS, plural_suffixes=_WORDS, not_alone=_WORDS, ranks=_WORDS),
        vague_phrases=_NUMBERS,
        fractions=_table(
            alone=_NUMBERS,
            denominator_first=_WORDS,
            numerator_first=_WORDS,
            denominators=_NUMBERS,
            plural_denominators=_NUMBERS,
            need_of=_WORDS,
            alone_need_of=_WORDS,
            not_after=_WORDS,
            of_words=_WORDS,
            of_scale=_WORDS,
            whole_joins=_WORDS,
        ),
    ),
    currency=_table(
        cldr_names=_FLAG,
        not_names=_WORDS,
        bare_unit_particles=_WORDS,
        word_suffixes=_WORDS,
        as_unit=_UNITS,
        as_unit_followers=_WORDS,
        before=MapOf(_CURRENCY),
        after=MapOf(_CURRENCY),
        subunits=MapOf(_CURRENCY),
    ),
    qualifiers=_table(**{k: _WORDS for k in _QUALIFIER_KEYS}),
    percent=_PERCENT,
    units=_UNITS,
    count_units=_table(units=_UNITS, before=_WORDS, after=_WORDS, between=_WORDS),
    unit_context=ListOf(_table(
        "word", "unit",
        word=Str(non_empty=True),
        unit=Str(non_empty=True),
        preceded_by=_WORDS,
        followed_by=_WORDS,
        particles=_WORDS,
    )),
    blocked=_BLOCKED,
    examples=ListOf(_table(
        "text", "kind", "value",
        text=Str(non_empty=True),
        kind=Str(non_empty=True),
        value=MapOf(ANY),
        span=Str(non_empty=True),
        reference_date=_TEXT,
    )),
)

# ----------------------------------------------------------------------------- locales/dates/*.toml
_ATOM = _table(
    "name", "pattern",
    name=Str(non_empty=True),
    pattern=Str(non_empty=True),
    first=AnyOf((_TEXT, _WORDS)),
    triggers=_WORDS,
    context=_TEXT,
    attach=_TEXT,
    weak=_FLAG,
    pairs=_FLAG,
    modifier=_FLAG,
    range_only=_FLAG,
    no_year_span=_FLAG,
)
_SCALAR = AnyOf((Str(), Int()))
_SNIPPETS = MapOf(_TEXT)

DATES_COMMON: Table = _table(atom=ListOf(_ATOM), snippets=_SNIPPETS)

DATES: Table = _table(
    "dates",
    dates=_table(
        case_insensitive=_FLAG,
        trigger_prefix=_FLAG,
        late_from_reference=_FLAG,
        header_lines=Int(minimum=0),
        exact_case=_WORDS,
        dateparser_languages=_WORDS,
        lead_words=_WORDS,
        weekday_in_week=_WORDS,
        plan_atoms=_WORDS,
        **{k: _TEXT for k in (
            "utc_offset", "local_time", "vocab_space", "word", "join", "range_separator", "range_open",
            "range_from", "range_end", "range_close", "range_change", "weak_context", "published_label",
            "dateline_before", "dateline_after", "future_tense", "future_tense_after", "past_tense_after",
            "time_join", "open_before", "open_after", "count_before", "count_after", "range_lead", "span_after",
            "span_before",
        )},
    ),
    statement=_table(**{k: _TEXT for k in ("before", "after", "subject_before", "sentence_verb", "sentence_end")}),
    # a comparison baseline, not a dated event ("from a year earlier", "지난해보다")
    baseline=_table(before=_TEXT, after=_TEXT),
    snippets=_SNIPPETS,
    # [vocab.<table>] word = a value, a number or a list of them ("오늘" = ["day", 0])
    vocab=MapOf(MapOf(AnyOf((_SCALAR, ListOf(_SCALAR))))),
    atom=ListOf(_ATOM),
    examples=ListOf(_table(
        "text",
        text=Str(non_empty=True),
        start=_TEXT,
        end=_TEXT,
        grain=_TEXT,
        reference_date=_TEXT,
    )),
)

# ----------------------------------------------------------------------------- locales/names/*.toml
_FOLD_RULES = ListOf(ListOf(Str(), length=2))

NAMES_COMMON: Table = _table(
    "fold",
    fold=_table("rules", keep=_WORDS, rules=_FOLD_RULES, loanword_rules=_FOLD_RULES),
    # names of no romanised language: compared by a Unicode casefold; marks dropped in these scripts
    generic=_table(drop_marks=_WORDS),
)

NAMES: Table = _table(
    names=_table(
        capitalised=_FLAG,
        name_is_one_word=_FLAG,
        short_needs_full=_FLAG,
        given_min=Int(minimum=0),
        given_max=Int(minimum=0),
        word_chars=Str(non_empty=True),
        # the language's own script is romanised for keys (Hangul: Kim Yoon-sang = 김윤상)
        romanised=_FLAG,
        particles=_WORDS,
        surnames=_WORDS,
        not_names=_WORDS,
        titles=_WORDS,
        glued_honorifics=_WORDS,
        head_suffixes=_WORDS,
        syllable=_table(initials=_WORDS, vowels=_WORDS, finals=_WORDS),
        words=_table(**{k: _WORDS for k in (
            "titles", "lower_titles", "not_names", "hyphen_tails", "interjections", "leading_skip", "connectors",
        )}),
    ),
    # customary Latin spellings of each Hangul surname
    surnames=MapOf(_WORDS),
    org=_table(
        min_stem=Int(minimum=0),
        **{k: _WORDS for k in ("suffixes", "prefixes", "weak_suffixes", "legal_forms", "not_orgs", "not_org_endings")},
        # organisation words -> their concept, shared by every language (전자 = Electronics =
        # "electronics"), and the words keys leave out like legal forms (공사, Corporation)
        words=MapOf(Str(non_empty=True)),
        form_words=_WORDS,
    ),
    place=_table(
        min_stem=Int(minimum=0),
        **{k: _WORDS for k in ("admin_suffixes", "admin_prefixes", "suffixes", "prefixes", "context_suffixes",
                               "not_places", "not_place_endings")},
        # capitalised words that make a longer name of a known place after them (North America)
        modifiers=_WORDS,
    ),
)

_FOLDERS: MappingProxyType[str, tuple[Table, Table]] = MappingProxyType({
    "": (COMMON, LANGUAGE),
    "dates": (DATES_COMMON, DATES),
    "names": (NAMES_COMMON, NAMES),
})


def schema_for(folder: str, stem: str) -> Table | None:
    """The schema of ``locales/<folder>/<stem>.toml`` (``folder`` "" for the main files), or None
    for a folder factcheck does not know."""
    pair = _FOLDERS.get(folder)
    if pair is None:
        return None
    return pair[0] if stem == "common" else pair[1]
