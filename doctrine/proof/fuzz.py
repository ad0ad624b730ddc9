"""Fuzz: Rulebase x invariants -> FuzzReport (a shrunk counterexample, or none, and throughput).

Hypothesis draws scenarios (`doctrine.strategies.cases`), every invariant is checked on each
with one `Solver` reused throughout, and a violation is shrunk by hypothesis to a minimal
case, which `counterexample_text` prints as a ready-to-commit case file:

    fuzz(load_rulebase("rules"), examples=1000, seed=0)
becomes
    FuzzReport(examples=1000, seconds=41.2, violation=Violation("waiver_blocks_relief", ...))
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from doctrine.engine.rulebase import Rulebase
from doctrine.language.syntax import Case, CaseFile, Statement, Value, ValueKind, print_case_file
from doctrine.proof.invariants import INVARIANTS, Context, Invariant, Scenario

PROFILES = {"ci": 100, "deep": 5000}  # examples drawn when --examples is not given


@dataclass(frozen=True)
class Violation:
    """A shrunk scenario on which an invariant fails, and what failed."""

    invariant: Invariant
    scenario: Scenario
    message: str
    pair: tuple[Case, Case] | None = None  # the two cases a pair property compared


@dataclass(frozen=True)
class FuzzReport:
    examples: int  # scenarios checked (drawn and, after a failure, shrinking)
    solved: int  # distinct fact sets solved
    seconds: float
    violation: Violation | None = None

    @property
    def rate(self) -> float:
        return self.examples / self.seconds if self.seconds else 0.0


class _Failed(Exception):
    """Raised inside the property; one subclass per invariant, so shrinking keeps to one."""

    invariant: Invariant


_CLASSES: dict[str, type[_Failed]] = {}


def _failure(inv: Invariant) -> type[_Failed]:
    if inv.name not in _CLASSES:
        _CLASSES[inv.name] = type(f"Violated_{inv.name}", (_Failed,), {"invariant": inv})
    return _CLASSES[inv.name]


def check_all(ctx: Context, invariants: Sequence[Invariant], sc: Scenario) -> tuple[Invariant, str] | None:
    """The first invariant `sc` violates (an exception inside a check counts), or None."""
    for inv in invariants:
        ctx.pair = None
        try:
            problem = inv.check(ctx, sc)
        except Exception as e:
            problem = f"{type(e).__name__}: {e}"
        if problem is not None:
            return inv, problem
    return None


def scenarios(**fixed: Any) -> Any:
    """The hypothesis strategy of scenarios: a case (knobs as in `cases`) and a seed.

    Half the cases are drawn uniformly from the vocabulary; the other half have allegations
    with specific support and no waiver more often, since a uniformly drawn case almost never
    makes a threshold showing (about 3 in 100), and the invariants are about what is granted.
    """
    from hypothesis import strategies as st

    from doctrine.language import vocabulary as V
    from doctrine.proof.strategies import cases

    yes_no = st.sampled_from(("yes", "yes", "no", "unknown"))
    focus = {
        "allegation": st.lists(st.sampled_from(V.ALLEGATIONS.words()), min_size=1, max_size=2, unique=True),
        "allegation.support": st.lists(st.sampled_from(_STRONG), min_size=1, max_size=2, unique=True),
        "allegation.ties_decision_maker": yes_no,
        "allegation.rebuts_stated_reasons": yes_no,
        "allegation.proven": yes_no,
        "waiver_conduct": st.lists(st.sampled_from(V.WAIVER.words()), max_size=1),
        **fixed,
    }
    drawn = st.one_of(cases(**fixed), cases(focus))
    return st.builds(Scenario, drawn, st.integers(0, 2**16))


_STRONG = ("record_evidence", "remark", "earlier_offer", "record_evidence", "assistance_only")


def fuzz(
    rulebase: Rulebase,
    invariants: Sequence[Invariant] = INVARIANTS,
    examples: int = 100,
    seed: int = 0,
    ctx: Context | None = None,
    progress: Callable[[], None] | None = None,
) -> FuzzReport:
    """Check `invariants` on `examples` drawn scenarios; shrink the first violation found.

    `progress` is called after each scenario is checked (shrinking calls it too)."""
    from hypothesis import HealthCheck, Phase, Verbosity, given, seed as seeded, settings

    ctx = ctx or Context(rulebase)
    count = [0]
    last: list[Violation] = []

    @seeded(seed)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        derandomize=False,
        report_multiple_bugs=False,
        verbosity=Verbosity.quiet,
        suppress_health_check=list(HealthCheck),
        phases=(Phase.generate, Phase.shrink),
    )
    @given(scenarios())
    def prop(sc: Scenario) -> None:
        count[0] += 1
        found = check_all(ctx, invariants, sc)
        if progress is not None:
            progress()
        if found is not None:
            inv, message = found
            last[:] = [Violation(inv, sc, message, ctx.pair)]
            raise _failure(inv)(message)

    solved0, start = ctx.solved, time.perf_counter()
    try:
        prop()
    except _Failed:
        pass  # hypothesis replays the shrunk example last, so `last` holds it
    seconds = time.perf_counter() - start
    return FuzzReport(count[0], ctx.solved - solved0, seconds, last[0] if last else None)


def counterexample_case(v: Violation) -> Case:
    """The shrunk case, named after the invariant and carrying a note of what it violates."""
    note = Statement("note", (Value(ValueKind.STRING, f"violates {v.invariant.name}: {v.message}"),))
    case = v.scenario.case
    if v.invariant.name in ("rename_invariant", "print_parse_invariant"):
        return case  # the case exactly as drawn: its names or its text are the point
    return replace(case, id=v.invariant.name, statements=(note, *case.statements))


def counterexample_text(v: Violation, seed: int | None = None) -> str:
    """A ready-to-commit case file: a comment header, then the case in canonical form."""
    inv = v.invariant
    head = [
        f"# doctrine fuzz: a counterexample to `{inv.name}`"
        + (f" (--seed {seed})" if seed is not None else ""),
        f"# {inv.description}",
        f"# Source: {inv.source}",
        f"# Violation: {v.message}",
    ]
    variants = [c for c in v.pair or () if c != v.scenario.case]
    for i, c in enumerate(variants, 1):
        head.append(f"# Compared with variant {i}:")
        variant = replace(c, id=f"{inv.name}_variant_{i}")
        head += [f"#   {line}" for line in print_case_file(CaseFile((variant,))).splitlines()]
    return "\n".join(head) + "\n" + print_case_file(CaseFile((counterexample_case(v),)))
