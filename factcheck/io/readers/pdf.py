"""The PDF reader, with pypdf (the ``pdf`` extra).

The text of each page in the order of its content, pages separated by a blank line; every
stretch maps back to its page (from 1) and the column in the page's text. A PDF with no text
layer (a scanned document) is refused with the reason, as is one that needs a password. The
document's dates are metadata; the last saved date is the publication date only when
nothing else gives one; ``/Lang`` is the declared language.
"""

from __future__ import annotations

import datetime as _dt
import io
from typing import Any

from factcheck.errors import InputError
from factcheck.io.readers.extras import missing_extra
from factcheck.io.readers.meta import lang_tag, meta_date
from factcheck.io.readers.reading import Reading
from factcheck.io.readers.textmap import TextBuilder
from factcheck.origin import Location, Origin

__all__ = ["PdfReader"]

_WHAT = "a PDF file"


def _date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    return meta_date(value) if isinstance(value, str) else None


def _metadata(reader: Any) -> tuple[list[tuple[str, str]], _dt.date | None, str | None]:
    out: list[tuple[str, str]] = []
    try:
        info = reader.metadata
        created = _date(info.creation_date) if info is not None else None
        modified = _date(info.modification_date) if info is not None else None
        title = info.title if info is not None else None
    except Exception:  # a damaged information dictionary is no reason to refuse the text
        created = modified = None
        title = None
    if created:
        out.append(("created", created.isoformat()))
    if modified:
        out.append(("modified", modified.isoformat()))
    if isinstance(title, str) and title.strip():
        out.append(("title", title.strip()))
    try:
        lang = lang_tag(str(reader.root_object.get("/Lang", "")))
    except Exception:
        lang = None
    if lang:
        out.append(("lang", lang))
    return out, modified or created, lang


class PdfReader:
    """PDF documents: ``.pdf`` (needs ``pip install 'factcheck[pdf]'``)."""

    name = "pdf"
    extensions: tuple[str, ...] = (".pdf",)
    extra: str | None = "pdf"

    def read(self, data: bytes, name: str) -> Reading:
        try:
            import pypdf
            from pypdf.errors import DependencyError, PyPdfError
        except ImportError:
            raise missing_extra("PDF files", "pypdf", "pdf", name) from None
        if not data.lstrip()[:5].startswith(b"%PDF"):
            raise InputError(f"not {_WHAT}: it does not start with %PDF", reason="corrupt", path=name)
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except DependencyError:
                    opened = None
                if not opened:
                    raise InputError("encrypted PDF: it needs a password (or a decryption factcheck cannot do); "
                                     "save a copy without one", reason="encrypted", path=name)
            pages = [page.extract_text() or "" for page in reader.pages]
            metadata, fallback, lang = _metadata(reader)
        except InputError:
            raise
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
                RecursionError) as exc:
            raise InputError(f"not a readable PDF ({type(exc).__name__}: {exc})", reason="corrupt",
                             path=name) from None
        if not any(p.strip() for p in pages):
            raise InputError(f"no text layer in its {len(pages)} page{'s' if len(pages) != 1 else ''} "
                             "(a scanned PDF?): run text recognition (OCR) on it first", reason="no-text",
                             path=name)
        builder = TextBuilder()
        for n, page in enumerate(pages, 1):
            if page.strip():
                builder.add(page, 0, where=Location(page=n))
                builder.block_break()
        text, source_map, verbatim = builder.finish()
        origin = Origin(format="pdf", map=source_map, verbatim=verbatim, fallback_published=fallback, lang=lang,
                        metadata=tuple(metadata))
        return Reading(text, origin)
