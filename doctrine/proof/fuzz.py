"""Fuzz: Rulebase x invariants -> FuzzReport (a shrunk counterexample, or none, and throughput).

Scenarios are drawn a batch at a time (`doctrine.proof.draws`: the cases of
`doctrine.strategies.cases`, made of integer choices), the cases every check of a batch solves
are solved together with one `Solver` reused throughout, every invariant is checked on each
scenario, and a violation is shrunk by hypothesis, from the choices that drew it, to a minimal
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
    drawn: int = 0  # of `examples`, those checked in batches (the rest: shrinking)
    drawn_seconds: float = 0.0  # of `seconds`, the batches' (the rest: shrinking)

    @property
    def rate(self) -> float:
        return self.examples / self.seconds if self.seconds else 0.0


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
    from doctrine.proof.draws import STRONG_SUPPORT, YES_NO_WEIGHTED
    from doctrine.proof.strategies import cases

    yes_no = st.sampled_from(YES_NO_WEIGHTED)
    focus = {
        "allegation": st.lists(st.sampled_from(V.ALLEGATIONS.words()), min_size=1, max_size=2, unique=True),
        "allegation.support": st.lists(st.sampled_from(STRONG_SUPPORT), min_size=1, max_size=2, unique=True),
        "allegation.ties_decision_maker": yes_no,
        "allegation.rebuts_stated_reasons": yes_no,
        "allegation.proven": yes_no,
        "waiver_conduct": st.lists(st.sampled_from(V.WAIVER.words()), max_size=1),
        **fixed,
    }
    drawn = st.one_of(cases(**fixed), cases(focus))
    return st.builds(Scenario, drawn, st.integers(0, 2**16))




BATCH = 1000  # scenarios drawn, solved and checked together, at most


def batch_sizes(examples: int, batch: int = BATCH) -> list[int]:
    """The batches `examples` scenarios are drawn in: a function of the two numbers alone (never
    of the workers), so a seed draws the same scenarios in the same batches on any machine.
    Eight or more batches where there are 800 scenarios or more, so that workers share them."""
    size = max(1, min(batch, max(100, -(-examples // 8))))
    return [min(size, examples - start) for start in range(0, examples, size)]


def _batch_random(seed: int, k: int) -> Any:
    import random

    return random.Random(f"doctrine fuzz {seed} {k}")


Found = tuple[Scenario, list[int], Invariant]


def check_batch(
    ctx: Context,
    invariants: Sequence[Invariant],
    seed: int,
    k: int,
    n: int,
    progress: Callable[[], None] | None = None,
) -> tuple[int, Found | None]:
    """Batch `k` of the seed (`n` scenarios): drawn, its cases solved at once (`Context.prime`),
    then every invariant checked on each scenario in order, by its own check. How many were
    checked, and the first violation (its scenario, the choices that drew it, the invariant)."""
    from doctrine.engine.workers import collector_paused
    from doctrine.proof.draws import draw_batch

    with collector_paused():  # as for a chunk of cases: a batch's objects live until it is done
        drawn = draw_batch(_batch_random(seed, k), n)
        ctx.prime([sc for sc, _ in drawn], invariants)
        for i, (sc, choices) in enumerate(drawn, 1):
            failed = check_all(ctx, invariants, sc)
            if progress is not None:
                progress()
            if failed is not None:
                return i, (sc, choices, failed[0])
    return n, None


def fuzz(
    rulebase: Rulebase,
    invariants: Sequence[Invariant] = INVARIANTS,
    examples: int = 100,
    seed: int = 0,
    ctx: Context | None = None,
    progress: Callable[[], None] | None = None,
    batch: int = BATCH,
    workers: int = 1,
    engine: str = "compiled",
) -> FuzzReport:
    """Check `invariants` on `examples` drawn scenarios; shrink the first violation found.

    Scenarios are drawn in batches (`batch_sizes`) from plain integer choices
    (`doctrine.proof.draws`, seeded by `seed` and the batch's number) and checked a batch at a
    time (`check_batch`); with `workers` > 1, batches are checked in that many processes (each
    with its own solver over `engine`), and taken in order, so the violation reported is the
    same. The first violation is handed to hypothesis by the choices that drew it, and shrunk
    (`shrink`) in this process, with `ctx`. `progress` is called once per scenario checked
    (shrinking calls it too)."""
    ctx = ctx or Context(rulebase)
    count = [0]
    solved0, start = ctx.solved, time.perf_counter()
    sizes = batch_sizes(examples, batch)
    found: Found | None = None
    if workers > 1 and len(sizes) > 1:
        found, solved = _in_workers(rulebase, invariants, seed, sizes, workers, engine, count, progress)
        ctx.solved += solved
    else:
        for k, n in enumerate(sizes):
            checked, found = check_batch(ctx, invariants, seed, k, n, progress)
            count[0] += checked
            if found is not None:
                break
    drawn, drawn_seconds = count[0], time.perf_counter() - start
    violation = None
    if found is not None:
        violation = shrink(ctx, invariants, *found, count=count, progress=progress)
    seconds = time.perf_counter() - start
    return FuzzReport(count[0], ctx.solved - solved0, seconds, violation, drawn, drawn_seconds)


def _in_workers(
    rulebase: Rulebase,
    invariants: Sequence[Invariant],
    seed: int,
    sizes: list[int],
    workers: int,
    engine: str,
    count: list[int],
    progress: Callable[[], None] | None,
) -> tuple[Found | None, int]:
    """`check_batch` of every batch in `workers` processes (`doctrine.engine.batch.stream_chunks`),
    read in order up to the first violation; and the fact sets the workers solved."""
    from doctrine.engine.batch import stream_chunks
    from doctrine.engine.workers import Failed
    from doctrine.proof.draws import ReplayChoices, draw_scenario

    jobs = [(seed, k, n) for k, n in enumerate(sizes)]
    init = (str(rulebase.directory), engine, tuple(invariants))
    solved = 0
    results = stream_chunks(jobs, _worker_batches, workers, _init_worker, init, chunk_size=1)
    try:
        for r in results:
            if isinstance(r, Failed):
                raise RuntimeError(f"a fuzz worker failed on batch {r.item[1]}: {r.reason}")
            checked, batch_solved, failure = r
            count[0] += checked
            solved += batch_solved
            for _ in range(checked):
                if progress is not None:
                    progress()
            if failure is not None:
                choices, index = failure
                return (draw_scenario(ReplayChoices(choices)), choices, invariants[index]), solved
    finally:
        results.close()  # type: ignore[attr-defined]  # a generator: its workers are stopped
    return None, solved


_WORKER: dict[str, Any] = {}


def _init_worker(rules: str, engine: str, invariants: tuple[Invariant, ...]) -> None:
    """This process's context (a solver over `engine` for the rules), made once and kept."""
    from doctrine.engine.engines import make_solver
    from doctrine.engine.rulebase import load_rulebase

    key = (rules, engine)
    if _WORKER.get("key") != key:
        rulebase = load_rulebase(rules)
        _WORKER.update(key=key, ctx=Context(rulebase, make_solver(rulebase, True, engine)))
    _WORKER["invariants"] = invariants


def _worker_batches(jobs: list[tuple[int, int, int]]) -> list[tuple[int, int, tuple[list[int], int] | None]]:
    """`check_batch` of each job (seed, batch number, size) in this worker: how many scenarios
    were checked, how many fact sets solved, and a violation's choices and invariant (by index)."""
    ctx: Context = _WORKER["ctx"]
    invariants: tuple[Invariant, ...] = _WORKER["invariants"]
    out: list[tuple[int, int, tuple[list[int], int] | None]] = []
    for seed, k, n in jobs:
        before = ctx.solved
        checked, found = check_batch(ctx, invariants, seed, k, n)
        failure = None if found is None else (found[1], invariants.index(found[2]))
        out.append((checked, ctx.solved - before, failure))
    return out


def shrink(
    ctx: Context,
    invariants: Sequence[Invariant],
    sc: Scenario,
    choices: list[int],
    inv: Invariant,
    count: list[int] | None = None,
    progress: Callable[[], None] | None = None,
) -> Violation:
    """The smallest scenario hypothesis finds, from `choices` (which draw `sc`), on which `inv` is
    still the first invariant violated: the choices are put in an example database, hypothesis
    replays them (`Phase.reuse`: nothing else is drawn) and shrinks them. Should the replay not fail (it always draws
    `sc` again, so only a check that is not a function of its scenario would do that), the
    violation is `sc`'s, unshrunk. `count` counts the scenarios checked, `progress` is called after each."""
    from hypothesis import HealthCheck, Phase, Verbosity, find, settings
    from hypothesis.database import InMemoryExampleDatabase, choices_to_bytes
    from hypothesis.errors import NoSuchExample

    from doctrine.proof.draws import scenario_strategy

    count = count if count is not None else [0]
    key = b"doctrine-fuzz"
    database = InMemoryExampleDatabase()
    # Hypothesis's secondary corpus (`<key>.secondary`): an example replayed from the primary one
    # counts as shrunk already (it is where hypothesis keeps the smallest of its last run).
    database.save(key + b".secondary", choices_to_bytes(choices))

    def fails(candidate: Scenario) -> bool:
        count[0] += 1
        failed = check_all(ctx, invariants, candidate)
        if progress is not None:
            progress()
        return failed is not None and failed[0] is inv

    # No seed: hypothesis reads no database under a seed (or derandomized), so its shrinker draws
    # on its own randomness; the scenario it starts from is the seed's.
    chosen = settings(
        database=database,
        deadline=None,
        derandomize=False,
        verbosity=Verbosity.quiet,
        suppress_health_check=list(HealthCheck),
        phases=(Phase.reuse, Phase.shrink),
    )
    try:
        smallest = find(scenario_strategy(), fails, settings=chosen, database_key=key)
    except NoSuchExample:
        smallest = sc
    failed = check_all(ctx, invariants, smallest)
    if failed is None or failed[0] is not inv:  # only a check that is not a function of its scenario
        smallest, failed = sc, check_all(ctx, invariants, sc)
    assert failed is not None
    return Violation(inv, smallest, failed[1], ctx.pair)


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
