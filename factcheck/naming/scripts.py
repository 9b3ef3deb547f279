"""The letters of a script, as regular-expression classes, for reading names.

Which script a letter belongs to is :func:`factcheck.locale.script_of`; which scripts a
language is written in is its locale's ``scripts``. The name rules need those letters as
regular-expression classes ("a letter of the text's script", "an upper-case Latin letter"):
:func:`letter_class` builds them from the Unicode database once, so no code spells out a
script's range of code points.

A *name letter* is a letter (``str.isalpha``) that NFKC normalisation leaves as it is: the
composed syllables of Hangul and the letters of Latin script with or without diacritics are
name letters; compatibility forms are not (the compatibility jamo ㆍ, written between two
words as a list separator, full-width and ligature forms).
"""

from __future__ import annotations

import functools
import importlib.resources
import itertools
import json
import operator
import re
import unicodedata
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from factcheck.locale.loader import available_locales, locale_meta, script_of

__all__ = ["has_letter", "known_scripts", "letter_class", "letters_re"]

_Ranges = tuple[tuple[int, int], ...]


def _ranges(points: list[int]) -> _Ranges:
    out: list[tuple[int, int]] = []
    for cp in points:
        if out and out[-1][1] == cp - 1:
            out[-1] = (out[-1][0], cp)
        else:
            out.append((cp, cp))
    return tuple(out)


#: the code points scanned for letters: the planes Unicode assigns letters in (0-3; planes 4-13
#: are unassigned, 14 holds tags and variation selectors, 15 and 16 private use)
_SCANNED = range(0x40000)


#: the table :func:`build_letter_table` makes, stored for the Unicode version it was made with
#: (``python scripts/gen_letters.py`` writes it; ``tests/test_names_scripts.py`` checks it)
_STORED = "letters.json"


@functools.lru_cache(maxsize=1)
def _letter_table() -> Mapping[str, tuple[_Ranges, _Ranges]]:
    """script -> (ranges of its name letters, ranges of those that are upper case): the stored
    table when it was made with this Python's Unicode database, else :func:`build_letter_table`."""
    stored = _stored_table()
    return stored if stored is not None else build_letter_table()


def _stored_table() -> Mapping[str, tuple[_Ranges, _Ranges]] | None:
    try:
        raw = importlib.resources.files("factcheck").joinpath("data", _STORED).read_text(encoding="utf-8")
    except OSError:
        return None
    data = json.loads(raw)
    if data.get("unidata_version") != unicodedata.unidata_version:
        return None
    return MappingProxyType({s: (tuple((lo, hi) for lo, hi in all_r), tuple((lo, hi) for lo, hi in up_r))
                             for s, (all_r, up_r) in data["scripts"].items()})


def letter_table_json() -> str:
    """The text of ``factcheck/data/letters.json``: the table built now, with its Unicode version."""
    table = build_letter_table()
    return json.dumps({"unidata_version": unicodedata.unidata_version,
                       "scripts": {s: [list(map(list, a)), list(map(list, u))] for s, (a, u) in table.items()}},
                      separators=(",", ":"), sort_keys=True) + "\n"


def build_letter_table() -> Mapping[str, tuple[_Ranges, _Ranges]]:
    """script -> (ranges of its name letters, ranges of those that are upper case): one pass
    over the Unicode database (about 0.1 s).

    :func:`script_of` names a letter's script by the first word of its Unicode name, so the
    letters are grouped by that word and each group takes the script of its first letter
    (``tests/test_names_scripts.py`` checks that every letter gets :func:`script_of`'s answer)."""
    candidates = list(filter(str.isalpha, map(chr, _SCANNED)))
    nfkc = map(functools.partial(unicodedata.normalize, "NFKC"), candidates)
    stable = [ch for ch, norm in zip(candidates, nfkc, strict=True) if ch == norm]
    names = map(unicodedata.name, stable, itertools.repeat(""))
    first_words = map(operator.itemgetter(0), map(str.partition, names, itertools.repeat(" ")))
    groups: dict[str, list[str]] = {}
    for word, run in itertools.groupby(zip(first_words, stable, strict=True), key=operator.itemgetter(0)):
        groups.setdefault(word, []).extend(map(operator.itemgetter(1), run))
    letters: dict[str, list[int]] = {}
    upper: dict[str, list[int]] = {}
    for members in groups.values():
        script = script_of(members[0])
        letters.setdefault(script, []).extend(map(ord, members))
        upper.setdefault(script, []).extend(ord(ch) for ch in members if ch.isupper())
    return MappingProxyType({s: (_ranges(sorted(cps)), _ranges(sorted(upper[s]))) for s, cps in letters.items()})


def _escape(cp: int) -> str:
    return re.escape(chr(cp))


@functools.lru_cache(maxsize=32)
def _class(scripts: tuple[str, ...], upper: bool) -> str:
    table = _letter_table()
    parts: list[str] = []
    for script in scripts:
        all_ranges, upper_ranges = table.get(script, ((), ()))
        for lo, hi in (upper_ranges if upper else all_ranges):
            parts.append(_escape(lo) if lo == hi else f"{_escape(lo)}-{_escape(hi)}")
    return "".join(parts)


def letter_class(scripts: Iterable[str], *, upper: bool = False) -> str:
    """The body of a regular-expression class (to be put between ``[`` and ``]``) of the name
    letters of ``scripts`` (only the upper-case ones when ``upper``); empty for no letter."""
    return _class(tuple(sorted(set(scripts))), upper)


@functools.lru_cache(maxsize=32)
def _letters_re(scripts: tuple[str, ...]) -> re.Pattern[str]:
    body = _class(scripts, False)
    return re.compile(f"[{body}]" if body else r"(?!x)x")


def letters_re(scripts: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching one name letter of ``scripts``."""
    return _letters_re(tuple(sorted(set(scripts))))


def has_letter(text: str, scripts: Iterable[str]) -> bool:
    """True when ``text`` has a name letter of one of ``scripts``."""
    return letters_re(scripts).search(text) is not None


@functools.lru_cache(maxsize=1)
def known_scripts() -> tuple[str, ...]:
    """The scripts of every language factcheck reads (the ``scripts`` of every locale)."""
    seen: dict[str, None] = {}
    for code in available_locales():
        for script in locale_meta(code)[0]:
            seen.setdefault(script, None)
    return tuple(seen)

