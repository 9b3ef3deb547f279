"""Look-alike values: whether two different figures look like one figure written wrong (a
digit changed, two swapped, close values, the same digits at another scale, unit or currency)
or like two facts; how alike two values of one class are (:func:`likeness`, which ranks the
candidates of a slot); and which kinds of facts may be compared at all."""

from __future__ import annotations

from decimal import Decimal

from factcheck.compare.facts import Fact
from factcheck.compare.relation.base import NAME_KINDS, NUMERIC_KINDS, Relation
from factcheck.compare.relation.dates import field_differences, single_year
from factcheck.compare.relation.names import names_in_one_slot
from factcheck.compare.relation.numbers import Num, num, text_figure
from factcheck.compare.relation.quantities import in_units_of, quantity_base
from factcheck.compare.relation.values import is_year_figure
from factcheck.values import DateValue, Money, Name, Number, Percent, Quantity, dec_str

__all__ = ["MEASURED", "WEAK_MATCHES", "ends", "figures_alike", "figures_plausible", "has_lookalike", "likeness",
           "may_compare", "one_digit_apart", "alike_keys", "plausible", "rescaled", "strongly_alike", "weak_small",
           "year_pair"]

#: compatible relations that are weak evidence of one fact: a look-alike figure of the same
#: unit and shape is preferred to them
WEAK_MATCHES = frozenset({"converted", "bound", "range-edge"})
#: the values measured in figures
MEASURED = (Money, Number, Percent, Quantity)


def _digits(x: Decimal) -> str:
    return dec_str(abs(x)).replace(".", "").lstrip("0") or "0"


def _aligned_digits(x: Decimal, y: Decimal) -> tuple[str, str]:
    """The digits of two figures as written, their fractions padded to one length: 0.23 and
    3.23 are 023 and 323 (one digit changed), 1,153 and 1,553 are 1153 and 1553."""
    def parts(d: Decimal) -> tuple[str, str]:
        whole, _, frac = dec_str(abs(d)).partition(".")
        return whole, frac
    (wx, fx), (wy, fy) = parts(x), parts(y)
    n = max(len(fx), len(fy))
    return wx + fx.ljust(n, "0"), wy + fy.ljust(n, "0")


def one_digit_apart(dx: str, dy: str) -> bool:
    """Digit strings of one length with one digit changed or the same digits in another order."""
    return sum(a != b for a, b in zip(dx, dy, strict=True)) <= 1 or sorted(dx) == sorted(dy)


def figures_alike(x: Decimal, y: Decimal, magnitude: bool) -> bool:
    """Whether two different figures look like one figure written wrong: a digit changed or
    two swapped (1,153 / 1,553), close values (within half), or the same digits at another
    scale (3억 / 30 million; ``magnitude``)."""
    if x == y:
        return True
    ax, ay = _aligned_digits(x, y)
    if len(ax) == len(ay) and one_digit_apart(ax, ay):
        return True
    if x == 0 or y == 0:
        return False
    dx, dy = _digits(x), _digits(y)
    big, small = max(abs(x), abs(y)), min(abs(x), abs(y))
    if big / small <= Decimal("1.5"):
        return True
    if magnitude and dx.rstrip("0") == dy.rstrip("0") and (len(dx.rstrip("0")) >= 2 or min(abs(x), abs(y)) >= 1000):
        return True  # 3억 / 30 million; 5억 / 5 billion (a scale word changed)
    return False


def ends(f: Fact, base: bool = True) -> list[Decimal]:
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
    ex, ey = ends(x, False), ends(y, False)
    if not ex or len(ex) != len(ey):
        return False
    for p, q in zip(ex, ey, strict=True):
        dp, dq = _aligned_digits(p, q)
        if len(dp) < 2 or len(dq) != len(dp) or p == q:
            if p == q and len(ex) > 1:
                continue
            return False
        if not one_digit_apart(dp, dq):
            return False
    return True


def weak_small(f: Fact) -> bool:
    """A small number that is weak evidence of a figure: the number one, unless written in
    digits with a counting word (1명, 1개월): "one" and 한 are as often an article as a figure
    (한 건도, one of them), and a bare 1 often an ordinal or a score (1심, 1라운드, 1-0); and a
    number under ten written only as a word ("the two leaders", "every four years"), which
    is as often an idiom of the sentence as a figure of the fact."""
    v = f.value
    if not isinstance(v, Number):
        return False
    figures = ends(f)
    if len(figures) != 1 or not Decimal(0) < abs(figures[0]) < 10:
        return False
    in_digits = any(ch.isdigit() for m in f.mentions for ch in m.claim.text)
    if figures == [Decimal(1)]:
        return not (v.counter and in_digits)
    return not in_digits


def plausible(fa: Fact, fb: Fact) -> bool:
    """Whether two different figures in one slot are one figure written wrong rather than two
    facts (a translation that says "three days" where the original gives "14 months"): their
    figures look alike (:func:`figures_plausible`) and neither is a weak small number. Dates
    and names are judged by their own relations."""
    if fa.kind not in NUMERIC_KINDS or fb.kind not in NUMERIC_KINDS:
        return True
    return not any(weak_small(f) for f in (fa, fb)) and figures_plausible(fa, fb)


def figures_plausible(fa: Fact, fb: Fact) -> bool:
    """Whether the figures of two different values look like one figure written wrong: a
    digit changed or two swapped, close values, the same digits at another scale; in
    different units, compared in the units of each side."""
    ea, eb = ends(fa), ends(fb)
    if not ea or not eb:
        return False
    if len(ea) != len(eb):  # a figure against a range: against either end ("5개월" / "6 to 12")
        one, two = (ea, eb) if len(ea) == 1 else (eb, ea)
        return any(figures_alike(one[0], e, False) for e in two)
    va, vb = fa.value, fb.value
    if isinstance(va, Quantity) and isinstance(vb, Quantity) and va.unit == vb.unit:
        ea, eb = ends(fa, False), ends(fb, False)  # one unit: compare the figures as written
    elif isinstance(va, Quantity) and isinstance(vb, Quantity):
        # different units: compare in the units of each side, at its precision
        if quantity_base(va) is None or quantity_base(vb) is None:
            return False
        return any(figures_alike(x, y, True) for x, y in
                   ((in_units_of(vb, va), va.value), (in_units_of(va, vb), vb.value))
                   if x is not None)
    if fa.kind != fb.kind:  # a figure whose unit one side leaves out: compare as written
        ea, eb = ends(fa, False), ends(fb, False)
        ta, tb = text_figure(fa.text), text_figure(fb.text)
        if ta and tb and len(ta) == len(tb) and one_digit_apart(ta, tb):
            return True  # the digits as written: "4센트" (0.04 USD) against "6" (cents)
    if isinstance(va, Money) and isinstance(vb, Money) and va.currency != vb.currency:
        return True  # converted at the user's rates: the relation has judged the amounts
    magnitude = fa.kind != "number" or fb.kind != "number"
    return all(figures_alike(x, y, magnitude or len(_digits(x).rstrip("0")) >= 2)
               for x, y in zip(ea, eb, strict=False))


def year_pair(fa: Fact, fb: Fact) -> bool:
    """A date that is one year and a plain number that could be it (2005년 / 3005)."""
    for x, y in ((fa, fb), (fb, fa)):
        vx, vy = x.value, y.value
        if isinstance(vx, DateValue) and isinstance(vy, Number):
            return single_year(vx) is not None and is_year_figure(vy)
    return False


def _year_digits_alike(fa: Fact, fb: Fact) -> bool:
    d, n = (fa.value, fb.value) if isinstance(fa.value, DateValue) else (fb.value, fa.value)
    assert isinstance(d, DateValue) and isinstance(n, Number)
    year = single_year(d)
    return year is not None and one_digit_apart(str(year), str(int(n.value)))


def _same_digits(fa: Fact, fb: Fact) -> bool:
    """Two different figures of one kind written with the same significant digits in another
    currency, unit or percent unit (5 EUR / 5 USD, 3.4% / 3.4 points), or at another scale
    when both are large (5 million / 5 billion, 2천 / 2만): one word changed."""
    if fa.kind != fb.kind:
        return False
    ea, eb = ends(fa, False), ends(fb, False)
    if not ea or len(ea) != len(eb):
        return False
    if not all(_digits(x).rstrip("0") == _digits(y).rstrip("0") for x, y in zip(ea, eb, strict=True)):
        return False
    va, vb = fa.value, fb.value
    if isinstance(va, Money) and isinstance(vb, Money) and va.currency != vb.currency:
        return True
    if isinstance(va, (Percent, Quantity)) and isinstance(vb, (Percent, Quantity)) and va.unit != vb.unit:
        return True
    return all(abs(x) >= 1000 for x in ea + eb)


def _date_likeness(fa: Fact, fb: Fact, rel: Relation) -> int:
    """Two dates: 1 when they agree on a field and differ in at most one (or cannot be judged
    but agree on what they both write), 2 when one field differs and it looks like a slip (a
    month, a weekday, a day or year one digit away), 3 otherwise."""
    va, vb = fa.value, fb.value
    assert isinstance(va, DateValue) and isinstance(vb, DateValue)
    agree, differ = field_differences(va, vb)
    if agree and len(differ) <= 1:
        return 1
    if len(differ) == 1:
        (name, (x, y)), = differ.items()
        if name in ("day", "year") and isinstance(x, int) and isinstance(y, int):
            return 2 if figures_alike(Decimal(x), Decimal(y), False) else 3
        return 2
    return 3


def likeness(fa: Fact, fb: Fact, rel: Relation) -> int | None:
    """How alike two values of one class are, 0 (compatible) to 4 (unlike); None when they are
    not comparable at all. Figures: 1 the same digits at another scale, unit or currency, 2 one
    digit changed or two swapped, 3 plausibly one figure written wrong (:func:`plausible`), 4
    too unlike. Dates and names: 2 different, 3 uncertain, 4 two names that nothing relates."""
    if rel.matches:
        # weak evidence (a conversion, a bound, a range's end): a look-alike of the same unit wins
        return 3 if rel.reason in WEAK_MATCHES else 0
    if year_pair(fa, fb):
        # a year against a plain number: only one digit apart is one year written wrong
        return 2 if rel.outcome == "different" and _year_digits_alike(fa, fb) else None
    if fa.kind in NUMERIC_KINDS and fb.kind in NUMERIC_KINDS:
        if rel.outcome == "unrelated":
            return None
        if _same_digits(fa, fb):
            return 1
        if strongly_alike(fa, fb) or rescaled(fa, fb):
            return 2
        return 3 if figures_plausible(fa, fb) else 4
    if fa.kind == "date" and fb.kind == "date":
        return _date_likeness(fa, fb, rel) if rel.outcome != "unrelated" else None
    if rel.outcome == "different":
        return 2
    if rel.outcome == "uncertain":
        return 3
    va, vb = fa.value, fb.value
    if isinstance(va, Name) and isinstance(vb, Name) and va.kind == vb.kind:
        return 1 if names_in_one_slot(va, vb).matches else 4
    return None


def rescaled(x: Fact, y: Fact) -> bool:
    """Two different figures of one kind and unit with the same significant digits, two or
    more of them, at another scale (1,600만 / 160만; not 2 / 20)."""
    if x.classes[0] != y.classes[0] or x.kind != y.kind or x.kind not in NUMERIC_KINDS:
        return False
    vx, vy = x.value, y.value
    if isinstance(vx, Quantity) and isinstance(vy, Quantity) and vx.unit != vy.unit:
        return False
    ex, ey = ends(x, False), ends(y, False)
    if not ex or len(ex) != len(ey) or ex == ey:
        return False
    return all(p != q and _digits(p).rstrip("0") == _digits(q).rstrip("0") and len(_digits(p).rstrip("0")) >= 2
               for p, q in zip(ex, ey, strict=True))


def rescale_key(f: Fact) -> tuple[str, ...]:
    """What :func:`rescaled` needs two figures to share: the significant digits of each end
    (keep the two in step: an index of facts by this key finds the candidates)."""
    return tuple(_digits(e).rstrip("0") for e in ends(f, False)) if f.kind in NUMERIC_KINDS else ()


def alike_keys(f: Fact) -> frozenset[str]:
    """Keys that two figures one digit or one word apart share (a digit position masked, the
    digits sorted, the significant digits): an index finds the candidates of a crowded region
    without comparing every pair. Empty for a value that is not a figure."""
    if f.kind not in NUMERIC_KINDS:
        return frozenset()
    keys: set[str] = set()
    for e in ends(f, False):
        d = dec_str(abs(e)).replace(".", "")
        keys.update(f"m{len(d)}:{d[:i]}?{d[i + 1:]}" for i in range(len(d)))
        keys.add(f"s{''.join(sorted(d))}")
        keys.add(f"z{d.strip('0') or '0'}")
    return frozenset(keys)


def has_lookalike(f: Fact, others: list[Fact]) -> bool:
    """Whether one of ``others`` is the same kind of figure in the same unit and of the same
    shape (a figure, a range, a bound), one digit away."""
    return any(o.classes[0] == f.classes[0] and _shape_of(o) == _shape_of(f) and strongly_alike(f, o)
               for o in others)


def _shape_of(f: Fact) -> tuple[bool, bool]:
    v = f.value
    if not isinstance(v, MEASURED):
        return (False, False)
    return (v.low is not None, v.high is not None)


def may_compare(fa: Fact, fb: Fact) -> bool:
    """Whether two facts are of kinds that can be one fact: one class, two names, or a plain
    number and a measured figure."""
    if fa.cls == fb.cls:
        return True
    ka, kb = fa.kind, fb.kind
    if ka in NAME_KINDS and kb in NAME_KINDS:
        return True
    return "number" in (ka, kb) and ka in NUMERIC_KINDS and kb in NUMERIC_KINDS
