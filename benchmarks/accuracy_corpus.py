#!/usr/bin/env python3
"""Extraction accuracy by category, on the corpora we tuned on and on the held-out ones.

- ``tests/corpus/``: the corpora written with each category, before and while it was built
  (the suite requires every row to pass).
- ``benchmarks/corpus_heldout/``: corpora written apart by someone who did not see the rules
  and which nobody tunes on (a rule is never changed to pass one of their rows; a failing row is
  a category to cover, or an expectation to question in its README).

For each category and language: positive forms found with the right value, negatives that
stay silent, and name groups (same/different keys), as passed / total.

    .venv/bin/python benchmarks/accuracy_corpus.py                 # both tables
    .venv/bin/python benchmarks/accuracy_corpus.py --show date_weeks 10
    .venv/bin/python benchmarks/accuracy_corpus.py --write         # also docs/accuracy-corpus.md
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from collections import defaultdict

ROOT = pathlib.Path(__file__).resolve().parent.parent
TUNED = ROOT / "tests" / "corpus"
HELDOUT = ROOT / "benchmarks" / "corpus_heldout"
DOC = ROOT / "docs" / "accuracy-corpus.md"

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from corpus_check import Row, check, load  # noqa: E402


def measure(folder: pathlib.Path) -> tuple[dict[tuple[str, str], dict[str, list[int]]], list[tuple[Row, str]]]:
    """{(category, lang): {what: [passed, total]}} and the failures."""
    table: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    failures: list[tuple[Row, str]] = []
    for row in load(folder):
        what = "groups" if row.what in ("same", "different") else row.what
        cell = table[(row.category, row.lang)][what]
        problem = check(row)
        cell[1] += 1
        if problem is None:
            cell[0] += 1
        else:
            failures.append((row, problem))
    return table, failures


def _cell(c: list[int] | None) -> str:
    if not c or not c[1]:
        return "–"
    return f"{c[0]}/{c[1]} ({100 * c[0] / c[1]:.0f}%)"


def render(title: str, table: dict[tuple[str, str], dict[str, list[int]]]) -> list[str]:
    lines = [f"### {title}", "", "| category | lang | positives | negatives | name groups |", "|---|---|---:|---:|---:|"]
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (cat, lang) in sorted(table):
        row = table[(cat, lang)]
        for what, (a, b) in row.items():
            totals[what][0] += a
            totals[what][1] += b
        lines.append(f"| {cat} | {lang} | {_cell(row.get('positive'))} | {_cell(row.get('negative'))} | "
                     f"{_cell(row.get('groups'))} |")
    lines.append(f"| **all** | | {_cell(totals.get('positive'))} | {_cell(totals.get('negative'))} | "
                 f"{_cell(totals.get('groups'))} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Extraction accuracy by category (tuned and held-out corpora).")
    ap.add_argument("--show", nargs=2, metavar=("CATEGORY", "N"), help="print N failures of a category")
    ap.add_argument("--write", action="store_true", help=f"also write {DOC.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    out = ["# Extraction accuracy by category", "",
           "Written by `benchmarks/accuracy_corpus.py`. *Tuned*: the corpora of `tests/corpus/`, written",
           "with each category (the suite requires all of them). *Held out*: `benchmarks/corpus_heldout/`,",
           "written apart by someone who did not see the rules; nobody tunes on it.", ""]
    for title, folder in (("Tuned on (tests/corpus)", TUNED), ("Held out (benchmarks/corpus_heldout)", HELDOUT)):
        if not folder.exists():
            continue
        table, failures = measure(folder)
        out += render(title, table) + [""]
        if args.show:
            cat, n = args.show[0], int(args.show[1])
            shown = [(r, p) for r, p in failures if r.category == cat][:n]
            for r, p in shown:
                print(f"[{folder.name}] {r.lang} {r.what}: {p}")
    print("\n".join(out))
    if args.write:
        DOC.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
