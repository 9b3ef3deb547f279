"""Look-alike figures: whether two different figures look like one figure written wrong (a
digit changed, two swapped, close values, the same digits at another scale) or like two
facts, and which facts may be compared at all."""

from __future__ import annotations

from decimal import Decimal

from factcheck.compare.facts import Fact
from factcheck.compare.relation.base import NAME_KINDS, NUMERIC_KINDS
from factcheck.compare.relation.numbers import Num, num
from factcheck.compare.relation.quantities import in_units_of, quantity_base
from factcheck.values import Money, Number, Percent, Quantity, dec_str

__all__ = ["has_lookalike", "may_compare", "plausible", "strongly_alike"]


def _digits(x: Decimal) -> str:
    return dec_str(abs(x)).replace(".", "").lstrip("0") or "0"


def _one_digit_apart(dx: str, dy: str) -> bool:
    """Digit strings of one length with one digit changed or the same digits in another order."""
    return sum(a != b for a, b in zip(dx, dy, strict=True)) <= 1 or sorted(dx) == sorted(dy)


def _figures_alike(x: Decimal, y: Decimal, magnitude: bool) -> bool:
    """Whether two different figures look like one figure written wrong: a digit changed or
    two swapped (1,153 / 1,553), close values (within half), or the same digits at another
    scale (3억 / 30 million; ``magnitude``)."""
    if x == y:
        return True
    if x == 0 or y == 0:
        return False
    dx, dy = _digits(x), _digits(y)
    if len(dx) == len(dy) and _one_digit_apart(dx, dy):
        return True
    big, small = max(abs(x), abs(y)), min(abs(x), abs(y))
    if big / small <= Decimal("1.5"):
        return True
    if magnitude and dx.rstrip("0") == dy.rstrip("0") and len(dx.rstrip("0")) >= 2:
        return True
    return False


def _ends(f: Fact, base: bool = True) -> list[Decimal]:
    """The figures a value states: one for a figure or a bound, two for a range; quantities in
    the base units of their dimension (``base``) or as written."""
    v = f.value
    n: Num | None = None
    if isinstance(v, Quantity) and base:
        based = quantity_base(v, f.text)
        n = based[1] if based is not None else None
    if n is None and isinstance(v, (Money, Number, Percent, Quantity)):
        n = num(v, f.text)
    if n is None:
        return []
    if n.point is not None:
        return [n.point]
    return [e for e in (n.lo, n.hi) if e is not None]


def strongly_alike(x: Fact, y: Fact) -> bool:
    """One figure written wrong, by its digits alone: the same unit, figures of two digits or
    more, one digit changed or two swapped (1,153 / 1,553)."""
    if x.kind not in NUMERIC_KINDS or y.kind not in NUMERIC_KINDS:
        return False
    if isinstance(x.value, Quantity) and isinstance(y.value, Quantity) and x.value.unit != y.value.unit:
        return False
    ex, ey = _ends(x, False), _ends(y, False)
    if not ex or len(ex) != len(ey):
        return False
    for p, q in zip(ex, ey, strict=True):
        dp, dq = _digits(p), _digits(q)
        if len(dp) < 2 or len(dq) != len(dp) or p == q:
            if p == q and len(ex) > 1:
                continue
            return False
        if not _one_digit_apart(dp, dq):
            return False
    return True


def _weak_one(f: Fact) -> bool:
    """The number one, unless written in digits with a counting word (1명, 1개월): "one" and
    한 are as often an article as a figure (한 건도, one of them), and a bare 1 often an
    ordinal or a score (1심, 1라운드, 1-0)."""
    v = f.value
    if not isinstance(v, Number) or _ends(f) != [Decimal(1)]:
        return False
    return not (v.counter and any(ch.isdigit() for m in f.mentions for ch in m.claim.text))


def plausible(fa: Fact, fb: Fact) -> bool:
    """Whether two different figures in one slot are one figure written wrong rather than two
    facts (a translation that says "three days" where the original gives "14 months"). Dates
    and names are judged by their own relations."""
    if fa.kind not in NUMERIC_KINDS or fb.kind not in NUMERIC_KINDS:
        return True
    if any(_weak_one(f) for f in (fa, fb)):
        return False
    ea, eb = _ends(fa), _ends(fb)
    if not ea or not eb or len(ea) != len(eb):
        return False
    va, vb = fa.value, fb.value
    if isinstance(va, Quantity) and isinstance(vb, Quantity) and va.unit == vb.unit:
        ea, eb = _ends(fa, False), _ends(fb, False)  # one unit: compare the figures as written
    elif isinstance(va, Quantity) and isinstance(vb, Quantity):
        # different units: compare in the units of each side, at its precision
        if quantity_base(va) is None or quantity_base(vb) is None:
            return False
        return any(_figures_alike(x, y, True) for x, y in
                   ((in_units_of(vb, va), va.value), (in_units_of(va, vb), vb.value))
                   if x is not None)
    if fa.kind != fb.kind:  # a figure whose unit one side leaves out: compare as written
        ea, eb = _ends(fa, False), _ends(fb, False)
    if isinstance(va, Money) and isinstance(vb, Money) and va.currency != vb.currency:
        return True  # converted at the user's rates: the relation has judged the amounts
    magnitude = fa.kind != "number" or fb.kind != "number"
    return all(_figures_alike(x, y, magnitude or len(_digits(x).rstrip("0")) >= 2)
               for x, y in zip(ea, eb, strict=False))


def has_lookalike(f: Fact, others: list[Fact]) -> bool:
    """Whether one of ``others`` is the same kind of figure in the same unit, one digit away."""
    return any(o.classes[0] == f.classes[0] and strongly_alike(f, o) for o in others)


def may_compare(fa: Fact, fb: Fact) -> bool:
    """Whether two facts are of kinds that can be one fact: one class, two names, or a plain
    number and a measured figure."""
    if fa.cls == fb.cls:
        return True
    ka, kb = fa.kind, fb.kind
    if ka in NAME_KINDS and kb in NAME_KINDS:
        return True
    return "number" in (ka, kb) and ka in NUMERIC_KINDS and kb in NUMERIC_KINDS
