"""Compare sources: line their claims up and give every fact a verdict (see docs/compare.md).

The flow, for two to N sources::

    extract each source (its reference date: the caller's ``published`` or its header date)
      -> facts: the claims of one source grouped by value (20일 three times is one fact)
         (facts.py)
      -> for each pair of sources compared (all pairs, or the pivot against each other one;
         pairing.py):
           1. equal facts match; they are the anchors
           2. the anchors align the sentences of the two texts (a monotone chain of anchors,
              the sentences between two anchored ones paired by position, and sentences that
              share anchors out of order; align.py)
           3. compatible facts match (rounded, approximate, overlapping ranges, partial dates,
              converted currencies; relation/), preferring facts in aligned sentences
           4. in each pair of aligned sentences, the one fact of a kind left over on each side
              is the same slot: its two values are a conflict (or uncertain; slots.py, alike.py)
      -> statement dates ("said Friday") against the other sources' publication dates
         (statements.py)
      -> facts linked by any edge form one finding; its verdict comes from its pairs
         (conflict > uncertain > missing > match; group.py), said in messages.py

Precision first: two different values are a conflict only when the context says they fill
the same slot; otherwise both are reported as missing. Nothing here reads the clock, keeps
module state or depends on the order of the sources or of their claims.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from factcheck.claims import Claim
from factcheck.compare.align import Edge, Pair
from factcheck.compare.facts import Prepared, prepare
from factcheck.compare.group import Ctx, finding_key, group_facts, group_finding
from factcheck.compare.pairing import compare_pair
from factcheck.compare.rates import Rates
from factcheck.compare.statements import mismatch_findings, published_findings, statement_findings
from factcheck.report import Finding, Source, SourceInfo
from factcheck.values import in_decimal_context

__all__ = ["compare_prepared", "finding_order"]


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
        compare_pair(pair, facts, rates, aligned, statement_checked)
        edges.extend(pair.edges)
    findings: list[Finding] = []
    covered: set[int] = set()
    for members in group_facts(facts, edges):
        # a statement date alone in its group is reported by the statement check
        if (len(members) == 1 and members[0].statement_only and members[0].source in statement_checked
                and getattr(members[0].value, "start", None) is None):
            continue
        covered.update(f.id for f in members)
        findings.append(group_finding(members, edges, ctx, ids))
    findings.extend(statement_findings(prepared, ctx, covered))
    findings.extend(published_findings(prepared, ctx, ids))
    findings.extend(mismatch_findings(prepared, ctx))
    findings.sort(key=lambda f: finding_key(f, order))
    return findings


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


def finding_order(f: Finding, order: Mapping[str, int]) -> tuple[Any, ...]:
    """The sort key of a finding in a report (sources in ``order``)."""
    return finding_key(f, order)
