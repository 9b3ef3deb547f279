"""Checking aligned segments on an executor (issue 19) and as a stream (issue 18): a process
pool and a real Dask ``LocalCluster`` give the serial report, errors name the segment or the
chunk, and the stream reads its input as it goes."""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

import pytest

import factcheck
from factcheck import InputError, SegmentResult, Source, WorkerError, check_segments, iter_check_segments
from factcheck.glossary import parse_glossary
from factcheck.parallel import run_chunk

N = 2000  # segments: a few thousand, each short, so that every run takes a second or two


def _segment(i: int) -> tuple[str, list[Source]]:
    a = 100 + i
    kind = i % 9
    if kind == 0:  # a conflict
        ko, en = f"직원은 {a}명이다.", f"It has {a + 1} employees."
    elif kind == 1:  # money and a percentage
        ko, en = f"매출은 {a}억 원으로 {i % 50}% 늘었다.", f"Sales rose {i % 50}% to KRW {a * 100} million."
    elif kind == 2:  # a number in one source only
        ko, en = f"직원은 {a}명이다.", "It has many employees."
    elif kind == 3:  # a date
        day = i % 28 + 1
        ko, en = f"2023년 {i % 12 + 1}월 {day}일 발표했다.", f"It was announced on {day} {_MONTHS[i % 12]} 2023."
    else:
        ko, en = f"직원은 {a}명이다.", f"It has {a} employees."
    return f"seg{i}", [Source(ko, id="ko", lang="ko"), Source(en, id="en", lang="en")]


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def _segments(n: int = N) -> list[tuple[str, list[Source]]]:
    return [_segment(i) for i in range(n)]


class _Bad:
    """Not a source: the segment that holds it cannot be checked."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Bad, ())


class _Killer(str):
    """A text whose reading kills the process that reads it (a worker dying mid-run)."""

    def strip(self, chars: str | None = None) -> str:
        os._exit(3)


@pytest.fixture(scope="module")
def segments() -> list[tuple[str, list[Source]]]:
    return _segments()


@pytest.fixture(scope="module")
def serial(segments: list[tuple[str, list[Source]]]) -> dict[str, Any]:
    return check_segments(segments).to_dict()


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    with ProcessPoolExecutor(2) as ex:
        yield ex


@pytest.fixture(scope="module")
def dask_executor() -> Iterator[Executor]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl:
        with distributed.Client(cl) as client:
            yield client.get_executor()


def test_the_corpus_has_every_verdict(serial: dict[str, Any]) -> None:
    assert serial["summary"]["match"] > 0 and serial["summary"]["conflict"] > 0 and serial["summary"]["missing"] > 0
    assert {f["segment"] for f in serial["findings"]} >= {"seg0", f"seg{N - 1}"}


def test_a_process_pool_gives_the_serial_report(segments: list[tuple[str, list[Source]]], serial: dict[str, Any],
                                                pool: ProcessPoolExecutor) -> None:
    report = check_segments(segments, executor=pool, chunk_size=150)
    assert report.to_dict() == serial
    assert report.extra == {"segments": N}


def test_a_dask_cluster_gives_the_serial_report(segments: list[tuple[str, list[Source]]], serial: dict[str, Any],
                                               dask_executor: Executor) -> None:
    assert check_segments(segments, executor=dask_executor, chunk_size=250).to_dict() == serial


def _first(serial: dict[str, Any], n: int) -> list[dict[str, Any]]:
    """The findings of the first ``n`` segments in the serial report (segments come in order)."""
    return [f for f in serial["findings"] if int(f["segment"][3:]) < n]


def test_a_thread_pool_and_odd_chunks_give_the_serial_report(serial: dict[str, Any]) -> None:
    with ThreadPoolExecutor(3) as ex:
        assert check_segments(_segments(300), executor=ex, chunk_size=7).to_dict()["findings"] == _first(serial, 300)


def test_the_stream_yields_each_segment_in_input_order(segments: list[tuple[str, list[Source]]],
                                                      serial: dict[str, Any], pool: ProcessPoolExecutor) -> None:
    for executor, n in ((None, 300), (pool, 600)):
        results = list(iter_check_segments(segments[:n], executor=executor, chunk_size=60))
        assert all(isinstance(r, SegmentResult) for r in results)
        assert [r.segment for r in results] == [s for s, _ in segments[:n]]
        assert [f.to_dict() for r in results for f in r.findings] == _first(serial, n)
        assert all(f.segment == r.segment for r in results for f in r.findings)
        assert {s.id for r in results for s in r.sources} == {"ko", "en"}


def _bad_at(position: int, n: int = N) -> list[tuple[str, list[Any]]]:
    segs: list[tuple[str, list[Any]]] = list(_segments(n))
    segs[position] = (segs[position][0], [segs[position][1][0], _Bad()])
    return segs


def _error(fn: Callable[[], object]) -> BaseException:
    with pytest.raises(InputError) as info:
        fn()
    return info.value


def test_a_bad_segment_raises_the_same_error_naming_it_in_every_path(pool: ProcessPoolExecutor,
                                                                     request: pytest.FixtureRequest) -> None:
    segs = _bad_at(234, 300)
    errors = [_error(lambda: check_segments(segs)),
              _error(lambda: check_segments(segs, executor=pool, chunk_size=40))]
    if importlib.util.find_spec("distributed") is not None:  # without Dask, the other two still
        dask_executor = request.getfixturevalue("dask_executor")
        errors.append(_error(lambda: check_segments(segs, executor=dask_executor, chunk_size=40)))
        assert len(errors) == 3
    assert {(type(e), str(e)) for e in errors} == {(InputError, "segment 'seg234': a source must be a "
                                                    "factcheck.Source or a str, not _Bad")}


def test_the_stream_gives_the_segments_before_a_bad_one_then_its_error(pool: ProcessPoolExecutor) -> None:
    segs = _bad_at(150, 200)
    for executor in (None, pool):
        got: list[str] = []
        with pytest.raises(InputError, match="segment 'seg150'"):
            for r in iter_check_segments(segs, executor=executor, chunk_size=40):
                got.append(r.segment)
        assert got == [f"seg{i}" for i in range(150)]


def test_errors_of_the_input_come_in_their_turn(pool: ProcessPoolExecutor) -> None:
    """A duplicate id (or any error the input raises) comes after the segments before it,
    even when the bad segment before it is in a chunk still running."""
    segs = _bad_at(30, 100) + [("seg5", _segment(5)[1])]
    for executor in (None, pool):
        with pytest.raises(InputError, match="segment 'seg30'"):
            check_segments(segs, executor=executor, chunk_size=20)
    dup = _segments(100) + [("seg5", _segment(5)[1])]
    for executor in (None, pool):
        with pytest.raises(InputError, match="two segments have the id 'seg5'"):
            check_segments(dup, executor=executor, chunk_size=20)

    def broken() -> Iterator[tuple[str, list[Source]]]:
        yield from _segments(70)
        raise InputError("line 71: not a segment", reason="bad-aligned-file", path="tm.jsonl")

    for executor in (None, pool):
        got: list[str] = []
        with pytest.raises(InputError, match="line 71: not a segment"):
            for r in iter_check_segments(broken(), executor=executor, chunk_size=20):
                got.append(r.segment)
        assert len(got) == 70


def test_a_killed_worker_is_an_error_naming_the_chunk_never_a_short_report() -> None:
    segs: list[tuple[str, list[Any]]] = list(_segments(300))
    segs[5] = ("seg5", [Source(_Killer("직원은 5명이다."), id="ko", lang="ko"), segs[5][1][1]])
    with ProcessPoolExecutor(2) as ex:
        with pytest.raises(WorkerError) as info:
            check_segments(segs, executor=ex, chunk_size=100)
    message = str(info.value)
    assert "segments 0\u201399 (ids 'seg0' to 'seg99')" in message
    assert "incomplete" in message
    assert info.value.reason == "worker-lost"


class _Recording(Executor):
    """A process pool that records whether each chunk it is given carries the shared bytes."""

    def __init__(self, workers: int) -> None:
        self.pool = ProcessPoolExecutor(workers)
        self.carried: list[bool] = []
        self.lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        assert fn is run_chunk
        with self.lock:
            self.carried.append(args[2] is not None)
        return self.pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.pool.shutdown(wait, cancel_futures=cancel_futures)


def test_the_glossary_and_rates_are_sent_about_once_per_worker_not_per_chunk(serial: dict[str, Any]) -> None:
    ex = _Recording(2)
    try:
        glossary = parse_glossary("org: 삼성 = Samsung")
        report = check_segments(_segments(600), executor=ex, chunk_size=20, rates={"USD/KRW": 1300},
                                glossary=glossary)
    finally:
        ex.shutdown()
    assert len(ex.carried) >= 600 // 20  # every chunk was submitted
    assert sum(ex.carried) <= 2 + 8  # the first wave, and a chunk sent again to a worker that had not them
    assert sum(ex.carried) < len(ex.carried) // 3
    assert [f["segment"] for f in report.to_dict()["findings"]] == [f["segment"] for f in _first(serial, 600)]


def test_the_stream_reads_its_input_as_it_goes(pool: ProcessPoolExecutor) -> None:
    read = 0

    def source() -> Iterator[tuple[str, list[Source]]]:
        nonlocal read
        for seg in _segments(1000):
            read += 1
            yield seg

    stream = iter_check_segments(source())
    next(stream)
    assert read == 1
    stream.close()
    read = 0
    stream = iter_check_segments(source(), executor=pool, chunk_size=20, lookahead=3)
    next(stream)
    assert read <= 20 * 4  # the chunk given back and, at most, the look-ahead
    stream.close()


def test_bad_options_are_input_errors(pool: ProcessPoolExecutor) -> None:
    with pytest.raises(InputError, match="chunk_size"):
        check_segments(_segments(3), executor=pool, chunk_size=0)
    with pytest.raises(InputError, match="weekday"):
        check_segments(_segments(3), executor=pool, weekday="someday")


def test_iter_check_segments_is_public() -> None:
    assert "iter_check_segments" in factcheck.__all__ and "SegmentResult" in factcheck.__all__
    assert "WorkerError" in factcheck.__all__


def test_a_worker_imports_only_what_it_needs() -> None:
    """What a worker runs pulls in neither the command line, nor the reports, nor Dask."""
    import subprocess
    import sys

    code = ("import pickle, sys\n"
            "from factcheck.parallel import run_chunk\n"
            "from factcheck.api import _check_chunk, _SegmentOptions\n"
            "from factcheck import Source\n"
            "opts = pickle.dumps(_SegmentOptions(None, None, 'past', None))\n"
            "out, err = run_chunk(_check_chunk, 't', opts, (('1', (Source('3명', id='ko', lang='ko'), "
            "Source('3 people', id='en', lang='en'))),))\n"
            "assert err is None and out[0].findings[0].verdict == 'match', out\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('distributed', 'dask', 'tqdm') "
            "or m.startswith(('factcheck.cli', 'factcheck.render', 'factcheck.progress', 'factcheck.glossary'))))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
