"""Slots: in a pair of aligned sentences, the facts left over on each side that fill the same
slot (the one leftover of a class on each side, or between the same two anchors, or the only
look-alike of each other among several) and so are compared as one fact."""

from __future__ import annotations

from factcheck.claims import Claim
from factcheck.compare.align import Pair, chains
from factcheck.compare.alike import plausible, strongly_alike
from factcheck.compare.facts import Fact, Prepared
from factcheck.compare.relation.base import NUMERIC_KINDS

__all__ = ["slot_pairs"]

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
    for chain in chains({p: 1.0 for p in points}, len(ma), len(mb)):
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
    look-alike (:func:`~factcheck.compare.alike.strongly_alike`): 1,153 among (1,153, 2011)
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
