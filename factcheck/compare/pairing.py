"""Comparing two prepared sources, in three steps that each add edges between their facts:
equal facts match (the anchors that align the sentences), then compatible facts match
(preferring facts in aligned sentences), then the facts that fill the same slot of aligned
sentences are compared as one (a conflict, or uncertain)."""

from __future__ import annotations

from types import MappingProxyType

from factcheck.compare.align import Pair, beads, context_score
from factcheck.compare.alike import has_lookalike, may_compare, plausible
from factcheck.compare.facts import Fact, fact_relation
from factcheck.compare.rates import Rates
from factcheck.compare.relation.base import EQUAL, Relation
from factcheck.compare.slots import slot_pairs

__all__ = ["compare_pair"]

#: how much a compatible relation says that two facts are one (equal figures rank first)
_STRENGTH = MappingProxyType({"equal": 4, "same-relative": 3, "overlap": 2, "converted": 1})
_OTHER_STRENGTH = 3


def compare_pair(pair: Pair, facts: dict[int, Fact], rates: Rates | None, aligned: bool,
                 statement_checked: set[str]) -> None:
    """Fill ``pair`` with the matches, beads and edges of its two sources. ``aligned``: the
    sources are aligned segments; ``statement_checked``: the sources whose undated statement
    dates are checked against publication dates instead."""
    A, B = pair.a, pair.b
    # 1. equal facts
    b_by_key = {f.key: f for f in B.facts}
    for fa in A.facts:
        fb = b_by_key.get(fa.key)
        if fb is not None:
            _match(pair, fa.id, fb.id, EQUAL)
    pair.beads = beads(pair, facts, aligned)
    _match_compatible(pair, facts, rates)
    pair.beads = beads(pair, facts, aligned)
    _pair_slots(pair, facts, rates, statement_checked)


def _match(pair: Pair, ida: int, idb: int, rel: Relation) -> None:
    pair.matched[ida] = idb
    pair.matched[idb] = ida
    pair.edges.append((ida, idb, rel))


def _match_compatible(pair: Pair, facts: dict[int, Fact], rates: Rates | None) -> None:
    """2. compatible facts, best first (relation strength, then aligned context). A conversion
    (miles to km, dollars to won) is the weakest evidence: it gives way to a figure of the same
    unit that differs by one digit, which is then compared as the same slot."""
    cands = []
    unmatched_a = [f for f in pair.a.facts if f.id not in pair.matched]
    unmatched_b = [f for f in pair.b.facts if f.id not in pair.matched]
    for fa in unmatched_a:
        for fb in unmatched_b:
            if not may_compare(fa, fb):
                continue
            rel = fact_relation(fa, fb, rates)
            if not rel.matches:
                continue
            if rel.reason == "converted" and (has_lookalike(fa, unmatched_b) or has_lookalike(fb, unmatched_a)):
                continue
            strength = _STRENGTH.get(rel.reason, _OTHER_STRENGTH)
            ctx = context_score(fa, fb, pair.beads)
            cands.append((-strength, -ctx, fa.mentions[0].claim.start, fb.mentions[0].claim.start, fa.id, fb.id, rel))
    cands.sort(key=lambda t: t[:6])
    for _, _, _, _, ida, idb, rel in cands:
        if ida in pair.matched or idb in pair.matched:
            continue
        _match(pair, ida, idb, rel)


def _pair_slots(pair: Pair, facts: dict[int, Fact], rates: Rates | None, statement_checked: set[str]) -> None:
    """3. the same slot: one leftover of a class on each side of a pair of aligned sentences,
    or between the same two anchors inside them."""
    found: dict[int, dict[int, int]] = {}  # fact -> partner -> finest class level that paired them
    for ba, bb, _anch in pair.beads:
        for x_id, y_id, level in slot_pairs(pair, facts, ba, bb, statement_checked):
            for x, y in ((x_id, y_id), (y_id, x_id)):
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
        if facts[fa_id].source != pair.a.info.id:
            continue
        fb_id = partner(fa_id)
        if fb_id is None or partner(fb_id) != fa_id:
            continue  # paired differently elsewhere: ambiguous, say nothing
        fa, fb = facts[fa_id], facts[fb_id]
        rel = fact_relation(fa, fb, rates)
        if (rel.outcome == "different" or rel.reason == "unit-omitted") and not plausible(fa, fb):
            continue  # figures too unlike to be one figure written wrong: two facts
        both_unmatched = fa_id not in pair.matched and fb_id not in pair.matched
        if rel.outcome in ("different", "uncertain") or (rel.matches and both_unmatched):
            pair.edges.append((fa_id, fb_id, rel))
