"""Glossaries: the names a user says are one entity, and the bundled gazetteer.

A :class:`Glossary` is immutable and passed explicitly (``extract(..., glossary=g)``,
``name_key(..., glossary=g)``); nothing is registered globally.

>>> from factcheck.glossary import parse_glossary
>>> g = parse_glossary("org: 렉스젠 = RexGen = REXGEN Inc.")
>>> g.lookup("렉스젠", "org") == g.lookup("RexGen", "org")
True

Files (:func:`load_glossary`): ``.csv``/``.tsv`` (one entity a row; an optional header row
names the columns, a ``kind`` column gives person/org/place, a ``key`` column a fixed key;
a cell may hold several names separated by ``|``), ``.txt`` (``조달청 = Public Procurement
Service = PPS`` a line, optionally ``org: `` first), ``.yaml``/``.yml`` (needs PyYAML: a list
of such lines, of lists, or of mappings with ``terms``/``kind``/``key``) and ``.tbx`` (TBX
``termEntry``/``conceptEntry`` elements; every ``term`` inside is one name).

The bundled gazetteer (:func:`bundled_gazetteer`, ``factcheck/data/gazetteer_ko_en.tsv``)
holds Korean central government bodies, provinces and major cities with their official
English names; its source is recorded at the top of the file.

:func:`suggest_entries` proposes new entries: names left unmatched that co-occur in aligned
sentences, so users grow their termbase instead of silencing findings.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import io
import pathlib
import re
from collections import Counter
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Iterable, Mapping
from xml.etree import ElementTree

from .errors import InputError
from .names import NAME_KINDS, fallback_key, lookup_forms, tidy

__all__ = [
    "Glossary",
    "GlossaryEntry",
    "Suggestion",
    "build_glossary",
    "bundled_gazetteer",
    "load_glossary",
    "parse_glossary",
    "suggest_entries",
]


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One entity: the names it goes by (``terms``), its kind (None: any name kind), a fixed
    key (None: taken from the gazetteer when it knows a term, else from the first term) and
    the terms to look for in running text (``scan``; by default all of them)."""

    terms: tuple[str, ...]
    kind: str | None = None
    key: str | None = None
    scan: tuple[str, ...] | None = None

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

    def merged(self, other: "Glossary") -> "Glossary":
        """A glossary with the entries of both (``self`` wins where they disagree)."""
        return build_glossary(self.entries + other.entries, source=self.source or other.source)


@functools.lru_cache(maxsize=8)
def _scan_terms(g: Glossary) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for e in g.entries:
        for t in e.scanned():
            out.append((t, e.kind or "org"))
    return tuple(out)


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
            entry = GlossaryEntry(entry.terms, kind, entry.key, entry.scan)
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
                for form in lookup_forms(t, k):
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


_HEADERS = {"ko", "en", "korean", "english", "term", "terms", "alias", "aliases", "acronym",
            "acronyms", "name", "names", "kind", "key", "id", "source", "target", "abbreviation"}


def _from_rows(rows: list[list[str]]) -> list[GlossaryEntry]:
    rows = [r for r in rows if any(c.strip() for c in r) and not r[0].lstrip().startswith("#")]
    if not rows:
        return []
    header = [c.strip().lower() for c in rows[0]]
    kind_col = key_col = None
    named = [h for h in header if h]
    if named and all(h in _HEADERS for h in named):  # a header row
        kind_col = header.index("kind") if "kind" in header else None
        key_col = next((header.index(h) for h in ("key", "id") if h in header), None)
        rows = rows[1:]
    out = []
    for r in rows:
        terms: list[str] = []
        kind = key = None
        for i, cell in enumerate(r):
            if i == kind_col:
                kind = cell.strip().lower() or None
            elif i == key_col:
                key = cell.strip() or None
            else:
                terms.extend(_split_terms(cell))
        if terms:
            out.append(GlossaryEntry(tuple(terms), kind, key))
    return out


def _from_yaml(text: str, where: str) -> list[GlossaryEntry]:
    try:
        import yaml  # type: ignore[import-untyped]
    except ImportError:
        raise InputError(f"{where}: reading YAML glossaries needs PyYAML (pip install pyyaml); "
                         "CSV, TSV, TXT and TBX need nothing", reason="missing-dependency") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{where}: not valid YAML: {exc}", reason="bad-glossary") from None
    if isinstance(data, dict) and "entries" in data:
        data = data["entries"]
    out: list[GlossaryEntry] = []
    if isinstance(data, dict):  # name: [aliases] or name: alias
        for k, v in data.items():
            vs = v if isinstance(v, list) else [v]
            out.append(GlossaryEntry(tuple(tidy(str(t)) for t in [k, *vs] if t)))
        return out
    if not isinstance(data, list):
        raise InputError(f"{where}: expected a list of entries", reason="bad-glossary")
    for item in data:
        if isinstance(item, str):
            e = _parse_line(item)
            if e:
                out.append(e)
        elif isinstance(item, list):
            out.append(GlossaryEntry(tuple(tidy(str(t)) for t in item if t)))
        elif isinstance(item, dict):
            kind = item.get("kind")
            key = item.get("key") or item.get("id")
            terms: list[str] = []
            for k, v in item.items():
                if k in ("kind", "key", "id", "note", "comment"):
                    continue
                for t in (v if isinstance(v, list) else [v]):
                    if t:
                        terms.extend(_split_terms(str(t)))
            out.append(GlossaryEntry(tuple(terms), str(kind).lower() if kind else None,
                                     str(key) if key else None))
        else:
            raise InputError(f"{where}: cannot read entry {item!r}", reason="bad-glossary")
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _from_tbx(text: str, where: str) -> list[GlossaryEntry]:
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise InputError(f"{where}: not valid TBX/XML: {exc}", reason="bad-glossary") from None
    out = []
    for el in root.iter():
        if _local(el.tag) not in ("termEntry", "conceptEntry"):
            continue
        terms = [tidy("".join(t.itertext())) for t in el.iter() if _local(t.tag) == "term"]
        kind = None
        for d in el.iter():
            if _local(d.tag) in ("descrip", "termNote", "admin") and (d.get("type") or "").lower() in (
                    "kind", "entitytype", "entity-type"):
                kind = (d.text or "").strip().lower() or None
        terms = [t for t in terms if t]
        if terms:
            out.append(GlossaryEntry(tuple(terms), kind))
    return out


def load_glossary(path: str | pathlib.Path, *, kind: str | None = None) -> Glossary:
    """Read a glossary file (CSV, TSV, TXT, YAML or TBX, chosen by the file's extension)."""
    p = pathlib.Path(path)
    where = str(p)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{where}: no such glossary file", reason="no-file", path=where) from None
    except UnicodeDecodeError:
        raise InputError(f"{where}: glossary is not UTF-8 text", reason="bad-glossary", path=where) from None
    suffix = p.suffix.lower()
    if suffix in (".csv", ".tsv"):
        dialect = "excel-tab" if suffix == ".tsv" else "excel"
        entries = _from_rows(list(csv.reader(io.StringIO(text), dialect=dialect)))
    elif suffix in (".yaml", ".yml"):
        entries = _from_yaml(text, where)
    elif suffix in (".tbx", ".xml"):
        entries = _from_tbx(text, where)
    elif suffix in (".txt", ".glossary", ""):
        entries = [e for line in text.splitlines() if (e := _parse_line(line))]
    else:
        raise InputError(f"{where}: unknown glossary format {suffix!r} (use .csv, .tsv, .txt, "
                         ".yaml or .tbx)", reason="bad-glossary", path=where)
    return build_glossary(entries, kind=kind, source=where)


# ----------------------------------------------------------------------------- the gazetteer
@functools.lru_cache(maxsize=1)
def bundled_gazetteer() -> Glossary:
    """The gazetteer shipped with factcheck (``factcheck/data/gazetteer_ko_en.tsv``)."""
    path = importlib.resources.files("factcheck").joinpath("data", "gazetteer_ko_en.tsv")
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + [""] * 5
        kind, key, ko, en, acr = (c.strip() for c in cols[:5])
        terms: list[str] = []
        scan: list[str] = []
        for cell in (ko, en, acr):
            for t in cell.split("|"):
                t = t.strip()
                if not t:
                    continue
                hidden = t.startswith("~")
                t = t.lstrip("~")
                terms.append(t)
                if not hidden:
                    scan.append(t)
        entries.append(GlossaryEntry(tuple(terms), kind, key, tuple(scan)))
    return build_glossary(entries, source=str(path), base=None)


# ----------------------------------------------------------------------------- suggestions
@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate glossary entry: two names of one kind, unmatched by key, that were found
    together in ``count`` aligned sentence pairs. ``similarity`` is the rapidfuzz ratio of
    their keys (a near miss when high; never a match by itself)."""

    kind: str
    terms: tuple[str, str]
    count: int
    similarity: float

    def line(self) -> str:
        """The entry as a glossary line (``org: 렉스젠 = RexGen``)."""
        return f"{self.kind}: {self.terms[0]} = {self.terms[1]}"


def suggest_entries(pairs: Iterable[tuple[str, str]], *, lang_a: str = "ko", lang_b: str = "en",
                    glossary: Glossary | None = None, min_count: int = 1) -> list[Suggestion]:
    """Candidate glossary entries from aligned sentence pairs ``(sentence_a, sentence_b)``.

    In each pair, the person, org and place names of each side whose key has no equal on the
    other side are paired with the unmatched names of the same kind on the other side; pairs
    seen together in at least ``min_count`` sentence pairs are returned, most frequent first
    (ties: most similar keys first)."""
    from rapidfuzz import fuzz

    from .extract import extract

    counts: Counter[tuple[str, str, str]] = Counter()
    keys: dict[tuple[str, str, str], tuple[str, str]] = {}
    for a, b in pairs:
        ca = [c for c in extract(a, lang_a, kinds=NAME_KINDS, glossary=glossary)]
        cb = [c for c in extract(b, lang_b, kinds=NAME_KINDS, glossary=glossary)]
        ka = {(c.kind, c.value.key) for c in ca}
        kb = {(c.kind, c.value.key) for c in cb}
        left = {(c.kind, c.value.name): c.value.key for c in ca if (c.kind, c.value.key) not in kb}
        right = {(c.kind, c.value.name): c.value.key for c in cb if (c.kind, c.value.key) not in ka}
        for (kind, na), key_a in left.items():
            for (kind_b, nb), key_b in right.items():
                if kind_b == kind:
                    counts[(kind, na, nb)] += 1
                    keys[(kind, na, nb)] = (key_a, key_b)
    out = [Suggestion(kind, (na, nb), n, float(fuzz.ratio(*keys[(kind, na, nb)])))
           for (kind, na, nb), n in counts.items() if n >= min_count]
    out.sort(key=lambda s: (-s.count, -s.similarity, s.kind, s.terms))
    return out
