"""Hardening (issue 7): ``check`` and ``extract`` are safe to call from many threads, and the
package keeps no module-level mutable state (only bounded caches on immutable inputs)."""

from __future__ import annotations

import ast
import json
import pathlib
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import factcheck
from factcheck.render import render_json

KO = ("삼성전자는 {d}일 {n}만불 규모의 수출계약을 맺었다고 이재용 회장이 말했다. 직원 {m}명, 점유율 {p}%, "
      "서울에서 {k}km 떨어진 곳. 지난주 월요일 발표.")
EN = ("Samsung Electronics signed a ${n2} million export deal on July {d}, chairman Lee Jae-yong said. "
      "{m} employees, a {p}% share, {k} km from Seoul. Announced last Monday.")


def _sources(i: int) -> list[factcheck.Source]:
    """Different inputs per task: some agree, some conflict, dates and weekdays resolve."""
    d, n, m, p, k = 1 + i % 28, 100 * (i + 1), 10 + i, i % 90, 3 + i
    n2 = f"{n / 100:g}" if i % 3 else f"{n / 100 + 1:g}"
    ko = factcheck.Source(KO.format(d=d, n=n, m=m, p=p, k=k), id="ko", lang="ko", published=f"2023-07-{d:02d}")
    en = factcheck.Source(EN.format(d=d, n2=n2, m=m + (i % 2), p=p, k=k), id="en", lang="en",
                          published=f"2023-07-{d:02d}")
    srcs = [ko, en]
    if i % 4 == 0:
        srcs.append(factcheck.Source(f"Samsung: {p}% share, {m} staff; 1억 원 and $3 billion", id="news"))
    return srcs


def _task(i: int) -> str:
    return render_json(factcheck.check(_sources(i), weekday=("past", "future", "nearest")[i % 3]))


N = 48


def test_check_from_8_threads_equals_serial() -> None:
    serial = [_task(i) for i in range(N)]
    assert len(set(serial)) == N  # the inputs differ, so must the reports
    assert any('"conflict": 1' in s or '"conflict": 2' in s for s in serial)
    start = threading.Barrier(8)

    def run(i: int) -> str:
        if i < 8:
            start.wait()  # make the first eight start together
        return _task(i)

    for _ in range(2):
        with ThreadPoolExecutor(max_workers=8) as pool:
            threaded = list(pool.map(run, range(N)))
        assert threaded == serial


def test_extract_from_8_threads_equals_serial() -> None:
    texts = [s.text for i in range(N) for s in _sources(i)]
    serial = [json.dumps([c.to_dict() for c in factcheck.extract(t)], ensure_ascii=False) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda t: json.dumps([c.to_dict() for c in factcheck.extract(t)],
                                                       ensure_ascii=False), texts))
    assert threaded == serial


def test_cold_start_from_8_threads() -> None:
    """The lazily built registries, locales and pint (first use, in a fresh interpreter) are
    built safely when eight threads ask for them at once."""
    script = (
        "import sys, factcheck\n"
        f"sys.path.insert(0, {str(pathlib.Path(__file__).parent)!r})\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "from test_threads import _task\n"
        "with ThreadPoolExecutor(8) as p: out = list(p.map(_task, range(16)))\n"
        "assert out == [_task(i) for i in range(16)], 'threads differ'\n"
        "print('ok')\n"
    )
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0 and res.stdout.strip() == "ok", res.stderr


# ----------------------------------------------------------------------------- global state
_MUTATORS = {"append", "add", "update", "setdefault", "pop", "popitem", "clear", "extend", "insert", "remove",
             "discard", "sort", "reverse", "appendleft", "__setitem__"}
_MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "bytearray"}


def _module_state_mutations(path: pathlib.Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        mutable = isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or (
            isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in _MUTABLE_CALLS)
        names.update(t.id for t in targets if isinstance(t, ast.Name) and mutable)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append(f"{path}:{node.lineno}: global {', '.join(node.names)}")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id in names
                and node.func.attr in _MUTATORS):
            found.append(f"{path}:{node.lineno}: {node.func.value.id}.{node.func.attr}()")
        targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else (
            [node.target] if isinstance(node, ast.AugAssign) else [])
        for t in targets:
            if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id in names:
                found.append(f"{path}:{node.lineno}: {t.value.id}[...] =")
    return found


def test_no_module_level_mutable_state_is_mutated() -> None:
    root = pathlib.Path(factcheck.__file__).parent
    found = [f for p in sorted(root.rglob("*.py")) for f in _module_state_mutations(p)]
    assert found == []


def test_caches_are_bounded() -> None:
    """Every module-level cache is an ``lru_cache`` with a maxsize (never ``functools.cache``
    or an unbounded ``lru_cache(maxsize=None)``)."""
    root = pathlib.Path(factcheck.__file__).parent
    bad = []
    for p in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "cache" and getattr(node.value, "id", "") == "functools":
                bad.append(f"{p}:{node.lineno}: functools.cache")
            if (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "lru_cache"):
                kw = {k.arg: k.value for k in node.keywords}
                size = kw.get("maxsize", node.args[0] if node.args else None)
                if size is None or (isinstance(size, ast.Constant) and size.value is None):
                    bad.append(f"{p}:{node.lineno}: unbounded lru_cache")
    assert bad == []
