"""SARIF 2.1.0: one run of the tool ``factcheck``, a rule per (verdict, kind), a result per
conflict, missing or uncertain finding, located in the source files by line and column."""

from __future__ import annotations

import hashlib
import json
import urllib.parse
from types import MappingProxyType
from typing import Any

from factcheck.render._common import SourceTexts, clean, format_value, line_col, line_starts, source_ids
from factcheck.report import Finding, Report, SourceClaim

__all__ = ["render_sarif", "sarif_log", "SARIF_SCHEMA"]

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL: MappingProxyType[str, str] = MappingProxyType({"conflict": "error", "missing": "warning", "uncertain": "note"})
_VERB: MappingProxyType[str, str] = MappingProxyType({
    "conflict": "The sources state different {kind} values",
    "missing": "A {kind} stated in some sources is missing from others",
    "uncertain": "A {kind} cannot be compared with certainty across the sources",
})


def _uri(path: str) -> str:
    p = path.replace("\\", "/")
    if len(p) > 1 and p[1] == ":" and p[0].isalpha():  # C:/dir/file
        return "file:///" + urllib.parse.quote(p, safe="/:")
    if p.startswith("/"):
        return "file://" + urllib.parse.quote(p, safe="/")
    return urllib.parse.quote(p, safe="/")


def _rule_id(verdict: str, kind: str) -> str:
    return f"{verdict}/{kind}"


def _rules(findings: list[Finding]) -> list[dict[str, Any]]:
    pairs = sorted({(f.verdict, f.kind) for f in findings},
                   key=lambda p: (list(_LEVEL).index(p[0]), p[1]))
    rules = []
    for verdict, kind in pairs:
        name = "".join(w.capitalize() for w in kind.replace("-", "_").split("_")) + verdict.capitalize()
        text = _VERB[verdict].format(kind=kind) + "."
        rules.append({
            "id": _rule_id(verdict, kind),
            "name": name,
            "shortDescription": {"text": text},
            "fullDescription": {"text": text + " factcheck compares the facts (money, numbers, percentages, "
                                "quantities, dates and names) that several sources state."},
            "defaultConfiguration": {"level": _LEVEL[verdict]},
            "properties": {"verdict": verdict, "kind": kind},
        })
    return rules


def _region(sc: SourceClaim, text: str | None, starts_cache: dict[str, list[int]]) -> dict[str, Any] | None:
    """The region of a claim: from its place in the file when a reader mapped it (the claim's
    offsets count in the text read, not in the file), else from its offsets in the text."""
    c = sc.claim
    loc = sc.location
    if loc is not None:
        if loc.line is None:
            return None  # a paragraph, cell or page: said by a logical location
        return {"startLine": loc.line, "startColumn": loc.column or 1, "endLine": loc.end_line or loc.line,
                "endColumn": loc.end_column or loc.column or 1, "snippet": {"text": c.text}}
    region: dict[str, Any] = {}
    if text is not None and 0 <= c.start <= c.end <= len(text):
        starts = starts_cache.get(sc.source) or starts_cache.setdefault(sc.source, line_starts(text))
        sl, sc_ = line_col(starts, c.start)
        last = max(c.start, c.end - 1)
        el, ec = line_col(starts, last)
        region.update({"startLine": sl, "startColumn": sc_, "endLine": el,
                       "endColumn": ec + (1 if c.end > c.start else 0)})
    region.update({"charOffset": c.start, "charLength": max(0, c.end - c.start),
                   "snippet": {"text": c.text}})
    return region


def _fingerprint(f: Finding) -> str:
    h = hashlib.sha256()
    parts = [f.verdict, f.kind, f.segment or ""]
    parts += sorted(f"{sc.source}\x1f{sc.claim.text}\x1f{format_value(sc.claim)}" for sc in f.claims)
    h.update("\x1e".join(parts).encode("utf-8"))
    return h.hexdigest()[:32]


def sarif_log(report: Report, texts: SourceTexts, *, version: str = "") -> dict[str, Any]:
    """The SARIF log as a dict (see :func:`render_sarif`)."""
    ids = source_ids(report)
    paths: dict[str, str] = {}
    for sid in ids:
        paths[sid] = sid
    for sid, p in texts.paths.items():
        paths[sid] = p
    for s in report.sources:
        if s.path:
            paths[s.id] = s.path
    artifact_index = {sid: i for i, sid in enumerate(ids)}
    artifacts = []
    for sid in ids:
        art: dict[str, Any] = {"location": {"uri": _uri(paths[sid])}, "roles": ["analysisTarget"]}
        info = next((s for s in report.sources if s.id == sid), None)
        if info is not None and info.lang and info.lang != "auto":
            art["properties"] = {"source": sid, "lang": info.lang}
        else:
            art["properties"] = {"source": sid}
        artifacts.append(art)

    reported = [f for f in report.findings if f.verdict in _LEVEL]
    rules = _rules(reported)
    rule_index = {r["id"]: i for i, r in enumerate(rules)}
    starts_cache: dict[str, list[int]] = {}
    results = []
    for f in reported:
        def location(sc: SourceClaim, f: Finding = f) -> dict[str, Any]:
            phys: dict[str, Any] = {"artifactLocation": {"uri": _uri(paths.get(sc.source, sc.source)),
                                                         "index": artifact_index[sc.source]}}
            if f.segment is None:
                region = _region(sc, texts.text_of(f, sc), starts_cache)
                if region is not None:
                    phys["region"] = region
            # a segment's claim offsets count in the segment, not in the file: no region then;
            # the segment id is the logical location
            shown, value = clean(sc.claim.text), clean(format_value(sc.claim))
            text = f"{clean(sc.source)}: “{shown}”" + (f" = {value}" if value != shown else "")
            where = sc.location.describe() if sc.location is not None else ""
            if where:
                text += f" ({where})"
            loc: dict[str, Any] = {"physicalLocation": phys, "message": {"text": text}}
            if f.segment is not None:
                loc["logicalLocations"] = [{"name": f.segment, "fullyQualifiedName": f.segment,
                                            "kind": "resource"}]
            elif sc.location is not None and sc.location.line is None and where:
                loc["logicalLocations"] = [{"name": where, "kind": "element"}]
            return loc

        ordered = sorted(f.claims, key=lambda sc: ids.index(sc.source))
        rid = _rule_id(f.verdict, f.kind)
        result: dict[str, Any] = {
            "ruleId": rid,
            "ruleIndex": rule_index[rid],
            "level": _LEVEL[f.verdict],
            "message": {"text": f.message or f"{f.verdict} ({f.kind})"},
            "partialFingerprints": {"factcheckFinding/v1": _fingerprint(f)},
            "properties": {"verdict": f.verdict, "kind": f.kind},
        }
        if ordered:
            result["locations"] = [location(ordered[0])]
            related = []
            for n, sc in enumerate(ordered[1:], 1):
                loc = location(sc)
                loc["id"] = n
                related.append(loc)
            if related:
                result["relatedLocations"] = related
        if f.reason:
            result["properties"]["reason"] = f.reason
        if f.segment is not None:
            result["properties"]["segment"] = f.segment
        if f.sources_missing:
            result["properties"]["missingIn"] = list(f.sources_missing)
        results.append(result)

    driver: dict[str, Any] = {"name": "factcheck", "rules": rules}
    if version:
        driver["version"] = version
        driver["semanticVersion"] = version
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
            "properties": {"summary": report.summary},
        }],
    }


def render_sarif(report: Report, texts: SourceTexts) -> str:
    """SARIF 2.1.0 JSON. Regions (line, column, character offset and length) are computed from
    the claim offsets in the source texts passed as ``sources``; without a source's text only
    the character offset and length are given. Columns count Unicode code points."""
    from factcheck._version import __version__

    return json.dumps(sarif_log(report, texts, version=__version__), ensure_ascii=False, indent=2) + "\n"
