"""What every renderer shares: the texts of the sources, line/column arithmetic, value display
and the escaping of control characters. Pure functions; nothing is kept between calls."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from factcheck.claims import Claim
from factcheck.errors import InputError
from factcheck.report import VERDICTS, Finding, Report, Source, SourceClaim
from factcheck.values import group_digits

__all__ = [
    "SEVERITY",
    "SourceTexts",
    "claims_by_source",
    "clean",
    "format_value",
    "group_number",
    "line_col",
    "line_starts",
    "source_ids",
    "source_texts",
    "verdict_order",
    "worst",
]

#: the order in which verdicts are worse: a span in several findings shows the worst one
SEVERITY: MappingProxyType[str, int] = MappingProxyType({"match": 0, "uncertain": 1, "missing": 2, "conflict": 3})

# C0 and C1 controls (but tab and newline), DEL, the Unicode line and paragraph separators, and
# the bidi overrides that can disguise text
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")


def clean(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with control characters shown as ``\\xNN``/``\\uNNNN`` escapes, so a source can
    never send a terminal escape sequence or an invalid XML character through a report.
    Newlines and tabs become spaces unless ``keep_newlines``."""

    def esc(m: re.Match[str]) -> str:
        o = ord(m.group())
        return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"

    out = _CONTROL.sub(esc, text)
    if not keep_newlines:
        out = out.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return out


def worst(verdicts: Iterable[str]) -> str:
    return max(verdicts, key=lambda v: SEVERITY.get(v, 0), default="match")


@dataclass(frozen=True)
class SourceTexts:
    """The texts a report's offsets point into: by source id, and by (segment, source id) for
    reports on aligned segments. ``order`` lists the source ids as the caller gave them."""

    texts: Mapping[str, str] = field(default_factory=dict)
    paths: Mapping[str, str] = field(default_factory=dict)
    segments: tuple[tuple[str, Mapping[str, str]], ...] = ()
    order: tuple[str, ...] = ()
    by_segment: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def text_of(self, finding: Finding, sc: SourceClaim) -> str | None:
        if finding.segment is not None and self.segments:
            return self.by_segment.get(finding.segment, {}).get(sc.source)
        return self.texts.get(sc.source)


def source_texts(sources: Any) -> SourceTexts:
    """Read the ``sources`` argument of :func:`factcheck.render.render`: Source objects, a
    mapping of source id to text, or the ``(segment id, [Source, ...])`` pairs that
    :func:`factcheck.aligned.read_segments` returns."""
    if not sources:
        return SourceTexts()
    if isinstance(sources, Mapping):
        given = {str(k): _as_text(v) for k, v in sources.items()}
        return SourceTexts(texts=given, order=tuple(given))
    texts: dict[str, str] = {}
    paths: dict[str, str] = {}
    segments: list[tuple[str, dict[str, str]]] = []
    order: list[str] = []
    for item in sources:
        if isinstance(item, Source):
            texts[item.id] = item.text
            if item.path:
                paths[item.id] = item.path
            if item.id not in order:
                order.append(item.id)
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            seg: dict[str, str] = {}
            for s in item[1]:
                if not isinstance(s, Source):
                    raise InputError(f"segment {item[0]!r}: expected Source objects, not {type(s).__name__}",
                                     reason="bad-sources")
                seg[s.id] = s.text
                if s.path:
                    paths.setdefault(s.id, s.path)
                if s.id not in order:
                    order.append(s.id)
            segments.append((item[0], seg))
        else:
            raise InputError("sources must be Source objects, a mapping of id to text, or (segment, [Source]) "
                             f"pairs, not {type(item).__name__}", reason="bad-sources")
    by_segment: dict[str, Mapping[str, str]] = {}
    for seg_id, seg in segments:
        by_segment.setdefault(seg_id, seg)
    return SourceTexts(texts=texts, paths=paths, segments=tuple(segments), order=tuple(order),
                       by_segment=by_segment)


def _as_text(v: Any) -> str:
    if isinstance(v, Source):
        return v.text
    if isinstance(v, str):
        return v
    raise InputError(f"source texts must be str, not {type(v).__name__}", reason="bad-sources")


def source_ids(report: Report) -> list[str]:
    """Every source id the report speaks of, in the report's order, then any others met."""
    ids = [s.id for s in report.sources]
    for f in report.findings:
        for sc in f.claims:
            if sc.source not in ids:
                ids.append(sc.source)
        for m in f.sources_missing:
            if m not in ids:
                ids.append(m)
    return ids


def claims_by_source(finding: Finding, ids: list[str]) -> list[tuple[str, list[SourceClaim]]]:
    """The finding's claims grouped by source, in the order of ``ids``."""
    groups: dict[str, list[SourceClaim]] = {}
    for sc in finding.claims:
        groups.setdefault(sc.source, []).append(sc)
    return [(sid, groups[sid]) for sid in ids if sid in groups]


def line_starts(text: str) -> list[int]:
    """Offsets at which lines begin; a line ends at CR LF, LF or CR (as SARIF counts them)."""
    starts = [0]
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                i += 1
            starts.append(i + 1)
        elif ch == "\n":
            starts.append(i + 1)
        i += 1
    return starts


def line_col(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset``."""
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def group_number(s: str) -> str:
    """``"23500000.5"`` -> ``"23,500,000.5"``; anything that is not a plain decimal is kept."""
    m = re.fullmatch(r"(-?)(\d+)(\.\d+)?", s)
    if not m:
        return s
    sign, whole, frac = m.group(1), m.group(2), m.group(3) or ""
    return f"{sign}{group_digits(whole.lstrip('0') or '0')}{frac}"


def _bounded(d: Mapping[str, Any], main: str) -> str:
    low, high = d.get("low"), d.get("high")
    if low is not None and high is not None and low != high:
        shown = f"{group_number(str(low))}–{group_number(str(high))}"
    elif low is not None and high is None:
        shown = f"≥{group_number(str(low))}"
    elif high is not None and low is None:
        shown = f"≤{group_number(str(high))}"
    else:
        shown = group_number(str(d.get(main, "")))
    return ("≈" if d.get("approx") else "") + shown


_MONTH_GRAIN = frozenset({"month", "quarter", "half", "year"})


def _date(d: Mapping[str, Any]) -> str:
    start, end = d.get("start"), d.get("end")
    if start:
        shown = start if start == end or not end else f"{start} – {end}"
    else:
        parts = []
        y, m, day = d.get("year"), d.get("month"), d.get("day")
        if y or m or day:
            ymd = [str(y) if y else "????"]
            if m or day:
                ymd.append(f"{m:02d}" if isinstance(m, int) else "??")
            if day:
                ymd.append(f"{day:02d}" if isinstance(day, int) else "??")
            parts.append("-".join(ymd))
        if d.get("weekday"):
            parts.append(str(d["weekday"]).capitalize())
        rel = d.get("relative")
        if isinstance(rel, Mapping):
            off = rel.get("offset", 0)
            unit = rel.get("unit", "")
            named = {0: "this", -1: "last", 1: "next"}
            parts.append(f"{named[off]} {unit}" if off in named else f"{unit} {off:+d}" if isinstance(off, int)
                         else unit)
        shown = " ".join(parts) or f"a {d.get('grain', 'date')}"
    return ("≈" if d.get("approx") else "") + shown


def format_value(claim: Claim) -> str:
    """The normalised value of a claim, short and readable: ``23,500,000 USD``, ``18%``,
    ``12,000 square meter``, ``2024-03-14``, ``Park Seo-yoon``."""
    try:
        d = claim.value.to_dict()
    except Exception:  # a value type we do not know: its text will do
        return claim.text
    kind = claim.kind
    if kind == "money":
        return f"{_bounded(d, 'amount')} {d.get('currency') or '(currency?)'}"
    if kind == "number":
        return _bounded(d, "value")
    if kind == "percent":
        return _bounded(d, "value") + ("%p" if d.get("unit") == "percentage_point" else "%")
    if kind == "quantity":
        return f"{_bounded(d, 'value')} {str(d.get('unit', '')).replace('_', ' ')}".strip()
    if kind == "date":
        return _date(d)
    if "name" in d:
        full = d.get("full_name")
        return f"{d['name']} ({full})" if full and full != d["name"] else str(d["name"])
    if kind == "file":
        return str(d.get("text", claim.text))
    return claim.text


def verdict_order(v: str) -> int:
    return VERDICTS.index(v) if v in VERDICTS else len(VERDICTS)
