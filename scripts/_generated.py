"""What the generators in scripts/ share: write a generated data file, or check it is current."""

from __future__ import annotations

import pathlib


def write_or_check(path: pathlib.Path, text: str, script: str, argv: list[str]) -> int:
    """Write ``text`` to ``path``; with ``--check`` only compare and say whether it is current."""
    if "--check" in argv:
        same = path.read_text(encoding="utf-8") == text
        print(f"{path}: {'up to date' if same else f'out of date: run {script}'}")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0
