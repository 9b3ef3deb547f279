"""Reports written as the findings come, segment after segment (``factcheck check`` of an
aligned file): the text, JSON, JSON Lines, Markdown, SARIF and JUnit reports, byte for byte what
:func:`factcheck.render.render` writes of the whole report, with only the sources and the
counts kept in memory.

Text, JSON and JSON Lines are written as the findings come. Markdown, SARIF and JUnit begin
with what only the whole report tells (the counts, the source columns, the rules, the
artifacts, the number of cases of each kind), so their findings are kept in a spooled
temporary file (memory, then disk past a few MiB) and written, one at a time, after that
head at :meth:`StreamedReport.close`.

Each segment's findings must come in the report's order (as
:func:`factcheck.iter_check_segments` yields them): the reports list each finding's sources
in the report's order, and that order (the pivot first, then by id) is the same within any
segment as across the whole report.
"""

from __future__ import annotations

import json
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from factcheck.api import merge_sources
from factcheck.render._junit import junit_parts
from factcheck.render._markdown import markdown_parts
from factcheck.render._sarif import reported, sarif_parts
from factcheck.render._text import finding_line, summary_of
from factcheck.report import VERDICTS, Finding, Report, SourceInfo

__all__ = ["STREAM_FORMATS", "StreamedReport", "jsonl_end", "jsonl_line", "render_jsonl"]

#: the formats :class:`StreamedReport` writes
STREAM_FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "markdown", "sarif", "junit")
_SPOOLED = ("markdown", "sarif", "junit")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


def jsonl_line(f: Finding) -> str:
    """A finding as one line of the JSON Lines report: its contract dict, keys sorted."""
    return json.dumps(f.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"


def jsonl_end(sources: Iterable[SourceInfo], summary: dict[str, int], errors: Iterable[Any] = ()) -> str:
    """The last line of the JSON Lines report: the sources and the summary (and the files not
    read, if any) as the JSON report has them."""
    end: dict[str, Any] = {"sources": [s.to_dict() for s in sources], "summary": summary}
    errs = [e.to_dict() for e in errors]
    if errs:
        end["errors"] = errs
    return json.dumps(end, ensure_ascii=False, sort_keys=True) + "\n"


def render_jsonl(report: Report) -> str:
    """JSON Lines: a finding per line (``report.to_dict()["findings"]``' items), then one line
    ``{"sources": [...], "summary": {...}}``."""
    return "".join(jsonl_line(f) for f in report.findings) + jsonl_end(report.sources, report.summary,
                                                                        report.errors)


class StreamedReport:
    """Write a report to ``out`` as its findings come: :meth:`add` each segment's findings
    and sources, then :meth:`close` (which writes the end: the summary line, or the sources
    and summary of the JSON report, or the whole Markdown, SARIF or JUnit report)."""

    def __init__(self, fmt: str, out: IO[str], *, pivot: str | None = None, color: bool = False,
                 fail_on: Iterable[str] = ("conflict",)) -> None:
        if fmt not in STREAM_FORMATS:
            raise ValueError(f"cannot stream the {fmt!r} format (only {', '.join(STREAM_FORMATS)})")
        self.fmt = fmt
        self.out = out
        self.pivot = pivot
        self.color = color
        self.fail_on = tuple(fail_on)
        self.counts = {v: 0 for v in VERDICTS}
        self.findings = 0
        self._sources: dict[str, SourceInfo] = {}
        self._met: dict[str, None] = {}  # the source ids of the claims, in the order met
        self._kinds: dict[str, tuple[int, int]] = {}  # kind -> (findings, failures), for JUnit
        self._rules: set[tuple[str, str]] = set()  # (verdict, kind) of the SARIF results
        self._segmented = False  # a finding has a segment, for Markdown
        self._spool: IO[bytes] | None = None
        if fmt in _SPOOLED:
            self._spool = tempfile.SpooledTemporaryFile(max_size=4 * 2**20, mode="w+b")  # noqa: SIM115

    def _order(self, sources: Iterable[SourceInfo]) -> list[SourceInfo]:
        return sorted(sources, key=lambda i: (i.id != self.pivot, i.id))

    def add(self, findings: Iterable[Finding], sources: Iterable[SourceInfo]) -> None:
        """One segment: its findings (in report order) and its sources."""
        sources = tuple(sources)
        merge_sources(self._sources, sources)
        ids = [s.id for s in self._order(sources)]
        kept: list[Finding] = []
        for f in findings:
            if self.fmt == "text":
                self.out.write(finding_line(f, ids, color=self.color) + "\n")
            elif self.fmt == "jsonl":
                self.out.write(jsonl_line(f))
            elif self.fmt == "json":
                head = '{\n  "findings": [\n' if not self.findings else ",\n"
                self.out.write(head + "\n".join("    " + line for line in _dumps(f.to_dict()).splitlines()))
            else:
                self._keep(f, kept)
            self.counts[f.verdict] += 1
            self.findings += 1
        if kept and self._spool is not None:
            pickle.dump(kept, self._spool, protocol=pickle.HIGHEST_PROTOCOL)

    def _keep(self, f: Finding, kept: list[Finding]) -> None:
        for sc in f.claims:
            self._met.setdefault(sc.source)
        for m in f.sources_missing:
            self._met.setdefault(m)
        if self.fmt == "markdown":
            self._segmented = self._segmented or f.segment is not None
            kept.append(f)
        elif self.fmt == "junit":
            tests, failures = self._kinds.get(f.kind, (0, 0))
            self._kinds[f.kind] = (tests + 1, failures + (f.verdict in self.fail_on))
            kept.append(f)
        elif reported(f):
            self._rules.add((f.verdict, f.kind))
            kept.append(f)

    def _kept(self) -> Iterator[Finding]:
        assert self._spool is not None
        self._spool.seek(0)
        while True:
            try:
                batch: list[Finding] = pickle.load(self._spool)  # noqa: S301 - our own temporary file
            except EOFError:
                return
            yield from batch

    def close(self) -> None:
        """Write the end of the report (the whole of a Markdown, SARIF or JUnit report)."""
        ordered = self._order(self._sources.values())
        if self.fmt == "text":
            self.out.write(summary_of([s.id for s in ordered], self.counts, self.findings) + "\n")
            return
        if self.fmt == "jsonl":
            self.out.write(jsonl_end(ordered, self.counts))
            return
        if self.fmt == "json":
            self.out.write('{\n  "findings": [],\n' if not self.findings else "\n  ],\n")
            rest = _dumps({"sources": [s.to_dict() for s in ordered], "summary": self.counts})
            self.out.write(rest[len("{\n"):] + "\n")
            return
        ids = [s.id for s in ordered]
        ids += [i for i in self._met if i not in self._sources]
        if self.fmt == "sarif":
            from factcheck._version import __version__

            parts = sarif_parts(ordered, ids, self._rules, dict(self.counts), self._kept(), version=__version__)
        elif self.fmt == "markdown":
            parts = markdown_parts(ordered, ids, dict(self.counts), self.findings, self._segmented, self._kept())
        else:
            parts = junit_parts(self._kinds, ids, self.fail_on, self._kept)
        for piece in parts:
            self.out.write(piece)
        assert self._spool is not None
        self._spool.close()
