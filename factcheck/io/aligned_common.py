"""What the readers of aligned files share: the segment type, errors naming the file and the
line, choosing the two language sides, and opening a file in the encoding it declares."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

from factcheck.errors import InputError
from factcheck.report import Source

__all__ = ["ID_COLUMNS", "Segment", "Sides", "decode_guard", "err", "norm", "open_text", "pick"]

Segment = tuple[str, list[Source]]

_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_SIDES = ("source", "target")
#: column or key names that hold a segment id
ID_COLUMNS = ("id", "key", "segment", "segment_id", "uid")
_SAMPLE = 1 << 16


def err(path: str, message: str, line: int | None = None, reason: str = "bad-aligned-file") -> InputError:
    return InputError(f"line {line}: {message}" if line else message, reason=reason, path=path)


def norm(code: str) -> str:
    return code.strip().replace("_", "-").lower()


def _lang_of(name: str) -> str:
    """The ``lang`` of a side: the primary subtag of a language code, else ``auto``."""
    n = norm(name)
    if n in _SIDES or not _LANG_TAG.match(n):
        return "auto"
    return n.split("-")[0]


class Sides:
    """The two sides of a file: their source ids and languages."""

    def __init__(self, a: str, b: str, lang_a: str | None = None, lang_b: str | None = None) -> None:
        a, b = a.strip(), b.strip()
        # a side named "source"/"target" takes the language the caller gave, if any
        la = _lang_of(lang_a) if lang_a and norm(a) in _SIDES else _lang_of(a)
        lb = _lang_of(lang_b) if lang_b and norm(b) in _SIDES else _lang_of(b)
        ida = lang_a.strip() if lang_a and norm(a) in _SIDES else a
        idb = lang_b.strip() if lang_b and norm(b) in _SIDES else b
        if norm(ida) == norm(idb):
            ida, idb = "source", "target"
        self.ids = (ida, idb)
        self.langs = (la, lb)

    def make(self, path: str, text_a: str, text_b: str) -> list[Source]:
        return [Source(text_a, id=self.ids[0], lang=self.langs[0], path=path),
                Source(text_b, id=self.ids[1], lang=self.langs[1], path=path)]


def pick(path: str, names: list[str], lang_a: str | None, lang_b: str | None, what: str,
          line: int | None = None) -> tuple[str, str]:
    """Choose the two language columns (keys, languages) among ``names``."""
    by_norm: dict[str, str] = {}
    for n in names:
        by_norm.setdefault(norm(n), n)
    listed = ", ".join(names) or "none"

    def find(code: str) -> str | None:
        return by_norm.get(norm(code))

    wanted = [c for c in (lang_a, lang_b) if c]
    if wanted and all(find(c) for c in wanted):
        if len(wanted) == 2:
            return find(lang_a), find(lang_b)  # type: ignore[arg-type,return-value]
        chosen = find(wanted[0])
        rest = [n for n in names if n != chosen]
        if len(rest) != 1:
            raise err(path, f"cannot tell the other language among {what} ({listed}); give both languages "
                            "(lang_a and lang_b; on the command line: --lang-a and --lang-b)", line)
        return (chosen, rest[0]) if lang_a else (rest[0], chosen)  # type: ignore[return-value]
    sides = [by_norm[s] for s in _SIDES if s in by_norm]
    if len(sides) == 2:
        return sides[0], sides[1]
    if wanted:
        missing = next(c for c in wanted if not find(c))
        raise err(path, f"no {what[:-1] if what.endswith('s') else what} {missing!r} (found: {listed})", line)
    if len(names) == 2:
        return names[0], names[1]
    langs = [n for n in names if _LANG_TAG.match(n.strip())]
    if len(langs) == 2:
        return langs[0], langs[1]
    raise err(path, f"expected two languages among {what}, found {len(names)} ({listed}); "
                     "choose two with lang_a and lang_b (on the command line: --lang-a and --lang-b)", line)


def _sniff_encoding(path: str) -> str:
    """The encoding of a text file, from a sample: UTF-8 (BOM or not), UTF-16 with a BOM, or
    CP949 (legacy Korean) when the sample is not UTF-8 but reads as Hangul in CP949."""
    try:
        if os.path.isdir(path):
            raise err(path, "is a directory, not a file", reason="not-a-file")
        with open(path, "rb") as fh:
            sample = fh.read(_SAMPLE)
    except FileNotFoundError:
        raise InputError("no such file", reason="missing", path=path) from None
    except PermissionError:
        raise InputError("permission denied", reason="unreadable", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", reason="unreadable", path=path) from None
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in sample:
        raise err(path, "binary file (contains NUL bytes), not text", reason="binary")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError as exc:
        first = exc
    try:
        text = codecs.getincrementaldecoder("cp949")().decode(sample, final=False)
    except UnicodeDecodeError:
        text = ""
    if any("\uac00" <= ch <= "\ud7a3" for ch in text):
        return "cp949"
    raise err(path, f"not UTF-8 text (invalid byte 0x{sample[first.start]:02x} at offset {first.start}); "
                     "save the file as UTF-8", reason="undecodable")


def open_text(path: str, newline: str | None = None) -> IO[str]:
    enc = _sniff_encoding(path)
    return open(path, encoding=enc, errors="strict", newline=newline)


def decode_guard(path: str, lines: Iterable[Any]) -> Iterator[Any]:
    try:
        yield from lines
    except UnicodeDecodeError as exc:
        raise err(path, f"invalid text encoding ({exc.reason}); save the file as UTF-8",
                   reason="undecodable") from None


# --------------------------------------------------------------------------- CSV / TSV
