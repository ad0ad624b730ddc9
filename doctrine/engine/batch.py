"""Batch: one code path for 1 or 1,000,000 cases, streamed in chunks, in this process or in workers.

Each worker grounds the doctrine once per jurisdiction (a `Solver` kept between batches), so
only small frozen values cross between processes.

    solve_cases([(billings, "billings.case")], workers=4)
yields
    Outcome(case="billings", runs=(...))

Nothing is lost: a case whose evaluation raises, whose worker dies twice, or that runs past the
time limit comes back as `Failed(item, reason)` in its place (`doctrine.engine.workers`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from doctrine.engine.compile import compile_case
from doctrine.engine.engines import make_solver
from doctrine.engine.rulebase import load_rulebase
from doctrine.engine.solve import Outcome, Solver
from doctrine.engine.workers import Bundle, CaseError, Deferred, Failed, Pool, attempt, attempt_whole, take
from doctrine.language.diagnostics import Diagnostic, DoctrineError
from doctrine.language.source import NOWHERE
from doctrine.language.syntax import Case

__all__ = ["Deferred", "Failed", "default_workers", "solve_cases", "stream_chunks", "worker_solver"]
DEFAULT_TIMEOUT = 60.0  # seconds one case may take (the doctrine decides a case in milliseconds)

T = TypeVar("T")
R = TypeVar("R")


def expand(chunk: Sequence[tuple[Case, str] | Deferred]) -> list[tuple[Case, str]]:
    """The (case, source) pairs of a chunk, reading every Deferred item."""
    out: list[tuple[Case, str]] = []
    for item in chunk:
        if isinstance(item, Deferred):
            out.extend(item.read(*item.args))
        else:
            out.append(item)
    return out


def stream_chunks(
    items: Iterable[T],
    work: Callable[[list[T]], list[R]],
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[object, ...],
    chunk_size: int = 1000,
    timeout: float | None = None,
) -> Iterator[R | Failed[T]]:
    """Apply `work` to chunks of `items`, in order, streaming, in this process or in `workers`.

    Each chunk is first done in one call of `work` (the compiled engine decides it in one pass);
    only when that call fails are its items done one by one, and then every item yields its
    result or a `Failed` in its place: `work` raising for it, its worker dying twice (an item is retried once, alone, in a new worker), or running past `timeout`
    seconds (in this process only Python code can be interrupted, on the main thread). At most
    two chunks per worker are in flight, so memory stays flat in the number of items. `work` and
    `initializer` must be module-level functions (they are sent to the workers).
    """
    it = iter(items)
    if workers <= 1:
        # Initialised again before every chunk: two streams consumed in turn in one process
        # (a diff of two rulebases) must not run on each other's settings.
        # The whole chunk is done before it is yielded, for the same reason.
        while chunk := take(it, chunk_size):
            initializer(*initargs)
            whole = attempt_whole(work, chunk, timeout)
            if whole is None:
                whole = [attempt(work, item, timeout) for item in chunk]
            for item, r in zip(chunk, whole):
                if isinstance(r, CaseError):
                    yield Failed(item, r.reason)
                elif isinstance(r, Bundle):  # an item that stood for several (a Deferred)
                    yield from r.results
                else:
                    yield r
        return
    yield from Pool(work, workers, initializer, initargs, timeout).stream(it, chunk_size)


def settled(results: Iterable[R | Failed[Any]], failures: list[Failed[Any]] | None) -> Iterator[R]:
    """The results, each `Failed` appended to `failures` (or raised as `BatchFailure` without a list)."""
    for r in results:
        if isinstance(r, Failed):
            if failures is None:
                raise BatchFailure(r)
            failures.append(r)
        else:
            yield r


class BatchFailure(DoctrineError):
    """A case of a batch that could not be decided, where the caller collects no failures: a
    `DoctrineError` with one `case-failed` diagnostic at the case."""

    def __init__(self, failed: Failed[Any]) -> None:
        self.failed = failed
        item = failed.item
        case = item[0] if isinstance(item, tuple) and item else None
        span = case.span if isinstance(case, Case) else NOWHERE
        name = f"case {case.id}" if isinstance(case, Case) else "a case"
        super().__init__([Diagnostic("case-failed", f"{name} could not be decided: {failed.reason}", span)])


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
    timeout: float | None = None,
    engine: str = "compiled",
) -> Iterator[Outcome | Failed[tuple[Case, str] | Deferred]]:
    """Solve (case, source name) pairs in order, streaming; `workers` > 1 uses processes.

    A case that cannot be decided yields `Failed` in its place (see `stream_chunks`). `engine` is
    `compiled` (the ground doctrine evaluated for many cases at once) or `clingo` (clingo's solve,
    case by case: the reference)."""
    init = (rules, trace, jurisdiction, as_of, engine)
    return stream_chunks(cases, _solve_chunk, workers, _init_worker, init, chunk_size, timeout)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
