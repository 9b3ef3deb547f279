"""What the generators in scripts/ share: write a generated data file, or check that it is current.

Every generated file records its generator's inputs under ``"generator"`` (library versions,
hashes of our own input files), so a reader can tell which library release built it and a
check can tell a changed library from a changed table.
"""

from __future__ import annotations

import json
import pathlib
from typing import Any, Callable


def describe(inputs: dict[str, str]) -> str:
    """``babel 2.18.0 (CLDR 47)``-style text for a generator-inputs record."""
    parts = []
    for key, value in inputs.items():
        if key in ("script",):
            continue
        parts.append(f"{key} {value}")
    return ", ".join(parts) or "unknown inputs"


def recorded_inputs(path: pathlib.Path) -> dict[str, str]:
    """The generator inputs a generated file records (empty when it records none)."""
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")).get("generator", {}))
    except (OSError, ValueError):
        return {}


def _without_generator(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "generator"}


def _count_differences(old: Any, new: Any) -> int:
    if isinstance(old, dict) and isinstance(new, dict):
        return sum(_count_differences(old.get(k), new.get(k)) for k in set(old) | set(new))
    if isinstance(old, list) and isinstance(new, list):
        return len(set(map(json.dumps, old)) ^ set(map(json.dumps, new)))
    return 0 if old == new else 1


def write_or_check(path: pathlib.Path, data: dict[str, Any], render: Callable[[dict[str, Any]], str],
                   script: str, argv: list[str]) -> int:
    """Write ``render(data)`` to ``path``; with ``--check`` only compare, say in one line whether
    the file is current, and return 1 when the installed libraries build a different table."""
    rel = path.relative_to(path.parents[2]) if len(path.parents) > 2 else path
    if "--check" in argv:
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"{rel}: unreadable ({exc}): run python {script}")
            return 1
        was, now = old.get("generator", {}), data.get("generator", {})
        if _without_generator(old) != _without_generator(data):
            n = _count_differences(_without_generator(old), _without_generator(data))
            print(f"{rel}: out of date: generated with {describe(was)}, but the installed "
                  f"{describe(now)} builds a different table ({n} entries differ): run python {script}")
            return 1
        if path.read_text(encoding="utf-8") != render({**data, "generator": was}):
            print(f"{rel}: same table, but not in the generator's layout (edited by hand?): run python {script}")
            return 1
        if was != now:
            print(f"{rel}: up to date (same table; generated with {describe(was)}, installed {describe(now)})")
            return 0
        print(f"{rel}: up to date ({describe(now)})")
        return 0
    path.write_text(render(data), encoding="utf-8")
    print(f"wrote {rel} ({describe(data.get('generator', {}))})")
    return 0
