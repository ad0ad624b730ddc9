"""One measurement of bench.py, in a fresh process: prints one JSON line.

    python bench/child.py throughput N WORKERS EXPLAINED ENGINE
    python bench/child.py fuzz N ENGINE

Memory is this process's own: `ru_maxrss` of RUSAGE_SELF (bench.py starts it from a parent
that never imports doctrine, so nothing large is inherited) and the kernel's high-water mark
of this process's address space (VmHWM); `children_maxrss_mib` is the largest worker's.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

POOL = 1000


def iter_cases(n: int, seed: int = 1):  # type: ignore[no-untyped-def]
    """n generated cases, streamed: a pool of 1,000 distinct scenarios (the built-in seeded
    generator), cycled with fresh ids, so that generating them stays out of the timing and
    memory is the same whatever n is."""
    from doctrine.proof import generate

    rng = random.Random(seed)
    pool = [generate._case(rng) for _ in range(POOL)]
    yield len(pool)  # the pool is ready: the timer starts after this
    for i in range(n):
        case = pool[i % POOL]
        yield case.__class__(f"gen_{i:06d}", case.statements), "generated"


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

    cases = iter_cases(n)
    next(cases)
    start = time.perf_counter()
    for _ in evaluate(cases, workers=workers, explained=explained, engine=engine):  # type: ignore[arg-type]
        pass
    seconds = time.perf_counter() - start
    return {"cases_per_s": n / seconds, "seconds": seconds, **memory()}


def fuzz(n: int, engine: str) -> dict[str, float]:
    from doctrine.engine.engines import make_solver
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.proof.context import Context
    from doctrine.proof.fuzz import fuzz as run
    from doctrine.proof.invariants import INVARIANTS

    rulebase = load_rulebase()
    report = run(rulebase, INVARIANTS, n, 1, Context(rulebase, make_solver(rulebase, True, engine)))
    return {"scenarios_per_s": report.rate, "seconds": report.seconds, **memory()}


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    if kind == "throughput":
        out = throughput(int(args[0]), int(args[1]), args[2] == "1", args[3])
    else:
        out = fuzz(int(args[0]), args[1])
    print(json.dumps(out))
