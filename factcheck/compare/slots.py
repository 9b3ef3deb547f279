"""Slots: in a pair of aligned sentences, the facts left over on each side that fill the same
slot (the one leftover of a class on each side, or between the same two anchors, or the only
look-alike of each other among several) and so are compared as one fact; and the look-alike
checks behind it: whether two different figures look like one figure written wrong (a digit
changed, two swapped, close values, the same digits at another scale) or like two facts."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from factcheck.claims import Claim
from factcheck.compare import messages
from factcheck.compare.align import Pair, chains
from factcheck.compare.facts import Fact, Prepared, fact_relation
from factcheck.compare.rates import Rates
from factcheck.compare.relation.base import NAME_KINDS, NUMERIC_KINDS, Relation
from factcheck.compare.relation.dates import field_differences, single_year
from factcheck.compare.relation.names import names_in_one_slot
from factcheck.compare.relation.numbers import Num, num, num_relation, text_figure
from factcheck.compare.relation.quantities import in_units_of, quantity_base
from factcheck.compare.relation.values import is_year_figure
from factcheck.values import DateValue, Money, Name, Number, Percent, Quantity, dec_str

__all__ = ["AMBIGUOUS", "ASSIGNED", "SETTLED", "WEAK_MATCHES", "Slot", "has_lookalike", "likeness", "may_compare",
           "plausible", "range_end_edges", "restatement_edges", "slot_pairs", "slot_relation", "strongly_alike"]

#: compatible relations that are weak evidence of one fact: a look-alike figure of the same
#: unit and shape is preferred to them
WEAK_MATCHES = frozenset({"converted", "bound", "range-edge"})
#: a mention in a bead: its fact, its claim, and whether the fact is left over there (0 no, 1
#: yes, :data:`_EXTRA` as a mention more than its counterpart has in the bead)
_BeadMention = tuple[Fact, Claim, int]
_EXTRA = 2
#: the class levels of a fact's classes, finest first
_LEVELS = 3
#: how a slot was found: the one leftover of its class on each side, the best of several, or
#: as good a candidate as the best, which only position set apart (reported with it)
SETTLED, ASSIGNED, AMBIGUOUS = 0, 1, 2
#: runners-up are reported with a pair chosen by position when their values are at least this
#: alike (:func:`likeness`: plausibly one figure written wrong), and at most this many
_AMBIGUOUS_LIKENESS = 3
_AMBIGUOUS_MAX = 2


@dataclass(frozen=True, slots=True)
class Slot:
    """Two leftover facts of A and B taken as one slot, and the evidence: ``likeness`` of their
    values (0 compatible ... 4 unlike, :func:`likeness`), ``strength`` (:data:`SETTLED`: the one
    leftover of its class on each side; :data:`ASSIGNED`: chosen among several), the class
    ``level`` (0 finest), their ``distance`` in the region (0 to 1), whether the values alone
    chose the pair (``by_value``: no other candidate as alike), and their relation."""

    a: int
    b: int
    likeness: int
    strength: int
    level: int
    distance: float
    by_value: bool
    relation: Relation
    extra: bool = False  # one of the two is left over only as a mention more than its counterpart has

    @property
    def rank(self) -> tuple[int, int, int, float]:
        """Lower is stronger evidence."""
        return (self.likeness, self.strength, self.level, self.distance)


def slot_pairs(pair: Pair, facts: dict[int, Fact], ba: frozenset[int], bb: frozenset[int],
               statement_checked: set[str], rates: Rates | None) -> list[Slot]:
    """Facts of A and B that fill the same slot in a bead (with the class level that paired
    them: 0 finest): per class (finest first), the one fact left over on each side of the
    bead, or on each side between two consecutive anchors (matched claims in the same order
    in both texts)."""
    A, B = pair.a, pair.b
    ma = _bead_mentions(A, ba, bb, pair, facts, statement_checked)
    mb = _bead_mentions(B, bb, ba, pair, facts, statement_checked)
    if not ma or not mb:
        return []
    # the anchors: mentions of matched facts whose partner is mentioned in the bead, in order
    points = []
    for i, (fa, _, left_a) in enumerate(ma):
        if left_a:
            continue
        partner = pair.matched[fa.id]
        for j, (fb, _, left_b) in enumerate(mb):
            if not left_b and fb.id == partner:
                points.append((i, j))
    out: list[Slot] = []
    whole = (list(range(len(ma))), list(range(len(mb))))
    _pair_regions(pair, facts, [whole], ma, mb, out, rates)
    for chain in chains({p: 1.0 for p in points}, len(ma), len(mb)):
        # between anchors, a repeated mention of an anchored fact (the second of two 72%s
        # where the other text has 72% and 70%) is left over there
        on_a = {i for i, _ in chain}
        on_b = {j for _, j in chain}
        anchored_a = {ma[i][0].id for i in on_a}
        anchored_b = {mb[j][0].id for j in on_b}
        la = [(f, c, left or int(i not in on_a and f.id in anchored_a)) for i, (f, c, left) in enumerate(ma)]
        lb = [(f, c, left or int(j not in on_b and f.id in anchored_b)) for j, (f, c, left) in enumerate(mb)]
        regions: list[tuple[list[int], list[int]]] = []
        prev_i, prev_j = -1, -1
        for i, j in chain + [(len(ma), len(mb))]:
            regions.append((list(range(prev_i + 1, i)), list(range(prev_j + 1, j))))
            prev_i, prev_j = i, j
        _pair_regions(pair, facts, regions, la, lb, out, rates)
    return out


def _pair_regions(pair: Pair, facts: dict[int, Fact], regions: list[tuple[list[int], list[int]]],
                  ma: list[_BeadMention], mb: list[_BeadMention], out: list[Slot], rates: Rates | None) -> None:
    """Per region, the leftovers of each side assigned to one another (:func:`_assign`)."""
    for ra, rb in regions:
        left_a = _leftovers(ma, ra)
        left_b = _leftovers(mb, rb)
        if left_a and left_b:
            out.extend(_assign(pair, facts, left_a, left_b, rates))


def _leftovers(side: list[_BeadMention], idx: list[int]) -> list[tuple[int, float, bool]]:
    """The facts left over among the mentions ``idx`` of a side, each once, with its relative
    position there (0 first, 1 last) and whether it is left over only as an extra mention."""
    seen: dict[int, tuple[int, float, bool]] = {}
    n = max(len(idx) - 1, 1)
    for k, i in enumerate(idx):
        f, _, left = side[i]
        if left and f.id not in seen:
            seen[f.id] = (f.id, k / n, left == _EXTRA)
    return list(seen.values())


def _level(fa: Fact, fb: Fact) -> int | None:
    """The finest class level at which two facts are of one class; across kinds only a plain
    number meets a measured figure (class ``figure``), or a year (the coarsest level)."""
    if _year_pair(fa, fb):
        return _LEVELS - 1
    for level in range(_LEVELS):
        ca, cb = fa.classes[min(level, len(fa.classes) - 1)], fb.classes[min(level, len(fb.classes) - 1)]
        if ca == cb:
            if ca == "figure" and (fa.kind == "number") == (fb.kind == "number"):
                return None
            return level
    return None


def _assign(pair: Pair, facts: dict[int, Fact], left_a: list[tuple[int, float, bool]],
            left_b: list[tuple[int, float, bool]], rates: Rates | None) -> list[Slot]:
    """The leftovers of A and B that fill one slot: candidate pairs of one class, ranked by how
    alike their values are (:func:`likeness`), then whether they are the one leftover of their
    class on each side, then the class level and their distance in the region; a pair is taken
    when neither member has another candidate of the same rank (mutual best, greedy)."""
    cands: list[Slot] = []
    for x, px, extra_x in left_a:
        fx = facts[x]
        for y, py, extra_y in left_b:
            fy = facts[y]
            if x in pair.matched and y in pair.matched:
                continue  # both matched elsewhere: repeated mentions, not a slot
            level = _level(fx, fy)
            if level is None:
                continue
            rel = fact_relation(fx, fy, rates)
            lk = likeness(fx, fy, rel)
            if lk is None:
                continue
            cls_x, cls_y = fx.classes[min(level, len(fx.classes) - 1)], fy.classes[min(level, len(fy.classes) - 1)]
            n_x = sum(1 for z, _, _ in left_a if facts[z].classes[min(level, len(facts[z].classes) - 1)] == cls_x)
            n_y = sum(1 for z, _, _ in left_b if facts[z].classes[min(level, len(facts[z].classes) - 1)] == cls_y)
            # the one leftover of its class on each side, neither only a repeated mention
            settled = n_x == 1 and n_y == 1 and not (extra_x or extra_y)
            cands.append(Slot(x, y, lk, SETTLED if settled else ASSIGNED, level, abs(px - py), True, rel,
                              extra_x or extra_y))
    cands.sort(key=lambda c: (c.rank, c.a, c.b))
    taken: set[int] = set()
    out: list[Slot] = []
    for c in cands:
        if c.a in taken or c.b in taken:
            continue
        rivals = [d for d in cands if d is not c and d.a not in taken and d.b not in taken
                  and (d.a == c.a or d.b == c.b)]
        if any(d.rank == c.rank for d in rivals):
            continue  # two equally good partners: ambiguous
        # decided by the values alone (no rival as alike), or by position among look-alikes
        by_value = all(d.likeness > c.likeness for d in rivals)
        out.append(dataclasses.replace(c, strength=c.strength if by_value else ASSIGNED, by_value=by_value))
        taken.update((c.a, c.b))
        if not by_value and c.likeness <= _AMBIGUOUS_LIKENESS:
            # the runners-up as alike as the pair chosen by position: reported with it
            same = [d for d in rivals if d.likeness == c.likeness][:_AMBIGUOUS_MAX]
            out.extend(dataclasses.replace(d, strength=AMBIGUOUS, by_value=False) for d in same)
    return out


def _bead_mentions(P: Prepared, mine: frozenset[int], theirs: frozenset[int], pair: Pair,
                   facts: dict[int, Fact], statement_checked: set[str]) -> list[_BeadMention]:
    """The mentions of ``P`` in sentences ``mine``, in text order, each with whether its fact
    is left over here (unmatched, or its counterpart is not in ``theirs``)."""
    out = []
    lefts: dict[int, int] = {}
    for sentence in mine:
        for f, claim in P.by_sentence.get(sentence, ()):
            if f.statement_only and f.source in statement_checked and getattr(f.value, "start", None) is None:
                continue  # "said Friday" in an undated text: checked against the publication dates instead
            if f.baseline:
                continue  # "from a year earlier": the figure's baseline, not a slot of its own
            left = lefts.get(f.id)
            if left is None:
                partner = pair.matched.get(f.id)
                if partner is None:
                    left = 1
                else:
                    # left over when its counterpart is not in the bead, or is mentioned there
                    # fewer times (a value stated twice, once changed: 3-3 against 5-3)
                    here = sum(1 for m in f.mentions if m.sentence in mine)
                    there = sum(1 for m in facts[partner].mentions if m.sentence in theirs)
                    left = 1 if there == 0 else _EXTRA if here > there else 0
                lefts[f.id] = left
            out.append((f, claim, left))
    out.sort(key=lambda t: (t[1].start, t[1].end, t[0].id))
    return out


# ============================================================================ look-alike figures
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


def _one_digit_apart(dx: str, dy: str) -> bool:
    """Digit strings of one length with one digit changed or the same digits in another order."""
    return sum(a != b for a, b in zip(dx, dy, strict=True)) <= 1 or sorted(dx) == sorted(dy)


def _figures_alike(x: Decimal, y: Decimal, magnitude: bool) -> bool:
    """Whether two different figures look like one figure written wrong: a digit changed or
    two swapped (1,153 / 1,553), close values (within half), or the same digits at another
    scale (3억 / 30 million; ``magnitude``)."""
    if x == y:
        return True
    ax, ay = _aligned_digits(x, y)
    if len(ax) == len(ay) and _one_digit_apart(ax, ay):
        return True
    if x == 0 or y == 0:
        return False
    dx, dy = _digits(x), _digits(y)
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
        dp, dq = _aligned_digits(p, q)
        if len(dp) < 2 or len(dq) != len(dp) or p == q:
            if p == q and len(ex) > 1:
                continue
            return False
        if not _one_digit_apart(dp, dq):
            return False
    return True


def _weak_small(f: Fact) -> bool:
    """A small number that is weak evidence of a figure: the number one, unless written in
    digits with a counting word (1명, 1개월): "one" and 한 are as often an article as a figure
    (한 건도, one of them), and a bare 1 often an ordinal or a score (1심, 1라운드, 1-0); and a
    number under ten written only as a word ("the two leaders", "every four years"), which
    is as often an idiom of the sentence as a figure of the fact."""
    v = f.value
    if not isinstance(v, Number):
        return False
    ends = _ends(f)
    if len(ends) != 1 or not Decimal(0) < abs(ends[0]) < 10:
        return False
    in_digits = any(ch.isdigit() for m in f.mentions for ch in m.claim.text)
    if ends == [Decimal(1)]:
        return not (v.counter and in_digits)
    return not in_digits


def plausible(fa: Fact, fb: Fact) -> bool:
    """Whether two different figures in one slot are one figure written wrong rather than two
    facts (a translation that says "three days" where the original gives "14 months"): their
    figures look alike (:func:`figures_plausible`) and neither is a weak small number. Dates
    and names are judged by their own relations."""
    if fa.kind not in NUMERIC_KINDS or fb.kind not in NUMERIC_KINDS:
        return True
    return not any(_weak_small(f) for f in (fa, fb)) and figures_plausible(fa, fb)


def figures_plausible(fa: Fact, fb: Fact) -> bool:
    """Whether the figures of two different values look like one figure written wrong: a
    digit changed or two swapped, close values, the same digits at another scale; in
    different units, compared in the units of each side."""
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
        ta, tb = text_figure(fa.text), text_figure(fb.text)
        if ta and tb and len(ta) == len(tb) and _one_digit_apart(ta, tb):
            return True  # the digits as written: "4센트" (0.04 USD) against "6" (cents)
    if isinstance(va, Money) and isinstance(vb, Money) and va.currency != vb.currency:
        return True  # converted at the user's rates: the relation has judged the amounts
    magnitude = fa.kind != "number" or fb.kind != "number"
    return all(_figures_alike(x, y, magnitude or len(_digits(x).rstrip("0")) >= 2)
               for x, y in zip(ea, eb, strict=False))


def _year_pair(fa: Fact, fb: Fact) -> bool:
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
    return year is not None and _one_digit_apart(str(year), str(int(n.value)))


def _same_digits(fa: Fact, fb: Fact) -> bool:
    """Two different figures of one kind written with the same significant digits in another
    currency, unit or percent unit (5 EUR / 5 USD, 3.4% / 3.4 points), or at another scale
    when both are large (5 million / 5 billion, 2천 / 2만): one word changed."""
    if fa.kind != fb.kind:
        return False
    ea, eb = _ends(fa, False), _ends(fb, False)
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
            return 2 if _figures_alike(Decimal(x), Decimal(y), False) else 3
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
    if _year_pair(fa, fb):
        # a year against a plain number: only one digit apart is one year written wrong
        return 2 if rel.outcome == "different" and _year_digits_alike(fa, fb) else None
    if fa.kind in NUMERIC_KINDS and fb.kind in NUMERIC_KINDS:
        if rel.outcome == "unrelated":
            return None
        if _same_digits(fa, fb):
            return 1
        if strongly_alike(fa, fb) or _rescaled(fa, fb):
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


def slot_relation(fa: Fact, fb: Fact, slot: Slot, pair: Pair) -> Relation | None:
    """What a slot says about its two facts: their relation when the evidence is enough (a
    conflict needs one figure written wrong in a settled slot, or a look-alike chosen by its
    value), an uncertain relation when the values are too unlike or the pair was chosen by
    position among several, None when there is nothing to say (compatible facts already
    matched elsewhere, unrelated values)."""
    rel = slot.relation
    if rel.matches:
        return rel if fa.id not in pair.matched and fb.id not in pair.matched else None
    if rel.outcome == "unrelated":
        va, vb = fa.value, fb.value
        if not (isinstance(va, Name) and isinstance(vb, Name) and va.kind == vb.kind):
            return None
        rel = names_in_one_slot(va, vb)
        if rel.matches:
            return rel if fa.id not in pair.matched and fb.id not in pair.matched else None
        if slot.extra:
            return None  # a name mentioned once more on one side, against one that nothing links
    if fa.kind != fb.kind and fa.kind in NUMERIC_KINDS and fb.kind in NUMERIC_KINDS and not figures_plausible(fa, fb):
        return None  # a plain number and a measured figure too unlike to be one: two facts
    if rel.outcome == "different":
        if plausible(fa, fb) and (slot.strength == SETTLED or (slot.by_value and slot.likeness <= 2)):
            return rel
        if slot.strength != SETTLED and not slot.by_value:
            why = messages.PAIRED_BY_PLACE
        elif _weak_small(fa) or _weak_small(fb):
            why = messages.WEAK_SMALL
        else:
            why = messages.TOO_UNLIKE
        return Relation("uncertain", "same-place", messages.same_place(
            messages.show(fa.value, fa.text), messages.show(fb.value, fb.text), why))
    return rel


def range_end_edges(pair: Pair, facts: dict[int, Fact]) -> list[tuple[int, int, Relation]]:
    """A range matched by one of its ends ("15세와 16세 사이" / 15, "2-0" / 2대0) whose other end
    the other side writes as a figure of its own in the same bead (16; 0): that figure joins
    the match when it is the other end, and differs from the range when it is not and is the
    only candidate ("2-9" against 2대0). Marks those figures matched; returns the new edges."""
    out: list[tuple[int, int, Relation]] = []
    linked = {f for x, y, _ in pair.edges for f in (x, y)}
    for x, y, rel in list(pair.edges):
        if not rel.matches:
            continue
        fx, fy = facts[x], facts[y]
        if _two_figures(fx) and _point(fy) is not None:
            r, p = fx, fy
        elif _two_figures(fy) and _point(fx) is not None:
            r, p = fy, fx
        else:
            continue
        rv, pv = r.value, p.value
        assert isinstance(rv, _MEASURED) and isinstance(pv, _MEASURED)
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
        chosen = same[:1] or (cands if len(cands) == 1 else [])
        for q in chosen:
            qp = _point(q)
            assert qp is not None
            if num_relation(rn.at(other), _num_of(q)).matches:
                new = Relation("compatible", "range-ends", messages.range_ends_apart(other))
            elif _figures_alike(other, qp, False) and rn.lo != rn.hi:  # "3-3": a score read as a range
                new = Relation("different", "range-end", messages.other_end_differs(other, qp))
            else:
                new = Relation("uncertain", "range-end", messages.other_end_differs(other, qp))
            pair.matched[q.id] = r.id
            linked.add(q.id)
            out.append((r.id, q.id, new) if r.source == pair.a.info.id else (q.id, r.id, new))
    return out


_MEASURED = (Money, Number, Percent, Quantity)


def _num_of(f: Fact) -> Num:
    v = f.value
    assert isinstance(v, _MEASURED)
    return num(v, f.text)


def _point(f: Fact) -> Decimal | None:
    """The single figure a value states (None for a range, a bound or a date)."""
    if not isinstance(f.value, _MEASURED) or _two_figures(f):
        return None
    return _num_of(f).point


def _two_figures(f: Fact) -> bool:
    """A range, or a value written with two figures that the extractor read as one ("3-3")."""
    v = f.value
    return isinstance(v, _MEASURED) and v.low is not None and v.high is not None


def restatement_edges(pair: Pair, facts: dict[int, Fact]) -> list[tuple[int, int, Relation]]:
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
    out: list[tuple[int, int, Relation]] = []
    for side in (pair.a, pair.b):
        for lone in side.facts:
            if lone.id in linked or lone.id in pair.matched or lone.statement_only or lone.baseline:
                continue  # a statement date is checked against the publication dates
            twins = [m for m in side.facts if m.id != lone.id and m.id in partner
                     and (_rescaled(lone, m) or _same_words_other_day(lone, m))]
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


def _rescaled(x: Fact, y: Fact) -> bool:
    """Two different figures of one kind and unit with the same significant digits, two or
    more of them, at another scale (1,600만 / 160만; not 2 / 20)."""
    if x.classes[0] != y.classes[0] or x.kind != y.kind or x.kind not in NUMERIC_KINDS:
        return False
    vx, vy = x.value, y.value
    if isinstance(vx, Quantity) and isinstance(vy, Quantity) and vx.unit != vy.unit:
        return False
    ex, ey = _ends(x, False), _ends(y, False)
    if not ex or len(ex) != len(ey) or ex == ey:
        return False
    return all(p != q and _digits(p).rstrip("0") == _digits(q).rstrip("0") and len(_digits(p).rstrip("0")) >= 2
               for p, q in zip(ex, ey, strict=True))


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


def has_lookalike(f: Fact, others: list[Fact]) -> bool:
    """Whether one of ``others`` is the same kind of figure in the same unit and of the same
    shape (a figure, a range, a bound), one digit away."""
    return any(o.classes[0] == f.classes[0] and _shape_of(o) == _shape_of(f) and strongly_alike(f, o)
               for o in others)


def _shape_of(f: Fact) -> tuple[bool, bool]:
    v = f.value
    if not isinstance(v, _MEASURED):
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
