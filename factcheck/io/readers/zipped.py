"""Opening the zip archives that Word (.docx) and Hangul (.hwpx) files are, with errors that
say what the file is instead (a legacy or encrypted file, not an archive at all) and a limit
on what the archive unpacks to."""

from __future__ import annotations

import io
import zipfile
import zlib

from factcheck.errors import InputError

__all__ = ["OLE_MAGIC", "open_zip", "read_member"]

#: the first bytes of an OLE compound file: legacy .doc and .hwp files, and encrypted .docx
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: an archive that unpacks to more than this is refused (a zip bomb, not a document)
MAX_UNPACKED = 256 * 1024 * 1024


def open_zip(data: bytes, name: str, what: str, legacy: str) -> zipfile.ZipFile:
    """The archive of a ``what`` file (``a Word .docx file``); ``legacy`` says what an OLE
    file with this name is instead."""
    if data.startswith(OLE_MAGIC):
        raise InputError(f"not {what}: {legacy}", reason="unsupported-format", path=name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise InputError(f"not {what}: not a valid zip archive ({exc})", reason="corrupt", path=name) from None
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED:
        raise InputError(f"not {what}: the archive unpacks to {unpacked:,} bytes, over the limit of "
                         f"{MAX_UNPACKED:,}", reason="too-large", path=name)
    return archive


def read_member(archive: zipfile.ZipFile, member: str, name: str, what: str) -> bytes:
    """The bytes of one member of the archive; a damaged member raises InputError."""
    try:
        return archive.read(member)
    except KeyError:
        raise InputError(f"not {what}: the archive has no {member}", reason="corrupt", path=name) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
        raise InputError(f"not {what}: {member} is damaged ({exc})", reason="corrupt", path=name) from None
