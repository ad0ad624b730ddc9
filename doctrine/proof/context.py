"""What an invariant checks against: a `Scenario` (a case and a seed), the `Context` that solves it
(cached per case), and the `Invariant` record (name, source, Python check, ASP form).

    Context(rulebase).outcome(case)
gives
    Outcome(case="wade", runs=(...))   (solved once per distinct case)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from clingo import Symbol

from doctrine.engine.compile import Origin, compile_case, symbol_text
from doctrine.engine.rulebase import Rulebase
from doctrine.engine.solve import Outcome, Solver
from doctrine.language.source import Span
from doctrine.language.syntax import Case
from doctrine.reasoning.verdict import Verdict, decide_verdict


@dataclass(frozen=True)
class Scenario:
    """What an invariant is checked on: a case, and a seed for the variations it draws."""

    case: Case
    seed: int = 0


class Context:
    """One solver reused for every scenario.

    Outcomes are memoised by the compiled facts and the date of decision (a case's answer is a
    function of its facts and of the law in force when it was decided;
    a renamed or reordered case that compiles to the same facts is not solved again, and the
    invariants then test the compiler), each returned with its own case's spans. `pair` is
    the last pair of cases a two-scenario check compared, for the report of a violation.
    """

    def __init__(self, rulebase: Rulebase, solver: Solver | None = None) -> None:
        self.rulebase = rulebase
        self.solver = solver or Solver(rulebase)
        self._memo: dict[tuple[frozenset[object], int | None], Outcome] = {}
        self._seen: dict[int, tuple[Case, Outcome, list[Verdict]]] = {}  # by object: no re-compiling
        self.solved = 0
        self.pair: tuple[Case, Case] | None = None

    def outcome(self, case: Case) -> Outcome:
        seen = self._seen.get(id(case))
        if seen is not None and seen[0] is case:
            return seen[1]
        if len(self._seen) > 64:
            self._seen.clear()
        outcome = self._solve(case)
        self._seen[id(case)] = (case, outcome, [])
        return outcome

    def verdict(self, case: Case) -> Verdict:
        outcome = self.outcome(case)
        verdicts = self._seen[id(case)][2]
        if not verdicts:
            verdicts.append(decide_verdict(outcome, self.rulebase))
        return verdicts[0]

    def _solve(self, case: Case) -> Outcome:
        program = compile_case(case, "<fuzz>")
        key = (frozenset(program.facts), program.decided)  # the date decides the law in force: not a fact
        cached = self._memo.get(key)
        if cached is None:
            if len(self._memo) > 256:
                self._memo.clear()
            cached = self._memo[key] = self.solver.solve(program)
            self.solved += 1
        return replace(
            cached,
            case=case.id,
            facts=tuple(symbol_text(f) for f in program.facts),
            origin={symbol_text(k): v for k, v in _pairs(program.origin)},
            title=program.title,
            citation=program.citation,
        )


def _pairs(origin: Mapping[Symbol, Span]) -> Iterable[tuple[Symbol, Span]]:
    """(fact, span) of each stated fact, without a look-up each (`Origin.pairs`)."""
    return origin.pairs() if isinstance(origin, Origin) else origin.items()


Check = Callable[[Context, Scenario], "str | None"]
PairCheck = Callable[[Context, Case, Case], "str | None"]


@dataclass(frozen=True)
class Invariant:
    """A named property of the doctrine with its legal source and its checks."""

    name: str
    description: str
    source: str
    check: Check
    asp: str | Callable[[Rulebase], str] = ""  # rules deriving `_violation`; "" if none
    varies: tuple[str, ...] = ()  # a pair property: the input predicates its worlds w1, w2 vary
    pair: PairCheck | None = None  # a pair property: the check of (world w1's case, w2's case)

    def asp_text(self, rulebase: Rulebase) -> str:
        return self.asp(rulebase) if callable(self.asp) else self.asp
