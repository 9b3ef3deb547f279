"""factcheck.testing.assert_consistent and the pytest plugin's factcheck_consistent fixture."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import factcheck
from factcheck.errors import InputError
from factcheck.report import Finding, Report, Source, SourceClaim, SourceInfo
from factcheck.testing import assert_consistent, failing_findings

DATA = Path(__file__).parent / "data" / "aligned"


def _stub_check(calls: list):
    """A stand-in for factcheck.check: a conflict when the sources state different percentages."""

    def check(sources, **options):
        calls.append((sources, options))
        found = [(s.id, c) for s in sources for c in factcheck.extract(s.text, lang=s.lang) if c.kind == "percent"]
        values = {c.value.to_dict()["value"] for _, c in found}
        verdict = "match" if len(values) == 1 else "conflict"
        msg = " vs ".join(f"{c.text} ({sid})" for sid, c in found)
        findings = (Finding(verdict, "percent", tuple(SourceClaim(sid, c) for sid, c in found), msg),)
        return Report(tuple(SourceInfo(s.id, s.lang, None) for s in sources), findings)

    return check


def _stub_segments(calls: list):
    def check_segments(segments, **options):
        calls.append(segments)
        return Report((), ())

    return check_segments


def test_assert_consistent_passes_and_returns_the_report(monkeypatch):
    calls: list = []
    monkeypatch.setattr(factcheck.api, "check", _stub_check(calls), raising=False)
    report = assert_consistent(Source("매출이 12% 늘었다.", id="ko", lang="ko"),
                               Source("Sales rose 12%.", id="en", lang="en"), tolerance=0)
    assert report.summary["match"] == 1
    assert calls[0][1] == {"tolerance": 0}  # options go to check unchanged


def test_assert_consistent_fails_with_the_text_report(monkeypatch):
    monkeypatch.setattr(factcheck.api, "check", _stub_check([]), raising=False)
    with pytest.raises(AssertionError) as info:
        assert_consistent(Source("매출이 12% 늘었다.", id="ko", lang="ko"),
                          Source("Sales rose 15%.", id="en", lang="en"))
    lines = str(info.value).splitlines()
    assert lines[0] == "ko, en: 1 finding with verdict conflict (of 1)"
    assert lines[1].startswith("CONFLICT  percent  ko: “12%”; en: “15%”")
    assert lines[-1].startswith("factcheck: 2 sources (ko, en), 1 finding:")


def test_fail_on(monkeypatch):
    monkeypatch.setattr(factcheck.api, "check", _stub_check([]), raising=False)
    a, b = Source("12%", id="a", lang="en"), Source("12%", id="b", lang="en")
    with pytest.raises(AssertionError, match="verdict match"):
        assert_consistent(a, b, fail_on="match")
    assert assert_consistent(a, b, fail_on=()).findings


def test_paths_become_sources(monkeypatch, tmp_path):
    calls: list = []
    monkeypatch.setattr(factcheck.api, "check", _stub_check(calls), raising=False)
    ko, en = tmp_path / "notice_ko.txt", tmp_path / "notice_en.txt"
    ko.write_text("금리는 3.5%다.", encoding="utf-8")
    en.write_text("The rate is 3.5%.", encoding="utf-8")
    other = tmp_path / "sub" / "notice_ko.txt"
    other.parent.mkdir()
    other.write_text("3.5%", encoding="utf-8")
    assert_consistent(str(ko), en, other)
    sources = calls[0][0]
    assert [s.id for s in sources] == ["notice_ko", "notice_en", "notice_ko-2"]
    assert sources[1].path == str(en) and sources[1].text == "The rate is 3.5%."


def test_one_aligned_file_goes_to_check_segments(monkeypatch):
    calls: list = []
    monkeypatch.setattr(factcheck.api, "check_segments", _stub_segments(calls), raising=False)
    assert_consistent(DATA / "pair.tsv")
    assert [sid for sid, _ in calls[0]] == ["2", "3"]


def test_bad_arguments():
    with pytest.raises(InputError, match="at least two sources"):
        assert_consistent(Source("x", id="x"))
    with pytest.raises(InputError, match="Source objects or file paths"):
        assert_consistent(Source("x", id="x"), 42)
    with pytest.raises(InputError, match="no such file"):
        assert_consistent("nope_ko.txt", "nope_en.txt")


def test_failing_findings():
    f = Finding("uncertain", "money", (), "?")
    r = Report((), (f, Finding("match", "money", (), "=")))
    assert failing_findings(r, ("uncertain",)).findings == (f,)


@pytest.mark.skipif(not hasattr(factcheck, "check"), reason="factcheck.check (compare.py) not available yet")
def test_with_the_real_comparator():
    assert_consistent(Source("한빛제과의 매출은 12% 늘었다.", id="ko", lang="ko"),
                      Source("Hanbit Bakery's sales rose 12%.", id="en", lang="en"))
    with pytest.raises(AssertionError, match="conflict"):
        assert_consistent(Source("한빛제과의 매출은 12% 늘었다.", id="ko", lang="ko"),
                          Source("Hanbit Bakery's sales rose 15%.", id="en", lang="en"))


def test_the_fixture_in_a_pytest_run(tmp_path):
    """Runs pytest on a small test file that uses the fixture (the plugin is found through its
    entry point when factcheck is installed, else loaded with -p)."""
    (tmp_path / "test_docs.py").write_text(textwrap.dedent('''
        import factcheck
        from factcheck.report import Finding, Report, Source, SourceInfo

        def fake_check(sources, **options):
            verdict = "conflict" if options.get("bad") else "uncertain"
            return Report(tuple(SourceInfo(s.id, "en", None) for s in sources),
                          (Finding(verdict, "money", (), "made-up finding"),))

        def test_ok(factcheck_consistent, monkeypatch):
            monkeypatch.setattr(factcheck.api, "check", fake_check, raising=False)
            factcheck_consistent(Source("a", id="a"), Source("b", id="b"))

        def test_uncertain_fails_by_ini(factcheck_consistent, monkeypatch):
            monkeypatch.setattr(factcheck.api, "check", fake_check, raising=False)
            factcheck_consistent(Source("a", id="a"), Source("b", id="b"))

        def test_conflict(factcheck_consistent, monkeypatch):
            monkeypatch.setattr(factcheck.api, "check", fake_check, raising=False)
            factcheck_consistent(Source("a", id="a"), Source("b", id="b"), bad=True, fail_on=["conflict"])
    '''), encoding="utf-8")
    registered = any(ep.value == "factcheck.pytest_plugin" for ep in entry_points(group="pytest11"))
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path / "test_docs.py")]
    if not registered:
        args[4:4] = ["-p", "factcheck.pytest_plugin"]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    # without an ini option the first two tests pass (uncertain does not fail), the third fails
    run = subprocess.run(args + ["-k", "ok or conflict"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert "1 failed, 1 passed" in run.stdout, run.stdout + run.stderr
    assert "a, b: 1 finding with verdict conflict (of 1)" in run.stdout
    assert "CONFLICT  money" in run.stdout
    # with factcheck_fail_on = uncertain, an uncertain finding fails
    (tmp_path / "pytest.ini").write_text("[pytest]\nfactcheck_fail_on = uncertain conflict\n", encoding="utf-8")
    run = subprocess.run(args + ["-k", "uncertain_fails"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert "1 failed" in run.stdout, run.stdout + run.stderr
    assert "verdict uncertain or conflict" in run.stdout
