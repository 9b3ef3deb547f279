"""Readers: a file in, the text factcheck reads out, with the way back to the file.

:func:`read_document` reads a file with the reader its extension (or ``input_format``) names:
plain text, Markdown, HTML, Word (``.docx``, the ``docx`` extra), Hangul (``.hwpx``, and
``.hwp`` with the ``hwp`` extra) or PDF (the ``pdf`` extra). The :class:`Reading` it returns
holds the text and its :class:`~factcheck.origin.Origin`; ``reading.source(id)`` makes the
:class:`~factcheck.report.Source` that ``factcheck.check`` compares. A reader of your own is an
object with ``name``, ``extensions``, ``extra`` and ``read(data, name)``; add it with
``default_readers().with_reader(reader)`` and pass the registry as ``readers=``.
"""

from factcheck.io.readers.reading import Reader, Reading
from factcheck.io.readers.registry import ReaderRegistry, default_readers, read_document

__all__ = ["Reader", "ReaderRegistry", "Reading", "default_readers", "read_document"]
