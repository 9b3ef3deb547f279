"""Run chunks of work on any :class:`concurrent.futures.Executor` and get the results back in
input order, with a bounded look-ahead (memory stays flat however long the input).

The executor is the caller's: a ``ProcessPoolExecutor``, a thread pool, or a Dask cluster's
``Client.get_executor()``. What every chunk shares (the glossary, the rates, the options) is
pickled once here; the first chunks carry the bytes and the others only a token (a hash of
the bytes). A worker unpickles the bytes once and keeps them in a small ``lru_cache`` keyed by
that token, so a long run sends them about once per worker, never once per segment. A worker that
meets a token it does not know says so, and its chunk is sent again with the bytes. The cache
is bounded (:data:`CACHED_CONTEXTS` entries) and its values are a pure function of their key:
nothing a caller can observe depends on it.

This module knows nothing of segments or findings: :mod:`factcheck.api` gives it a module-level
function ``fn(shared, items)`` and reads the results.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, CancelledError, Executor, Future
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from factcheck.errors import WorkerError

__all__ = ["CACHED_CONTEXTS", "Chunk", "chunked", "ordered_map", "run_chunk"]

T = TypeVar("T")

#: contexts a worker keeps, by token (the newest ones)
CACHED_CONTEXTS = 4

class _Missing:
    """What a worker answers when it does not hold the context of a token."""

    def __reduce__(self) -> str:
        return "MISSING"


MISSING = _Missing()


@dataclass(frozen=True)
class Chunk(Generic[T]):
    """Consecutive items of the input: ``start`` is the position of the first one (from 0)."""

    start: int
    items: tuple[T, ...]

    @property
    def end(self) -> int:
        """The position of the last item."""
        return self.start + len(self.items) - 1


class _Box:
    """Where a worker keeps the context of one token, once it has unpickled it."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value: Any = MISSING


@functools.lru_cache(maxsize=CACHED_CONTEXTS)
def _box(token: str) -> _Box:
    """The box of ``token``: a bounded cache keyed by a small value, whose content is a pure
    function of its key (the token is a hash of the bytes)."""
    return _Box()


def _context(token: str, payload: bytes | None) -> Any:
    box = _box(token)
    if box.value is MISSING and payload is not None:
        box.value = pickle.loads(payload)  # two threads may both unpickle: the same value
    return box.value


def run_chunk(fn: Callable[[Any, tuple[Any, ...]], Any], token: str, payload: bytes | None,
              items: tuple[Any, ...]) -> Any:
    """What a worker runs: ``fn(shared, items)``, the shared context read from the cache (or
    from ``payload``, then cached); :data:`MISSING` when it has neither."""
    shared = _context(token, payload)
    if shared is MISSING:
        return MISSING
    return fn(shared, items)


def chunked(items: Iterable[T], size: int) -> Iterator[Chunk[T] | BaseException]:
    """The items in chunks of ``size``. An error raised by the input itself is not raised
    here: the items before it come out as a (shorter) chunk, then the error, then nothing, so
    that the caller can raise it in its turn, after the results of the items before it."""
    if size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {size}")
    buf: list[T] = []
    start = 0
    it = iter(items)
    while True:
        try:
            item = next(it)
        except StopIteration:
            break
        except Exception as exc:  # the input's own error, raised in order by ordered_map
            if buf:
                yield Chunk(start, tuple(buf))
            yield exc
            return
        buf.append(item)
        if len(buf) == size:
            yield Chunk(start, tuple(buf))
            start += size
            buf = []
    if buf:
        yield Chunk(start, tuple(buf))


def ordered_map(executor: Executor, fn: Callable[[Any, tuple[T, ...]], Any], shared: object,
                items: Iterable[T], *, chunk_size: int, lookahead: int,
                describe: Callable[[Chunk[T]], str]) -> Iterator[tuple[Chunk[T], Any]]:
    """``(chunk, fn(shared, chunk.items))`` for the chunks of ``items``, in input order, the
    chunks run on ``executor``; at most ``lookahead`` chunks are submitted and not yet given
    back. ``fn`` must be a module-level function (it is pickled by reference). An error the
    input raises is raised after the results of the chunks before it. A worker that dies
    (a broken pool, a Dask worker killed) raises :class:`WorkerError` naming the chunk
    (``describe(chunk)``): no partial result is ever given as complete."""
    if lookahead < 1:
        raise ValueError(f"lookahead must be at least 1, not {lookahead}")
    payload = pickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL)
    token = hashlib.sha256(payload).hexdigest()[:32]
    with_payload = max(1, lookahead // 2)  # the first wave carries the bytes: one per worker, about
    pending: deque[tuple[Chunk[T] | BaseException, Future[Any] | None]] = deque()
    source = chunked(items, chunk_size)
    sent = 0

    def submit(chunk: Chunk[T], carry: bool) -> Future[Any]:
        return executor.submit(run_chunk, fn, token, payload if carry else None, chunk.items)

    def fill() -> None:
        nonlocal sent
        while len(pending) < lookahead:
            nxt = next(source, None)
            if nxt is None:
                return
            if isinstance(nxt, BaseException):
                pending.append((nxt, None))
                return
            pending.append((nxt, submit(nxt, sent < with_payload)))
            sent += 1

    try:
        fill()
        while pending:
            chunk, future = pending.popleft()
            if isinstance(chunk, BaseException):
                raise chunk
            assert future is not None
            result = _result(future, chunk, describe)
            if result is MISSING or isinstance(result, _Missing):  # this worker has not seen the bytes yet
                result = _result(submit(chunk, True), chunk, describe)
            fill()
            yield chunk, result
    finally:
        for _, future in pending:
            if future is not None:
                future.cancel()


def _result(future: Future[Any], chunk: Chunk[T], describe: Callable[[Chunk[T]], str]) -> Any:
    try:
        return future.result()
    except (BrokenExecutor, CancelledError) as exc:
        raise WorkerError(_lost(chunk, describe, exc)) from None
    except Exception as exc:
        if type(exc).__name__ in ("KilledWorker", "CommClosedError", "FutureCancelledError"):  # Dask's
            raise WorkerError(_lost(chunk, describe, exc)) from None
        raise


def _lost(chunk: Chunk[T], describe: Callable[[Chunk[T]], str], exc: BaseException) -> str:
    why = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return (f"a worker stopped while checking {describe(chunk)} ({type(exc).__name__}: {why}); "
            "no report: the run is incomplete")
