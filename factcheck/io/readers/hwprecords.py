"""The records of an HWP 5 body text stream, after Hancom's published format description
("HWP 5.0 file format", revision 1.3): standard library only.

A section stream (``BodyText/SectionN``, raw deflate when the file header says compressed) is
a run of records. Each starts with a 32-bit little-endian header: tag (10 bits), level (10
bits) and size (12 bits; 0xFFF means a 32-bit size follows). The records read here:

- ``PARA_HEADER`` (tag 66) starts a paragraph; its ``PARA_TEXT`` (67) is UTF-16LE text in
  which code units below 32 are controls: some one unit long (10 line break, 13 paragraph
  end, 24 hyphen, 30 and 31 spaces), the others eight units long (9 tab; tables, pictures,
  fields and notes are anchored this way and their content follows as records);
- ``CTRL_HEADER`` (71) opens a control (its first four bytes name it: ``tbl `` a table,
  ``head``/``foot`` page headers and footers), and the records of higher level after it are
  its content;
- ``LIST_HEADER`` (72) opens a list of paragraphs: in a table, one per cell, whose column and
  row follow its eight-byte header.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["Paragraph", "paragraphs", "records"]

PARA_HEADER = 66
PARA_TEXT = 67
CTRL_HEADER = 71
LIST_HEADER = 72
#: controls one code unit long, and what they are in the text
_CHAR_CONTROLS = MappingProxyType({10: "\n", 13: "", 24: "-", 30: " ", 31: " "})
#: eight-unit controls that stand for text: the tab
_INLINE_TEXT = MappingProxyType({9: "\t"})
#: controls whose content is not the body
_LEFT_OUT = frozenset({b"head", b"foot", b"tcmt", b"pgnp", b"pghd", b"%hlk"})
_TABLE = b"tbl "


def records(data: bytes) -> Iterator[tuple[int, int, bytes]]:
    """The records of a stream: ``(tag, level, payload)``; a truncated record ends the run."""
    pos, n = 0, len(data)
    while pos + 4 <= n:
        (header,) = struct.unpack_from("<I", data, pos)
        pos += 4
        tag, level, size = header & 0x3FF, (header >> 10) & 0x3FF, header >> 20
        if size == 0xFFF:
            if pos + 4 > n:
                return
            (size,) = struct.unpack_from("<I", data, pos)
            pos += 4
        if pos + size > n:
            return
        yield tag, level, data[pos:pos + size]
        pos += size


def para_text(payload: bytes) -> str:
    """The text of a ``PARA_TEXT`` record, its controls dropped or written as text."""
    units = struct.unpack_from(f"<{len(payload) // 2}H", payload)
    out: list[str] = []
    i, n = 0, len(units)
    while i < n:
        u = units[i]
        if u >= 32:
            j = i
            while j < n and units[j] >= 32:
                j += 1
            out.append(payload[2 * i:2 * j].decode("utf-16-le", errors="replace"))
            i = j
            continue
        if u in _CHAR_CONTROLS:
            out.append(_CHAR_CONTROLS[u])
            i += 1
        else:
            out.append(_INLINE_TEXT.get(u, ""))
            i += 8
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of a section: its text, the body paragraph it is in (from 1), and for a
    paragraph of a table cell the table (numbered from 1 in the section), row, cell (from 1)
    and its place in the cell."""

    text: str
    paragraph: int
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    in_cell: int | None = None


@dataclass
class _Scope:
    """An open control: its kind, the level of its header, and the cell being read."""

    kind: bytes
    level: int
    table: int = 0
    row: int = 0
    cell: int = 0
    in_cell: int = 0


def paragraphs(data: bytes) -> Iterator[Paragraph]:
    """The paragraphs of a section stream (decompressed), in reading order."""
    scopes: list[_Scope] = []
    body = 0
    tables = 0
    pending: Paragraph | None = None
    for tag, level, payload in records(data):
        while scopes and level <= scopes[-1].level:
            scopes.pop()
        if tag == CTRL_HEADER:
            kind = payload[:4][::-1] if len(payload) >= 4 else b""
            scope = _Scope(kind, level)
            if kind == _TABLE:
                tables += 1
                scope.table = tables
            scopes.append(scope)
        elif tag == LIST_HEADER and scopes and scopes[-1].kind == _TABLE and len(payload) >= 12:
            col, row = struct.unpack_from("<HH", payload, 8)
            scopes[-1].row, scopes[-1].cell, scopes[-1].in_cell = row + 1, col + 1, 0
        elif tag == PARA_HEADER:
            if any(s.kind in _LEFT_OUT for s in scopes):
                pending = None
                continue
            table = next((s for s in reversed(scopes) if s.kind == _TABLE), None)
            if not scopes:
                body += 1
            if table is not None and table.cell:
                table.in_cell += 1
                pending = Paragraph("", body, table.table, table.row, table.cell, table.in_cell)
            else:
                pending = Paragraph("", body)
        elif tag == PARA_TEXT and pending is not None:
            yield Paragraph(para_text(payload), pending.paragraph, pending.table, pending.row, pending.cell,
                            pending.in_cell)
            pending = None
