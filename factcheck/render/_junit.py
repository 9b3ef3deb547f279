"""JUnit XML: a test suite per kind, a test case per finding, a failure for each finding whose
verdict is in ``fail_on``. CI systems show it as a test report."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from factcheck.render._common import claims_by_source, clean, format_value, source_ids
from factcheck.report import Finding, Report

__all__ = ["render_junit"]


def _x(text: str) -> str:
    """Text that XML 1.0 can hold: control characters escaped (ElementTree escapes <, > and &)."""
    return clean(text, keep_newlines=True)


def _details(f: Finding, ids: list[str]) -> str:
    lines = [f"{f.verdict} ({f.kind}): {f.message}"]
    if f.segment is not None:
        lines.append(f"segment: {f.segment}")
    for sid, claims in claims_by_source(f, ids):
        for sc in claims:
            c = sc.claim
            value = format_value(c)
            shown = f" = {value}" if clean(value) != clean(c.text) else ""
            where = f" ({sc.location.describe()})" if sc.location is not None else ""
            lines.append(f"  {sid}: “{c.text}”{shown} [{c.start}:{c.end}]{where}")
    for sid in f.sources_missing:
        lines.append(f"  {sid}: —")
    return "\n".join(_x(line) for line in lines)


def render_junit(report: Report, *, fail_on: Iterable[str] = ("conflict",)) -> str:
    fail = set(fail_on)
    ids = source_ids(report)
    kinds = sorted({f.kind for f in report.findings})
    root = ET.Element("testsuites", name="factcheck")
    total = failures = 0
    for kind in kinds:
        cases = [(i, f) for i, f in enumerate(report.findings, 1) if f.kind == kind]
        n_fail = sum(1 for _, f in cases if f.verdict in fail)
        suite = ET.SubElement(root, "testsuite", name=f"factcheck.{_x(kind)}", tests=str(len(cases)),
                              failures=str(n_fail), errors="0", skipped="0", time="0")
        for i, f in cases:
            seg = f"[{f.segment}] " if f.segment is not None else ""
            case = ET.SubElement(suite, "testcase", classname=f"factcheck.{_x(kind)}",
                                 name=_x(f"#{i} {seg}{f.message or f.verdict}"), time="0")
            if f.verdict in fail:
                failure = ET.SubElement(case, "failure", type=f.verdict, message=_x(f"{f.verdict}: {f.message}"))
                failure.text = _details(f, ids)
            else:
                out = ET.SubElement(case, "system-out")
                out.text = _details(f, ids)
        total += len(cases)
        failures += n_fail
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("skipped", "0")
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
