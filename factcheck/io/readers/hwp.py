"""The HWP 5 reader: Hangul's binary format, an OLE compound file read with olefile (the
``hwp`` extra); its records are read by :mod:`factcheck.io.readers.hwprecords`.

The ``FileHeader`` stream says whether the sections are compressed, encrypted (a password)
or a distribution document (whose text is encrypted): the last two are refused with the
reason. Paragraphs and table cells map back to their section and paragraph or cell. The
summary information's dates are metadata; the last saved date is the publication date only
when nothing else gives one.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import struct
import zlib
from collections.abc import Iterable
from typing import Any

from factcheck.errors import InputError
from factcheck.io.readers.extras import missing_extra
from factcheck.io.readers.hwprecords import Paragraph, paragraphs
from factcheck.io.readers.reading import Reading
from factcheck.io.readers.textmap import TextBuilder
from factcheck.io.readers.zipped import OLE_MAGIC
from factcheck.origin import Location, Origin

__all__ = ["HwpReader"]

_WHAT = "a Hangul .hwp file"
_SIGNATURE = b"HWP Document File"
_SECTION = re.compile(r"Section(\d+)$")
#: what a section stream may unpack to at most
_MAX_SECTION = 256 * 1024 * 1024
#: property ids of the summary information: title, created, last saved
_PID_TITLE, _PID_CREATED, _PID_SAVED = 2, 12, 13


def _inflate(data: bytes, stream: str, name: str) -> bytes:
    d = zlib.decompressobj(-15)
    try:
        out = d.decompress(data, _MAX_SECTION)
    except zlib.error as exc:
        raise InputError(f"not {_WHAT}: {stream} is damaged ({exc})", reason="corrupt", path=name) from None
    if d.unconsumed_tail:
        raise InputError(f"not {_WHAT}: {stream} unpacks to more than {_MAX_SECTION:,} bytes", reason="too-large",
                         path=name)
    return out


def _summary(ole: Any) -> tuple[list[tuple[str, str]], _dt.date | None]:
    stream = "\x05HwpSummaryInformation"
    if not ole.exists(stream):
        return [], None
    try:
        props = ole.getproperties(stream, convert_time=True)
    except Exception:  # a damaged summary is no reason to refuse the text
        return [], None
    out: list[tuple[str, str]] = []
    dates: dict[str, _dt.date] = {}
    for key, pid in (("created", _PID_CREATED), ("modified", _PID_SAVED)):
        v = props.get(pid)
        if isinstance(v, _dt.datetime) and v.year > 1601:
            dates[key] = v.date()
            out.append((key, v.date().isoformat()))
    title = props.get(_PID_TITLE)
    if isinstance(title, bytes):
        title = title.decode("utf-16-le", "replace") if len(title) % 2 == 0 else None
    if isinstance(title, str) and title.strip("\x00 "):
        out.append(("title", title.strip("\x00 ")))
    return out, dates.get("modified") or dates.get("created")


def _write(builder: TextBuilder, paras: Iterable[Paragraph], section: int) -> None:
    """Body paragraphs as blocks; the cells of a table row on one line, separated by tabs."""
    prev: Paragraph | None = None
    for p in paras:
        text = p.text.rstrip("\n")
        if not text.strip():
            continue
        if p.table is None:
            where = Location(section=section, paragraph=p.paragraph)
            builder.block_break()
        else:
            where = Location(section=section, table=p.table, row=p.row, cell=p.cell, paragraph=p.in_cell)
            if prev is None or prev.table != p.table:
                builder.block_break()
            elif prev.row != p.row:
                builder.line_break()
            elif prev.cell != p.cell:
                builder.cell()
            else:
                builder.space()
        builder.add(text, 0, where=where)
        prev = p
    builder.block_break()


class HwpReader:
    """Hangul documents in the binary format: ``.hwp`` (needs ``pip install 'factcheck[hwp]'``)."""

    name = "hwp"
    extensions: tuple[str, ...] = (".hwp",)
    extra: str | None = "hwp"

    def read(self, data: bytes, name: str) -> Reading:
        try:
            import olefile
        except ImportError:
            raise missing_extra("Hangul .hwp files", "olefile", "hwp", name) from None
        if not data.startswith(OLE_MAGIC):
            hint = " (a zip archive: an .hwpx file?)" if data.startswith(b"PK") else ""
            raise InputError(f"not {_WHAT}: not an OLE compound file{hint}", reason="corrupt", path=name)
        try:
            ole = olefile.OleFileIO(io.BytesIO(data))
        except Exception as exc:  # olefile raises OSError and others on a damaged container
            raise InputError(f"not {_WHAT}: a damaged compound file ({exc})", reason="corrupt", path=name) from None
        try:
            return self._read(ole, name)
        finally:
            ole.close()

    def _read(self, ole: Any, name: str) -> Reading:
        if not ole.exists("FileHeader"):
            raise InputError(f"not {_WHAT}: no FileHeader stream", reason="corrupt", path=name)
        header = ole.openstream("FileHeader").read()
        if not header.startswith(_SIGNATURE) or len(header) < 40:
            raise InputError(f"not {_WHAT}: its FileHeader is not HWP 5's", reason="corrupt", path=name)
        (flags,) = struct.unpack_from("<I", header, 36)
        if flags & 0x2:
            raise InputError("encrypted Hangul file: it needs a password; save a copy without one",
                             reason="encrypted", path=name)
        if flags & 0x4:
            raise InputError("a Hangul distribution document (its text is encrypted); save a copy as an "
                             "ordinary document", reason="encrypted", path=name)
        compressed = bool(flags & 0x1)
        sections = sorted((int(m.group(1)), entry) for entry in ole.listdir()
                          if len(entry) == 2 and entry[0] == "BodyText" and (m := _SECTION.match(entry[1])))
        if not sections:
            raise InputError(f"not {_WHAT}: no BodyText section", reason="corrupt", path=name)
        builder = TextBuilder()
        for k, (_, entry) in enumerate(sections, 1):
            stream = "/".join(entry)
            raw = ole.openstream(entry).read()
            _write(builder, paragraphs(_inflate(raw, stream, name) if compressed else raw), k)
        metadata, fallback = _summary(ole)
        out, source_map, verbatim = builder.finish()
        origin = Origin(format="hwp", map=source_map, verbatim=verbatim, fallback_published=fallback,
                        metadata=tuple(metadata))
        return Reading(out, origin)
