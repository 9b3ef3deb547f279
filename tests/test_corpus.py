"""Data-driven corpus tests: tests/corpus/<kind>/<lang>.toml (see tests/corpus/README.md).

Every row must hold. The held-out corpora of benchmarks/corpus_heldout/ (written apart, never
tuned on) are measured by benchmarks/accuracy_corpus.py instead."""

from __future__ import annotations

import pathlib

import pytest
from corpus_check import Row, check, load

CORPUS = pathlib.Path(__file__).parent / "corpus"
ROWS = load(CORPUS)
POSITIVES = [pytest.param(r, id=r.id) for r in ROWS if r.what == "positive"]
NEGATIVES = [pytest.param(r, id=r.id) for r in ROWS if r.what == "negative"]
GROUPS = [pytest.param(r, id=r.id) for r in ROWS if r.what in ("same", "different")]


def test_corpus_is_not_empty() -> None:
    assert len(POSITIVES) >= 300 and len(NEGATIVES) >= 60


@pytest.mark.parametrize("row", POSITIVES)
def test_positive(row: Row) -> None:
    problem = check(row)
    assert problem is None, problem


@pytest.mark.parametrize("row", NEGATIVES)
def test_negative(row: Row) -> None:
    problem = check(row)
    assert problem is None, problem


@pytest.mark.parametrize("row", GROUPS)
def test_name_groups(row: Row) -> None:
    problem = check(row)
    assert problem is None, problem
