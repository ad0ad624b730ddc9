"""The proof context remembers outcomes by a case's facts, and by its date of decision, which is
not a fact but decides the law in force: a case decided in 1990 and one decided in 2000 with the
same facts are two questions (a hypothesis run met the first answer given to the second)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from doctrine.engine.rulebase import load_rulebase
from doctrine.language.check import load_case_file
from doctrine.language.syntax import Case
from doctrine.proof.context import Context

CASE = """case a
  court first_circuit
  decided 2000-01-01
  posture sentence_reduction
  seeks remand
  cooperation_agreement before_plea
    terms promise_to_consider
  government_denies custody_made_assistance_useless
  remark breach_of_cooperation_agreement
    by court
    purpose explain_minimum
  allegation unconstitutional_motive
    ties_decision_maker yes
    rebuts_stated_reasons yes
    preserved raised
  defendant_duty truthfulness
    breached yes
  district_court not_ruled
    found_threshold_showing yes
    found_bad_faith yes
    found_defendant_breach yes
  appeal_waiver yes
end
"""


def _decided(case: Case, date: str) -> Case:
    return replace(case, statements=tuple(
        replace(s, values=(replace(s.values[0], text=date),)) if s.key == "decided" else s for s in case.statements))


def test_the_same_facts_decided_on_another_date_are_solved_again(tmp_path: Path) -> None:
    path = tmp_path / "a.case"
    path.write_text(CASE, encoding="utf-8")
    (case,) = load_case_file(path).cases
    rulebase = load_rulebase()
    earlier, later = _decided(case, "1990-01-01"), _decided(case, "2000-01-01")
    alone = Context(rulebase).outcome(later)
    assert alone.runs != Context(rulebase).outcome(earlier).runs  # the date matters to this case
    ctx = Context(rulebase)
    ctx.outcome(earlier)
    assert ctx.outcome(later).runs == alone.runs and ctx.outcome(later).as_of == 20000101
