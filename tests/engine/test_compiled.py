"""The compiled engine against clingo's solve, the reference: the same runs, verdicts and
explanations, in every jurisdiction, on generated cases and on every bundled case; and a
rulebase the evaluator cannot take falls back to clingo with one message."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from minrules import ROOT, make_rules

from doctrine.engine import engines
from doctrine.engine.compile import compile_case
from doctrine.engine.compiled import CompiledDoctrine, CompiledEngine, NotStratifiedWarning, build, evaluate
from doctrine.engine.compiled_cache import from_data, to_data
from doctrine.engine.engines import make_solver
from doctrine.engine.rulebase import load_rulebase
from doctrine.engine.solve import Engine, Solver
from doctrine.language.check import load_case_file
from doctrine.proof import strategies
from doctrine.reasoning.explanation import explain

RULEBASE = load_rulebase()
JURISDICTIONS = sorted(RULEBASE.jurisdictions)
CLINGO = Solver(RULEBASE)
COMPILED = make_solver(RULEBASE, engine="compiled")
BUNDLED = [
    (case, f.source)
    for path in sorted([*(ROOT / "scenarios").glob("*.case"), *(ROOT / "corpus").glob("*.case")])
    for f in [load_case_file(path)]
    for case in f.cases
]


def _same(programs, jurisdiction, rulebase=RULEBASE, clingo=CLINGO, compiled=COMPILED):  # type: ignore[no-untyped-def]
    """Both engines on the same programs: equal outcomes (every run, shown atom by shown atom,
    derivations in the same order), hence equal verdicts and explanations."""
    expected = clingo.solve_many(programs, jurisdiction)
    got = compiled.solve_many(programs, jurisdiction)
    assert isinstance(compiled.engine(jurisdiction or expected[0].jurisdiction), CompiledEngine)
    for want, have in zip(expected, got, strict=True):
        assert have == want
        assert explain(have, rulebase) == explain(want, rulebase)


@given(st.lists(strategies.cases(), min_size=1, max_size=6), st.sampled_from([None, *JURISDICTIONS]))
@settings(max_examples=30)
def test_engines_agree_on_generated_cases(cases, jurisdiction) -> None:  # type: ignore[no-untyped-def]
    _same([compile_case(c, "generated.case") for c in cases], jurisdiction)


@pytest.mark.parametrize("jurisdiction", [None, *JURISDICTIONS])
def test_engines_agree_on_every_bundled_case(jurisdiction: str | None) -> None:
    _same([compile_case(c, s) for c, s in BUNDLED], jurisdiction)


def test_engines_agree_under_another_date() -> None:
    programs = [compile_case(c, s) for c, s in BUNDLED]
    for as_of in (19900101, 20080101, 20300101):
        expected = CLINGO.solve_many(programs, None, as_of)
        assert COMPILED.solve_many(programs, None, as_of) == expected


def test_the_cached_form_is_the_built_form() -> None:
    built = build(RULEBASE, None, True)
    assert from_data(to_data(built)) == built
    assert COMPILED.engine("eighth_circuit").doctrine == built  # type: ignore[attr-defined]
    one = build(RULEBASE, "eighth_circuit", True)  # a rulebase whose jurisdiction files say more than facts
    assert from_data(to_data(one)) == one


def test_one_doctrine_serves_every_jurisdiction() -> None:
    """The jurisdiction files are only facts: the engines of every jurisdiction share one
    compiled doctrine and one batch, and a chunk of cases from several circuits is answered
    together (one pass a round), as clingo answers each case in its own circuit."""
    assert RULEBASE.merged()
    assert RULEBASE.jurisdiction_facts("seventh_circuit")
    batches = {id(COMPILED.engine(j).batch) for j in JURISDICTIONS}
    assert len(batches) == 1
    programs = [compile_case(c, s) for c, s in BUNDLED]
    assert len({o.jurisdiction for o in COMPILED.solve_many(programs)}) > 3
    _same(programs, None)


def test_positive_cycles_reach_their_least_fixpoint() -> None:
    """a :- b.  b :- a.  a :- x.  c :- not a.  (x the input, atom 1): a recursive part."""
    rules = ((2, (3,), ()), (3, (2,), ()), (2, (1,), ()), (4, (), (2,)))
    from doctrine.engine.compiled import _order

    doctrine = CompiledDoctrine(4, _order(list(rules), "test"), (), (), {"x": 1}, (("a", (2,), ()), ("b", (3,), ()), ("c", (4,), ())))
    assert any(recursive for recursive, _ in doctrine.blocks)
    assert evaluate(doctrine, [frozenset({1}), frozenset()]) == [[0, 1], [2]]
    assert evaluate(doctrine, [frozenset({1}), frozenset()], laid_out=False) == [[0, 1], [2]]


def test_each_rule_is_stored_after_every_rule_defining_a_premise() -> None:
    """The pass takes the stored rules of a part without recursion in order (in groups of one
    shape): each must come after every rule whose head it reads, negated or not."""
    doctrine = COMPILED.engine("seventh_circuit").doctrine  # type: ignore[attr-defined]
    for recursive, rules in doctrine.blocks:
        if recursive:
            continue
        last = {}
        for i, (head, _, _) in enumerate(rules):
            last[head] = i
        for i, (_, pos, neg) in enumerate(rules):
            assert all(last.get(a, -1) < i for a in (*pos, *neg))


def test_a_pass_taken_level_by_level_is_the_pass_in_stored_order() -> None:
    """d :- a, b.  e :- not d.  f :- e, c.  g :- a, not f.  (a, b, c the inputs, atoms 1-3)"""
    from doctrine.engine.compiled import _order

    rules = [(4, (1, 2), ()), (5, (), (4,)), (6, (3, 5), ()), (7, (1,), (6,))]
    shown = tuple((name, (atom,), ()) for name, atom in (("d", 4), ("e", 5), ("f", 6), ("g", 7)))
    doctrine = CompiledDoctrine(7, _order(rules, "test"), (), (), {"a": 1, "b": 2, "c": 3}, shown)
    requests = [frozenset(s) for s in ({1, 2, 3}, {1, 3}, {3}, {1}, set())]
    expected = [[0, 3], [1, 2], [1, 2], [1, 3], [1]]
    assert evaluate(doctrine, requests) == expected
    assert evaluate(doctrine, requests, laid_out=False) == expected


def test_a_pass_reads_each_rule_rarest_premise_first() -> None:
    """d :- a, b, c.  e :- a, c.  f :- a, b, not e.  g :- a.  (a, b, c the inputs, atoms 1-3;
    a is read by four rules, b by two, c by two): each rule is stored and laid out from the
    premise fewest rules read, and the answer sets are those of the stored order; in the built
    doctrine, no rule's first premise is read by more rules than another of its premises."""
    from collections import Counter

    from doctrine.engine.bitset import _pass, rarest_first
    from doctrine.engine.compiled import _order

    rules = [(4, (1, 2, 3), ()), (5, (1, 3), ()), (6, (1, 2), (5,)), (7, (1,), ())]
    assert rarest_first(rules) == [(4, (2, 1, 3), ()), (5, (3, 1), ()), (6, (2, 1), (5,)), (7, (1,), ())]
    shown = tuple((name, (atom,), ()) for name, atom in (("d", 4), ("e", 5), ("f", 6), ("g", 7)))
    doctrine = CompiledDoctrine(7, _order(rarest_first(rules), "test"), (), (), {"a": 1, "b": 2, "c": 3}, shown)
    firsts = {row[0]: row[1] for _, groups in _pass(doctrine).blocks for _, rows in groups for row in rows}
    assert firsts == {4: 2, 5: 3, 6: 2, 7: 1}
    requests = [frozenset(s) for s in ({1, 2, 3}, {1, 3}, {1, 2}, {2, 3}, {1}, set())]
    expected = [[0, 1, 3], [1, 3], [2, 3], [], [3], []]
    assert evaluate(doctrine, requests) == expected
    assert evaluate(doctrine, requests, laid_out=False) == expected
    built = [r for _, rs in COMPILED.engine("seventh_circuit").doctrine.blocks for r in rs]  # type: ignore[attr-defined]
    uses = Counter(a for _, pos, _ in built for a in pos)
    assert all(uses[pos[0]] == min(uses[a] for a in pos) for _, pos, _ in built if pos)


CYCLE = """
rule(min_cycle, wade, "1", dictum, merits).
derive(min_cycle, relief(cycle_a)) :- allegation(bad_faith), not holds(relief(cycle_b)).
derive(min_cycle, relief(cycle_b)) :- allegation(bad_faith), not holds(relief(cycle_a)).
"""


def test_a_cycle_through_negation_falls_back_to_clingo_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(engines, "_WARNED", set())
    rules = make_rules(tmp_path / "rules")
    with (rules / "min.lp").open("a") as f:
        f.write(CYCLE)
    rulebase = load_rulebase(rules)
    solver = make_solver(rulebase, engine="compiled")
    case = load_case_file(ROOT / "scenarios" / "billings.case").cases[0]  # no bad-faith allegation
    program = compile_case(case, "billings.case")
    with pytest.warns(NotStratifiedWarning, match="cycle through negation") as caught:
        got = [solver.solve_many([program], j)[0] for j in sorted(rulebase.jurisdictions)]
    assert len(caught) == 1
    assert all(type(solver.engine(j)) is Engine for j in rulebase.jurisdictions)
    assert got == [Solver(rulebase).solve(program, j) for j in sorted(rulebase.jurisdictions)]


def test_the_fixture_rules_compile_and_agree(tmp_path: Path) -> None:
    rules = make_rules(tmp_path / "rules")
    rulebase = load_rulebase(rules)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compiled = make_solver(rulebase, engine="compiled")
        programs = [compile_case(c, s) for c, s in BUNDLED]
        for j in sorted(rulebase.jurisdictions):
            _same(programs, j, rulebase, Solver(rulebase), compiled)


def test_a_jurisdiction_file_with_a_rule_is_grounded_on_its_own(tmp_path: Path) -> None:
    """A jurisdiction file that says more than `setting/2` and `setting_since/2` facts cannot be
    switched on as inputs: each jurisdiction is grounded on its own (one compiled doctrine
    each), and the engines still agree with clingo's in every jurisdiction."""
    rules = make_rules(tmp_path / "rules")
    with (rules / "jurisdictions" / "eighth_circuit.lp").open("a") as f:
        f.write("\nsetting(bad_faith_review, recognized) :- allegation(bad_faith).\n")
    rulebase = load_rulebase(rules)
    assert rulebase.jurisdiction_facts("eighth_circuit") is None
    assert rulebase.jurisdiction_facts("seventh_circuit") is not None
    assert not rulebase.merged()
    compiled = make_solver(rulebase, engine="compiled")
    assert compiled.engine("eighth_circuit").batch is not compiled.engine("seventh_circuit").batch
    programs = [compile_case(c, s) for c, s in BUNDLED]
    _same(programs, None, rulebase, Solver(rulebase), compiled)
    for j in ("eighth_circuit", "seventh_circuit"):
        _same(programs, j, rulebase, Solver(rulebase), compiled)


def test_one_run_and_a_batch_give_the_same_answer_sets() -> None:
    """The two evaluations of a compiled doctrine: following what fires (one run) and a pass
    over every rule (a batch), on the first run of every bundled case in two jurisdictions."""
    from doctrine.engine.compiled import Sparse, shown_runs

    for j in ("seventh_circuit", "eighth_circuit"):
        engine = COMPILED.engine(j)
        assert isinstance(engine, CompiledEngine)
        parts = [engine.start(compile_case(c, s)).asked[0][0] for c, s in BUNDLED]
        requests = [frozenset().union(*p) for p in parts]  # each run's true inputs
        assert all(len(p) >= 2 for p in parts)  # the case's facts, its jurisdiction's settings (and its branch)
        sparse = Sparse(engine.doctrine)
        assert [sparse.evaluate(p) for p in parts] == evaluate(engine.doctrine, requests)
        assert evaluate(engine.doctrine, requests, laid_out=False) == evaluate(engine.doctrine, requests)
        assert [i for i, _ in shown_runs(engine.doctrine, parts)] == sorted({i for r in evaluate(engine.doctrine, requests) for i in r})


def _rounds(engine: Engine, program) -> int:  # type: ignore[no-untyped-def]
    """The rounds of requests one case's plan makes, each answered by `engine`."""
    from doctrine.engine.solve import run_plans

    rounds = 0

    def answer(requests):  # type: ignore[no-untyped-def]
        nonlocal rounds
        rounds += 1
        return engine._answer(requests) if isinstance(engine, CompiledEngine) else engine._answer_each(requests)

    run_plans([engine.start(program)], answer)
    return rounds


def test_the_compiled_engine_asks_for_the_even_if_run_a_round_early() -> None:
    """A batch round is a pass over every rule, so the compiled engine asks for a barred run's
    "even if" run with the other branches: never more rounds than clingo's one-by-one plan,
    and fewer for a case with both a bar and an open question, with the same outcome."""
    from doctrine.proof.generate import pool_cases

    fewer = 0
    for j in ("seventh_circuit", "eighth_circuit"):
        for case, source in [*BUNDLED, *pool_cases(2, 0, 100)]:
            program = compile_case(case, source)
            compiled, clingo = _rounds(COMPILED.engine(j), program), _rounds(CLINGO.engine(j), program)
            assert compiled <= clingo
            fewer += compiled < clingo
    assert fewer > 0


def test_a_run_made_field_by_field_is_the_dataclass() -> None:
    """`_new_run` stores a Run's fields without its `__init__`: the same value, repr, hash and
    pickle as `Run(...)`, for every field the dataclass has (a field added to Run fails here)."""
    import dataclasses
    import pickle

    from doctrine.engine.solve import Body, Run, _new_run

    values = ((("q", "p"),), ("bar",), frozenset({"relief(remand)"}), (("r", "relief(remand)"),), frozenset({"r"}),
              ("bar",), (Body("r", 0, "relief(remand)", ("a",), ()),))
    made, reference = _new_run(*values), Run(*values)
    assert [f.name for f in dataclasses.fields(Run)] == list(made.__dict__)
    assert made == reference and repr(made) == repr(reference) and hash(made) == hash(reference)
    assert made.relief == reference.relief == ("remand",)
    assert pickle.loads(pickle.dumps(made)) == reference


def test_a_runs_relief_is_read_off_its_buckets_as_the_property_reads_it() -> None:
    """`_make_run` stores `relief` and `below_minimum` read off the buckets `shown_entry` puts
    their conclusions in: the values `Run`'s properties read off the conclusions, and every
    conclusion is still among the run's conclusions."""
    import clingo

    from doctrine.engine.solve import BUCKETS, Run, _make_run, shown_entry

    atoms = ["holds(relief(remand))", "holds(relief(hearing))", "holds(below_minimum_authorized(safety_valve))",
             "holds(review(plain_error))", "holds(relief_denied)", "applied(r,relief(remand))", "shown_elsewhere(x)"]
    got: dict[str, list[object]] = {name: [] for name in BUCKETS}
    for atom in atoms:
        entry = shown_entry(clingo.parse_term(atom))
        if entry is not None:
            got[entry[0]].append(entry[1])
    run, _ = _make_run(got, (), ())  # type: ignore[arg-type]
    fields = {name: getattr(run, name) for name in ("branch", "even_if", "conclusions", "applied", "binding",
                                                    "barred_by", "bodies")}
    reference = Run(**fields)
    assert run.conclusions == {"relief(remand)", "relief(hearing)", "below_minimum_authorized(safety_valve)",
                               "review(plain_error)", "relief_denied"}
    assert run.relief == reference.relief == ("hearing", "remand")
    assert run.below_minimum == reference.below_minimum == ("safety_valve",)
    none, _ = _make_run({name: [] for name in BUCKETS}, (), ())
    assert none.relief == none.below_minimum == ()


def test_an_outcome_made_field_by_field_is_the_dataclass() -> None:
    """`_new_outcome` stores an Outcome's fields without its `__init__`: the same value, repr
    and pickle as `Outcome(...)`, for every field the dataclass has."""
    import dataclasses
    import pickle

    from doctrine.engine.solve import Outcome, _new_outcome

    values = ("c", "c.case", "seventh_circuit", (), ("court(seventh_circuit)",), {"court(seventh_circuit)": None},
              20080101, "United States v. C", "1 F.4th 1")
    made, reference = _new_outcome(*values), Outcome(*values)  # type: ignore[arg-type]
    assert [f.name for f in dataclasses.fields(Outcome)] == list(made.__dict__)
    assert made == reference and repr(made) == repr(reference)
    assert pickle.loads(pickle.dumps(made)) == reference


def test_a_plan_whose_questions_read_have_one_position_asks_nothing_more() -> None:
    """A run that read an open question with a single position has no other branch to ask for:
    the plan names the question decided and goes on to the "even if" runs (here none)."""
    from types import SimpleNamespace

    from doctrine.engine.solve import CasePlan, Run, run_plans

    run = Run((("q", "only"),), (), frozenset(), (), frozenset(), ())
    engine = SimpleNamespace(rulebase=SimpleNamespace(questions={"q": ("only",)}), ask_ahead=True,
                             _request=lambda facts, branch, bars: (facts, branch, bars),
                             _outcome=lambda plan: tuple(plan.runs), _branchings={})
    engine._branching = lambda first, open_here: Engine._branching(engine, first, open_here)  # type: ignore[arg-type]
    plan = object.__new__(CasePlan)
    plan.engine, plan.facts, plan.open_questions, plan.first = engine, frozenset({1}), ("q",), (("q", "only"),)  # type: ignore[assignment]
    plan.even_if, plan.runs, plan.ahead, plan.ahead_answer, plan.branching = (), [], None, None, False
    plan.asked = [(plan.facts, plan.first, ())]
    asked: list[object] = []
    [runs] = run_plans([plan], lambda requests: asked.append(requests) or [(run, frozenset({"q"}))])  # type: ignore[func-returns-value, arg-type]
    assert len(asked) == 1 and [r.branch for r in runs] == [(("q", "only"),)]


def test_an_outcomes_primary_runs_are_read_when_it_is_made() -> None:
    """`Engine._outcome` stores `primary` as the property reads it (the runs that set no bar
    aside), for both engines, on every bundled case: cases with "even if" runs among them."""
    programs = [compile_case(c, s) for c, s in BUNDLED]
    barred = 0
    for solver in (CLINGO, COMPILED):
        for outcome in solver.solve_many(programs):
            assert "primary" in outcome.__dict__
            assert outcome.primary == tuple(r for r in outcome.runs if not r.even_if)
            barred += any(r.even_if for r in outcome.runs)
    assert barred > 10
