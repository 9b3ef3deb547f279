"""The one explicit registry of which rule extracts which kind of claim in which language.

A :class:`Registry` maps ``(language, kind)`` to an extractor ``(Document) -> list[Claim]``.
:func:`default_registry` builds it from the locale files: each locale lists the kinds it
supports, and each kind has one generic rule that reads that locale's data. A registry checks
its pairs when it is made: a language without a locale file, or a kind its locale file does not
list in ``[locale] kinds``, raises :class:`~factcheck.errors.LocaleError` there and then (not
at every later extract). Asking for a pair that is not registered raises ``LocaleError`` too;
nothing falls back to another language.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from factcheck.claims import Claim
from factcheck.errors import LocaleError
from factcheck.locale.files import locale_file_label
from factcheck.locale.loader import available_locales, load_locale
from factcheck.rules import dates as date_rules
from factcheck.rules import names as name_rules
from factcheck.rules.measures.money import extract_money
from factcheck.rules.measures.number import extract_number
from factcheck.rules.measures.percent import extract_percent
from factcheck.rules.measures.quantity import extract_quantity
from factcheck.text.document import Document

__all__ = ["Extractor", "Registry", "check_pair", "default_registry", "KIND_RULES", "KIND_PRIORITY"]

Extractor = Callable[[Document], list[Claim]]

#: The generic rule of each kind. A locale opts into a kind by listing it in ``[locale] kinds``.
KIND_RULES: Mapping[str, Extractor] = MappingProxyType({
    "money": extract_money,
    "percent": extract_percent,
    "quantity": extract_quantity,
    "number": extract_number,
    "date": date_rules.extract_date,
    "person": name_rules.extract_person,
    "org": name_rules.extract_org,
    "place": name_rules.extract_place,
})

#: When two claims overlap, the kind with the higher priority keeps the text
#: ("1,600만불" is money, not also the number 16,000,000).
KIND_PRIORITY: Mapping[str, int] = MappingProxyType({
    "date": 60, "money": 50, "percent": 40, "quantity": 30, "person": 20, "org": 20, "place": 20, "number": 10,
})


@dataclass(frozen=True)
class Registry:
    """An immutable table of (language, kind) -> extractor.

    Every pair is checked when the registry is made (:func:`check_pair`): its language must
    have a locale file and list the kind in ``[locale] kinds``."""

    rules: Mapping[tuple[str, str], Extractor]

    def __post_init__(self) -> None:
        rules = dict(self.rules)
        for (lang, kind), extractor in rules.items():
            check_pair(lang, kind)
            if not callable(extractor):
                raise TypeError(f"the extractor of ({lang!r}, {kind!r}) is not callable: {extractor!r}")
        object.__setattr__(self, "rules", MappingProxyType(rules))

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[tuple[str, str], Extractor]]) -> Registry:
        return cls(MappingProxyType(dict(pairs)))

    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({lang for lang, _ in self.rules}))

    def kinds(self, lang: str) -> tuple[str, ...]:
        kinds = [k for (lg, k) in self.rules if lg == lang]
        if not kinds:
            raise LocaleError(
                f"unsupported language {lang!r}: no extractors registered "
                f"(registered: {', '.join(self.languages()) or 'none'})"
            )
        return tuple(sorted(kinds, key=lambda k: (-KIND_PRIORITY.get(k, 0), k)))

    def get(self, lang: str, kind: str) -> Extractor:
        try:
            return self.rules[(lang, kind)]
        except KeyError:
            raise LocaleError(f"no extractor for kind {kind!r} in language {lang!r}",
                              reason="unsupported-kind") from None

    def with_rule(self, lang: str, kind: str, extractor: Extractor) -> Registry:
        """A new registry with one more (or one replaced) rule; a language without a locale
        file, or a kind it does not list, raises :class:`LocaleError` here."""
        rules = dict(self.rules)
        rules[(lang, kind)] = extractor
        return Registry(MappingProxyType(rules))


def check_pair(lang: str, kind: str) -> None:
    """Raise :class:`LocaleError` unless ``lang`` has a locale file that lists ``kind`` in
    ``[locale] kinds`` (a rule for a kind without locale data could only fail later, at every
    extract)."""
    if not isinstance(lang, str) or not isinstance(kind, str):
        raise LocaleError(f"a registry pair is (language, kind) strings, not ({lang!r}, {kind!r})",
                          reason="unsupported-language")
    try:
        locale = load_locale(lang)
    except LocaleError as exc:  # no locale file (or not a language code at all)
        raise LocaleError(f"cannot register kind {kind!r} for language {lang!r}: {exc.message}",
                          reason=exc.reason, path=exc.path) from None
    if kind not in locale.kinds:
        raise LocaleError(
            f"cannot register kind {kind!r} for language {lang!r}: {locale_file_label(lang)} lists the kinds "
            f"{', '.join(locale.kinds)} ([locale] kinds); add the kind and its data there first",
            reason="unsupported-kind")


@functools.lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry of every locale file shipped with factcheck."""
    pairs = []
    for code in available_locales():
        for kind in load_locale(code).kinds:
            if kind not in KIND_RULES:
                raise LocaleError(f"locale {code!r} lists unknown kind {kind!r}", reason="bad-locale")
            pairs.append(((code, kind), KIND_RULES[kind]))
    return Registry.from_pairs(pairs)
