"""Case language v2: each kind of fact appellate courts turn on (issue items 1-9) is stated by a
bundled real decision, is accepted by the checker, and reaches clingo as the Symbols the
vocabulary names (`rules/vocabulary.lp`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from doctrine.engine.compile import compile_case
from doctrine.language.check import load_case_file

ROOT = Path(__file__).resolve().parents[2]

# item -> (a bundled case file that states it, atoms its compiled facts must hold)
ITEMS = {
    "1 the district court's handling": (
        "corpus/ca10-2017-doe.case",
        {"district_court(denied)", "district_court_ruling(refused_to_consider)", "believed(review_refusal)",
         "believed_power(review_refusal,lacks)"},
    ),
    "2 agreements clause by clause": (
        "corpus/ca6-2013-woods.case",
        {"promise(to_move)", "promise_in(to_move,plea_agreement)", "promise_motion(to_move,s5k1_1)",
         "promise_motion(to_move,rule35b)", "promise_condition(to_move,full_truthful_cooperation)",
         "defendant_duty(truthfulness)", "defendant_duty_breached(truthfulness,yes)"},
    ),
    "3 the government's conduct over time": (
        "corpus/ca10-2017-doe.case",
        {"government_act(recommended_motion)", "government_act_by(recommended_motion,stand_in)"},
    ),
    "4 reasons by legal kind": (
        "corpus/ca2-2006-roe.case",
        {"government_reason(other)", "government_reason_kind(other,compliance)",
         "government_reason_facts_known(other,before_agreement)", "government_reason_when(other,below)"},
    ),
    "5 allegations and evidence": (
        "corpus/ca10-2017-doe.case",
        {"allegation(breach_of_plea_agreement)", "allegation_support(breach_of_plea_agreement,unknown)",
         "allegation_motion(breach_of_plea_agreement,s3553e)", "allegation_motion(breach_of_plea_agreement,s5k1_1)"},
    ),
    "6 preservation per claim and appeal waivers": (
        "corpus/ca10-2017-doe.case",
        {"allegation_preserved(bad_faith,raised)", "appeal_waiver(yes)", "appeal_waiver_scope(appeal_of_sentence)"},
    ),
    "7 numbers and dates": (
        "corpus/ca6-2013-johnson.case",
        {"statutory_minimum(term)", "sentence_below_minimum(yes)", "sentence_at_minimum(no)"},
    ),
    "8 whose word a fact is": (
        "corpus/ca6-2013-woods.case",
        {"defendant_duty_per(truthfulness,found_below)"},
    ),
    "9 posture and metadata": (
        "corpus/scotus-2018-koons.case",
        {"court(supreme_court)", "posture(certiorari)", "from_circuit(eighth_circuit)"},
    ),
}


@pytest.mark.parametrize("item", sorted(ITEMS))
def test_each_kind_of_fact_reaches_clingo(item: str) -> None:
    path, atoms = ITEMS[item]
    f = load_case_file(ROOT / path)
    [case] = f.cases
    program = compile_case(case, path)
    facts = {str(s) for s in program.facts}
    assert atoms <= facts, sorted(atoms - facts)
    for s in program.facts:  # every fact is a Symbol over constants, never text
        assert all(a.type.name == "Function" for a in s.arguments), s


def test_decided_is_the_default_as_of() -> None:
    f = load_case_file(ROOT / "corpus" / "ca10-2017-doe.case")
    [case] = f.cases
    assert compile_case(case).decided == 20170804
