"""Building the text a reader gives factcheck, together with its map back to the file.

:class:`TextBuilder` appends text piece by piece: text copied from the file (mapped exactly),
text rendered from it (an entity decoded, an escape dropped: mapped as closely as an in-order
alignment finds it) and separators of its own (line breaks between blocks, tabs between table
cells: not mapped). It also collects the verbatim facts (code, link targets) as claims on the
spans of the built text. :meth:`TextBuilder.finish` gives the text, its
:class:`~factcheck.origin.SourceMap` and the verbatim claims.
"""

from __future__ import annotations

import bisect
import re

from factcheck.claims import Claim
from factcheck.origin import Location, Piece, SourceMap
from factcheck.values import Verbatim

__all__ = ["TextBuilder", "align_runs", "bare_urls"]

_BARE_URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\""


def bare_urls(text: str) -> list[tuple[int, int]]:
    """The spans of the web addresses written in ``text`` as plain text (``https://...``,
    ``www....``), without the punctuation that ends a sentence or a bracket they sit in."""
    spans = []
    for m in _BARE_URL.finditer(text):
        url = m.group()
        while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
            url = url[:-1]
        if not url.endswith(("://", "www.")):
            spans.append((m.start(), m.start() + len(url)))
    return spans


#: what separates the cells of a table row in the text
CELL_SEP = " | "

#: how far ahead in the file the alignment looks for the next character of a rendered text (an
#: entity such as ``&#x1F600;`` is ten characters for one)
_WINDOW = 32


def align_runs(rendered: str, source: str, lo: int, hi: int) -> tuple[list[tuple[int, int, int]], int]:
    """Align ``rendered`` in order with ``source[lo:hi]``: the runs ``(i, j, at)`` of
    ``rendered[i:j]`` found at ``source[at:at + j - i]``, and the offset after the last run."""
    runs: list[tuple[int, int, int]] = []
    pos = lo
    i, n = 0, len(rendered)
    while i < n:
        k = source.find(rendered[i], pos, min(hi, pos + _WINDOW))
        if k < 0:
            i += 1
            continue
        length = 1
        while i + length < n and k + length < hi and rendered[i + length] == source[k + length]:
            length += 1
        runs.append((i, i + length, k))
        i += length
        pos = k + length
    return runs, pos


class TextBuilder:
    """The text under construction, its pieces and its verbatim claims (see the module)."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._part_starts: list[int] = []
        self._len = 0
        self._tail = ""
        self._pieces: list[Piece] = []
        self._verbatim: list[Claim] = []

    @property
    def pos(self) -> int:
        """The length of the text so far: the offset of the next character."""
        return self._len

    @property
    def tail(self) -> str:
        """The last two characters of the text so far."""
        return self._tail

    def _append(self, s: str) -> None:
        if s:
            self._parts.append(s)
            self._part_starts.append(self._len)
            self._len += len(s)
            self._tail = (self._tail + s)[-2:]

    def add(self, s: str, at: int | None = None, at_end: int | None = None,
            where: Location | None = None) -> tuple[int, int]:
        """Append ``s``; when ``at`` is given it comes from the file at ``at`` (to ``at_end``,
        by default ``at + len(s)``: an exact copy). Returns the span of ``s`` in the text."""
        start = self._len
        self._append(s)
        if at is not None and s:
            self._pieces.append(Piece(start, self._len, at, at + len(s) if at_end is None else at_end, where))
        return start, self._len

    def add_rendered(self, s: str, source: str, lo: int, hi: int, where: Location | None = None) -> int:
        """Append ``s``, rendered from ``source[lo:hi]`` (escapes dropped, entities decoded):
        the runs an in-order alignment finds map exactly, the rest to the file between them.
        Returns the offset in ``source`` after the last character found."""
        if not s:
            return lo
        k = source.find(s, lo, hi)
        if k >= 0:
            self.add(s, k, where=where)
            return k + len(s)
        runs, after = align_runs(s, source, lo, hi)
        base = self._len
        self._append(s)
        prev_i, prev_at = 0, lo
        for i, j, at in runs:
            if i > prev_i:
                self._pieces.append(Piece(base + prev_i, base + i, prev_at, max(prev_at, at), where))
            self._pieces.append(Piece(base + i, base + j, at, at + (j - i), where))
            prev_i, prev_at = j, at + (j - i)
        if prev_i < len(s):
            self._pieces.append(Piece(base + prev_i, base + len(s), prev_at, max(prev_at, after), where))
        return after

    def sep(self, s: str) -> None:
        """Append a separator of the reader's own (not mapped to the file)."""
        self._append(s)

    def cell(self) -> None:
        """The separator between two cells of a table row: `` | `` (a tab would let a name
        or a figure run from one cell into the next)."""
        self.trim()
        self._append(CELL_SEP)

    def space(self) -> None:
        """A space, unless the text is empty or already ends with white space."""
        if self._len and self._tail[-1:] not in (" ", "\n", "\t"):
            self._append(" ")

    def line_break(self) -> None:
        """End the current line, unless the text is empty or already ends a line."""
        if self._len and self._tail[-1:] != "\n":
            self._append("\n")

    def block_break(self) -> None:
        """End the current block with a blank line (as paragraphs of a plain text are)."""
        if not self._len:
            return
        self.trim()
        if self._tail != "\n\n":
            self._append("\n" if self._tail[-1:] == "\n" else "\n\n")

    def trim(self) -> None:
        """Drop the spaces and tabs the text ends with, unless they are mapped text."""
        while self._parts and self._parts[-1][-1] in " \t":
            last = self._parts[-1]
            kept = last.rstrip(" \t")
            cut = len(last) - len(kept)
            if self._pieces and self._pieces[-1].end > self._len - cut:
                break  # mapped text ends in a space: keep it
            self._len -= cut
            if kept:
                self._parts[-1] = kept
            else:
                self._parts.pop()
                self._part_starts.pop()
            self._tail = "".join(self._parts[-2:])[-2:]

    def text_between(self, start: int, end: int) -> str:
        """The text built so far from ``start`` to ``end``."""
        if end <= start:
            return ""
        k = max(bisect.bisect_right(self._part_starts, start) - 1, 0)
        out = []
        while k < len(self._parts) and self._part_starts[k] < end:
            part, ps = self._parts[k], self._part_starts[k]
            out.append(part[max(0, start - ps):end - ps])
            k += 1
        return "".join(out)

    def verbatim(self, kind: str, span: tuple[int, int], text: str, rule: str, *, block: bool = False) -> None:
        """Record ``text``, at ``span`` of the built text, as a verbatim fact of ``kind``."""
        start, end = span
        self._verbatim.append(Claim(kind=kind, text=text, start=start, end=end,
                                    value=Verbatim(kind, text, block), rule=rule, lang="auto"))

    def text(self) -> str:
        return "".join(self._parts)

    def finish(self, line_starts: tuple[int, ...] = ()) -> tuple[str, SourceMap, tuple[Claim, ...]]:
        """The text (ending with one line break when it has any), its map and the verbatim
        claims, in the order of the text."""
        text = "".join(self._parts).rstrip()
        if text:
            text += "\n"
        pieces = tuple(sorted((p for p in self._pieces if p.start < len(text) or not text),
                              key=lambda p: (p.start, p.end)))
        verbatim = tuple(sorted((c for c in self._verbatim if c.end <= len(text)), key=lambda c: (c.start, c.end)))
        return text, SourceMap(pieces, line_starts), verbatim
