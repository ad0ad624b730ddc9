"""Compare and timeline: where the law of the circuits diverges, which rules cause it, and when
the outcome changed (only the authorities decided by a date apply)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clitools import doctrine

from doctrine.analysis.compare import compare, timeline
from doctrine.analysis.counterfactual import branches
from doctrine.engine.rulebase import load_rulebase
from doctrine.engine.solve import Solver
from doctrine.language.parse import parse_source
from doctrine.language.source import Source
from doctrine.language.syntax import Case

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "rounsavall.case"
CIRCUITS = ["seventh_circuit", "eighth_circuit"]


def load(path: Path) -> Case:
    [case] = parse_source(Source(str(path), path.read_text())).cases
    return case


@pytest.fixture(scope="module")
def solver() -> Solver:
    return Solver(load_rulebase())


def _authorities(solver: Solver, rules: tuple[tuple[str, str], ...]) -> set[str]:
    return {solver.rulebase.rules[r].authority for r, _ in rules if r in solver.rulebase.rules}


def test_rounsavall_and_bad_faith_diverge_between_circuits(solver: Solver) -> None:
    cmp = compare(load(FIXTURE), solver, jurisdictions=CIRCUITS)
    seventh, eighth = cmp.verdicts
    assert eighth.relief_available is True
    assert seventh.relief_available is None and set(seventh.depends_on) == {"rounsavall_rule"}
    assert cmp.diverges
    by_question = {q: d for d in cmp.divergences for q, _, _ in d.questions}
    assert set(by_question) == {"rounsavall_rule"}
    # the rules that separate the columns come from Rounsavall
    rr = by_question["rounsavall_rule"]
    assert "rounsavall" in _authorities(solver, rr.only_left + rr.only_right)
    # without an agreement, bad faith is no ground in either circuit (federal doctrine § 1)
    assert all("wade_no_bad_faith_ground" in {h.rule for h in v.holdings} for v in cmp.verdicts)
    for d in cmp.divergences:
        assert cmp.columns[d.left].outcome != cmp.columns[d.right].outcome
        assert cmp.columns[d.left].holdings - cmp.columns[d.right].holdings == set(d.only_left)


def test_every_jurisdiction_and_branch_is_a_column(solver: Solver) -> None:
    # each jurisdiction runs the branches of the open questions the case reaches, in order
    cmp = compare(load(FIXTURE), solver)
    for j in solver.rulebase.jurisdictions:
        mine = [c.branch for c in cmp.columns if c.jurisdiction == j]
        every = list(branches(solver.rulebase, j))
        assert mine and all(any(set(b) <= set(e) for e in every) for b in mine), j
    assert [v.jurisdiction for v in cmp.verdicts] == sorted(solver.rulebase.jurisdictions)


def test_a_seed_that_every_circuit_decides_alike(solver: Solver) -> None:
    cmp = compare(load(ROOT / "scenarios" / "wade.case"), solver)
    assert not cmp.diverges and all(not c.relief for c in cmp.columns)


def test_as_of_before_rounsavall_nothing_diverges(solver: Solver) -> None:
    cmp = compare(load(FIXTURE), solver, jurisdictions=CIRCUITS, as_of=19961231)
    assert not cmp.diverges and cmp.as_of == 19961231


def test_timeline_names_the_decision_that_changed_the_outcome(solver: Solver) -> None:
    t = timeline(load(FIXTURE), solver, jurisdiction="eighth_circuit")
    dates = [s.date for s in t.steps]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert t.steps[0].verdict.relief_available is False  # before any authority: nothing applies
    first = t.changes()[0]
    assert "rounsavall" in first.decided and first.verdict.relief_available is True
    assert any(r.startswith("rounsavall") for r, _ in first.gained)
    for before, step in zip(t.steps, t.steps[1:]):
        assert step.changed == (step.outcome != before.outcome)




def test_cli_formats() -> None:
    r = doctrine("compare", str(FIXTURE), "--jurisdictions", ",".join(CIRCUITS), "--format", "json")
    assert r.returncode == 0, r.stderr
    [doc] = json.loads(r.stdout)["results"]
    assert doc["schema"] == "doctrine.compare/1" and doc["diverges"]
    assert {q["question"] for d in doc["divergences"] for q in d["questions"]} == {"rounsavall_rule"}
    r = doctrine("compare", str(FIXTURE), "--timeline", "--format", "md")
    assert r.returncode == 0 and "| 1997 | rounsavall | **changed:**" in r.stdout, r.stdout
    r = doctrine("compare", "scenarios/billings.case")
    assert r.returncode == 0 and "compare: billings" in r.stdout
    r = doctrine("compare", str(FIXTURE), "--jurisdictions", "twelfth_circuit")
    assert r.returncode == 2 and "Traceback" not in r.stderr
