"""Reading glossary files: CSV, TSV, TXT, YAML (with PyYAML) and TBX, chosen by extension."""

from __future__ import annotations

import csv
import io
import os
import pathlib
from xml.etree import ElementTree

from factcheck.errors import InputError
from factcheck.naming.glossary import Glossary, GlossaryEntry, _parse_line, _split_terms, build_glossary
from factcheck.naming.keys import tidy

__all__ = ["load_glossary"]


_HEADERS = frozenset({"ko", "en", "korean", "english", "term", "terms", "alias", "aliases", "acronym",
            "acronyms", "name", "names", "kind", "key", "id", "source", "target", "abbreviation"})


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
        import yaml
    except ImportError:
        raise InputError("reading YAML glossaries needs PyYAML (pip install 'factcheck[yaml]'); "
                         "CSV, TSV, TXT and TBX need nothing", reason="missing-dependency", path=where) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {exc}", reason="bad-glossary", path=where) from None
    if isinstance(data, dict) and "entries" in data:
        data = data["entries"]
    out: list[GlossaryEntry] = []
    if isinstance(data, dict):  # name: [aliases] or name: alias
        for k, v in data.items():
            vs = v if isinstance(v, list) else [v]
            out.append(GlossaryEntry(tuple(tidy(str(t)) for t in [k, *vs] if t)))
        return out
    if not isinstance(data, list):
        raise InputError("expected a list of entries", reason="bad-glossary", path=where)
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
            raise InputError(f"cannot read entry {item!r}", reason="bad-glossary", path=where)
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _from_tbx(text: str, where: str) -> list[GlossaryEntry]:
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise InputError(f"not valid TBX/XML: {exc}", reason="bad-glossary", path=where) from None
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


def load_glossary(path: str | os.PathLike[str], *, kind: str | None = None) -> Glossary:
    """Read a glossary file (CSV, TSV, TXT, YAML or TBX, chosen by the file's extension)."""
    p = pathlib.Path(path)
    where = str(p)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such glossary file", reason="no-file", path=where) from None
    except UnicodeDecodeError:
        raise InputError("glossary is not UTF-8 text", reason="bad-glossary", path=where) from None
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
        raise InputError(f"unknown glossary format {suffix!r} (use .csv, .tsv, .txt, "
                         ".yaml or .tbx)", reason="bad-glossary", path=where)
    return build_glossary(entries, kind=kind, source=where)
