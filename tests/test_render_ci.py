"""The CI recipes (examples/ci/, .pre-commit-hooks.yaml) parse, and use options the CLI has."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _yaml(path: Path):
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_github_actions_workflow():
    wf = _yaml(ROOT / "examples" / "ci" / "github-actions.yml")
    assert wf["permissions"]["security-events"] == "write"
    steps = wf["jobs"]["translations"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    run = next(s["run"] for s in steps if s.get("id") == "check")
    assert "factcheck check" in run and "--format sarif --output" in run


def test_pre_commit_files():
    hooks = _yaml(ROOT / ".pre-commit-hooks.yaml")
    (hook,) = hooks
    assert hook["id"] == "factcheck" and hook["entry"] == "factcheck check"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    config = _yaml(ROOT / "examples" / "ci" / "pre-commit-config.yaml")
    local = config["repos"][0]["hooks"][0]
    assert local["entry"] == "factcheck check" and local["pass_filenames"] is False


def _check_help() -> str | None:
    from factcheck.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as info:
        main(["check", "--help"])
    return out.getvalue() if info.value.code == 0 else None


def test_recipes_use_options_the_cli_has():
    text = _check_help()
    if text is None:
        pytest.skip("the check subcommand is not in the CLI yet")
    recipes = (ROOT / "examples" / "ci" / "github-actions.yml").read_text(encoding="utf-8")
    recipes += (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    used: set[str] = set()
    for line in recipes.splitlines():
        if "factcheck check" in line or re.match(r"\s+--[a-z]", line):
            used |= set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", line))
    for option in sorted(used):
        assert option in text, f"{option} is used in a CI recipe but `factcheck check` has no such option"
    for fmt in ("sarif", "junit", "html", "markdown"):
        assert fmt in text
