#!/usr/bin/env python3
"""Write factcheck/data/letters.json: the name letters of every script, by Unicode range, as
:func:`factcheck.naming.scripts.build_letter_table` finds them in this Python's Unicode
database (read at run time when the versions agree, instead of a pass over the database).

    .venv/bin/python scripts/gen_letters.py            # regenerate
    .venv/bin/python scripts/gen_letters.py --check    # exit 1 when the file differs
"""

from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PATH = ROOT / "factcheck" / "data" / "letters.json"
sys.path.insert(0, str(ROOT))

from factcheck.naming.scripts import letter_table_json  # noqa: E402


def main(argv: list[str]) -> int:
    text = letter_table_json()
    if "--check" in argv:
        same = PATH.exists() and PATH.read_text(encoding="utf-8") == text
        print(f"{PATH.relative_to(ROOT)}: {'up to date' if same else 'differs: run scripts/gen_letters.py'}")
        return 0 if same else 1
    PATH.write_text(text, encoding="utf-8")
    print(f"wrote {PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
