"""Facts linked after the slots: a range matched by one end whose other end the other side
writes as a figure of its own ("15세와 16세 사이" / 15 and 16; "2-9" / 2대0), and a value one
source states twice, once differently ("1,600만 달러" in the headline, "160만 달러" in the
body; a weekday repeated, once changed)."""

from __future__ import annotations

from decimal import Decimal

from factcheck.compare import messages
from factcheck.compare.align import Edge, Pair
from factcheck.compare.alike import MEASURED, figures_alike, rescale_key, rescaled
from factcheck.compare.facts import Fact
from factcheck.compare.relation.base import NUMERIC_KINDS, Relation
from factcheck.compare.relation.numbers import Num, num, num_relation
from factcheck.values import DateValue

__all__ = ["range_end_edges", "restatement_edges"]


def range_end_edges(pair: Pair, facts: dict[int, Fact]) -> list[Edge]:
    """A range matched by one of its ends ("15세와 16세 사이" / 15, "2-0" / 2대0) whose other end
    the other side writes as a figure of its own in the same bead (16; 0): that figure joins
    the match when it is the other end, and differs from the range when it is not and is the
    only candidate ("2-9" against 2대0). Marks those figures matched; returns the new edges."""
    out: list[Edge] = []
    linked = {f for x, y, _ in pair.edges for f in (x, y)}
    done = {f for x, y, rel in pair.edges if rel.reason in ("range-ends", "range-end") for f in (x, y)}
    for x, y, rel in list(pair.edges):
        if not rel.matches or x in done or y in done:
            continue
        fx, fy = facts[x], facts[y]
        if _two_figures(fx) and _point(fy) is not None:
            r, p = fx, fy
        elif _two_figures(fy) and _point(fx) is not None:
            r, p = fy, fx
        else:
            continue
        rv, pv = r.value, p.value
        assert isinstance(rv, MEASURED) and isinstance(pv, MEASURED)
        rn, pn = num(rv, r.text), num(pv, p.text)
        assert rn.lo is not None and rn.hi is not None
        point = _point(p)
        assert point is not None
        other = rn.hi if num_relation(rn.at(rn.lo), pn.at(point)).matches else rn.lo
        if other == rn.lo and not num_relation(rn.at(rn.hi), pn.at(point)).matches:
            continue  # matched as a whole, not by one end
        p_side_a = p.source == pair.a.info.id
        # the sentences of p's side in the beads that hold both r and p
        beads_here = [mine for mine, theirs in ((ba, bb) if p_side_a else (bb, ba) for ba, bb, _ in pair.beads)
                      if p.sentences & mine and r.sentences & theirs]
        cands = []
        for q in (pair.a.facts if p_side_a else pair.b.facts):
            if q.id in pair.matched or q.id in linked or q.id == p.id or _point(q) is None:
                continue
            if not (q.classes[0] == p.classes[0] or "number" in (q.kind, p.kind)):
                continue
            if any(q.sentences & here for here in beads_here):
                cands.append(q)
        same = [q for q in cands if num_relation(rn.at(other), _num_of(q)).matches]
        # else the one candidate there, when it looks like the other end written wrong
        alike = [q for q in cands if figures_alike(other, _point(q) or other, False)] if len(cands) == 1 else []
        chosen = same[:1] or alike
        for q in chosen:
            qp = _point(q)
            assert qp is not None
            if num_relation(rn.at(other), _num_of(q)).matches:
                new = Relation("compatible", "range-ends", messages.range_ends_apart(other))
            elif rn.lo != rn.hi:
                new = Relation("different", "range-end", messages.other_end_differs(other, qp))
            else:  # "3-3": a score read as a range
                new = Relation("uncertain", "range-end", messages.other_end_differs(other, qp))
            pair.matched[q.id] = r.id
            linked.add(q.id)
            out.append((r.id, q.id, new) if r.source == pair.a.info.id else (q.id, r.id, new))
    return out


def _num_of(f: Fact) -> Num:
    v = f.value
    assert isinstance(v, MEASURED)
    return num(v, f.text)


def _point(f: Fact) -> Decimal | None:
    """The single figure a value states (None for a range, a bound or a date)."""
    if not isinstance(f.value, MEASURED) or _two_figures(f):
        return None
    return _num_of(f).point


def _two_figures(f: Fact) -> bool:
    """A range, or a value written with two figures that the extractor read as one ("3-3")."""
    v = f.value
    return isinstance(v, MEASURED) and v.low is not None and v.high is not None


def restatement_edges(pair: Pair, facts: dict[int, Fact]) -> list[Edge]:
    """A value that one source states twice, once at another scale: a fact left with no edge
    whose figures are those of another fact of the same source, kind and unit, which is
    matched in the other source ("1,600만 달러" in the headline, "160만 달러" in the body, and
    "$16 million" once in the other text). Linked to that counterpart as uncertain. (Figures
    one digit apart are as often two facts of one text, 2007 and 2008: not linked.)"""
    linked = {f for x, y, _ in pair.edges for f in (x, y)}
    partner: dict[int, int] = {}
    for x, y, rel in pair.edges:
        if rel.matches:
            partner.setdefault(x, y)
            partner.setdefault(y, x)
    out: list[Edge] = []
    for side in (pair.a, pair.b):
        buckets = _twin_buckets(side.facts, partner)
        for lone in side.facts:
            if lone.id in linked or lone.id in pair.matched or lone.statement_only or lone.baseline:
                continue  # a statement date is checked against the publication dates
            twins = [m for m in _candidates(lone, buckets) if m.id != lone.id
                     and (rescaled(lone, m) or _same_words_other_day(lone, m))]
            if len(twins) != 1:
                continue
            twin = twins[0]
            other = facts[partner[twin.id]]
            if lone.kind == "date" and not _share_bead(pair, lone, other):
                continue
            new = Relation("uncertain", "restated", messages.restated(
                messages.show(twin.value, twin.text), messages.show(lone.value, lone.text), twin.source))
            out.append((lone.id, other.id, new) if side is pair.a else (other.id, lone.id, new))
            linked.add(lone.id)
    return out


def _twin_keys(f: Fact) -> tuple[tuple[str, ...], ...]:
    """The buckets a twin of ``f`` is in: a figure of its class, kind and significant digits
    (:func:`rescaled`), or any date (:func:`_same_words_other_day`); no other fact can be one."""
    keys: tuple[tuple[str, ...], ...] = ()
    if f.kind in NUMERIC_KINDS:
        keys += (("figure", f.classes[0], f.kind, *rescale_key(f)),)
    if isinstance(f.value, DateValue):
        keys += (("date",),)
    return keys


def _twin_buckets(facts: tuple[Fact, ...], partner: dict[int, int]) -> dict[tuple[str, ...], list[tuple[int, Fact]]]:
    """The matched facts of a source by :func:`_twin_keys`, each with its place in the source."""
    buckets: dict[tuple[str, ...], list[tuple[int, Fact]]] = {}
    for n, f in enumerate(facts):
        if f.id in partner:
            for k in _twin_keys(f):
                buckets.setdefault(k, []).append((n, f))
    return buckets


def _candidates(lone: Fact, buckets: dict[tuple[str, ...], list[tuple[int, Fact]]]) -> list[Fact]:
    """The matched facts that may be twins of ``lone``, in source order."""
    keys = _twin_keys(lone)
    if len(keys) == 1:
        return [f for _, f in buckets.get(keys[0], ())]
    found = {n: f for k in keys for n, f in buckets.get(k, ())}
    return [found[n] for n in sorted(found)]


def _same_words_other_day(x: Fact, y: Fact) -> bool:
    """Two partial dates written with the same words but one (a weekday for a weekday: 금요일
    and 월요일), neither resolved."""
    vx, vy = x.value, y.value
    if not (isinstance(vx, DateValue) and isinstance(vy, DateValue)) or vx.start is not None or vy.start is not None:
        return False
    if vx.weekday is None or vy.weekday is None or vx.weekday == vy.weekday:
        return False
    return {k: v for k, v in vx.to_dict().items() if k != "weekday"} == \
        {k: v for k, v in vy.to_dict().items() if k != "weekday"}


def _share_bead(pair: Pair, x: Fact, y: Fact) -> bool:
    """Whether two facts of the two sources are mentioned in one bead."""
    xa = x.source == pair.a.info.id
    return any((x.sentences & (ba if xa else bb)) and (y.sentences & (bb if xa else ba)) for ba, bb, _ in pair.beads)
