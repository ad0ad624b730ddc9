"""Which engine decides the cases: the compiled evaluator, or clingo's solve (the reference).

    make_solver(rulebase, engine="compiled")
gives a Solver whose engine for each jurisdiction is a `CompiledEngine` (loaded from the disk
cache, or built), or clingo's `Engine` when the rulebase is not stratified (said once).
"""

from __future__ import annotations

import functools
import warnings

from doctrine.engine.compiled import Batch, CompiledEngine, NotStratified, NotStratifiedWarning
from doctrine.engine.compiled_cache import load_or_build, stored_entries
from doctrine.engine.rulebase import Rulebase
from doctrine.engine.solve import Engine, Solver

_WARNED: set[str] = set()
_BATCHES: dict[tuple[str, bool], Batch] = {}  # by (rules digest, trace): one doctrine for every jurisdiction


def make_engine(rulebase: Rulebase, jurisdiction: str, trace: bool = True) -> Engine:
    """The compiled engine of one jurisdiction (from the disk cache when it is there), or,
    when the doctrine is not stratified, clingo's engine, said once per rulebase and process.

    When one grounding serves every jurisdiction (`Rulebase.merged`), the engines of all of
    them share one compiled doctrine and one `Batch`, which answers their cases together."""
    try:
        if not rulebase.merged():
            doctrine = load_or_build(rulebase, jurisdiction, trace)
            own = Batch(doctrine, functools.partial(stored_entries, rulebase, jurisdiction, trace))
            return CompiledEngine(rulebase, jurisdiction, doctrine, trace, own)
        jurisdiction = rulebase.require_jurisdiction(jurisdiction)
        key = (rulebase.digest, trace)
        batch = _BATCHES.get(key)
        if batch is None:
            while len(_BATCHES) >= 4:  # each holds a compiled doctrine; keep memory bounded
                del _BATCHES[next(iter(_BATCHES))]
            batch = _BATCHES[key] = Batch(load_or_build(rulebase, None, trace),
                                          functools.partial(stored_entries, rulebase, None, trace))
        return CompiledEngine(rulebase, jurisdiction, batch.doctrine, trace, batch)
    except NotStratified as why:
        if rulebase.digest not in _WARNED:
            _WARNED.add(rulebase.digest)
            warnings.warn(
                f"{why}; the compiled engine needs a stratified doctrine, so clingo's solve decides these cases",
                NotStratifiedWarning,
                stacklevel=2,
            )
        return Engine(rulebase, jurisdiction, trace)


ENGINES = ("compiled", "clingo")


def make_solver(rulebase: Rulebase, trace: bool = True, engine: str = "compiled") -> Solver:
    """A Solver over the compiled engine (`compiled`) or clingo's solve (`clingo`, the reference)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    return Solver(rulebase, trace, make_engine if engine == "compiled" else None)
