"""Batch evaluation: (case, source) pairs -> (Verdict, Explanation | None), streamed.

The one code path for 1 or 1,000,000 cases: each worker grounds the doctrine once per
jurisdiction (doctrine.engine.solve.Engine), and verdicts and explanations are built in the worker,
so only small frozen values cross between processes.

    evaluate([(billings, "billings.case")], explain=True)
yields
    Evaluation(verdict=Verdict(case="billings", ...), explanation=Explanation(...))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from doctrine.engine.batch import (
    _WORKER,
    Deferred,
    Failed,
    _init_worker,
    settled,
    stream_chunks,
    worker_outcomes,
    worker_solver,
)
from doctrine.language.syntax import Case
from doctrine.reasoning.explanation import Explanation, explain_packed
from doctrine.reasoning.nodes import Packed, pack_explanation, unpack_explanation
from doctrine.reasoning.verdict import Verdict, decide_verdict_packed, pack_verdict, unpack_verdict


class Evaluation:
    """One case's verdict, and its explanation when one was asked for.

    From a worker process both come as tuples (`pack_verdict`, `pack_explanation`), and a batch
    builds an explanation as those tuples (`explain_packed`): they are made a `Verdict` and an
    `Explanation` only when first read."""

    __slots__ = ("_explanation", "_packed", "_packed_explanation", "_verdict")

    def __init__(self, verdict: Verdict | None = None, explanation: Explanation | None = None,
                 packed: Packed | None = None, packed_explanation: Packed | None = None) -> None:
        self._verdict = verdict if verdict is not None or explanation is None else explanation.verdict
        self._explanation = explanation
        self._packed = packed
        self._packed_explanation = packed_explanation

    @property
    def verdict(self) -> Verdict:
        if self._verdict is None:
            packed = self._packed if self._packed is not None else self._packed_explanation[0]  # type: ignore[index]
            self._verdict = unpack_verdict(packed)
        return self._verdict

    @property
    def explanation(self) -> Explanation | None:
        if self._explanation is None and self._packed_explanation is not None:
            self._explanation = unpack_explanation(self._packed_explanation, self._verdict)
            self._verdict = self._explanation.verdict
        return self._explanation

    def __reduce__(self) -> tuple[Any, ...]:
        if self._explanation is None and self._packed_explanation is None:
            return (Evaluation, (None, None, self._packed if self._verdict is None else pack_verdict(self._verdict)))
        packed = self._packed_explanation
        if packed is None:
            packed = pack_explanation(self._explanation)  # type: ignore[arg-type]  # not None here
        return (Evaluation, (None, None, None, packed))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Evaluation):
            return NotImplemented
        return (self.verdict, self.explanation) == (other.verdict, other.explanation)

    __hash__ = None  # type: ignore[assignment]  # mutable in its cache, like an unfrozen dataclass

    def __repr__(self) -> str:
        return f"Evaluation(verdict={self.verdict!r}, explanation={self.explanation!r})"


def _init(
    rules: str | None, trace: bool, jurisdiction: str | None, as_of: int | None, why: str | None, why_not: str | None,
    engine: str = "compiled",
) -> None:
    _init_worker(rules, trace, jurisdiction, as_of, engine)
    _WORKER.update(why=why, why_not=why_not)


def _evaluate_chunk(chunk: list[tuple[Case, str] | Deferred]) -> list[Evaluation]:
    solver = worker_solver()
    out = []
    for outcome in worker_outcomes(chunk):
        if solver.trace:  # the explanation as it is sent between processes, unpacked only when read
            verdict, packed = explain_packed(outcome, solver.rulebase, _WORKER["why"], _WORKER["why_not"])  # type: ignore[arg-type]
            out.append(Evaluation(verdict, packed_explanation=packed))
        else:  # the verdict as it is sent between processes, made a Verdict only when read
            out.append(Evaluation(packed=decide_verdict_packed(outcome, solver.rulebase)))
    return out


def evaluate(
    cases: Iterable[tuple[Case, str] | Deferred],
    rules: str | None = None,
    workers: int = 1,
    explained: bool = False,
    jurisdiction: str | None = None,
    as_of: int | None = None,
    why: str | None = None,
    why_not: str | None = None,
    chunk_size: int = 1000,
    timeout: float | None = None,
    failures: list[Failed[tuple[Case, str]]] | None = None,
    engine: str = "compiled",
) -> Iterator[Evaluation]:
    """Decide (and with `explained`, explain) every case, in order, streaming.

    Parameters
    ----------
    cases
        (Case, source name) pairs, or `Deferred` slices a worker reads itself; any
        iterable, consumed lazily.
    workers
        Processes to spread the chunks over; 1 evaluates in this process.
    explained
        Build the why trees (and the why-not of `why_not`) as well as the verdicts.
    timeout
        Seconds one case may take; past it the case fails (see `doctrine.engine.batch`).
    failures
        Where each case that could not be decided is appended as `Failed((case, source), reason)`
        (and skipped); without it such a case raises `BatchFailure`.
    engine
        `compiled` (the ground doctrine evaluated for many cases at once) or `clingo` (the reference).
    """
    init = (rules, explained, jurisdiction, as_of, why, why_not, engine)
    stream = stream_chunks(cases, _evaluate_chunk, workers, _init, init, chunk_size, timeout)
    return settled(stream, failures)
