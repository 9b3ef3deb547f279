"""Keys of names that are not Korean: a Unicode-aware casefold, without any Korean folding.

A name in Hangul, or in Latin letters spelt as romanised Korean, is compared by its folded
romanisation (:mod:`factcheck.naming.hangul`), which merges b/p, t/d, g/k ... on purpose. Any
other name (Hans Bosch, Émile Zola, Łukasz Żak, a name in Cyrillic) is compared as written:
NFKC, casefolded, letters and digits only, so case, spaces, hyphens and apostrophes never
matter while Bosch and Posch stay two names.

Diacritics: the combining marks on letters of the scripts listed in ``[generic] drop_marks``
of ``factcheck/locales/names/common.toml`` (Latin) are dropped, since English text often
leaves them out: Émile = Emile, Jürgen = Jurgen, Zoë = Zoe. Letters that are letters of their
own stay (Łukasz is not Lukasz, Øre is not Ore; ß casefolds to ss), and so do the marks of
other scripts (Cyrillic й is not и).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from factcheck.locale.loader import script_of
from factcheck.naming.data import COMMON, read_names_file

__all__ = ["casefold_key", "generic_person_key", "without_marks"]

_TOKEN_SPLIT = re.compile(r"[\s,]+")


@functools.lru_cache(maxsize=1)
def _drop_marks() -> frozenset[str]:
    """The scripts whose letters lose their diacritics in keys."""
    return frozenset(read_names_file(COMMON).get("generic", {}).get("drop_marks", []))


@functools.lru_cache(maxsize=8192)
def casefold_key(word: str) -> str:
    """``word`` (a name or a part of one) as a comparison key: NFKC casefold, letters and digits only, the diacritics
    of the ``drop_marks`` scripts dropped (``"Émile-Zola"`` -> ``"emilezola"``)."""
    if word.isascii():  # no normal form, mark or case fold to apply beyond lower case
        return "".join(filter(str.isalnum, word.lower()))
    drop = _drop_marks()
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", word).casefold())
    out: list[str] = []
    base = ""  # the script of the letter a mark attaches to ("" after anything else)
    for ch in decomposed:
        if unicodedata.category(ch).startswith("M"):
            if base and base not in drop:
                out.append(ch)
        elif ch.isalnum():
            out.append(ch)
            base = script_of(ch)
        else:
            base = ""
    return unicodedata.normalize("NFC", "".join(out))


@functools.lru_cache(maxsize=8192)
def without_marks(name: str) -> str:
    """``name`` with the diacritics of the ``drop_marks`` scripts dropped, all else kept as it
    is (``"São Tomé"`` -> ``"Sao Tome"``): how English text often writes such a name."""
    drop = _drop_marks()
    out: list[str] = []
    base = ""
    for ch in unicodedata.normalize("NFD", name):
        if unicodedata.category(ch).startswith("M"):
            if base and base in drop:
                continue
        elif ch.isalpha():
            base = script_of(ch)
        else:
            base = ""
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


@functools.lru_cache(maxsize=8192)
def generic_person_key(surface: str) -> str:
    """The key of a personal name that is not Korean: its words as written, casefolded, in
    their order (``"Hans Bosch"`` -> ``"hans|bosch"``)."""
    return "|".join(k for t in _TOKEN_SPLIT.split(surface) if (k := casefold_key(t)))
