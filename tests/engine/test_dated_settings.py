"""A circuit's position is the law only from the decision that settled it (`setting_since/2`):
a case decided earlier finds the question open, as it then was, and is decided both ways."""

from __future__ import annotations

import pytest
from minrules import ROOT

from doctrine.engine.compile import compile_case
from doctrine.engine.engines import make_solver
from doctrine.engine.rulebase import load_rulebase
from doctrine.engine.solve import Solver
from doctrine.language.check import load_case_file

RULEBASE = load_rulebase()
SOLVERS = {"clingo": Solver(RULEBASE), "compiled": make_solver(RULEBASE, engine="compiled")}
VARIED = load_case_file(ROOT / "scenarios" / "mackmore_bad_faith.case")
PROGRAM = compile_case(VARIED.cases[0], VARIED.source)
KILCREASE = RULEBASE.authorities["kilcrease"].date


def test_every_dated_setting_names_a_decision_of_its_own_court() -> None:
    dated = [(j, q, a) for j, s in RULEBASE.since.items() for q, a in s.items()]
    assert dated, "no jurisdiction file dates its settings"
    for jurisdiction, question, authority in dated:
        assert question in RULEBASE.jurisdictions[jurisdiction], (jurisdiction, question)
        assert RULEBASE.jurisdictions[jurisdiction][question] not in ("unknown", "unsettled"), (jurisdiction, question)
        assert RULEBASE.authorities[authority].court == jurisdiction, (jurisdiction, question, authority)


def test_a_question_is_open_before_the_decision_that_settled_it() -> None:
    assert "bad_faith_review" not in RULEBASE.open_questions("seventh_circuit")
    assert "bad_faith_review" in RULEBASE.open_questions("seventh_circuit", KILCREASE - 1)
    assert "bad_faith_review" not in RULEBASE.open_questions("seventh_circuit", KILCREASE)
    # an undated setting (the standard of plain error, from the Supreme Court) is never reopened
    assert "forfeited_standard" not in RULEBASE.open_questions("seventh_circuit", 19000101)


@pytest.mark.parametrize("engine", sorted(SOLVERS))
def test_the_same_case_depends_before_kilcrease_and_not_after(engine: str) -> None:
    solver = SOLVERS[engine]
    before = solver.solve(PROGRAM, "seventh_circuit", 20081215)
    after = solver.solve(PROGRAM, "seventh_circuit", 20130101)
    assert before.relief_available is None
    assert before.depends_on == ("bad_faith_review",)
    assert after.relief_available is True
    assert after.depends_on == ()
    # the branch the later law settled is the one the earlier case reaches under that position
    settled = [r for r in before.primary if dict(r.branch).get("bad_faith_review") == "recognized"]
    assert settled and all(r.relief for r in settled)


# A rule stating one answer to a split question (position_rule/2) is in force where the case's
# circuit settled that answer by its own decision, from that decision's date, though its words
# come from a later decision of another circuit ([Redacted], 6th Cir. 2021; Gangi, 2d Cir. 1995).
UNHEARD = load_case_file(ROOT / "corpus" / "ca2-1995-gangi.case")
UNHEARD_PROGRAM = compile_case(UNHEARD.cases[0], UNHEARD.source)


@pytest.mark.parametrize("engine", sorted(SOLVERS))
def test_a_position_rule_is_in_force_from_the_circuits_own_decision(engine: str) -> None:
    solver = SOLVERS[engine]
    assert RULEBASE.authorities["redacted"].date > 20000000 > RULEBASE.authorities["gangi"].date
    second = solver.solve(UNHEARD_PROGRAM, "second_circuit", 19960101)
    assert second.relief_available is True
    [run] = second.primary
    assert ("redacted_rule35b_response", "relief(remand)") in run.applied
    assert "redacted_rule35b_response" in run.binding
    # before Gangi the question was open in the Second Circuit, and no court had yet held the
    # defendant must be heard: the rule read from [Redacted] was not yet the law anywhere
    before = solver.solve(UNHEARD_PROGRAM, "second_circuit", 19940101)
    assert before.relief_available is False
    # a circuit that never settled the question: before any court had held it (Gangi), the rule
    # is in force on neither branch; once one had, the question is open there and decided both ways
    first = solver.solve(UNHEARD_PROGRAM, "first_circuit", 19940101)
    assert first.relief_available is False
    assert all(name != "redacted_rule35b_response" for run in first.runs for name, _ in run.applied)
    open_there = solver.solve(UNHEARD_PROGRAM, "first_circuit", 19960101)
    assert open_there.relief_available is None and open_there.depends_on == ("rule35b_response",)
    [recognized] = [r for r in open_there.primary if dict(r.branch).get("rule35b_response") == "recognized"]
    assert ("redacted_rule35b_response", "relief(remand)") in recognized.applied
    assert "redacted_rule35b_response" not in recognized.binding  # no decision of its own binds it

