"""What if: Case x goal -> WhatIf (the smallest changes of the facts under which the goal holds),
and Case -> Unknowns (whether the facts the record leaves `unknown` could change the outcome).

The search is one clingo optimisation (`doctrine.analysis.counterfactual`); every answer is then written
back into the case (`doctrine.analysis.space.apply_changes`), printed, and decided again by the
ordinary solver, so the verdict shown is the one `doctrine run` would give the changed file.

    what_if(billings, "hearing")
becomes
    WhatIf(alternatives=(Alternative(changes=(Change("add", allegation_support(impermissible_factor,
           record_evidence)), ...), diff="...", verdict=Verdict(relief_available=True ...)), ...))
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

import clingo
import clingo.ast
from clingo import Function, Symbol

from doctrine.analysis.counterfactual import Search, branches, goal_rules, inputs_read
from doctrine.analysis.space import (
    FIXED_KEYS,
    Change,
    Slot,
    apply_changes,
    fact_space,
    unknown_keys,
    unread_keys,
)
from doctrine.engine.compile import Program, compile_case
from doctrine.engine.rulebase import Rulebase
from doctrine.engine.solve import Outcome, Run, Solver, circuit_of
from doctrine.language.check import check_case_file
from doctrine.language.diagnostics import Diagnostic, DoctrineError
from doctrine.language.parse import parse_source
from doctrine.language.source import NOWHERE, Source, Span
from doctrine.language.syntax import Case, print_case
from doctrine.reasoning.explanation import Explanation, _matches, explain
from doctrine.reasoning.verdict import Verdict, decide_verdict
from doctrine.reasoning.why_not import GOAL_ALIASES

# Besides relief kinds: below a minimum (authority), the threshold gate, or any conclusion.
GOAL_WORDS = ("relief", "hearing", "discovery", "remedy", "below_minimum", "threshold_showing")


def goal_term(goal: str, rulebase: Rulebase | None = None) -> Symbol:
    """A goal word or conclusion as a clingo term (parsed as a term, so never a rule); with a
    rulebase, one some rule derives."""
    text = GOAL_ALIASES.get(goal, goal)
    try:
        term = clingo.parse_term(text)
    except RuntimeError:
        term = None
    if term is None or term.type != clingo.SymbolType.Function:
        raise _bad_goal(f"{goal!r} is not a conclusion")
    if rulebase is not None and term.name not in conclusion_names(rulebase):
        raise _bad_goal(f"no rule derives {term.name}")
    return term


def _bad_goal(message: str) -> DoctrineError:
    hint = "relief, hearing, discovery, remedy, below_minimum, threshold_showing, review(plain_error) ..."
    return DoctrineError([Diagnostic("bad-goal", message, NOWHERE, hint=hint)])


def conclusion_names(rulebase: Rulebase) -> frozenset[str]:
    """The name of every conclusion a rule derives (`derive(Id, X)`: the name of X)."""
    out = set()
    for clause in rulebase.clauses:
        x = clause.ast_node.head.atom.symbol.arguments[1]
        out.add(x.name if x.ast_type == clingo.ast.ASTType.Function else x.symbol.name)
    return frozenset(out)


def reaches(outcome: Outcome, goal: str, negate: bool = False) -> bool:
    """The goal holds in every branch of the open questions (with `negate`: in none)."""
    target = str(goal_term(goal))
    hits = [any(_matches(clingo.parse_term(c), target) for c in r.conclusions) for r in outcome.primary]
    return not any(hits) if negate else all(hits)


def case_diff(before: Case, after: Case, name: str = "") -> str:
    """A unified diff of the two cases' canonical texts."""
    a, b = print_case(before).splitlines(True), print_case(after).splitlines(True)
    return "".join(
        difflib.unified_diff(a, b, f"{name or before.id} (as stated)", f"{name or after.id} (changed)", n=1)
    )


@dataclass(frozen=True)
class Alternative:
    """One minimal change set, the changed case and its verdict under the ordinary solver."""

    changes: tuple[Change, ...]
    case: Case
    diff: str
    verdict: Verdict
    explanation: Explanation
    confirmed: bool  # the ordinary solver agrees the goal is reached
    problems: tuple[str, ...] = ()  # what `doctrine check` says of the changed case (nothing, if sound)

    @property
    def cost(self) -> int:
        return len(self.changes)


@dataclass(frozen=True)
class WhatIf:
    case: str
    source: str
    jurisdiction: str
    goal: str
    negate: bool
    fixed: tuple[str, ...]
    max_changes: int
    branches: tuple[tuple[tuple[str, str], ...], ...]
    baseline: Verdict
    already: bool  # the goal is reached without any change
    alternatives: tuple[Alternative, ...]


def _decide(
    solver: Solver, case: Case, source: str, jurisdiction: str, as_of: int | None, goal: str, negate: bool
) -> tuple[Outcome, Explanation, tuple[str, ...]]:
    """Print, re-parse, check and solve a case, as `doctrine run` would see the file."""
    parsed = parse_source(Source(source or "<whatif>", print_case(case)))
    problems = tuple(f"{d.code}: {d.message}" for d in check_case_file(parsed))
    outcome = solver.solve(compile_case(parsed.cases[0], source), jurisdiction, as_of)
    # With --negate the holdings say why the goal no longer holds (a why-not tree would be
    # better; explain's why-not cannot take a Rulebase yet, see the report).
    return outcome, explain(outcome, solver.rulebase, why=None if negate else str(goal_term(goal))), problems


def what_if(
    case: Case,
    goal: str = "relief",
    *,
    negate: bool = False,
    max_changes: int = 4,
    fix: Iterable[str] = (),
    alternatives: int = 5,
    solver: Solver | None = None,
    jurisdiction: str | None = None,
    as_of: int | None = None,
    source: str = "",
) -> WhatIf:
    """The smallest change sets of `case` under which `goal` holds in every branch (or, with
    `negate`, in none), cheapest first; each subset-minimal."""
    solver = solver or Solver()
    rulebase = solver.rulebase
    program = compile_case(case, source)
    j = jurisdiction or rulebase.jurisdiction_for(circuit_of(program))
    pattern = goal_term(goal, rulebase)
    space = fact_space(program, (*fix, *unread_keys(inputs_read(rulebase, j))))
    want = Function("_want", [Function("fails" if negate else "holds")])
    as_of = program.law_date(as_of)
    search = Search(
        rulebase,
        j,
        space,
        goal_rules(pattern),
        [want, Function("_limit", [clingo.Number(max_changes)])],
        as_of,
    )
    base_outcome = solver.solve(program, j, as_of)
    found = []
    for answer in search.cheapest(max_changes, alternatives):
        changed = apply_changes(case, answer.changes)
        outcome, expl, problems = _decide(solver, changed, source, j, as_of, goal, negate)
        diff = case_diff(case, changed, source)
        found.append(
            Alternative(
                answer.changes, changed, diff, expl.verdict, expl, reaches(outcome, goal, negate), problems
            )
        )
    return WhatIf(
        case.id,
        source,
        j,
        goal,
        negate,
        (*FIXED_KEYS, *fix),
        max_changes,
        search.branches,
        decide_verdict(base_outcome, rulebase),
        reaches(base_outcome, goal, negate),
        tuple(found),
    )


# ---------------------------------------------------------------------------------------------
# Unknown facts


@dataclass(frozen=True)
class Result:
    """An outcome in short: relief (and its kinds) and authority below a minimum, per branch."""

    outcome: str  # available / none / depends
    kinds: tuple[str, ...]
    below_minimum: bool | None
    signature: tuple[tuple[tuple[str, ...], bool], ...]  # per full branch: relief kinds, below minimum

    @staticmethod
    def of(o: Outcome, copies: Branches) -> Result:
        word = {True: "available", False: "none", None: "depends"}[o.relief_available]
        runs = [covering(o, b) for b in copies]
        return Result(
            word,
            o.relief_kinds,
            o.below_minimum_authorized,
            tuple((r.relief, bool(r.below_minimum)) for r in runs),
        )


Branches = tuple[tuple[tuple[str, str], ...], ...]


def covering(outcome: Outcome, branch: tuple[tuple[str, str], ...]) -> Run:
    """The run that decided the case under `branch` (a run names only the questions it used)."""
    return next(r for r in outcome.primary if set(r.branch) <= set(branch))


@dataclass(frozen=True)
class OpenFact:
    """A fact the record leaves unknown, and the outcome under each value it could take."""

    slot: Slot
    atom: Symbol
    span: Span | None  # None: unknown by default (the record is silent)
    outcomes: tuple[tuple[str, Result], ...]  # value -> outcome
    decisive: bool  # some value changes the outcome on its own


@dataclass(frozen=True)
class Unknowns:
    case: str
    source: str
    jurisdiction: str
    baseline: Result
    facts: tuple[OpenFact, ...]
    determined: bool  # the same outcome for every combination of values of the open facts
    combination: tuple[Change, ...] = ()  # a smallest set of values that changes it, if no single one does


def _variant(program: Program, old: Symbol, new: Symbol) -> Program:
    return program.with_facts(tuple(new if f == old else f for f in program.facts))


def _baseline_facts(baseline: Outcome, copies: Branches) -> list[Symbol]:
    """The baseline outcome in each copy of the doctrine, for DIFFERS."""
    facts = []
    for i, branch in enumerate(copies):
        c = Function("_b", [clingo.Number(i)])
        run = covering(baseline, branch)
        facts += [Function("_was", [c, Function("relief", [Function(k)])]) for k in run.relief]
        if run.below_minimum:
            facts.append(Function("_was_below", [c]))
    return facts


# The outcome (relief kinds, authority below a minimum) differs from the case's in some branch.
DIFFERS = """
_differs :- holds(C, relief(K)), not _was(C, relief(K)).
_differs :- _was(C, X), not holds(C, X).
_below(C) :- holds(C, below_minimum_authorized(_)).
_differs :- _below(C), not _was_below(C).
_differs :- _was_below(C), not _below(C).
:- not _differs.
#defined _was/2. #defined _was_below/1.
"""


def decisive_unknowns(
    case: Case,
    solver: Solver | None = None,
    *,
    jurisdiction: str | None = None,
    as_of: int | None = None,
    source: str = "",
) -> Unknowns:
    """Which facts the record leaves `unknown` would decide the case, value by value, and
    whether any combination of their values could change the outcome at all."""
    solver = solver or Solver()
    program = compile_case(case, source)
    j = jurisdiction or solver.rulebase.jurisdiction_for(circuit_of(program))
    as_of = program.law_date(as_of)
    base_outcome = solver.solve(program, j, as_of)
    copies = branches(solver.rulebase, j, as_of)
    baseline = Result.of(base_outcome, copies)
    facts = []
    for slot in unknown_keys(program):
        atom = next(a for a in program.facts if a in slot.options)
        outcomes = tuple(
            (v.arguments[-1].name, Result.of(solver.solve(_variant(program, atom, v), j, as_of), copies))
            for v in slot.options
            if v != atom
        )
        decisive = any(r.signature != baseline.signature for _, r in outcomes)
        facts.append(OpenFact(slot, atom, program.origin.get(atom), outcomes, decisive))
    if not facts:
        return Unknowns(case.id, source, j, baseline, (), True)
    data = _baseline_facts(base_outcome, copies)
    extra: list[clingo.ast.AST] = []
    clingo.ast.parse_string(DIFFERS, extra.append)
    open_ids = [f.slot.id for f in facts]
    full = fact_space(program, free=open_ids, exclude=[f.atom for f in facts])
    determined = Search(solver.rulebase, j, full, extra, data, as_of).satisfiable() is None
    combination: tuple[Change, ...] = ()
    if not determined and not any(f.decisive for f in facts):
        partial = Search(solver.rulebase, j, fact_space(program, free=open_ids), extra, data, as_of)
        best = next(iter(partial.cheapest(len(facts), 1)), None)
        combination = best.changes if best else ()
    return Unknowns(case.id, source, j, baseline, tuple(facts), determined, combination)
