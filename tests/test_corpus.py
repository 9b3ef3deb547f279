"""Data-driven corpus tests: tests/corpus/<kind>/<lang>.toml (see tests/corpus/README.md)."""

from __future__ import annotations

import pathlib
import tomllib
from typing import Any

import pytest

import factcheck

CORPUS = pathlib.Path(__file__).parent / "corpus"
DEFAULT_REFERENCE = "2023-07-20"


def _load() -> tuple[list[Any], list[Any]]:
    positives, negatives = [], []
    for path in sorted(CORPUS.glob("*/*.toml")):
        lang = path.stem
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        # a file may name its kind (tests/corpus/date_partial/ holds date claims) and set its
        # reference date; reference_date = "" means unknown
        kind = data.get("kind", path.parent.name)
        folder = path.parent.name
        ref = data.get("reference_date", DEFAULT_REFERENCE) or None
        for i, case in enumerate(data.get("case", [])):
            checks = {"role": case.get("role"), "null": case.get("null", data.get("null", []))}
            for form in case["forms"]:
                text, span = (form, form) if isinstance(form, str) else (form["text"], form.get("span", form["text"]))
                form_checks = dict(checks, role=form.get("role", checks["role"])) if isinstance(form, dict) else checks
                positives.append(pytest.param(kind, lang, ref, text, span, case["value"], form_checks,
                                              id=f"{folder}-{lang}-{i}-{text[:30]}"))
        for text in data.get("negatives", {}).get("texts", []):
            negatives.append(pytest.param(kind, lang, ref, text, id=f"{folder}-{lang}-neg-{text[:30]}"))
    return positives, negatives


POSITIVES, NEGATIVES = _load()


def test_corpus_is_not_empty() -> None:
    assert len(POSITIVES) >= 300 and len(NEGATIVES) >= 60


def _pick(d: dict[str, Any], wanted: dict[str, Any]) -> dict[str, Any]:
    """The keys of ``d`` that ``wanted`` names (recursively for nested tables)."""
    out: dict[str, Any] = {}
    for k, v in wanted.items():
        got = d.get(k, False if isinstance(v, bool) else None)
        out[k] = _pick(got, v) if isinstance(v, dict) and isinstance(got, dict) else got
    return out


@pytest.mark.parametrize(("kind", "lang", "ref", "text", "span", "value", "checks"), POSITIVES)
def test_positive(kind: str, lang: str, ref: str | None, text: str, span: str, value: dict[str, Any],
                  checks: dict[str, Any]) -> None:
    claims = factcheck.extract(text, lang=lang, reference_date=ref)
    got = [c for c in claims if c.text == span]
    assert got, f"no claim with span {span!r} in {text!r}; found {[(c.kind, c.text) for c in claims]}"
    claim = got[0]
    assert claim.kind == kind, f"{span!r} is a {claim.kind}, expected {kind}"
    assert text[claim.start:claim.end] == claim.text
    d = claim.value.to_dict()
    # an absent flag is false: `currency_assumed = false` checks that the code was written out
    got_value = _pick(d, value)
    assert got_value == value, f"{span!r}: {d}"
    # optional: `role = "statement"` (or "" for none) and `null = ["start", "end"]`
    if checks["role"] is not None:
        assert (claim.role or "") == checks["role"], f"{span!r}: role {claim.role!r}"
    for key in checks["null"]:
        assert d.get(key) is None, f"{span!r}: {key} must be null, got {d}"


@pytest.mark.parametrize(("kind", "lang", "ref", "text"), NEGATIVES)
def test_negative(kind: str, lang: str, ref: str | None, text: str) -> None:
    claims = factcheck.extract(text, lang=lang, reference_date=ref)
    bad = [(c.text, c.value.to_dict()) for c in claims if c.kind == kind]
    assert not bad, f"{text!r} must give no {kind} claim, got {bad}"
