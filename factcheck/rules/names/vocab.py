"""The compiled vocabulary of a names locale (``factcheck/locales/names/<code>.toml``).

:func:`vocab_of` reads a language's names data once and compiles what the scanners need:
titles, particles, organisation and place suffixes, legal forms as regular expressions, and
the letters of the language's scripts (from its locale's ``scripts``, see
:mod:`factcheck.naming.scripts`). The data also says how the language writes names:
``capitalised = true`` (English: runs of capitalised words, :mod:`.capitalised`) or not
(Korean: words with particles glued after them, :mod:`.glued`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeAlias

from factcheck.locale.loader import locale_meta
from factcheck.naming.data import load_name_vocab, name_codes, names_section
from factcheck.naming.scripts import known_scripts, letter_class

__all__ = ["Vocab", "alt", "glued_scripts", "trie", "vocab_of", "word_class"]

_Node: TypeAlias = dict[str, "_Node"]


def alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (one that never matches for none)."""
    items = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in items) or r"(?!x)x"


def trie(words: Iterable[str], *, guard: str = "", spaces: bool | str = True) -> str:
    """A regex matching any of ``words``, factored as a trie so that it stays fast with
    hundreds of words (longest first: optional tails are greedy). A space in a word matches
    any run of spaces or tabs (only itself when ``spaces`` is false; the regex ``spaces`` when
    it is a string). ``guard`` (a look-behind of
    width 1 more than it needs, since it is checked after the first letter) goes after the
    first letter: the regex then starts with a literal or a set, which ``re`` skips to fast."""
    root: _Node = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    space = spaces if isinstance(spaces, str) else r"[ \t]+"

    def build(node: _Node, top: bool = False) -> str:
        alts = [(space if ch == " " and spaces else re.escape(ch)) + (guard if top else "") + build(sub)
                for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = f"(?:{body})?"
        return body

    body = build(root, True)
    return body or r"(?!x)x"


@functools.lru_cache(maxsize=1)
def glued_scripts() -> tuple[str, ...]:
    """The scripts of the languages whose names are not capitalised (Hangul): a glossary term
    with a letter of one is looked for as a glued word."""
    out: dict[str, None] = {}
    for code in name_codes():
        if not names_section(code).get("capitalised", False):
            out.update(dict.fromkeys(locale_meta(code)[0]))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def word_class() -> str:
    """The body of a regex class of the characters of a plain word in any language factcheck
    reads: the letters of every locale's scripts and the digits."""
    return letter_class(known_scripts()) + "0-9"


@dataclass(frozen=True)
class Vocab:
    """The names vocabulary of one language, compiled (see the module doc)."""

    code: str
    capitalised: bool
    letters: str  # the body of a regex class of the letters of the language's scripts
    letter_re: re.Pattern[str]  # one such letter
    particles: tuple[str, ...]
    particle_re: str
    particle_set: frozenset[str]
    particle_max: int
    titles: frozenset[str]
    title_re: re.Pattern[str] | None
    glued_honorifics: frozenset[str]
    head_re: str
    follow_re: re.Pattern[str]  # what may follow a name: a head title, a particle, no letter
    not_names: frozenset[str]
    given_min: int
    given_max: int
    org_re: re.Pattern[str] | None
    not_orgs: frozenset[str]
    not_org_endings: tuple[str, ...]
    legal_re: re.Pattern[str] | None
    legal_forms: tuple[str, ...]
    place_re: re.Pattern[str] | None
    place_at_re: re.Pattern[str] | None  # where a place suffix may end a word
    place_stem: tuple[int, int]  # fewest and most letters before a place suffix
    context_place_suffixes: frozenset[str]
    not_places: frozenset[str]
    not_place_tails: tuple[str, ...]  # the same, sorted, for str.endswith
    not_place_endings: tuple[str, ...]
    short_needs_full: bool
    # glued scripts: the words around a title
    word_before_re: re.Pattern[str]  # the word (group 1) before a legal form
    word_after_re: re.Pattern[str]  # the word (group 1) after one
    plain_word_re: re.Pattern[str]  # a word of letters, digits and &
    name_after_re: re.Pattern[str]  # a name word (group 1) after a title and spaces
    # capitalised scripts
    lower_title_re: re.Pattern[str] | None  # "PPS chief Kim ...": a lowercase title before a name
    leading_skip: frozenset[str]
    connectors: frozenset[str]
    interjections: frozenset[str]
    org_suffixes: frozenset[str]
    org_prefixes: frozenset[str]
    weak_suffixes: frozenset[str]
    place_suffix_words: frozenset[str]
    place_hyphen_suffixes: tuple[str, ...]
    place_prefix_re: re.Pattern[str] | None
    place_modifiers: frozenset[str]  # words of not_names that make a longer name of a place after them
    place_prefix_end: re.Pattern[str] | None  # the last letter of a place prefix
    hyphen_tails: tuple[str, ...]
    abbreviations: frozenset[str]
    max_title_words: int
    title_firsts: frozenset[str]
    chunk_re: re.Pattern[str] | None
    token_re: re.Pattern[str] | None
    split_chunks: bool  # connectors are lowercase words or one sign: a chunk splits at spaces


def _is_simple_connector(word: str) -> bool:
    """A lowercase word or one sign (not a letter, digit, space or comma)."""
    return (word.isalpha() and word.islower()) or re.fullmatch(r"[^\w\s,]", word) is not None


@functools.lru_cache(maxsize=8)
def vocab_of(code: str) -> Vocab:
    """The compiled names vocabulary of the language ``code``."""
    data = load_name_vocab(code)
    names = data.get("names", {})
    words = names.get("words", {})
    org = data.get("org", {})
    place = data.get("place", {})
    cap = bool(names.get("capitalised", False))
    particles = tuple(sorted(set(names.get("particles", [])), key=len, reverse=True))
    part = f"(?:{alt(particles)})?" if particles else ""
    titles = list(names.get("titles", [])) + list(words.get("titles", []))
    heads = names.get("head_suffixes", [])
    head_re = f"(?:{alt(heads)})?" if heads else ""
    scripts = locale_meta(code)[0]
    wc = letter_class(scripts)
    any_word = word_class()
    title_re = org_re = place_re = legal_re = place_at_re = None
    if not cap:
        # a trie starts with its first letters, which the search skips to
        title_re = re.compile(rf"(?:{trie(titles)})(?={part}(?![{wc}])|\()")
        sufs = org.get("suffixes", [])
        if sufs:
            # the stem grows letter by letter until a suffix: a letter no suffix starts with
            # is passed without trying them all
            s_first = "".join(sorted({re.escape(x[0]) for x in sufs if x}))
            org_re = re.compile(
                rf"(?<![{wc}])([{wc}]{{{int(org.get('min_stem', 2))},12}}?(?=[{s_first}])(?:{alt(sufs)}))"
                rf"(?={head_re}{part}(?![{wc}]))")
        psufs = list(place.get("suffixes", [])) + list(place.get("context_suffixes", []))
        if psufs:
            place_re = re.compile(
                rf"(?<![{wc}])([{wc}]{{{int(place.get('min_stem', 2))},6}}?(?:{alt(psufs)}))(?={part}(?![{wc}]))")
            if all(re.fullmatch(rf"[{wc}]+", x) for x in psufs):
                # a suffix where a word ends (rare), from which place_re is tried at the
                # start of the word (see glued.place_matches)
                p_first = "".join(sorted({re.escape(x[0]) for x in psufs}))
                place_at_re = re.compile(rf"[{p_first}](?<=(?=(?:{alt(psufs)}){part}(?![{wc}])).)")
    legal = tuple(org.get("legal_forms", []))
    if legal and not cap:
        legal_re = re.compile(alt(legal))
    chunk_re = token_re = None
    place_prefix_re = place_prefix_end = None
    abbreviations: set[str] = set()
    if cap:
        conn = words.get("connectors", [])
        upper = letter_class(scripts, upper=True)
        cap_rest = rf"[{wc}0-9]*(?:['’&.\-][{wc}0-9]+)*\.?"
        tok = rf"[{upper}]{cap_rest}"
        year = r"(?:19|20)\d\d(?!\d)"
        join = rf"(?:[ \t]+|,[ \t]+)(?:(?:{alt(conn)})[ \t]+)*"
        # the capital first (the look-behind after it), so that the search skips to capitals
        chunk_re = re.compile(rf"[{upper}](?<![\w'’\-].){cap_rest}(?:{join}(?:{tok}|{year}))*")
        token_re = re.compile(rf"(?P<tok>{tok})|(?P<year>{year})|(?P<conn>{alt(conn)})(?![\w])|(?P<comma>,)")
        prefixes = place.get("prefixes", [])
        if prefixes:
            place_prefix_re = re.compile(rf"(?i:\b(?:{alt(prefixes)}))[ \t]+\Z")
            ends = {p.rstrip(" \t")[-1:] for p in prefixes}
            if "" not in ends:  # the letter a prefix ends with, before the spaces
                place_prefix_end = re.compile(rf"(?i:[{''.join(sorted(re.escape(e) for e in ends))}])")
        abbreviations = {w for w in titles + list(org.get("legal_forms", [])) + list(org.get("suffixes", []))
                         if w.endswith(".") and " " not in w}
    psuf = place.get("suffixes", [])
    return Vocab(
        code=code,
        capitalised=cap,
        letters=wc,
        letter_re=re.compile(f"[{wc}]"),
        particles=particles,
        particle_re=part,
        particle_set=frozenset(particles),
        particle_max=max((len(p) for p in particles), default=0),
        titles=frozenset(titles),
        title_re=title_re,
        glued_honorifics=frozenset(names.get("glued_honorifics", [])),
        head_re=head_re,
        follow_re=re.compile(rf"{head_re}{part}(?![{wc}])"),
        not_names=frozenset(names.get("not_names", [])) | frozenset(words.get("not_names", [])),
        given_min=int(names.get("given_min", 1)),
        given_max=int(names.get("given_max", 2)),
        org_re=org_re,
        not_orgs=frozenset(org.get("not_orgs", [])),
        not_org_endings=tuple(org.get("not_org_endings", [])),
        legal_re=legal_re,
        legal_forms=legal,
        place_re=place_re,
        place_at_re=place_at_re,
        place_stem=(int(place.get("min_stem", 2)), 6),
        context_place_suffixes=frozenset(place.get("context_suffixes", [])),
        not_places=frozenset(place.get("not_places", [])),
        not_place_tails=tuple(sorted(set(place.get("not_places", [])))),
        not_place_endings=tuple(place.get("not_place_endings", [])),
        short_needs_full=bool(names.get("short_needs_full", False)),
        word_before_re=re.compile(rf"([{any_word}&]+)[ \t]?\Z"),
        word_after_re=re.compile(rf"[ \t]?([{any_word}&]+)"),
        plain_word_re=re.compile(rf"[{any_word}&]+"),
        name_after_re=re.compile(rf"[ \t]+([{wc}]{{2,7}})(?![{wc}])"),
        lower_title_re=(re.compile(rf"(?<![{wc}])({alt(words['lower_titles'])})[ \t]+\Z")
                        if words.get("lower_titles") else None),
        leading_skip=frozenset(words.get("leading_skip", [])),
        connectors=frozenset(words.get("connectors", [])),
        interjections=frozenset(words.get("interjections", [])),
        org_suffixes=frozenset(org.get("suffixes", [])),
        org_prefixes=frozenset(org.get("prefixes", [])),
        weak_suffixes=frozenset(org.get("weak_suffixes", [])),
        place_suffix_words=frozenset(s.strip() for s in psuf if s.startswith(" ")),
        place_hyphen_suffixes=tuple(s for s in psuf if s.startswith("-")),
        place_prefix_re=place_prefix_re,
        place_modifiers=frozenset(place.get("modifiers", [])),
        place_prefix_end=place_prefix_end,
        hyphen_tails=tuple(words.get("hyphen_tails", [])),
        abbreviations=frozenset(abbreviations),
        max_title_words=max((len(t.split()) for t in titles), default=1),
        title_firsts=frozenset(t.split()[0] for t in titles if t.strip()),
        chunk_re=chunk_re,
        token_re=token_re,
        split_chunks=cap and all(_is_simple_connector(c) for c in words.get("connectors", [])),
    )
