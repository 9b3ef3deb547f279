"""Turn a :class:`factcheck.report.Report` into text, JSON, JSON Lines, Markdown, SARIF, JUnit XML or HTML.

>>> from factcheck.report import Report
>>> print(render(Report(sources=(), findings=()), "text"), end="")
factcheck: 0 sources, 0 findings: 0 match, 0 conflict, 0 missing, 0 uncertain

Every renderer is a pure function of its arguments: the same report gives the same bytes.
Source text is escaped in every format (HTML, Markdown, XML) and control characters are shown
as escapes, so a hostile source cannot inject markup, links or terminal sequences.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from types import MappingProxyType
from typing import Any

from factcheck.errors import InputError
from factcheck.render._common import format_value, source_texts
from factcheck.render._html import render_html as _render_html
from factcheck.render._junit import render_junit as _render_junit
from factcheck.render._markdown import md_escape, render_markdown
from factcheck.render._sarif import SARIF_SCHEMA
from factcheck.render._sarif import render_sarif as _render_sarif
from factcheck.render._sarif import sarif_log as _sarif_log
from factcheck.render._stream import STREAM_FORMATS, StreamedReport, render_jsonl
from factcheck.render._text import render_text
from factcheck.report import Report

__all__ = [
    "FORMATS",
    "SARIF_SCHEMA",
    "STREAM_FORMATS",
    "StreamedReport",
    "format_value",
    "md_escape",
    "render",
    "render_html",
    "render_json",
    "render_jsonl",
    "render_junit",
    "render_markdown",
    "render_sarif",
    "render_text",
    "sarif_log",
]

#: the names ``render`` accepts
FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "markdown", "sarif", "junit", "html")
_ALIASES: MappingProxyType[str, str] = MappingProxyType({"md": "markdown", "xml": "junit", "txt": "text"})


def render_json(report: Report) -> str:
    """``report.to_dict()`` as JSON: UTF-8 text (Hangul not escaped), indented by 2, keys sorted."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_sarif(report: Report, *, sources: Any = ()) -> str:
    """SARIF 2.1.0 (see :mod:`factcheck.render._sarif`); ``sources`` give the line numbers."""
    return _render_sarif(report, source_texts(sources))


def sarif_log(report: Report, *, sources: Any = ()) -> dict[str, Any]:
    """The SARIF log as a dict, before serialisation."""
    from factcheck._version import __version__

    return _sarif_log(report, source_texts(sources), version=__version__)


def render_junit(report: Report, *, fail_on: Iterable[str] = ("conflict",)) -> str:
    """JUnit XML: a suite per kind, a case per finding, a failure per verdict in ``fail_on``."""
    return _render_junit(report, fail_on=_check_fail_on(fail_on))


def render_html(report: Report, *, sources: Any = (), title: str = "factcheck report") -> str:
    """One self-contained HTML page; ``sources`` (their texts) give the side-by-side view."""
    return _render_html(report, source_texts(sources), title=title)


def _check_fail_on(fail_on: Iterable[str]) -> tuple[str, ...]:
    if isinstance(fail_on, str):
        fail_on = (fail_on,)
    out = tuple(fail_on)
    bad = [v for v in out if v not in ("match", "conflict", "missing", "uncertain")]
    if bad:
        raise InputError(f"unknown verdict {bad[0]!r} in fail_on (use conflict, missing, uncertain or match)",
                         reason="bad-option")
    return out


def render(
    report: Report,
    fmt: str,
    *,
    sources: Any = (),
    color: bool = False,
    fail_on: Iterable[str] = ("conflict",),
    title: str = "factcheck report",
) -> str:
    """Render ``report`` in format ``fmt`` (one of :data:`FORMATS`; ``md`` is ``markdown``).

    ``sources`` are the texts the report was made from — :class:`factcheck.Source` objects, a
    mapping of source id to text, or the ``(segment id, [Source, ...])`` pairs of
    :func:`factcheck.aligned.read_segments` — used by SARIF (lines and columns) and HTML (the
    side-by-side view); the other formats need only the report. ``color`` adds ANSI colours to
    the text format. ``fail_on`` names the verdicts that JUnit reports as failures. ``jsonl``
    (JSON Lines) writes a finding per line, then ``{"sources": [...], "summary": {...}}``.

    The result is the whole document, ending with a newline: write it as is.
    """
    if not isinstance(report, Report):
        raise InputError(f"render() needs a Report, not {type(report).__name__}", reason="bad-report")
    name = _ALIASES.get(fmt, fmt)
    if name == "text":
        return render_text(report, color=color)
    if name == "json":
        return render_json(report)
    if name == "jsonl":
        return render_jsonl(report)
    if name == "markdown":
        return render_markdown(report)
    if name == "sarif":
        return render_sarif(report, sources=sources)
    if name == "junit":
        return render_junit(report, fail_on=fail_on)
    if name == "html":
        return render_html(report, sources=sources, title=title)
    raise InputError(f"unknown report format {fmt!r} (use {', '.join(FORMATS)})", reason="bad-format")
