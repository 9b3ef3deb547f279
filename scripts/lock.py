#!/usr/bin/env python3
"""Regenerate ``constraints/test.txt``, the lock file of the test and docs environment.

The README's test command and ``.ci/run`` install with ``pip install -c constraints/test.txt``,
so a clean checkout gets exactly these versions and an upstream release cannot break it.
``pyproject.toml`` keeps ranges (a library must not pin its users); this file pins everything
the project's own environments pull in: every optional extra (tests, docs, formats, benchmarks)
and all their dependencies.

How it works: a fresh virtual environment in a temporary folder, ``pip install '.[extras]'``
from the package index, then ``pip freeze``. The generators' inputs stay at the versions the
generated data files record (babel for ``factcheck/data/cldr_currencies.json`` and
``places_cldr.json``, pint for
``factcheck/data/units_table.json``), so the lock and the data agree by construction. To move
to a newer babel or pint, pass ``--upgrade-generators``, then run ``make check-data``: it fails
if the new release changes the data, and ``python scripts/gen_cldr.py``,
``python scripts/gen_places.py`` and ``python scripts/gen_units.py`` regenerate it (review the diff, run the suite, commit all three).

    python3 scripts/lock.py                        # refresh the lock (about a minute)
    python3 scripts/lock.py --upgrade-generators   # also let babel and pint move
    python3 scripts/lock.py --check                # exit 1 if the lock misses a package
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import pathlib
import subprocess
import sys
import tempfile
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
LOCK = ROOT / "constraints" / "test.txt"
DATA = ROOT / "factcheck" / "data"
#: packages never written to the lock: the installer itself and the project
_SKIP = {"pip", "setuptools", "wheel", "factcheck"}


def extras() -> list[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return sorted(data["project"].get("optional-dependencies", {}))


def generator_pins() -> list[str]:
    """``babel==X`` and ``pint==Y`` as recorded in the generated data files."""
    pins = []
    for name, key in (("cldr_currencies.json", "babel"), ("units_table.json", "pint")):
        recorded = json.loads((DATA / name).read_text(encoding="utf-8")).get("generator", {}).get(key)
        if recorded:
            pins.append(f"{key}=={recorded}")
    return pins


def _freeze(upgrade_generators: bool) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="factcheck-lock-") as tmp:
        venv = pathlib.Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip"]
        pins = [] if upgrade_generators else generator_pins()
        spec = f"{ROOT}[{','.join(extras())}]"
        print(f"installing {spec} {' '.join(pins)} in a fresh environment ...", file=sys.stderr)
        subprocess.run(pip + ["install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run(pip + ["install", "-q", spec, *pins], check=True)
        out = subprocess.run(pip + ["freeze", "--all"], check=True, capture_output=True, text=True).stdout
    lines = []
    for line in out.splitlines():
        name = line.split("==")[0].strip().lower()
        if "==" in line and name not in _SKIP:
            lines.append(line.strip())
    return sorted(lines, key=str.lower)


def render(pins: list[str]) -> str:
    py = f"{sys.version_info.major}.{sys.version_info.minor}"
    head = [
        "# The lock file of factcheck's test and docs environments: exact versions of every",
        "# package that `pip install -e '.[<any extra>]'` pulls in. Used as a constraints file:",
        "#     pip install -c constraints/test.txt -e '.[test]'",
        f"# Regenerate with `python3 scripts/lock.py` (or `make lock`); made with Python {py} on",
        f"# {_dt.date.today().isoformat()}. pyproject.toml keeps the ranges users install from.",
    ]
    return "\n".join(head + pins) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Regenerate constraints/test.txt (the lock file).")
    ap.add_argument("--upgrade-generators", action="store_true",
                    help="let babel and pint move past the versions the generated data records")
    ap.add_argument("--check", action="store_true",
                    help="only check that every requirement of every extra is pinned in the lock")
    args = ap.parse_args(argv)
    if args.check:
        return _check()
    pins = _freeze(args.upgrade_generators)
    LOCK.parent.mkdir(exist_ok=True)
    LOCK.write_text(render(pins), encoding="utf-8")
    print(f"wrote {LOCK.relative_to(ROOT)} ({len(pins)} packages)")
    return 0


def _check() -> int:
    """Every direct requirement (dependencies and extras) has an exact pin in the lock."""
    import re

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(data.get("dependencies", []))
    for reqs in data.get("optional-dependencies", {}).values():
        wanted.extend(reqs)
    pinned = set()
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            pinned.add(re.sub(r"[-_.]+", "-", line.split("==")[0].strip().lower()))
    missing = []
    for req in wanted:
        name = re.sub(r"[-_.]+", "-", re.split(r"[\s<>=!~;\[]", req, maxsplit=1)[0].lower())
        if name != "factcheck" and name not in pinned:
            missing.append(name)
    if missing:
        print(f"{LOCK.relative_to(ROOT)} pins no version of {', '.join(sorted(set(missing)))}: run scripts/lock.py")
        return 1
    print(f"{LOCK.relative_to(ROOT)}: every requirement is pinned")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
