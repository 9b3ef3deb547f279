"""Findings about dates that are not compared fact against fact: statement dates ("said
Friday") against the publication dates of the other sources, the publication dates
themselves, and dates written with the wrong day of the week."""

from __future__ import annotations

import datetime as _dt

from factcheck.claims import Claim
from factcheck.compare import messages
from factcheck.compare.facts import Prepared
from factcheck.compare.group import Ctx
from factcheck.compare.relation.dates import unchecked
from factcheck.dates import interval, unify
from factcheck.report import Finding, SourceClaim
from factcheck.values import DateValue

__all__ = ["mismatch_findings", "published_findings", "statement_findings"]


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
    """Dates written with a day of the week they did not fall on."""
    out = []
    for P in prepared:
        for c in P.claims:
            v = c.value
            if isinstance(v, DateValue) and v.weekday_mismatch and v.start is not None:
                day = v.start.date() if isinstance(v.start, _dt.datetime) else v.start
                msg = messages.weekday_mismatch(c.text, P.info.id, day, str(v.weekday))
                out.append(Finding("conflict", "date", (SourceClaim(P.info.id, c),), msg, "weekday-mismatch",
                                   ctx.segment))
    return out
