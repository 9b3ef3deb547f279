"""Findings: facts linked by any edge form one finding, whose verdict comes from the relations
between its members in the sources compared (conflict > uncertain > missing > match); the
findings about dates that are not compared fact against fact (statement dates such as "said
Friday" against the publication dates of the other sources, the publication dates themselves,
dates written with the wrong day of the week); and the order findings are reported in."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from factcheck.claims import Claim
from factcheck.compare import messages
from factcheck.compare.align import Edge
from factcheck.compare.facts import Fact, Prepared, fact_relation
from factcheck.compare.rates import Rates
from factcheck.compare.relation.base import Relation
from factcheck.compare.relation.dates import impossible, unchecked
from factcheck.dates import interval, unify
from factcheck.report import Finding, SourceClaim
from factcheck.values import DateValue, Number

#: the sort key of a finding: (source rank, start, end) of its first claim, verdict rank, kind, message
FindingKey = tuple[tuple[int, int, int], int, str, str]

__all__ = ["Ctx", "FindingKey", "VERDICT_RANK", "finding_key", "group_facts", "group_finding", "mismatch_findings",
           "published_findings", "statement_findings"]

#: verdicts from the most to the least urgent
VERDICT_RANK = MappingProxyType({"conflict": 0, "uncertain": 1, "missing": 2, "match": 3})

#: a relation between two members of a finding
_Rel = tuple[Fact, Fact, Relation]


@dataclass(frozen=True, slots=True)
class Ctx:
    """What every finding of one comparison shares."""

    order: Mapping[str, int]  # source id -> rank (the pivot first, then by id)
    compared: frozenset[tuple[str, str]]
    rates: Rates | None
    segment: str | None


class _Union:
    """Disjoint sets of fact ids; the smallest id of a set is its root."""

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


def group_facts(facts: Mapping[int, Fact], edges: Iterable[Edge]) -> list[list[Fact]]:
    """The facts linked by edges, as groups ordered by their smallest fact id."""
    union = _Union(sorted(facts))
    for x, y, _ in edges:
        union.union(x, y)
    groups: dict[int, list[Fact]] = {}
    for fid in sorted(facts):
        groups.setdefault(union.find(fid), []).append(facts[fid])
    return [groups[root] for root in sorted(groups)]


def group_finding(members: list[Fact], edges: list[Edge], ctx: Ctx, all_sources: tuple[str, ...]) -> Finding:
    """The finding of one group of facts."""
    members = sorted(members, key=lambda f: (ctx.order[f.source], f.mentions[0].claim.start, f.id))
    claims = tuple(SourceClaim(m.source, m.claim)
                   for f in members for m in sorted(f.mentions, key=lambda m: (m.claim.start, m.claim.end)))
    # a baseline date ("from a year earlier") joined to its figure adds its claims, nothing else
    figures = {f.source for f in members if not f.baseline}
    members = [f for f in members if not (f.baseline and f.source in figures)] or members
    sources = sorted({f.source for f in members}, key=lambda s: ctx.order[s])
    missing = tuple(s for s in all_sources if s not in sources)
    kind = min((f.kind for f in members), key=lambda k: (k == "number", k))
    rels = _relations(members, edges, ctx)
    different = [(x, y, r) for x, y, r in rels if r.outcome == "different"]
    uncertain = [(x, y, r) for x, y, r in rels if r.outcome == "uncertain" and not _settled(x, y, rels)]
    notes = sorted({r.note for _, _, r in rels if r.matches and r.note})
    if different:
        x, y, r = different[0]
        # the side that disagrees with more sources, or the later source, speaks first
        side_x, side_y = _side(x, rels), _side(y, rels)
        side_x = [f for f in side_x if f not in side_y] or [x]
        vy, vx = _speaker(side_y, y, x, ctx), _speaker(side_x, x, y, ctx)
        shown_y, shown_x = _shown(vy, r.reason), _shown(vx, r.reason)
        if shown_x == shown_y:  # two writings of values that only differ in what is unwritten
            shown_x = shown_y = None
        msg = messages.conflict(messages.value_where(shown_y, _places(side_y, ctx), undated=_undated(vy)),
                                messages.value_where(shown_x, _places(side_x, ctx), undated=_undated(vx)),
                                r.reason, r.note)
        return Finding("conflict", kind, claims, msg, r.reason, ctx.segment, missing)
    if uncertain:
        x, y, r = uncertain[0]
        qx, qy = messages.quote(x.text, x.source), messages.quote(y.text, y.source)
        others = [f for f in members if f.id not in (x.id, y.id) and f.source == y.source
                  and any(r2.outcome == "uncertain" and {f.id, x.id} == {a.id, b.id} for a, b, r2 in rels)]
        if others:  # one of several as alike: name them all
            qy = " or ".join([qy] + [messages.quote(f.text, f.source) for f in others])
        if r.reason in messages.JUDGED:
            msg = messages.uncertain_judged(qx, qy, r.note)
        else:
            msg = messages.uncertain(qx, qy, r.note or r.reason)
        return Finding("uncertain", kind, claims, msg, r.reason, ctx.segment, missing)
    best = _best(members)
    shown = messages.show(best.value, best.text)
    if len(sources) == 1:
        f = members[0]
        # the texts that write it otherwise ('4분기' (no reference date) names its text already)
        written = [messages.one_line(g.text) for g in members
                   if messages.one_line(g.text) != shown and f"'{messages.one_line(g.text)}'" not in shown]
        msg = messages.only_in(shown, written, f.source, missing)
        return Finding("missing", kind, claims, msg, f"only-in:{f.source}", ctx.segment, missing)
    msg = messages.found_in(shown, sources, missing, notes)
    if missing:
        return Finding("missing", kind, claims, msg, "missing-in:" + ",".join(missing), ctx.segment, missing)
    reason = "equal" if not notes else sorted({r.reason for _, _, r in rels if r.matches and r.note})[0]
    return Finding("match", kind, claims, msg, reason, ctx.segment, missing)


def _relations(members: list[Fact], edges: list[Edge], ctx: Ctx) -> list[_Rel]:
    """The relations inside a group, between members of sources that are compared: the edge
    that linked them, or their relation."""
    rels: list[_Rel] = []
    ids = {f.id for f in members}
    by_id = {f.id: f for f in members}
    edge_rel = {(min(x, y), max(x, y)): r for x, y, r in edges if x in ids and y in ids}
    # the sources each member was paired with: two members of two sources that were both
    # paired in that comparison, but not with each other, are two slots, not compared
    paired_with: dict[int, set[str]] = {}
    for x, y in edge_rel:
        paired_with.setdefault(x, set()).add(by_id[y].source)
        paired_with.setdefault(y, set()).add(by_id[x].source)
    for i, fa in enumerate(members):
        for fb in members[i + 1:]:
            if fa.source == fb.source or (fa.source, fb.source) not in ctx.compared:
                continue
            r = edge_rel.get((min(fa.id, fb.id), max(fa.id, fb.id)))
            if r is None:
                if fb.source in paired_with.get(fa.id, set()) and fa.source in paired_with.get(fb.id, set()):
                    continue
                r = fact_relation(fa, fb, ctx.rates)
            rels.append((fa, fb, r))
    return rels


def _side(start: Fact, rels: list[_Rel]) -> list[Fact]:
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


def _best(members: list[Fact]) -> Fact:
    """The member whose value says most: a resolved date, an explicit currency, an exact
    figure, a measured kind rather than a plain number."""
    def rank(f: Fact) -> tuple[int, int, int, int]:
        v = f.value
        return (int(isinstance(v, DateValue) and v.start is None), int(bool(getattr(v, "currency_assumed", False))),
                int(bool(getattr(v, "approx", False))), int(f.kind == "number"))
    return min(members, key=rank)


def _speaker(side: list[Fact], member: Fact, other: Fact, ctx: Ctx) -> Fact:
    """The member of a side whose value a conflict shows: the one that says most (a resolved
    date, an explicit currency) among those that differ from ``other``, else ``member``."""
    differing = [f for f in side if f is member or fact_relation(f, other, ctx.rates).outcome == "different"]
    return _best(differing or [member])


def _undated(f: Fact) -> bool:
    return isinstance(f.value, DateValue) and f.value.start is None


def _shown(f: Fact, reason: str) -> str | None:
    """A value as a conflict shows it; None for a partial date, shown by its text; a number
    taken for a year as the year ("3005", not "3,005")."""
    if _undated(f):
        return None
    if reason == "different-date" and isinstance(f.value, Number):
        return messages.show_dec(f.value.value).replace(",", "")
    return messages.show(f.value, f.text, direction=reason == "different-direction")


def _places(facts: list[Fact], ctx: Ctx) -> list[tuple[str, str]]:
    return [(g.text, g.source) for g in sorted(facts, key=lambda g: (ctx.order[g.source], g.id))]


def _settled(x: Fact, y: Fact, rels: list[_Rel]) -> bool:
    """Two partial dates that cannot be told apart are settled by a third member that both
    match (a resolved date)."""
    def ok(p: Fact, q: Fact) -> bool:
        return any(r.matches and {a.id, b.id} == {p.id, q.id} for a, b, r in rels)
    others = {f.id: f for a, b, _ in rels for f in (a, b) if f.id not in (x.id, y.id)}
    return any(ok(x, z) and ok(y, z) for z in others.values())


# ============================================================================ dates against publication dates
def statement_findings(prepared: list[Prepared], ctx: Ctx, covered: set[int]) -> list[Finding]:
    """Statement dates ("said Friday") against the publication dates of the other sources;
    ``covered``: the facts already reported in a finding of their own."""
    out = []
    for P in prepared:
        others: list[tuple[Prepared, _dt.date]] = []
        for Q in prepared:
            published = Q.info.published
            if Q.info.id != P.info.id and published is not None and (P.info.id, Q.info.id) in ctx.compared:
                others.append((Q, published))
        if not others:
            continue
        pubs = messages.published_days((Q.info.id, day) for Q, day in others)
        cited = tuple(SourceClaim(Q.info.id, pc) for Q, _ in others for pc in Q.published)
        first_published = min(day for _, day in others)
        for f in P.facts:
            for m in f.mentions:
                c = m.claim
                v = c.value
                if c.role != "statement" or not isinstance(v, DateValue):
                    continue
                fits = [Q.info.id for Q, day in others
                        if unify(v, DateValue(grain="day", start=day, end=day)) is not None]
                claims = (SourceClaim(P.info.id, c),) + cited
                span = interval(v)
                if not fits and span is not None and span[1] < first_published:
                    continue  # said before the others were published: an earlier statement, not a slip
                if not fits:
                    if unchecked(v):
                        if f.id in covered:
                            continue
                        msg = messages.statement_unchecked(c.text, P.info.id, pubs)
                        out.append(Finding("uncertain", "date", claims, msg, "statement-unchecked", ctx.segment))
                        continue
                    msg = messages.statement_not_published(c.text, P.info.id, messages.statement_shown(v, c.text),
                                                           pubs)
                    out.append(Finding("conflict", "date", claims, msg, "statement-vs-published", ctx.segment))
                elif f.id not in covered:
                    msg = messages.statement_fits(c.text, P.info.id, fits)
                    out.append(Finding("match", "date", claims, msg, "statement-vs-published", ctx.segment))
    return out


def published_findings(prepared: list[Prepared], ctx: Ctx, all_sources: tuple[str, ...]) -> list[Finding]:
    """The publication dates the sources state, one finding per day."""
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
            out.append(Finding("match", "date", claims, messages.published_in(day, srcs), "published", ctx.segment))
        else:
            out.append(Finding("missing", "date", claims, messages.published_only_in(day, srcs), "published",
                               ctx.segment, missing))
    return out


def mismatch_findings(prepared: list[Prepared], ctx: Ctx) -> list[Finding]:
    """Dates written with a day of the week they did not fall on, and dates whose written
    fields name no day at all ("May 32")."""
    out = []
    for P in prepared:
        for c in P.claims:
            v = c.value
            bad = impossible(v) if isinstance(v, DateValue) else None
            if bad is not None:
                msg = messages.impossible_date(c.text, P.info.id, *bad)
                out.append(Finding("conflict", "date", (SourceClaim(P.info.id, c),), msg, "impossible-date",
                                   ctx.segment))
            if isinstance(v, DateValue) and v.weekday_mismatch and v.start is not None:
                day = v.start.date() if isinstance(v.start, _dt.datetime) else v.start
                msg = messages.weekday_mismatch(c.text, P.info.id, day, str(v.weekday))
                out.append(Finding("conflict", "date", (SourceClaim(P.info.id, c),), msg, "weekday-mismatch",
                                   ctx.segment))
    return out


# ============================================================================ order
def finding_key(f: Finding, order: Mapping[str, int]) -> FindingKey:
    """The sort key of a finding: its first claim (sources in ``order``), verdict, kind, message."""
    first = min(((order.get(c.source, 99), c.claim.start, c.claim.end) for c in f.claims), default=(99, 0, 0))
    return (first, VERDICT_RANK[f.verdict], f.kind, f.message)
