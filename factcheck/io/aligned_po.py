"""Reading gettext PO files: ``msgid`` and ``msgstr`` pairs, without the header, fuzzy and
obsolete entries; the target language from the header's ``Language``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from types import MappingProxyType
from typing import Any

from factcheck.io.aligned_common import Segment, Sides, decode_guard, err, open_text

__all__ = ["read_po"]


_PO_ESCAPES = MappingProxyType({"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
                                "f": "\f", "v": "\v", "?": "?", "'": "'"})
_PO_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*)$")


def _po_string(path: str, s: str, line: int) -> str:
    s = s.strip()
    if len(s) < 2 or not s.startswith('"') or not s.endswith('"'):
        raise err(path, f"expected a quoted string, found {s[:40]!r}", line)
    body, out, i = s[1:-1], [], 0
    while i < len(body):
        ch = body[i]
        if ch == '"':
            raise err(path, "unescaped quote inside a string", line)
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        if i + 1 >= len(body):
            raise err(path, "string ends with a lone backslash", line)
        nxt = body[i + 1]
        if nxt in _PO_ESCAPES:
            out.append(_PO_ESCAPES[nxt])
            i += 2
        elif nxt in "01234567":
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            assert m is not None
            out.append(chr(int(m.group(), 8)))
            i += 1 + len(m.group())
        elif nxt == "x" and re.match(r"[0-9A-Fa-f]{1,2}", body[i + 2:]):
            m = re.match(r"[0-9A-Fa-f]{1,2}", body[i + 2:])
            assert m is not None
            out.append(chr(int(m.group(), 16)))
            i += 2 + len(m.group())
        else:
            raise err(path, f"unknown escape \\{nxt}", line)
    return "".join(out)


def _po_entries(path: str, lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    entry: dict[str, Any] = {}
    field: str | None = None

    def complete() -> bool:
        return "msgid" in entry

    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            if complete():
                yield entry
            entry, field = {}, None
            continue
        if line.startswith("#"):
            if line.startswith("#~"):
                continue  # obsolete entry
            if complete() and "msgstr" in entry:
                yield entry
                entry, field = {}, None
            if line.startswith("#,"):
                entry.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith('"'):
            if field is None:
                raise err(path, "a string continues no keyword", n)
            value = _po_string(path, line, n)
            if field.startswith("msgstr"):
                idx = int(field[7:-1]) if "[" in field else 0
                entry["msgstr"][idx] += value
            else:
                entry[field] += value
            continue
        m = _PO_KEYWORD.match(line)
        if not m:
            raise err(path, f"unexpected {line[:40]!r} (expected msgctxt, msgid, msgstr or a string)", n)
        key, index, rest = m.group(1), m.group(2), m.group(3)
        if key in ("msgctxt", "msgid") and "msgstr" in entry:
            yield entry
            entry, field = {}, None
        if key == "msgid" and "msgid" in entry:
            raise err(path, "msgid without msgstr before it", n)
        value = _po_string(path, rest, n)
        if key.startswith("msgstr"):
            if "msgid" not in entry:
                raise err(path, "msgstr without msgid", n)
            entry.setdefault("msgstr", {})[int(index or 0)] = value
            field = f"msgstr[{int(index or 0)}]" if index is not None else "msgstr"
        else:
            entry[key] = value
            field = key
            if key == "msgid":
                entry["line"] = n
    if complete():
        yield entry


def _po_header(msgstr: str) -> dict[str, str]:
    out = {}
    for line in msgstr.split("\n"):
        if ":" in line:
            k, v = line.split(":", 1)
            out[k.strip().lower()] = v.strip()
    return out


def read_po(path: str, fmt: str, lang_a: str | None, lang_b: str | None) -> Iterator[Segment]:
    sides: Sides | None = None
    with open_text(path) as fh:
        for e in _po_entries(path, decode_guard(path, fh)):
            if "msgstr" not in e:
                raise err(path, "msgid without msgstr", e.get("line"))
            msgstr = e["msgstr"]
            if e["msgid"] == "" and "msgctxt" not in e:  # the header entry
                if sides is None:
                    h = _po_header(msgstr.get(0, ""))
                    src = lang_a or h.get("x-source-language") or "source"
                    trg = lang_b or h.get("language") or "target"
                    sides = Sides(src, trg)
                continue
            if sides is None:
                sides = Sides(lang_a or "source", lang_b or "target")
            if "fuzzy" in e.get("flags", ()):
                continue
            target = msgstr.get(0, "")
            if not e["msgid"].strip() or not target.strip():
                continue
            seg_id = e["msgctxt"] if e.get("msgctxt") else str(e["line"])
            yield seg_id, sides.make(path, e["msgid"], target)


# --------------------------------------------------------------------------- XML: XLIFF, TMX
