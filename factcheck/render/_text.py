"""The text report: one line per finding, then a summary line. For people and for logs."""

from __future__ import annotations

from types import MappingProxyType

from factcheck.render._common import claims_by_source, clean, format_value, source_ids
from factcheck.report import VERDICTS, Finding, Report

__all__ = ["finding_line", "render_text", "summary_line", "summary_of"]

# ANSI SGR codes per verdict, used only when color=True
_COLOURS: MappingProxyType[str, str] = MappingProxyType(
    {"match": "32", "conflict": "1;31", "missing": "33", "uncertain": "90"})
_MAX_SHOWN = 3  # distinct mentions shown per source; more are counted


def _paint(text: str, verdict: str, color: bool) -> str:
    return f"\x1b[{_COLOURS[verdict]}m{text}\x1b[0m" if color and verdict in _COLOURS else text


def _quote(text: str) -> str:
    return "“" + clean(text) + "”"


def _mentions(finding: Finding, ids: list[str]) -> str:
    by = dict(claims_by_source(finding, ids))
    parts = []
    for sid in ids:
        if sid in by:
            seen: dict[tuple[str, str], int] = {}
            where: dict[tuple[str, str], str] = {}
            for sc in by[sid]:
                key = (sc.claim.text, format_value(sc.claim))
                seen[key] = seen.get(key, 0) + 1
                if sc.location is not None:
                    where.setdefault(key, sc.location.describe())
            shown = []
            for (text, value), n in list(seen.items())[:_MAX_SHOWN]:
                item = _quote(text) if text else "present"
                if text and clean(value) != clean(text):
                    item += f" = {clean(value)}"
                if n > 1:
                    item += f" ×{n}"
                if where.get((text, value)):
                    item += f" ({where[(text, value)]})"
                shown.append(item)
            if len(seen) > _MAX_SHOWN:
                shown.append(f"(+{len(seen) - _MAX_SHOWN} more)")
            parts.append(f"{clean(sid)}: " + ", ".join(shown))
        elif sid in finding.sources_missing:
            parts.append(f"{clean(sid)}: —")
    return "; ".join(parts)


def summary_line(report: Report) -> str:
    return summary_of([s.id for s in report.sources], report.summary, len(report.findings))


def summary_of(source_ids: list[str], counts: dict[str, int], n: int) -> str:
    """The summary line of a report with these sources, verdict counts and number of findings."""
    sources = ", ".join(clean(s) for s in source_ids)
    by = ", ".join(f"{counts.get(v, 0)} {v}" for v in VERDICTS)
    return (f"factcheck: {len(source_ids)} source{'s' if len(source_ids) != 1 else ''}"
            f"{' (' + sources + ')' if sources else ''}, {n} finding{'s' if n != 1 else ''}: {by}")


def finding_line(f: Finding, ids: list[str], *, color: bool = False) -> str:
    """The line of one finding (no newline); ``ids``: the source ids in the report's order."""
    seg = f"[{clean(f.segment)}] " if f.segment is not None else ""
    head = _paint(f"{f.verdict.upper():<9}", f.verdict, color)
    return f"{head} {f.kind:<8} {seg}{_mentions(f, ids)}  — {clean(f.message)}"


def render_text(report: Report, *, color: bool = False) -> str:
    """One line per finding — verdict, kind, the mentions per source (text and value), the
    message — then a summary line. ANSI colours only when ``color``; control characters of
    the sources are shown escaped, never sent to the terminal."""
    ids = source_ids(report)
    lines = [finding_line(f, ids, color=color) for f in report.findings]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
