"""The bundled example reports are what `factcheck check` produces on the bundled examples."""

from __future__ import annotations

import pathlib

import pytest

from factcheck.cli import main

ROOT = pathlib.Path(__file__).resolve().parents[1]
EXAMPLES = ["examples/release_ko.txt", "examples/release_en.txt", "examples/article_en.txt"]


@pytest.mark.parametrize(("fmt", "name"), [("json", "report.json"), ("markdown", "report.md"), ("html", "report.html")])
def test_example_report_is_current(fmt: str, name: str, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / name
    code = main(["check", *EXAMPLES, "--glossary", "examples/glossary.csv", "--fail-on", "none",
                 "--format", fmt, "--output", str(out)])
    assert code == 0
    assert out.read_text(encoding="utf-8") == (ROOT / "examples" / name).read_text(encoding="utf-8"), (
        f"examples/{name} is stale: regenerate it (see examples/README.md)")


def test_example_report_says_what_the_examples_mean(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    code = main(["check", *EXAMPLES, "--glossary", "examples/glossary.csv", "--format", "json"])
    assert code == 1  # the planted "said Friday" is a conflict
    import json

    report = json.loads(capsys.readouterr().out)
    conflicts = [f for f in report["findings"] if f["verdict"] == "conflict"]
    assert [c["text"] for f in conflicts for c in f["claims"] if c["source"] == "article_en"] == ["Friday"]
    assert report["summary"]["uncertain"] == 0
