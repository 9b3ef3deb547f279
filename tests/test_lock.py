"""The two README commands install from the lock file, and the lock pins every requirement."""

from __future__ import annotations

import importlib.util
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.startswith("```sh\n"), "README.md must open with the two set-up commands"
    block = text[len("```sh\n"):text.index("```", 6)]
    return [line for line in block.splitlines() if line.strip()]


def test_readme_opens_with_two_commands_that_install_from_the_lock() -> None:
    demo, test = _readme_commands()
    for command in (demo, test):
        assert command.startswith("python3 -m venv .venv && ")
        assert " -c constraints/test.txt " in command, command
    assert "factcheck check examples/" in demo
    assert test.endswith(".venv/bin/python -m pytest -q")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    test = _readme_commands()[1]
    assert ci[-1] == test
    installs = [line for line in ci if "pip install" in line]
    assert installs and all("-c constraints/test.txt" in line for line in installs)


def test_lock_pins_every_requirement_exactly() -> None:
    spec = importlib.util.spec_from_file_location("lock", ROOT / "scripts" / "lock.py")
    assert spec and spec.loader
    lock = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lock)
    assert lock._check() == 0
    for line in (ROOT / "constraints" / "test.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+\-]+", line), line


def test_lock_keeps_the_generators_recorded_versions() -> None:
    import json

    lock = (ROOT / "constraints" / "test.txt").read_text(encoding="utf-8")
    for name, key in (("cldr_currencies.json", "babel"), ("units_table.json", "pint")):
        recorded = json.loads((ROOT / "factcheck" / "data" / name).read_text(encoding="utf-8"))["generator"][key]
        assert re.search(rf"(?im)^{key}=={re.escape(recorded)}$", lock), (key, recorded)
