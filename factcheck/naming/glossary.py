"""Glossaries: the names a user says are one entity, and the bundled gazetteer.

A :class:`Glossary` is immutable and passed explicitly (``extract(..., glossary=g)``,
``name_key(..., glossary=g)``); nothing is registered globally.

>>> from factcheck.naming.glossary import parse_glossary
>>> g = parse_glossary("org: 렉스젠 = RexGen = REXGEN Inc.")
>>> g.lookup("렉스젠", "org") == g.lookup("RexGen", "org")
True

Files (:func:`factcheck.io.glossary.load_glossary`): ``.csv``/``.tsv`` (one entity a row; an optional header row
names the columns, a ``kind`` column gives person/org/place, a ``key`` column a fixed key;
a cell may hold several names separated by ``|``), ``.txt`` (``조달청 = Public Procurement
Service = PPS`` a line, optionally ``org: `` first), ``.yaml``/``.yml`` (needs PyYAML: a list
of such lines, of lists, or of mappings with ``terms``/``kind``/``key``) and ``.tbx`` (TBX
``termEntry``/``conceptEntry`` elements; every ``term`` inside is one name).

The bundled gazetteer (:func:`bundled_gazetteer`) holds Korean central government bodies,
provinces and cities with their official English names (``factcheck/data/gazetteer_ko_en.tsv``),
Korean companies (``companies_ko_en.tsv``) and the countries and major cities of the world
(``places_cldr.json``, generated from CLDR, and ``places_aliases.tsv``); each file records its
source at its top.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from factcheck.errors import InputError
from factcheck.naming.keys import NAME_KINDS, fallback_key, lookup_forms, tidy
from factcheck.naming.tables import company_rows, gazetteer_rows, world_place_rows

__all__ = [
    "Glossary",
    "GlossaryEntry",
    "build_glossary",
    "bundled_gazetteer",
    "parse_glossary",
]


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One entity: the names it goes by (``terms``), its kind (None: any name kind), a fixed
    key (None: taken from the gazetteer when it knows a term, else from the first term), the
    terms to look for in running text (``scan``; by default all of them) and whether its
    names are known only as written (``as_written``: case, spaces and Latin diacritics aside,
    never through the fold of romanised Korean, as the countries and cities of the world
    are)."""

    terms: tuple[str, ...]
    kind: str | None = None
    key: str | None = None
    scan: tuple[str, ...] | None = None
    as_written: bool = False

    def scanned(self) -> tuple[str, ...]:
        return self.terms if self.scan is None else self.scan


@dataclass(frozen=True, eq=False)
class Glossary:
    """An immutable set of entries with an index from each name's lookup form to its key."""

    entries: tuple[GlossaryEntry, ...]
    index: Mapping[str, str] = field(repr=False)
    source: str = ""

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, surface: str, kind: str) -> str | None:
        """The key of ``surface`` as a name of ``kind``, or None when no entry has it."""
        for form in lookup_forms(surface, kind):
            key = self.index.get(f"{kind}\t{form}")
            if key is not None:
                return key
        return None

    def scan_terms(self) -> tuple[tuple[str, str], ...]:
        """(term, kind) of every name to look for in running text; an entry without a kind
        is looked for as an organisation."""
        return _scan_terms(self)

    def terms_of_kind(self, kind: str) -> tuple[str, ...]:
        """Every name of the entries of ``kind`` (an entry without a kind counts as an
        organisation), those known for keys only included."""
        return _terms_of_kind(self, kind)

    def merged(self, other: Glossary) -> Glossary:
        """A glossary with the entries of both (``self`` wins where they disagree)."""
        return build_glossary(self.entries + other.entries, source=self.source or other.source)


@functools.lru_cache(maxsize=8)
def _scan_terms(g: Glossary) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for e in g.entries:
        for t in e.scanned():
            out.append((t, e.kind or "org"))
    return tuple(out)


@functools.lru_cache(maxsize=16)
def _terms_of_kind(g: Glossary, kind: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for e in g.entries if (e.kind or "org") == kind for t in e.terms))


def build_glossary(entries: Iterable[GlossaryEntry | Iterable[str] | str], *, source: str = "",
                   kind: str | None = None, base: Glossary | None | bool = True) -> Glossary:
    """A :class:`Glossary` from entries (GlossaryEntry objects, lists of names, or ``a = b``
    strings). A term the gazetteer (``base``; True: the bundled one) already knows gives the
    whole entry the gazetteer's key, so a user entry and the gazetteer never disagree."""
    if base is True:
        base = bundled_gazetteer()
    items: list[GlossaryEntry] = []
    for e in entries:
        if isinstance(e, GlossaryEntry):
            entry = e
        elif isinstance(e, str):
            parsed = _parse_line(e)
            if parsed is None:
                continue
            entry = parsed
        else:
            entry = GlossaryEntry(tuple(tidy(t) for t in e if t and tidy(t)))
        if kind is not None and entry.kind is None:
            entry = GlossaryEntry(entry.terms, kind, entry.key, entry.scan, entry.as_written)
        if entry.kind is not None and entry.kind not in NAME_KINDS:
            raise InputError(f"glossary entry {entry.terms!r}: kind must be one of {NAME_KINDS}, "
                             f"not {entry.kind!r}", reason="bad-glossary")
        if entry.terms:
            items.append(entry)
    index: dict[str, str] = {}
    for entry in items:
        for k in ((entry.kind,) if entry.kind else NAME_KINDS):
            key = entry.key
            if key is None and isinstance(base, Glossary):
                key = next((kk for t in entry.terms if (kk := base.lookup(t, k)) is not None), None)
            if key is None:
                key = fallback_key(entry.terms[0], k)
            for t in entry.terms:
                for form in lookup_forms(t, k, as_written=entry.as_written):
                    index.setdefault(f"{k}\t{form}", key)
    return Glossary(tuple(items), MappingProxyType(index), source)


# ----------------------------------------------------------------------------- parsing
_KIND_PREFIX = re.compile(r"^\s*(person|org|place)\s*:\s*", re.IGNORECASE)


def _split_terms(cell: str) -> list[str]:
    return [tidy(t) for t in re.split(r"[|;]", cell) if tidy(t)]


def _parse_line(line: str) -> GlossaryEntry | None:
    line = line.split("#", 1)[0] if not line.lstrip().startswith("#") else ""
    if not line.strip():
        return None
    kind = None
    m = _KIND_PREFIX.match(line)
    if m:
        kind = m.group(1).lower()
        line = line[m.end():]
    terms = [tidy(t) for t in line.split("=") if tidy(t)]
    return GlossaryEntry(tuple(terms), kind) if terms else None


def parse_glossary(text: str, *, kind: str | None = None, source: str = "") -> Glossary:
    """A glossary from lines of ``name = name = name`` (``org: `` may lead a line)."""
    return build_glossary([e for line in text.splitlines() if (e := _parse_line(line))],
                          kind=kind, source=source)


# ----------------------------------------------------------------------------- the gazetteer
@functools.lru_cache(maxsize=1)
def bundled_gazetteer() -> Glossary:
    """The names shipped with factcheck (:mod:`factcheck.naming.tables`): the Korean gazetteer
    (``factcheck/data/gazetteer_ko_en.tsv``), the companies (``companies_ko_en.tsv``) and the
    countries and cities of the world (``places_cldr.json``, ``places_aliases.tsv``)."""
    entries = [GlossaryEntry(r.terms, r.kind, r.key, r.scan) for r in gazetteer_rows() + company_rows()]
    entries += [GlossaryEntry(r.terms, r.kind, r.key, r.scan, as_written=True) for r in world_place_rows()]
    path = importlib.resources.files("factcheck").joinpath("data")
    return build_glossary(entries, source=str(path), base=None)
