"""The shape of the house: layers that import one way, no cycles, small modules, typed and linted.

The layers are the import-linter contract in pyproject.toml ([tool.importlinter]); mypy --strict
and ruff run with the versions of the lock file (constraints/test.txt). See docs/architecture.md.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "factcheck"
MAX_LINES = 800


def _run(args: list[str], cwd: pathlib.Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, **env}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=environ, timeout=600)


def _lint_imports(cwd: pathlib.Path, pythonpath: pathlib.Path) -> subprocess.CompletedProcess[str]:
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True))"
    return _run([sys.executable, "-c", code], cwd, PYTHONPATH=str(pythonpath))


def test_layer_contracts_are_kept() -> None:
    pytest.importorskip("importlinter")
    run = _lint_imports(ROOT, ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_a_planted_upward_import_breaks_the_contract(tmp_path: pathlib.Path) -> None:
    """The contract is not vacuous: values (near the bottom) importing the api fails it."""
    pytest.importorskip("importlinter")
    shutil.copytree(PACKAGE, tmp_path / "factcheck", ignore=shutil.ignore_patterns("__pycache__", "data", "locales"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    values = tmp_path / "factcheck" / "values.py"
    values.write_text(values.read_text(encoding="utf-8") + "\nfrom factcheck.api import check  # planted\n",
                      encoding="utf-8")
    run = _lint_imports(tmp_path, tmp_path)
    assert run.returncode != 0, run.stdout
    assert "factcheck.values -> factcheck.api" in run.stdout, run.stdout


def test_no_import_cycles() -> None:
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("factcheck", cache_dir=None)
    modules = sorted(graph.modules)
    index = {m: i for i, m in enumerate(modules)}
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    # Tarjan's strongly connected components, iteratively
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = 0
    for root in modules:
        if root in order:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                order[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = edges[node]
            if i < len(targets):
                work.append((node, i + 1))
                nxt = targets[i]
                if nxt not in index:
                    continue
                if nxt not in order:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], order[nxt])
                continue
            if low[node] == order[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    cycles.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    assert not cycles, f"import cycles: {cycles}"


def test_no_module_is_too_big() -> None:
    big = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES:
            big[str(path.relative_to(ROOT))] = n
    assert not big, f"modules over {MAX_LINES} lines: {big}"


def test_mypy_strict_is_clean() -> None:
    pytest.importorskip("mypy")
    run = _run([sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", os.devnull], ROOT)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_ruff_is_clean() -> None:
    pytest.importorskip("ruff")
    run = _run([sys.executable, "-m", "ruff", "check", "--no-cache", "factcheck"], ROOT)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_no_cache_is_keyed_by_a_whole_text() -> None:
    """Caches are bounded and keyed by small values: a cached function taking a ``text`` (or a
    document) would keep whole texts alive between calls; per-text results live on the
    Document (``Document.memo``) instead."""
    import ast

    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            cached = [d for d in node.decorator_list if "cache" in ast.unparse(d)]
            if not cached:
                continue
            unbounded = [d for d in cached
                         if "maxsize" not in ast.unparse(d) and "cached_property" not in ast.unparse(d)]
            params = [a.arg for a in node.args.args + node.args.kwonlyargs]
            if any(p in ("text", "doc", "document") for p in params) or unbounded:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}({', '.join(params)})")
    assert not offenders, offenders
