"""Compare: Case -> Comparison (the outcome under every jurisdiction setting and branch) and
Case -> Timeline (the outcome as of each date an authority was decided).

A column is one run of the case: one jurisdiction's settings and one branch of the questions it
leaves open. Columns that reach different outcomes diverge; the rules that cause it are the
holdings applied in one column of the pair and not in the other (for each pair of outcomes, the
pair of columns that differ least). A timeline step decides the case with only the authorities
decided by that date (`--as-of`), and names the decisions that changed the outcome.

    compare(billings)
becomes
    Comparison(columns=(Column("default", (("rounsavall_rule", "recognized"), ...), relief=("discovery", ...)) ...),
               divergences=(Divergence(left=0, right=1, only_left=(("billings_rounsavall", ...),), ...),))
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from doctrine.engine.compile import compile_case
from doctrine.engine.rulebase import Rulebase
from doctrine.engine.solve import Run, Solver, circuit_of
from doctrine.language.syntax import Case
from doctrine.reasoning.verdict import QUESTION_ORDER, Verdict, decide_verdict

Holding = tuple[str, str]  # (rule id, the conclusion it decided)


@dataclass(frozen=True)
class Column:
    """One run: a jurisdiction, one branch of its open questions, what came out and why."""

    jurisdiction: str
    branch: tuple[tuple[str, str], ...]
    relief: tuple[str, ...]
    below_minimum: tuple[str, ...]
    holdings: frozenset[Holding]
    positions: tuple[tuple[str, str], ...] = ()  # every question: the setting, or the branch taken

    @property
    def label(self) -> str:
        cond = ", ".join(f"{q}={p}" for q, p in self.branch)
        return self.jurisdiction + (f" [{cond}]" if cond else "")

    @property
    def outcome(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self.relief, self.below_minimum

    @staticmethod
    def of(rulebase: Rulebase, jurisdiction: str, run: Run) -> Column:
        settings = rulebase.jurisdictions.get(jurisdiction, {})
        questions = sorted({q for s in rulebase.jurisdictions.values() for q in s})
        branch = dict(run.branch)
        positions = tuple((q, branch.get(q, settings.get(q, "unstated"))) for q in questions)
        return Column(
            jurisdiction, run.branch, run.relief, run.below_minimum, frozenset(run.applied), positions
        )


@dataclass(frozen=True)
class Divergence:
    """Two columns with different outcomes, the questions on which their law differs, and the
    holdings that separate them."""

    left: int
    right: int
    questions: tuple[tuple[str, str, str], ...]  # (question, left position, right position)
    only_left: tuple[Holding, ...]
    only_right: tuple[Holding, ...]


@dataclass(frozen=True)
class Comparison:
    case: str
    source: str
    as_of: int | None
    columns: tuple[Column, ...]
    verdicts: tuple[Verdict, ...]  # one per jurisdiction, in column order
    rows: tuple[Holding, ...]  # every holding of any column, in the order courts take them
    divergences: tuple[Divergence, ...]

    @property
    def diverges(self) -> bool:
        return bool(self.divergences)

    def divergent_rows(self) -> frozenset[Holding]:
        return frozenset(h for d in self.divergences for h in (*d.only_left, *d.only_right))


def _rank(rulebase: Rulebase, h: Holding) -> tuple[int, str, str]:
    info = rulebase.rules.get(h[0])
    q = info.question if info else ""
    return (QUESTION_ORDER.index(q) if q in QUESTION_ORDER else len(QUESTION_ORDER), h[0], h[1])


def _questions(a: Column, b: Column) -> tuple[tuple[str, str, str], ...]:
    right = dict(b.positions)
    return tuple((q, p, right[q]) for q, p in a.positions if right.get(q) != p)


def _divergences(columns: tuple[Column, ...]) -> tuple[Divergence, ...]:
    """For each pair of different outcomes: the column pairs whose law differs on the fewest
    questions, one pair per set of questions (the pair whose holdings differ least)."""
    by_outcome: dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]] = {}
    for i, c in enumerate(columns):
        by_outcome.setdefault(c.outcome, []).append(i)
    out = []
    for a, b in itertools.combinations(by_outcome.values(), 2):
        pairs = [(i, j, _questions(columns[i], columns[j])) for i, j in itertools.product(a, b)]
        fewest = min(len(q) for _, _, q in pairs)
        best: dict[frozenset[str], tuple[int, int, int]] = {}
        for i, j, qs in pairs:
            if len(qs) != fewest:
                continue
            key, size = frozenset(q for q, _, _ in qs), len(columns[i].holdings ^ columns[j].holdings)
            if key not in best or (size, i, j) < best[key]:
                best[key] = (size, i, j)
        for _, i, j in sorted(best.values(), key=lambda t: (t[1], t[2])):
            left, right = columns[i].holdings, columns[j].holdings
            out.append(
                Divergence(
                    i,
                    j,
                    _questions(columns[i], columns[j]),
                    tuple(sorted(left - right)),
                    tuple(sorted(right - left)),
                )
            )
    return tuple(out)


def compare(
    case: Case,
    solver: Solver | None = None,
    *,
    jurisdictions: Iterable[str] | None = None,
    as_of: int | None = None,
    source: str = "",
) -> Comparison:
    """The case under every jurisdiction setting (or those named) and every branch."""
    solver = solver or Solver()
    rulebase = solver.rulebase
    program = compile_case(case, source)
    names = tuple(jurisdictions) if jurisdictions else tuple(sorted(rulebase.jurisdictions))
    columns: list[Column] = []
    verdicts = []
    for j in names:
        outcome = solver.solve(program, j, as_of)
        verdicts.append(decide_verdict(outcome, rulebase))
        columns.extend(Column.of(rulebase, j, r) for r in outcome.primary)
    rows = sorted({h for c in columns for h in c.holdings}, key=lambda h: _rank(rulebase, h))
    cols = tuple(columns)
    return Comparison(case.id, source, as_of, cols, tuple(verdicts), tuple(rows), _divergences(cols))


# ---------------------------------------------------------------------------------------------
# Timeline


@dataclass(frozen=True)
class Step:
    """The case decided as of one date: only the authorities decided by then apply."""

    date: int
    decided: tuple[str, ...]  # the authorities decided on this date
    verdict: Verdict
    changed: bool  # the outcome differs from the step before
    gained: tuple[Holding, ...]  # dispositive holdings new at this step
    lost: tuple[Holding, ...]

    @property
    def outcome(self) -> tuple[str, tuple[str, ...], bool | None]:
        return _outcome(self.verdict)


def _outcome(v: Verdict) -> tuple[str, tuple[str, ...], bool | None]:
    return v.outcome, v.relief_kinds, v.below_minimum_authorized


@dataclass(frozen=True)
class Timeline:
    case: str
    source: str
    jurisdiction: str
    steps: tuple[Step, ...]

    def changes(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.changed)


def _dispositive(v: Verdict) -> frozenset[Holding]:
    return frozenset((h.rule, h.answer) for h in v.dispositive())


def timeline(
    case: Case, solver: Solver | None = None, *, jurisdiction: str | None = None, source: str = ""
) -> Timeline:
    """The outcome as of the day before the first authority, then as of each authority's date."""
    solver = solver or Solver()
    rulebase = solver.rulebase
    program = compile_case(case, source)
    j = jurisdiction or rulebase.jurisdiction_for(circuit_of(program))
    dates = sorted({a.date for a in rulebase.authorities.values()})
    steps: list[Step] = []
    before: Step | None = None
    for date in [dates[0] - 1, *dates] if dates else []:
        verdict = decide_verdict(solver.solve(program, j, date), rulebase)
        decided = tuple(sorted(a.id for a in rulebase.authorities.values() if a.date == date))
        now = _dispositive(verdict)
        prev = _dispositive(before.verdict) if before else frozenset()
        changed = before is not None and _outcome(verdict) != before.outcome
        before = Step(date, decided, verdict, changed, tuple(sorted(now - prev)), tuple(sorted(prev - now)))
        steps.append(before)
    return Timeline(case.id, source, j, tuple(steps))
