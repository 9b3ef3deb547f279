"""Slots: in a pair of aligned sentences, the facts left over on each side that fill the same
slot (the one leftover of a class on each side, or between the same two anchors, or the only
look-alike of each other among several) and so are compared as one fact; and the look-alike
checks behind it: whether two different figures look like one figure written wrong (a digit
changed, two swapped, close values, the same digits at another scale) or like two facts."""

from __future__ import annotations

from decimal import Decimal

from factcheck.claims import Claim
from factcheck.compare.align import Pair, chains
from factcheck.compare.facts import Fact, Prepared
from factcheck.compare.relation.base import NAME_KINDS, NUMERIC_KINDS
from factcheck.compare.relation.numbers import Num, num
from factcheck.compare.relation.quantities import in_units_of, quantity_base
from factcheck.values import Money, Number, Percent, Quantity, dec_str

__all__ = ["has_lookalike", "may_compare", "plausible", "slot_pairs", "strongly_alike"]

#: a mention in a bead: its fact, its claim, and whether the fact is left over there
_BeadMention = tuple[Fact, Claim, bool]
#: two facts that fill one slot and the class level that paired them (0: finest)
_Slot = tuple[int, int, int]
#: the class levels of a fact's classes, finest first
_LEVELS = 3


def slot_pairs(pair: Pair, facts: dict[int, Fact], ba: frozenset[int], bb: frozenset[int],
               statement_checked: set[str]) -> list[_Slot]:
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
    out: list[_Slot] = []
    whole = (list(range(len(ma))), list(range(len(mb))))
    _pair_regions(pair, facts, [whole], ma, mb, out)
    # places of the world are no anchors between slots: they stand where each language's word
    # order puts them (미국에서 ... first, "in the U.S." late; a dateline "BAGHDAD, Iraq" before
    # the story), figures and dates keep the order of the sentence
    anchors = {(i, j): 1.0 for i, j in points if not _world_place(ma[i][0])}
    for chain in chains(anchors, len(ma), len(mb)):
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


def _world_place(f: Fact) -> bool:
    """A country or city of the world tables (its class says so: see facts.fact_key)."""
    return f.kind == "place" and f.cls != "place"


def _pair_regions(pair: Pair, facts: dict[int, Fact], regions: list[tuple[list[int], list[int]]],
                  ma: list[_BeadMention], mb: list[_BeadMention], out: list[_Slot]) -> None:
    """Per region and per class (finest first), the one leftover on each side, or the pairs of
    look-alike figures among several."""
    for ra, rb in regions:
        paired: set[int] = set()
        for level in range(_LEVELS):
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


def _alike_pairs(la: list[int], lb: list[int], facts: dict[int, Fact]) -> list[tuple[int, int]]:
    """Among several leftover figures on each side, the pairs that are each other's only
    look-alike (:func:`strongly_alike`): 1,153 among (1,153, 2011)
    against 1,553 among (1,553, 3)."""
    links = {(a, b) for a in la for b in lb if strongly_alike(facts[a], facts[b])}
    if not links:  # no strong look-alike: a single plausible pair among unlike figures
        links = {(a, b) for a in la for b in lb
                 if facts[a].kind in NUMERIC_KINDS and facts[b].kind in NUMERIC_KINDS
                 and facts[a].kind == facts[b].kind and plausible(facts[a], facts[b])}
    out = []
    for a, b in sorted(links):
        if sum(1 for x, _ in links if x == a) == 1 and sum(1 for _, y in links if y == b) == 1:
            out.append((a, b))
    return out


def _bead_mentions(P: Prepared, mine: frozenset[int], theirs: frozenset[int], pair: Pair,
                   facts: dict[int, Fact], statement_checked: set[str]) -> list[_BeadMention]:
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


# ============================================================================ look-alike figures
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
