"""Regenerate ``factcheck/data/cldr_currencies.json`` from babel's CLDR data.

For the CLDR locale of every locale file (``[locale] cldr``), the currency names (display
names, plural forms, spaceless Hangul spellings) and ISO codes that
:func:`factcheck.cldr.currency_vocabulary_from_babel` reads, so that a run never imports
babel. ``tests/test_generated_data.py`` regenerates the data in memory and fails when the
file has drifted (after a babel upgrade: run this script).

Usage: ``python scripts/gen_cldr.py`` (writes the file) or ``--check`` (exit 1 on drift).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "cldr_currencies.json"


def cldr_locales() -> list[str]:
    from factcheck.locale import _read_toml, available_locales

    return sorted({_read_toml(code)["locale"].get("cldr", code) for code in available_locales()})


def build() -> dict:
    from factcheck.cldr import currency_vocabulary_from_babel

    out = {}
    for loc in cldr_locales():
        names, codes = currency_vocabulary_from_babel(loc)
        out[loc] = {"codes": list(codes), "names": names}
    return {"locales": out}


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _generated import write_or_check

    return write_or_check(PATH, render(build()), "scripts/gen_cldr.py", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
