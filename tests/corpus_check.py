"""Reading and checking corpus files (the format of tests/corpus/README.md).

Shared by tests/test_corpus.py (the corpora we build with: every row must pass) and
benchmarks/accuracy_corpus.py (those and the held-out corpora of benchmarks/corpus_heldout/,
which nobody tunes on: a share of rows passing, per category).
"""

from __future__ import annotations

import pathlib
import tomllib
from decimal import Decimal
from fractions import Fraction
from dataclasses import dataclass, field
from typing import Any

import factcheck

DEFAULT_REFERENCE = "2023-07-20"


@dataclass(frozen=True)
class Row:
    """One check: ``what`` is positive, negative, same or different."""

    what: str
    category: str
    lang: str
    kind: str
    ref: str | None
    text: str = ""
    span: str = ""
    value: dict[str, Any] = field(default_factory=dict)
    role: str | None = None
    null: tuple[str, ...] = ()
    forms: tuple[tuple[str, str, str], ...] = ()  # (lang, text, span) of a same/different group

    @property
    def id(self) -> str:
        head = self.text or " | ".join(f[2] for f in self.forms)
        return f"{self.category}-{self.lang}-{self.what}-{head[:30]}"


def _form(form: Any) -> tuple[str, str]:
    if isinstance(form, str):
        return form, form
    return form["text"], form.get("span", form["text"])


def load(folder: pathlib.Path) -> list[Row]:
    """Every row of every ``<category>/<lang>.toml`` under ``folder``."""
    rows: list[Row] = []
    for path in sorted(folder.glob("*/*.toml")):
        lang = path.stem
        category = path.parent.name
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        kind = data.get("kind", category)
        ref = data.get("reference_date", DEFAULT_REFERENCE) or None
        file_null = tuple(data.get("null", []))
        for case in data.get("case", []):
            for form in case["forms"]:
                text, span = _form(form)
                role = form.get("role", case.get("role")) if isinstance(form, dict) else case.get("role")
                rows.append(Row("positive", category, lang, case.get("kind", kind), ref, text, span,
                                dict(case.get("value", {})), role, tuple(case.get("null", file_null))))
        negatives = data.get("negatives", {})
        for text in negatives.get("texts", []):
            rows.append(Row("negative", category, lang, kind, ref, text))
        for other_kind, texts in negatives.get("by_kind", {}).items():
            for text in texts:
                rows.append(Row("negative", category, lang, other_kind, ref, text))
        for what in ("same", "different"):
            for group in data.get(what, []):
                forms = tuple((f.get("lang", lang), f["text"], f.get("span", f["text"])) for f in group["forms"])
                rows.append(Row(what, category, lang, group.get("kind", kind), ref, forms=forms))
    return rows


def _pick(d: dict[str, Any], wanted: dict[str, Any]) -> dict[str, Any]:
    """The keys of ``d`` that ``wanted`` names (recursively for nested tables); an absent flag
    is false."""
    out: dict[str, Any] = {}
    for k, v in wanted.items():
        got = d.get(k, False if isinstance(v, bool) else None)
        out[k] = _pick(got, v) if isinstance(v, dict) and isinstance(got, dict) else got
    return out


def _with_derived(d: dict[str, Any]) -> dict[str, Any]:
    """The value with the derived keys a corpus row may check: ``start_date``/``end_date``
    (the date part of start/end), ``start_time`` (HH:MM of start), ``currency_open`` (no
    currency settled: none, or only assumed, as a bare ``$`` is) and ``fraction`` (the value
    as a fraction in lowest terms, ``"1/3"``, when it is one with a small denominator)."""
    out = dict(d)
    for key in ("start", "end"):
        v = d.get(key)
        if isinstance(v, str):
            out[f"{key}_date"] = v[:10]
            if len(v) >= 16 and v[10] == "T":
                out[f"{key}_time"] = v[11:16]
    if "amount" in d:
        out.setdefault("currency_open", d.get("currency") is None or bool(d.get("currency_open"))
                       or bool(d.get("currency_assumed")))
    if "fraction" not in d and isinstance(d.get("value"), str):
        try:
            exact = Fraction(Decimal(d["value"]))
        except (ArithmeticError, ValueError):
            exact = None
        if exact is not None:
            near = exact.limit_denominator(1000)
            if abs(exact - near) < Fraction(1, 10**12):
                out["fraction"] = f"{near.numerator}/{near.denominator}"
    return out


def _claim_at(row_lang: str, ref: str | None, text: str, span: str) -> tuple[Any, list[Any]]:
    claims = factcheck.extract(text, lang=row_lang, reference_date=ref)
    got = [c for c in claims if c.text == span]
    return (got[0] if got else None), claims


def check(row: Row) -> str | None:
    """None when the row holds, else a one-line reason."""
    if row.what == "positive":
        claim, claims = _claim_at(row.lang, row.ref, row.text, row.span)
        if claim is None:
            return f"no claim with span {row.span!r} in {row.text!r}; found {[(c.kind, c.text) for c in claims]}"
        if claim.kind != row.kind:
            return f"{row.span!r} is a {claim.kind}, expected {row.kind}"
        if row.text[claim.start:claim.end] != claim.text:
            return f"{row.span!r}: offsets do not slice the text"
        d = _with_derived(claim.value.to_dict())
        if _pick(d, row.value) != row.value:
            return f"{row.span!r}: {claim.value.to_dict()} (expected {row.value})"
        if row.role is not None and (claim.role or "") != row.role:
            return f"{row.span!r}: role {claim.role!r}, expected {row.role!r}"
        for key in row.null:
            if d.get(key) is not None:
                return f"{row.span!r}: {key} must be null, got {d}"
        return None
    if row.what == "negative":
        claims = factcheck.extract(row.text, lang=row.lang, reference_date=row.ref)
        bad = [(c.text, c.value.to_dict()) for c in claims if c.kind == row.kind]
        return f"{row.text!r} must give no {row.kind} claim, got {bad}" if bad else None
    keys = []
    for lang, text, span in row.forms:
        claim, claims = _claim_at(lang, row.ref, text, span)
        if claim is None or claim.kind != row.kind:
            return f"no {row.kind} claim {span!r} in {text!r}; found {[(c.kind, c.text) for c in claims]}"
        keys.append(claim.value.to_dict().get("key"))
    if row.what == "same" and len(set(keys)) != 1:
        return f"keys differ: {list(zip([f[2] for f in row.forms], keys, strict=True))}"
    if row.what == "different" and len(set(keys)) != len(keys):
        return f"keys are equal: {list(zip([f[2] for f in row.forms], keys, strict=True))}"
    return None
