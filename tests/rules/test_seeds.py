"""The five seed cases come out as the courts decided them (brief, section 3).

Each seed is solved the way the solver does it: once per branch of every question its
jurisdiction leaves open, and once more with a procedural bar set aside when one disposed
of the claim. No seed gets relief in any run.
"""

from __future__ import annotations

import pytest
from conftest import check, runs, seed_facts

JURISDICTION = {
    "wade": "default",
    "king": "seventh_circuit",
    "billings": "seventh_circuit",
    "buffington": "seventh_circuit",
    "mackmore": "eighth_circuit",
}


@pytest.mark.parametrize("name", sorted(JURISDICTION))
def test_no_relief_in_any_run(name):
    all_runs = runs(seed_facts(name), JURISDICTION[name])
    assert all_runs
    for r in all_runs:
        check(r.result, (), ())
        assert not r.result.relief, (r.branch, r.even_if, sorted(r.result.relief))
        assert not any(h.startswith(("improper_refusal", "threshold_showing(", "breach_of")) for h in r.result.holds)


def _primary(name):
    return [r for r in runs(seed_facts(name), JURISDICTION[name]) if not r.even_if]


def _everywhere(name, present, absent=()):
    for r in _primary(name):
        check(r.result, present, absent)


def test_wade():
    _everywhere(
        "wade",
        ("review(preserved)", "power_not_duty(s3553e)", "power_not_duty(s5k1_1)", "broad_discretion",
         "no_threshold_showing(unconstitutional_motive)", "@wade_mere_assistance", "@wade_threshold_required",
         "refusal_upheld", "no_authority_below_minimum", "@wade_no_motion_no_authority"),
        ("below_minimum_authorized(s3553e_motion)",),
    )


def test_king():
    _everywhere(
        "king",
        ("review(plain_error)", "@olano_plain_error", "not_wade_reviewable(failure_to_inform)", "@king_not_wade_reviewable",
         "custody_rational_basis", "@king_custody_rational_basis", "no_breach_of_plea_agreement",
         "good_faith_review(to_consider)", "@rexach_good_faith_review",
         "refusal_upheld", "no_authority_below_minimum"),
        ("due_process_violation(uninformed_plea)", "breach_of_plea_agreement"),
    )


BILLINGS = (
    "review(plain_error)", "@olano_plain_error",
    "@billings_stand_in_not_decider", "@billings_remark_aside", "@billings_remark_explains_minimum",
    "@billings_remarks_no_showing", "no_threshold_showing(impermissible_factor)",
    "rational_basis_conceded", "@billings_rational_basis_conceded", "@king_custody_rational_basis",
    "unsuccessful_attempt_no_duty", "@billings_unsuccessful_attempt",
    "not_wade_reviewable(failure_to_inform)", "@king_not_wade_reviewable",
    "no_duty_to_inform", "@billings_no_plea_agreement", "had_notice_of_custody_effect", "@billings_some_idea",
    "@billings_notice_no_duty",
    "allocution_error", "allocution_error_harmless", "@billings_allocution_no_prejudice",
    "refusal_upheld", "@billings_no_second_guess", "no_authority_below_minimum",
)


def test_billings():
    _everywhere("billings", BILLINGS, ("due_process_violation(uninformed_plea)",))
    for r in _primary("billings"):
        position = dict(r.branch)["rounsavall_rule"]
        dictum = ("@billings_rounsavall_dictum", "would_be_impermissible(impermissible_factor)")
        if position == "recognized":
            check(r.result, (*dictum, "impermissible_ground(impermissible_factor)"), ())
        else:
            check(r.result, (), (*dictum, "impermissible_ground(impermissible_factor)"))


def test_billings_without_branches_has_the_dictum():
    from conftest import solve

    check(solve(seed_facts("billings")), ("@billings_rounsavall_dictum", *BILLINGS), ())


def test_buffington():
    all_runs = runs(seed_facts("buffington"), JURISDICTION["buffington"])
    primary = [r for r in all_runs if not r.even_if]
    alternative = [r for r in all_runs if r.even_if]
    assert primary and len(alternative) == len(primary)
    for r in primary:
        assert r.result.barred_by == {"review(waived)"}
        check(r.result, ("review(waived)", "@buffington_waiver_proffers", "@buffington_waiver_disclaimed"),
              ("broad_discretion", "no_threshold_showing(no_rational_relation)", "refusal_upheld"))
    for r in alternative:
        assert r.even_if == ("review(waived)",)
        check(
            r.result,
            ("review(preserved)", "broad_discretion", "@buffington_broad_discretion",
             "no_threshold_showing(no_rational_relation)", "@buffington_say_so",
             "no_threshold_showing(pretext)", "@buffington_offer_terms_unknown", "@buffington_independent_reason",
             "legitimate_reason(insufficient_assistance)", "@buffington_judgment_call",
             "legitimate_reason(continued_criminal_activity)", "@buffington_other_reasons_unquestioned",
             "unsuccessful_attempt_no_duty", "@buffington_unsuccessful_attempt", "refusal_upheld"),
            ("review(waived)",),
        )


def test_mackmore():
    _everywhere(
        "mackmore",
        ("review(preserved)", "review(abuse_of_discretion)", "@perez_abuse_of_discretion",
         "broad_discretion", "@mackmore_sole_discretion", "not_bound_by_plea_agreement", "@mackmore_not_bound_concession",
         "no_duty_to_file(s3553e)", "no_threshold_showing(unconstitutional_motive)", "@wade_mere_assistance",
         "@mackmore_no_evidence", "@mullins_bare_assertions", "@perez_more_than_assistance",
         "no_threshold_showing(bad_faith)", "refusal_upheld",
         "below_guidelines_authorized(s5k1_1)", "no_authority_below_minimum", "@wade_no_motion_no_authority",
         "@melendez_s5k1_1_not_below_minimum", "reduction_floor(statutory_minimum)", "@black_reduction_floor",
         "@mackmore_reduction_floor"),
        ("below_minimum_authorized(s3553e_motion)", "below_minimum_authorized(safety_valve)",
         "below_minimum_authorized(compelled_motion)", "sentencing_changes_no_effect"),
    )
    branches = {dict(r.branch)["bad_faith_review"]: r.result for r in _primary("mackmore")}
    assert set(branches) == {"recognized", "rejected"}
    check(branches["recognized"], ("@mackmore_bad_faith_not_shown",), ("ground_not_recognized(bad_faith)",))
    check(branches["rejected"], ("ground_not_recognized(bad_faith)", "@perez_bad_faith_rejected"),
          ("@mackmore_bad_faith_not_shown",))
