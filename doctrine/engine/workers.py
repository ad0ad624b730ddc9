"""Worker processes that lose nothing: a chunk of items is first done in one call (the compiled
engine decides a thousand cases in one pass); when that call fails (raises, overruns the time
limit, kills or hangs its worker) the chunk's items are done one by one, each result coming back
on its own, a worker that dies or overruns the time limit is replaced, the item it was on is
retried once alone, and an item that fails twice is reported as `Failed`, never dropped.

    stream(items=[a, b, c], work=solve_chunk, workers=2, timeout=60)
yields, in order,
    result(a), Failed(b, "the worker process died (signal 9)"), result(c)

(`doctrine.engine.batch.stream_chunks` is the entry point; this module is its process pool.)
"""

from __future__ import annotations

import contextlib
import gc
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # the pool's modules are imported when a pool is made (a single case never needs them)
    from multiprocessing.connection import Connection

T = TypeVar("T")

STARTUP_LIMIT = 300.0  # seconds a new worker may take to load and ground the rules


@dataclass(frozen=True)
class Failed(Generic[T]):
    """An item a batch could not process, and why (its error, a dead worker, the time limit)."""

    item: T
    reason: str


@dataclass(frozen=True)
class CaseError:
    """What `attempt` returns for an item whose work raised or overran (sent from a worker)."""

    reason: str


@dataclass(frozen=True)
class Bundle:
    """The results of one item that stood for several (work gave more or fewer than one)."""

    results: tuple[Any, ...]


@dataclass(frozen=True)
class Deferred:
    """Cases named rather than carried: the worker that decides them calls `read(*args)` for
    its (case, source) pairs, so only a function's name and a few values cross between
    processes (unpickling a case costs as much as deciding it). `read` must be a module-level
    function; `size` is how many pairs it gives (a chunk counts it, not the one item)."""

    read: Callable[..., list[Any]]
    args: tuple[object, ...] = ()
    size: int = 1


def weight(item: object) -> int:
    """How many results an item gives: a Deferred's `size`, else one."""
    return item.size if isinstance(item, Deferred) else 1


WHOLE = b"W"
"""The first byte of a worker's message for a chunk done in one call (its results, pickled, follow).
No pickled message starts with it: pickle's protocols 2 and later start with their PROTO opcode."""


@dataclass(frozen=True)
class _Fallback:
    """A worker's word that its chunk failed as a whole and comes item by item."""


FALLBACK = _Fallback()


def take(it: Iterator[T], size: int) -> list[T]:
    """The next items of `it` up to `size` results (a Deferred item counts its `size`)."""
    chunk: list[T] = []
    total = 0
    while total < size:
        item = next(it, None)
        if item is None:
            break
        chunk.append(item)
        total += weight(item)
    return chunk


class _TimeLimit(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """In this process: SIGALRM interrupts Python code that runs past `seconds` (main thread only)."""
    if seconds is None or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise _TimeLimit

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def attempt(work: Callable[[list[Any]], list[Any]], item: Any, timeout: float | None = None) -> Any:
    """`work([item])`'s one result (a `Bundle` if it gave several), or a `CaseError` naming what
    went wrong."""
    try:
        with _time_limit(timeout):
            results = work([item])
        return results[0] if len(results) == 1 else Bundle(tuple(results))
    except _TimeLimit:
        return CaseError(f"took longer than the time limit of {timeout:g} s")
    except Exception as e:  # one bad case must not stop the batch; its error is reported
        return CaseError(f"{type(e).__name__}: {e}")


@contextlib.contextmanager
def collector_paused(age: bool = False, freeze: bool = False) -> Iterator[None]:
    """Python's cyclic garbage collector paused while a chunk is worked: what a chunk makes
    lives until the chunk is done, and each collection walked every object of the loaded
    engines again (measured: 15-20% of a batch). It runs again, as before, afterwards.

    With `age`, what the chunk made and still holds (its results, the engines' new tables) is
    first moved to the collector's oldest generation without being walked (`_aged`; a worker,
    whose objects are all its own, `freeze`s them): otherwise the first allocation after the
    pause walks all of it as new (measured: 3% of a batch of verdicts, 5-6% with explanations,
    every chunk). Only for work that leaves no cyclic garbage (a chunk of cases frees what it
    drops as it drops it: `tests/engine/test_batch.py`), so that nothing waits longer for it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    except BaseException:  # what failed work left behind is not kept from the collector
        if enabled:
            gc.enable()
        raise
    if enabled:
        if freeze:
            gc.freeze()
        elif age:
            _aged()
        gc.enable()


def _aged() -> None:
    """Every object the collector tracks moved to its oldest generation without walking it
    (frozen, then unfrozen at once), unless some are frozen already (by the caller): those
    must stay frozen."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def attempt_whole(work: Callable[[list[Any]], list[Any]], items: list[Any], timeout: float | None = None,
                  worker: bool = False) -> list[Any] | None:
    """Each item's result (a `Bundle` for a Deferred) from one call of `work` on them all, or
    None when that call raises, overruns `timeout` or gives another number of results. The
    collector is paused meanwhile, and what the call made aged (`collector_paused`; frozen in
    a `worker` process)."""
    try:
        with _time_limit(timeout), collector_paused(age=True, freeze=worker):
            results = work(items)
    except Exception:  # _TimeLimit included: the items are then done one by one
        return None
    sizes = [weight(item) for item in items]
    if len(results) != sum(sizes):
        return None
    out, at = [], 0
    for item, n in zip(items, sizes):
        out.append(Bundle(tuple(results[at : at + n])) if isinstance(item, Deferred) else results[at])
        at += n
    return out


def _worker_main(conn: Connection, work: Callable[..., list[Any]], initializer: Callable[..., None],
                 initargs: tuple[Any, ...], timeout: float | None = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    initializer(*initargs)
    conn.send("ready")
    while (task := conn.recv()) is not None:
        whole, chunk = task
        if whole:
            results = attempt_whole(work, chunk, timeout, worker=True)
            if results is not None:
                # tagged bytes, not a pickled message: the parent knows the chunk is done (and
                # gives this worker its next) before it reads the results (`Pool._wait`)
                conn.send_bytes(WHOLE + pickle.dumps(tuple(results), pickle.HIGHEST_PROTOCOL))
                del results
                # What lives on after a chunk is this worker's engines and caches: the cyclic
                # collector need not walk them again (in a worker process, which is ours alone).
                gc.freeze()
                continue
            conn.send(FALLBACK)
        for item in chunk:
            conn.send(attempt(work, item))


@dataclass
class _Task:
    items: list[tuple[int, Any]]  # (position in the stream, item)
    tries: int = 1
    whole: bool = True  # first tried in one call; False once that failed, or for a retry


class _Worker:
    def __init__(self, ctx: Any, target: Callable[..., None], args: tuple[Any, ...]) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=target, args=(child, *args), daemon=True)
        self.process.start()
        child.close()
        self.ready, self.done = False, 0
        self.task: _Task | None = None
        self.deadline = time.monotonic() + STARTUP_LIMIT

    def stop(self, kill: bool) -> None:
        self.ask_to_stop(kill)
        self.join()

    def ask_to_stop(self, kill: bool) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)

    def join(self) -> None:
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class Pool:
    """`workers` processes; results in input order; every item accounted for."""

    def __init__(self, work: Callable[[list[Any]], list[Any]], workers: int, initializer: Callable[..., None],
                 initargs: tuple[Any, ...], timeout: float | None) -> None:
        self.args = (work, initializer, initargs, timeout)
        self.size, self.timeout = workers, timeout
        import multiprocessing

        self.ctx = multiprocessing.get_context()
        self.workers: list[_Worker] = []
        self.pending: deque[_Task] = deque()
        self.results: dict[int, Any] = {}

    def stream(self, items: Iterable[Any], chunk_size: int) -> Iterator[Any]:
        it, read, out, exhausted = iter(items), 0, 0, False
        ends: deque[int] = deque()  # where each chunk not yet given out ends
        try:
            while True:
                while not exhausted and len(ends) < 2 * self.size:
                    chunk = take(it, chunk_size)
                    if not chunk:
                        exhausted = True
                        break
                    self.pending.append(_Task(list(enumerate(chunk, read))))
                    read += len(chunk)
                    ends.append(read)
                self._dispatch()
                while out in self.results:
                    r = self.results.pop(out)
                    if isinstance(r, Bundle):
                        yield from r.results
                    else:
                        yield r
                    out += 1
                while ends and ends[0] <= out:
                    ends.popleft()
                if out == read and not self.pending:
                    if exhausted:
                        return
                    continue  # every item read so far is done: read more before waiting
                self._wait()
        finally:  # every worker told first, then each awaited: they end together
            for w in self.workers:
                w.ask_to_stop(kill=w.task is not None)
            for w in self.workers:
                w.join()

    def _dispatch(self) -> None:
        for w in self.workers:
            if w.task is None and self.pending:
                self._send(w, self.pending.popleft())
        while self.pending and len(self.workers) < self.size:
            w = _Worker(self.ctx, _worker_main, self.args)
            self.workers.append(w)
            self._send(w, self.pending.popleft())

    def _limit(self, task: _Task) -> float:
        """Seconds until the worker must next be heard from: a chunk tried whole has its time
        limit in the worker, then the parent's to say so."""
        return (self.timeout or float("inf")) * (2 if task.whole else 1)

    def _send(self, w: _Worker, task: _Task) -> None:
        w.task, w.done = task, 0
        if w.ready:
            w.deadline = time.monotonic() + self._limit(task)
        with contextlib.suppress(OSError):  # a worker that died idle is found by the next wait
            w.conn.send((task.whole, [item for _, item in task.items]))

    def _wait(self) -> None:
        from multiprocessing.connection import wait

        busy = [w for w in self.workers if w.task is not None]
        left = min(w.deadline for w in busy) - time.monotonic()
        wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=max(0.0, min(left, 3600.0)))
        for w in busy:
            try:
                while w.task is not None and w.conn.poll():
                    data = w.conn.recv_bytes()
                    whole = data[:1] == WHOLE
                    if whole:  # the chunk is done: the worker is given its next before its results are read
                        task, w.task = w.task, None
                        self._dispatch()
                    # A chunk's results unpickled hold no cycle: aged, not walked as new by the
                    # collections their thousands of objects would set off (`collector_paused`)
                    with collector_paused(age=True):
                        message = pickle.loads(memoryview(data)[1:] if whole else data)
                    if whole:
                        for (index, _), r in zip(task.items, message):
                            self.results[index] = r
                    else:
                        self._receive(w, message)
            except (EOFError, OSError):
                pass
            if w.task is None:
                continue
            if not w.process.is_alive():
                self._lose(w, f"the worker process died (exit code {w.process.exitcode})")
            elif time.monotonic() > w.deadline:
                self._lose(w, f"took longer than the time limit of {self.timeout:g} s" if w.ready
                           else "the worker process did not start")

    def _receive(self, w: _Worker, message: Any) -> None:
        assert w.task is not None
        if isinstance(message, _Fallback):
            w.task.whole = False
        w.deadline = time.monotonic() + self._limit(w.task)
        if isinstance(message, _Fallback) or message == "ready":
            w.ready = True
            return
        index, item = w.task.items[w.done]
        self.results[index] = Failed(item, message.reason) if isinstance(message, CaseError) else message
        w.done += 1
        if w.done == len(w.task.items):
            w.task = None

    def _lose(self, w: _Worker, reason: str) -> None:
        """A worker died or hung on an item: retry that item once alone, requeue the untried rest."""
        task = w.task
        assert task is not None
        w.stop(kill=True)
        self.workers.remove(w)
        if task.whole:  # lost while trying the chunk whole: no item is to blame yet
            self.pending.appendleft(_Task(task.items, task.tries, whole=False))
            return
        (index, item), rest = task.items[w.done], task.items[w.done + 1 :]
        if rest:
            self.pending.appendleft(_Task(rest, task.tries))
        if task.tries >= 2:
            self.results[index] = Failed(item, reason)
        else:
            self.pending.appendleft(_Task([(index, item)], task.tries + 1, whole=False))
