"""The Word reader (``.docx``), with python-docx (the ``docx`` extra).

Paragraphs and tables in reading order: a paragraph is a block of the text, a table row a
line whose cells are separated by tabs. Each stretch maps back to its paragraph (counted in
the body, from 1) or to its cell (table, row and cell, from 1, and the paragraph in the cell),
with the column in it. Hyperlink targets are verbatim facts. The core properties' dates are
metadata; the last saved date is the publication date only when nothing else gives one.
"""

from __future__ import annotations

import datetime as _dt
import io
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError
from factcheck.io.readers.extras import missing_extra
from factcheck.io.readers.htmltext import Pending, write_pending
from factcheck.io.readers.meta import lang_tag
from factcheck.io.readers.reading import Reading
from factcheck.io.readers.textmap import TextBuilder
from factcheck.io.readers.zipped import open_zip
from factcheck.origin import Location, Origin

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

__all__ = ["DocxReader"]

_WHAT = "a Word .docx file"
_LEGACY = "an encrypted or legacy Word (.doc) file; save it as .docx without a password"


class _Walk:
    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.pending: list[Pending] = []
        self.paragraphs = 0
        self.tables = 0

    def paragraph(self, p: Paragraph, where: Location) -> None:
        text = p.text
        if text.strip():
            self.builder.add(text, 0, where=where)
        for link in p.hyperlinks:
            url = (link.url or "").strip()
            if url and not url.startswith("#"):
                self.pending.append(Pending("url", url, None, 0, "docx.hyperlink", where))

    def body(self, items: Any) -> None:
        b = self.builder
        for item in items:
            if hasattr(item, "rows"):
                self.tables += 1
                self.table(item, self.tables)
            else:
                self.paragraphs += 1
                self.paragraph(item, Location(paragraph=self.paragraphs))
                b.block_break()

    def table(self, table: Table, number: int) -> None:
        b = self.builder
        b.block_break()
        for r, row in enumerate(table.rows, 1):
            seen: set[int] = set()
            c = 0
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                    continue
                seen.add(id(cell._tc))
                c += 1
                if c > 1:
                    b.cell()
                for n, inner in enumerate(cell.iter_inner_content(), 1):
                    if hasattr(inner, "rows"):
                        continue  # a table in a cell: its text is left out
                    if n > 1 and b.tail[-1:] not in ("", "\t", "\n", " "):
                        b.sep(" ")
                    self.paragraph(inner, Location(table=number, row=r, cell=c, paragraph=n))
            b.line_break()
        b.block_break()


def _date(value: object) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    return value if isinstance(value, _dt.date) else None


class DocxReader:
    """Word documents: ``.docx`` (needs ``pip install 'factcheck[docx]'``)."""

    name = "docx"
    extensions: tuple[str, ...] = (".docx",)
    extra: str | None = "docx"

    def read(self, data: bytes, name: str) -> Reading:
        try:
            import docx
        except ImportError:
            raise missing_extra("Word .docx files", "python-docx", "docx", name) from None
        archive = open_zip(data, name, _WHAT, _LEGACY)
        if "word/document.xml" not in archive.namelist():
            raise InputError(f"not {_WHAT}: the archive has no word/document.xml", reason="corrupt", path=name)
        try:
            document = docx.Document(io.BytesIO(data))
            walk = _Walk()
            walk.body(document.iter_inner_content())
            props = document.core_properties
            created, modified = _date(props.created), _date(props.modified)
            title, language = props.title, props.language
        except InputError:
            raise
        except Exception as exc:  # python-docx and lxml raise many kinds on a damaged file
            raise InputError(f"not a readable Word .docx file ({type(exc).__name__}: {exc})",
                             reason="corrupt", path=name) from None
        write_pending(walk.builder, walk.pending)
        text, source_map, verbatim = walk.builder.finish()
        metadata: list[tuple[str, str]] = []
        if created:
            metadata.append(("created", created.isoformat()))
        if modified:
            metadata.append(("modified", modified.isoformat()))
        if title:
            metadata.append(("title", title))
        lang = lang_tag(language)
        if lang:
            metadata.append(("lang", lang))
        origin = Origin(format="docx", map=source_map, verbatim=verbatim, verbatim_kinds=("url",),
                        fallback_published=modified or created, lang=lang, metadata=tuple(metadata))
        return Reading(text, origin)
