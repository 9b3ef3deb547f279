"""One self-contained HTML page: the sources side by side with their claims highlighted by
verdict, each highlight linked to its finding and back, and the table of findings.

No external URL: the CSS and the script are inline, and a Content-Security-Policy allows only
those two (by hash), so even a page built from a hostile source cannot load or run anything
else. All source text is escaped.
"""

from __future__ import annotations

import base64
import hashlib
import html
from types import MappingProxyType

from factcheck.render._common import SEVERITY, SourceTexts, claims_by_source, clean, format_value, source_ids
from factcheck.report import VERDICTS, Finding, Report, SourceClaim, SourceInfo

__all__ = ["render_html"]

_CSS = """
:root{--match:#d5f0d5;--match-b:#2e7d32;--conflict:#fbd5d5;--conflict-b:#c62828;
--missing:#ffedc2;--missing-b:#b7791f;--uncertain:#e6e6e6;--uncertain-b:#6b6b6b;
--fg:#1d1d1f;--muted:#5f6368;--line:#d9dce1;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);
font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans KR","Noto Sans CJK KR","Source Han Sans KR",
"Apple SD Gothic Neo","Malgun Gothic","Nanum Gothic",sans-serif}
header{background:#fff;border-bottom:1px solid var(--line);padding:14px 24px;position:sticky;top:0;z-index:2}
h1{font-size:20px;margin:0 0 6px}
h2{font-size:16px;margin:0}
.bar{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.pill{display:inline-flex;align-items:center;gap:6px;border:1px solid var(--line);border-radius:999px;
padding:2px 10px 2px 6px;background:#fff;font-size:13px;cursor:pointer;user-select:none}
.pill input{margin:0}
.pill b{font-variant-numeric:tabular-nums}
.dot{width:10px;height:10px;border-radius:50%;display:inline-block}
.dot.v-match{background:var(--match-b)}.dot.v-conflict{background:var(--conflict-b)}
.dot.v-missing{background:var(--missing-b)}.dot.v-uncertain{background:var(--uncertain-b)}
.note{color:var(--muted);font-size:13px;margin-left:auto}
main{padding:18px 24px 40px}
.sources{display:grid;grid-template-columns:repeat(var(--cols,2),minmax(0,1fr));gap:16px;margin-bottom:24px}
.cols-1{--cols:1}.cols-2{--cols:2}.cols-3{--cols:3}
.source{background:#fff;border:1px solid var(--line);border-radius:8px;overflow:hidden;min-width:0}
.source>h2{padding:8px 14px;border-bottom:1px solid var(--line);background:#fafbfc}
.source>h2 .meta{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.meta{color:var(--muted);font-weight:400;font-size:12px;overflow-wrap:anywhere}
.text{padding:12px 14px;white-space:pre-wrap;overflow-wrap:anywhere;max-height:62vh;overflow:auto}
a.claim{color:inherit;text-decoration:none;border-radius:3px;padding:0 1px;border-bottom:2px solid transparent}
a.claim.v-match{background:var(--match);border-color:var(--match-b)}
a.claim.v-conflict{background:var(--conflict);border-color:var(--conflict-b)}
a.claim.v-missing{background:var(--missing);border-color:var(--missing-b)}
a.claim.v-uncertain{background:var(--uncertain);border-color:var(--uncertain-b)}
a.claim:hover,a.claim.hot,a.claim:target{outline:2px solid #1a73e8;outline-offset:1px}
.hide-match a.claim.v-match,.hide-uncertain a.claim.v-uncertain,.hide-missing a.claim.v-missing,
.hide-conflict a.claim.v-conflict{background:transparent;border-color:transparent}
.hide-match tr.v-match,.hide-uncertain tr.v-uncertain,.hide-missing tr.v-missing,
.hide-conflict tr.v-conflict{display:none}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line);border-radius:8px}
th,td{border-bottom:1px solid var(--line);padding:6px 10px;text-align:left;vertical-align:top;font-size:14px}
th{background:#fafbfc;font-weight:600;position:sticky;top:0}
td.num{text-align:right;color:var(--muted);font-variant-numeric:tabular-nums;width:1%}
td.num a{color:inherit}
tr.hot td,tr:target td{background:#eef4ff}
.verdict{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;
border-left:4px solid}
.verdict.v-match{background:var(--match);border-color:var(--match-b)}
.verdict.v-conflict{background:var(--conflict);border-color:var(--conflict-b)}
.verdict.v-missing{background:var(--missing);border-color:var(--missing-b)}
.verdict.v-uncertain{background:var(--uncertain);border-color:var(--uncertain-b)}
td.claims a{color:#1a4fa0}
.val{color:var(--muted);font-size:12px}
.absent{color:var(--muted)}
.seg td.text{max-height:none;padding:6px 10px}
.seg td.id{font-family:ui-monospace,monospace;font-size:12px;color:var(--muted);width:1%;white-space:nowrap}
section{margin-bottom:24px}
section>h2{margin:0 0 10px}
footer{color:var(--muted);font-size:12px;padding:0 24px 24px}
.scroll{overflow-x:auto}
td:last-child{min-width:16em}
@media (max-width:900px){.sources{--cols:1}.text{max-height:none}main,header{padding-left:12px;padding-right:12px}}
"""

_JS = """
(function(){
var d=document;
function mark(ids,on){ids.forEach(function(i){var r=d.getElementById('f'+i);if(r)r.classList.toggle('hot',on);
d.querySelectorAll('a.claim[data-f~="'+i+'"]').forEach(function(e){e.classList.toggle('hot',on);});});}
d.querySelectorAll('[data-f]').forEach(function(e){var ids=e.getAttribute('data-f').split(' ');
e.addEventListener('mouseenter',function(){mark(ids,true);});
e.addEventListener('mouseleave',function(){mark(ids,false);});});
d.querySelectorAll('input[data-verdict]').forEach(function(cb){cb.addEventListener('change',function(){
d.body.classList.toggle('hide-'+cb.getAttribute('data-verdict'),!cb.checked);});});
})();
"""


def _csp_hash(s: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"


def _e(text: object) -> str:
    return html.escape(clean(str(text), keep_newlines=True), quote=True)


class _Spans:
    """The highlighted spans of the page: one per (place, start, end), whatever the number of
    findings its claim belongs to (the worst verdict colours it)."""

    def __init__(self) -> None:
        self.by_place: dict[str, dict[tuple[int, int], list[int]]] = {}

    def add(self, place: str, start: int, end: int, finding: int) -> None:
        self.by_place.setdefault(place, {}).setdefault((start, end), []).append(finding)

    @staticmethod
    def anchor(place: str, start: int, end: int) -> str:
        return f"{place}-{start}-{end}"


def _highlight(text: str, place: str, spans: dict[tuple[int, int], list[int]],
               findings: tuple[Finding, ...], shown: set[str]) -> str:
    out = []
    pos = 0
    for (start, end), fs in sorted(spans.items()):
        if start < pos or end > len(text) or start >= end:
            continue  # overlapping or out of range: listed in the table, not highlighted
        verdict = max((findings[i].verdict for i in fs), key=lambda v: SEVERITY.get(v, 0))
        fs_sorted = sorted(set(fs))
        title = "; ".join(f"#{i + 1} {findings[i].verdict} · {findings[i].kind}: {findings[i].message}"
                          for i in fs_sorted)
        anchor = _Spans.anchor(place, start, end)
        shown.add(anchor)
        out.append(_e(text[pos:start]))
        out.append(f'<a class="claim v-{_e(verdict)}" id="{anchor}" href="#f{fs_sorted[0] + 1}" '
                   f'data-f="{" ".join(str(i + 1) for i in fs_sorted)}" title="{_e(title)}">'
                   f"{_e(text[start:end])}</a>")
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def _info_line(info: SourceInfo | None, path: str | None) -> str:
    bits = []
    p = (info.path if info is not None and info.path else None) or path
    if p:
        bits.append(p)
    if info is not None:
        if info.format:
            bits.append(info.format)
        if info.encoding:
            bits.append(info.encoding.upper())
        if info.lang and info.lang != "auto":
            bits.append(info.lang)
        if info.published:
            bits.append(f"published {info.published.isoformat()}"
                        + _FROM.get(info.published_from or "", ""))
        if info.empty:
            bits.append("empty")
    return " · ".join(bits)


#: how the page says where a publication date came from
_FROM = MappingProxyType({"header": " (from the text)", "front-matter": " (front matter)",
                          "html-meta": " (page metadata)", "html-time": " (page metadata)",
                          "document-properties": " (document properties)"})


def _lang_attr(info: SourceInfo | None) -> str:
    """The ``lang`` attribute of a source's text, so the browser picks a font for its script."""
    if info is None or not info.lang or "+" in info.lang or info.lang == "auto":
        return ""
    return f' lang="{_e(info.lang)}"'


def _claim_links(f: Finding, sid: str, claims: list[SourceClaim], place: str | None, shown: set[str]) -> str:
    """The claims of one source in a finding: one line per distinct (text, value), linked to
    its first highlight, with a count."""
    groups: dict[tuple[str, str], list[str | None]] = {}
    where: dict[tuple[str, str], str] = {}
    for sc in claims:
        c = sc.claim
        anchor = _Spans.anchor(place, c.start, c.end) if place else None
        groups.setdefault((c.text, format_value(c)), []).append(anchor if anchor in shown else None)
        if sc.location is not None:
            where.setdefault((c.text, format_value(c)), sc.location.describe())
    items = []
    for (text, value), anchors in groups.items():
        label = f"“{_e(text)}”" if text else "present"
        first = next((a for a in anchors if a), None)
        if first:
            label = f'<a href="#{first}">{label}</a>'
        if text and clean(value) != clean(text):
            label += f' <span class="val">{_e(value)}</span>'
        if len(anchors) > 1:
            label += f' <span class="val">×{len(anchors)}</span>'
        if where.get((text, value)):
            label += f' <span class="val">{_e(where[(text, value)])}</span>'
        items.append(label)
    if not items and sid in f.sources_missing:
        return '<span class="absent">— missing</span>'
    return "<br>".join(items)


def render_html(report: Report, texts: SourceTexts, *, title: str = "factcheck report") -> str:
    ids = source_ids(report)
    sidx = {sid: i for i, sid in enumerate(ids)}
    infos = {s.id: s for s in report.sources}
    findings = report.findings
    segmented = bool(texts.segments)

    def place_of(f: Finding, source: str) -> str | None:
        if f.segment is not None:
            if not segmented or f.segment not in seg_index:
                return None
            return f"g{seg_index[f.segment]}-s{sidx[source]}"
        return f"s{sidx[source]}" if source in texts.texts else None

    seg_index = {seg_id: i for i, (seg_id, _) in enumerate(texts.segments)}
    spans = _Spans()
    for fi, f in enumerate(findings):
        for sc in f.claims:
            place = place_of(f, sc.source)
            if place is not None:
                spans.add(place, sc.claim.start, sc.claim.end, fi)

    shown: set[str] = set()
    body: list[str] = []
    counts = report.summary

    # --- the sources
    if segmented:
        seg_ids_with = {f.segment for f in findings if f.segment is not None}
        cols = [sid for sid in ids if any(sid in seg for _, seg in texts.segments)]
        seg_rows = []
        for gi, (seg_id, seg_texts) in enumerate(texts.segments):
            if seg_id not in seg_ids_with:
                continue
            seg_cells = [f'<td class="id">{_e(seg_id)}</td>']
            for sid in cols:
                place = f"g{gi}-s{sidx[sid]}"
                t = seg_texts.get(sid)
                seg_cells.append('<td class="text">' + (
                    _highlight(t, place, spans.by_place.get(place, {}), findings, shown) if t is not None
                    else '<span class="absent">—</span>') + "</td>")
            seg_rows.append(f'<tr id="g{gi}">' + "".join(seg_cells) + "</tr>")
        omitted = len(texts.segments) - len(seg_rows)
        seg_head = "".join(f"<th>{_e(sid)} <span class=\"meta\">"
                           f"{_e(_info_line(infos.get(sid), texts.paths.get(sid)))}</span></th>" for sid in cols)
        body.append('<section><h2>Segments</h2><p class="meta">'
                    f"{len(seg_rows)} segment{'s' if len(seg_rows) != 1 else ''} with claims"
                    + (f"; {omitted} without claims not shown" if omitted else "")
                    + "</p>"
                    f'<div class="scroll"><table class="seg"><thead><tr><th>Segment</th>{seg_head}</tr></thead>'
                    "<tbody>" + "".join(seg_rows) + "</tbody></table></div></section>")
    elif texts.texts:
        cols = [sid for sid in ids if sid in texts.texts] + [sid for sid in texts.order
                                                            if sid not in ids and sid in texts.texts]
        n = len(cols)
        grid = "cols-1" if n == 1 else "cols-2" if n in (2, 4) else "cols-3"
        arts = []
        for sid in cols:
            i = sidx.get(sid)
            place = f"s{i}" if i is not None else ""
            inner = _highlight(texts.texts[sid], place, spans.by_place.get(place, {}), findings, shown)
            meta = _info_line(infos.get(sid), texts.paths.get(sid))
            arts.append(f'<article class="source"><h2>{_e(sid)}<span class="meta" title="{_e(meta)}">'
                        f'{_e(meta) or "&nbsp;"}</span></h2>'
                        f'<div class="text"{_lang_attr(infos.get(sid))}>{inner}</div></article>')
        body.append(f'<section class="sources {grid}" aria-label="Sources">' + "".join(arts) + "</section>")

    if report.errors:
        body.append('<section><h2>Files not read</h2><ul>' + "".join(
            f"<li>{_e(e.path)}: {_e(e.message)}</li>" for e in report.errors) + "</ul></section>")

    # --- the findings
    per_source_cols = len(ids) <= 4
    head = ['<th>#</th>', "<th>Verdict</th>", "<th>Kind</th>"]
    if any(f.segment is not None for f in findings):
        head.append("<th>Segment</th>")
    head += [f"<th>{_e(sid)}</th>" for sid in ids] if per_source_cols else ["<th>Claims</th>"]
    head.append("<th>Message</th>")
    has_seg_col = any(f.segment is not None for f in findings)
    rows = []
    for fi, f in enumerate(findings):
        n = fi + 1
        by = dict(claims_by_source(f, ids))
        links = {sid: _claim_links(f, sid, by.get(sid, []), place_of(f, sid), shown) for sid in ids}

        cells = [f'<td class="num"><a href="#f{n}">{n}</a></td>',
                 f'<td><span class="verdict v-{_e(f.verdict)}">{_e(f.verdict)}</span></td>',
                 f"<td>{_e(f.kind)}</td>"]
        if has_seg_col:
            segment = f.segment
            if segment is not None and segment in seg_index:
                cells.append(f'<td><a href="#g{seg_index[segment]}">{_e(segment)}</a></td>')
            else:
                cells.append(f"<td>{_e(segment) if segment is not None else ''}</td>")
        if per_source_cols:
            cells += [f'<td class="claims">{links[sid]}</td>' for sid in ids]
        else:
            parts = [f"{_e(sid)}: {links[sid]}" for sid in ids if sid in by or sid in f.sources_missing]
            cells.append('<td class="claims">' + "<br>".join(parts) + "</td>")
        cells.append(f"<td>{_e(f.message)}</td>")
        rows.append(f'<tr id="f{n}" class="v-{_e(f.verdict)}" data-f="{n}">' + "".join(cells) + "</tr>")
    body.append('<section><h2>Findings</h2>'
                + ('<div class="scroll"><table><thead><tr>' + "".join(head) + "</tr></thead><tbody>"
                   + "".join(rows) + "</tbody></table></div>" if rows else "<p>No findings.</p>")
                + "</section>")

    # --- the page
    pills = "".join(
        f'<label class="pill"><input type="checkbox" checked data-verdict="{v}">'
        f'<span class="dot v-{v}"></span>{v} <b>{counts[v]}</b></label>' for v in VERDICTS)
    names = ", ".join(ids)
    note = (f"{len(findings)} finding{'s' if len(findings) != 1 else ''} across "
            f"{len(ids)} source{'s' if len(ids) != 1 else ''}" + (f" ({names})" if names else ""))
    if not texts.texts and not texts.segments:
        note += " · source texts not given: no side-by-side view"
    csp = (f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_JS)}; base-uri 'none'; "
           "form-action 'none'")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>\n"
        f'<body><header><h1>{_e(title)}</h1><div class="bar">{pills}<span class="note">{_e(note)}</span></div>'
        "</header>\n<main>\n" + "\n".join(body) + "\n</main>\n"
        "<footer>Green: the sources agree · red: they disagree · amber: missing from a source · "
        "grey: cannot be decided. Hover or click a highlight to see its finding.</footer>\n"
        f"<script>{_JS}</script></body></html>\n"
    )
