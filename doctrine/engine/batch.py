"""Batch: one code path for 1 or 1,000,000 cases, streamed in chunks, in this process or in workers.

Each worker grounds the doctrine once per jurisdiction (a `Solver` kept between batches), so
only small frozen values cross between processes.

    solve_cases([(billings, "billings.case")], workers=4)
yields
    Outcome(case="billings", runs=(...))
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from doctrine.engine.compile import compile_case
from doctrine.engine.engines import make_solver
from doctrine.engine.rulebase import load_rulebase
from doctrine.engine.solve import Outcome, Solver
from doctrine.language.syntax import Case

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Deferred:
    """Cases named rather than carried: the worker that decides them calls `read(*args)` for
    its (case, source) pairs, so only a function's name and a few values cross between
    processes (unpickling a case costs as much as deciding it). `read` must be a module-level
    function; `size` is how many pairs it gives (a chunk counts it, not the one item)."""

    read: Callable[..., list[tuple[Case, str]]]
    args: tuple[object, ...] = ()
    size: int = 1


def expand(chunk: Sequence[tuple[Case, str] | Deferred]) -> list[tuple[Case, str]]:
    """The (case, source) pairs of a chunk, reading every Deferred item."""
    out: list[tuple[Case, str]] = []
    for item in chunk:
        if isinstance(item, Deferred):
            out.extend(item.read(*item.args))
        else:
            out.append(item)
    return out


def _take(it: Iterator[T], size: int) -> list[T]:
    """The next items of `it` up to `size` cases (a Deferred item counts its `size`)."""
    chunk: list[T] = []
    weight = 0
    while weight < size:
        item = next(it, None)
        if item is None:
            break
        chunk.append(item)
        weight += item.size if isinstance(item, Deferred) else 1
    return chunk


def stream_chunks(
    items: Iterable[T],
    work: Callable[[list[T]], list[R]],
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[object, ...],
    chunk_size: int = 1000,
) -> Iterator[R]:
    """Apply `work` to chunks of `items`, in order, streaming, in this process or in `workers`.

    At most two chunks per worker are in flight, so memory stays flat in the number of items.
    `work` and `initializer` must be module-level functions (they are sent to the workers).
    """
    it = iter(items)
    if workers <= 1:
        # Initialised again before every chunk: two streams consumed in turn in one process
        # (a diff of two rulebases) must not run on each other's settings.
        while chunk := _take(it, chunk_size):
            initializer(*initargs)
            yield from work(chunk)
        return
    with ProcessPoolExecutor(workers, initializer=initializer, initargs=initargs) as pool:
        pending: list[Future[list[R]]] = []
        while True:
            chunk = _take(it, chunk_size)
            if chunk:
                pending.append(pool.submit(work, chunk))
            if pending and (not chunk or len(pending) >= 2 * workers):
                yield from pending.pop(0).result()
            if not chunk and not pending:
                return


_WORKER: dict[str, object] = {}
_SOLVERS: dict[tuple[str, bool, str], Solver] = {}  # by (rules digest, trace, engine); a few, newest last


def _init_worker(rules: str | None, trace: bool, jurisdiction: str | None, as_of: int | None, engine: str = "compiled") -> None:
    rulebase = load_rulebase(rules)
    key = (rulebase.digest, trace, engine)
    if key not in _SOLVERS:
        while len(_SOLVERS) >= 4:  # each Solver holds grounded Controls; keep memory bounded
            del _SOLVERS[next(iter(_SOLVERS))]
        _SOLVERS[key] = make_solver(rulebase, trace, engine)
    _WORKER.update(solver=_SOLVERS[key], jurisdiction=jurisdiction, as_of=as_of)


def worker_solver() -> Solver:
    """This process's Solver (made by the batch initializer, kept between batches)."""
    return _WORKER["solver"]  # type: ignore[return-value]


def worker_outcomes(chunk: Sequence[tuple[Case, str] | Deferred]) -> list[Outcome]:
    """The outcomes of a chunk of cases, all at once, with this worker's solver and settings."""
    programs = [compile_case(c, src) for c, src in expand(chunk)]
    return worker_solver().solve_many(programs, _WORKER["jurisdiction"], _WORKER["as_of"])  # type: ignore[arg-type]


def _solve_chunk(chunk: list[tuple[Case, str] | Deferred]) -> list[Outcome]:
    return worker_outcomes(chunk)


def solve_cases(
    cases: Iterable[tuple[Case, str] | Deferred],
    rules: str | None = None,
    workers: int = 1,
    trace: bool = True,
    jurisdiction: str | None = None,
    as_of: int | None = None,
    chunk_size: int = 1000,
    engine: str = "compiled",
) -> Iterator[Outcome]:
    """Solve (case, source name) pairs in order, streaming; `workers` > 1 uses processes.

    `engine` is `compiled` (the ground doctrine evaluated for a chunk at once) or `clingo`
    (clingo's solve, case by case: the reference)."""
    init = (rules, trace, jurisdiction, as_of, engine)
    return stream_chunks(cases, _solve_chunk, workers, _init_worker, init, chunk_size)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
