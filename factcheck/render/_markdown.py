"""The Markdown report (GitHub-flavoured tables): a summary table, the sources and the findings.
Every piece of source text is escaped, so a source cannot add links, HTML or table cells."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from types import MappingProxyType

from factcheck.render._common import claims_by_source, clean, format_value, source_ids
from factcheck.report import VERDICTS, FileError, Finding, Report, SourceClaim, SourceInfo

__all__ = ["markdown_parts", "md_escape", "render_markdown"]

# the characters that start Markdown or GFM syntax inside a table cell (emphasis, code, links,
# strikethrough, math, cell borders); <, > and & become entities, so no HTML gets through
_SPECIAL = re.compile(r"([\\`*_{}\[\]|~$])")
_ENTITIES: MappingProxyType[str, str] = MappingProxyType({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_MARK: MappingProxyType[str, str] = MappingProxyType(
    {"match": "✅", "conflict": "❌", "missing": "⚠️", "uncertain": "❔"})
_MAX_PER_CELL = 3


def md_escape(text: str) -> str:
    """Escape text for a Markdown table cell: backslash-escape punctuation, flatten lines."""
    escaped = _SPECIAL.sub(r"\\\1", clean(text))
    return re.sub(r"[&<>]", lambda m: _ENTITIES[m.group()], escaped)


def _cell(sid_claims: Iterable[SourceClaim]) -> str:
    seen: dict[tuple[str, str], int] = {}
    where: dict[tuple[str, str], str] = {}
    for sc in sid_claims:
        key = (sc.claim.text, format_value(sc.claim))
        seen[key] = seen.get(key, 0) + 1
        if sc.location is not None:
            where.setdefault(key, sc.location.describe())
    items = []
    for (text, value), n in list(seen.items())[:_MAX_PER_CELL]:
        item = "“" + md_escape(text) + "”" if text else "present"
        if text and clean(value) != clean(text):
            item += " = " + md_escape(value)
        if n > 1:
            item += f" ×{n}"
        if where.get((text, value)):
            item += f" ({md_escape(where[(text, value)])})"
        items.append(item)
    if len(seen) > _MAX_PER_CELL:
        items.append(f"(+{len(seen) - _MAX_PER_CELL} more)")
    return "<br>".join(items)


def _path_cell(s: SourceInfo) -> str:
    """The path of a source, with the format and encoding it was read in when not plain UTF-8."""
    cell = md_escape(s.path) if s.path else "—"
    notes = [n for n in (s.format, s.encoding and s.encoding.upper(), "empty" if s.empty else None) if n]
    return cell + (f" ({md_escape(', '.join(notes))})" if notes else "")


def _head(sources: Sequence[SourceInfo], counts: dict[str, int], n: int, errors: Sequence[FileError]) -> list[str]:
    out = ["# factcheck report", ""]
    out.append(f"{n} finding{'s' if n != 1 else ''} across {len(sources)} "
               f"source{'s' if len(sources) != 1 else ''}: "
               + ", ".join(f"**{counts[v]} {v}**" if v == "conflict" and counts[v] else f"{counts[v]} {v}"
                           for v in VERDICTS) + ".")
    out += ["", "| Verdict | Findings |", "|---|---:|"]
    out += [f"| {_MARK[v]} {v} | {counts[v]} |" for v in VERDICTS]
    out += ["", "## Sources", "", "| Source | Language | Published | Path |", "|---|---|---|---|"]
    for s in sources:
        out.append(f"| {md_escape(s.id)} | {md_escape(s.lang)} | "
                   f"{s.published.isoformat() if s.published else '—'} | {_path_cell(s)} |")
    if errors:
        out += ["", "## Files not read", ""]
        out += [f"- {md_escape(e.path)}: {md_escape(e.message)}" for e in errors]
    out += ["", "## Findings", ""]
    if not n:
        out.append("No findings.")
    return out


def _table_head(ids: list[str], segmented: bool) -> list[str]:
    head = ["#", "Verdict", "Kind"] + (["Segment"] if segmented else []) + [md_escape(i) for i in ids] + ["Message"]
    return ["| " + " | ".join(head) + " |", "|" + "|".join("---:" if h == "#" else "---" for h in head) + "|"]


def _row(i: int, f: Finding, ids: list[str], segmented: bool) -> str:
    by = dict(claims_by_source(f, ids))
    cells = [str(i), f"{_MARK.get(f.verdict, '')} {md_escape(f.verdict)}", md_escape(f.kind)]
    if segmented:
        cells.append(md_escape(f.segment) if f.segment is not None else "")
    for sid in ids:
        cells.append(_cell(by[sid]) if sid in by else ("—" if sid in f.sources_missing else ""))
    cells.append(md_escape(f.message))
    return "| " + " | ".join(cells) + " |"


def render_markdown(report: Report) -> str:
    ids = source_ids(report)
    out = _head(report.sources, report.summary, len(report.findings), report.errors)
    if not report.findings:
        return "\n".join(out) + "\n"
    segmented = any(f.segment is not None for f in report.findings)
    out += _table_head(ids, segmented)
    out += [_row(i, f, ids, segmented) for i, f in enumerate(report.findings, 1)]
    return "\n".join(out) + "\n"


def markdown_parts(sources: Sequence[SourceInfo], ids: list[str], counts: dict[str, int], n: int,
                   segmented: bool, findings: Iterable[Finding]) -> Iterator[str]:
    """The text of :func:`render_markdown` in pieces, for a report whose ``n`` findings come one
    by one (``ids``: every source id, as :func:`source_ids` lists them; ``segmented``: whether
    any finding has a segment): the head, then a row per finding."""
    head = _head(sources, counts, n, ())
    if not n:
        yield "\n".join(head) + "\n"
        return
    yield "\n".join(head + _table_head(ids, segmented)) + "\n"
    for i, f in enumerate(findings, 1):
        yield _row(i, f, ids, segmented) + "\n"
