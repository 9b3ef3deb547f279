"""The HWPX reader: Hangul's open format, a zip of XML files (standard library only).

The body is in ``Contents/section0.xml``, ``section1.xml`` ...: paragraphs (``hp:p``) of runs
of text (``hp:t``), with tables (``hp:tbl``: rows ``hp:tr`` of cells ``hp:tc``, whose
``hp:cellAddr`` gives their column and row) and text boxes and notes (``hp:subList``) inside
runs. Paragraphs and table cells are read in order, each mapped back to its section and
paragraph (or table, row and cell). Page headers and footers are left out. The document's
dates (``Contents/content.hpf``) are metadata; the last saved date is the publication date
only when nothing else gives one. XML with a DTD or entity declarations is refused.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile

from factcheck.errors import InputError
from factcheck.io.readers.meta import lang_tag, meta_date
from factcheck.io.readers.reading import Reading
from factcheck.io.readers.textmap import TextBuilder
from factcheck.io.readers.zipped import open_zip, read_member
from factcheck.origin import Location, Origin

__all__ = ["HwpxReader"]

_WHAT = "a Hangul .hwpx file"
_LEGACY = "a Hangul HWP 5 file (or an encrypted one): read it as .hwp"
_SECTION = re.compile(r"Contents/section(\d+)\.xml$", re.IGNORECASE)
#: containers whose text is not the body (page headers and footers, hidden comments)
_LEFT_OUT = frozenset({"header", "footer", "hiddenComment", "pageNum", "fieldBegin"})


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse(data: bytes, member: str, name: str) -> ET.Element:
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        raise InputError(f"not {_WHAT}: {member} declares a DTD or entities", reason="corrupt", path=name)
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"not {_WHAT}: {member} is not well-formed XML ({exc})", reason="corrupt",
                         path=name) from None


class _Walk:
    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.tables = 0

    def section(self, root: ET.Element, number: int) -> None:
        n = 0
        for child in root:
            if _local(child.tag) == "p":
                n += 1
                self.paragraph(child, Location(section=number, paragraph=n), number)
                self.builder.block_break()

    def paragraph(self, p: ET.Element, where: Location, section: int) -> None:
        """The text of a paragraph, then its tables and text boxes (they are inside its runs)."""
        parts: list[str] = []
        nested: list[ET.Element] = []
        self._collect(p, parts, nested)
        text = "".join(parts)
        if text.strip():
            self.builder.add(text, 0, where=where)
        for el in nested:
            if _local(el.tag) == "tbl":
                self.tables += 1
                self.table(el, self.tables, section)
            else:
                for q in el:
                    if _local(q.tag) == "p":
                        self.builder.line_break()
                        self.paragraph(q, where, section)

    def _collect(self, el: ET.Element, parts: list[str], nested: list[ET.Element]) -> None:
        for child in el:
            tag = _local(child.tag)
            if tag in _LEFT_OUT:
                continue
            if tag == "tbl" or tag == "subList":
                nested.append(child)
                continue
            if tag == "t":
                self._t(child, parts)
            else:
                self._collect(child, parts, nested)

    @staticmethod
    def _t(t: ET.Element, parts: list[str]) -> None:
        if t.text:
            parts.append(t.text)
        for child in t:
            tag = _local(child.tag)
            if tag == "tab":
                parts.append("\t")
            elif tag == "lineBreak":
                parts.append("\n")
            elif tag in ("nbSpace", "fwSpace"):
                parts.append(" ")
            elif tag == "hyphen":
                parts.append("-")
            if child.tail:
                parts.append(child.tail)

    def table(self, tbl: ET.Element, number: int, section: int) -> None:
        b = self.builder
        b.block_break()
        for r, tr in enumerate((x for x in tbl if _local(x.tag) == "tr"), 1):
            for c, tc in enumerate((x for x in tr if _local(x.tag) == "tc"), 1):
                addr = next((x for x in tc if _local(x.tag) == "cellAddr"), None)
                row = _int(addr.get("rowAddr") if addr is not None else None, r - 1) + 1
                col = _int(addr.get("colAddr") if addr is not None else None, c - 1) + 1
                if c > 1:
                    b.cell()
                k = 0
                for sub in (x for x in tc if _local(x.tag) == "subList"):
                    for q in (x for x in sub if _local(x.tag) == "p"):
                        k += 1
                        if k > 1 and b.tail[-1:] not in ("", "\t", "\n", " "):
                            b.sep(" ")
                        self.paragraph(q, Location(section=section, table=number, row=row, cell=col, paragraph=k),
                                       section)
            b.line_break()
        b.block_break()


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _metadata(archive: zipfile.ZipFile, name: str) -> tuple[list[tuple[str, str]], str | None]:
    """The document's dates and title (``Contents/content.hpf``), and its language."""
    if "Contents/content.hpf" not in archive.namelist():
        return [], None
    root = _parse(read_member(archive, "Contents/content.hpf", name, _WHAT), "Contents/content.hpf", name)
    found: dict[str, str] = {}
    lang: str | None = None
    for el in root.iter():
        tag = _local(el.tag)
        value = (el.text or el.get("content") or "").strip()
        if tag == "title" and value:
            found.setdefault("title", value)
        elif tag == "language":
            lang = lang or lang_tag(value)
        elif tag == "meta":
            key = (el.get("name") or "").lower()
            d = meta_date(value)
            if d is not None and key in ("createddate", "created"):
                found.setdefault("created", d.isoformat())
            elif d is not None and key in ("modifieddate", "modified", "date"):
                found.setdefault("modified", d.isoformat())
    order = ("created", "modified", "title")
    return [(k, found[k]) for k in order if k in found], lang


class HwpxReader:
    """Hangul documents in the open format: ``.hwpx`` (standard library only)."""

    name = "hwpx"
    extensions: tuple[str, ...] = (".hwpx",)
    extra: str | None = None

    def read(self, data: bytes, name: str) -> Reading:
        archive = open_zip(data, name, _WHAT, _LEGACY)
        names = archive.namelist()
        if "mimetype" in names:
            mime = read_member(archive, "mimetype", name, _WHAT).decode("ascii", "replace").strip()
            if mime and mime != "application/hwp+zip":
                raise InputError(f"not {_WHAT}: its mimetype is {mime}", reason="unsupported-format", path=name)
        sections = sorted((int(m.group(1)), n) for n in names if (m := _SECTION.search(n)))
        if not sections:
            raise InputError(f"not {_WHAT}: the archive has no Contents/section0.xml", reason="corrupt", path=name)
        walk = _Walk()
        for k, (_, member) in enumerate(sections, 1):
            walk.section(_parse(read_member(archive, member, name, _WHAT), member, name), k)
        metadata, lang = _metadata(archive, name)
        text, source_map, verbatim = walk.builder.finish()
        if lang:
            metadata.append(("lang", lang))
        dates = dict(metadata)
        fallback = meta_date(dates.get("modified")) or meta_date(dates.get("created"))
        origin = Origin(format="hwpx", map=source_map, verbatim=verbatim, fallback_published=fallback, lang=lang,
                        metadata=tuple(metadata))
        return Reading(text, origin)
