"""Reading XLIFF 1.2 and 2.0 and TMX files, parsed incrementally with the standard library;
a file with an internal DTD subset or an entity declaration is refused (nothing is fetched or
expanded)."""

from __future__ import annotations

import codecs
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from factcheck.errors import InputError
from factcheck.io.aligned_common import Segment, Sides, err, norm, pick

__all__ = ["read_xml"]


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SIMPLE_DOCTYPE = re.compile(
    r"<!DOCTYPE\s+[\w:.-]+(?:\s+(?:SYSTEM|PUBLIC)(?:\s+(?:\"[^\"]*\"|'[^']*')){1,2})?\s*>")
# inline elements whose content is markup of the original format, not text
_CODE_ELEMENTS = frozenset({"ph", "bpt", "ept", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em"})
_PROLOG_LIMIT = 1 << 20
_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _check_prolog(path: str) -> None:
    """Refuse a DOCTYPE with an internal subset and any entity declaration, before parsing."""
    try:
        if os.path.isdir(path):
            raise err(path, "is a directory, not a file", reason="not-a-file")
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
                raise err(path, "XML with a DTD (DOCTYPE with declarations) is refused: remove the DOCTYPE",
                           reason="unsafe-xml")
            i = m.end()
            continue
        elif text.startswith("<!", i):
            raise err(path, f"unexpected {text[i:i + 12]!r} before the root element", reason="unsafe-xml")
        else:
            break
        j = text.find(end, i + 2)
        if j < 0:
            if n >= _PROLOG_LIMIT:
                raise err(path, "XML prolog longer than 1 MiB", reason="unsafe-xml")
            raise err(path, "not well-formed XML: unterminated declaration or comment")
        i = j + len(end)
    if _ENTITY_DECL.search(text):  # not text.upper(): that allocates 12 bytes a character
        raise err(path, "XML with entity declarations (<!ENTITY) is refused", reason="unsafe-xml")


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
                    lang_b: str | None) -> tuple[Sides, bool]:
    """The sides of an XLIFF file from its declared languages and the caller's; True when the
    caller's order is the reverse of the file's (target first)."""
    if lang_a and lang_b and src and trg:
        if (norm(lang_a), norm(lang_b)) == (norm(src), norm(trg)):
            return Sides(src, trg), False
        if (norm(lang_a), norm(lang_b)) == (norm(trg), norm(src)):
            return Sides(trg, src), True
        raise err(path, f"the file is {src} → {trg}, not {lang_a} → {lang_b}", reason="bad-language")
    if lang_a and src and norm(lang_a) != norm(src) and not lang_b:
        if trg and norm(lang_a) == norm(trg):
            return Sides(trg, src), True
        raise err(path, f"the file's source language is {src}, not {lang_a}", reason="bad-language")
    return Sides(src or lang_a or "source", trg or lang_b or "target"), False


def read_xml(path: str, fmt: str, lang_a: str | None, lang_b: str | None) -> Iterator[Segment]:
    _check_prolog(path)
    try:
        events = ET.iterparse(path, events=("start", "end"))
        event, root = next(events)
    except ET.ParseError as exc:
        raise err(path, f"not well-formed XML: {exc}") from None
    except StopIteration:
        raise err(path, "empty XML file", reason="empty") from None
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
            raise err(path, f"root element <{name}> is neither <xliff> nor <tmx>", reason="unsupported-format")
    except ET.ParseError as exc:
        raise err(path, f"not well-formed XML: {exc}") from None


def _xliff1(path: str, events: Iterator[tuple[str, Any]], lang_a: str | None,
            lang_b: str | None) -> Iterator[Segment]:
    sides: Sides | None = None
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
            raise err(path, "<trans-unit> outside a <file>")
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
                raise err(path, f"<tuv> without xml:lang in translation unit {count}")
            segs = _children(tuv, "seg")
            if segs:
                langs.setdefault(norm(lang), lang)
                texts[norm(lang)] = _inline_text(segs[0])
        units.append((el.get("tuid") or str(count), texts))
        el.clear()
    names = list(langs.values())
    if not lang_a and not lang_b and srclang and srclang.strip().lower() != "*all*" and len(names) > 2 \
            and norm(srclang) in langs:
        others = [n for n in names if norm(n) != norm(srclang)]
        if len(others) == 1:
            names = [langs[norm(srclang)], others[0]]
    a_name, b_name = pick(path, names, lang_a, lang_b, "languages")
    if not lang_a and not lang_b and srclang and norm(srclang) == norm(b_name):
        a_name, b_name = b_name, a_name  # the header's source language first
    sides = Sides(a_name, b_name)
    ka, kb = norm(a_name), norm(b_name)
    for seg_id, texts in units:
        a, b = texts.get(ka, ""), texts.get(kb, "")
        if a.strip() and b.strip():
            yield seg_id, sides.make(path, a, b)
