"""The doctrine benchmark: single-case start-up, batch throughput, memory, parsing.

    python bench/bench.py            # the full run (a few minutes on 2 cores)
    python bench/bench.py --quick    # smaller sizes, for a smoke test

Every figure is a median of several runs (time.perf_counter); results go to
bench/results.json, and the README's table is copied from the printed summary.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doctrine.proof import generate  # noqa: E402


def median_time(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


POOL = 1000
_POOLS: dict[int, list] = {}  # type: ignore[type-arg]


def iter_cases(n: int, seed: int = 1):  # type: ignore[no-untyped-def]
    """n generated cases, streamed: a pool of 1,000 distinct scenarios (the built-in seeded
    generator), cycled with fresh ids, so that generating them does not dominate the run and
    memory stays the same whatever n is."""
    if seed not in _POOLS:
        rng = random.Random(seed)
        _POOLS[seed] = [generate._case(rng) for _ in range(POOL)]
    pool = _POOLS[seed]
    for i in range(n):
        case = pool[i % POOL]
        yield case.__class__(f"gen_{i:06d}", case.statements), "generated"


def single_case() -> dict[str, float]:
    case = ROOT / "scenarios" / "billings.case"
    with tempfile.TemporaryDirectory() as tmp:
        facts = Path(tmp) / "facts.lp"
        facts.write_text(subprocess.run([sys.executable, "-m", "doctrine", "compile", str(case)], capture_output=True, text=True, check=True).stdout)
        rules = ROOT / "rules"
        bare = [sys.executable, "-m", "clingo", str(rules / "doctrine.lp"), str(rules / "jurisdictions" / "seventh_circuit.lp"), str(facts), "-q"]
        run = [sys.executable, "-m", "doctrine", "run", str(case)]
        explain = [sys.executable, "-m", "doctrine", "explain", str(case), "--format", "json"]
        subprocess.run(run, capture_output=True)  # warm the grammar cache and the OS file cache
        t_bare = median_time(lambda: subprocess.run(bare, capture_output=True, check=False), 7)
        t_run = median_time(lambda: subprocess.run(run, capture_output=True, check=True), 7)
        t_explain = median_time(lambda: subprocess.run(explain, capture_output=True, check=True), 7)
    return {
        "bare_clingo_s": t_bare,
        "run_s": t_run,
        "explain_json_s": t_explain,
        "explain_over_bare": t_explain / t_bare,
    }


def throughput(n: int, workers: int, explained: bool, repeat: int) -> float:
    from doctrine.batch import evaluate

    def go() -> None:
        for _ in evaluate(iter_cases(n), workers=workers, explained=explained):
            pass

    return n / median_time(go, repeat)


def measured_run(n: int, workers: int) -> tuple[float, float]:
    """Decide n generated cases in a fresh process: (cases/s, peak RSS in MiB of that process).

    With workers > 1 the peak is the parent's (the workers hold one Engine each, the same size).
    """
    code = (
        "import sys, time, resource; sys.path.insert(0, %r); sys.path.insert(0, %r)\n"
        "import bench\n"
        "from doctrine.batch import evaluate\n"
        "t = time.perf_counter()\n"
        "for _ in evaluate(bench.iter_cases(%d), workers=%d): pass\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    ) % (str(ROOT), str(ROOT / "bench"), n, workers)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return n / float(out[0]), int(out[1]) / 1024


def fresh_control_ratio(n: int) -> dict[str, float]:
    """The batch engine against a fresh clingo Control (ground the doctrine again) per case."""
    from doctrine.engine.compile import compile_case
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.engine.solve import Solver

    rulebase = load_rulebase()
    cases = [c for c, _ in iter_cases(n, seed=3)]
    programs = [compile_case(c) for c in cases]
    solver = Solver(rulebase, trace=False)

    def batch() -> None:
        for p in programs:
            solver.solve(p)

    def fresh() -> None:
        for p in programs:
            Solver(rulebase, trace=False).solve(p)

    batch()
    t_batch = median_time(batch, 3) / n
    t_fresh = median_time(fresh, 1) / n
    return {"batch_ms": t_batch * 1e3, "fresh_control_ms": t_fresh * 1e3, "ratio": t_fresh / t_batch}


def parse_per_1000_lines() -> float:
    from doctrine.language.check import parse_text
    from doctrine.language.syntax import CaseFile, print_case_file

    cases = [c for c, _ in iter_cases(400, seed=5)]
    text = print_case_file(CaseFile(tuple(c.__class__(f"c{i}", c.statements) for i, c in enumerate(cases))))
    lines = text.count("\n")
    return median_time(lambda: parse_text(text, "bench.case"), 3) / lines * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    sizes = [1, 100, 2000] if args.quick else [1, 100, 10_000, 100_000]
    results: dict[str, object] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
        }
    }
    results["single_case"] = single_case()
    print("single case:", json.dumps(results["single_case"]))
    rows = []
    memory: dict[str, float] = {}
    for n in sizes:
        for workers in (1, 2):
            for explained in (False, True):
                if n == sizes[-1] and n > 10_000 and explained:
                    continue  # explanations measured up to 10,000 cases; the per-case cost is flat
                if n == sizes[-1] and not explained:
                    rate, rss = measured_run(n, workers)  # a fresh process: also its peak memory
                    if workers == 1:
                        memory[str(n)] = rss
                else:
                    rate = throughput(n, workers, explained, 1 if n >= 10_000 else 3)
                rows.append({"cases": n, "workers": workers, "explained": explained, "cases_per_s": rate})
                print(f"{n:>7} cases, {workers} worker(s), explained={explained!s:5}: {rate:9.0f} cases/s", flush=True)
    results["throughput"] = rows
    small = 1000 if not args.quick else 200
    memory[str(small)] = measured_run(small, 1)[1]
    results["memory_mib"] = memory
    print("peak memory (MiB):", json.dumps(memory))
    results["fresh_control"] = fresh_control_ratio(50 if args.quick else 100)
    print("fresh control:", json.dumps(results["fresh_control"]))
    exp = {r["workers"]: r["cases_per_s"] for r in rows if r["cases"] == 10_000 and r["explained"]}
    ver = {r["workers"]: r["cases_per_s"] for r in rows if r["cases"] == 10_000 and not r["explained"]}
    if exp and ver:
        results["explanation_cost_ratio"] = ver[1] / exp[1]  # time with explanations / time without
        print("explanation cost (time with / without):", round(results["explanation_cost_ratio"], 2))
    results["parse_ms_per_1000_lines"] = parse_per_1000_lines() * 1000
    print("parse ms / 1000 lines:", round(results["parse_ms_per_1000_lines"], 1))
    out = ROOT / "bench" / ("results-quick.json" if args.quick else "results.json")
    out.write_text(json.dumps(results, indent=2) + "\n")
    print("written", out.relative_to(ROOT))


if __name__ == "__main__":
    main()
