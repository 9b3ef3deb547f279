"""The reader registry: which reader turns which file into the text factcheck reads.

A reader is a small object with a ``name`` (``markdown``), the file name ``extensions`` it
reads (``.md``), the optional ``extra`` it needs (``docx``), and ``read(data, name)``, which
turns the bytes of a file into a :class:`~factcheck.io.readers.reading.Reading`: the text,
and its :class:`~factcheck.origin.Origin` (the map back to the file, metadata and verbatim
facts). A :class:`ReaderRegistry` chooses a reader by ``--input-format`` name or by extension
(plain text for any other); :func:`default_readers` is the registry of the readers factcheck
ships, and :meth:`ReaderRegistry.with_reader` adds or replaces one, as rules are added to the
rule registry.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

from factcheck.errors import InputError
from factcheck.io.files import DEFAULT_MAX_BYTES, read_bytes
from factcheck.io.readers.docx import DocxReader
from factcheck.io.readers.html import HtmlReader
from factcheck.io.readers.hwp import HwpReader
from factcheck.io.readers.hwpx import HwpxReader
from factcheck.io.readers.markdown import MarkdownReader
from factcheck.io.readers.pdf import PdfReader
from factcheck.io.readers.reading import Reader, Reading
from factcheck.io.readers.text import TextReader

__all__ = ["ReaderRegistry", "default_readers", "read_document"]


def _check_reader(reader: object) -> Reader:
    if not isinstance(reader, Reader):
        raise TypeError(f"a reader needs name, extensions, extra and read(data, name): {reader!r}")
    if not reader.name or not isinstance(reader.name, str):
        raise TypeError(f"a reader needs a name: {reader!r}")
    for ext in reader.extensions:
        if not (isinstance(ext, str) and ext.startswith(".") and ext == ext.lower()):
            raise TypeError(f"reader {reader.name!r}: an extension is lower case and starts with a dot, not {ext!r}")
    return reader


@dataclass(frozen=True)
class ReaderRegistry:
    """An immutable list of readers; the one named ``text`` reads files of other extensions."""

    readers: tuple[Reader, ...]

    def __post_init__(self) -> None:
        names: set[str] = set()
        for r in self.readers:
            _check_reader(r)
            if r.name in names:
                raise TypeError(f"two readers are named {r.name!r}")
            names.add(r.name)

    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.readers)

    def extensions(self) -> tuple[str, ...]:
        return tuple(ext for r in self.readers for ext in r.extensions)

    def by_name(self, name: str) -> Reader:
        """The reader called ``name`` (``--input-format``); an unknown name raises InputError."""
        for r in self.readers:
            if r.name == name:
                return r
        raise InputError(f"unknown input format {name!r} (use {', '.join(self.names())})", reason="bad-option")

    def for_path(self, path: str) -> Reader:
        """The reader of a file, by its extension; plain text for any other."""
        ext = os.path.splitext(path)[1].lower()
        for r in self.readers:
            if ext in r.extensions:
                return r
        return self.by_name("text")

    def knows(self, path: str) -> bool:
        """True when a reader claims the extension of ``path`` (a docs tree reads only those)."""
        return os.path.splitext(path)[1].lower() in self.extensions()

    def with_reader(self, reader: Reader) -> ReaderRegistry:
        """A new registry with ``reader`` added, or replacing the reader of the same name; the
        extensions it lists are taken from the others."""
        _check_reader(reader)
        taken = set(reader.extensions)
        kept: list[Reader] = []
        for r in self.readers:
            if r.name == reader.name:
                continue
            if taken & set(r.extensions):
                r = _Narrowed(r, tuple(e for e in r.extensions if e not in taken))
            kept.append(r)
        return ReaderRegistry((*kept, reader))


@dataclass(frozen=True)
class _Narrowed:
    """A reader whose extensions another reader took over."""

    inner: Reader
    extensions: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def extra(self) -> str | None:
        return self.inner.extra

    def read(self, data: bytes, name: str) -> Reading:
        return self.inner.read(data, name)


@functools.lru_cache(maxsize=1)
def default_readers() -> ReaderRegistry:
    """The registry of the readers factcheck ships: text, markdown, html, docx, hwpx, hwp, pdf
    (each imports its parser only when it reads a file)."""
    return ReaderRegistry((TextReader(), MarkdownReader(), HtmlReader(), DocxReader(), HwpxReader(), HwpReader(),
                           PdfReader()))


def read_document(path: str, *, input_format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  readers: ReaderRegistry | None = None) -> Reading:
    """Read the file ``path`` (``-``: standard input, read as ``input_format`` or plain text)
    with the reader its extension names, or the one ``input_format`` names."""
    registry = readers or default_readers()
    reader = registry.by_name(input_format) if input_format else registry.for_path("" if path == "-" else path)
    data, name = read_bytes(path, max_bytes=max_bytes)
    try:
        reading = reader.read(data, name)
    except RecursionError:
        raise InputError("nested too deeply to read (elements inside elements, thousands deep)",
                         reason="corrupt", path=name) from None
    if not isinstance(reading, Reading):
        raise TypeError(f"reader {reader.name!r} returned {type(reading).__name__}, not a Reading")
    return reading
