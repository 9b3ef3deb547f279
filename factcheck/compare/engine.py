"""Compare sources: line their claims up and give every fact a verdict (see docs/compare.md).

The flow, for two to N sources::

    extract each source (its reference date: the caller's ``published`` or its header date)
      -> facts: the claims of one source grouped by value (20일 three times is one fact)
      -> for each pair of sources compared (all pairs, or the pivot against each other one):
           1. equal facts match; they are the anchors
           2. the anchors align the sentences of the two texts (a monotone chain of anchors,
              the sentences between two anchored ones paired by position, and sentences that
              share anchors out of order)
           3. compatible facts match (rounded, approximate, overlapping ranges, partial dates,
              converted currencies), preferring facts in aligned sentences
           4. in each pair of aligned sentences, the one fact of a kind left over on each side
              is the same slot: its two values are a conflict (or uncertain)
      -> statement dates ("said Friday") against the other sources' publication dates
      -> facts linked by any edge form one finding; its verdict comes from its pairs
         (conflict > uncertain > missing > match)

Precision first: two different values are a conflict only when the context says they fill
the same slot; otherwise both are reported as missing. Nothing here reads the clock, keeps
module state or depends on the order of the sources or of their claims.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from factcheck.claims import Claim
from factcheck.compare.rates import Rates, rates_from_mapping
from factcheck.dates import interval, unify
from factcheck.errors import InputError
from factcheck.naming.keys import person_parts
from factcheck.report import Finding, Source, SourceClaim, SourceInfo
from factcheck.values import (
    DateValue,
    Money,
    Name,
    Number,
    Percent,
    Quantity,
    Value,
    dec_str,
    group_digits,
    in_decimal_context,
)

__all__ = ["compare_values", "compare_prepared", "finding_order", "Relation", "Rates"]

NUMERIC_KINDS = ("money", "number", "percent", "quantity")
NAME_KINDS = ("person", "org", "place")
_VERDICT_RANK = MappingProxyType({"conflict": 0, "uncertain": 1, "missing": 2, "match": 3})
#: relative tolerance of an approximate value ("about 16 million") against an exact one
_APPROX_TOLERANCE = Decimal("0.10")
#: relative tolerance of a rounded value against the exact one ("15.7 million" / 1,567만)
_ROUND_TOLERANCE = Decimal("0.05")
#: the "dollar" family: a bare $ or 달러 may be any of these
_DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "MXN", "BND", "FJD", "JMD", "LRD", "NAD",
                      "SBD", "SRD", "TTD", "XCD", "ZWL", "BSD", "BBD", "BZD", "BMD", "KYD", "GYD"})
_TRUSTED_BASES = frozenset({"gazetteer", "glossary"})
#: units that writers use for one another: "200,000 tons" in English news is usually metric
_LOOSE_UNITS = frozenset({frozenset({"ton", "tonne"})})


# ============================================================================ comparing values
@dataclass(frozen=True, slots=True)
class Relation:
    """How two values relate: ``outcome`` is ``equal``, ``compatible`` (a match with a note:
    rounded, approximate, overlapping, partial, converted), ``different`` (a conflict when
    they fill the same slot), ``uncertain`` (cannot be decided; ``note`` says why) or
    ``unrelated`` (not the same kind of fact: never paired). Symmetric in its arguments."""

    outcome: str
    reason: str
    note: str = ""

    @property
    def matches(self) -> bool:
        return self.outcome in ("equal", "compatible")


_EQUAL = Relation("equal", "equal")
_UNRELATED = Relation("unrelated", "unrelated")


@dataclass(frozen=True, slots=True)
class _Num:
    """A numeric value as an interval: ``lo``/``hi`` None are unbounded. ``q`` is the place of
    the last digit written (1E+5 for "15.7 million", 0.1 for "16.0")."""

    lo: Decimal | None
    hi: Decimal | None
    approx: bool
    decimal: bool  # written with a decimal fraction ("15.7 million", "1.5억")
    text: str
    q: Decimal | None = None

    @property
    def point(self) -> Decimal | None:
        return self.lo if self.lo is not None and self.lo == self.hi else None

    @property
    def quantum(self) -> Decimal:
        if self.q is not None:
            return self.q
        return _quantum(self.point if self.point is not None else (self.lo if self.lo is not None else self.hi or Decimal(1)))


_DECIMAL_WRITTEN = re.compile(r"\d[.·]\d")
# (?<!\d): a search never restarts inside a run of digits (quadratic on 20,000 digits)
_WRITTEN_DECIMAL = re.compile(r"(?<!\d)(\d+(?:,\d{3})*)[.·](\d+)")


def _written_quantum(value: Decimal, text: str) -> Decimal | None:
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


def _num(v: Any, text: str, value: Decimal | None = None, scale: Decimal = Decimal(1)) -> _Num:
    base = v.amount if isinstance(v, Money) else v.value
    if value is not None:
        base = value
    lo = v.low if v.low is not None else None
    hi = v.high if v.high is not None else None
    if lo is None and hi is None:
        lo = hi = base
    q = _written_quantum(base, text) if base is not None else None
    lo = lo * scale if lo is not None else None
    hi = hi * scale if hi is not None else None
    return _Num(lo, hi, bool(v.approx), bool(_DECIMAL_WRITTEN.search(text or "")), text or "",
                q * scale if q is not None else None)


def _quantum(x: Decimal) -> Decimal:
    """The place of the last significant digit: 1.57E+7 -> 1E+5, 1200 -> 100, 3.5 -> 0.1."""
    if x == 0:
        return Decimal(1)
    return Decimal(1).scaleb(x.normalize().as_tuple().exponent)  # type: ignore[arg-type]


def _show_dec(d: Decimal) -> str:
    s = dec_str(d)
    whole, dot, frac = s.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    return f"{sign}{group_digits(whole)}{dot}{frac}"


def _num_relation(x: _Num, y: _Num, *, converted: bool = False) -> Relation:
    """Compare two numeric values of one unit. ``converted``: the units or currencies were
    converted, so rounding is expected (no need for a written decimal)."""
    if x.lo == y.lo and x.hi == y.hi:
        return _EQUAL
    px, py = x.point, y.point
    if px is not None and py is not None:
        if px == 0 or py == 0:
            return Relation("different", "different-value")
        # the coarser of the two may be a rounding of the finer
        qx, qy = x.quantum, y.quantum
        coarse, fine = (x, y) if qx >= qy else (y, x)
        pc, pf = coarse.point, fine.point
        assert pc is not None and pf is not None
        q = max(qx, qy)
        diff = abs(pc - pf)
        rel = diff / max(abs(pc), abs(pf))
        if coarse.approx or fine.approx:
            if (diff * 2 <= q or converted) and rel <= _APPROX_TOLERANCE:
                return Relation("compatible", "approximate",
                                f"{coarse.text or _show_dec(pc)} is approximate")
        if q > min(qx, qy) or converted:
            if (coarse.decimal or converted) and diff * 2 <= q and rel <= _ROUND_TOLERANCE:
                return Relation("compatible", "rounded",
                                f"{_show_dec(pf)} rounds to {_show_dec(pc)}")
        return Relation("different", "different-value")
    sx, sy = _shape(x), _shape(y)
    if sx == sy:
        # two bounds or two ranges of the same shape ("at least 21" / "적어도 81명"): their ends
        # are compared as figures
        ends = [(a, b) for a, b in ((x.lo, y.lo), (x.hi, y.hi)) if a is not None and b is not None]
        rels = [_num_relation(_Num(a, a, x.approx, x.decimal, x.text, x.q), _Num(b, b, y.approx, y.decimal, y.text, y.q),
                              converted=converted) for a, b in ends]
        bad = [r for r in rels if not r.matches]
        if bad:
            return bad[0]
        notes = sorted({r.note for r in rels if r.note})
        return Relation("compatible", next((r.reason for r in rels if r.outcome == "compatible"), "equal"),
                        "; ".join(notes))
    if "point" in (sx, sy) and ("at-least" in (sx, sy) or "up-to" in (sx, sy)):
        # a figure against a bound: the same figure with its qualifier left out ("at least 70"
        # / 70명), not another figure that the bound allows ("at least 32" / 36명)
        bound, point = (x, y) if sy == "point" else (y, x)
        edge = bound.lo if bound.lo is not None else bound.hi
        rel = _num_relation(_Num(edge, edge, bound.approx, bound.decimal, bound.text, bound.q), point,
                            converted=converted)
        if rel.matches:
            return Relation("compatible", "bound", "a bound on one side, the figure on the other")
        return rel
    # a figure against a range, or two bounds ("10~12%" / 11%, "over 100" / "up to 150"):
    # they agree when they overlap
    lo = max((v for v in (x.lo, y.lo) if v is not None), default=None)
    hi = min((v for v in (x.hi, y.hi) if v is not None), default=None)
    if lo is None or hi is None or lo <= hi:
        return Relation("compatible", "overlap", "the ranges overlap")
    if x.approx or y.approx:
        span = max(abs(v) for v in (x.lo, x.hi, y.lo, y.hi) if v is not None)
        if span and (lo - hi) / span <= _APPROX_TOLERANCE:
            return Relation("compatible", "approximate", "approximate bounds")
    return Relation("different", "different-value")


def _shape(x: _Num) -> str:
    if x.lo is not None and x.hi is not None:
        return "point" if x.lo == x.hi else "range"
    return "at-least" if x.lo is not None else "up-to"


def _money_relation(a: Money, b: Money, ta: str, tb: str, rates: Rates | None) -> Relation:
    ca, cb = a.currency, b.currency
    if ca is None or cb is None:
        if _num(a, ta).lo == _num(b, tb).lo and _num(a, ta).hi == _num(b, tb).hi:
            return Relation("compatible", "currency-unknown", "the currency is not stated on one side")
        return Relation("uncertain", "currency-unknown",
                        f"the currency of {ta if ca is None else tb} is not stated")
    if ca == cb:
        return _num_relation(_num(a, ta), _num(b, tb))
    assumed = (a.currency_assumed and ca in _DOLLARS and cb in _DOLLARS) or \
              (b.currency_assumed and cb in _DOLLARS and ca in _DOLLARS)
    if assumed:
        bare = ta if a.currency_assumed else tb
        other = cb if a.currency_assumed else ca
        return Relation("uncertain", "currency-assumed",
                        f"the bare dollar of {bare} was read as USD; the other side says {other}")
    rate = rates.rate(cb, ca) if rates is not None else None
    if rates is None or rate is None:
        why = "no exchange rates given" if rates is None else f"no rate from {cb} to {ca}"
        return Relation("uncertain", "different-currency", f"{ca} and {cb} are not compared: {why}")
    conv = _num(b, tb, scale=rate)
    rel = _num_relation(_num(a, ta), conv, converted=True)
    shown_rate, frm, to = (rate, cb, ca) if rate >= 1 else (Decimal(1) / rate, ca, cb)
    note = f"converted at 1 {frm} = {_show_dec(shown_rate.quantize(Decimal('0.0001')).normalize())} {to}"
    if rel.matches:
        return Relation("compatible", "converted", note)
    px, py = _num(a, ta).point, conv.point
    if px is not None and py is not None and abs(px - py) <= rates.tolerance * max(abs(px), abs(py)):
        return Relation("compatible", "converted", note)
    return Relation("different", "different-amount", note)


def _text_figure(text: str) -> str:
    """The first figure written in a claim's text, digits only ("4센트" -> "4")."""
    m = re.search(r"\d[\d,.]*", text or "")
    return re.sub(r"\D", "", m.group(0)) if m else ""


def _quantity_base(q: Quantity, text: str = "") -> tuple[str, _Num] | None:
    """A quantity in the base units of its dimension (1 km -> 1000 meter), as an interval."""
    from factcheck.locale.units import to_base

    try:
        unit = to_base(q.value, q.unit)[1]
        conv = {k: (to_base(getattr(q, k), q.unit)[0] if getattr(q, k) is not None else None)
                for k in ("value", "low", "high")}
    except Exception:  # a unit pint cannot convert is compared as written
        return None
    lo, hi = conv["low"], conv["high"]
    if lo is None and hi is None:
        lo = hi = conv["value"]
    written = _written_quantum(q.value, text)
    factor = to_base(Decimal(1), q.unit)[0] - to_base(Decimal(0), q.unit)[0]
    quantum = (written if written is not None else _quantum(q.value)) * abs(factor)
    return unit, _Num(lo, hi, bool(q.approx), bool(_DECIMAL_WRITTEN.search(text or "")), text or "", quantum)


def _date_bucket(v: DateValue) -> str:
    return "day" if v.grain in ("minute", "hour", "day") else v.grain


def _date_key(v: DateValue) -> tuple[str, ...]:
    if v.start is not None and v.end is not None:
        return ("r", v.start.isoformat(), v.end.isoformat(), _date_bucket(v))
    return ("p", json.dumps(v.to_dict(), sort_keys=True, ensure_ascii=False))


_WRITTEN = ("relative", "direction", "year", "month", "day", "weekday", "half", "quarter", "hour", "minute", "part")


def _written(v: DateValue) -> tuple[Any, ...]:
    return tuple(getattr(v, k) for k in _WRITTEN)


def _fields(v: DateValue) -> dict[str, Any]:
    """The calendar fields a partial date writes (year, month, day, weekday, time, period)."""
    names = ("year", "month", "day", "weekday", "hour", "minute", "half", "quarter", "decade", "part", "nth")
    return {k: getattr(v, k) for k in names if getattr(v, k) is not None}


def _unchecked(v: DateValue) -> bool:
    """A partial date that only its (unknown) reference date could check: 어제, last month."""
    return v.start is None and v.relative is not None


def _show_date(v: DateValue, text: str = "") -> str:
    if v.start is not None and v.end is not None:
        s, e = v.start, v.end
        if not isinstance(s, _dt.datetime) and not isinstance(e, _dt.datetime):
            whole_month = (s.day == 1 and (e == _dt.date.max or (e + _dt.timedelta(days=1)).day == 1)
                           and s.year == e.year)
            if whole_month and s.month == e.month:
                return f"{s.year}-{s.month:02d}"
            if whole_month and (s.month, e.month) == (1, 12):
                return str(s.year)
            if whole_month and e.month - s.month == 5 and s.month in (1, 7):
                return f"{s.year} H{1 if s.month == 1 else 2}"
            if whole_month and e.month - s.month == 2 and s.month in (1, 4, 7, 10):
                return f"{s.year} Q{(s.month + 2) // 3}"
        shown = s.isoformat() if s == e else f"{s.isoformat()}..{e.isoformat()}"
        return shown.replace("T", " ")
    return f"'{text}' (no reference date)" if text else "a partial date"


def _hour_of(v: DateValue) -> int | None:
    if v.hour is not None:
        return v.hour
    if isinstance(v.start, _dt.datetime) and v.start == v.end:
        return v.start.hour
    return None


def _twelve_hours_apart(a: DateValue, b: DateValue) -> bool:
    """Two times of day 12 hours apart, one of them written without a.m./p.m. (7시 30분 /
    19:30): the clock cannot tell them apart."""
    ha, hb = _hour_of(a), _hour_of(b)
    if ha is None or hb is None or abs(ha - hb) != 12:
        return False
    return a.part_of_day is None or b.part_of_day is None


def _date_relation(a: DateValue, b: DateValue, ta: str = "", tb: str = "") -> Relation:
    if _date_bucket(a) != _date_bucket(b):
        return _UNRELATED
    if _date_key(a) == _date_key(b):
        return _EQUAL
    ua, ub = _unchecked(a), _unchecked(b)
    if ua or ub:
        if a.relative is not None and _written(a) == _written(b):
            if ua and ub:
                return Relation("equal", "same-relative")
            return Relation("compatible", "same-relative", "the same relative date; one side has no reference date")
        which = ta if ua else tb
        return Relation("uncertain", "no-reference-date",
                        f"'{which}' cannot be checked without the reference date of its source")
    u = unify(a, b)
    if u is None:
        if _twelve_hours_apart(a, b):
            return Relation("uncertain", "twelve-hour-clock",
                            f"'{ta}' and '{tb}' may be the same time on a 12-hour and a 24-hour clock")
        return Relation("different", "different-date")
    if a.start is None and b.start is None:
        fa, fb = _fields(a), _fields(b)
        if fa.items() <= fb.items() or fb.items() <= fa.items():
            # the same day written with more or fewer words ("지난 일요일" / "Sunday")
            return Relation("compatible", "partial", f"'{ta}' and '{tb}' name the same day as written")
        return Relation("uncertain", "partial-dates",
                        f"'{ta}' and '{tb}' can name the same day, but neither source has a reference date")
    if a.start is None or b.start is None:
        return Relation("compatible", "partial", f"'{ta if a.start is None else tb}' fits {_show_date(b if a.start is None else a)}")
    return Relation("compatible", "overlap", "the periods overlap")


def _person_relation(a: Name, b: Name) -> Relation:
    """Two Korean personal names with different keys: a conflict when a syllable differs
    (Kim Yoon-seok / 김윤상), uncertain when they look like two spellings of one name
    (Park Byeong-seug / 박병석), unrelated otherwise (a foreign name romanised two ways)."""
    from rapidfuzz import fuzz

    pa, pb = person_parts(a.full_name or a.name), person_parts(b.full_name or b.name)
    if pa is None or pb is None:
        return _UNRELATED
    (sa, ga), (sb, gb) = pa, pb
    if sa != sb and "".join(ga) != "".join(gb):
        return _UNRELATED  # nothing in common: two people
    if sa != sb:
        if fuzz.ratio(sa, sb) >= 75:
            return Relation("uncertain", "spelling-variant",
                            f"'{a.name}' and '{b.name}' may be two spellings of one surname")
        return Relation("different", "different-name", "the surname differs")
    if len(ga) == len(gb) and len(ga) > 1:
        scores = [fuzz.ratio(x, y) for x, y in zip(ga, gb)]
        if min(scores) < 70:
            return Relation("different", "different-name", "the given name differs")
    elif fuzz.ratio("".join(ga), "".join(gb)) < 75:
        return Relation("different", "different-name", "the given name differs")
    return Relation("uncertain", "spelling-variant", f"'{a.name}' and '{b.name}' may be two spellings of one name")


def _name_relation(a: Name, b: Name) -> Relation:
    if a.key == b.key:
        if a.kind == b.kind:
            return _EQUAL
        return Relation("compatible", "same-name", f"the same name, read as {a.kind} and {b.kind}")
    if a.kind != b.kind:
        return _UNRELATED
    if a.basis in _TRUSTED_BASES and b.basis in _TRUSTED_BASES:
        return Relation("different", "different-entity", "the gazetteer knows them as different entities")
    if a.kind == "person":
        return _person_relation(a, b)
    return _UNRELATED


@in_decimal_context
def compare_values(a: Value, b: Value, *, a_text: str = "", b_text: str = "", rates: Any = None) -> Relation:
    """How two values relate (see :class:`Relation`). ``a_text``/``b_text`` are the surface
    forms (a written decimal fraction marks a rounded figure). Symmetric: swapping the
    arguments gives the same outcome and reason."""
    if rates is None or isinstance(rates, Rates):
        r = rates
    elif isinstance(rates, Mapping):
        r = rates_from_mapping(rates, "rates")
    else:
        raise InputError(f"rates must be a Rates or a mapping, not {type(rates).__name__} "
                         "(read a rates file with factcheck.io.load_rates)", reason="bad-rates")
    return _relation(a, b, a_text, b_text, r)


def _relation(a: Value, b: Value, ta: str, tb: str, rates: Rates | None) -> Relation:
    ka, kb = a.kind, b.kind
    if ka == "money" and kb == "money":
        return _money_relation(a, b, ta, tb, rates)  # type: ignore[arg-type]
    if ka == "date" and kb == "date":
        return _date_relation(a, b, ta, tb)  # type: ignore[arg-type]
    if ka in NAME_KINDS and kb in NAME_KINDS:
        return _name_relation(a, b)  # type: ignore[arg-type]
    if ka == "percent" and kb == "percent":
        pa, pb = a, b
        if pa.unit != pb.unit:  # type: ignore[union-attr]
            if _num_relation(_num(pa, ta), _num(pb, tb)).matches:
                return Relation("different", "percent-vs-points",
                                "percent and percentage points are different units")
            return Relation("different", "different-value")
        return _num_relation(_num(pa, ta), _num(pb, tb))
    if ka == "quantity" and kb == "quantity":
        qa, qb = _quantity_base(a, ta), _quantity_base(b, tb)  # type: ignore[arg-type]
        if qa is None or qb is None:
            return _EQUAL if a == b else _UNRELATED
        if qa[0] != qb[0]:
            return _UNRELATED
        converted = a.unit != b.unit  # type: ignore[union-attr]
        if converted and frozenset((a.unit, b.unit)) in _LOOSE_UNITS:  # type: ignore[union-attr]
            written = _num_relation(_num(a, ta), _num(b, tb))
            if written.matches:
                return Relation("compatible", "loose-unit",
                                f"'{ta or a.unit}' and '{tb or b.unit}' are often used for one another")  # type: ignore[union-attr]
        rel = _num_relation(qa[1], qb[1], converted=converted)
        if converted and rel.outcome == "compatible":
            return Relation("compatible", "converted", f"{ta or a.unit} converted to {tb or b.unit}")  # type: ignore[union-attr]
        return rel
    if ka == kb and ka == "number":
        return _num_relation(_num(a, ta), _num(b, tb))
    if "number" in (ka, kb) and ka in NUMERIC_KINDS and kb in NUMERIC_KINDS:
        # a plain number against a measured one: the same figure with its unit left out, or a
        # figure in a unit the extractor did not read (12 mph / 19 km/h), which is uncertain
        x, y = _num(a, ta), _num(b, tb)
        other = kb if ka == "number" else ka
        if _num_relation(x, y).matches or (_text_figure(ta) and _text_figure(ta) == _text_figure(tb)):
            return Relation("compatible", "unit-omitted", f"the {other} unit is left out on one side")
        fa, fb = _text_figure(ta), _text_figure(tb)
        if other != "quantity" and len(fa) >= 2 and len(fa) == len(fb) and sum(p != q for p, q in zip(fa, fb)) == 1:
            # the same figure with one digit changed: a currency or a percent sign left out
            # (a quantity may stand in another unit system on the side that leaves it out:
            # "below 72" Fahrenheit / 22도)
            return Relation("different", "different-value", f"the {other} unit is left out on one side")
        return Relation("uncertain", "unit-omitted",
                        f"the {other} unit is left out on one side, so the figures cannot be compared")
    if ka == kb:
        return _EQUAL if a == b else _UNRELATED
    return _UNRELATED


# ============================================================================ facts
@dataclass(frozen=True, slots=True)
class _Mention:
    source: str
    claim: Claim
    sentence: int


@dataclass(frozen=True, slots=True)
class _Fact:
    """The claims of one source that state one value."""

    id: int
    source: str
    kind: str
    classes: tuple[str, ...]  # comparison classes, finest first: leftovers pair within one class
    key: tuple[str, ...]
    value: Value
    text: str
    mentions: tuple[_Mention, ...]
    statement_only: bool
    sentences: frozenset[int] = field(init=False, compare=False)  # computed once: hot in alignment

    def __post_init__(self) -> None:
        object.__setattr__(self, "sentences", frozenset(m.sentence for m in self.mentions))

    @property
    def cls(self) -> str:
        return self.classes[-1]

    @property
    def forms(self) -> tuple[tuple[Value, str], ...]:
        """The distinct (value, text) its mentions write: 하반기 and "the latter half of the
        year" are one fact of a bilingual source, written two ways."""
        seen: dict[str, tuple[Value, str]] = {}
        for m in sorted(self.mentions, key=lambda m: (m.claim.start, m.claim.end)):
            seen.setdefault(repr(m.claim.value), (m.claim.value, m.claim.text))
        return tuple(seen.values())[:8]


_OUTCOME_RANK = MappingProxyType({"equal": 0, "compatible": 1, "uncertain": 2, "different": 3, "unrelated": 4})


def _fact_relation(fa: _Fact, fb: _Fact, rates: Rates | None) -> Relation:
    """The closest relation between any two ways the facts are written (usually one each)."""
    if len(fa.forms) == 1 and len(fb.forms) == 1:
        return _relation(fa.value, fb.value, fa.text, fb.text, rates)
    best: Relation | None = None
    for va, ta in fa.forms:
        for vb, tb in fb.forms:
            r = _relation(va, vb, ta, tb, rates)
            if best is None or _OUTCOME_RANK[r.outcome] < _OUTCOME_RANK[best.outcome]:
                best = r
    assert best is not None
    return best


def _fact_key(c: Claim) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(dedupe key, comparison classes finest first) of a claim; None for publication dates."""
    v = c.value
    if c.kind == "date" and c.role == "published":
        return None
    if isinstance(v, Money):
        return (("money", str(v.currency), dec_str(v.amount), str(v.low), str(v.high)),
                (f"money:{v.currency}", "money", "figure"))
    if isinstance(v, Percent):
        return (("percent", v.unit, dec_str(v.value), str(v.low), str(v.high)),
                (f"percent:{v.unit}", "percent", "figure"))
    if isinstance(v, Number):
        return ("number", dec_str(v.value), str(v.low), str(v.high)), ("number", "number", "figure")
    if isinstance(v, Quantity):
        based = _quantity_base(v)
        if based is None:
            cls = f"quantity:{v.unit}"
            return ("quantity", v.unit, dec_str(v.value), str(v.low), str(v.high)), (cls, cls, "figure")
        unit, n = based
        cls = f"quantity:{unit}"
        return ("quantity", unit, str(n.lo and dec_str(n.lo)), str(n.hi and dec_str(n.hi))), (cls, cls, "figure")
    if isinstance(v, DateValue):
        return ("date",) + _date_key(v), (f"date:{_date_bucket(v)}",)
    if isinstance(v, Name):
        return (v.kind, v.key), (v.kind,)
    return (c.kind, json.dumps(v.to_dict(), sort_keys=True, ensure_ascii=False)), (c.kind,)


def _representative(claims: list[Claim]) -> Claim:
    """The claim that speaks for a fact: an exact one before an approximate one, an explicit
    currency before an assumed one, then the first in the text."""
    def rank(c: Claim) -> tuple[int, int, int]:
        v = c.value
        return (int(bool(getattr(v, "approx", False))), int(bool(getattr(v, "currency_assumed", False))), c.start)
    return min(claims, key=rank)


# ============================================================================ sentences
_SENTENCE_END = re.compile(r"(?<=[.!?。？！])[\"'”’)\]]*[ \t]+(?=\S)|\n+")


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        if m.end() < len(text):
            starts.append(m.end())
    return starts


# ============================================================================ a prepared source
@dataclass(frozen=True, slots=True)
class _Prepared:
    info: SourceInfo
    source: Source
    claims: tuple[Claim, ...]
    facts: tuple[_Fact, ...]
    published: tuple[Claim, ...]
    n_sentences: int
    # sentence -> (fact, claim) of every mention in it, in fact order: beads look mentions up
    # by sentence instead of scanning every fact (alignment stays linear in the text)
    by_sentence: Mapping[int, tuple[tuple[_Fact, Claim], ...]] = field(default_factory=dict, compare=False)


def _prepare(src: Source, claims: Sequence[Claim], info: SourceInfo, first_id: int) -> _Prepared:
    claims = tuple(sorted(claims, key=lambda c: (c.start, c.end, c.kind, c.rule, c.text)))
    starts = _sentence_starts(src.text)
    groups: dict[tuple[str, ...], list[Claim]] = {}
    classes: dict[tuple[str, ...], str] = {}
    published: list[Claim] = []
    for c in claims:
        fk = _fact_key(c)
        if fk is None:
            published.append(c)
            continue
        key, cls = fk
        groups.setdefault(key, []).append(c)
        classes[key] = cls
    facts = []
    for n, key in enumerate(sorted(groups, key=lambda k: (groups[k][0].start, k))):
        cs = groups[key]
        rep = _representative(cs)
        value = rep.value
        mentions = tuple(_Mention(info.id, c, bisect.bisect_right(starts, c.start) - 1) for c in cs)
        facts.append(_Fact(first_id + n, info.id, rep.kind, classes[key], key, value, rep.text, mentions,
                           all(c.role == "statement" for c in cs)))
    by_sentence: dict[int, list[tuple[_Fact, Claim]]] = {}
    for f in facts:
        for m in f.mentions:
            by_sentence.setdefault(m.sentence, []).append((f, m.claim))
    return _Prepared(info, src, claims, tuple(facts), tuple(published), len(starts),
                     MappingProxyType({k: tuple(v) for k, v in by_sentence.items()}))


# ============================================================================ aligning two sources
@dataclass(slots=True)
class _Pair:
    """What the comparison of two sources found, as edges between facts."""

    a: _Prepared
    b: _Prepared
    matched: dict[int, int] = field(default_factory=dict)  # fact id -> partner fact id (both ways)
    edges: list[tuple[int, int, Relation]] = field(default_factory=list)
    beads: list[tuple[frozenset[int], frozenset[int], bool]] = field(default_factory=list)


def _anchor_points(pair: _Pair, facts: dict[int, _Fact]) -> dict[tuple[int, int], float]:
    points: dict[tuple[int, int], float] = {}
    for fa_id, fb_id in pair.matched.items():
        fa, fb = facts[fa_id], facts[fb_id]
        if fa.source != pair.a.info.id:
            continue
        sa, sb = fa.sentences, fb.sentences
        if len(sa) * len(sb) <= _ALL_PAIRS_MAX:
            w = 1.0 / (len(sa) * len(sb))
            for i in sa:
                for j in sb:
                    points[(i, j)] = points.get((i, j), 0.0) + w
            continue
        # a fact repeated in many sentences on both sides: pair each mention with the mention
        # nearest in relative position on the other side, so the points stay linear in the
        # number of mentions (all pairs would grow with the square of the repetitions)
        na, nb = max(pair.a.n_sentences, 1), max(pair.b.n_sentences, 1)
        la, lb = sorted(sa), sorted(sb)
        w = 1.0 / max(len(la), len(lb))
        for i, j in _nearest_pairs(la, lb, na, nb) | {(i, j) for j, i in _nearest_pairs(lb, la, nb, na)}:
            points[(i, j)] = points.get((i, j), 0.0) + w
    return points


_ALL_PAIRS_MAX = 16


def _nearest_pairs(xs: list[int], ys: list[int], nx: int, ny: int) -> set[tuple[int, int]]:
    """Each x with the y nearest to it in relative position (x/nx against y/ny)."""
    out: set[tuple[int, int]] = set()
    rel = [y / ny for y in ys]
    for x in xs:
        k = bisect.bisect_left(rel, x / nx)
        cands = [c for c in (k - 1, k) if 0 <= c < len(ys)]
        best = min(cands, key=lambda c: (abs(rel[c] - x / nx), c))
        out.add((x, ys[best]))
    return out


def _chain(points: dict[tuple[int, int], float], *, strict: bool = False) -> list[tuple[int, int]]:
    """The heaviest chain of points increasing in both coordinates: non-decreasing (a sentence
    may align with two), or strictly increasing (``strict``: one mention with one). A weighted
    longest increasing subsequence, O(n log n) with a Fenwick tree of maxima; among equal
    chains the one that ends first wins."""
    pts = sorted(points, key=lambda p: (p[0], -p[1]) if strict else p)
    if not pts:
        return []
    js = sorted({j for _, j in pts})
    rank = {j: n + 1 for n, j in enumerate(js)}
    size = len(js)
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)
    best: list[float] = []
    back: list[int] = []
    for k, (i, j) in enumerate(pts):
        r = rank[j] - 1 if strict else rank[j]
        b, arg = 0.0, -1
        x = r
        while x > 0:
            if tree[x][0] > b:
                b, arg = tree[x]
            x -= x & -x
        best.append(b + points[(i, j)])
        back.append(arg)
        x = rank[j]
        while x <= size:
            if best[k] > tree[x][0]:
                tree[x] = (best[k], k)
            x += x & -x
    k = max(range(len(pts)), key=lambda n: (best[n], -pts[n][0], -pts[n][1]))
    out = []
    while k >= 0:
        out.append(pts[k])
        k = back[k]
    return out[::-1]


def _chains(points: dict[tuple[int, int], float], n: int, m: int) -> list[list[tuple[int, int]]]:
    """The strict chain that keeps the earliest of equal anchors and the one that keeps the
    latest (a figure written twice on one side, once on the other, could be either)."""
    first = _chain(points, strict=True)
    mirrored = _chain({(n - 1 - i, m - 1 - j): w for (i, j), w in points.items()}, strict=True)
    last = sorted((n - 1 - i, m - 1 - j) for i, j in mirrored)
    return [first] if first == last else [first, last]


def _beads(pair: _Pair, facts: dict[int, _Fact], aligned: bool) -> list[tuple[frozenset[int], frozenset[int], bool]]:
    """Pairs of aligned sentence sets (A sentences, B sentences, anchored)."""
    na, nb = pair.a.n_sentences, pair.b.n_sentences
    points = _anchor_points(pair, facts)
    if len(points) > 4000:  # very long texts: keep the strongest points for the chain
        points = dict(sorted(points.items(), key=lambda kv: (-kv[1], kv[0]))[:4000])
    chain = _chain(points)
    beads: list[tuple[frozenset[int], frozenset[int], bool]] = []
    # anchored beads: runs of chain points connected through a shared sentence
    groups: list[tuple[set[int], set[int]]] = []
    for i, j in chain:
        if groups and (i in groups[-1][0] or j in groups[-1][1]):
            groups[-1][0].add(i)
            groups[-1][1].add(j)
        else:
            groups.append(({i}, {j}))
    prev_a, prev_b = -1, -1
    for ga, gb in groups + [({na}, {nb})]:
        lo_a, lo_b = min(ga), min(gb)
        gap_a = list(range(prev_a + 1, lo_a))
        gap_b = list(range(prev_b + 1, lo_b))
        if gap_a and gap_b:
            if len(gap_a) == len(gap_b):
                for x, y in zip(gap_a, gap_b):
                    beads.append((frozenset({x}), frozenset({y}), False))
            elif max(len(gap_a), len(gap_b)) <= 3:
                beads.append((frozenset(gap_a), frozenset(gap_b), False))
        if lo_a < na:
            beads.append((frozenset(ga), frozenset(gb), True))
        prev_a, prev_b = max(ga), max(gb)
    # sentences that share anchors out of the chain's order (an article retelling a release)
    in_chain = set(chain)
    for (i, j), w in sorted(points.items()):
        if (i, j) not in in_chain and w >= 1.0:
            beads.append((frozenset({i}), frozenset({j}), True))
    if aligned:
        beads.append((frozenset(range(na)), frozenset(range(nb)), True))
    return beads


def _context_score(fa: _Fact, fb: _Fact, beads: list[tuple[frozenset[int], frozenset[int], bool]]) -> int:
    sa, sb = fa.sentences, fb.sentences
    return sum(1 for ba, bb, _ in beads if sa & ba and sb & bb)


def _compare_pair(pair: _Pair, facts: dict[int, _Fact], rates: Rates | None, aligned: bool,
                  statement_checked: set[str]) -> None:
    A, B = pair.a, pair.b
    # 1. equal facts
    b_by_key = {f.key: f for f in B.facts}
    for fa in A.facts:
        fb = b_by_key.get(fa.key)
        if fb is not None:
            pair.matched[fa.id] = fb.id
            pair.matched[fb.id] = fa.id
            pair.edges.append((fa.id, fb.id, Relation("equal", "equal")))
    pair.beads = _beads(pair, facts, aligned)
    # 2. compatible facts, best first (relation strength, then aligned context). A conversion
    #    (miles to km, dollars to won) is the weakest evidence: it gives way to a figure of
    #    the same unit that differs by one digit, which is then compared as the same slot.
    cands = []
    unmatched_a = [f for f in A.facts if f.id not in pair.matched]
    unmatched_b = [f for f in B.facts if f.id not in pair.matched]
    for fa in unmatched_a:
        for fb in unmatched_b:
            if not _may_compare(fa, fb):
                continue
            rel = _fact_relation(fa, fb, rates)
            if not rel.matches:
                continue
            if rel.reason == "converted" and (_has_lookalike(fa, unmatched_b) or _has_lookalike(fb, unmatched_a)):
                continue
            strength = _STRENGTH.get(rel.reason, 3)
            ctx = _context_score(fa, fb, pair.beads)
            cands.append((-strength, -ctx, fa.mentions[0].claim.start, fb.mentions[0].claim.start, fa.id, fb.id, rel))
    cands.sort(key=lambda t: t[:6])
    for _, _, _, _, ida, idb, rel in cands:
        if ida in pair.matched or idb in pair.matched:
            continue
        pair.matched[ida] = idb
        pair.matched[idb] = ida
        pair.edges.append((ida, idb, rel))
    pair.beads = _beads(pair, facts, aligned)
    # 3. the same slot: one leftover of a class on each side of a pair of aligned sentences,
    #    or between the same two anchors inside them
    found: dict[int, dict[int, int]] = {}  # fact -> partner -> finest class level that paired them
    for ba, bb, _anch in pair.beads:
        for fa_id, fb_id, level in _slot_pairs(pair, facts, ba, bb, statement_checked):
            for x, y in ((fa_id, fb_id), (fb_id, fa_id)):
                known = found.setdefault(x, {})
                known[y] = min(level, known.get(y, level))

    def partner(x: int) -> int | None:
        """The one partner at the finest level that paired ``x``; None when ambiguous."""
        options = found.get(x, {})
        if not options:
            return None
        best = min(options.values())
        at_best = [y for y, lv in options.items() if lv == best]
        return at_best[0] if len(at_best) == 1 else None

    for fa_id in sorted(found):
        if facts[fa_id].source != A.info.id:
            continue
        fb_id = partner(fa_id)
        if fb_id is None or partner(fb_id) != fa_id:
            continue  # paired differently elsewhere: ambiguous, say nothing
        fa, fb = facts[fa_id], facts[fb_id]
        rel = _fact_relation(fa, fb, rates)
        if (rel.outcome == "different" or rel.reason == "unit-omitted") and not _plausible(fa, fb):
            continue  # figures too unlike to be one figure written wrong: two facts
        if rel.outcome in ("different", "uncertain") or (rel.matches and fa_id not in pair.matched and fb_id not in pair.matched):
            pair.edges.append((fa_id, fb_id, rel))


def _slot_pairs(pair: _Pair, facts: dict[int, _Fact], ba: frozenset[int], bb: frozenset[int],
                statement_checked: set[str]) -> list[tuple[int, int, int]]:
    """Facts of A and B that fill the same slot in a bead (with the class level that paired
    them: 0 finest): per class (finest first), the one
    fact left over on each side of the bead, or on each side between two consecutive anchors
    (matched claims in the same order in both texts)."""
    A, B = pair.a, pair.b
    ma = _bead_mentions(A, ba, bb, pair, facts, statement_checked)
    mb = _bead_mentions(B, bb, ba, pair, facts, statement_checked)
    if not ma or not mb:
        return []
    # the anchors: mentions of matched facts whose partner is mentioned in the bead, in order
    points = []
    for i, (fa, ca, left_a) in enumerate(ma):
        if left_a:
            continue
        partner = pair.matched[fa.id]
        for j, (fb, cb, left_b) in enumerate(mb):
            if not left_b and fb.id == partner:
                points.append((i, j))
    out: list[tuple[int, int, int]] = []
    whole = (list(range(len(ma))), list(range(len(mb))))
    _pair_regions(pair, facts, [whole], ma, mb, out)
    for chain in _chains({p: 1.0 for p in points}, len(ma), len(mb)):
        # between anchors, a repeated mention of an anchored fact (the second of two 72%s
        # where the other text has 72% and 70%) is left over there
        on_a = {i for i, _ in chain}
        on_b = {j for _, j in chain}
        anchored_a = {ma[i][0].id for i in on_a}
        anchored_b = {mb[j][0].id for j in on_b}
        la = [(f, c, left or (i not in on_a and f.id in anchored_a)) for i, (f, c, left) in enumerate(ma)]
        lb = [(f, c, left or (j not in on_b and f.id in anchored_b)) for j, (f, c, left) in enumerate(mb)]
        regions: list[tuple[list[int], list[int]]] = []
        prev_i, prev_j = -1, -1
        for i, j in chain + [(len(ma), len(mb))]:
            regions.append((list(range(prev_i + 1, i)), list(range(prev_j + 1, j))))
            prev_i, prev_j = i, j
        _pair_regions(pair, facts, regions, la, lb, out)
    return out


def _pair_regions(pair: _Pair, facts: dict[int, _Fact], regions: list[tuple[list[int], list[int]]],
                  ma: list[tuple[_Fact, Claim, bool]], mb: list[tuple[_Fact, Claim, bool]],
                  out: list[tuple[int, int, int]]) -> None:
    """Per region and per class (finest first), the one leftover on each side, or the pairs of
    look-alike figures among several."""
    for ra, rb in regions:
        paired: set[int] = set()
        for level in range(3):
            left_a: dict[str, set[int]] = {}
            left_b: dict[str, set[int]] = {}
            for side, idx, left in ((ma, ra, left_a), (mb, rb, left_b)):
                for k in idx:
                    f, _, is_left = side[k]
                    if is_left and f.id not in paired:
                        left.setdefault(f.classes[min(level, len(f.classes) - 1)], set()).add(f.id)
            for cls in sorted(set(left_a) & set(left_b)):
                la, lb = left_a[cls], left_b[cls]
                if len(la) == 1 and len(lb) == 1:
                    candidates = [(next(iter(la)), next(iter(lb)))]
                else:
                    candidates = _alike_pairs(sorted(la), sorted(lb), facts)
                if cls == "figure":  # across kinds only a plain number meets a measured figure
                    candidates = [(x, y) for x, y in candidates
                                  if (facts[x].kind == "number") != (facts[y].kind == "number")]
                for fa_id, fb_id in candidates:
                    if fa_id in pair.matched and fb_id in pair.matched:
                        continue  # both matched elsewhere: repeated mentions, not a slot
                    out.append((fa_id, fb_id, level))
                    paired.update((fa_id, fb_id))


def _alike_pairs(la: list[int], lb: list[int], facts: dict[int, _Fact]) -> list[tuple[int, int]]:
    """Among several leftover figures on each side, the pairs that are each other's only
    look-alike (:func:`_strongly_alike`): 1,153 among (1,153, 2011) against 1,553 among
    (1,553, 3)."""
    links = {(a, b) for a in la for b in lb if _strongly_alike(facts[a], facts[b])}
    if not links:  # no strong look-alike: a single plausible pair among unlike figures
        links = {(a, b) for a in la for b in lb
                 if facts[a].kind in NUMERIC_KINDS and facts[b].kind in NUMERIC_KINDS
                 and facts[a].kind == facts[b].kind and _plausible(facts[a], facts[b])}
    out = []
    for a, b in sorted(links):
        if sum(1 for x, _ in links if x == a) == 1 and sum(1 for _, y in links if y == b) == 1:
            out.append((a, b))
    return out


def _bead_mentions(P: _Prepared, mine: frozenset[int], theirs: frozenset[int], pair: _Pair,
                   facts: dict[int, _Fact], statement_checked: set[str]) -> list[tuple[_Fact, Claim, bool]]:
    """The mentions of ``P`` in sentences ``mine``, in text order, each with whether its fact
    is left over here (unmatched, or its counterpart is not in ``theirs``)."""
    out = []
    lefts: dict[int, bool] = {}
    for sentence in mine:
        for f, claim in P.by_sentence.get(sentence, ()):
            if f.statement_only and f.source in statement_checked and getattr(f.value, "start", None) is None:
                continue  # "said Friday" in an undated text: checked against the publication dates instead
            left = lefts.get(f.id)
            if left is None:
                partner = pair.matched.get(f.id)
                left = lefts[f.id] = partner is None or not (facts[partner].sentences & theirs)
            out.append((f, claim, left))
    out.sort(key=lambda t: (t[1].start, t[1].end, t[0].id))
    return out


def _digits(x: Decimal) -> str:
    return dec_str(abs(x)).replace(".", "").lstrip("0") or "0"


def _figures_alike(x: Decimal, y: Decimal, magnitude: bool) -> bool:
    """Whether two different figures look like one figure written wrong: a digit changed or
    two swapped (1,153 / 1,553), close values (within half), or the same digits at another
    scale (3억 / 30 million; ``magnitude``)."""
    if x == y:
        return True
    if x == 0 or y == 0:
        return False
    dx, dy = _digits(x), _digits(y)
    if len(dx) == len(dy) and (sum(a != b for a, b in zip(dx, dy)) <= 1 or sorted(dx) == sorted(dy)):
        return True
    big, small = max(abs(x), abs(y)), min(abs(x), abs(y))
    if big / small <= Decimal("1.5"):
        return True
    if magnitude and dx.rstrip("0") == dy.rstrip("0") and len(dx.rstrip("0")) >= 2:
        return True
    return False


def _ends(f: _Fact, base: bool = True) -> list[Decimal]:
    """The figures a value states: one for a figure or a bound, two for a range; quantities in
    the base units of their dimension (``base``) or as written."""
    v = f.value
    n: _Num | None = None
    if isinstance(v, Quantity) and base:
        based = _quantity_base(v, f.text)
        n = based[1] if based is not None else None
    if n is None and isinstance(v, (Money, Number, Percent, Quantity)):
        n = _num(v, f.text)
    if n is None:
        return []
    if n.point is not None:
        return [n.point]
    return [e for e in (n.lo, n.hi) if e is not None]


def _strongly_alike(x: _Fact, y: _Fact) -> bool:
    """One figure written wrong, by its digits alone: the same unit, figures of two digits or
    more, one digit changed or two swapped (1,153 / 1,553)."""
    if x.kind not in NUMERIC_KINDS or y.kind not in NUMERIC_KINDS:
        return False
    if isinstance(x.value, Quantity) and isinstance(y.value, Quantity) and x.value.unit != y.value.unit:
        return False
    ex, ey = _ends(x, False), _ends(y, False)
    if not ex or len(ex) != len(ey):
        return False
    for p, q in zip(ex, ey):
        dp, dq = _digits(p), _digits(q)
        if len(dp) < 2 or len(dq) != len(dp) or p == q:
            if p == q and len(ex) > 1:
                continue
            return False
        if not (sum(a != b for a, b in zip(dp, dq)) <= 1 or sorted(dp) == sorted(dq)):
            return False
    return True


def _weak_one(f: _Fact) -> bool:
    """The number one, unless written in digits with a counting word (1명, 1개월): "one" and
    한 are as often an article as a figure (한 건도, one of them), and a bare 1 often an
    ordinal or a score (1심, 1라운드, 1-0)."""
    v = f.value
    if not isinstance(v, Number) or _ends(f) != [Decimal(1)]:
        return False
    return not (v.counter and any(ch.isdigit() for m in f.mentions for ch in m.claim.text))


def _plausible(fa: _Fact, fb: _Fact) -> bool:
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
    if isinstance(fa.value, Quantity) and isinstance(fb.value, Quantity) and fa.value.unit == fb.value.unit:
        ea, eb = _ends(fa, False), _ends(fb, False)  # one unit: compare the figures as written
    elif isinstance(fa.value, Quantity) and isinstance(fb.value, Quantity):
        # different units: compare in the units of each side, at its precision
        qa, qb = _quantity_base(fa.value), _quantity_base(fb.value)
        if qa is None or qb is None:
            return False
        return any(_figures_alike(x, y, True) for x, y in
                   ((_in_units_of(fb, fa), fa.value.value), (_in_units_of(fa, fb), fb.value.value))
                   if x is not None)
    if fa.kind != fb.kind:  # a figure whose unit one side leaves out: compare as written
        ea, eb = _ends(fa, False), _ends(fb, False)
    if isinstance(fa.value, Money) and isinstance(fb.value, Money) and fa.value.currency != fb.value.currency:
        return True  # converted at the user's rates: the relation has judged the amounts
    magnitude = fa.kind != "number" or fb.kind != "number"
    return all(_figures_alike(x, y, magnitude or len(_digits(x).rstrip("0")) >= 2) for x, y in zip(ea, eb))


def _in_units_of(f: _Fact, other: _Fact) -> Decimal | None:
    """The value of quantity ``f`` in the unit of ``other``, rounded to ``other``'s precision."""
    from factcheck.locale.units import to_base

    try:
        base_f = to_base(f.value.value, f.value.unit)[0]  # type: ignore[union-attr]
        one = to_base(Decimal(1), other.value.unit)[0]  # type: ignore[union-attr]
    except Exception:
        return None
    if one == 0:
        return None
    q = _quantum(other.value.value)  # type: ignore[union-attr]
    return (base_f / one).quantize(q, rounding=ROUND_HALF_UP) if q >= 1 else (base_f / one).quantize(q, rounding=ROUND_HALF_UP)


#: how much a compatible relation says that two facts are one (equal figures rank first)
_STRENGTH = MappingProxyType({"equal": 4, "same-relative": 3, "overlap": 2, "converted": 1})


def _has_lookalike(f: _Fact, others: list[_Fact]) -> bool:
    """Whether one of ``others`` is the same kind of figure in the same unit, one digit away."""
    return any(o.classes[0] == f.classes[0] and _strongly_alike(f, o) for o in others)


def _may_compare(fa: _Fact, fb: _Fact) -> bool:
    if fa.cls == fb.cls:
        return True
    ka, kb = fa.kind, fb.kind
    if ka in NAME_KINDS and kb in NAME_KINDS:
        return True
    return "number" in (ka, kb) and ka in NUMERIC_KINDS and kb in NUMERIC_KINDS


# ============================================================================ the report
class _Union:
    def __init__(self, ids: Iterable[int]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def _show_bounded(value: Any, main: Decimal, unit: str) -> str:
    """A measured value with its bounds and approximation: "about 5-7 USD", "at least 3%"."""
    if value.low is not None and value.high is not None:
        s = f"{_show_dec(value.low)}-{_show_dec(value.high)}{unit}"
    elif value.low is not None:
        s = f"at least {_show_dec(value.low)}{unit}"
    elif value.high is not None:
        s = f"up to {_show_dec(value.high)}{unit}"
    else:
        s = f"{_show_dec(main)}{unit}"
    return ("about " if value.approx else "") + s


def _show(value: Value, text: str = "") -> str:
    if isinstance(value, Money):
        return _show_bounded(value, value.amount, " " + (value.currency or "(currency unknown)"))
    if isinstance(value, (Number, Percent, Quantity)):
        unit = {"percent": "%", "percentage_point": " percentage points"}.get(getattr(value, "unit", ""), "")
        if isinstance(value, Quantity):
            unit = " " + value.unit.replace("_", " ")
        return _show_bounded(value, value.value, unit)
    if isinstance(value, DateValue):
        return _show_date(value, text)
    if isinstance(value, Name):
        return value.name
    return text


def _one_line(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _quote(f: _Fact) -> str:
    return f"'{_one_line(f.text)}' ({f.source})"


@dataclass(frozen=True, slots=True)
class _Ctx:
    order: Mapping[str, int]  # source id -> rank (the pivot first, then by id)
    compared: frozenset[tuple[str, str]]
    rates: Rates | None
    segment: str | None


def _group_finding(members: list[_Fact], edges: list[tuple[int, int, Relation]], ctx: _Ctx,
                   all_sources: tuple[str, ...]) -> Finding:
    members = sorted(members, key=lambda f: (ctx.order[f.source], f.mentions[0].claim.start, f.id))
    sources = sorted({f.source for f in members}, key=lambda s: ctx.order[s])
    missing = tuple(s for s in all_sources if s not in sources)
    claims = tuple(SourceClaim(m.source, m.claim)
                   for f in members for m in sorted(f.mentions, key=lambda m: (m.claim.start, m.claim.end)))
    kind = min((f.kind for f in members), key=lambda k: (k == "number", k))
    # the relations inside the group, between sources that are compared
    rels: list[tuple[_Fact, _Fact, Relation]] = []
    ids = {f.id for f in members}
    edge_rel = {(min(x, y), max(x, y)): r for x, y, r in edges if x in ids and y in ids}
    for i, fa in enumerate(members):
        for fb in members[i + 1:]:
            if fa.source == fb.source or (fa.source, fb.source) not in ctx.compared:
                continue
            r = edge_rel.get((min(fa.id, fb.id), max(fa.id, fb.id)))
            if r is None:
                r = _fact_relation(fa, fb, ctx.rates)
            rels.append((fa, fb, r))
    different = [(x, y, r) for x, y, r in rels if r.outcome == "different"]
    uncertain = [(x, y, r) for x, y, r in rels if r.outcome == "uncertain" and not _settled(x, y, rels)]
    notes = sorted({r.note for _, _, r in rels if r.matches and r.note})
    if different:
        x, y, r = different[0]
        # the side that disagrees with more sources, or the later source, speaks first
        side_x, side_y = _side(x, rels), _side(y, rels)
        side_x = [f for f in side_x if f not in side_y] or [x]
        words = _REASON_WORDS.get(r.reason, "they differ")
        msg = f"{_values_of(side_y, ctx)} against {_values_of(side_x, ctx)}: {words}"
        if r.note and r.note != words:
            msg += f" ({r.note})"
        return Finding("conflict", kind, claims, _one_line(msg), r.reason, ctx.segment, missing)
    if uncertain:
        x, y, r = uncertain[0]
        msg = f"{_quote(x)} and {_quote(y)} cannot be compared: {r.note or r.reason}"
        return Finding("uncertain", kind, claims, _one_line(msg), r.reason, ctx.segment, missing)
    best = _best(members)
    shown = _show(best.value, best.text)
    if len(sources) == 1:
        f = members[0]
        where = ", ".join(missing) if missing else "the other sources"
        written = ", ".join(repr(_one_line(g.text)) for g in members if _one_line(g.text) != shown)
        msg = f"{shown}{f' ({written})' if written else ''} only in {f.source}, not in {where}"
        return Finding("missing", kind, claims, _one_line(msg), f"only-in:{f.source}", ctx.segment, missing)
    where = "all sources" if not missing else ", ".join(sources)
    msg = f"{shown} in {where}"
    if notes:
        msg += " (" + "; ".join(notes) + ")"
    reason = "equal" if not notes else sorted({r.reason for _, _, r in rels if r.matches and r.note})[0]
    if missing:
        msg += f"; not in {', '.join(missing)}"
        return Finding("missing", kind, claims, _one_line(msg), "missing-in:" + ",".join(missing), ctx.segment, missing)
    return Finding("match", kind, claims, _one_line(msg), reason, ctx.segment, missing)


_REASON_WORDS = MappingProxyType({
    "different-value": "the figures differ",
    "different-amount": "the amounts differ",
    "different-date": "the dates differ",
    "different-name": "the names differ",
    "different-entity": "they name different entities",
    "percent-vs-points": "percent and percentage points are different units",
})


def _side(start: _Fact, rels: list[tuple[_Fact, _Fact, Relation]]) -> list[_Fact]:
    """The members that agree with ``start`` (linked to it by matching relations)."""
    seen = {start.id: start}
    todo = [start]
    while todo:
        cur = todo.pop()
        for a, b, r in rels:
            if r.matches and cur.id in (a.id, b.id):
                other = b if a.id == cur.id else a
                if other.id not in seen:
                    seen[other.id] = other
                    todo.append(other)
    return sorted(seen.values(), key=lambda f: f.id)


def _best(members: list[_Fact]) -> _Fact:
    """The member whose value says most: a resolved date, an explicit currency, an exact
    figure, a measured kind rather than a plain number."""
    def rank(f: _Fact) -> tuple[int, int, int, int]:
        v = f.value
        return (int(isinstance(v, DateValue) and v.start is None), int(bool(getattr(v, "currency_assumed", False))),
                int(bool(getattr(v, "approx", False))), int(f.kind == "number"))
    return min(members, key=rank)


def _values_of(facts: list[_Fact], ctx: _Ctx) -> str:
    """One value and where it is written: 16,000,000 USD ('1,600만불' in ko, '16 million USD' in en)."""
    f = _best(facts)
    where = ", ".join(f"'{_one_line(g.text)}' in {g.source}"
                      for g in sorted(facts, key=lambda g: (ctx.order[g.source], g.id)))
    if isinstance(f.value, DateValue) and f.value.start is None:
        return f"{where} (no reference date)"
    return f"{_show(f.value, f.text)} ({where})"


def _settled(x: _Fact, y: _Fact, rels: list[tuple[_Fact, _Fact, Relation]]) -> bool:
    """Two partial dates that cannot be told apart are settled by a third member that both
    match (a resolved date)."""
    def ok(p: _Fact, q: _Fact) -> bool:
        return any(r.matches and {a.id, b.id} == {p.id, q.id} for a, b, r in rels)
    others = {f.id: f for a, b, _ in rels for f in (a, b) if f.id not in (x.id, y.id)}
    return any(ok(x, z) and ok(y, z) for z in others.values())


def _statement_findings(prepared: list[_Prepared], facts: dict[int, _Fact], ctx: _Ctx,
                        covered: set[int]) -> list[Finding]:
    """Statement dates ("said Friday") against the publication dates of the other sources."""
    out = []
    for P in prepared:
        others = [(Q, Q.info.published) for Q in prepared
                  if Q.info.id != P.info.id and Q.info.published is not None
                  and (P.info.id, Q.info.id) in ctx.compared]
        if not others:
            continue
        for f in P.facts:
            for m in f.mentions:
                c = m.claim
                if c.role != "statement" or not isinstance(c.value, DateValue):
                    continue
                fits = []
                for Q, day in others:
                    pub = DateValue(grain="day", start=day, end=day)
                    if unify(c.value, pub) is not None:
                        fits.append(Q)
                pubs = ", ".join(f"{Q.info.id} {day.isoformat()} ({day.strftime('%A')})" for Q, day in others)
                cited = tuple(SourceClaim(Q.info.id, pc) for Q, _ in others for pc in Q.published)
                claims = (SourceClaim(P.info.id, c),) + cited
                span = interval(c.value)
                if not fits and span is not None and span[1] < min(day for _, day in others):
                    continue  # said before the others were published: an earlier statement, not a slip
                if not fits:
                    if _unchecked(c.value):
                        if f.id in covered:
                            continue
                        msg = (f"statement date '{_one_line(c.text)}' ({P.info.id}) cannot be checked against the "
                               f"publication dates ({pubs}): its source has no reference date")
                        out.append(Finding("uncertain", "date", claims, msg, "statement-unchecked", ctx.segment))
                        continue
                    shown = _show_date(c.value) if c.value.start is not None else f"a {c.value.weekday.capitalize()}" \
                        if c.value.weekday and c.value.day is None else _show_date(c.value, c.text)
                    msg = (f"statement date '{_one_line(c.text)}' ({P.info.id}: {shown}) is not the day the other "
                           f"sources were published: {pubs}")
                    out.append(Finding("conflict", "date", claims, msg, "statement-vs-published", ctx.segment))
                elif f.id not in covered:
                    msg = (f"statement date '{_one_line(c.text)}' ({P.info.id}) fits the publication date of "
                           f"{', '.join(Q.info.id for Q in fits)}")
                    out.append(Finding("match", "date", claims, msg, "statement-vs-published", ctx.segment))
    return out


def _published_findings(prepared: list[_Prepared], ctx: _Ctx, all_sources: tuple[str, ...]) -> list[Finding]:
    by_day: dict[str, list[tuple[str, Claim]]] = {}
    for P in prepared:
        for c in P.published:
            v = c.value
            day = v.start.isoformat()[:10] if isinstance(v, DateValue) and v.start is not None else c.text
            by_day.setdefault(day, []).append((P.info.id, c))
    out = []
    for day, items in sorted(by_day.items()):
        items.sort(key=lambda t: (ctx.order[t[0]], t[1].start))
        srcs = sorted({s for s, _ in items}, key=lambda s: ctx.order[s])
        claims = tuple(SourceClaim(s, c) for s, c in items)
        missing = tuple(s for s in all_sources if s not in srcs)
        if len(srcs) > 1 and not missing:
            out.append(Finding("match", "date", claims, f"published {day} in {', '.join(srcs)}", "published",
                               ctx.segment))
        else:
            msg = f"publication date {day} stated in {', '.join(srcs)} only"
            out.append(Finding("missing", "date", claims, msg, "published", ctx.segment, missing))
    return out


def _mismatch_findings(prepared: list[_Prepared], ctx: _Ctx) -> list[Finding]:
    out = []
    for P in prepared:
        for c in P.claims:
            v = c.value
            if isinstance(v, DateValue) and v.weekday_mismatch and v.start is not None:
                day = v.start.date() if isinstance(v.start, _dt.datetime) else v.start
                msg = (f"'{_one_line(c.text)}' ({P.info.id}): {day.isoformat()} was a {day.strftime('%A')}, "
                       f"not a {str(v.weekday).capitalize()}")
                out.append(Finding("conflict", "date", (SourceClaim(P.info.id, c),), msg, "weekday-mismatch",
                                   ctx.segment))
    return out


def _finding_key(f: Finding, order: Mapping[str, int]) -> tuple[Any, ...]:
    first = min(((order.get(c.source, 99), c.claim.start, c.claim.end) for c in f.claims), default=(99, 0, 0))
    return (first, _VERDICT_RANK[f.verdict], f.kind, f.message)


def _compare(prepared: list[_Prepared], pivot: str | None, rates: Rates | None, segment: str | None,
             aligned: bool) -> list[Finding]:
    ids = tuple(P.info.id for P in prepared)
    order = {s: n for n, s in enumerate(ids)}
    if pivot is not None:
        pairs = [(prepared[0], Q) for Q in prepared[1:]]
    else:
        pairs = [(prepared[i], prepared[j]) for i in range(len(prepared)) for j in range(i + 1, len(prepared))]
    compared = frozenset((a.info.id, b.info.id) for a, b in pairs) | frozenset((b.info.id, a.info.id) for a, b in pairs)
    ctx = _Ctx(MappingProxyType(order), compared, rates, segment)
    facts = {f.id: f for P in prepared for f in P.facts}
    # statement dates are checked against publication dates when another source has one
    statement_checked = {P.info.id for P in prepared
                         if any(Q.info.published is not None and (P.info.id, Q.info.id) in compared
                                for Q in prepared if Q is not P)}
    edges: list[tuple[int, int, Relation]] = []
    for A, B in pairs:
        pair = _Pair(A, B)
        _compare_pair(pair, facts, rates, aligned, statement_checked)
        edges.extend(pair.edges)
    union = _Union(sorted(facts))
    for x, y, _ in edges:
        union.union(x, y)
    groups: dict[int, list[_Fact]] = {}
    for fid in sorted(facts):
        groups.setdefault(union.find(fid), []).append(facts[fid])
    findings: list[Finding] = []
    covered: set[int] = set()
    for root in sorted(groups):
        members = groups[root]
        # a statement date alone in its group is reported by the statement check
        if (len(members) == 1 and members[0].statement_only and members[0].source in statement_checked
                and getattr(members[0].value, "start", None) is None):
            continue
        covered.update(f.id for f in members)
        findings.append(_group_finding(members, edges, ctx, ids))
    findings.extend(_statement_findings(prepared, facts, ctx, covered))
    findings.extend(_published_findings(prepared, ctx, ids))
    findings.extend(_mismatch_findings(prepared, ctx))
    findings.sort(key=lambda f: _finding_key(f, order))
    return findings


def compare_prepared(items: list[tuple[SourceInfo, Source, list[Claim]]], pivot: str | None, rates: Rates | None,
                     segment: str | None, aligned: bool) -> tuple[tuple[SourceInfo, ...], list[Finding]]:
    """Compare the claims of sources already read: ``(info, source, claims)`` for each."""
    items = sorted(items, key=lambda t: (t[0].id != pivot, t[0].id))
    prepared = []
    next_id = 0
    for info, src, claims in items:
        P = _prepare(src, claims, info, next_id)
        next_id += len(P.facts)
        prepared.append(P)
    return tuple(P.info for P in prepared), _compare(prepared, pivot, rates, segment, aligned)


def finding_order(f: Finding, order: Mapping[str, int]) -> tuple[Any, ...]:
    """The sort key of a finding in a report (sources in ``order``)."""
    return _finding_key(f, order)
