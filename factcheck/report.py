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
from factcheck.origin import Location, Origin

__all__ = ["FileError", "Source", "SourceInfo", "SourceClaim", "Finding", "Report", "VERDICTS", "Verdict"]

Verdict = Literal["match", "conflict", "missing", "uncertain"]
#: The verdicts, in the order reports list them.
VERDICTS: tuple[str, ...] = ("match", "conflict", "missing", "uncertain")


@dataclass(frozen=True, slots=True)
class Source:
    """One text to compare. ``published`` is its publication (reference) date: a date, a
    datetime, an ISO string or None (unknown; a date found in the text's header is used then).
    ``path`` is where it was read from, for reports that point into files (SARIF).
    ``origin`` is what a reader of a structured file (Markdown, HTML, Word ...) knows besides
    the text: the way back from the text to the file, metadata and verbatim facts
    (:mod:`factcheck.origin`); None for a plain text."""

    text: str
    id: str
    lang: str = "auto"
    published: _dt.date | _dt.datetime | str | None = None
    path: str | None = None
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What the report says about a source: its id, language and publication date as used.

    ``published_from`` says where the date came from: ``caller``, ``header`` (detected in the
    text), ``front-matter``, ``html-meta``, ``html-time`` or ``document-properties``.
    ``format`` is the reader's (``markdown``, ``html``, ``docx`` ...; None for plain text),
    ``encoding`` the text encoding when it was not UTF-8 (``cp949``, ``utf-16``), ``metadata``
    what the file's metadata said (document dates, declared language, title); ``empty`` is
    True for a source with no text (an empty file), checked with no claims."""

    id: str
    lang: str
    published: _dt.date | None
    published_from: str | None = None
    path: str | None = None
    format: str | None = None
    encoding: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()
    empty: bool = False

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
        if self.format:
            out["format"] = self.format
        if self.encoding:
            out["encoding"] = self.encoding
        if self.metadata:
            out["metadata"] = dict(self.metadata)
        if self.empty:
            out["empty"] = True
        return out


@dataclass(frozen=True, slots=True)
class SourceClaim:
    """A claim together with the id of the source it was found in and, for a source read from
    a structured file, its place in that file (:class:`factcheck.origin.Location`)."""

    source: str
    claim: Claim
    location: Location | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source}
        out.update(self.claim.to_dict())
        if self.location is not None:
            out["location"] = self.location.to_dict()
        return out


@dataclass(frozen=True, slots=True)
class FileError:
    """A file of a docs tree that could not be read: the others are still checked, and the
    report lists it (``reason`` as in :class:`factcheck.errors.InputError`)."""

    path: str
    message: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "message": self.message, "reason": self.reason}


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
    errors: tuple[FileError, ...] = ()

    @property
    def summary(self) -> dict[str, int]:
        counts = {v: 0 for v in VERDICTS}
        for f in self.findings:
            counts[f.verdict] += 1
        return counts

    def by_verdict(self, verdict: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.verdict == verdict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "sources": [s.to_dict() for s in self.sources],
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary,
        }
        if self.errors:
            out["errors"] = [e.to_dict() for e in self.errors]
        return out
