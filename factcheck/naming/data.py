"""Reading the names vocabularies: ``factcheck/locales/names/<code>.toml`` and ``common.toml``.

:func:`read_names_file` is the one place where these files are read (through
:func:`factcheck.locale.files.read_locale_file`, which checks them against their schema);
everything else asks :func:`load_name_vocab` for a language's vocabulary, read-only and cached.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from factcheck.errors import LocaleError
from factcheck.locale.files import locale_codes, read_locale_file

__all__ = ["COMMON", "load_name_vocab", "name_codes", "names_section", "read_names_file"]

#: the file of what every language shares (the fold of romanised names)
COMMON = "common"


def read_names_file(name: str) -> dict[str, Any]:
    """The parsed and checked ``factcheck/locales/names/<name>.toml`` (LocaleError when there
    is none, or when it breaks its schema)."""
    data = read_locale_file(("names", name), missing_ok=True)
    if data is None:
        raise LocaleError(f"no names vocabulary for language {name!r}", reason="unsupported-kind")
    return data


@functools.lru_cache(maxsize=8)
def load_name_vocab(code: str) -> Mapping[str, Any]:
    """The names vocabulary of one language (``factcheck/locales/names/<code>.toml``), read-only."""
    return MappingProxyType(read_names_file(code))


@functools.lru_cache(maxsize=1)
def name_codes() -> tuple[str, ...]:
    """The languages with a names vocabulary, in code order."""
    return locale_codes("names")


def names_section(code: str) -> Mapping[str, Any]:
    """The ``[names]`` table of a language's names vocabulary (empty when it has none)."""
    section: Mapping[str, Any] = load_name_vocab(code).get("names", {})
    return section
