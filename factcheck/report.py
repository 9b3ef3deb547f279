"""The shapes of a comparison: sources, findings and the report (see CONTRACT.md).

These are plain frozen records. The comparator (:mod:`factcheck.compare`) builds them; the
renderers (:mod:`factcheck.render`) turn a :class:`Report` into text, JSON, Markdown, SARIF,
JUnit XML or HTML. ``Report.to_dict()`` is the JSON contract.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Literal

from factcheck.claims import Claim

__all__ = ["Source", "SourceInfo", "SourceClaim", "Finding", "Report", "VERDICTS", "Verdict"]

Verdict = Literal["match", "conflict", "missing", "uncertain"]
#: The verdicts, in the order reports list them.
VERDICTS: tuple[str, ...] = ("match", "conflict", "missing", "uncertain")


@dataclass(frozen=True, slots=True)
class Source:
    """One text to compare. ``published`` is its publication (reference) date: a date, a
    datetime, an ISO string or None (unknown; a date found in the text's header is used then).
    ``path`` is where it was read from, for reports that point into files (SARIF)."""

    text: str
    id: str
    lang: str = "auto"
    published: _dt.date | _dt.datetime | str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What the report says about a source: its id, language and publication date as used."""

    id: str
    lang: str
    published: _dt.date | None
    published_from: str | None = None  # "caller" or "header" (detected in the text)
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "lang": self.lang,
            "published": self.published.isoformat() if self.published else None,
        }
        if self.published_from:
            out["published_from"] = self.published_from
        if self.path:
            out["path"] = self.path
        return out


@dataclass(frozen=True, slots=True)
class SourceClaim:
    """A claim together with the id of the source it was found in."""

    source: str
    claim: Claim

    def to_dict(self) -> dict[str, Any]:
        out = {"source": self.source}
        out.update(self.claim.to_dict())
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    """One fact across the sources and the verdict on it.

    ``claims`` lists every mention in every source (a fact repeated in one source is one
    finding with several claims of that source). ``message`` names the values and the reason
    in one line; ``reason`` is a short machine-readable code ("equal", "rounded",
    "different-amount", "only-in:ko", "currency-assumed" ...). ``segment`` is the id of the
    aligned segment pair the finding belongs to, for aligned inputs (PO, XLIFF, TMX ...).
    """

    verdict: Verdict
    kind: str
    claims: tuple[SourceClaim, ...]
    message: str
    reason: str = ""
    segment: str | None = None
    sources_missing: tuple[str, ...] = ()
    baseline: bool = False  # accepted in a baseline report (``check --baseline``): stays quiet

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "verdict": self.verdict,
            "kind": self.kind,
            "claims": [c.to_dict() for c in self.claims],
            "message": self.message,
        }
        if self.reason:
            out["reason"] = self.reason
        if self.segment is not None:
            out["segment"] = self.segment
        if self.sources_missing:
            out["missing_in"] = list(self.sources_missing)
        if self.baseline:
            out["baseline"] = True
        return out


@dataclass(frozen=True, slots=True)
class Report:
    """The result of :func:`factcheck.check`: the sources and the findings, in a stable order."""

    sources: tuple[SourceInfo, ...]
    findings: tuple[Finding, ...]
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def summary(self) -> dict[str, int]:
        counts = {v: 0 for v in VERDICTS}
        for f in self.findings:
            counts[f.verdict] += 1
        return counts

    def by_verdict(self, verdict: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.verdict == verdict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": [s.to_dict() for s in self.sources],
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary,
        }
