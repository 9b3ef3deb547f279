"""Reading the locale TOML files, checked against their schema.

Every locale file is read through :func:`read_locale_file`; it names files by their place
under ``factcheck/locales/``::

    read_locale_file("ko")                # factcheck/locales/ko.toml
    read_locale_file(("ko",))             # the same
    read_locale_file(("dates", "ko"))     # factcheck/locales/dates/ko.toml
    read_locale_file(("names", "common")) # factcheck/locales/names/common.toml
    read_locale_file(("dates", "xx"), missing_ok=True)  # None: no such file

and returns the parsed TOML (a fresh ``dict`` each call; the callers compile and cache what
they need). A file that breaks its schema (:mod:`factcheck.locale.file_schemas`) raises
:class:`~factcheck.errors.LocaleError` (reason ``bad-locale``) whose ``path`` is the file and
whose message names the key::

    factcheck/locales/ko.toml: [numbers] big_units.만: expected a number, got 'x'

An absent file raises ``LocaleError`` too: reason ``unsupported-language`` for a main locale
file, ``unsupported-kind`` for a file of ``dates/`` or ``names/`` (the language exists but
has no vocabulary for those kinds), unless ``missing_ok`` asks for None.
"""

from __future__ import annotations

import importlib.resources
import re
import tomllib
from collections.abc import Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal, overload

from factcheck.errors import LocaleError
from factcheck.locale.file_schemas import schema_for
from factcheck.locale.schema import problems

__all__ = ["LocaleFileName", "check_locale_data", "locale_codes", "locale_file_exists", "locale_file_label",
           "locale_file_problems", "read_locale_file"]

#: A locale file by its place under ``factcheck/locales/``: ``"ko"``, ``("ko",)`` or ``("dates", "ko")``.
LocaleFileName = str | Sequence[str]

_STEM = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]+)?|common")
_FOLDERS = ("", "dates", "names")


def _split(name: LocaleFileName) -> tuple[str, str]:
    """(folder, stem) of a locale file name; LocaleError for anything that is not one."""
    parts = (name,) if isinstance(name, str) else tuple(name)
    if len(parts) == 1:
        folder, stem = "", parts[0]
    elif len(parts) == 2:
        folder, stem = parts
    else:
        raise LocaleError(f"not a locale file name: {name!r} (expected 'ko' or ('dates', 'ko'))",
                          reason="unsupported-language")
    if not isinstance(folder, str) or folder not in _FOLDERS:
        raise LocaleError(f"no locale folder {folder!r} (known: dates, names)", reason="unsupported-language")
    if not isinstance(stem, str) or _STEM.fullmatch(stem) is None:
        raise LocaleError(f"unsupported language {stem!r}: expected a code such as 'ko' or 'en'",
                          reason="unsupported-language")
    return folder, stem


def _root(root: Traversable | Path | None) -> Traversable | Path:
    return root if root is not None else importlib.resources.files("factcheck").joinpath("locales")


def _file(folder: str, stem: str, root: Traversable | Path | None) -> Traversable | Path:
    base = _root(root)
    return (base.joinpath(folder) if folder else base).joinpath(f"{stem}.toml")


def locale_file_label(name: LocaleFileName, *, root: Traversable | Path | None = None) -> str:
    """How messages name a locale file: ``factcheck/locales/dates/ko.toml``."""
    folder, stem = _split(name)
    base = "factcheck/locales" if root is None else str(root).rstrip("/")
    return f"{base}/{folder}/{stem}.toml" if folder else f"{base}/{stem}.toml"


def locale_file_exists(name: LocaleFileName, *, root: Traversable | Path | None = None) -> bool:
    """True when the locale file exists."""
    return _file(*_split(name), root).is_file()


def locale_codes(folder: str = "", *, root: Traversable | Path | None = None) -> tuple[str, ...]:
    """The language codes that have a file in a locale folder (``""``, ``"dates"``, ``"names"``),
    sorted, without ``common``."""
    if folder not in _FOLDERS:
        raise LocaleError(f"no locale folder {folder!r} (known: dates, names)", reason="unsupported-language")
    base = _root(root)
    where = base.joinpath(folder) if folder else base
    if not where.is_dir():
        return ()
    return tuple(sorted(p.name[:-5] for p in where.iterdir()
                        if p.name.endswith(".toml") and p.name != "common.toml" and _STEM.fullmatch(p.name[:-5])))


def locale_file_problems(name: LocaleFileName, data: dict[str, Any]) -> list[str]:
    """Every problem of the parsed data of a locale file, one line each (empty when it is valid)."""
    folder, stem = _split(name)
    schema = schema_for(folder, stem)
    if schema is None:  # pragma: no cover - _split admits only known folders
        return [f"no schema for locale folder {folder!r}"]
    found = problems(schema, data)
    if not folder and stem != "common":
        code = data.get("locale", {}).get("code") if isinstance(data.get("locale"), dict) else None
        if isinstance(code, str) and code != stem:
            found.append(f"[locale] code: {code!r} is not the code of the file ({stem!r})")
    return found


def check_locale_data(name: LocaleFileName, data: dict[str, Any], *, label: str | None = None) -> None:
    """Raise :class:`LocaleError` (reason ``bad-locale``, ``path`` the file) naming the first
    problem of the parsed data of a locale file, and how many more there are."""
    found = locale_file_problems(name, data)
    if found:
        more = f" (and {len(found) - 1} more problem{'s' if len(found) > 2 else ''})" if len(found) > 1 else ""
        raise LocaleError(found[0] + more, reason="bad-locale", path=label or locale_file_label(name))


@overload
def read_locale_file(name: LocaleFileName, *, missing_ok: Literal[False] = ...,
                     root: Traversable | Path | None = ...) -> dict[str, Any]: ...


@overload
def read_locale_file(name: LocaleFileName, *, missing_ok: bool,
                     root: Traversable | Path | None = ...) -> dict[str, Any] | None: ...


def read_locale_file(name: LocaleFileName, *, missing_ok: bool = False,
                     root: Traversable | Path | None = None) -> dict[str, Any] | None:
    """Read and check the locale file ``factcheck/locales/[<folder>/]<stem>.toml``.

    ``name`` is ``"ko"``, ``("ko",)``, ``("dates", "ko")`` or ``("names", "common")``.
    ``missing_ok``: return None when the file does not exist instead of raising.
    ``root``: another folder laid out like ``factcheck/locales`` (for tests and tools).
    Raises :class:`LocaleError`: reason ``bad-locale`` when the file is not valid TOML or breaks
    its schema (the message names the key), ``unsupported-language`` / ``unsupported-kind``
    when it is absent."""
    folder, stem = _split(name)
    label = locale_file_label(name, root=root)
    try:
        text = _file(folder, stem, root).read_text(encoding="utf-8")
    except FileNotFoundError:
        if missing_ok:
            return None
        if folder:
            raise LocaleError(f"no {folder} vocabulary for language {stem!r}: no locale file {label}",
                              reason="unsupported-kind") from None
        raise LocaleError(f"unsupported language {stem!r}: no locale file {label}",
                          reason="unsupported-language") from None
    except UnicodeDecodeError as exc:
        raise LocaleError(f"not UTF-8 text: {exc}", reason="bad-locale", path=label) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LocaleError(f"not valid TOML: {exc}", reason="bad-locale", path=label) from None
    check_locale_data((folder, stem) if folder else stem, data, label=label)
    return data
