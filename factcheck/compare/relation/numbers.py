"""Figures against figures: a value as an interval with the precision it is written at, and
whether two of them are equal, a rounding or an approximation of one another, overlapping
ranges, or different; percents against percentage points; a plain number against a measured
one whose unit it leaves out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from factcheck.compare import messages
from factcheck.compare.relation.base import EQUAL, UNRELATED, Relation
from factcheck.values import Money, Number, Percent, Quantity

__all__ = ["Measured", "Num", "is_decimal_written", "num", "num_relation", "percent_relation", "quantum",
           "text_figure", "unit_omitted_relation",
           "written_quantum"]

#: a value measured in figures
Measured = Money | Number | Percent | Quantity

#: relative tolerance of an approximate value ("about 16 million") against an exact one
APPROX_TOLERANCE = Decimal("0.10")
#: relative tolerance of a rounded value against the exact one ("15.7 million" / 1,567만)
ROUND_TOLERANCE = Decimal("0.05")

_DECIMAL_WRITTEN = re.compile(r"\d[.·]\d")
# (?<!\d): a search never restarts inside a run of digits (quadratic on 20,000 digits)
_WRITTEN_DECIMAL = re.compile(r"(?<!\d)(\d+(?:,\d{3})*)[.·](\d+)")
_FIGURE = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True, slots=True)
class Num:
    """A numeric value as an interval: ``lo``/``hi`` None are unbounded. ``q`` is the place of
    the last digit written (1E+5 for "15.7 million", 0.1 for "16.0")."""

    lo: Decimal | None
    hi: Decimal | None
    approx: bool
    decimal: bool  # written with a decimal fraction ("15.7 million", "1.5억")
    text: str
    q: Decimal | None = None
    two: bool = False  # written as two figures, even equal ones ("30 to 30", a score "3-3")

    @property
    def point(self) -> Decimal | None:
        return self.lo if self.lo is not None and self.lo == self.hi and not self.two else None

    @property
    def quantum(self) -> Decimal:
        if self.q is not None:
            return self.q
        if self.point is not None:
            return quantum(self.point)
        return quantum(self.lo if self.lo is not None else self.hi or Decimal(1))

    def at(self, edge: Decimal) -> Num:
        """One end of this value as a figure of its own, written as this one is."""
        return Num(edge, edge, self.approx, self.decimal, self.text, self.q)


def is_decimal_written(text: str) -> bool:
    """Whether a text writes a figure with a decimal fraction ("15.7 million", "1.5억")."""
    return bool(_DECIMAL_WRITTEN.search(text or ""))


def written_quantum(value: Decimal, text: str) -> Decimal | None:
    """The place of the last digit of a figure written with a decimal fraction: "15.7 million"
    is 15,700,000 to the nearest 100,000, "16.0" is 16 to the nearest 0.1. None when the text
    shows no decimal fraction or does not give the value directly."""
    m = _WRITTEN_DECIMAL.search(text or "")
    if m is None or value == 0:
        return None
    try:
        mantissa = Decimal(m.group(1).replace(",", "") + "." + m.group(2))
    except InvalidOperation:
        return None
    if mantissa == 0:
        return None
    scale = abs(value) / mantissa
    if scale != scale.to_integral_value() or scale.normalize().as_tuple().digits != (1,):
        return None  # not mantissa x a power of ten: the decimal is some other figure
    return scale * Decimal(1).scaleb(-len(m.group(2)))


def num(v: Measured, text: str, scale: Decimal = Decimal(1)) -> Num:
    """A measured value as written, its figures multiplied by ``scale`` (a rate)."""
    base = v.amount if isinstance(v, Money) else v.value
    lo, hi = v.low, v.high
    if lo is None and hi is None:
        lo = hi = base
    q = written_quantum(base, text)
    lo = lo * scale if lo is not None else None
    hi = hi * scale if hi is not None else None
    return Num(lo, hi, bool(v.approx), is_decimal_written(text), text or "", q * scale if q is not None else None,
               v.low is not None and v.high is not None)


def quantum(x: Decimal) -> Decimal:
    """The place of the last significant digit: 1.57E+7 -> 1E+5, 1200 -> 100, 3.5 -> 0.1."""
    if x == 0:
        return Decimal(1)
    exponent = x.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # a finite figure
    return Decimal(1).scaleb(exponent)


def _shape(x: Num) -> str:
    if x.lo is not None and x.hi is not None:
        return "point" if x.point is not None else "range"
    return "at-least" if x.lo is not None else "up-to"


def num_relation(x: Num, y: Num, *, converted: bool = False) -> Relation:
    """Compare two numeric values of one unit. ``converted``: the units or currencies were
    converted, so rounding is expected (no need for a written decimal)."""
    if x.lo == y.lo and x.hi == y.hi:
        return EQUAL
    px, py = x.point, y.point
    if px is not None and py is not None:
        return _points_relation(x, y, converted)
    sx, sy = _shape(x), _shape(y)
    if sx == sy:
        # two ranges or two bounds of one shape ("6-12" / "6~12", "at least 21" / "적어도 81명"):
        # equal only when every end agrees (each compared as a figure, so a rounding or an
        # approximation of an end is allowed)
        ends = [(a, b) for a, b in ((x.lo, y.lo), (x.hi, y.hi)) if a is not None and b is not None]
        rels = [num_relation(x.at(a), y.at(b), converted=converted) for a, b in ends]
        bad = [r for r in rels if not r.matches]
        if bad:
            if sx == "range":
                return Relation("different", "different-range",
                                messages.range_ends_differ([a != b for a, b in ends]))
            return bad[0]
        notes = sorted({r.note for r in rels if r.note})
        return Relation("compatible", next((r.reason for r in rels if r.outcome == "compatible"), "equal"),
                        "; ".join(notes))
    if "point" in (sx, sy):
        # a figure against a bound or a range: the same figure with a qualifier or the other
        # end left out ("at least 70" / 70명, "6 to 12 months" / 6개월) is compatible; a figure
        # strictly inside a range is uncertain; another figure differs ("at least 32" / 36명)
        other, point = (x, y) if sy == "point" else (y, x)
        p = point.point
        assert p is not None
        rel = EQUAL
        for edge, lower in ((other.lo, True), (other.hi, False)):
            if edge is None:
                continue
            rel = num_relation(other.at(edge), point, converted=converted)
            if rel.matches:
                if other.lo is not None and other.hi is not None:
                    return Relation("compatible", "range-edge", messages.range_edge(p, other.lo, other.hi, lower))
                return Relation("compatible", "bound", messages.BOUND_AND_FIGURE)
        if other.lo is not None and other.hi is not None:
            if other.lo < p < other.hi:
                return Relation("uncertain", "inside-range", messages.inside_range(p, other.lo, other.hi))
            return Relation("different", "outside-range", messages.outside_range(p, other.lo, other.hi))
        return rel
    # a range against a bound, or a lower bound against an upper bound: compatible when they
    # share the edge a bound states ("at least 6" / "6-12"); otherwise they differ
    for a, b in ((x.lo, y.lo), (x.hi, y.hi)):
        if a is not None and b is not None and num_relation(x.at(a), y.at(b), converted=converted).matches:
            return Relation("compatible", "bound", messages.BOUND_AND_RANGE)
    if {sx, sy} == {"at-least", "up-to"}:
        low, high = (x.lo, y.hi) if sx == "at-least" else (y.lo, x.hi)
        assert low is not None and high is not None
        if num_relation(Num(low, low, x.approx, x.decimal, x.text, x.q),
                        Num(high, high, y.approx, y.decimal, y.text, y.q), converted=converted).matches:
            # "6개월 이상" / "up to six months": one figure, opposite qualifiers
            return Relation("uncertain", "opposite-bounds", messages.OPPOSITE_BOUNDS)
    if x.approx or y.approx:
        lo = max((v for v in (x.lo, y.lo) if v is not None), default=None)
        hi = min((v for v in (x.hi, y.hi) if v is not None), default=None)
        span = max(abs(v) for v in (x.lo, x.hi, y.lo, y.hi) if v is not None)
        if lo is not None and hi is not None and lo > hi and span and (lo - hi) / span <= APPROX_TOLERANCE:
            return Relation("compatible", "approximate", messages.APPROXIMATE_BOUNDS)
    return Relation("different", "different-value", messages.BOUNDS_DIFFER)


def _points_relation(x: Num, y: Num, converted: bool) -> Relation:
    """Two single figures: the coarser of the two may be a rounding of the finer."""
    px, py = x.point, y.point
    assert px is not None and py is not None
    if px == 0 or py == 0:
        return Relation("different", "different-value")
    qx, qy = x.quantum, y.quantum
    coarse, fine = (x, y) if qx >= qy else (y, x)
    pc, pf = coarse.point, fine.point
    assert pc is not None and pf is not None
    q = max(qx, qy)
    diff = abs(pc - pf)
    rel = diff / max(abs(pc), abs(pf))
    if coarse.approx or fine.approx:
        if (diff * 2 <= q or converted) and rel <= APPROX_TOLERANCE:
            return Relation("compatible", "approximate", messages.approximate(coarse.text or messages.show_dec(pc)))
    if q > min(qx, qy) or converted:
        if (coarse.decimal or converted) and diff * 2 <= q and rel <= ROUND_TOLERANCE:
            return Relation("compatible", "rounded", messages.rounds_to(pf, pc))
    return Relation("different", "different-value")


def percent_relation(a: Percent, b: Percent, ta: str, tb: str) -> Relation:
    """Two percents: of one unit as figures; percent and percentage points never match."""
    if a.unit != b.unit:
        if num_relation(num(a, ta), num(b, tb)).matches:
            return Relation("different", "percent-vs-points", messages.PERCENT_VS_POINTS)
        return Relation("different", "different-value")
    return num_relation(num(a, ta), num(b, tb))


def text_figure(text: str) -> str:
    """The first figure written in a claim's text, digits only ("4센트" -> "4")."""
    m = _FIGURE.search(text or "")
    return re.sub(r"\D", "", m.group(0)) if m else ""


def unit_omitted_relation(a: Measured, b: Measured, ta: str, tb: str) -> Relation:
    """A plain number against a measured one: the same figure with its unit left out, or a
    figure in a unit the extractor did not read (12 mph / 19 km/h), which is uncertain."""
    plain, measured = (a, b) if isinstance(a, Number) else (b, a)
    if isinstance(plain, Number) and plain.counter and isinstance(measured, (Money, Percent)):
        return UNRELATED  # a count of things (1장, 3명) is not an amount or a share
    x, y = num(a, ta), num(b, tb)
    other = b.kind if isinstance(a, Number) else a.kind
    if num_relation(x, y).matches or (text_figure(ta) and text_figure(ta) == text_figure(tb)):
        return Relation("compatible", "unit-omitted", messages.unit_left_out(other))
    fa, fb = text_figure(ta), text_figure(tb)
    if other != "quantity" and len(fa) >= 2 and len(fa) == len(fb) and \
            sum(p != q for p, q in zip(fa, fb, strict=True)) == 1:
        # the same figure with one digit changed: a currency or a percent sign left out
        # (a quantity may stand in another unit system on the side that leaves it out:
        # "below 72" Fahrenheit / 22도)
        return Relation("different", "different-value", messages.unit_left_out(other))
    return Relation("uncertain", "unit-omitted", messages.unit_left_out_uncomparable(other))
