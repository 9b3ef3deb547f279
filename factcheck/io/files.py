"""Reading text files the way users have them: UTF-8 (with or without BOM), UTF-16 with BOM,
or the legacy Korean encoding CP949/EUC-KR. Anything else is refused with a clear reason."""

from __future__ import annotations

import codecs
import os

from factcheck.errors import InputError

__all__ = ["read_text", "read_bytes", "decode_bytes", "decode_named", "DEFAULT_MAX_BYTES"]

#: inputs larger than this are refused (configurable per call): factcheck reads documents,
#: not corpora; split big inputs or raise the limit explicitly.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def decode_bytes(data: bytes, *, name: str = "<input>") -> str:
    """Decode bytes to text; the BOM, if any, is dropped (offsets index the decoded text)."""
    return decode_named(data, name=name)[0]


def decode_named(data: bytes, *, name: str = "<input>") -> tuple[str, str]:
    """Decode bytes to text as :func:`decode_bytes` does, and name the encoding it used:
    ``utf-8``, ``utf-8-sig`` (with a BOM), ``utf-16`` or ``cp949``."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", name), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text", reason="binary", path=name)
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        raise InputError(
            f"not UTF-8 text (invalid byte 0x{data[first_error.start]:02x} at offset {first_error.start}) "
            "and not CP949/EUC-KR either; save the file as UTF-8",
            reason="undecodable", path=name,
        ) from None
    if not any("\uac00" <= ch <= "\ud7a3" for ch in text):
        raise InputError(
            f"not UTF-8 text (invalid byte 0x{data[first_error.start]:02x} at offset {first_error.start}); "
            "save the file as UTF-8",
            reason="undecodable", path=name,
        )
    return text, "cp949"


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {encoding} at byte offset {exc.start}", reason="undecodable", path=name) from None


def read_text(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read a text file, or standard input for ``-``; errors name the file and the reason."""
    data, name = read_bytes(path, max_bytes=max_bytes)
    return decode_bytes(data, name=name)


def read_bytes(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """The bytes of a file, or of standard input for ``-``, and the name errors give it
    (``<stdin>``); a missing, unreadable or too large file raises :class:`InputError`."""
    import sys

    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        name = path
        try:
            if os.path.isdir(path):
                raise InputError("is a directory, not a file", reason="not-a-file", path=name)
            size = os.path.getsize(path)
            if size > max_bytes:
                raise InputError(f"file is {size} bytes, over the limit of {max_bytes} (--max-bytes)",
                                 reason="too-large", path=name)
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except FileNotFoundError:
            raise InputError("no such file", reason="missing", path=name) from None
        except PermissionError:
            raise InputError("permission denied", reason="unreadable", path=name) from None
        except IsADirectoryError:
            raise InputError("is a directory, not a file", reason="not-a-file", path=name) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", reason="unreadable", path=name) from None
    if len(data) > max_bytes:
        raise InputError(f"input is over the limit of {max_bytes} bytes (--max-bytes)", reason="too-large", path=name)
    return data, name
