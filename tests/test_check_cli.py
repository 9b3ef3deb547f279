"""``factcheck check``: exit codes, options, one-line errors, aligned files, baselines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FILES = [str(EXAMPLES / f"{n}.txt") for n in ("release_ko", "release_en", "article_en")]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_examples_exit_1_on_the_planted_conflict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([*FILES, "--format", "json"], capsys)
    assert code == 1 and err == ""
    report = json.loads(out)
    assert [s["id"] for s in report["sources"]] == ["article_en", "release_en", "release_ko"]
    assert report["summary"]["conflict"] == 1
    (conflict,) = [f for f in report["findings"] if f["verdict"] == "conflict"]
    assert conflict["reason"] == "statement-vs-published"


def test_fail_on_levels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path / "a.txt", "The plant has 420 workers and opened in 1998.\n")
    b = _write(tmp_path / "b.txt", "The plant has 420 workers.\n")
    assert run([a, b], capsys)[0] == 0
    assert run([a, b, "--fail-on", "missing"], capsys)[0] == 1
    assert run([a, b, "--fail-on", "conflict,uncertain"], capsys)[0] == 0
    assert run([a, b, "--fail-on", "conflict", "--fail-on", "missing"], capsys)[0] == 1
    code, _, err = run([a, b, "--fail-on", "match"], capsys)
    assert code == 2 and err.count("\n") == 1 and "--fail-on" in err


def test_published_lang_and_pivot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ko = _write(tmp_path / "ko.txt", "회사는 5일 공장을 열었다.\n")
    en = _write(tmp_path / "en.txt", "The company opened the plant on the 6th.\n")
    code, out, _ = run([ko, en, "--published", "ko=2024-05-06", "--published", "en=2024-05-06",
                        "--lang", "ko=ko", "--lang", "en=en", "--pivot", "ko", "--format", "json"], capsys)
    report = json.loads(out)
    assert code == 1 and report["sources"][0]["id"] == "ko" and report["sources"][0]["published"] == "2024-05-06"
    assert [f["verdict"] for f in report["findings"]] == ["conflict"]
    for bad in (["--published", "fr=2024-05-06"], ["--published", "ko=tomorrow"], ["--published", "ko"],
                ["--pivot", "fr"], ["--lang", "ko=fr"]):
        code, out, err = run([ko, en, *bad], capsys)
        assert code == 2 and out == "" and err.startswith("factcheck: ") and err.count("\n") == 1, bad


def test_ids_tell_files_of_one_name_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ko").mkdir()
    (tmp_path / "en").mkdir()
    ko = _write(tmp_path / "ko" / "NAME.md", "직원은 420명이다.\n")
    en = _write(tmp_path / "en" / "NAME.md", "It has 420 employees.\n")
    code, out, _ = run([ko, en, "--format", "json"], capsys)
    assert code == 0 and [s["id"] for s in json.loads(out)["sources"]] == ["en/NAME", "ko/NAME"]


def test_input_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path / "a.txt", "420 workers\n")
    cases = [
        [a, str(tmp_path / "missing.txt")],
        [a],
        [a, a + "x"],
        [a, str(tmp_path)],
        [a, a, "--glossary", str(tmp_path / "none.csv")],
        [a, a, "--rates", str(tmp_path / "none.csv")],
        [a, a, "--baseline", a],
    ]
    for args in cases:
        code, out, err = run(args, capsys)
        assert code == 2 and err.startswith("factcheck: ") and err.count("\n") == 1, (args, err)
        assert "Traceback" not in err
    code, _, err = run([a, str(tmp_path / "missing.txt")], capsys)
    assert "missing.txt: no such file" in err
    with pytest.raises(SystemExit) as info:
        main(["check"])
    assert info.value.code == 2


def test_output_file_and_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "reports" / "x.json"
    code, out, _ = run([*FILES, "--format", "json", "--output", str(target)], capsys)
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["conflict"] == 1
    for fmt in ("text", "markdown", "sarif", "junit", "html"):
        code, out, _ = run([*FILES, "--format", fmt], capsys)
        assert code == 1 and out.strip(), fmt
    code, out, _ = run([*FILES, "--color", "always"], capsys)
    assert "\x1b[" in out
    code, out, _ = run([*FILES, "--color", "never"], capsys)
    assert "\x1b[" not in out


def test_baseline_silences_accepted_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "base.json"
    assert run([*FILES, "--format", "json", "--output", str(base)], capsys)[0] == 1
    code, out, _ = run([*FILES, "--format", "json", "--baseline", str(base)], capsys)
    report = json.loads(out)
    assert code == 0
    (conflict,) = [f for f in report["findings"] if f["verdict"] == "conflict"]
    assert conflict["baseline"] is True
    # a new conflict still fails
    article = (EXAMPLES / "article_en.txt").read_text(encoding="utf-8").replace("$23.5 million", "$2.35 million")
    changed = _write(tmp_path / "article_en.txt", article)
    code, out, _ = run([FILES[0], FILES[1], changed, "--format", "json", "--baseline", str(base)], capsys)
    assert code == 1
    fresh = [f for f in json.loads(out)["findings"] if f["verdict"] == "conflict" and not f.get("baseline")]
    assert [f["kind"] for f in fresh] == ["money"]


def test_aligned_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tsv = _write(tmp_path / "pairs.tsv", "id\tko\ten\n"
                                         "s1\t직원은 420명이다.\tIt has 420 employees.\n"
                                         "s2\t매출은 3,200만 달러였다.\tSales were $38 million.\n")
    code, out, _ = run([tsv, "--format", "json"], capsys)
    report = json.loads(out)
    assert code == 1
    assert [(f["segment"], f["verdict"]) for f in report["findings"]] == [("s1", "match"), ("s2", "conflict")]
    code, out, err = run([_write(tmp_path / "empty.tsv", "ko\ten\n")], capsys)
    assert code == 2 and "empty.tsv" in err


def test_output_does_not_depend_on_hash_seed() -> None:
    outs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-m", "factcheck", "check", *FILES, "--format", "json"],
                              capture_output=True, text=True, env=env, cwd=ROOT)
        assert proc.returncode == 1, proc.stderr
        outs.append(proc.stdout)
    assert outs[0] == outs[1]
