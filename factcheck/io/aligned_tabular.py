"""Reading aligned CSV, TSV and JSONL files: one segment pair per row or line, the language
columns (or keys) chosen among those the file has."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from factcheck.io.aligned_common import ID_COLUMNS, Segment, Sides, decode_guard, err, open_text, pick

__all__ = ["read_csv", "read_jsonl"]


def read_csv(path: str, fmt: str, lang_a: str | None, lang_b: str | None) -> Iterator[Segment]:
    delimiter = "\t" if fmt == "tsv" else ","
    with open_text(path, newline="") as fh:
        reader = csv.reader(decode_guard(path, fh), delimiter=delimiter, strict=True)
        try:
            header = next(reader, None)
            while header is not None and not any(h.strip() for h in header):
                header = next(reader, None)
        except csv.Error as exc:
            raise err(path, f"malformed header: {exc}", reader.line_num) from None
        if header is None:
            raise err(path, "empty file: expected a header row naming two language columns", reason="empty")
        names = [h.strip() for h in header]
        id_col = next((i for i, h in enumerate(names) if h.lower() in ID_COLUMNS), None)
        candidates = [h for i, h in enumerate(names) if i != id_col and h]
        col_a, col_b = pick(path, candidates, lang_a, lang_b, "columns", reader.line_num)
        ia, ib = names.index(col_a), names.index(col_b)
        sides = Sides(col_a, col_b, lang_a, lang_b)
        width = len(names)
        last = reader.line_num
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise err(path, f"malformed {fmt.upper()}: {exc}", reader.line_num) from None
            first_line, last = last + 1, reader.line_num
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) != width:
                raise err(path, f"expected {width} fields as in the header, found {len(row)}", first_line)
            a, b = row[ia], row[ib]
            if not a.strip() or not b.strip():
                continue
            seg_id = row[id_col].strip() if id_col is not None and row[id_col].strip() else str(first_line)
            yield seg_id, sides.make(path, a, b)


# --------------------------------------------------------------------------- JSONL

def read_jsonl(path: str, fmt: str, lang_a: str | None, lang_b: str | None) -> Iterator[Segment]:
    keys: tuple[str, str] | None = None
    sides: Sides | None = None
    with open_text(path) as fh:
        for n, line in enumerate(decode_guard(path, fh), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise err(path, f"not JSON: {exc.msg} (column {exc.colno})", n) from None
            if not isinstance(obj, dict):
                raise err(path, f"expected a JSON object, found {type(obj).__name__}", n)
            if keys is None:
                names = [k for k, v in obj.items() if k.lower() not in ID_COLUMNS and isinstance(v, str)]
                keys = pick(path, names, lang_a, lang_b, "keys", n)
                sides = Sides(keys[0], keys[1], lang_a, lang_b)
            a, b = obj.get(keys[0]), obj.get(keys[1])
            for k, v in ((keys[0], a), (keys[1], b)):
                if v is not None and not isinstance(v, str):
                    raise err(path, f"{k!r} is {type(v).__name__}, expected a string", n)
            if not a or not b or not a.strip() or not b.strip():
                continue
            raw_id = next((obj[k] for k in obj if k.lower() in ID_COLUMNS), None)
            seg_id = str(raw_id) if raw_id not in (None, "") else str(n)
            assert sides is not None
            yield seg_id, sides.make(path, a, b)


# --------------------------------------------------------------------------- PO
