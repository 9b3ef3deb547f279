"""Regenerate ``factcheck/data/units_table.json`` from pint and ``factcheck/data/units.txt``.

The table lets factcheck name a unit and bring a magnitude to base units without importing
pint (about 0.1 s of a cold start): for every unit name, symbol and alias pint reads in
units.txt, its pint name, and for every multiplicative unit its factor to the base units and
the base units' name, exactly as pint computes them. Offset units (temperatures) and anything
not in the table still go through pint. The file records its inputs (``"generator"``: the pint
version and the SHA-256 of units.txt). ``tests/test_generated_data.py`` rebuilds the table in
memory and fails on drift when the installed pint is the recorded one (and always when
units.txt changed); with another pint it skips, naming both versions. ``--check`` (and
``make check-data``) always compares.

Usage: ``python scripts/gen_units.py`` (writes the file) or ``--check`` (exit 1 on drift).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "units_table.json"


UNITS_TXT = PATH.parent / "units.txt"


def inputs() -> dict[str, str]:
    """The generator's inputs: the installed pint and the hash of our definitions file."""
    import hashlib

    import pint

    digest = hashlib.sha256(UNITS_TXT.read_bytes()).hexdigest()
    return {"pint": pint.__version__, "units.txt sha256": digest, "script": "scripts/gen_units.py"}


def build() -> dict:
    from factcheck.locale.units import unit_registry

    ureg = unit_registry()
    names = {}
    base = {}
    for key in sorted(ureg._units):
        try:
            unit = ureg.Unit(key)
        except Exception:  # a name pint defines but does not parse alone ("degreeC")
            continue
        name = str(unit)
        names[key] = name
        if name in base or name not in ureg._units or not ureg._units[name].is_multiplicative:
            continue
        factor, root = ureg._get_root_units(unit._units)
        base[name] = [str(factor), str(ureg.Unit(root))]
    return {"generator": inputs(), "names": names, "base": dict(sorted(base.items()))}


def render(table: dict) -> str:
    return json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _generated import write_or_check

    return write_or_check(PATH, build(), render, "scripts/gen_units.py", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
