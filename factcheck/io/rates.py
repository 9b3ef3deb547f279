"""Reading exchange rates: a rates file (CSV or TOML) or a mapping, into :class:`Rates`."""

from __future__ import annotations

import csv
import io
import os
import pathlib
import re
import tomllib
from collections.abc import Mapping
from typing import Any

from factcheck.compare.rates import Rates, rates_from_mapping
from factcheck.errors import InputError

__all__ = ["load_rates", "as_rates"]


def load_rates(path: str | os.PathLike[str]) -> Rates:
    """Read a rates file: CSV lines ``USD,KRW,1300`` (``#`` comments, an optional header) or
    TOML (``"USD/KRW" = 1300``, or a table ``[USD]`` with ``KRW = 1300``; ``tolerance = 0.05``)."""
    p = pathlib.Path(path)
    where = str(p)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such rates file", reason="missing", path=where) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the rates file: {exc}", reason="bad-rates", path=where) from None
    try:
        if p.suffix.lower() == ".toml":
            try:
                return rates_from_mapping(tomllib.loads(text), where)
            except tomllib.TOMLDecodeError as exc:
                raise InputError(f"not valid TOML: {exc}", reason="bad-rates", path=where) from None
        table: dict[tuple[str, str], Any] = {}
        header_seen = False
        dialect = "excel-tab" if p.suffix.lower() == ".tsv" else "excel"
        for n, row in enumerate(csv.reader(io.StringIO(text), dialect=dialect), 1):
            cells = [c.strip() for c in row]
            if not cells or not any(cells) or cells[0].startswith("#"):
                continue
            if len(cells) < 3:
                raise InputError(f"line {n}: expected FROM,TO,RATE", reason="bad-rates", path=where)
            if not table and not header_seen and not re.fullmatch(r"[A-Za-z]{3}", cells[0]):
                header_seen = True
                continue  # a header row
            table[(cells[0], cells[1])] = cells[2]
        if not table:
            raise InputError("no rates in the file (lines FROM,TO,RATE such as USD,KRW,1300)", reason="bad-rates",
                             path=where)
        return rates_from_mapping(table, f"{where}")
    except InputError as exc:
        if exc.path is None:
            raise InputError(exc.message.removeprefix(f"{where}: "), reason=exc.reason, path=where) from None
        raise


def as_rates(rates: Any) -> Rates | None:
    """None, a :class:`Rates`, a mapping (``{("USD", "KRW"): 1300}`` or ``{"USD/KRW": 1300}``)
    or the path of a rates file."""
    if rates is None or isinstance(rates, Rates):
        return rates
    if isinstance(rates, (str, os.PathLike)):
        return load_rates(rates)
    if isinstance(rates, Mapping):
        return rates_from_mapping(rates, "rates")
    raise InputError(f"rates must be a mapping or a file path, not {type(rates).__name__}", reason="bad-rates")
