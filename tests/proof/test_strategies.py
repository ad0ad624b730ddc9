"""The case strategies and the fact space: what they draw checks, and the two agree."""

from __future__ import annotations

import os

import clingo
import pytest
from clingo import ast
from hypothesis import given

from doctrine.analysis import space
from doctrine.engine.compile import compile_case
from doctrine.language import vocabulary as V
from doctrine.language.check import check_case_file
from doctrine.language.parse import parse_source
from doctrine.language.source import Source
from doctrine.language.syntax import Case, CaseFile, print_case_file
from doctrine.proof.strategies import case_texts, cases


@given(case_texts())
def test_drawn_cases_parse_and_check(text: str) -> None:
    parsed = parse_source(Source("drawn.case", text))
    assert check_case_file(parsed) == ()


@given(cases(court="eighth_circuit", plea_agreement="none", fixed={"allegation.support": "record_evidence"}))
def test_knobs_fix_facts(case: Case) -> None:
    assert [s.values[0].text for s in case.get("court")] == ["eighth_circuit"]
    [plea] = case.get("plea_agreement")
    assert plea.values[0].text == "none" and plea.children == ()
    for allegation in case.get("allegation"):
        assert [c.values[0].text for c in allegation.children if c.key == "support"] == ["record_evidence"]


@given(cases(exclude=("remark", "allegation.ground"), posture=("motion_to_compel", "sentence_reduction")))
def test_knobs_exclude_keys(case: Case) -> None:
    assert not case.get("remark")
    assert all(c.key != "ground" for s in case.get("allegation") for c in s.children)
    assert sorted(s.values[0].text for s in case.get("posture")) == ["motion_to_compel", "sentence_reduction"]


def test_unknown_knob_is_refused() -> None:
    with pytest.raises(ValueError):
        cases(cort="eighth_circuit")


@given(cases())
def test_every_drawn_case_lies_in_the_fact_space(case: Case) -> None:
    """What the strategies draw, the verifier's choice program can choose (the same space)."""
    facts = compile_case(case).facts
    circuit = next((f.arguments[0].name for f in facts if f.name == "circuit"), None)
    ctl = clingo.Control()
    with ast.ProgramBuilder(ctl) as builder:
        for rule in space.choices([circuit] if circuit else V.CIRCUITS.constants(), circuit is None):
            builder.add(rule)
    ctl.ground([("base", [])])
    universe = [sa.symbol for sa in ctl.symbolic_atoms]
    assumptions = [(s, s in set(facts)) for s in universe]
    assert set(facts) <= set(universe)
    assert ctl.solve(assumptions=assumptions).satisfiable


@given(cases())
def test_case_from_facts_inverts_compile(case: Case) -> None:
    facts = compile_case(case).facts
    rebuilt = space.case_from_facts(facts)
    assert check_case_file(CaseFile((rebuilt,))) == ()
    assert set(compile_case(rebuilt).facts) == set(facts)


@pytest.mark.parametrize("seed", range(20))
def test_chosen_scenarios_become_cases_that_compile_to_them(seed: int) -> None:
    ctl = clingo.Control(["--models=1", f"--seed={seed}", "--rand-freq=1"])
    with ast.ProgramBuilder(ctl) as builder:
        for rule in space.choices():
            builder.add(rule)
    ctl.ground([("base", [])])
    models: list[list[clingo.Symbol]] = []
    ctl.solve(on_model=lambda m: models.append(list(m.symbols(atoms=True))))
    rebuilt = space.case_from_facts(models[0])
    text = print_case_file(CaseFile((rebuilt,)))
    assert check_case_file(parse_source(Source("chosen.case", text))) == (), text
    assert set(compile_case(rebuilt).facts) == set(models[0]), text


SMALL = [
    "raised_below",
    "posture",
    "waiver_conduct",
    "seeks",
    "safety_valve",
    "plea_agreement",
    "cooperation_agreement",
    "custody",
    "allocution",
    "statutory_minimum",
    "assistance",
    "motion",  # a repeatable key with three children (614,656 answer sets)
]
# `concession` (2**24 answer sets, half a minute to enumerate) only in the deep profile
if os.environ.get("HYPOTHESIS_PROFILE") == "deep":
    SMALL.append("concession")


@pytest.mark.parametrize("word", SMALL)
def test_the_count_of_each_slot_is_the_number_of_its_answer_sets(word: str) -> None:
    ctl = clingo.Control(["--models=0"])
    with ast.ProgramBuilder(ctl) as builder:
        for rule in space.choices(keys=[word]):
            builder.add(rule)
    ctl.ground([("base", [])])
    n = 0

    def count(_m: clingo.Model) -> None:
        nonlocal n
        n += 1

    ctl.solve(on_model=count)
    assert n == space.key_size(word)


def test_the_count_of_courts_per_jurisdiction() -> None:
    circuits = V.CIRCUITS.constants()
    assert space.size() == space.size(circuits, True)
    parts = space.size(["eighth_circuit"], False) + space.size(
        [c for c in circuits if c != "eighth_circuit"], True
    )
    assert parts == space.size()


def test_import_doctrine_does_not_import_hypothesis() -> None:
    import subprocess
    import sys

    code = "import doctrine, doctrine.proof.invariants, doctrine.proof.fuzz, doctrine.proof.verify, sys; assert 'hypothesis' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
