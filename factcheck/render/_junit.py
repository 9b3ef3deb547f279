"""JUnit XML: a test suite per kind, a test case per finding, a failure for each finding whose
verdict is in ``fail_on``. CI systems show it as a test report."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator

from factcheck.render._common import claims_by_source, clean, format_value, source_ids
from factcheck.report import Finding, Report

__all__ = ["junit_parts", "render_junit"]


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


def _case(i: int, f: Finding, fail: set[str], ids: list[str], parent: ET.Element | None = None) -> ET.Element:
    seg = f"[{f.segment}] " if f.segment is not None else ""
    kind = _x(f.kind)
    name = _x(f"#{i} {seg}{f.message or f.verdict}")
    case = (ET.SubElement(parent, "testcase", classname=f"factcheck.{kind}", name=name, time="0")
            if parent is not None else ET.Element("testcase", classname=f"factcheck.{kind}", name=name, time="0"))
    if f.verdict in fail:
        failure = ET.SubElement(case, "failure", type=f.verdict, message=_x(f"{f.verdict}: {f.message}"))
        failure.text = _details(f, ids)
    else:
        out = ET.SubElement(case, "system-out")
        out.text = _details(f, ids)
    return case


def _skeleton(counts: dict[str, tuple[int, int]], cases: Callable[[str, ET.Element], None]) -> ET.Element:
    """The root: a suite per kind (``counts``: kind -> (tests, failures)), ``cases`` filling each."""
    root = ET.Element("testsuites", name="factcheck")
    total = failures = 0
    for kind in sorted(counts):
        tests, n_fail = counts[kind]
        suite = ET.SubElement(root, "testsuite", name=f"factcheck.{_x(kind)}", tests=str(tests),
                              failures=str(n_fail), errors="0", skipped="0", time="0")
        cases(kind, suite)
        total += tests
        failures += n_fail
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("skipped", "0")
    root.set("time", "0")
    ET.indent(root)
    return root


_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def render_junit(report: Report, *, fail_on: Iterable[str] = ("conflict",)) -> str:
    fail = set(fail_on)
    ids = source_ids(report)
    counts: dict[str, tuple[int, int]] = {}
    for f in report.findings:
        tests, n_fail = counts.get(f.kind, (0, 0))
        counts[f.kind] = (tests + 1, n_fail + (f.verdict in fail))

    def cases(kind: str, suite: ET.Element) -> None:
        for i, f in enumerate(report.findings, 1):
            if f.kind == kind:
                _case(i, f, fail, ids, suite)

    return _HEAD + ET.tostring(_skeleton(counts, cases), encoding="unicode") + "\n"


def junit_parts(counts: dict[str, tuple[int, int]], ids: list[str], fail_on: Iterable[str],
                findings: Callable[[], Iterable[Finding]]) -> Iterator[str]:
    """The text of :func:`render_junit` in pieces, for a report whose findings come one by one:
    ``counts`` (kind -> (findings, failures)) and ``ids`` (every source id) known beforehand,
    ``findings()`` giving the findings in report order again for each kind."""
    fail = set(fail_on)
    marks = {kind: f"case{n}" for n, kind in enumerate(sorted(counts))}

    def mark(kind: str, suite: ET.Element) -> None:
        ET.SubElement(suite, marks[kind])

    root = _skeleton(counts, mark)
    rest = _HEAD + ET.tostring(root, encoding="unicode") + "\n"
    for kind in sorted(counts):
        head, _, rest = rest.partition(f"<{marks[kind]} />")
        yield head
        first = True
        for i, f in enumerate(findings(), 1):
            if f.kind != kind:
                continue
            case = _case(i, f, fail, ids)
            ET.indent(case, level=2)
            yield ("" if first else "\n    ") + ET.tostring(case, encoding="unicode")
            first = False
    yield rest
