"""Reports written as the findings come, segment after segment (``factcheck check`` of an
aligned file): the text and JSON reports, byte for byte what :func:`factcheck.render.render`
writes of the whole report, with only the sources and the counts kept in memory.

Each segment's findings must come in the report's order (as
:func:`factcheck.iter_check_segments` yields them): the text report lists each finding's
sources in the report's order, and that order (the pivot first, then by id) is the same
within any segment as across the whole report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from factcheck.api import merge_sources
from factcheck.render._text import finding_line, summary_of
from factcheck.report import VERDICTS, Finding, SourceInfo

__all__ = ["STREAM_FORMATS", "StreamedReport"]

#: the formats :class:`StreamedReport` writes
STREAM_FORMATS: tuple[str, ...] = ("text", "json")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


class StreamedReport:
    """Write a report to ``out`` as its findings come: :meth:`add` each segment's findings
    and sources, then :meth:`close` (which writes the end: the summary line, or the sources
    and summary of the JSON report)."""

    def __init__(self, fmt: str, out: IO[str], *, pivot: str | None = None, color: bool = False) -> None:
        if fmt not in STREAM_FORMATS:
            raise ValueError(f"cannot stream the {fmt!r} format (only {', '.join(STREAM_FORMATS)})")
        self.fmt = fmt
        self.out = out
        self.pivot = pivot
        self.color = color
        self.counts = {v: 0 for v in VERDICTS}
        self.findings = 0
        self._sources: dict[str, SourceInfo] = {}

    def _order(self, sources: Iterable[SourceInfo]) -> list[SourceInfo]:
        return sorted(sources, key=lambda i: (i.id != self.pivot, i.id))

    def add(self, findings: Iterable[Finding], sources: Iterable[SourceInfo]) -> None:
        """One segment: its findings (in report order) and its sources."""
        sources = tuple(sources)
        merge_sources(self._sources, sources)
        ids = [s.id for s in self._order(sources)]
        for f in findings:
            if self.fmt == "text":
                self.out.write(finding_line(f, ids, color=self.color) + "\n")
            else:
                head = '{\n  "findings": [\n' if not self.findings else ",\n"
                self.out.write(head + "\n".join("    " + line for line in _dumps(f.to_dict()).splitlines()))
            self.counts[f.verdict] += 1
            self.findings += 1

    def close(self) -> None:
        """Write the end of the report."""
        ordered = self._order(self._sources.values())
        if self.fmt == "text":
            self.out.write(summary_of([s.id for s in ordered], self.counts, self.findings) + "\n")
            return
        self.out.write('{\n  "findings": [],\n' if not self.findings else "\n  ],\n")
        rest = _dumps({"sources": [s.to_dict() for s in ordered], "summary": self.counts})
        self.out.write(rest[len("{\n"):] + "\n")
