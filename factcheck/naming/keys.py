"""Names across scripts: comparison keys for people, organisations and places.

A key is language-independent: the Korean and the English mention of one entity get equal
keys, and a match between sources is decided on key equality alone.

- **person**: ``"<surname>|<given name>"``, both folded (``김윤상``, ``Kim Yoon-sang``,
  ``Gim Yun-sang`` and ``Yoon-sang Kim`` are all ``"kim|yunsang"``). Hangul is romanised
  syllable by syllable with hangulpy (Revised Romanization, no sound changes between
  syllables, as for personal names); the customary Latin spellings of surnames (Lee, Yi,
  Rhee -> 이) come from the ``[surnames]`` tables of ``factcheck/locales/names/*.toml``; the
  folding rules (oo/u, eo/u, k/g, ch/j ...) from ``factcheck/locales/names/common.toml``.
- **place**: the key of the bundled gazetteer (or a user glossary) when the place is known
  there (``경기도``, ``Gyeonggi-do``, ``Gyeonggi Province`` -> ``"gyeonggi"``), else the folded
  romanisation with administrative suffixes removed (``가평군`` = ``Gapyeong County``).
- **org**: the gazetteer or glossary key when known (``조달청``, ``Public Procurement
  Service``, ``PPS`` -> ``"public-procurement-service"``), else a *loanword-aware* fold of
  the name without its legal form: the epenthetic 으 of loanwords is dropped and g/j/ch,
  x/ks, th/s are folded, so ``렉스젠㈜`` and ``RexGen Co.`` are both ``"leksken"``.

Fuzzy scores never decide a match: different names score 92-96 on folded keys (``kim|yunsang``
against ``kim|yunsuk``), so :func:`near_miss_score` only points at near misses, to be reported
as uncertain or as candidate glossary entries.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

__all__ = [
    "NAME_KINDS",
    "fold",
    "romanise",
    "is_hangul",
    "split_person",
    "person_key",
    "person_parts",
    "place_core",
    "org_core",
    "lookup_forms",
    "fallback_key",
    "load_name_vocab",
    "tidy",
]

NAME_KINDS = ("person", "org", "place")

_HANGUL_RE = re.compile(r"[가-힣]")
_SPACE_RE = re.compile(r"\s+")


def is_hangul(text: str) -> bool:
    """True when ``text`` has at least one Hangul syllable."""
    return _HANGUL_RE.search(text) is not None


def tidy(surface: str) -> str:
    """The surface form with runs of white space made one space, ends trimmed."""
    return _SPACE_RE.sub(" ", surface).strip()


# ----------------------------------------------------------------------------- data
def _read(name: str) -> dict[str, Any]:
    path = importlib.resources.files("factcheck").joinpath("locales", "names", f"{name}.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=8)
def load_name_vocab(code: str) -> Mapping[str, Any]:
    """The names vocabulary of one language (``factcheck/locales/names/<code>.toml``), read-only."""
    try:
        data = _read(code)
    except FileNotFoundError:
        from factcheck.errors import LocaleError

        raise LocaleError(f"no names vocabulary for language {code!r}", reason="unsupported-kind") from None
    return MappingProxyType(data)


def _name_codes() -> tuple[str, ...]:
    folder = importlib.resources.files("factcheck").joinpath("locales", "names")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir()
                        if p.name.endswith(".toml") and p.name != "common.toml"))


@functools.lru_cache(maxsize=1)
def _fold_tables() -> tuple[tuple[str, ...], tuple[tuple[re.Pattern[str], str], ...], tuple[tuple[re.Pattern[str], str], ...]]:
    data = _read("common")["fold"]
    rules = tuple((re.compile(p), r) for p, r in data["rules"])
    loan = tuple((re.compile(p), r) for p, r in data.get("loanword_rules", []))
    return tuple(data.get("keep", [])), rules, loan


@functools.lru_cache(maxsize=1)
def _surname_tables() -> tuple[frozenset[str], Mapping[str, str]]:
    """(Hangul surnames, lowercased Latin spelling -> Hangul surname) from every names file.
    A spelling listed under two surnames keeps the first (the two fold alike anyway)."""
    hangul: set[str] = set()
    latin: dict[str, str] = {}
    for code in _name_codes():
        data = load_name_vocab(code)
        hangul.update(data.get("names", {}).get("surnames", []))
        for sur, spellings in data.get("surnames", {}).items():
            hangul.add(sur)
            for sp in spellings:
                latin.setdefault(sp.lower(), sur)
    return frozenset(hangul), MappingProxyType(latin)


def hangul_surnames() -> frozenset[str]:
    return _surname_tables()[0]


@functools.lru_cache(maxsize=8192)
def latin_surname(token: str) -> str | None:
    """The Hangul surname a Latin spelling stands for (``"Rhee"`` -> ``"이"``), or None."""
    return _surname_tables()[1].get(token.replace(".", "").lower())


# ----------------------------------------------------------------------------- romanise, fold
@functools.lru_cache(maxsize=16384)
def _syllable(ch: str, loanword: bool) -> str:
    import hangulpy  # MIT; loaded on first use

    r = hangulpy.romanize(ch)
    if loanword and len(r) > 2 and r.endswith("eu"):
        r = r[:-2]  # 스 -> s: the 으 inserted to write a consonant cluster (렉스젠 ~ RexGen)
    return r


@functools.lru_cache(maxsize=4096)
def _romanise_word(word: str) -> str:
    import hangulpy

    return hangulpy.romanize(word)


def romanise(text: str, style: str = "name") -> str:
    """Latin letters for the Hangul in ``text`` (other characters are kept).

    ``style="name"`` romanises syllable by syllable, as Korean personal names are written
    (한복남 -> hanboknam); ``"place"`` applies the sound changes of the Revised Romanization
    (종로 -> jongno); ``"loanword"`` drops the epenthetic 으 of loanwords (렉스젠 -> reksjen)."""
    if not is_hangul(text):
        return text
    if style == "place":
        return "".join(_romanise_word(w) if is_hangul(w) else w for w in re.split(r"([가-힣]+)", text))
    loan = style == "loanword"
    return "".join(_syllable(ch, loan) if "가" <= ch <= "힣" else ch for ch in text)


@functools.lru_cache(maxsize=16384)
def fold(latin: str, loanword: bool = False) -> str:
    """Fold a romanised name to its comparison form: letters only, lowercased, then the
    rules of ``factcheck/locales/names/common.toml`` (customary spelling variants)."""
    s = unicodedata.normalize("NFKD", latin)
    s = "".join(ch for ch in s.lower() if "a" <= ch <= "z")
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


# ----------------------------------------------------------------------------- people
_TOKEN_SPLIT = re.compile(r"[\s,]+")


@functools.lru_cache(maxsize=4)
def _syllable_re(code: str) -> re.Pattern[str] | None:
    syl = load_name_vocab(code).get("names", {}).get("syllable")
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
    for code in _name_codes():
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


@functools.lru_cache(maxsize=8192)
def split_person(surface: str) -> tuple[str, str] | None:
    """(surname, given name) of a Korean personal name in either script, given-name-first
    order undone (``"Young-joon Oh"`` -> ``("Oh", "Young-joon")``); None when no part of it is
    a known Korean surname."""
    text = tidy(surface)
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


def _surname_key(surname: str) -> str:
    if is_hangul(surname):
        return fold(romanise(surname))
    hangul = latin_surname(surname)
    return fold(romanise(hangul)) if hangul else fold(surname)


def person_parts(surface: str) -> tuple[str, list[str]] | None:
    """(surname key, folded syllables of the given name) of a Korean personal name in either
    script, or None for a name that is not one (its key is then no reliable ground for a
    conflict)."""
    parts = split_person(surface)
    if parts is None or not parts[1]:
        return None
    surname, given = parts
    if is_hangul(surface):
        syllables = [fold(romanise(ch)) for ch in given.replace(" ", "")]
    else:
        if latin_surname(surname.strip(",.")) is None:
            return None
        pieces = [p for p in re.split(r"[-\s]+", given) if p]
        syllables = [fold(p) for p in pieces] if len(pieces) > 1 else [fold(given)]
    return _surname_key(surname), syllables



@functools.lru_cache(maxsize=8192)
def person_key(surface: str) -> str:
    """The folded key of a personal name: ``"kim|yunsang"`` for 김윤상 and Kim Yoon-sang.

    A name of no known Korean surname keeps its token order: ``"jane|toe"``-like."""
    parts = split_person(surface)
    if parts is None:
        tokens = [t for t in _TOKEN_SPLIT.split(tidy(surface)) if t]
        return "|".join(fold(romanise(t, "loanword"), True) for t in tokens)
    surname, given = parts
    s = _surname_key(surname)
    g = fold(romanise(given)) if given else ""
    return f"{s}|{g}" if g else s


# ----------------------------------------------------------------------------- places and orgs
@functools.lru_cache(maxsize=1)
def _affixes() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(place suffixes, place prefixes, org legal forms, leading articles) of every names file."""
    suffixes: set[str] = set()
    prefixes: set[str] = set()
    legal: set[str] = set()
    lead: set[str] = set()
    for code in _name_codes():
        data = load_name_vocab(code)
        suffixes.update(data.get("place", {}).get("admin_suffixes", []))
        prefixes.update(data.get("place", {}).get("admin_prefixes", []))
        legal.update(data.get("org", {}).get("legal_forms", []))
        lead.update(w for w in data.get("names", {}).get("words", {}).get("leading_skip", []))

    def by_len(xs: set[str]) -> tuple[str, ...]:
        return tuple(sorted(xs, key=lambda x: (-len(x), x)))

    return by_len(suffixes), by_len(prefixes), by_len(legal), by_len(lead)


@functools.lru_cache(maxsize=8192)
def place_core(surface: str) -> str:
    """A place name without its administrative affixes: 경기도 -> 경기, "Gyeonggi Province" ->
    "Gyeonggi", "the city of An-yang" -> "An-yang". A one-syllable core keeps its suffix
    (대구, 중구, Jung-gu), so it stays a name."""
    text = tidy(surface)
    suffixes, prefixes, _, _ = _affixes()
    low = text.lower()
    for p in prefixes:
        if low.startswith(p.lower()):
            text = text[len(p):].strip()
            low = text.lower()
            break
    for suf in suffixes:
        if len(text) > len(suf) and low.endswith(suf.lower()):
            core = text[: len(text) - len(suf)].strip()
            if is_hangul(core):
                if len(core.replace(" ", "")) >= 2:
                    return core
            elif latin_syllables(core) >= 2 or (latin_syllables(core) == 0 and len(core) > 3):
                return core
            break
    return text


_YEAR_TAIL = re.compile(r"[ \t]*(?:19|20)\d\d$")
_NOT_LETTER = re.compile(r"[^0-9a-z가-힣]+")


@functools.lru_cache(maxsize=8192)
def org_core(surface: str) -> str:
    """An organisation's name without its legal form, a leading article or a trailing year:
    렉스젠㈜ -> 렉스젠, "RexGen Co., Ltd." -> "RexGen", "Korea Public Procurement Expo 2023" ->
    "Korea Public Procurement Expo"."""
    text = tidy(surface)
    _, _, legal, lead = _affixes()
    changed = True
    while changed and text:
        changed = False
        for form in legal:
            if text.endswith(form) and len(text) > len(form):
                text = text[: -len(form)].rstrip(" ,")
                changed = True
            elif text.startswith(form) and len(text) > len(form):
                text = text[len(form):].lstrip()
                changed = True
        for art in lead:
            if text[: len(art) + 1].lower() == art.lower() + " " and len(text) > len(art) + 1:
                text = text[len(art) + 1:]
                changed = True
        new = _YEAR_TAIL.sub("", text)
        if new != text and new:
            text, changed = new, True
    return text


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 10 and text.isupper() and text.replace("&", "").isalnum() and text.isascii()


def lookup_forms(surface: str, kind: str) -> tuple[str, ...]:
    """The forms under which a surface is looked up in a glossary or the gazetteer."""
    if kind == "person":
        return ("p:" + person_key(surface),)
    if kind == "place":
        core = place_core(surface)
        forms = []
        if is_hangul(core):
            forms.append("h:" + core.replace(" ", ""))
        forms.append("f:" + fold(romanise(core, "place")))
        return tuple(forms)
    core = org_core(surface)
    if _is_acronym(core):
        return ("a:" + core,)
    if is_hangul(core):
        return ("h:" + core.replace(" ", ""),)
    return ("l:" + _NOT_LETTER.sub(" ", core.lower().replace("’", "'").replace("'s", "s")).strip(),)


@functools.lru_cache(maxsize=8192)
def fallback_key(surface: str, kind: str) -> str:
    """The key of a name that no glossary knows: folded romanisation (see the module doc)."""
    if kind == "person":
        return person_key(surface)
    if kind == "place":
        return fold(romanise(place_core(surface), "place"))
    core = org_core(surface)
    if _is_acronym(core):
        return core.lower()
    return fold(romanise(core, "loanword"), True)
