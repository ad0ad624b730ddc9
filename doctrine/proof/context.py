"""What an invariant checks against: a `Scenario` (a case and a seed), the `Context` that solves it
(cached per case), and the `Invariant` record (name, source, Python check, ASP form).

    Context(rulebase).outcome(case)
gives
    Outcome(case="wade", runs=(...))   (solved once per distinct case)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from clingo import Symbol

from doctrine.engine.compile import Origin, Program, compile_case, symbol_text
from doctrine.engine.rulebase import Rulebase
from doctrine.engine.solve import Outcome, Solver
from doctrine.language.diagnostics import DoctrineError
from doctrine.language.source import Span
from doctrine.language.syntax import Case
from doctrine.reasoning.verdict import Verdict, decide_verdict

T = TypeVar("T")


def _memo_key(program: Program) -> tuple[frozenset[object], int | None]:
    """What decides a case's outcome: its facts, and the date whose law is in force (not a fact)."""
    return frozenset(program.facts), program.decided


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
        # The variants each check made of a scenario (`made`), and a batch's compiled cases by
        # object with their outcomes, solved at once by `prime`; kept until the next batch.
        self._made: dict[tuple[object, int], tuple[Scenario, Any]] = {}
        self._made_limit = 4096  # and a batch's own, while it is checked
        self._programs: dict[int, tuple[Case, Program, tuple[frozenset[object], int | None]]] = {}
        self._primed: dict[tuple[frozenset[object], int | None], Outcome] = {}
        self.solved = 0
        self.pair: tuple[Case, Case] | None = None

    def made(self, sc: Scenario, make: Callable[[Scenario], T]) -> T:
        """`make(sc)`, made once per scenario: a batch solves the cases a check will compare
        before the check makes them, and the check then finds them by object."""
        key = (make, id(sc))
        hit = self._made.get(key)
        if hit is not None and hit[0] is sc:
            return hit[1]  # type: ignore[no-any-return]
        if len(self._made) > self._made_limit:  # one at a time (shrinking): kept bounded
            self._made.clear()
        out = make(sc)
        self._made[key] = (sc, out)
        return out

    def prime(self, scenarios: Sequence[Scenario], invariants: Sequence[Invariant]) -> None:
        """Solve every case the checks of `invariants` will solve for `scenarios` together (the
        compiled engine decides a batch in one pass), each distinct set of facts once; the
        last batch is forgotten.

        What a check then gets is what it would get solving alone: the same compiled case, the
        same solver. A batch that cannot be solved whole (a case without one answer set) is
        left to its checks, case by case, where the failure is theirs to report."""
        self._made, self._programs, self._primed = {}, {}, {}
        self._made_limit = 1 << 62  # every variant of the batch is kept while it is made
        programs: dict[int, tuple[Case, Program, tuple[frozenset[object], int | None]]] = {}
        todo: dict[tuple[frozenset[object], int | None], Program] = {}
        for sc in scenarios:
            for inv in invariants:
                for case in inv.cases_of(self, sc):
                    if id(case) in programs:
                        continue
                    try:
                        program = compile_case(case, "<fuzz>")
                    except DoctrineError:
                        continue
                    key = _memo_key(program)
                    programs[id(case)] = (case, program, key)
                    if key not in self._memo:
                        todo.setdefault(key, program)
        self._programs, self._made_limit = programs, len(self._made) + 4096
        try:
            outcomes = self.solver.solve_many(list(todo.values()))
        except DoctrineError:
            return
        self._primed = dict(zip(todo, outcomes))
        self.solved += len(todo)

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

    def in_force(self, case: Case, authority: str) -> bool:
        """Whether `authority` had been decided by the date whose law decides `case` (a case
        without a date is decided by today's law, where every authority is in force)."""
        date = self._compiled(case)[0].law_date(None)
        known = self.rulebase.authorities.get(authority)
        return known is None or date is None or known.date <= date

    def _compiled(self, case: Case) -> tuple[Program, tuple[frozenset[object], int | None]]:
        """The case's program (primed with its batch, or compiled now) and its memo key."""
        compiled = self._programs.get(id(case))
        if compiled is not None and compiled[0] is case:
            return compiled[1], compiled[2]
        program = compile_case(case, "<fuzz>")
        return program, _memo_key(program)

    def _solve(self, case: Case) -> Outcome:
        program, key = self._compiled(case)
        cached = self._memo.get(key) or self._primed.get(key)
        if cached is None:
            if len(self._memo) > 256:
                self._memo.clear()
            cached = self._memo[key] = self.solver.solve(program)
            self.solved += 1
        return replace(
            cached,
            case=case.id,
            facts=tuple(map(symbol_text, program.facts)),
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
    # the cases `check` solves for a scenario (a batch solves them all at once beforehand);
    # None: the scenario's case alone
    cases: Callable[[Context, Scenario], list[Case]] | None = None

    def cases_of(self, ctx: Context, sc: Scenario) -> list[Case]:
        return [sc.case] if self.cases is None else self.cases(ctx, sc)

    def asp_text(self, rulebase: Rulebase) -> str:
        return self.asp(rulebase) if callable(self.asp) else self.asp
