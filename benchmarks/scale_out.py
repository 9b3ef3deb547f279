#!/usr/bin/env python3
"""Checking a large translation memory on several processes: ``factcheck.check_segments`` of N
real Korean-English segment pairs (``../shared/data/parallel_ko_en_numeric.jsonl``, repeated
with fresh ids until there are N; the bundled examples, sentence by sentence, without it) in one
process, on a ``ProcessPoolExecutor`` of 1 and 2 workers, on a Dask ``LocalCluster`` of 1 and 2
worker processes, and with 2 workers at several chunk sizes.

Every run must give the serial report (checked: ``to_dict()`` equal); the time is the wall
time of the whole call, the pool or cluster started before it (their start-up is shown apart).

    .venv/bin/python benchmarks/scale_out.py             # 4,000 segments, best of 2 (a few minutes)
    .venv/bin/python benchmarks/scale_out.py --quick     # 1,000 segments
    .venv/bin/python benchmarks/scale_out.py --write     # also the table of docs/scale-out.md

Machines are noisy, and a machine with 2 cores running other work gives less than 2x: read the
speedups, not the seconds. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "parallel_ko_en_numeric.jsonl"
EX = ROOT / "examples"
DOC = ROOT / "docs" / "scale-out.md"
BEGIN, END = "<!-- table of benchmarks/scale_out.py -->", "<!-- end of table -->"

sys.path.insert(0, str(ROOT))

import factcheck  # noqa: E402
from factcheck import Source  # noqa: E402


def _rows() -> list[tuple[str, str]]:
    if not DATA.exists():
        ko = [s for s in (EX / "release_ko.txt").read_text(encoding="utf-8").splitlines() if s.strip()]
        en = [s for s in (EX / "release_en.txt").read_text(encoding="utf-8").splitlines() if s.strip()]
        return list(zip(ko, en, strict=False))
    with DATA.open(encoding="utf-8") as fh:
        return [(r["ko"], r["en"]) for r in map(json.loads, filter(str.strip, fh))]


def segments(n: int) -> list[tuple[str, list[Source]]]:
    rows = _rows()
    return [(str(i), [Source(rows[i % len(rows)][0], id="ko", lang="ko"),
                      Source(rows[i % len(rows)][1], id="en", lang="en")]) for i in range(n)]


@contextmanager
def _pool(workers: int) -> Iterator[Executor]:
    with ProcessPoolExecutor(workers) as ex:
        list(ex.map(abs, range(workers * 4)))  # the workers are up
        yield ex


@contextmanager
def _dask(workers: int) -> Iterator[Executor]:
    import distributed

    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client.get_executor()


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The best time of ``repeat`` runs (a busy machine only ever makes a run slower)."""
    runs = [_timed(fn) for _ in range(repeat)]
    return min(t for t, _ in runs), runs[0][1]


def measure(n: int, chunk_sizes: list[int], dask: bool, repeat: int) -> dict[str, Any]:
    segs = segments(n)
    factcheck.check_segments(segs[:20])  # warm: locales loaded
    cpu0 = time.process_time()
    serial_s, serial = _best(lambda: factcheck.check_segments(segs).to_dict(), repeat)
    serial_cpu = (time.process_time() - cpu0) / repeat
    rows: list[dict[str, Any]] = [{"how": "one process (no executor)", "workers": 1, "chunk": "-",
                                   "seconds": serial_s, "start": 0.0, "load": os.getloadavg()[0],
                                   "parent": 1.0}]
    runs: list[tuple[str, Callable[[int], Any], int, int]] = []
    for w in (1, 2):
        runs.append(("ProcessPoolExecutor", _pool, w, factcheck.api.DEFAULT_CHUNK_SIZE))
    for size in chunk_sizes:
        if size != factcheck.api.DEFAULT_CHUNK_SIZE:
            runs.append(("ProcessPoolExecutor", _pool, 2, size))
    if dask:
        for w in (1, 2):
            runs.append(("Dask LocalCluster", _dask, w, factcheck.api.DEFAULT_CHUNK_SIZE))
    for how, make, workers, chunk in runs:
        t0 = time.perf_counter()
        with make(workers) as ex:
            start = time.perf_counter() - t0
            cpu0 = time.process_time()
            secs, got = _best(lambda ex=ex, chunk=chunk: factcheck.check_segments(segs, executor=ex,
                                                                                    chunk_size=chunk).to_dict(),
                              repeat)
            parent = (time.process_time() - cpu0) / repeat
        if got != serial:
            raise SystemExit(f"{how} with {workers} workers gave another report than the serial run")
        rows.append({"how": how, "workers": workers, "chunk": chunk, "seconds": secs, "start": start,
                     "load": os.getloadavg()[0], "parent": parent / serial_cpu})
        print(f"{how:<26} workers {workers} chunk {chunk!s:>5}: {secs:6.1f} s ({n / secs:5.0f} segments/s, "
              f"{serial_s / secs:.2f}x; start-up {start:.1f} s)", flush=True)
    return {"segments": n, "findings": len(serial["findings"]), "serial_s": serial_s, "rows": rows, "repeat": repeat}


def table(res: dict[str, Any]) -> list[str]:
    lines = [f"{res['segments']:,} real segment pairs ({res['findings']:,} findings), "
             f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs; "
             f"best of {res['repeat']} runs each; every run gave the serial report.", "",
             "| executor | workers | chunk size | seconds | segments/s | speedup | start-up, s | "
             "CPU of the calling process | load average |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in res["rows"]:
        lines.append(f"| {r['how']} | {r['workers']} | {r['chunk']} | {r['seconds']:.1f} | "
                     f"{res['segments'] / r['seconds']:.0f} | {res['serial_s'] / r['seconds']:.2f}x | "
                     f"{r['start']:.1f} | {r['parent']:.0%} | {r['load']:.1f} |")
    return lines


def write(res: dict[str, Any]) -> None:
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(head + BEGIN + "\n" + "\n".join(table(res)) + "\n" + END + tail, encoding="utf-8")
    print(f"wrote the table of {DOC.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="check_segments in one process, on a process pool and on Dask.")
    ap.add_argument("--segments", type=int, default=4000, help="segments to check (default 4000)")
    ap.add_argument("--quick", action="store_true", help="1,000 segments, fewer chunk sizes")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each configuration; the best counts (default 2)")
    ap.add_argument("--no-dask", action="store_true", help="leave out the Dask LocalCluster runs")
    ap.add_argument("--write", action="store_true", help=f"also write the table of {DOC.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    n = 1000 if args.quick else args.segments
    sizes = [50, 200] if args.quick else [20, 200, 1000]
    dask = not args.no_dask
    if dask:
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("no Dask here (pip install 'factcheck[dask]'): the Dask rows are left out", file=sys.stderr)
            dask = False
    res = measure(n, sizes, dask, max(1, args.repeat))
    print("\n".join(table(res)))
    if args.write:
        write(res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
