"""The doctrine benchmark: batch throughput, explanations, one case against bare clingo, fuzz, memory.

    python bench/bench.py             # the full run (about 10 minutes on 2 cores)
    python bench/bench.py --quick     # small sizes, a smoke test
    python bench/bench.py --large 100000   # also the peak memory at 100,000 cases (one run)
    python bench/bench.py --single    # only `doctrine explain` of one case against bare clingo

Every figure is measured in a fresh child process (bench/child.py), three times, the figures
interleaved (A B C A B C A B C), and the median reported; this process never imports
doctrine, so a child's peak memory (`ru_maxrss` of RUSAGE_SELF, and VmHWM) is its own.
The machine is printed first. Results go to bench/results.json; the README's table is
copied from the printed summary.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = [sys.executable, str(ROOT / "bench" / "child.py")]
# Every child may write and read compiled bytecode (__pycache__), as an installed package has
# it: a PYTHONDONTWRITEBYTECODE left in the environment would make each `doctrine` command
# compile its modules from source again (about 70 ms), which no user's `doctrine` does.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def machine() -> dict[str, object]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                      if line.startswith("model name")), "")
    clingo = subprocess.run([sys.executable, "-c", "import clingo; print(clingo.__version__)"],
                            capture_output=True, text=True).stdout.strip()
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": model or platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "clingo": clingo,
        "platform": platform.platform(),
        "load_average_at_start": os.getloadavg(),
    }


def child(*args: object) -> dict[str, float]:
    out = subprocess.run([*CHILD, *map(str, args)], capture_output=True, text=True, cwd=ROOT, check=True, env=ENV)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def interleaved(figures: dict[str, tuple[object, ...]], repeat: int) -> dict[str, dict[str, float]]:
    """Each figure `repeat` times, in turn; the median of every number a child reports."""
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in figures}
    for r in range(repeat):
        for name, args in figures.items():
            runs[name].append(child(*args))
            print(f"  round {r + 1}: {name}: {json.dumps(runs[name][-1])}", flush=True)
    return {name: {k: statistics.median(x[k] for x in rs) for k in rs[0]} for name, rs in runs.items()}


def single_case(repeat: int) -> dict[str, float]:
    """`doctrine explain` of a seed case against a bare `python -m clingo` on the same facts,
    the two commands taken in turn `repeat` times (medians)."""
    case = ROOT / "scenarios" / "billings.case"
    doctrine = [sys.executable, "-m", "doctrine"]
    with tempfile.TemporaryDirectory() as tmp:
        facts = Path(tmp) / "facts.lp"
        facts.write_text(subprocess.run([*doctrine, "compile", str(case)], capture_output=True, text=True,
                                        check=True, cwd=ROOT, env=ENV).stdout)
        rules = ROOT / "rules"
        bare = [sys.executable, "-m", "clingo", str(rules / "doctrine.lp"), str(facts), "-q"]
        commands = {
            "bare_clingo_s": bare,
            "explain_s": [*doctrine, "explain", str(case), "--format", "json"],
            "run_s": [*doctrine, "run", str(case)],
            "run_clingo_engine_s": [*doctrine, "run", str(case), "--engine", "clingo"],
        }
        for command in commands.values():  # warm the caches (bytecode, rules, compiled doctrine, OS)
            subprocess.run(command, capture_output=True, cwd=ROOT, check=True, env=ENV)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(repeat):
            for name, command in commands.items():
                t = time.perf_counter()
                subprocess.run(command, capture_output=True, cwd=ROOT, env=ENV)
                times[name].append(time.perf_counter() - t)
    out = {name: statistics.median(ts) for name, ts in times.items()}
    out["explain_over_bare"] = out["explain_s"] / out["bare_clingo_s"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--large", type=int, default=0, help="also the peak memory at this many cases (one run)")
    ap.add_argument("--single", action="store_true", help="only the single-case figure (nothing is written)")
    ap.add_argument("--fuzz", action="store_true", help="only the fuzz figures (written to bench/results-fuzz.json)")
    args = ap.parse_args()
    n = 1000 if args.quick else 10_000
    # fuzz: 2,000 scenarios (a steady rate: 200 were mostly start-up once two workers share
    # them); clingo's engine on 200 (it checks about 15 a second)
    small, ref, fuzz_n, repeat = (200, 200, 30, 3) if args.quick else (1000, 2000, 2000, 3)
    results: dict[str, object] = {"machine": machine()}
    print("machine:", json.dumps(results["machine"]), flush=True)
    if args.fuzz:
        fuzz_only(results, fuzz_n, repeat)
        return
    results["single_case"] = single_case(3 if args.quick else 9)
    print("single case:", json.dumps(results["single_case"]), flush=True)
    if args.single:
        print(single_line(results["single_case"]))  # type: ignore[arg-type]
        return
    figures = {
        "verdicts_1": ("throughput", n, 1, 0, "compiled"),
        "verdicts_2": ("throughput", n, 2, 0, "compiled"),
        "explained_1": ("throughput", n, 1, 1, "compiled"),
        "explained_2": ("throughput", n, 2, 1, "compiled"),
        "verdicts_1_clingo": ("throughput", ref, 1, 0, "clingo"),
        "memory_small": ("throughput", small, 1, 0, "compiled"),
        **FUZZ(fuzz_n),
    }
    measured = interleaved(figures, repeat)
    results["sizes"] = {"throughput": n, "clingo_reference": ref, "memory_small": small, "fuzz": fuzz_n}
    results["figures"] = measured
    if args.large:
        results["large"] = {"cases": args.large, **child("throughput", args.large, 1, 0, "compiled")}
        print("large:", json.dumps(results["large"]), flush=True)
    summary = summarise(results)
    results["summary"] = summary
    for line in summary:
        print(line)
    out = ROOT / "bench" / ("results-quick.json" if args.quick else "results.json")
    out.write_text(json.dumps(results, indent=2) + "\n")
    print("written", out.relative_to(ROOT))


def FUZZ(n: int) -> dict[str, tuple[object, ...]]:
    """`doctrine fuzz -n N --seed 1`: one process, two (`--workers 2`), and clingo's engine (on a
    tenth of N, at least 30 scenarios)."""
    return {
        "fuzz": ("fuzz", n, "compiled", 1),
        "fuzz_2": ("fuzz", n, "compiled", 2),
        "fuzz_clingo": ("fuzz", max(30, n // 10), "clingo", 1),
    }


def fuzz_only(results: dict[str, object], n: int, repeat: int) -> None:
    results["sizes"] = {"fuzz": n}
    results["figures"] = interleaved(FUZZ(n), repeat)
    results["summary"] = [fuzz_line(results["figures"]), f"load average at the end: {os.getloadavg()}"]  # type: ignore[arg-type]
    for line in results["summary"]:  # type: ignore[attr-defined]
        print(line)
    out = ROOT / "bench" / "results-fuzz.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print("written", out.relative_to(ROOT))


def fuzz_line(f: dict[str, dict[str, float]]) -> str:
    one, two, clingo = f["fuzz"], f["fuzz_2"], f["fuzz_clingo"]
    return (f"fuzz ({one['batch_scenarios']:,.0f} scenarios): {one['scenarios_per_s']:.1f} scenarios/s, "
            f"{one['batch_scenarios_per_s']:.1f} in the batches "
            f"(2 processes: {two['scenarios_per_s']:.1f}, {two['batch_scenarios_per_s']:.1f}; --engine clingo, "
            f"{clingo['batch_scenarios']:,.0f} scenarios: "
            f"{clingo['scenarios_per_s']:.1f}, {clingo['batch_scenarios_per_s']:.1f}); "
            f"a violation found (and shrunk, in one process): {'yes' if one['violations'] else 'no'}")


def summarise(results: dict[str, object]) -> list[str]:
    f: dict[str, dict[str, float]] = results["figures"]  # type: ignore[assignment]
    one: dict[str, float] = results["single_case"]  # type: ignore[assignment]
    sizes: dict[str, int] = results["sizes"]  # type: ignore[assignment]
    m = results["machine"]
    v1, v2 = f["verdicts_1"]["cases_per_s"], f["verdicts_2"]["cases_per_s"]
    e1, e2 = f["explained_1"]["cases_per_s"], f["explained_2"]["cases_per_s"]
    lines = [
        f"machine: {m['nproc']} cores ({m['cpu']}), Python {m['python']}, clingo {m['clingo']}",  # type: ignore[index]
        f"verdicts/s ({sizes['throughput']:,} cases): 1 process {v1:,.0f}, 2 processes {v2:,.0f} ({v2 / v1:.2f}x)",
        f"with explanations/s: 1 process {e1:,.0f}, 2 processes {e2:,.0f}; explanation cost {v1 / e1:.2f}x",
        f"clingo's solve as the engine ({sizes['clingo_reference']:,} cases, 1 process): "
        f"{f['verdicts_1_clingo']['cases_per_s']:,.0f} verdicts/s",
        single_line(one),
        fuzz_line(f),
        f"peak memory (ru_maxrss / VmHWM, MiB): {sizes['memory_small']:,} cases "
        f"{f['memory_small']['maxrss_mib']:.0f} / {f['memory_small']['vmhwm_mib']:.0f}; "
        f"{sizes['throughput']:,} cases {f['verdicts_1']['maxrss_mib']:.0f} / {f['verdicts_1']['vmhwm_mib']:.0f}",
    ]
    large = results.get("large")
    if isinstance(large, dict):
        lines.append(f"peak memory at {large['cases']:,} cases: {large['maxrss_mib']:.0f} / {large['vmhwm_mib']:.0f} MiB "
                     f"({large['cases_per_s']:,.0f} verdicts/s, one run)")
    return lines


def single_line(one: dict[str, float]) -> str:
    return (f"doctrine explain of billings: {one['explain_s'] * 1e3:.0f} ms; bare python -m clingo "
            f"{one['bare_clingo_s'] * 1e3:.0f} ms: {one['explain_over_bare']:.2f}x "
            f"(doctrine run {one['run_s'] * 1e3:.0f} ms; with --engine clingo {one['run_clingo_engine_s'] * 1e3:.0f} ms)")


if __name__ == "__main__":
    main()
