"""SARIF 2.1.0: one run of the tool ``factcheck``, a rule per (verdict, kind), a result per
conflict, missing or uncertain finding, located in the source files by line and column."""

from __future__ import annotations

import hashlib
import json
import urllib.parse
from collections.abc import Iterable, Iterator, Sequence
from types import MappingProxyType
from typing import Any

from factcheck.render._common import SourceTexts, clean, format_value, line_col, line_starts, source_ids
from factcheck.report import Finding, Report, SourceClaim, SourceInfo

__all__ = ["render_sarif", "sarif_log", "SARIF_SCHEMA", "sarif_parts"]

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


def _rules(seen: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    pairs = sorted(set(seen), key=lambda p: (list(_LEVEL).index(p[0]), p[1]))
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


def reported(f: Finding) -> bool:
    """Whether SARIF lists the finding (matches are not results)."""
    return f.verdict in _LEVEL


class _Results:
    """What a SARIF result needs besides its finding: the paths, the artifact and rule indexes."""

    def __init__(self, sources: Sequence[SourceInfo], ids: list[str], texts: SourceTexts,
                 pairs: Iterable[tuple[str, str]]) -> None:
        paths: dict[str, str] = {}
        for sid in ids:
            paths[sid] = sid
        for sid, p in texts.paths.items():
            paths[sid] = p
        for s in sources:
            if s.path:
                paths[s.id] = s.path
        self.ids, self.paths, self.texts = ids, paths, texts
        self.artifact_index = {sid: i for i, sid in enumerate(ids)}
        self.artifacts = []
        for sid in ids:
            art: dict[str, Any] = {"location": {"uri": _uri(paths[sid])}, "roles": ["analysisTarget"]}
            info = next((s for s in sources if s.id == sid), None)
            if info is not None and info.lang and info.lang != "auto":
                art["properties"] = {"source": sid, "lang": info.lang}
            else:
                art["properties"] = {"source": sid}
            self.artifacts.append(art)
        self.rules = _rules(pairs)
        self.rule_index = {r["id"]: i for i, r in enumerate(self.rules)}
        self.starts_cache: dict[str, list[int]] = {}

    def location(self, f: Finding, sc: SourceClaim) -> dict[str, Any]:
        phys: dict[str, Any] = {"artifactLocation": {"uri": _uri(self.paths.get(sc.source, sc.source)),
                                                     "index": self.artifact_index[sc.source]}}
        if f.segment is None:
            region = _region(sc, self.texts.text_of(f, sc), self.starts_cache)
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

    def result(self, f: Finding) -> dict[str, Any]:
        ordered = sorted(f.claims, key=lambda sc: self.ids.index(sc.source))
        rid = _rule_id(f.verdict, f.kind)
        result: dict[str, Any] = {
            "ruleId": rid,
            "ruleIndex": self.rule_index[rid],
            "level": _LEVEL[f.verdict],
            "message": {"text": f.message or f"{f.verdict} ({f.kind})"},
            "partialFingerprints": {"factcheckFinding/v1": _fingerprint(f)},
            "properties": {"verdict": f.verdict, "kind": f.kind},
        }
        if ordered:
            result["locations"] = [self.location(f, ordered[0])]
            related = []
            for n, sc in enumerate(ordered[1:], 1):
                loc = self.location(f, sc)
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
        return result

    def log(self, results: list[Any], summary: dict[str, int], version: str) -> dict[str, Any]:
        driver: dict[str, Any] = {"name": "factcheck", "rules": self.rules}
        if version:
            driver["version"] = version
            driver["semanticVersion"] = version
        return {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "artifacts": self.artifacts,
                "results": results,
                "properties": {"summary": summary},
            }],
        }


def sarif_log(report: Report, texts: SourceTexts, *, version: str = "") -> dict[str, Any]:
    """The SARIF log as a dict (see :func:`render_sarif`)."""
    listed = [f for f in report.findings if reported(f)]
    parts = _Results(report.sources, source_ids(report), texts, ((f.verdict, f.kind) for f in listed))
    return parts.log([parts.result(f) for f in listed], report.summary, version)


_MARK = "\x00factcheck-results\x00"


def sarif_parts(sources: Sequence[SourceInfo], ids: list[str], pairs: Iterable[tuple[str, str]],
                summary: dict[str, int], findings: Iterable[Finding], *, version: str) -> Iterator[str]:
    """The text of :func:`render_sarif` in pieces, for a report whose findings come one by one
    (``findings``: the reported ones, in report order; ``pairs``: their (verdict, kind) pairs;
    ``ids``: every source id, as :func:`source_ids` lists them): the head, each result, the end.
    Offsets of segment findings are never regions, so no source text is needed."""
    parts = _Results(sources, ids, SourceTexts(), pairs)
    whole = json.dumps(parts.log([_MARK], summary, version), ensure_ascii=False, indent=2) + "\n"
    shown = json.dumps(_MARK, ensure_ascii=False)
    head, _, tail = whole.partition("        " + shown)
    first = True
    for f in findings:
        text = json.dumps(parts.result(f), ensure_ascii=False, indent=2)
        yield (head if first else ",\n") + "\n".join("        " + line for line in text.splitlines())
        first = False
    if first:  # no result: the empty list as json.dumps writes it
        yield json.dumps(parts.log([], summary, version), ensure_ascii=False, indent=2) + "\n"
    else:
        yield tail


def render_sarif(report: Report, texts: SourceTexts) -> str:
    """SARIF 2.1.0 JSON. Regions (line, column, character offset and length) are computed from
    the claim offsets in the source texts passed as ``sources``; without a source's text only
    the character offset and length are given. Columns count Unicode code points."""
    from factcheck._version import __version__

    return json.dumps(sarif_log(report, texts, version=__version__), ensure_ascii=False, indent=2) + "\n"
