"""``factcheck check ALIGNED_FILE`` with ``--jobs``, ``--dask``, the progress bar and the
streamed text and JSON reports (issues 18 and 19)."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from aligned_files import run_check, write_aligned

from factcheck import WorkerError, check_segments
from factcheck.io.aligned import read_segments
from factcheck.progress import Progress
from factcheck.render import render


def _write(path: Path, n: int, every: int = 10) -> Path:
    """N segments: one in ``every`` with a number (one in 7 of those a conflict), one with a
    percentage, the others short sentences without a fact (the cheapest to check)."""
    def pair(i: int) -> tuple[str, str]:
        if i % every == 0:
            a = 100 + i
            return f"직원은 {a}명이다.", f"It has {a + (i % (7 * every) == 0)} employees."
        if i % every == every // 2:
            return f"매출은 {i % 90}% 늘었다.", f"Sales rose {i % 90}%."
        return "가", "a"
    return write_aligned(path, n, pair)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("aligned") / "small.jsonl", 300)


_run = run_check


def test_streamed_text_and_json_are_byte_for_byte_the_rendered_report(
        small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = check_segments(read_segments(small))
    assert report.summary["conflict"] > 0 and report.summary["match"] > 0
    for fmt in ("text", "json"):
        code, out, err = _run(capsys, str(small), "--format", fmt)
        assert out == render(report, fmt)
        assert code == 1 and err == ""
        code, out, _ = _run(capsys, str(small), "--format", fmt, "--jobs", "2", "--chunk-size", "17")
        assert out == render(report, fmt) and code == 1


def test_a_streamed_report_with_a_baseline_and_an_output_file(small: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "base.json"
    assert _run(capsys, str(small), "--format", "json", "--output", str(base))[0] == 1
    out = tmp_path / "again.txt"
    code, printed, _ = _run(capsys, str(small), "--baseline", str(base), "--output", str(out), "--jobs", "2")
    report = check_segments(read_segments(small))
    quiet = replace(report, findings=tuple(replace(f, baseline=True) for f in report.findings))
    assert code == 0 and printed == ""
    assert out.read_text(encoding="utf-8") == render(quiet, "text")


def test_the_other_formats_are_the_same_with_jobs(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("markdown", "junit", "sarif"):
        serial = _run(capsys, str(small), "--format", fmt)
        pooled = _run(capsys, str(small), "--format", fmt, "--jobs", "2")
        assert serial == pooled and serial[1]


def test_jobs_2_on_20000_segments_gives_the_report_of_one_process(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    big = _write(tmp_path / "big.jsonl", 20_000, every=40)
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert _run(capsys, str(big), "--format", "json", "--output", str(one), "--fail-on", "none") == (0, "", "")
    assert _run(capsys, str(big), "--format", "json", "--output", str(two), "--fail-on", "none",
                "--jobs", "2", "--chunk-size", "500") == (0, "", "")
    assert one.read_bytes() == two.read_bytes()
    data = json.loads(one.read_text(encoding="utf-8"))
    assert len({f["segment"] for f in data["findings"]}) == 1000  # the segments with numbers
    assert data["summary"]["conflict"] > 0


def test_the_example_memory_with_two_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    memory = str(Path(__file__).resolve().parent.parent / "examples" / "memory.jsonl")
    serial = _run(capsys, memory, "--format", "json")
    assert _run(capsys, memory, "--format", "json", "--jobs", "2") == serial
    data = json.loads(serial[1])
    assert serial[0] == 1 and data["summary"]["conflict"] == 1
    assert [f["segment"] for f in data["findings"] if f["verdict"] == "conflict"] == ["3"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal_only(small: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _run(capsys, str(small), "--jobs", "2")
    assert plain[2] == ""  # stderr is not a terminal: no bar
    for quiet in (False, True):
        tty = _Terminal()
        monkeypatch.setattr(sys, "stderr", tty)
        code, out, _ = _run(capsys, str(small), "--jobs", "2", *(["--quiet"] if quiet else []))
        monkeypatch.undo()
        assert (code, out) == plain[:2]  # the report is the same, bar or not
        shown = tty.getvalue()
        if quiet:
            assert shown == ""
        else:
            assert shown.startswith("\rfactcheck: ") and shown.endswith("\n")
            last = shown.rstrip("\n").split("\r")[-1]
            assert "300 segments" in last and "segments/s" in last and "60 findings" in last
            assert "conflict" in last


def test_progress_counts_and_throttles() -> None:
    now = [0.0]
    out = io.StringIO()
    bar = Progress(out, enabled=True, every=1.0, clock=lambda: now[0])
    bar.update(1, 2, 1)
    now[0] = 0.5
    bar.update(1, 0, 0)  # too soon to redraw
    assert out.getvalue().count("\r") == 1
    now[0] = 2.0
    bar.update(2, 3, 0)
    bar.close()
    assert out.getvalue().split("\r")[-1].strip() == "factcheck: 4 segments, 2 segments/s, 5 findings (1 conflict)"
    off = io.StringIO()
    silent = Progress(off, enabled=False)
    silent.update(5, 5, 5)
    silent.close()
    assert off.getvalue() == "" and silent.segments == 5


def test_usage_errors_of_jobs_and_dask(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args, message in (
            (["examples/release_ko.txt", "examples/release_en.txt", "--jobs", "2"], "one aligned file"),
            ([str(small), "--jobs", "0"], "--jobs '0'"),
            ([str(small), "--jobs", "many"], "--jobs 'many'"),
            ([str(small), "--jobs", "2", "--dask", "tcp://127.0.0.1:1"], "not both"),
            ([str(small), "--jobs", "2", "--chunk-size", "0"], "--chunk-size 0")):
        code, out, err = _run(capsys, *args)
        assert code == 2 and out == "" and message in err and "Traceback" not in err
        assert err.count("\n") == 1


def test_dask_without_the_extra_names_it(small: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    code, out, err = _run(capsys, str(small), "--dask", "tcp://127.0.0.1:8786")
    assert code == 2 and out == ""
    assert err == "factcheck: --dask needs Dask: pip install 'factcheck[dask]'\n"


def test_dask_on_a_local_cluster_gives_the_report(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    distributed = pytest.importorskip("distributed")
    serial = _run(capsys, str(small), "--format", "json")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl:
        assert _run(capsys, str(small), "--format", "json", "--dask", cl.scheduler_address) == serial


def test_a_lost_worker_is_one_line_and_exit_2(small: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def dying(segments: Any, **options: Any) -> Iterator[Any]:
        raise WorkerError("a worker stopped while checking segments 0\u2013199 (ids 's0' to 's199') "
                          "(BrokenProcessPool: gone); no report: the run is incomplete")
        yield

    monkeypatch.setattr("factcheck.cli.iter_check_segments", dying)
    for fmt in ("text", "html"):
        code, out, err = _run(capsys, str(small), "--jobs", "2", "--format", fmt)
        assert code == 2 and out == ""
        assert err.startswith("factcheck: a worker stopped while checking segments 0\u2013199")
        assert err.count("\n") == 1 and "Traceback" not in err
