"""Wall times of whatif, unknowns, compare and timeline on the five seed cases, in-process.

    python bench/bench_whatif.py [--repeat 5] [--out bench/whatif.json]

One Solver is shared, as in one `doctrine` command; the first ("cold") call of each command
includes grounding each jurisdiction's engine and transforming the doctrine for the what-if
program, the median is over the repeats after it. Times are seconds (time.perf_counter).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doctrine.analysis.compare import compare, timeline  # noqa: E402
from doctrine.analysis.whatif import decisive_unknowns, what_if  # noqa: E402
from doctrine.engine.rulebase import load_rulebase  # noqa: E402
from doctrine.engine.solve import Solver  # noqa: E402
from doctrine.language.parse import parse_source  # noqa: E402
from doctrine.language.source import Source  # noqa: E402

SEEDS = ("wade", "king", "billings", "buffington", "mackmore")
GOALS = {"wade": "relief", "king": "relief", "billings": "hearing", "buffington": "relief", "mackmore": "below_minimum"}


def _time(fn: Callable[[], Any], repeat: int) -> dict[str, float]:
    start = time.perf_counter()
    fn()
    cold = time.perf_counter() - start
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return {"cold": round(cold, 4), "median": round(statistics.median(runs), 4), "max": round(max(runs), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", default=str(ROOT / "bench" / "whatif.json"))
    args = parser.parse_args()
    solver = Solver(load_rulebase())
    results: dict[str, dict[str, Any]] = {}
    for name in SEEDS:
        path = ROOT / "scenarios" / f"{name}.case"
        [case] = parse_source(Source(str(path), path.read_text())).cases
        goal = GOALS[name]
        results[name] = {
            f"whatif --goal {goal}": _time(lambda c=case, g=goal: what_if(c, g, solver=solver), args.repeat),
            "whatif --unknowns": _time(lambda c=case: decisive_unknowns(c, solver), args.repeat),
            "compare": _time(lambda c=case: compare(c, solver), args.repeat),
            "compare --timeline": _time(lambda c=case: timeline(c, solver), args.repeat),
        }
        for command, t in results[name].items():
            print(f"{name:<11} {command:<30} median {t['median']:.3f}s  (cold {t['cold']:.3f}s, max {t['max']:.3f}s)")
    doc = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "repeat": args.repeat,
        "rules_sha256": solver.rulebase.digest,
        "seconds": results,
    }
    Path(args.out).write_text(json.dumps(doc, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
