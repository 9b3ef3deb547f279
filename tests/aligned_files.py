"""Helpers of the tests of aligned files read by the CLI: a JSONL file of N made-up segment
pairs, and one ``factcheck check`` run with its exit code and output."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.cli import main


def write_aligned(path: Path, n: int, pair: Callable[[int], tuple[str, str]]) -> Path:
    """N segments ``s0``..``s{N-1}``, the Korean and English text of segment i from ``pair(i)``."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            ko, en = pair(i)
            fh.write(json.dumps({"id": f"s{i}", "ko": ko, "en": en}, ensure_ascii=False) + "\n")
    return path


def run_check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``factcheck check ARGS``: (exit code, standard output, standard error)."""
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err
