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

import os
from collections.abc import Iterator
from types import MappingProxyType

from factcheck.errors import InputError
from factcheck.io.aligned_common import Segment
from factcheck.io.aligned_po import read_po
from factcheck.io.aligned_tabular import read_csv, read_jsonl
from factcheck.io.aligned_xml import read_xml

__all__ = ["ALIGNED_FORMATS", "Segment", "aligned_format", "is_aligned", "iter_segments", "read_segments"]

#: file name suffixes and the format they are read as
ALIGNED_FORMATS: MappingProxyType[str, str] = MappingProxyType({
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".po": "po", ".xlf": "xml", ".xliff": "xml", ".sdlxliff": "xml", ".mxliff": "xml", ".tmx": "xml",
})


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
    reader = {"csv": read_csv, "tsv": read_csv, "jsonl": read_jsonl, "po": read_po, "xml": read_xml}[fmt]
    seen: dict[str, int] = {}
    for seg_id, sources in reader(name, fmt, lang_a, lang_b):
        n = seen.get(seg_id, 0) + 1
        seen[seg_id] = n
        yield (seg_id if n == 1 else f"{seg_id}#{n}"), sources


# --------------------------------------------------------------------------- helpers
