"""The batch engine gives exactly what the one-case path gives: verdicts and explanations."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from doctrine.engine.compile import compile_case
from doctrine.engine.rulebase import load_rulebase
from doctrine.engine.solve import Engine, Solver, circuit_of
from doctrine.proof import strategies
from doctrine.reasoning.evaluate import evaluate
from doctrine.reasoning.explanation import explain

RULEBASE = load_rulebase()
SHARED = Solver(RULEBASE)


def _one_case(case):  # type: ignore[no-untyped-def]
    """The one-case path: a fresh Engine (a fresh clingo Control, grounded for this case alone)."""
    program = compile_case(case, "generated.case")
    engine = Engine(RULEBASE, RULEBASE.jurisdiction_for(circuit_of(program)))
    return explain(engine.solve(program), RULEBASE)


@given(st.lists(strategies.cases(), min_size=1, max_size=4))
@settings(max_examples=15)
def test_batch_equals_one_case_path(cases) -> None:  # type: ignore[no-untyped-def]
    pairs = [(c, "generated.case") for c in cases]
    batch = list(evaluate(pairs, workers=1, explained=True))
    assert [b.verdict for b in batch] == [_one_case(c).verdict for c in cases]
    assert [b.explanation for b in batch] == [_one_case(c) for c in cases]


def test_worker_processes_equal_in_process() -> None:
    from doctrine.proof.generate import generated_cases

    pairs = [(c, "generated.case") for c in generated_cases(60, seed=11, generator="builtin")]
    here = [e.verdict for e in evaluate(pairs, workers=1)]
    there = [e.verdict for e in evaluate(pairs, workers=2, chunk_size=16)]
    assert here == there
    assert [v.case for v in there] == [c.id for c, _ in pairs]  # order kept


def test_engine_does_not_grow_between_cases() -> None:
    """Cases are switched on and off as externals; the ground program stays the same size."""
    from doctrine.proof.generate import generated_cases

    engine = SHARED.engine("seventh_circuit")
    before = {a.symbol for a in engine._ctl.symbolic_atoms}
    for case in generated_cases(50, seed=2, generator="builtin"):
        engine.solve(compile_case(case))
    after = {a.symbol for a in engine._ctl.symbolic_atoms}
    assert after <= before  # nothing added (clingo may drop atoms it simplified away)


def test_two_streams_consumed_in_turn_keep_their_own_settings() -> None:
    """A diff reads two batches side by side in one process; each keeps its own jurisdiction."""
    from doctrine.proof.generate import generated_cases

    pairs = [(c, "generated.case") for c in generated_cases(6, seed=4, generator="builtin")]
    eighth = evaluate(pairs, jurisdiction="eighth_circuit", chunk_size=1)
    seventh = evaluate(pairs, jurisdiction="seventh_circuit", chunk_size=1)
    for a, b in zip(eighth, seventh):
        assert (a.verdict.jurisdiction, b.verdict.jurisdiction) == ("eighth_circuit", "seventh_circuit")


def test_deferred_slices_give_what_their_cases_give() -> None:
    """A worker may read its cases itself (`Deferred`): the same results, in order, with 1 and
    2 processes, whatever the chunk size."""
    from doctrine.engine.batch import Deferred
    from doctrine.proof.generate import pool_cases

    pairs = pool_cases(5, 0, 45, pool=20)
    assert len({c.id for c, _ in pairs}) == 45
    want = [e.verdict for e in evaluate(pairs, workers=1)]
    slices = [Deferred(pool_cases, (5, s, min(s + 10, 45), 20), min(10, 45 - s)) for s in range(0, 45, 10)]
    for workers, chunk_size in ((1, 10), (2, 20), (1, 1000)):
        got = [e.verdict for e in evaluate(slices, workers=workers, chunk_size=chunk_size)]
        assert got == want


def test_an_evaluation_crosses_between_processes_as_plain_tuples() -> None:
    """A worker's verdict is pickled as tuples (pack_verdict), naming neither Verdict nor
    Holding, and is the same Verdict when read."""
    import pickle
    import pickletools
    from pathlib import Path

    from doctrine.language.check import load_case_file
    from doctrine.proof.generate import pool_cases

    scenarios = Path(__file__).resolve().parents[2] / "scenarios"
    pairs = [(c, f.source) for f in [load_case_file(scenarios / "mackmore.case")] for c in f.cases]
    pairs += pool_cases(3, 0, 20)
    for e in evaluate(pairs):
        data = pickle.dumps(e)
        names = {arg for _, arg, _ in pickletools.genops(data) if isinstance(arg, str)}
        assert not names & {"Verdict", "Holding"}
        back = pickle.loads(data)
        assert back == e and back.verdict == e.verdict and back.verdict.holdings


def test_an_explanation_crosses_as_tuples_and_reads_back_equal() -> None:
    """Explanations too cross as tuples (pack_explanation), naming none of the explanation's
    classes, and read back equal, why-not failures and spans included; each packer writes
    exactly the fields of its dataclass."""
    import dataclasses
    import pickle
    import pickletools
    from pathlib import Path

    from doctrine.language.check import load_case_file
    from doctrine.reasoning.nodes import PACKED_FIELDS

    for cls, names in PACKED_FIELDS.items():
        assert tuple(f.name for f in dataclasses.fields(cls)) == names, cls.__name__
    scenarios = Path(__file__).resolve().parents[2] / "scenarios"
    pairs = [(c, f.source) for path in sorted(scenarios.glob("*.case")) for f in [load_case_file(path)] for c in f.cases]
    results = list(evaluate(pairs, explained=True, why_not="relief"))
    assert any(e.explanation.why_not for e in results)  # type: ignore[union-attr]
    assert any(leaf.span for e in results for n in e.explanation.nodes() for leaf in n.facts)  # type: ignore[union-attr]
    for e in results:
        data = pickle.dumps(e)
        names = {arg for _, arg, _ in pickletools.genops(data) if isinstance(arg, str)}
        assert not names & {"Verdict", "Holding", "Explanation", "Section", "Node", "Leaf", "Failure", "Span"}
        back = pickle.loads(data)
        assert back.explanation == e.explanation and back.verdict == e.verdict
        assert back.explanation.verdict is back.verdict


def test_a_chunk_leaves_no_cyclic_garbage() -> None:
    """What a chunk drops is freed as it is dropped, and so is what its results unpickle to (in
    the parent of workers): `collector_paused(age=True)` moves what a chunk made, or what a
    worker's message unpickled to, to the collector's oldest generation unwalked, which is
    only sound if no cycle is left for the collector to find (cyclic garbage fails here)."""
    import gc
    import pickle

    from doctrine.engine.batch import Deferred
    from doctrine.proof.generate import pool_cases

    slices = [Deferred(pool_cases, (5, 0, 150), 150), Deferred(pool_cases, (5, 150, 300), 150)]
    for explained in (False, True):
        list(evaluate(slices, workers=1, explained=explained, chunk_size=1))  # engines loaded, caches filled
        gc.collect()
        gc.disable()
        try:
            results = list(evaluate(slices, workers=1, explained=explained, chunk_size=1))
            assert len(results) == 300
            back = pickle.loads(pickle.dumps(results))  # as a worker's results reach its parent
            assert back == results
            del results, back
            assert gc.collect() == 0
        finally:
            gc.enable()


def test_aging_what_a_chunk_made_keeps_what_a_caller_froze() -> None:
    """After a chunk the collector runs again with nothing new to walk; a caller's frozen
    objects stay frozen."""
    import gc

    from doctrine.engine.workers import collector_paused

    kept = []
    with collector_paused(age=True):
        kept.extend([i] for i in range(1000))
    assert gc.isenabled() and gc.get_count()[0] < 100
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused(age=True):
            kept.extend([i] for i in range(1000))
        assert gc.get_freeze_count() == frozen and gc.isenabled()
    finally:
        gc.unfreeze()
