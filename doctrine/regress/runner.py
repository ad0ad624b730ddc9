"""Regression testing: cases with expect blocks -> CaseResults. Shared by `doctrine test` and pytest.

A case is solved once under its own jurisdiction and once more under each `in_jurisdiction`
setting it names; each verdict is checked against its part of the expectation. `judge` is the
one function that decides pass / fail / xfail / xpass, so the CLI and the pytest plugin agree.

    case billings ... expect, relief available
becomes
    CaseResult("billings", "scenarios/billings.case", 2, "fail",
               (Mismatch("relief", "available", "none", billings.case:40:5),))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from doctrine.engine.batch import Failed, solve_cases
from doctrine.engine.compile import compile_case
from doctrine.engine.rulebase import Rulebase
from doctrine.engine.solve import Outcome, Solver
from doctrine.language.diagnostics import Diagnostic, visible
from doctrine.language.syntax import Case, CaseFile
from doctrine.reasoning.verdict import Verdict
from doctrine.regress.expect import (
    FACT_KEYS,
    Expectation,
    Mismatch,
    read_expectation,
    validate_expectation,
)
from doctrine.regress.mismatch import check_expectation

PASS, FAIL, XFAIL, XPASS, UNCHECKED = "pass", "fail", "xfail", "xpass", "unchecked"
ERROR = "error"  # the case could not be decided (its error, a dead worker, the time limit)
STATUSES = (PASS, FAIL, XFAIL, XPASS, UNCHECKED, ERROR)


@dataclass(frozen=True)
class Entry:
    """A case to test: the case, the file it came from, and its expectation (None: no expect block)."""

    case: Case
    source: str
    expectation: Expectation | None

    @property
    def line(self) -> int:
        return self.case.span.start.line


@dataclass(frozen=True)
class CaseResult:
    """How one case fared: its status, each mismatch, and the verdicts it was checked against."""

    case: str
    source: str
    line: int
    status: str  # one of STATUSES
    mismatches: tuple[Mismatch, ...] = ()
    reason: str = ""  # the xfail reason
    verdicts: tuple[tuple[str | None, Verdict], ...] = ()  # None: the case's own jurisdiction

    @property
    def failed(self) -> bool:
        """A mismatch, or an xfail case that passed (strict, as pytest's xfail_strict)."""
        return self.status in (FAIL, XPASS, ERROR)

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


def entries(files: Iterable[CaseFile], rulebase: Rulebase) -> tuple[list[Entry], list[Diagnostic]]:
    """Every case of `files` with its expectation, and every problem in the expect blocks."""
    out: list[Entry] = []
    problems: list[Diagnostic] = []
    for f in files:
        for case in f.cases:
            exp, diagnostics = read_expectation(case)
            problems.extend(diagnostics)
            if exp is not None:
                problems.extend(validate_expectation(exp, rulebase))
            out.append(Entry(case, f.source, exp))
    return out, problems


def evaluate(
    items: Iterable[Entry], rules: str | None, workers: int = 1, solver: Solver | None = None,
    timeout: float | None = None, engine: str = "compiled",
) -> Iterator[tuple[Entry, dict[str | None, Outcome] | Failed[Any]]]:
    """Solve every entry under its own jurisdiction and each `in_jurisdiction` it names.

    Batches go through `solve.solve_cases` (processes when `workers` > 1 and the batch is
    large); pass a `solver` to reuse one already grounded (the pytest plugin, case by case).
    """
    items = list(items)
    pairs = [(e.case, e.source) for e in items]

    def solve(batch: list[tuple[Case, str]], jurisdiction: str | None) -> Iterable[Outcome | Failed[Any]]:
        if solver is not None:
            return (solver.solve(compile_case(c, s), jurisdiction) for c, s in batch)
        return solve_cases(batch, rules, workers if len(batch) > 50 else 1, True, jurisdiction, timeout=timeout,
                           engine=engine)

    extra: dict[int, dict[str | None, Outcome | Failed[Any]]] = {}
    names = sorted({n for e in items if e.expectation for n, _ in e.expectation.jurisdictions})
    for name in names:
        index = [i for i, e in enumerate(items) if e.expectation and name in dict(e.expectation.jurisdictions)]
        for i, outcome in zip(index, solve([pairs[i] for i in index], name)):
            extra.setdefault(i, {})[name] = outcome
    for i, outcome in enumerate(solve(pairs, None)):
        runs = {None: outcome, **extra.get(i, {})}
        failed = [r for r in runs.values() if isinstance(r, Failed)]
        yield items[i], failed[0] if failed else {k: r for k, r in runs.items() if isinstance(r, Outcome)}


def judge(entry: Entry, outcomes: dict[str | None, Outcome], rulebase: Rulebase) -> CaseResult:
    """Check a case's outcomes against its expectation: pass, fail, xfail, xpass or unchecked."""
    from doctrine.reasoning.explanation import explain
    from doctrine.reasoning.verdict import decide_verdict

    exp = entry.expectation
    parts: Iterable[tuple[str | None, Expectation | None]] = exp.walk() if exp else [(None, None)]
    verdicts: list[tuple[str | None, Verdict]] = []
    mismatches: list[Mismatch] = []
    for name, part in parts:
        outcome = outcomes[name]
        explained = part is not None and any(c.key in FACT_KEYS for c in part.claims)
        explanation = explain(outcome, rulebase) if explained else None
        verdict = explanation.verdict if explanation else decide_verdict(outcome, rulebase)
        verdicts.append((name, verdict))
        if part is not None:
            mismatches.extend(check_expectation(part, verdict, explanation, name))
    if exp is None or not (exp.claims or exp.jurisdictions):
        status = UNCHECKED
    elif exp.xfail is not None:
        status = XFAIL if mismatches else XPASS
    else:
        status = FAIL if mismatches else PASS
    reason = (exp.xfail or "") if exp else ""
    return CaseResult(entry.case.id, entry.source, entry.line, status, tuple(mismatches), reason, tuple(verdicts))


def run_entries(
    items: Iterable[Entry], rulebase: Rulebase, rules: str | None, workers: int = 1, solver: Solver | None = None,
    outcomes: list[Outcome] | None = None, timeout: float | None = None, engine: str = "compiled",
) -> Iterator[CaseResult]:
    """`evaluate` then `judge`, streaming; every Outcome is appended to `outcomes` when given.
    A case that could not be decided is an ERROR result with the reason, never dropped."""
    for entry, solved in evaluate(items, rules, workers, solver, timeout, engine):
        if isinstance(solved, Failed):
            yield CaseResult(entry.case.id, entry.source, entry.line, ERROR, (), solved.reason)
            continue
        if outcomes is not None:
            outcomes.extend(solved.values())
        yield judge(entry, solved, rulebase)


# ---------------------------------------------------------------------------------------------
# Readable failures (plain text: the pytest plugin prints it, the CLI wraps it in rich Text)


def verdict_lines(v: Verdict) -> list[str]:
    """The parts of a verdict an expectation can state: outcome, kinds, minimum, holdings."""
    below = {True: "authorized", False: "not_authorized", None: "depends"}[v.below_minimum_authorized]
    depends = f" (depends on {', '.join(v.depends_on)})" if v.depends_on else ""
    kinds = " ".join(v.relief_kinds) or "(none)"
    lines = [f"relief {v.outcome}{depends}; relief_kinds {kinds}; below_minimum {below}"]
    dispositive = list(dict.fromkeys(h.rule for h in v.dispositive()))
    lines.append("dispositive: " + (", ".join(dispositive) or "(none)"))
    by_condition: dict[str, list[str]] = {}
    for h in v.alternatives():
        rules = by_condition.setdefault(h.condition, [])
        if h.rule not in rules:
            rules.append(h.rule)
    lines.extend(f"alternative: {', '.join(rules)} ({condition})" for condition, rules in by_condition.items())
    return lines


def failure_text(result: CaseResult) -> str:
    """Each mismatch as expected vs actual, then the verdicts the case actually got; every line
    with its control characters escaped (strings and file names come from case files)."""
    return "\n".join(visible(line, 10_000) for line in _failure_lines(result))


def _failure_lines(result: CaseResult) -> list[str]:
    if result.status == ERROR:
        return [f"ERROR case {result.case} at {result.where}: could not be decided: {result.reason}"]
    if result.status == XPASS:
        head = f"XPASS case {result.case} at {result.where}: every expectation held, but it is marked " \
               f"xfail ({result.reason}); remove the xfail line"
    else:
        head = f"{result.status.upper()} case {result.case} at {result.where}"
    lines = [head]
    for m in result.mismatches:
        under = f" [in_jurisdiction {m.jurisdiction}]" if m.jurisdiction else ""
        lines.append(f"  {m.span}: {m.what}{under}")
        lines.append(f"    - expected: {m.expected}")
        lines.append(f"    + actual:   {m.actual}")
    wanted = {m.jurisdiction for m in result.mismatches} or {name for name, _ in result.verdicts}
    for name, v in result.verdicts:
        if name in wanted:
            label = f"in_jurisdiction {name}" if name else f"under {v.jurisdiction}"
            lines.append(f"  actual verdict {label}:")
            lines.extend("    " + line for line in verdict_lines(v))
    return lines


# ---------------------------------------------------------------------------------------------
# Coverage


@dataclass(frozen=True)
class Coverage:
    """Which rules fired in any run of any case, and which settings and branches were exercised."""

    rules: tuple[str, ...]
    fired: tuple[str, ...]
    never: tuple[str, ...]
    jurisdictions: tuple[str, ...]
    jurisdictions_unused: tuple[str, ...]
    branches: tuple[tuple[str, str], ...]  # every (question, position) the law can take
    branches_unexercised: tuple[tuple[str, str], ...]

    @property
    def percent(self) -> float:
        return 100.0 * len(self.fired) / len(self.rules) if self.rules else 100.0

    @property
    def branch_percent(self) -> float:
        done = len(self.branches) - len(self.branches_unexercised)
        return 100.0 * done / len(self.branches) if self.branches else 100.0


def coverage(outcomes: Iterable[Outcome], rulebase: Rulebase) -> Coverage:
    """Rules applied in any run (branch and "even if" runs included), settings used, branches taken."""
    fired: set[str] = set()
    used: set[str] = set()
    taken: set[tuple[str, str]] = set()
    for o in outcomes:
        used.add(o.jurisdiction)
        settled = rulebase.jurisdictions.get(o.jurisdiction, {})
        taken.update((q, p) for q, p in settled.items() if p in rulebase.questions.get(q, ()))
        for run in o.runs:
            fired.update(rule for rule, _ in run.applied)
            taken.update(run.branch)
    rules = tuple(sorted(rulebase.rules))
    branches = tuple(sorted((q, p) for q, ps in rulebase.questions.items() for p in ps))
    return Coverage(
        rules=rules,
        fired=tuple(r for r in rules if r in fired),
        never=tuple(r for r in rules if r not in fired),
        jurisdictions=tuple(sorted(rulebase.jurisdictions)),
        jurisdictions_unused=tuple(sorted(set(rulebase.jurisdictions) - used)),
        branches=branches,
        branches_unexercised=tuple(b for b in branches if b not in taken),
    )
