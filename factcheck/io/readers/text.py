"""The plain text reader: UTF-8, UTF-16 with a BOM or CP949, read as it is (offsets index the
decoded file, so no map is needed); the encoding is named when it is not UTF-8."""

from __future__ import annotations

from factcheck.io.files import decode_named
from factcheck.io.readers.reading import Reading
from factcheck.origin import Origin

__all__ = ["TextReader", "report_encoding"]


def report_encoding(encoding: str) -> str | None:
    """The encoding as a report names it: None for UTF-8 (with or without a BOM), the rule."""
    return None if encoding in ("utf-8", "utf-8-sig") else encoding


class TextReader:
    """Plain text: ``.txt``, and any file no other reader claims."""

    name = "text"
    extensions: tuple[str, ...] = (".txt", ".text")
    extra: str | None = None

    def read(self, data: bytes, name: str) -> Reading:
        text, encoding = decode_named(data, name=name)
        return Reading(text, Origin(format="text", encoding=report_encoding(encoding)))
