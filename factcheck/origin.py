"""Where a text came from: the file a reader turned into the text factcheck reads, and the way
back from any span of that text to the place in the file an editor has open.

A reader (:mod:`factcheck.io.readers`) gives each source an :class:`Origin`: the file's format
and encoding, its metadata (publication date, declared language, document dates), its
*verbatim facts* (code, link targets, attributes: claims that must be identical in a
translation, see :mod:`factcheck.compare.verbatim`) and a :class:`SourceMap`. The map is a
sorted run of :class:`Piece` objects, each tying a stretch of the read text to a stretch of
the file: an offset in the decoded file text for text formats (Markdown, HTML), from which
:meth:`SourceMap.locate` computes line and column, or a :class:`Location` for block formats
(a paragraph or table cell of a Word or Hangul file, a page of a PDF).

Plain values only: nothing here reads a file.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field, fields
from typing import Any

from factcheck.claims import Claim

__all__ = ["Location", "Origin", "Piece", "SourceMap", "file_line_starts", "mask_spans"]

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the original file. Text formats give ``line``/``column`` (1-based, columns in
    code points, ``end_column`` one past the last character, as SARIF counts them); Word and
    Hangul files give the ``paragraph`` (of the body, or of a table ``cell`` at ``row`` of
    ``table``) and the ``column`` in it; PDF files give the ``page``. Hangul files also give
    their ``section``."""

    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    page: int | None = None
    section: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    paragraph: int | None = None

    def to_dict(self) -> dict[str, int]:
        """The fields that are set (the ``location`` object of a claim in a report)."""
        out: dict[str, int] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is not None:
                out[f.name] = v
        return out

    def describe(self) -> str:
        """Short words for people: ``line 12:5``, ``page 2``, ``table 1, row 2, cell 3``,
        ``paragraph 4``."""
        if self.line is not None:
            return f"line {self.line}:{self.column}" if self.column is not None else f"line {self.line}"
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.section is not None and self.section > 1:
            parts.append(f"section {self.section}")
        if self.table is not None:
            parts.append(f"table {self.table}, row {self.row}, cell {self.cell}")
        if self.paragraph is not None and (self.table is None or self.paragraph > 1):
            parts.append(f"paragraph {self.paragraph}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch ``[start, end)`` of the read text and where it comes from.

    For text formats ``at``/``at_end`` are offsets in the decoded file text; for block formats
    ``where`` is the block and ``at``/``at_end`` offsets in the block's own text. A piece is
    *exact* when both stretches have the same length: then every character maps to one
    character of the file. Otherwise (a decoded entity, a collapsed space) its start maps to
    ``at`` and its end to ``at_end``."""

    start: int
    end: int
    at: int
    at_end: int
    where: Location | None = None

    @property
    def exact(self) -> bool:
        return self.at_end - self.at == self.end - self.start

    def file_offset(self, i: int, *, closing: bool = False) -> int:
        """The offset in the file of text offset ``i`` (inside the piece, or its end)."""
        if self.exact:
            return self.at + (min(max(i, self.start), self.end) - self.start)
        if closing or i >= self.end:
            return self.at_end
        return self.at


def file_line_starts(text: str) -> tuple[int, ...]:
    """Offsets at which the lines of a file's text begin; a line ends at CR LF, LF or CR."""
    return (0, *(m.end() for m in _LINE_END.finditer(text)))


@dataclass(frozen=True, slots=True)
class SourceMap:
    """From offsets of the read text back to the file: :class:`Piece` objects sorted by
    ``start``, and (text formats) the line starts of the file's decoded text."""

    pieces: tuple[Piece, ...]
    line_starts: tuple[int, ...] = ()
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.start for p in self.pieces))

    def _piece(self, i: int, *, closing: bool = False) -> Piece | None:
        if not self.pieces:
            return None
        k = bisect.bisect_right(self._starts, i - 1 if closing else i) - 1
        return self.pieces[max(k, 0)]

    def _line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def locate(self, start: int, end: int) -> Location | None:
        """The place in the file of the read text's span ``[start, end)``."""
        first = self._piece(start)
        if first is None:
            return None
        last = self._piece(end, closing=True) if end > start else first
        assert last is not None
        if first.where is None:
            a = first.file_offset(start)
            b = max(a, last.file_offset(end, closing=True))
            if not self.line_starts:
                return None
            sl, sc = self._line_col(a)
            el, ec = self._line_col(max(a, b - 1))
            return Location(line=sl, column=sc, end_line=el, end_column=ec + (1 if b > a else 0))
        where = first.where
        column = first.file_offset(start) + 1 if first.exact else None
        return Location(page=where.page, section=where.section, table=where.table, row=where.row,
                        cell=where.cell, paragraph=where.paragraph, column=column)


def mask_spans(text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` (but line breaks) replaced by spaces: what the
    extractors read of a source whose code and link targets are verbatim facts. Offsets and
    lines stay as they are."""
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        out.append(text[pos:start])
        chunk = text[start:end]
        out.append("".join(ch if ch in "\r\n" else " " for ch in chunk))
        pos = end
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Origin:
    """What a reader knows of a source beyond its text (see the module documentation).

    ``published`` is a publication date the document states in its metadata (front matter,
    an HTML ``<meta>`` or ``<time>``), with ``published_from`` naming the place
    (``front-matter``, ``html-meta``); ``fallback_published`` is a document date (a Word
    file's last save) used only when nothing else gives one (``published_from`` then
    ``document-properties``). ``lang`` is the language the file declares; ``metadata`` other
    facts worth a report line (``created``, ``modified``, ``title``). ``verbatim_kinds`` are the
    kinds of verbatim facts this format can hold: two sources are compared on a kind only when
    both can hold it."""

    format: str
    encoding: str | None = None
    map: SourceMap | None = None
    verbatim: tuple[Claim, ...] = ()
    verbatim_kinds: tuple[str, ...] = ()
    published: _dt.date | None = None
    published_from: str | None = None
    fallback_published: _dt.date | None = None
    lang: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()

    def locate(self, start: int, end: int) -> Location | None:
        """The place in the file of the span ``[start, end)`` of the read text, if mapped."""
        return self.map.locate(start, end) if self.map is not None else None

    def metadata_dict(self) -> dict[str, Any]:
        return dict(self.metadata)
