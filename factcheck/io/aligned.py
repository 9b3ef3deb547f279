"""Aligned inputs: translation files whose segments pair a text with its translation.

:func:`read_segments` reads CSV/TSV, JSONL, gettext PO, XLIFF 1.2 and 2.0 and TMX files into
``(segment id, [Source, Source])`` pairs, one :class:`factcheck.report.Source` per side, ready
for ``factcheck.check_segments``. :func:`iter_segments` yields the same pairs one by one;
CSV, TSV, JSONL and PO are read line by line and XLIFF is parsed incrementally, so large files
are never held in memory whole (TMX keeps the texts, to learn its languages first).

Each side's source id is its language code as the file writes it (``ko``, ``en-US``), or
``source``/``target`` when the file does not say; its ``lang`` is the primary language subtag
(``en`` for ``en-US``), or ``auto``. Segment ids come from the file (an id column or key,
``msgctxt``, ``id``, ``tuid``) or are the line number (CSV, TSV, JSONL, PO) or position; they
are made unique within a file by appending ``#2``, ``#3``. Segments whose translation is empty
are skipped (untranslated), as are PO's header, fuzzy and obsolete entries.

Malformed files raise :class:`factcheck.errors.InputError` naming the file, the line when
known, and the reason. XML is parsed with the standard library; a file with an internal DTD
subset or an entity declaration is refused (a plain ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``,
which TMX files carry, is allowed: nothing is fetched or expanded).
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from typing import IO, Any

from factcheck.errors import InputError
from factcheck.report import Source

__all__ = ["ALIGNED_FORMATS", "aligned_format", "is_aligned", "iter_segments", "read_segments"]

#: file name suffixes and the format they are read as
ALIGNED_FORMATS: dict[str, str] = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".po": "po", ".xlf": "xml", ".xliff": "xml", ".sdlxliff": "xml", ".mxliff": "xml", ".tmx": "xml",
}

Segment = tuple[str, list[Source]]

_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_SIDES = ("source", "target")
_ID_COLUMNS = ("id", "key", "segment", "segment_id", "uid")
_SAMPLE = 1 << 16


def aligned_format(path: str | os.PathLike[str]) -> str | None:
    """The format a path is read as (``csv``, ``tsv``, ``jsonl``, ``po``, ``xml``), or None."""
    return ALIGNED_FORMATS.get(os.path.splitext(os.fspath(path))[1].lower())


def is_aligned(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` names a file :func:`read_segments` reads (by its suffix)."""
    return aligned_format(path) is not None


def read_segments(path: str | os.PathLike[str], *, lang_a: str | None = None,
                  lang_b: str | None = None) -> list[Segment]:
    """All the segment pairs of an aligned file (see the module documentation).

    ``lang_a`` and ``lang_b`` choose the two languages when the file has more (CSV columns,
    JSONL keys, TMX languages) and name them when the file does not (``source``/``target``
    columns, PO files, XLIFF without language attributes)."""
    return list(iter_segments(path, lang_a=lang_a, lang_b=lang_b))


def iter_segments(path: str | os.PathLike[str], *, lang_a: str | None = None,
                  lang_b: str | None = None) -> Iterator[Segment]:
    """Yield the segment pairs of an aligned file one by one (see :func:`read_segments`)."""
    name = os.fspath(path)
    fmt = aligned_format(name)
    if fmt is None:
        raise InputError("not an aligned file: use .csv, .tsv, .jsonl, .po, .xlf/.xliff or .tmx",
                         reason="unsupported-format", path=name)
    reader = {"csv": _read_csv, "tsv": _read_csv, "jsonl": _read_jsonl, "po": _read_po, "xml": _read_xml}[fmt]
    seen: dict[str, int] = {}
    for seg_id, sources in reader(name, fmt, lang_a, lang_b):
        n = seen.get(seg_id, 0) + 1
        seen[seg_id] = n
        yield (seg_id if n == 1 else f"{seg_id}#{n}"), sources


# --------------------------------------------------------------------------- helpers

def _err(path: str, message: str, line: int | None = None, reason: str = "bad-aligned-file") -> InputError:
    return InputError(f"line {line}: {message}" if line else message, reason=reason, path=path)


def _norm(code: str) -> str:
    return code.strip().replace("_", "-").lower()


def _lang_of(name: str) -> str:
    """The ``lang`` of a side: the primary subtag of a language code, else ``auto``."""
    n = _norm(name)
    if n in _SIDES or not _LANG_TAG.match(n):
        return "auto"
    return n.split("-")[0]


class _Sides:
    """The two sides of a file: their source ids and languages."""

    def __init__(self, a: str, b: str, lang_a: str | None = None, lang_b: str | None = None) -> None:
        a, b = a.strip(), b.strip()
        # a side named "source"/"target" takes the language the caller gave, if any
        la = _lang_of(lang_a) if lang_a and _norm(a) in _SIDES else _lang_of(a)
        lb = _lang_of(lang_b) if lang_b and _norm(b) in _SIDES else _lang_of(b)
        ida = lang_a.strip() if lang_a and _norm(a) in _SIDES else a
        idb = lang_b.strip() if lang_b and _norm(b) in _SIDES else b
        if _norm(ida) == _norm(idb):
            ida, idb = "source", "target"
        self.ids = (ida, idb)
        self.langs = (la, lb)

    def make(self, path: str, text_a: str, text_b: str) -> list[Source]:
        return [Source(text_a, id=self.ids[0], lang=self.langs[0], path=path),
                Source(text_b, id=self.ids[1], lang=self.langs[1], path=path)]


def _pick(path: str, names: list[str], lang_a: str | None, lang_b: str | None, what: str,
          line: int | None = None) -> tuple[str, str]:
    """Choose the two language columns (keys, languages) among ``names``."""
    by_norm: dict[str, str] = {}
    for n in names:
        by_norm.setdefault(_norm(n), n)
    listed = ", ".join(names) or "none"

    def find(code: str) -> str | None:
        return by_norm.get(_norm(code))

    wanted = [c for c in (lang_a, lang_b) if c]
    if wanted and all(find(c) for c in wanted):
        if len(wanted) == 2:
            return find(lang_a), find(lang_b)  # type: ignore[arg-type,return-value]
        chosen = find(wanted[0])
        rest = [n for n in names if n != chosen]
        if len(rest) != 1:
            raise _err(path, f"cannot tell the other language among {what} ({listed}); give both languages", line)
        return (chosen, rest[0]) if lang_a else (rest[0], chosen)  # type: ignore[return-value]
    sides = [by_norm[s] for s in _SIDES if s in by_norm]
    if len(sides) == 2:
        return sides[0], sides[1]
    if wanted:
        missing = next(c for c in wanted if not find(c))
        raise _err(path, f"no {what[:-1] if what.endswith('s') else what} {missing!r} (found: {listed})", line)
    if len(names) == 2:
        return names[0], names[1]
    langs = [n for n in names if _LANG_TAG.match(n.strip())]
    if len(langs) == 2:
        return langs[0], langs[1]
    raise _err(path, f"expected two languages among {what}, found {len(names)} ({listed}); "
                     "choose two with lang_a and lang_b", line)


def _sniff_encoding(path: str) -> str:
    """The encoding of a text file, from a sample: UTF-8 (BOM or not), UTF-16 with a BOM, or
    CP949 (legacy Korean) when the sample is not UTF-8 but reads as Hangul in CP949."""
    try:
        if os.path.isdir(path):
            raise _err(path, "is a directory, not a file", reason="not-a-file")
        with open(path, "rb") as fh:
            sample = fh.read(_SAMPLE)
    except FileNotFoundError:
        raise InputError("no such file", reason="missing", path=path) from None
    except PermissionError:
        raise InputError("permission denied", reason="unreadable", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", reason="unreadable", path=path) from None
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in sample:
        raise _err(path, "binary file (contains NUL bytes), not text", reason="binary")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError as exc:
        first = exc
    try:
        text = codecs.getincrementaldecoder("cp949")().decode(sample, final=False)
    except UnicodeDecodeError:
        text = ""
    if any("\uac00" <= ch <= "\ud7a3" for ch in text):
        return "cp949"
    raise _err(path, f"not UTF-8 text (invalid byte 0x{sample[first.start]:02x} at offset {first.start}); "
                     "save the file as UTF-8", reason="undecodable")


def _open_text(path: str, newline: str | None = None) -> IO[str]:
    enc = _sniff_encoding(path)
    return open(path, encoding=enc, errors="strict", newline=newline)


def _decode_guard(path: str, lines: Iterable[Any]) -> Iterator[Any]:
    try:
        yield from lines
    except UnicodeDecodeError as exc:
        raise _err(path, f"invalid text encoding ({exc.reason}); save the file as UTF-8",
                   reason="undecodable") from None


# --------------------------------------------------------------------------- CSV / TSV

def _read_csv(path: str, fmt: str, lang_a: str | None, lang_b: str | None) -> Iterator[Segment]:
    delimiter = "\t" if fmt == "tsv" else ","
    with _open_text(path, newline="") as fh:
        reader = csv.reader(_decode_guard(path, fh), delimiter=delimiter, strict=True)
        try:
            header = next(reader, None)
            while header is not None and not any(h.strip() for h in header):
                header = next(reader, None)
        except csv.Error as exc:
            raise _err(path, f"malformed header: {exc}", reader.line_num) from None
        if header is None:
            raise _err(path, "empty file: expected a header row naming two language columns", reason="empty")
        names = [h.strip() for h in header]
        id_col = next((i for i, h in enumerate(names) if h.lower() in _ID_COLUMNS), None)
        candidates = [h for i, h in enumerate(names) if i != id_col and h]
        col_a, col_b = _pick(path, candidates, lang_a, lang_b, "columns", reader.line_num)
        ia, ib = names.index(col_a), names.index(col_b)
        sides = _Sides(col_a, col_b, lang_a, lang_b)
        width = len(names)
        last = reader.line_num
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise _err(path, f"malformed {fmt.upper()}: {exc}", reader.line_num) from None
            first_line, last = last + 1, reader.line_num
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) != width:
                raise _err(path, f"expected {width} fields as in the header, found {len(row)}", first_line)
            a, b = row[ia], row[ib]
            if not a.strip() or not b.strip():
                continue
            seg_id = row[id_col].strip() if id_col is not None and row[id_col].strip() else str(first_line)
            yield seg_id, sides.make(path, a, b)


# --------------------------------------------------------------------------- JSONL

def _read_jsonl(path: str, fmt: str, lang_a: str | None, lang_b: str | None) -> Iterator[Segment]:
    keys: tuple[str, str] | None = None
    sides: _Sides | None = None
    with _open_text(path) as fh:
        for n, line in enumerate(_decode_guard(path, fh), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _err(path, f"not JSON: {exc.msg} (column {exc.colno})", n) from None
            if not isinstance(obj, dict):
                raise _err(path, f"expected a JSON object, found {type(obj).__name__}", n)
            if keys is None:
                names = [k for k, v in obj.items() if k.lower() not in _ID_COLUMNS and isinstance(v, str)]
                keys = _pick(path, names, lang_a, lang_b, "keys", n)
                sides = _Sides(keys[0], keys[1], lang_a, lang_b)
            a, b = obj.get(keys[0]), obj.get(keys[1])
            for k, v in ((keys[0], a), (keys[1], b)):
                if v is not None and not isinstance(v, str):
                    raise _err(path, f"{k!r} is {type(v).__name__}, expected a string", n)
            if not a or not b or not a.strip() or not b.strip():
                continue
            raw_id = next((obj[k] for k in obj if k.lower() in _ID_COLUMNS), None)
            seg_id = str(raw_id) if raw_id not in (None, "") else str(n)
            assert sides is not None
            yield seg_id, sides.make(path, a, b)


# --------------------------------------------------------------------------- PO

_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
               "f": "\f", "v": "\v", "?": "?", "'": "'"}
_PO_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*)$")


def _po_string(path: str, s: str, line: int) -> str:
    s = s.strip()
    if len(s) < 2 or not s.startswith('"') or not s.endswith('"'):
        raise _err(path, f"expected a quoted string, found {s[:40]!r}", line)
    body, out, i = s[1:-1], [], 0
    while i < len(body):
        ch = body[i]
        if ch == '"':
            raise _err(path, "unescaped quote inside a string", line)
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        if i + 1 >= len(body):
            raise _err(path, "string ends with a lone backslash", line)
        nxt = body[i + 1]
        if nxt in _PO_ESCAPES:
            out.append(_PO_ESCAPES[nxt])
            i += 2
        elif nxt in "01234567":
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            assert m is not None
            out.append(chr(int(m.group(), 8)))
            i += 1 + len(m.group())
        elif nxt == "x" and re.match(r"[0-9A-Fa-f]{1,2}", body[i + 2:]):
            m = re.match(r"[0-9A-Fa-f]{1,2}", body[i + 2:])
            assert m is not None
            out.append(chr(int(m.group(), 16)))
            i += 2 + len(m.group())
        else:
            raise _err(path, f"unknown escape \\{nxt}", line)
    return "".join(out)


def _po_entries(path: str, lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    entry: dict[str, Any] = {}
    field: str | None = None

    def complete() -> bool:
        return "msgid" in entry

    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            if complete():
                yield entry
            entry, field = {}, None
            continue
        if line.startswith("#"):
            if line.startswith("#~"):
                continue  # obsolete entry
            if complete() and "msgstr" in entry:
                yield entry
                entry, field = {}, None
            if line.startswith("#,"):
                entry.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith('"'):
            if field is None:
                raise _err(path, "a string continues no keyword", n)
            value = _po_string(path, line, n)
            if field.startswith("msgstr"):
                idx = int(field[7:-1]) if "[" in field else 0
                entry["msgstr"][idx] += value
            else:
                entry[field] += value
            continue
        m = _PO_KEYWORD.match(line)
        if not m:
            raise _err(path, f"unexpected {line[:40]!r} (expected msgctxt, msgid, msgstr or a string)", n)
        key, index, rest = m.group(1), m.group(2), m.group(3)
        if key in ("msgctxt", "msgid") and "msgstr" in entry:
            yield entry
            entry, field = {}, None
        if key == "msgid" and "msgid" in entry:
            raise _err(path, "msgid without msgstr before it", n)
        value = _po_string(path, rest, n)
        if key.startswith("msgstr"):
            if "msgid" not in entry:
                raise _err(path, "msgstr without msgid", n)
            entry.setdefault("msgstr", {})[int(index or 0)] = value
            field = f"msgstr[{int(index or 0)}]" if index is not None else "msgstr"
        else:
            entry[key] = value
            field = key
            if key == "msgid":
                entry["line"] = n
    if complete():
        yield entry


def _po_header(msgstr: str) -> dict[str, str]:
    out = {}
    for line in msgstr.split("\n"):
        if ":" in line:
            k, v = line.split(":", 1)
            out[k.strip().lower()] = v.strip()
    return out


def _read_po(path: str, fmt: str, lang_a: str | None, lang_b: str | None) -> Iterator[Segment]:
    sides: _Sides | None = None
    with _open_text(path) as fh:
        for e in _po_entries(path, _decode_guard(path, fh)):
            if "msgstr" not in e:
                raise _err(path, "msgid without msgstr", e.get("line"))
            msgstr = e["msgstr"]
            if e["msgid"] == "" and "msgctxt" not in e:  # the header entry
                if sides is None:
                    h = _po_header(msgstr.get(0, ""))
                    src = lang_a or h.get("x-source-language") or "source"
                    trg = lang_b or h.get("language") or "target"
                    sides = _Sides(src, trg)
                continue
            if sides is None:
                sides = _Sides(lang_a or "source", lang_b or "target")
            if "fuzzy" in e.get("flags", ()):
                continue
            target = msgstr.get(0, "")
            if not e["msgid"].strip() or not target.strip():
                continue
            seg_id = e["msgctxt"] if e.get("msgctxt") else str(e["line"])
            yield seg_id, sides.make(path, e["msgid"], target)


# --------------------------------------------------------------------------- XML: XLIFF, TMX

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SIMPLE_DOCTYPE = re.compile(
    r"<!DOCTYPE\s+[\w:.-]+(?:\s+(?:SYSTEM|PUBLIC)(?:\s+(?:\"[^\"]*\"|'[^']*')){1,2})?\s*>")
# inline elements whose content is markup of the original format, not text
_CODE_ELEMENTS = {"ph", "bpt", "ept", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em"}
_PROLOG_LIMIT = 1 << 20
_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _check_prolog(path: str) -> None:
    """Refuse a DOCTYPE with an internal subset and any entity declaration, before parsing."""
    try:
        if os.path.isdir(path):
            raise _err(path, "is a directory, not a file", reason="not-a-file")
        with open(path, "rb") as fh:
            head = fh.read(_PROLOG_LIMIT)
    except FileNotFoundError:
        raise InputError("no such file", reason="missing", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", reason="unreadable", path=path) from None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head[:2] in (b"<\x00", b"\x00<"):
        enc = "utf-16" if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else \
            ("utf-16-le" if head[:2] == b"<\x00" else "utf-16-be")
        text = head[: len(head) - len(head) % 2].decode(enc, errors="replace")
    else:
        text = head.decode("latin-1")
    text = text.lstrip("\ufeff\xef\xbb\xbf")
    i, n = 0, len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if text.startswith("<?", i):
            end = "?>"
        elif text.startswith("<!--", i):
            end = "-->"
        elif text[i:i + 9].upper() == "<!DOCTYPE":
            m = _SIMPLE_DOCTYPE.match(text, i)
            if not m:
                raise _err(path, "XML with a DTD (DOCTYPE with declarations) is refused: remove the DOCTYPE",
                           reason="unsafe-xml")
            i = m.end()
            continue
        elif text.startswith("<!", i):
            raise _err(path, f"unexpected {text[i:i + 12]!r} before the root element", reason="unsafe-xml")
        else:
            break
        j = text.find(end, i + 2)
        if j < 0:
            if n >= _PROLOG_LIMIT:
                raise _err(path, "XML prolog longer than 1 MiB", reason="unsafe-xml")
            raise _err(path, "not well-formed XML: unterminated declaration or comment")
        i = j + len(end)
    if _ENTITY_DECL.search(text):  # not text.upper(): that allocates 12 bytes a character
        raise _err(path, "XML with entity declarations (<!ENTITY) is refused", reason="unsafe-xml")


def _inline_text(el: ET.Element) -> str:
    """The text of a source/target/seg element: inline markup kept as its text, codes dropped."""
    parts = [el.text or ""]
    for child in el:
        name = _local(child.tag)
        if name == "cp":
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except ValueError:
                pass
        elif name not in _CODE_ELEMENTS:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _children(el: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in el if _local(c.tag) == name]


def _declared_sides(path: str, src: str | None, trg: str | None, lang_a: str | None,
                    lang_b: str | None) -> tuple[_Sides, bool]:
    """The sides of an XLIFF file from its declared languages and the caller's; True when the
    caller's order is the reverse of the file's (target first)."""
    if lang_a and lang_b and src and trg:
        if (_norm(lang_a), _norm(lang_b)) == (_norm(src), _norm(trg)):
            return _Sides(src, trg), False
        if (_norm(lang_a), _norm(lang_b)) == (_norm(trg), _norm(src)):
            return _Sides(trg, src), True
        raise _err(path, f"the file is {src} → {trg}, not {lang_a} → {lang_b}", reason="bad-language")
    if lang_a and src and _norm(lang_a) != _norm(src) and not lang_b:
        if trg and _norm(lang_a) == _norm(trg):
            return _Sides(trg, src), True
        raise _err(path, f"the file's source language is {src}, not {lang_a}", reason="bad-language")
    return _Sides(src or lang_a or "source", trg or lang_b or "target"), False


def _read_xml(path: str, fmt: str, lang_a: str | None, lang_b: str | None) -> Iterator[Segment]:
    _check_prolog(path)
    try:
        events = ET.iterparse(path, events=("start", "end"))
        event, root = next(events)
    except ET.ParseError as exc:
        raise _err(path, f"not well-formed XML: {exc}") from None
    except StopIteration:
        raise _err(path, "empty XML file", reason="empty") from None
    name = _local(root.tag)
    try:
        if name == "xliff":
            version = (root.get("version") or "").strip()
            if version.startswith("2") or "document:2" in root.tag:
                yield from _xliff2(path, root, events, lang_a, lang_b)
            else:
                yield from _xliff1(path, events, lang_a, lang_b)
        elif name == "tmx":
            yield from _tmx(path, events, lang_a, lang_b)
        else:
            raise _err(path, f"root element <{name}> is neither <xliff> nor <tmx>", reason="unsupported-format")
    except ET.ParseError as exc:
        raise _err(path, f"not well-formed XML: {exc}") from None


def _xliff1(path: str, events: Iterator[tuple[str, Any]], lang_a: str | None,
            lang_b: str | None) -> Iterator[Segment]:
    sides: _Sides | None = None
    swapped = False
    count = 0
    for event, el in events:
        tag = _local(el.tag)
        if event == "start":
            if tag == "file":
                sides, swapped = _declared_sides(path, el.get("source-language"), el.get("target-language"),
                                                 lang_a, lang_b)
            continue
        if tag != "trans-unit":
            continue
        count += 1
        src, trg = _children(el, "source"), _children(el, "target")
        if sides is None:
            raise _err(path, "<trans-unit> outside a <file>")
        if src and trg:
            a, b = _inline_text(src[0]), _inline_text(trg[0])
            if a.strip() and b.strip():
                if swapped:
                    a, b = b, a
                yield (el.get("id") or el.get("resname") or f"unit {count}"), sides.make(path, a, b)
        el.clear()


def _xliff2(path: str, root: ET.Element, events: Iterator[tuple[str, Any]], lang_a: str | None,
            lang_b: str | None) -> Iterator[Segment]:
    sides, swapped = _declared_sides(path, root.get("srcLang"), root.get("trgLang"), lang_a, lang_b)
    count = 0
    for event, el in events:
        if event != "end" or _local(el.tag) != "unit":
            continue
        count += 1
        a_parts, b_parts, translated = [], [], False
        for part in el:
            if _local(part.tag) not in ("segment", "ignorable"):
                continue
            src, trg = _children(part, "source"), _children(part, "target")
            a_parts.append(_inline_text(src[0]) if src else "")
            if trg:
                b_parts.append(_inline_text(trg[0]))
                translated = translated or _local(part.tag) == "segment"
            else:
                b_parts.append(a_parts[-1] if _local(part.tag) == "ignorable" else "")
        a, b = "".join(a_parts), "".join(b_parts)
        if translated and a.strip() and b.strip():
            if swapped:
                a, b = b, a
            yield (el.get("id") or f"unit {count}"), sides.make(path, a, b)
        el.clear()


def _tmx(path: str, events: Iterator[tuple[str, Any]], lang_a: str | None,
         lang_b: str | None) -> Iterator[Segment]:
    srclang: str | None = None
    units: list[tuple[str, dict[str, str]]] = []
    langs: dict[str, str] = {}  # normalised -> as written, in order of appearance
    count = 0
    for event, el in events:
        tag = _local(el.tag)
        if event == "start":
            if tag == "header":
                srclang = el.get("srclang")
            continue
        if tag != "tu":
            continue
        count += 1
        texts: dict[str, str] = {}
        for tuv in _children(el, "tuv"):
            lang = tuv.get(_XML_LANG) or tuv.get("lang")
            if not lang:
                raise _err(path, f"<tuv> without xml:lang in translation unit {count}")
            segs = _children(tuv, "seg")
            if segs:
                langs.setdefault(_norm(lang), lang)
                texts[_norm(lang)] = _inline_text(segs[0])
        units.append((el.get("tuid") or str(count), texts))
        el.clear()
    names = list(langs.values())
    if not lang_a and not lang_b and srclang and srclang.strip().lower() != "*all*" and len(names) > 2 \
            and _norm(srclang) in langs:
        others = [n for n in names if _norm(n) != _norm(srclang)]
        if len(others) == 1:
            names = [langs[_norm(srclang)], others[0]]
    a_name, b_name = _pick(path, names, lang_a, lang_b, "languages")
    if not lang_a and not lang_b and srclang and _norm(srclang) == _norm(b_name):
        a_name, b_name = b_name, a_name  # the header's source language first
    sides = _Sides(a_name, b_name)
    ka, kb = _norm(a_name), _norm(b_name)
    for seg_id, texts in units:
        a, b = texts.get(ka, ""), texts.get(kb, "")
        if a.strip() and b.strip():
            yield seg_id, sides.make(path, a, b)
