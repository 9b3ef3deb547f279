"""Aligning the sentences of two sources: the facts both state (anchors) give points, the
heaviest chain of points increasing in both texts aligns sentences, the sentences between two
anchored ones are paired by position, and sentences that share anchors out of order are
aligned too. The pairs of aligned sentence sets are beads."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from factcheck.compare.facts import Fact, Prepared
from factcheck.compare.relation.base import Relation

__all__ = ["Bead", "BeadIndex", "Edge", "Pair", "beads", "chains", "context_score"]

#: aligned sentences: (sentences of A, sentences of B, whether anchors aligned them)
Bead = tuple[frozenset[int], frozenset[int], bool]
#: two facts of two sources and how they relate
Edge = tuple[int, int, Relation]

#: a fact mentioned in at most this many sentence pairs gives a point to each of them
_ALL_PAIRS_MAX = 16
#: the most points a chain is computed from (very long texts keep the strongest)
_MAX_POINTS = 4000


@dataclass(slots=True)
class Pair:
    """What the comparison of two sources found, as edges between facts."""

    a: Prepared
    b: Prepared
    matched: dict[int, int] = field(default_factory=dict)  # fact id -> partner fact id (both ways)
    edges: list[Edge] = field(default_factory=list)
    beads: list[Bead] = field(default_factory=list)


def _anchor_points(pair: Pair, facts: dict[int, Fact]) -> dict[tuple[int, int], float]:
    """(sentence of A, sentence of B) -> weight, from the matched facts of the pair."""
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


def chains(points: dict[tuple[int, int], float], n: int, m: int) -> list[list[tuple[int, int]]]:
    """The strict chain that keeps the earliest of equal anchors and the one that keeps the
    latest (a figure written twice on one side, once on the other, could be either)."""
    first = _chain(points, strict=True)
    mirrored = _chain({(n - 1 - i, m - 1 - j): w for (i, j), w in points.items()}, strict=True)
    last = sorted((n - 1 - i, m - 1 - j) for i, j in mirrored)
    return [first] if first == last else [first, last]


def beads(pair: Pair, facts: dict[int, Fact], aligned: bool) -> list[Bead]:
    """Pairs of aligned sentence sets (A sentences, B sentences, anchored); ``aligned``: the
    two texts are given as aligned segments, so all their sentences are one bead too."""
    na, nb = pair.a.n_sentences, pair.b.n_sentences
    points = _anchor_points(pair, facts)
    if len(points) > _MAX_POINTS:  # very long texts: keep the strongest points for the chain
        points = dict(sorted(points.items(), key=lambda kv: (-kv[1], kv[0]))[:_MAX_POINTS])
    chain = _chain(points)
    out: list[Bead] = []
    # anchored beads: runs of chain points connected through a shared sentence
    groups: list[tuple[set[int], set[int]]] = []
    for i, j in chain:
        if groups and (i in groups[-1][0] or j in groups[-1][1]):
            groups[-1][0].add(i)
            groups[-1][1].add(j)
        else:
            groups.append(({i}, {j}))
    prev_a, prev_b = -1, -1
    prev: tuple[set[int], set[int]] | None = None
    for ga, gb in groups + [({na}, {nb})]:
        lo_a, lo_b = min(ga), min(gb)
        gap_a = list(range(prev_a + 1, lo_a))
        gap_b = list(range(prev_b + 1, lo_b))
        if gap_a and gap_b:
            if len(gap_a) == len(gap_b):
                for x, y in zip(gap_a, gap_b, strict=True):
                    out.append((frozenset({x}), frozenset({y}), False))
            elif max(len(gap_a), len(gap_b)) <= 3:
                out.append((frozenset(gap_a), frozenset(gap_b), False))
        elif len(gap_a) + len(gap_b) == 1 and (prev is not None or lo_a < na):
            # one sentence of one side between two anchored beads, none of the other: most
            # often the end of the sentence before it, cut at an abbreviation ("7 p.m. on
            # Friday"), or one sentence the other side writes as part of one: it joins the
            # bead before it (before the first anchored bead, the one after it)
            near = prev if prev is not None else (ga, gb)
            out.append((frozenset(near[0] | set(gap_a)), frozenset(near[1] | set(gap_b)), False))
        if lo_a < na:
            out.append((frozenset(ga), frozenset(gb), True))
        prev_a, prev_b = max(ga), max(gb)
        prev = (ga, gb)
    # sentences that share anchors out of the chain's order (an article retelling a release)
    in_chain = set(chain)
    for (i, j), w in sorted(points.items()):
        if (i, j) not in in_chain and w >= 1.0:
            out.append((frozenset({i}), frozenset({j}), True))
    if aligned:
        out.append((frozenset(range(na)), frozenset(range(nb)), True))
    return out


def context_score(fa: Fact, fb: Fact, found: list[Bead]) -> int:
    """How many beads hold a mention of each of two facts."""
    sa, sb = fa.sentences, fb.sentences
    return sum(1 for ba, bb, _ in found if sa & ba and sb & bb)


class BeadIndex:
    """The beads of a pair by sentence of each side: :meth:`score` is :func:`context_score`
    without a pass over every bead for every two facts."""

    def __init__(self, found: list[Bead]) -> None:
        self._a: dict[int, list[int]] = {}
        self._b: dict[int, list[int]] = {}
        for n, (ba, bb, _) in enumerate(found):
            for s in ba:
                self._a.setdefault(s, []).append(n)
            for s in bb:
                self._b.setdefault(s, []).append(n)

    def score(self, fa: Fact, fb: Fact) -> int:
        """How many beads hold a mention of ``fa`` (side a) and of ``fb`` (side b)."""
        in_a = {n for s in fa.sentences for n in self._a.get(s, ())}
        if not in_a:
            return 0
        return len(in_a.intersection(n for s in fb.sentences for n in self._b.get(s, ())))
