"""The names of the glossaries (a user's and the bundled gazetteer) as the scanners look for
them: terms in a glued script as one pattern, acronyms, the first words of Latin terms, and the
lookup of a surface's key."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Protocol, TypeAlias

from factcheck.locale.loader import script_of
from factcheck.naming.data import name_codes, names_section
from factcheck.naming.glossary import bundled_gazetteer
from factcheck.naming.hangul import fold
from factcheck.naming.keys import compose_org, org_core, org_parts, org_words, place_core
from factcheck.naming.resolve import STEM_KINDS
from factcheck.naming.scripts import has_letter, letter_class
from factcheck.rules.names.vocab import alt, glued_scripts, trie, word_class

__all__ = ["Glossaries", "GlossaryLike", "Terms", "glossaries_of", "letters_of", "lookup", "terms_of"]



class GlossaryLike(Protocol):
    """What the name rules ask of a glossary (:class:`factcheck.naming.glossary.Glossary`)."""

    def lookup(self, surface: str, kind: str) -> str | None: ...

    def scan_terms(self) -> tuple[tuple[str, str], ...]: ...

    def terms_of_kind(self, kind: str) -> tuple[str, ...]: ...

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
    # an organisation word of a glued script (건설, 은행), and an organisation's name that ends
    # where such a word starts (현대, 하나: see glued.scan_glued)
    composed_re: tuple[re.Pattern[str], re.Pattern[str]] | None
    # Latin terms with a lowercase word no run of capitalised words holds (SK hynix): group 1
    cased_re: re.Pattern[str] | None


def letters_of(text: str) -> str:
    """The letters and digits of ``text``, lowercased."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def glossaries_of(glossary: GlossaryLike | None) -> Glossaries:
    """The user's glossary (if any), then the bundled gazetteer."""
    return (glossary, bundled_gazetteer()) if glossary is not None else (bundled_gazetteer(),)


@functools.lru_cache(maxsize=4096)
def lookup(glossaries: Glossaries, surface: str, kind: str,
           stem_kinds: tuple[str, ...] = STEM_KINDS) -> tuple[str, str] | None:
    """(key, basis) of a surface the glossaries know as a name of ``kind``, or None. An
    organisation named by a known name (of ``stem_kinds``) and an organisation word
    (삼성중공업, Samsung Heavy Industries) takes the known name's key and basis, composed with
    the word's concept (as :func:`factcheck.naming.resolve.name_key` does)."""
    for g in glossaries:
        key = g.lookup(surface, kind)
        if key is not None:
            return key, ("gazetteer" if g is glossaries[-1] else "glossary")
    if kind == "org":
        stem, concept = org_parts(surface)
        if stem != org_core(surface):
            for stem_kind in stem_kinds:
                found = lookup(glossaries, stem, stem_kind)
                if found is not None:
                    return compose_org(found[0], concept), found[1]
    return None


@functools.lru_cache(maxsize=8)
def terms_of(glossaries: Glossaries) -> Terms:
    """The :class:`Terms` of the glossaries."""
    glued_letters = glued_scripts()
    glued: dict[str, str] = {}
    acr: dict[str, str] = {}
    firsts: set[str] = set()
    strict: set[str] = set()
    plain: list[str] = []
    for g in glossaries:
        for term, kind in g.scan_terms():
            in_glued = has_letter(term, glued_letters)
            if in_glued:
                glued.setdefault(term, kind)
            elif term.isupper() and " " not in term and 2 <= len(term) <= 10:
                acr.setdefault(term, kind)  # matched as written only: LA is no "La."
            else:
                if kind == "place":
                    strict.add(letters_of(place_core(term)))
                plain.append(term)
                first = re.split(r"[ ,]+", term.strip())[0]
                firsts.add(fold(first))
                firsts.add(first.lower())
    g_re = None
    if glued:
        initials = "".join(sorted({re.escape(t[0]) for t in glued}))
        # the search skips to a first letter of a term at the start of a word, then reads the
        # term (group 1) from there; the match itself is that one letter (see glued.scan)
        # not right after a letter or digit (SK하이닉스 holds no name 하이닉스) nor after a
        # closing quote or bracket ('행복'이란: a particle, not Iran); a space in a term may be
        # left out (남아프리카 공화국, 남아프리카공화국)
        w = word_class()
        g_re = re.compile(rf"[{initials}](?<![{w}’”」』)\]].)(?<![{w}]['\"].)"
                          rf"(?<=(?=({trie(glued, spaces=_OPTIONAL_SPACES)})).)")
    a_re = None
    if acr:
        # an acronym is not glued to a letter of its own script or a digit
        around = letter_class({script_of(ch) for t in acr for ch in t if ch.isalpha()}) + "0-9"
        a_re = re.compile(rf"({trie(acr, guard=f'(?<![{around}].)')})(?![{around}])")
    keyed = {k.replace(" ", ""): (v, lookup(glossaries, k, v)) for k, v in glued.items()}
    cased = [t for t in plain if any(w[:1].islower() and w not in _connectors() for w in t.split())]
    c_re = None
    if cased:
        w = word_class()
        c_re = re.compile(rf"({trie(cased, guard=f'(?<![{w}].)')})(?![{w}])")
    return Terms(g_re, keyed, a_re, acr, frozenset(firsts), frozenset(strict), _composed_re(glossaries), c_re)


@functools.lru_cache(maxsize=1)
def _connectors() -> frozenset[str]:
    """The words that join capitalised words in a name, in every language that has them."""
    out: set[str] = set()
    for code in name_codes():
        out.update(names_section(code).get("words", {}).get("connectors", []))
    return frozenset(out)


#: a space inside a term of a glued script: any run of spaces or tabs, or none
_OPTIONAL_SPACES = r"[ \t]*"


def _composed_re(glossaries: Glossaries) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(an organisation word of a glued script, an organisation name of the glossaries --
    those known for keys only too: 현대, 우리 -- at the start of a word and the end of the
    searched span). Organisation words are rare in text, so they are looked for first and the
    name before each (현대건설, 하나증권) second."""
    glued_letters = glued_scripts()
    words = [w for w in org_words() if has_letter(w, glued_letters)]
    stems = {t for g in glossaries for t in g.terms_of_kind("org")
             if " " not in t and (has_letter(t, glued_letters) or (t.isupper() and t.isalnum()))}
    if not words or not stems:
        return None
    w = word_class()
    return re.compile(alt(words)), re.compile(rf"(?<![{w}])(?:{trie(stems, spaces=False)})\Z")
