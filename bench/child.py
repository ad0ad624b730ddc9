"""One measurement of bench.py, in a fresh process: prints one JSON line.

    python bench/child.py throughput N WORKERS EXPLAINED ENGINE
    python bench/child.py fuzz N ENGINE [WORKERS]

Memory is this process's own: `ru_maxrss` of RUSAGE_SELF (bench.py starts it from a parent
that never imports doctrine, so nothing large is inherited) and the kernel's high-water mark
of this process's address space (VmHWM); `children_maxrss_mib` is the largest worker's.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

POOL = 1000


def slices(n: int, seed: int = 1) -> list[object]:
    """n generated cases as slices a worker makes itself (`Deferred`): a pool of 1,000
    distinct scenarios (the built-in seeded generator), cycled with fresh ids, so that memory
    is the same whatever n is and no case is pickled between processes."""
    from doctrine.engine.batch import Deferred
    from doctrine.proof.generate import pool_cases

    pool_cases(seed, 0, 0)  # this process's pool, made before the timer starts
    return [Deferred(pool_cases, (seed, s, min(s + POOL, n)), min(POOL, n - s)) for s in range(0, n, POOL)]


def memory() -> dict[str, float]:
    hwm = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            hwm = int(line.split()[1]) / 1024
    return {
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "vmhwm_mib": hwm,
        "children_maxrss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def throughput(n: int, workers: int, explained: bool, engine: str) -> dict[str, float]:
    from doctrine.reasoning.evaluate import evaluate

    cases = slices(n)
    start = time.perf_counter()
    for _ in evaluate(cases, workers=workers, explained=explained, engine=engine):  # type: ignore[arg-type]
        pass
    seconds = time.perf_counter() - start
    return {"cases_per_s": n / seconds, "seconds": seconds, **memory()}


def fuzz(n: int, engine: str, workers: int = 1) -> dict[str, float]:
    """`doctrine fuzz -n N --seed 1` in `workers` processes. A violation found is shrunk, one
    scenario at a time, and that counts in `scenarios_per_s`; `batch_scenarios_per_s` is the
    scenarios checked in batches (before any shrinking) over their time."""
    from doctrine.engine.engines import make_solver
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.proof.context import Context
    from doctrine.proof.fuzz import fuzz as run
    from doctrine.proof.invariants import INVARIANTS

    rulebase = load_rulebase()
    # Every invariant but appeal_waiver_blocks_relief, which the scenarios of seed 1 violate (a
    # case decided before the authorities of the appeal waiver, under the law of its date: see
    # the README), so that this measures checking, not shrinking; its check is 0.02 ms a scenario.
    invariants = [i for i in INVARIANTS if i.name != "appeal_waiver_blocks_relief"]
    report = run(rulebase, invariants, n, 1, Context(rulebase, make_solver(rulebase, True, engine)),
                 workers=workers, engine=engine)
    return {"scenarios_per_s": report.rate, "seconds": report.seconds,
            "batch_scenarios_per_s": report.drawn / report.drawn_seconds, "batch_scenarios": report.drawn,
            "violations": float(report.violation is not None), **memory()}


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    if kind == "throughput":
        out = throughput(int(args[0]), int(args[1]), args[2] == "1", args[3])
    else:
        out = fuzz(int(args[0]), args[1], int(args[2]) if len(args) > 2 else 1)
    print(json.dumps(out))
