"""The names of the glossaries (a user's and the bundled gazetteer) as the scanners look for
them: terms in a glued script as one pattern, acronyms, the first words of Latin terms, and the
lookup of a surface's key."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Protocol, TypeAlias

from factcheck.locale.loader import script_of
from factcheck.naming.glossary import bundled_gazetteer
from factcheck.naming.hangul import fold
from factcheck.naming.keys import place_core
from factcheck.naming.scripts import has_letter, letter_class
from factcheck.rules.names.vocab import glued_scripts, trie

__all__ = ["Glossaries", "GlossaryLike", "Terms", "glossaries_of", "letters_of", "lookup", "terms_of"]


class GlossaryLike(Protocol):
    """What the name rules ask of a glossary (:class:`factcheck.naming.glossary.Glossary`)."""

    def lookup(self, surface: str, kind: str) -> str | None: ...

    def scan_terms(self) -> tuple[tuple[str, str], ...]: ...

    def __hash__(self) -> int: ...


#: the glossaries a text is read with: the user's (if any), then the bundled gazetteer
Glossaries: TypeAlias = tuple[GlossaryLike, ...]


@dataclass(frozen=True)
class Terms:
    """What the scanners look for of the glossaries' terms."""

    glued_re: re.Pattern[str] | None  # terms written in a glued script (group 1)
    kinds: dict[str, tuple[str, tuple[str, str] | None]]  # term, spaces removed -> kind, (key, basis)
    acronym_re: re.Pattern[str] | None
    acronyms: dict[str, str]  # acronym -> kind
    first_folds: frozenset[str]  # folded first words of Latin terms
    strict_places: frozenset[str]  # letters of Latin place names, as written in the glossaries


def letters_of(text: str) -> str:
    """The letters and digits of ``text``, lowercased."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def glossaries_of(glossary: GlossaryLike | None) -> Glossaries:
    """The user's glossary (if any), then the bundled gazetteer."""
    return (glossary, bundled_gazetteer()) if glossary is not None else (bundled_gazetteer(),)


@functools.lru_cache(maxsize=4096)
def lookup(glossaries: Glossaries, surface: str, kind: str) -> tuple[str, str] | None:
    """(key, basis) of a surface the glossaries know as a name of ``kind``, or None."""
    for g in glossaries:
        key = g.lookup(surface, kind)
        if key is not None:
            return key, ("gazetteer" if g is glossaries[-1] else "glossary")
    return None


@functools.lru_cache(maxsize=8)
def terms_of(glossaries: Glossaries) -> Terms:
    """The :class:`Terms` of the glossaries."""
    glued_letters = glued_scripts()
    glued: dict[str, str] = {}
    acr: dict[str, str] = {}
    firsts: set[str] = set()
    strict: set[str] = set()
    for g in glossaries:
        for term, kind in g.scan_terms():
            in_glued = has_letter(term, glued_letters)
            if kind == "place" and not in_glued:
                strict.add(letters_of(place_core(term)))
            if in_glued:
                glued.setdefault(term, kind)
            elif term.isupper() and " " not in term and 2 <= len(term) <= 10:
                acr.setdefault(term, kind)
            else:
                first = re.split(r"[ ,]+", term.strip())[0]
                firsts.add(fold(first))
                firsts.add(first.lower())
    g_re = None
    if glued:
        initials = "".join(sorted({re.escape(t[0]) for t in glued}))
        # the search skips to a first letter of a term at the start of a word, then reads the
        # term (group 1) from there; the match itself is that one letter (see glued.scan)
        g_re = re.compile(rf"[{initials}](?<![{letter_class(glued_letters)}].)(?<=(?=({trie(glued)})).)")
    a_re = None
    if acr:
        # an acronym is not glued to a letter of its own script or a digit
        around = letter_class({script_of(ch) for t in acr for ch in t if ch.isalpha()}) + "0-9"
        a_re = re.compile(rf"({trie(acr, guard=f'(?<![{around}].)')})(?![{around}])")
    keyed = {k.replace(" ", ""): (v, lookup(glossaries, k, v)) for k, v in glued.items()}
    return Terms(g_re, keyed, a_re, acr, frozenset(firsts), frozenset(strict))
