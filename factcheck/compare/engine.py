"""Compare sources: line their claims up and give every fact a verdict (see docs/compare.md).

The flow, for two to N sources::

    extract each source (its reference date: the caller's ``published`` or its header date)
      -> facts: the claims of one source grouped by value (20일 three times is one fact)
         (facts.py)
      -> for each pair of sources compared (all pairs, or the pivot against each other one;
         _compare_pair):
           1. equal facts match; they are the anchors
           2. the anchors align the sentences of the two texts (a monotone chain of anchors,
              the sentences between two anchored ones paired by position, and sentences that
              share anchors out of order; align.py)
           3. compatible facts match (rounded, approximate, overlapping ranges, partial dates,
              converted currencies; relation/), preferring facts in aligned sentences
           4. in each pair of aligned sentences, the one fact of a kind left over on each side
              is the same slot: its two values are a conflict (or uncertain; slots.py)
      -> facts linked by any edge form one finding; its verdict comes from its pairs
         (conflict > uncertain > missing > match; group.py), said in messages.py
      -> statement dates ("said Friday") against the other sources' publication dates
         (group.py)

Precision first: two different values are a conflict only when the context says they fill
the same slot; otherwise both are reported as missing. Nothing here reads the clock, keeps
module state or depends on the order of the sources or of their claims.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType

from factcheck.claims import Claim
from factcheck.compare.align import BeadIndex, Edge, Pair, beads
from factcheck.compare.alike import WEAK_MATCHES, has_lookalike, may_compare
from factcheck.compare.facts import Fact, Prepared, fact_relation, prepare
from factcheck.compare.group import (
    Ctx,
    FindingKey,
    finding_key,
    group_facts,
    group_finding,
    mismatch_findings,
    published_findings,
    statement_findings,
)
from factcheck.compare.rates import Rates
from factcheck.compare.relation.base import BASELINE, EQUAL, NAME_KINDS, NUMERIC_KINDS, Relation
from factcheck.compare.relation.dates import field_differences
from factcheck.compare.relation.names import TRUSTED_BASES, names_may_match
from factcheck.compare.restated import range_end_edges, restatement_edges
from factcheck.compare.slots import AMBIGUOUS, Slot, slot_pairs, slot_relation
from factcheck.report import Finding, Source, SourceInfo
from factcheck.values import DateValue, Name, in_decimal_context

__all__ = ["compare_prepared", "finding_order"]


# ============================================================================ two sources
#: how much a compatible relation says that two facts are one (equal figures rank first)
_STRENGTH = MappingProxyType({"equal": 4, "same-relative": 3, "overlap": 2, "converted": 1})
_OTHER_STRENGTH = 3


def _compare_pair(pair: Pair, facts: dict[int, Fact], rates: Rates | None, aligned: bool,
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
    pair.edges.extend(range_end_edges(pair, facts))
    _pair_slots(pair, facts, rates, statement_checked)
    pair.edges.extend(range_end_edges(pair, facts))  # ranges a slot matched by one end
    pair.edges.extend(restatement_edges(pair, facts))


def _match(pair: Pair, ida: int, idb: int, rel: Relation) -> None:
    pair.matched[ida] = idb
    pair.matched[idb] = ida
    pair.edges.append((ida, idb, rel))


def _match_compatible(pair: Pair, facts: dict[int, Fact], rates: Rates | None) -> None:
    """2. compatible facts, best first (relation strength, then aligned context). A conversion
    (miles to km, dollars to won), a figure against a bound or a range's end is weak evidence:
    it gives way to a figure of the same unit and shape that differs by one digit ("at least
    50" against 50표 and "최소한 58표"), which is then compared as the same slot."""
    cands = []
    unmatched_a = [f for f in pair.a.facts if f.id not in pair.matched]
    unmatched_b = [f for f in pair.b.facts if f.id not in pair.matched]
    in_beads = BeadIndex(pair.beads)
    comparable = _Comparable(unmatched_b)
    for fa in unmatched_a:
        for fb in comparable.of(fa):
            if not may_compare(fa, fb) or (fa.kind != fb.kind and fa.kind in NUMERIC_KINDS):
                continue  # a figure whose unit one side leaves out is compared only in its slot
            rel = fact_relation(fa, fb, rates)
            if not rel.matches or ((fa.baseline or fb.baseline) and rel.outcome != "equal"):
                continue  # a baseline ("from a year earlier") matches only the same relative date
            if rel.reason in WEAK_MATCHES and (has_lookalike(fa, unmatched_b) or has_lookalike(fb, unmatched_a)):
                continue
            strength = _STRENGTH.get(rel.reason, _OTHER_STRENGTH)
            ctx = in_beads.score(fa, fb)
            cands.append((-strength, -_agreeing_fields(fa, fb), -ctx, fa.mentions[0].claim.start,
                          fb.mentions[0].claim.start, fa.id, fb.id, rel))
    cands.sort(key=lambda t: t[:7])
    for _, _, _, _, _, ida, idb, rel in cands:
        if ida in pair.matched or idb in pair.matched:
            continue
        _match(pair, ida, idb, rel)


class _Comparable:
    """The facts of one side by class, kind and name key: :meth:`of` gives every fact that
    :func:`may_compare` can accept against a fact of the other side and whose relation to it
    can match (names: :func:`names_may_match`), instead of all of them (in no order)."""

    def __init__(self, facts: list[Fact]) -> None:
        self._by_cls: dict[str, list[Fact]] = {}
        self._by_kind: dict[str, list[Fact]] = {}
        self._by_name_key: dict[str, list[Fact]] = {}
        for f in facts:
            self._by_cls.setdefault(f.cls, []).append(f)
            self._by_kind.setdefault(f.kind, []).append(f)
            if isinstance(f.value, Name):
                self._by_name_key.setdefault(f.value.key, []).append(f)

    def _kinds(self, kinds: tuple[str, ...]) -> list[Fact]:
        return [f for k in kinds for f in self._by_kind.get(k, ())]

    def of(self, fa: Fact) -> list[Fact]:
        if fa.kind in NAME_KINDS:  # two names of any kinds, of which only these can match
            va = fa.value
            if not isinstance(va, Name):
                return self._kinds(NAME_KINDS)
            found = self._by_name_key.get(va.key, []) + (self._kinds(("person",)) if va.kind == "person" else [])
            found = [f for f in found if isinstance(f.value, Name) and names_may_match(va, f.value)]
            return list({id(f): f for f in found}.values())
        if fa.kind == "number":  # a plain number and any figure
            found = self._kinds(NUMERIC_KINDS)
        elif fa.kind in NUMERIC_KINDS:  # a figure and a plain number
            found = self._kinds(("number",))
        else:
            found = []
        seen = {id(f) for f in found}
        return found + [f for f in self._by_cls.get(fa.cls, ()) if id(f) not in seen]


def _agreeing_fields(fa: Fact, fb: Fact) -> int:
    """How many calendar fields two dates both state alike: "Nov. 5" says more of 2024-11-05
    than "the 5th" does, and is matched first."""
    va, vb = fa.value, fb.value
    if isinstance(va, DateValue) and isinstance(vb, DateValue):
        return field_differences(va, vb)[0]
    return 0


def _pair_slots(pair: Pair, facts: dict[int, Fact], rates: Rates | None, statement_checked: set[str]) -> None:
    """3. the same slot: the leftovers of the two sides of a pair of aligned sentences (or of
    the stretch between two anchors inside them) assigned to one another. Each fact keeps its
    strongest slots over all beads; two facts that are each other's one strongest partner are
    one slot; a few facts whose strongest partners tie (one figure of A as alike to two of B)
    are reported together as uncertain; larger tangles are left alone."""
    best: dict[int, dict[int, Slot]] = {}  # fact -> partner -> strongest slot that paired them
    runners_up: dict[tuple[int, int], Slot] = {}
    for ba, bb, _anch in pair.beads:
        for slot in slot_pairs(pair, facts, ba, bb, statement_checked, rates):
            if slot.strength == AMBIGUOUS:
                runners_up.setdefault((slot.a, slot.b), slot)
                continue
            for x, y in ((slot.a, slot.b), (slot.b, slot.a)):
                known = best.setdefault(x, {})
                if y not in known or slot.rank < known[y].rank:
                    known[y] = slot

    def tops(x: int) -> set[int]:
        """The partners of the strongest slots of ``x``."""
        options = best.get(x, {})
        if not options:
            return set()
        top = min(s.rank[:4] for s in options.values())
        return {y for y, s in options.items() if s.rank[:4] == top}

    links = {(x, y) for x in sorted(best) if facts[x].source == pair.a.info.id for y in tops(x) if x in tops(y)}
    for component in _components(links):
        if len(component) == 1 or all(best[x][y].likeness == 0 for x, y in component):
            (x, y) = component[0]  # one pair; of several compatible ones, either will do
            rel = slot_relation(facts[x], facts[y], best[x][y], pair)
        elif len(component) <= _TANGLE_MAX and all(best[x][y].likeness <= _TANGLE_LIKENESS
                                                   or _known_names(facts[x], facts[y]) for x, y in component):
            for x, y in sorted(component):
                slot = best[x][y]
                rel = slot_relation(facts[x], facts[y], dataclasses.replace(slot, strength=AMBIGUOUS, by_value=False),
                                    pair)
                if rel is not None and not rel.matches:
                    pair.edges.append((x, y, rel))
            continue
        else:
            continue  # paired differently by several slots: ambiguous, say nothing
        if rel is not None:
            pair.edges.append((x, y, rel))
    # a value as alike as the one chosen by position joins its finding (one of several)
    linked = {x for x, y, _ in pair.edges} | {y for x, y, _ in pair.edges}
    for (x, y), slot in sorted(runners_up.items()):
        if (x in linked) != (y in linked) and (y if x in linked else x) not in pair.matched:
            rel = slot_relation(facts[x], facts[y], slot, pair)
            if rel is not None and not rel.matches:
                pair.edges.append((x, y, rel))
                linked.update((x, y))


#: a tangle of tied slots is reported (uncertain) when it has at most this many links and its
#: values are at least this alike (:func:`~factcheck.compare.slots.likeness`)
_TANGLE_MAX = 2
_TANGLE_LIKENESS = 3


def _known_names(fa: Fact, fb: Fact) -> bool:
    """Two names of one kind that the tables or a glossary know: a tie between a few of them
    (two places left on one side, one on the other) is reported, each pair uncertain."""
    va, vb = fa.value, fb.value
    return isinstance(va, Name) and isinstance(vb, Name) and va.kind == vb.kind \
        and va.basis in TRUSTED_BASES and vb.basis in TRUSTED_BASES


def _components(links: set[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The links grouped by the facts they share (connected components), in order."""
    by_fact: dict[int, list[tuple[int, int]]] = {}
    for x, y in links:
        by_fact.setdefault(x, []).append((x, y))
        by_fact.setdefault(y, []).append((x, y))
    seen: set[tuple[int, int]] = set()
    out = []
    for link in sorted(links):
        if link in seen:
            continue
        comp = []
        todo = [link]
        seen.add(link)
        while todo:
            cur = todo.pop()
            comp.append(cur)
            for f in cur:
                for nxt in by_fact[f]:
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
        out.append(sorted(comp))
    return out


# ============================================================================ all sources


def _compare(prepared: list[Prepared], pivot: str | None, rates: Rates | None, segment: str | None,
             aligned: bool) -> list[Finding]:
    ids = tuple(P.info.id for P in prepared)
    order = {s: n for n, s in enumerate(ids)}
    if pivot is not None:
        pairs = [(prepared[0], Q) for Q in prepared[1:]]
    else:
        pairs = [(prepared[i], prepared[j]) for i in range(len(prepared)) for j in range(i + 1, len(prepared))]
    compared = frozenset((a.info.id, b.info.id) for a, b in pairs) | frozenset((b.info.id, a.info.id) for a, b in pairs)
    ctx = Ctx(MappingProxyType(order), compared, rates, segment)
    facts = {f.id: f for P in prepared for f in P.facts}
    # statement dates are checked against publication dates when another source has one
    statement_checked = {P.info.id for P in prepared
                         if any(Q.info.published is not None and (P.info.id, Q.info.id) in compared
                                for Q in prepared if Q is not P)}
    edges: list[Edge] = []
    for A, B in pairs:
        pair = Pair(A, B)
        _compare_pair(pair, facts, rates, aligned, statement_checked)
        edges.extend(pair.edges)
    edges.extend(_baselines(prepared, edges))
    findings: list[Finding] = []
    covered: set[int] = set()
    groups = group_facts(facts, edges)
    for members, group_edges in zip(groups, _edges_by_group(groups, edges), strict=True):
        # a statement date alone in its group is reported by the statement check
        if (len(members) == 1 and members[0].statement_only and members[0].source in statement_checked
                and getattr(members[0].value, "start", None) is None):
            continue
        covered.update(f.id for f in members)
        findings.append(group_finding(members, group_edges, ctx, ids))
    findings.extend(statement_findings(prepared, ctx, covered))
    findings.extend(published_findings(prepared, ctx, ids))
    findings.extend(mismatch_findings(prepared, ctx))
    findings.sort(key=lambda f: finding_key(f, order))
    return findings


def _edges_by_group(groups: list[list[Fact]], edges: list[Edge]) -> list[list[Edge]]:
    """The edges inside each group, in their order (a group reads its own edges only)."""
    where = {f.id: n for n, members in enumerate(groups) for f in members}
    out: list[list[Edge]] = [[] for _ in groups]
    for e in edges:
        out[where[e[0]]].append(e)
    return out


def _baselines(prepared: list[Prepared], edges: list[Edge]) -> list[Edge]:
    """A baseline date that no other source states ("rose 12% from a year earlier" against
    "전년 대비 12% 증가", where 전년 is no date) joins the finding of the figure it qualifies:
    the nearest figure before it in its sentence (else after it). Edges inside one source."""
    linked = {f for x, y, _ in edges for f in (x, y)}
    out: list[Edge] = []
    for P in prepared:
        for f in P.facts:
            if not f.baseline or f.id in linked:
                continue
            m = f.mentions[0]
            near = [(fig, c) for fig, c in P.by_sentence.get(m.sentence, ())
                    if fig.kind in NUMERIC_KINDS and not fig.baseline]
            if not near:
                continue
            before = [t for t in near if t[1].end <= m.claim.start]
            fig, _ = before[-1] if before else min(near, key=lambda t: t[1].start)
            out.append((fig.id, f.id, BASELINE))
    return out


@in_decimal_context
def compare_prepared(items: list[tuple[SourceInfo, Source, list[Claim]]], pivot: str | None, rates: Rates | None,
                     segment: str | None, aligned: bool) -> tuple[tuple[SourceInfo, ...], list[Finding]]:
    """Compare the claims of sources already read: ``(info, source, claims)`` for each
    (arithmetic in :data:`factcheck.values.DECIMAL_CONTEXT`, whatever the caller's context)."""
    items = sorted(items, key=lambda t: (t[0].id != pivot, t[0].id))
    prepared = []
    next_id = 0
    for info, src, claims in items:
        P = prepare(src, claims, info, next_id)
        next_id += len(P.facts)
        prepared.append(P)
    return tuple(P.info for P in prepared), _compare(prepared, pivot, rates, segment, aligned)


def finding_order(f: Finding, order: Mapping[str, int]) -> FindingKey:
    """The sort key of a finding in a report (sources in ``order``)."""
    return finding_key(f, order)
