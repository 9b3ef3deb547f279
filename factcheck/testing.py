"""Helpers for test suites: assert that translated documents tell the same story.

>>> from factcheck.testing import assert_consistent
>>> assert_consistent("docs/release_ko.md", "docs/release_en.md")        # doctest: +SKIP
>>> assert_consistent("locale/ko.po")                                     # doctest: +SKIP

With pytest, the ``factcheck_consistent`` fixture (:mod:`factcheck.pytest_plugin`, registered
automatically when factcheck is installed) is the same function.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from factcheck import api  # looked up at call time (tests replace api.check)
from factcheck.errors import InputError
from factcheck.io.aligned import is_aligned, read_segments
from factcheck.io.files import read_text
from factcheck.render import render_text
from factcheck.report import Report, Source

__all__ = ["assert_consistent", "failing_findings"]


def failing_findings(report: Report, fail_on: Iterable[str] = ("conflict",)) -> Report:
    """The report reduced to the findings whose verdict is in ``fail_on``."""
    fail = {fail_on} if isinstance(fail_on, str) else set(fail_on)
    return Report(sources=report.sources, findings=tuple(f for f in report.findings if f.verdict in fail))


def _as_source(item: Any, used: set[str]) -> Source:
    if isinstance(item, Source):
        return item
    if isinstance(item, (str, os.PathLike)):
        path = os.fspath(item)
        base = os.path.splitext(os.path.basename(path))[0] or path
        sid, n = base, 2
        while sid in used:
            sid, n = f"{base}-{n}", n + 1
        return Source(read_text(path), id=sid, path=path)
    raise InputError(f"assert_consistent takes Source objects or file paths, not {type(item).__name__} "
                     "(wrap a text in factcheck.Source(text, id=...))", reason="bad-source")


def assert_consistent(*sources: Any, fail_on: Iterable[str] = ("conflict",), lang_a: str | None = None,
                      lang_b: str | None = None, **check_options: Any) -> Report:
    """Check the sources against each other and raise :class:`AssertionError` when a finding's
    verdict is in ``fail_on`` (default: conflicts only). Returns the report otherwise.

    ``sources`` are :class:`factcheck.Source` objects or paths to text files (their ids are the
    file names without extension), or a single aligned file (CSV, TSV, JSONL, PO, XLIFF, TMX;
    see :mod:`factcheck.io.aligned`, ``lang_a``/``lang_b`` pick its languages) whose segment pairs
    are checked one by one. ``check_options`` go to :func:`factcheck.check` unchanged.

    The error message lists the failing findings, one line each, as the text report does.
    """
    __tracebackhide__ = True
    fail = (fail_on,) if isinstance(fail_on, str) else tuple(fail_on)
    if len(sources) == 1 and isinstance(sources[0], (str, os.PathLike)) and is_aligned(sources[0]):
        segments = read_segments(sources[0], lang_a=lang_a, lang_b=lang_b)
        report = api.check_segments(segments, **check_options)
        what = os.fspath(sources[0])
    else:
        if len(sources) < 2:
            raise InputError("assert_consistent needs at least two sources, or one aligned file",
                             reason="bad-source")
        used: set[str] = set()
        items = []
        for s in sources:
            src = _as_source(s, used)
            used.add(src.id)
            items.append(src)
        report = api.check(items, **check_options)
        what = ", ".join(s.id for s in items)
    failing = failing_findings(report, fail)
    if failing.findings:
        n = len(failing.findings)
        head = (f"{what}: {n} finding{'s' if n != 1 else ''} with verdict "
                f"{' or '.join(fail)} (of {len(report.findings)})")
        raise AssertionError(head + "\n" + render_text(failing).rstrip("\n"))
    return report
