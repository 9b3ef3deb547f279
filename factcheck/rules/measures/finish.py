"""The last step of every measure rule: join ranges, take in the qualifier words around each
candidate ("about", "약", "more than", "이상"), merge a lower and an upper bound written side
by side ("more than 10 and less than 20") and build the claims."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

from factcheck.claims import Claim
from factcheck.rules.measures.candidates import WINDOW, Cand, after_word_ok, qualifier_kind
from factcheck.rules.measures.direction import direction
from factcheck.rules.measures.ranges import RangeItem, join_ranges
from factcheck.text.document import Document
from factcheck.values import Money, Number, Percent

__all__ = ["finish"]

_SIGNS = frozenset("<>=≤≥")


class _Built(NamedTuple):
    """A candidate with its range, qualifiers and final span."""

    cand: Cand
    low: Decimal | None
    high: Decimal | None
    approx: bool
    start: int
    end: int
    qualifier: str | None


def finish(doc: Document, kind: str, cands: list[Cand]) -> list[Claim]:
    """Join ranges, apply qualifiers and build the claims of ``kind``."""
    built: list[_Built] = []
    starts = {n.start for n in doc.numbers}
    for item in join_ranges(doc, cands, allow_bare=kind != "number"):
        c, lo, hi = item[0], item[1], item[2]
        if c.weak and lo is None and hi is None:
            continue  # a short word number that found no range
        built.append(_qualified(doc, item, starts))
    claims: list[Claim] = []
    i = 0
    while i < len(built):
        b = built[i]
        if i + 1 < len(built):
            merged = _bounds_pair(doc, built[i], built[i + 1])
            if merged is not None:
                b = merged
                i += 1
        c, lo, hi = b.cand, b.low, b.high
        value = c.make(lo if lo is not None and hi is not None and lo < c.amount else c.amount, lo, hi, b.approx)
        # a fall or a rise by a word (not of a quantity: "117km 떨어진" is 117 km away)
        way = direction(doc, b.start, b.end) if kind != "quantity" else None
        if way is not None and isinstance(value, (Money, Number, Percent)):
            value = replace(value, direction=way)
        claims.append(Claim(kind, doc.text[b.start:b.end], b.start, b.end, value, c.rule, doc.locale.code,
                            b.qualifier))
        i += 1
    return claims


def _qualified(doc: Document, item: RangeItem, starts: set[int]) -> _Built:
    """Widen a candidate with the qualifier words before ("about", "약", "more than") and
    after it ("가량", "이상")."""
    loc = doc.locale
    text = doc.text
    c, lo, hi, start, end = item
    approx = c.num.approx
    qualifier = None
    mb = loc.bound_before_re.search(text, max(0, start - WINDOW), start)
    sign = mb is not None and mb.group(1)[:1] in _SIGNS  # "x>10", but not "<>30"
    if mb is not None and (not loc.is_word_char(doc.char_before(mb.start(1))) or sign) \
            and not (sign and doc.char_before(mb.start(1)) in _SIGNS):
        q = qualifier_kind(doc, mb.group(1))
        # a range takes "about" ("약 3억~5억 원") but no further bound
        if q is not None and (q == "approx" or (lo is None and hi is None)):
            qualifier = " ".join(mb.group(1).split())
            start = mb.start(1)
            lo, hi, approx = _apply(q, c.amount, lo, hi, approx)
    ma = loc.bound_after_re.match(text, end)
    if ma is not None:
        word = ma.group(1)
        ok = after_word_ok(doc, word, ma.end())
        if ok and _bounds_next(doc, ma.start(1), ma.end(), starts):
            ok = False  # "5000 or less than 6000": the words bound the next number
        q = qualifier_kind(doc, word) if ok else None
        if q is not None and (q == "approx" or (lo is None and hi is None)):
            qualifier = (qualifier + " " if qualifier else "") + word
            end = ma.end()
            lo, hi, approx = _apply(q, c.amount, lo, hi, approx)
    return _Built(c, lo, hi, approx, start, end, qualifier)


def _bounds_next(doc: Document, start: int, end: int, starts: set[int]) -> bool:
    """True when the words at [start, end) begin a qualifier of the number after them."""
    loc = doc.locale
    for p in range(end, min(len(doc.text), end + 12)):
        if p in starts:
            mb = loc.bound_before_re.search(doc.text, max(0, p - WINDOW), p)
            return mb is not None and start <= mb.start(1) < end
    return False


def _bounds_pair(doc: Document, a: _Built, b: _Built) -> _Built | None:
    """Merge a lower and an upper bound written next to each other into one range: "more than
    10 and less than 20", "50 이하, 20 이상", "최대 100개에서 최소 20개"."""
    if a.qualifier is None or b.qualifier is None or a.cand.key != b.cand.key or b.start < a.end:
        return None
    one_sided_a = (a.low is None) != (a.high is None)
    one_sided_b = (b.low is None) != (b.high is None)
    if not (one_sided_a and one_sided_b) or (a.low is None) == (b.low is None):
        return None
    lo = a.low if a.low is not None else b.low
    hi = a.high if a.high is not None else b.high
    if lo is None or hi is None or lo >= hi:
        return None  # "more than 40 and less than 10": two bounds, no range
    loc = doc.locale
    gap = doc.text[a.end:b.start].strip()
    joins = [loc.fold(w) for w in loc.qualifiers.get("bounds_join", ())]
    joins += [loc.fold(w) for w in loc.qualifiers.get("range_join", ()) if loc.qualifiers.get("range_open")]
    if gap and loc.fold(gap) not in joins:
        return None
    return _Built(a.cand, lo, hi, a.approx or b.approx, a.start, b.end, f"{a.qualifier} {b.qualifier}")


def _apply(q: str, amount: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool
           ) -> tuple[Decimal | None, Decimal | None, bool]:
    """A qualifier's effect: ``approx`` marks the value, ``min``/``max`` set the bound."""
    if q == "approx":
        return lo, hi, True
    if q == "min":
        return amount, hi, approx
    return lo, amount, approx
