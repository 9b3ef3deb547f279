"""Names across scripts: comparison keys for people, organisations and places.

A key is language-independent: the Korean and the English mention of one entity get equal
keys, and a match between sources is decided on key equality alone. How a name is keyed
depends on its script (see :func:`reading`):

- **person**: a Korean name (in Hangul, or in Latin letters spelt as romanised Korean: a
  surname of the table and a given name of romanised syllables) is ``"<surname>|<given
  name>"``, both folded (``김윤상``, ``Kim Yoon-sang``, ``Gim Yun-sang`` and ``Yoon-sang Kim``
  are all ``"kim|yunsang"``; :mod:`factcheck.naming.hangul`). Any other name keeps its words
  in their order, casefolded and never Korean-folded (``"Hans Bosch"`` -> ``"hans|bosch"``,
  not Posch; :mod:`factcheck.naming.generic`).
- **place**: the key of the bundled gazetteer (or a user glossary) when the place is known
  there (``경기도``, ``Gyeonggi-do``, ``Gyeonggi Province`` -> ``"gyeonggi"``), else the folded
  romanisation with administrative suffixes removed (``가평군`` = ``Gapyeong County``) for a
  place in Hangul or romanised Korean, the casefold of the name for any other.
- **org**: the gazetteer or glossary key when known (``조달청``, ``Public Procurement
  Service``, ``PPS`` -> ``"public-procurement-service"``); a name made of a known name and an
  organisation word of the names files (``[org] words``: 전자 = Electronics, 중공업 = Heavy
  Industries) is the known name's key, ``+`` and the word's concept (``삼성중공업``, ``Samsung
  Heavy Industries`` -> ``"samsung+heavy-industries"``; :func:`org_parts`); else a
  *loanword-aware* fold of the name without its legal form and such a word (``새솔전자`` =
  ``Saesol Electronics`` = ``"saesol+electronics"``): the epenthetic 으 of loanwords is
  dropped and g/j/ch, x/ks, th/s are folded, so ``렉스젠㈜`` and ``RexGen Co.`` are both ``"leksken"``. This fold
  applies to organisations in Latin letters too, whatever their origin, because Korean writes
  foreign brands in Hangul and only the fold links the two spellings; names in other scripts
  are casefolded.

Fuzzy scores never decide a match: different names score 92-96 on folded keys (``kim|yunsang``
against ``kim|yunsuk``), so :func:`factcheck.naming.resolve.near_miss_score` only points at
near misses, to be reported as uncertain or as candidate glossary entries.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from factcheck.naming.data import load_name_vocab, name_codes
from factcheck.naming.generic import casefold_key, generic_person_key
from factcheck.naming.hangul import (
    fold,
    is_hangul,
    korean_person,
    latin_syllables,
    roman_scripts,
    romanise,
    romanised_korean,
    split_person,
    surname_key,
)
from factcheck.naming.scripts import has_letter

__all__ = [
    "NAME_KINDS",
    "affixes",
    "compose_org",
    "fallback_key",
    "fold",
    "is_hangul",
    "load_name_vocab",
    "lookup_forms",
    "org_core",
    "org_group",
    "org_parts",
    "org_words",
    "person_key",
    "person_parts",
    "place_core",
    "reading",
    "romanise",
    "split_person",
    "tidy",
]

NAME_KINDS = ("person", "org", "place")

_SPACE_RE = re.compile(r"\s+")
_TOKEN_SPLIT = re.compile(r"[\s,]+")

Reading = Literal["hangul", "roman", "other"]


def tidy(surface: str) -> str:
    """The surface form with runs of white space made one space, ends trimmed."""
    return _SPACE_RE.sub(" ", surface).strip()


@functools.lru_cache(maxsize=8192)
def reading(name: str) -> Reading:
    """How a name is read, by its script: ``"hangul"`` (it has a letter of a romanised script),
    ``"other"`` (it has letters, none of them Hangul or Latin) or ``"roman"`` (Latin letters,
    or no letter at all)."""
    if is_hangul(name):
        return "hangul"
    if any(ch.isalpha() for ch in name) and not has_letter(name, roman_scripts()):
        return "other"
    return "roman"


@functools.lru_cache(maxsize=8192)
def sound_key(name: str) -> str:
    """A rough key of how a name sounds, the same for a name in Hangul and its transliteration
    (부시 and Bush, 맨체스터 and Manchester): the loanword fold of its romanisation. Only a hint
    for two names in different scripts that fill one slot; never a key a match is made on."""
    return fold(romanise(tidy(name), "loanword"), True)


# ----------------------------------------------------------------------------- people
def person_parts(surface: str) -> tuple[str, list[str]] | None:
    """(surname key, folded syllables of the given name) of a Korean personal name in either
    script, or None for a name that is not one (its key is then no reliable ground for a
    conflict)."""
    parts = korean_person(surface)
    if parts is None or not parts[1]:
        return None
    surname, given = parts
    if is_hangul(surface):
        syllables = [fold(romanise(ch)) for ch in given.replace(" ", "")]
    else:
        pieces = [p for p in re.split(r"[-\s]+", given) if p]
        syllables = [fold(p) for p in pieces] if len(pieces) > 1 else [fold(given)]
    return surname_key(surname), syllables


@functools.lru_cache(maxsize=8192)
def person_key(surface: str) -> str:
    """The key of a personal name: ``"kim|yunsang"`` for 김윤상 and Kim Yoon-sang.

    A name in Hangul without a known Korean surname is its folded romanisation, token by
    token; a name in other letters that is not romanised Korean keeps its token order,
    casefolded (``"jane|doe"``)."""
    parts = korean_person(surface)
    if parts is None:
        if is_hangul(surface):
            tokens = [t for t in _TOKEN_SPLIT.split(tidy(surface)) if t]
            return "|".join(fold(romanise(t, "loanword"), True) for t in tokens)
        return generic_person_key(surface)
    surname, given = parts
    s = surname_key(surname)
    g = fold(romanise(given)) if given else ""
    return f"{s}|{g}" if g else s


# ----------------------------------------------------------------------------- places and orgs
@functools.lru_cache(maxsize=1)
def affixes() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(place suffixes, place prefixes, org legal forms, leading articles) of every names file,
    longest first."""
    suffixes: set[str] = set()
    prefixes: set[str] = set()
    legal: set[str] = set()
    lead: set[str] = set()
    for code in name_codes():
        data = load_name_vocab(code)
        suffixes.update(data.get("place", {}).get("admin_suffixes", []))
        prefixes.update(data.get("place", {}).get("admin_prefixes", []))
        legal.update(data.get("org", {}).get("legal_forms", []))
        lead.update(w for w in data.get("names", {}).get("words", {}).get("leading_skip", []))

    def by_len(xs: set[str]) -> tuple[str, ...]:
        return tuple(sorted(xs, key=lambda x: (-len(x), x)))

    return by_len(suffixes), by_len(prefixes), by_len(legal), by_len(lead)


@functools.lru_cache(maxsize=1)
def _place_affixes() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The place suffixes and prefixes of :func:`affixes`, each with its lower case."""
    suffixes, prefixes, _, _ = affixes()
    return tuple((a, a.lower()) for a in suffixes), tuple((a, a.lower()) for a in prefixes)


@functools.lru_cache(maxsize=8192)
def place_core(surface: str) -> str:
    """A place name without its administrative affixes: 경기도 -> 경기, "Gyeonggi Province" ->
    "Gyeonggi", "the city of An-yang" -> "An-yang". A one-syllable core keeps its suffix
    (대구, 중구, Jung-gu), so it stays a name."""
    text = tidy(surface)
    suffixes, prefixes = _place_affixes()
    low = text.lower()
    for p, p_low in prefixes:
        if low.startswith(p_low):
            text = text[len(p):].strip()
            low = text.lower()
            break
    for suf, suf_low in suffixes:
        if len(text) > len(suf) and low.endswith(suf_low):
            core = text[: len(text) - len(suf)].strip()
            if is_hangul(core):
                if len(core.replace(" ", "")) >= 2:
                    return core
            elif latin_syllables(core) >= 2 or (latin_syllables(core) == 0 and len(core) > 3):
                return core
            break
    return text


def _place_key(core: str) -> str:
    """The key of a place without its affixes: folded romanisation for a place in Hangul or
    romanised Korean, casefold for any other."""
    if is_hangul(core) or romanised_korean(core):
        return fold(romanise(core, "place"))
    return casefold_key(core)


_YEAR_TAIL = re.compile(r"[ \t]*(?:19|20)\d\d$")
_NOT_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=8192)
def org_core(surface: str) -> str:
    """An organisation's name without its legal form, a leading article or a trailing year:
    렉스젠㈜ -> 렉스젠, "RexGen Co., Ltd." -> "RexGen", "Korea Public Procurement Expo 2023" ->
    "Korea Public Procurement Expo"."""
    text = tidy(surface)
    _, _, legal, lead = affixes()
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


# ----------------------------------------------------------------------------- keys
def lookup_forms(surface: str, kind: str, *, as_written: bool = False) -> tuple[str, ...]:
    """The forms under which a surface is looked up in a glossary or the gazetteer, first to
    last. ``as_written``: only the forms of the name as written (case, spaces and Latin
    diacritics aside), none folded through romanisation: how a name of the world is known
    (Paris is not a romanised Korean name, 파리 not a Korean one)."""
    if kind == "person":
        return ("p:" + person_key(surface),)
    if kind == "place":
        core = place_core(surface)
        # the name as written first: "Mexico City" is a city, its core "Mexico" a country
        forms = ["x:" + casefold_key(surface)]
        if is_hangul(core):
            forms.append("h:" + core.replace(" ", ""))
        forms.append("c:" + casefold_key(core))
        if not as_written:
            forms.append("f:" + _place_key(core))
        return tuple(forms)
    core = org_core(surface)
    if _is_acronym(core):
        return ("a:" + core,)
    if is_hangul(core):
        return ("h:" + core.replace(" ", ""),)
    return ("l:" + _NOT_WORD.sub(" ", core.lower().replace("’", "'").replace("'s", "s")).strip(),)


@functools.lru_cache(maxsize=8192)
def fallback_key(surface: str, kind: str) -> str:
    """The key of a name that no glossary knows (see the module doc)."""
    if kind == "person":
        return person_key(surface)
    if kind == "place":
        return _place_key(place_core(surface))
    stem, concept = org_parts(surface)
    return compose_org(_org_stem_key(stem), concept)


def _org_stem_key(core: str) -> str:
    if _is_acronym(core):
        return core.lower()
    if reading(core) == "other":
        return casefold_key(core)
    return fold(romanise(core, "loanword"), True)


# ----------------------------------------------------------------------------- organisation words
@functools.lru_cache(maxsize=1)
def _org_words() -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """((organisation word, concept) ..., form words ...) of every names file, longest first."""
    words: dict[str, str] = {}
    forms: set[str] = set()
    for code in name_codes():
        org = load_name_vocab(code).get("org", {})
        words.update(org.get("words", {}))
        forms.update(org.get("form_words", []))
    ordered = tuple(sorted(words.items(), key=lambda kv: (-len(kv[0]), kv[0])))
    return ordered, tuple(sorted(forms, key=lambda w: (-len(w), w)))


def org_words() -> tuple[str, ...]:
    """The organisation words of every names file (``[org] words``), longest first."""
    return tuple(w for w, _ in _org_words()[0])


def _cut_word(text: str, word: str) -> str | None:
    """``text`` without ``word`` at its end (glued in a Hangul name, after a space in any
    other), or None when it does not end so or nothing would be left."""
    if is_hangul(word):
        if text.endswith(word) and len(text) > len(word):
            return text[: -len(word)].rstrip() or None
        return None
    n = len(word) + 1
    if len(text) > n and text[-n:].casefold() == " " + word.casefold():
        return text[:-n].rstrip(" ,") or None
    return None


@functools.lru_cache(maxsize=8192)
def org_parts(surface: str) -> tuple[str, str | None]:
    """(stem, concept) of an organisation's name: the name without its legal form, a form word
    (``[org] form_words``: 공사, Corporation, which keys leave out as they leave out legal
    forms) and an organisation word (``[org] words``: 전자 = Electronics -> ``"electronics"``),
    and that word's concept (None when no such word ends the name)."""
    core = org_core(surface)
    words, forms = _org_words()
    for form in forms:
        cut = _cut_word(core, form)
        if cut is not None:
            core = cut
            break
    for word, concept in words:
        stem = _cut_word(core, word)
        if stem is not None:
            return stem, concept
    return core, None


def compose_org(stem_key: str, concept: str | None) -> str:
    """The key of an organisation named by a stem and an organisation word: ``"samsung"`` and
    ``"electronics"`` -> ``"samsung+electronics"`` (the stem's key alone for no word)."""
    return f"{stem_key}+{concept}" if concept else stem_key


def org_group(key: str) -> str | None:
    """The key of the group an organisation's key names it part of (``"samsung+electronics"``
    -> ``"samsung"``), None for a key of no group."""
    group, plus, _ = key.partition("+")
    return group if plus and group else None
