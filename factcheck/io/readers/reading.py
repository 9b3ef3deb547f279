"""What a reader gives: a :class:`Reading` (the text and its origin), and what a reader is
(the :class:`Reader` protocol). The readers and their registry
(:mod:`factcheck.io.readers.registry`) build on this module."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from factcheck.origin import Origin
from factcheck.report import Source

__all__ = ["Reader", "Reading"]

@dataclass(frozen=True, slots=True)
class Reading:
    """A file as factcheck reads it: its ``text`` and its ``origin``."""

    text: str
    origin: Origin

    def source(self, id: str, *, path: str | None = None, lang: str = "auto",
               published: _dt.date | _dt.datetime | str | None = None) -> Source:
        """The :class:`~factcheck.report.Source` of this reading, ready for ``check``."""
        return Source(self.text, id=id, lang=lang, published=published, path=path, origin=self.origin)


@runtime_checkable
class Reader(Protocol):
    """What a reader is (see the module documentation)."""

    @property
    def name(self) -> str:
        """The format's name, as ``--input-format`` gives it."""
        ...

    @property
    def extensions(self) -> tuple[str, ...]:
        """The file name extensions it reads, lower case with the dot (``.md``)."""
        ...

    @property
    def extra(self) -> str | None:
        """The extra it needs installed (``docx``), or None."""
        ...

    def read(self, data: bytes, name: str) -> Reading:
        """The reading of ``data``, the bytes of the file ``name`` (errors name it)."""
        ...


