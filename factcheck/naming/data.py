"""Reading the names vocabularies: ``factcheck/locales/names/<code>.toml`` and ``common.toml``.

:func:`read_names_file` is the one place where these files are read (parsed TOML, unvalidated);
everything else asks :func:`load_name_vocab` for a language's vocabulary, read-only and cached.
"""

from __future__ import annotations

import functools
import importlib.resources
import tomllib
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from factcheck.errors import LocaleError

__all__ = ["COMMON", "load_name_vocab", "name_codes", "names_section", "read_names_file"]

#: the file of what every language shares (the fold of romanised names)
COMMON = "common"


def read_names_file(name: str) -> dict[str, Any]:
    """The parsed ``factcheck/locales/names/<name>.toml``; FileNotFoundError when there is none."""
    path = importlib.resources.files("factcheck").joinpath("locales", "names", f"{name}.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=8)
def load_name_vocab(code: str) -> Mapping[str, Any]:
    """The names vocabulary of one language (``factcheck/locales/names/<code>.toml``), read-only."""
    try:
        data = read_names_file(code)
    except FileNotFoundError:
        raise LocaleError(f"no names vocabulary for language {code!r}", reason="unsupported-kind") from None
    return MappingProxyType(data)


@functools.lru_cache(maxsize=1)
def name_codes() -> tuple[str, ...]:
    """The languages with a names vocabulary, in code order."""
    folder = importlib.resources.files("factcheck").joinpath("locales", "names")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir()
                        if p.name.endswith(".toml") and p.name != f"{COMMON}.toml"))


def names_section(code: str) -> Mapping[str, Any]:
    """The ``[names]`` table of a language's names vocabulary (empty when it has none)."""
    section: Mapping[str, Any] = load_name_vocab(code).get("names", {})
    return section
