"""Korean names in either script: Hangul romanised with hangulpy, the fold of romanised names,
the surname tables, and recognising romanised Korean in Latin letters.

Everything Korean is data of ``factcheck/locales/names/``: which language's names are
romanised (``romanised = true``: Korean, whose locale's ``scripts`` say Hangul), its surnames,
the customary Latin spellings of each surname (``[surnames]``), what a romanised syllable
looks like (``[names.syllable]``, in the language whose script romanised Korean is written
in) and the fold of ``common.toml`` (oo/u, eo/u, k/g, ch/j ...).

The fold merges spellings of Korean syllables; it is meant for Korean names only. A Latin
name is read as Korean (:func:`korean_person`, :func:`romanised_korean`) when it is spelt as
romanised Korean; other names have keys of their own (:mod:`factcheck.naming.generic`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

from factcheck.locale.loader import locale_meta
from factcheck.naming.data import COMMON, load_name_vocab, name_codes, names_section, read_names_file
from factcheck.naming.scripts import has_letter, letter_class, letters_re

__all__ = [
    "fold",
    "hangul_surnames",
    "is_hangul",
    "korean_person",
    "latin_surname",
    "latin_syllables",
    "native_scripts",
    "roman_scripts",
    "romanise",
    "romanised_korean",
    "split_person",
    "surname_key",
]

_SPACE_RE = re.compile(r"\s+")
_TOKEN_SPLIT = re.compile(r"[\s,]+")


# ----------------------------------------------------------------------------- scripts
@functools.lru_cache(maxsize=1)
def native_scripts() -> tuple[str, ...]:
    """The scripts of the languages whose names are compared by their romanisation (Hangul):
    the locale ``scripts`` of each names vocabulary with ``romanised = true``."""
    out: dict[str, None] = {}
    for code in name_codes():
        if names_section(code).get("romanised", False):
            out.update(dict.fromkeys(locale_meta(code)[0]))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def roman_scripts() -> tuple[str, ...]:
    """The scripts romanised names are written in (Latin): the locale ``scripts`` of each
    names vocabulary that says what a romanised syllable looks like (``[names.syllable]``)."""
    out: dict[str, None] = {}
    for code in name_codes():
        if names_section(code).get("syllable"):
            out.update(dict.fromkeys(locale_meta(code)[0]))
    return tuple(out)


def is_hangul(text: str) -> bool:
    """True when ``text`` has at least one letter of a romanised script (a Hangul syllable)."""
    return has_letter(text, native_scripts())


@functools.lru_cache(maxsize=1)
def _native_run() -> re.Pattern[str]:
    return re.compile(f"([{letter_class(native_scripts())}]+)")


# ----------------------------------------------------------------------------- data
@functools.lru_cache(maxsize=1)
def _fold_tables() -> tuple[tuple[str, ...], tuple[tuple[re.Pattern[str], str], ...],
                            tuple[tuple[re.Pattern[str], str], ...]]:
    data = read_names_file(COMMON)["fold"]
    rules = tuple((re.compile(p), r) for p, r in data["rules"])
    loan = tuple((re.compile(p), r) for p, r in data.get("loanword_rules", []))
    return tuple(data.get("keep", [])), rules, loan


@functools.lru_cache(maxsize=1)
def _surname_tables() -> tuple[frozenset[str], Mapping[str, str]]:
    """(Hangul surnames, lowercased Latin spelling -> Hangul surname) from every names file.
    A spelling listed under two surnames keeps the first (the two fold alike anyway)."""
    hangul: set[str] = set()
    latin: dict[str, str] = {}
    for code in name_codes():
        data = load_name_vocab(code)
        hangul.update(data.get("names", {}).get("surnames", []))
        for sur, spellings in data.get("surnames", {}).items():
            hangul.add(sur)
            for sp in spellings:
                latin.setdefault(sp.lower(), sur)
    return frozenset(hangul), MappingProxyType(latin)


def hangul_surnames() -> frozenset[str]:
    """The Korean surnames, in Hangul."""
    return _surname_tables()[0]


@functools.lru_cache(maxsize=8192)
def latin_surname(token: str) -> str | None:
    """The Hangul surname a Latin spelling stands for (``"Rhee"`` -> ``"이"``), or None."""
    return _surname_tables()[1].get(token.replace(".", "").lower())


# ----------------------------------------------------------------------------- romanise, fold
@functools.lru_cache(maxsize=16384)
def _syllable(ch: str, loanword: bool) -> str:
    import hangulpy  # MIT; loaded on first use

    r: str = hangulpy.romanize(ch)
    if loanword and len(r) > 2 and r.endswith("eu"):
        r = r[:-2]  # the 으 inserted to write a consonant cluster (렉스젠 ~ RexGen)
    return r


@functools.lru_cache(maxsize=4096)
def _romanise_word(word: str) -> str:
    import hangulpy

    out: str = hangulpy.romanize(word)
    return out


def romanise(text: str, style: str = "name") -> str:
    """Latin letters for the Hangul in ``text`` (other characters are kept).

    ``style="name"`` romanises syllable by syllable, as Korean personal names are written
    (한복남 -> hanboknam); ``"place"`` applies the sound changes of the Revised Romanization
    (종로 -> jongno); ``"loanword"`` drops the epenthetic 으 of loanwords (렉스젠 -> reksjen)."""
    if not is_hangul(text):
        return text
    if style == "place":
        return "".join(_romanise_word(w) if is_hangul(w) else w for w in _native_run().split(text))
    loan = style == "loanword"
    letter = letters_re(native_scripts()).fullmatch
    return "".join(_syllable(ch, loan) if letter(ch) else ch for ch in text)


@functools.lru_cache(maxsize=16384)
def fold(latin: str, loanword: bool = False) -> str:
    """Fold a romanised name to its comparison form: ASCII letters only, lowercased, then the
    rules of ``factcheck/locales/names/common.toml`` (customary spelling variants)."""
    s = unicodedata.normalize("NFKD", latin)
    s = "".join(ch for ch in s.lower() if ch.isascii() and ch.isalpha())
    keep, rules, loan_rules = _fold_tables()
    marks = {}
    for i, group in enumerate(keep):
        mark = chr(ord("A") + i)
        marks[mark] = group
        s = s.replace(group, mark)
    if loanword:
        for pat, rep in loan_rules:
            s = pat.sub(rep, s)
    for pat, rep in rules:
        s = pat.sub(rep, s)
    for mark, group in marks.items():
        s = s.replace(mark, group)
    return s


# ----------------------------------------------------------------------------- romanised syllables
@functools.lru_cache(maxsize=4)
def _syllable_re(code: str) -> re.Pattern[str] | None:
    syl = names_section(code).get("syllable")
    if not syl:
        return None

    def alt(items: list[str]) -> str:
        return "|".join(re.escape(x) for x in sorted(items, key=len, reverse=True) if x)

    one = f"(?:{alt(syl['initials'])})?(?:{alt(syl['vowels'])})(?:{alt(syl['finals'])})?"
    return re.compile(rf"(?:{one})")


@functools.lru_cache(maxsize=8192)
def latin_syllables(word: str) -> int:
    """How many romanised Korean syllables ``word`` splits into (hyphens split too), 0 when
    it is not a romanised Korean word ("Yoon-sang" -> 2, "Mookyung" -> 2, "Avenue" -> 0)."""
    pattern = None
    for code in name_codes():
        pattern = _syllable_re(code)
        if pattern is not None:
            break
    if pattern is None:
        return 0
    total = 0
    for part in word.lower().replace("’", "'").split("-"):
        part = part.strip("'")
        if not part or not part.isascii() or not part.isalpha():
            return 0
        n = _count_syllables(part, pattern)
        if n == 0:
            return 0
        total += n
    return total


def _count_syllables(part: str, pattern: re.Pattern[str]) -> int:
    """Fewest syllables covering ``part`` (dynamic programming over match ends: linear in
    practice, the syllable pattern is matched at most len(part) times per start)."""
    n = len(part)
    best = [0] + [-1] * n
    for i in range(n):
        if best[i] < 0:
            continue
        # every syllable length that matches at i
        for j in range(i + 1, min(n, i + 7) + 1):
            if pattern.fullmatch(part, i, j) and (best[j] < 0 or best[j] > best[i] + 1):
                best[j] = best[i] + 1
    return best[n] if best[n] > 0 else 0


def romanised_korean(text: str) -> bool:
    """True when every word of ``text`` is romanised Korean ("Gyeonggi", "An-yang"; not
    "Bosch" or "North Chungcheong")."""
    words = [w for w in _TOKEN_SPLIT.split(text) if w]
    return bool(words) and all(latin_syllables(w) > 0 for w in words)


# ----------------------------------------------------------------------------- people
@functools.lru_cache(maxsize=8192)
def split_person(surface: str) -> tuple[str, str] | None:
    """(surname, given name) of a personal name in either script with a Korean surname,
    given-name-first order undone (``"Young-joon Oh"`` -> ``("Oh", "Young-joon")``); None when
    no part of it is a known Korean surname. The given name is not checked: see
    :func:`korean_person`."""
    text = _SPACE_RE.sub(" ", surface).strip()
    if is_hangul(text):
        word = text.replace(" ", "")
        surnames = hangul_surnames()
        if len(word) >= 3 and word[:2] in surnames:
            return word[:2], word[2:]
        if word[:1] in surnames:
            return word[:1], word[1:]
        return None
    tokens = [t for t in _TOKEN_SPLIT.split(text) if t]
    if not tokens:
        return None
    if len(tokens) == 1:
        return (tokens[0], "") if latin_surname(tokens[0]) else None
    first, last = tokens[0], tokens[-1]
    first_is, last_is = latin_surname(first) is not None, latin_surname(last) is not None
    if first_is and last_is:
        # both could be surnames: a hyphenated or longer token is the given name
        if "-" in first and "-" not in last:
            first_is = False
        elif "-" in last and "-" not in first:
            last_is = False
        elif len(latin_surname(first) or "") == 2:
            last_is = False  # Namgoong Min: a two-syllable surname
        elif len(latin_surname(last) or "") == 2 or (
                len(tokens) == 2 and latin_syllables(first) > latin_syllables(last)):
            first_is = False
    if first_is:
        return first, " ".join(tokens[1:])
    if last_is:
        return last, " ".join(tokens[:-1])
    return None


@functools.lru_cache(maxsize=8192)
def korean_person(surface: str) -> tuple[str, str] | None:
    """(surname, given name) of a Korean personal name, or None.

    A name in Hangul is Korean when :func:`split_person` reads it. A name in Latin letters is
    romanised Korean when it has a surname of the table and every part of its given name
    splits into romanised Korean syllables (Kim Yoon-sang, Jung Mookyung, Yoon-sang Kim, a
    surname alone); Hans Park or John Lee are not, and are compared as written."""
    parts = split_person(surface)
    if parts is None or is_hangul(surface):
        return parts
    surname, given = parts
    if latin_surname(surname.strip(",.")) is None:
        return None
    if all(latin_syllables(p.strip(".")) > 0 for p in given.split()):
        return parts
    return None


def surname_key(surname: str) -> str:
    """The folded key of a Korean surname in either script (이, Lee, Rhee -> ``"i"``)."""
    if is_hangul(surname):
        return fold(romanise(surname))
    hangul = latin_surname(surname)
    return fold(romanise(hangul)) if hangul else fold(surname)
