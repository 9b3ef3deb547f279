"""Issue 18, streamed outputs: the JSON Lines report (every input, streamed for aligned files)
and the Markdown, SARIF and JUnit reports of aligned files written from a spool of findings,
byte for byte what ``render`` writes of the whole report."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from aligned_files import run_check, write_aligned

from factcheck import check, check_segments
from factcheck.io.aligned import read_segments
from factcheck.render import FORMATS, STREAM_FORMATS, StreamedReport, render
from factcheck.report import Report, Source, SourceInfo


def _write(path: Path, n: int) -> Path:
    """N segments: a number in one in 5 (one in 4 of those a conflict), a percentage only in
    the Korean side in one in 11 (missing), a bell and a tag in the text of one in 13."""
    def pair(i: int) -> tuple[str, str]:
        if i % 5 == 0:
            return f"직원은 {100 + i}명이다.", f"It has {100 + i + (i % 20 == 0)} employees."
        if i % 11 == 0:
            return f"매출은 {i % 90}% 늘었다.", "Sales rose."
        if i % 13 == 0:
            return f"<b>\x07 {i}개</b>", f"<b>\x07 {i} items</b> & more"
        return "가", "a"
    return write_aligned(path, n, pair)


@pytest.fixture(scope="module")
def aligned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("stream") / "memory.jsonl", 400)


_run = run_check


def test_jsonl_is_a_format_of_render_and_of_the_stream() -> None:
    assert "jsonl" in FORMATS and "jsonl" in STREAM_FORMATS
    assert {"markdown", "sarif", "junit"} <= set(STREAM_FORMATS) and "html" not in STREAM_FORMATS


def test_streamed_sarif_junit_and_jsonl_are_byte_for_byte_the_rendered_report(
        aligned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    segments = read_segments(aligned)
    report = check_segments(segments)
    s = report.summary
    assert s["conflict"] >= 5 and s["missing"] >= 5 and s["match"] >= 50
    for fmt in ("jsonl", "markdown", "sarif", "junit"):
        expected = render(report, fmt, sources=segments)
        code, out, err = _run(capsys, str(aligned), "--format", fmt)
        assert (code, err) == (1, "") and out == expected, fmt
        code, out, _ = _run(capsys, str(aligned), "--format", fmt, "--jobs", "2", "--chunk-size", "23")
        assert code == 1 and out == expected, fmt


def test_streamed_reports_with_a_pivot_fail_on_and_a_baseline(aligned: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    segments = read_segments(aligned)
    report = check_segments(segments, pivot="en")
    base = tmp_path / "base.json"
    # the baseline holds the first half of the findings: those stay quiet, the others do not
    half = Report(report.sources, report.findings[: len(report.findings) // 2])
    base.write_text(render(half, "json"), encoding="utf-8")
    accepted = {json.dumps(f.to_dict(), sort_keys=True) for f in half.findings}
    quiet = replace(report, findings=tuple(
        replace(f, baseline=True) if json.dumps(f.to_dict(), sort_keys=True) in accepted else f
        for f in report.findings))
    assert any(f.baseline for f in quiet.findings) and not all(f.baseline for f in quiet.findings)
    for fmt in ("jsonl", "markdown", "sarif", "junit"):
        out_file = tmp_path / f"out.{fmt}"
        code, printed, err = _run(capsys, str(aligned), "--format", fmt, "--pivot", "en", "--baseline", str(base),
                                  "--fail-on", "conflict,missing", "--output", str(out_file))
        assert printed == "" and err == ""
        assert code == 1
        written = out_file.read_text(encoding="utf-8")
        assert written == render(quiet, fmt, sources=segments, fail_on=("conflict", "missing")), fmt
    assert '"baseline": true' in (tmp_path / "out.jsonl").read_text(encoding="utf-8")


def test_jsonl_lines_are_the_findings_then_the_summary(aligned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = check_segments(read_segments(aligned))
    code, out, _ = _run(capsys, str(aligned), "--format", "jsonl")
    lines = out.splitlines()
    assert code == 1 and len(lines) == len(report.findings) + 1
    want = report.to_dict()
    assert [json.loads(line) for line in lines[:-1]] == want["findings"]
    assert all(json.loads(line)["segment"].startswith("s") for line in lines[:-1])
    assert json.loads(lines[-1]) == {"sources": want["sources"], "summary": want["summary"]}


def test_jsonl_of_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text("매출은 120억원, 직원은 30명이다.", encoding="utf-8")
    en.write_text("Sales were 13 billion won; it has 30 employees.", encoding="utf-8")
    code, out, err = _run(capsys, str(ko), str(en), "--format", "jsonl", "--lang", "ko=ko", "--lang", "en=en")
    report = check([Source(ko.read_text(encoding="utf-8"), id="ko", lang="ko", path=str(ko)),
                    Source(en.read_text(encoding="utf-8"), id="en", lang="en", path=str(en))])
    assert (code, err) == (1, "")
    assert out == render(report, "jsonl")
    assert json.loads(out.splitlines()[-1])["summary"] == {"match": 1, "conflict": 1, "missing": 0, "uncertain": 0}


def test_a_run_that_fails_midway_writes_no_partial_report(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path / "bad.jsonl", 300)
    with bad.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    out_file = tmp_path / "report.sarif"
    for fmt in ("jsonl", "markdown", "sarif", "junit"):
        code, out, err = _run(capsys, str(bad), "--format", fmt)
        assert code == 2 and out == "", fmt
        assert err.startswith("factcheck: ") and "bad.jsonl" in err and "Traceback" not in err
        code, _, _ = _run(capsys, str(bad), "--format", fmt, "--output", str(out_file))
        assert code == 2 and not out_file.exists()


def test_streamed_sarif_and_junit_of_no_findings_and_of_empty_segments() -> None:
    sources = (SourceInfo("en", "en", None, path="m.po"), SourceInfo("ko", "ko", None, path="m.po"))
    for fmt in ("sarif", "junit", "jsonl", "markdown"):
        out = io.StringIO()
        writer = StreamedReport(fmt, out)
        writer.add((), sources)
        writer.add((), sources[:1])
        writer.close()
        assert out.getvalue() == render(Report(sources, ()), fmt), fmt


def test_stream_refuses_html() -> None:
    with pytest.raises(ValueError, match="cannot stream the 'html' format"):
        StreamedReport("html", io.StringIO())
