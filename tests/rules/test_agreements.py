"""rules/agreements.lp: agreements that limit the discretion, and breach (P3, P15, P17; Santobello outside the seeds)."""

from __future__ import annotations

from conftest import Case, table

FILED_NONE = "raised_below(yes). motion(s3553e). motion_filed(s3553e,no). allegation(breach_of_plea_agreement). "
PROMISE = "plea_agreement(promise_to_move). plea_agreement_motion(s3553e). plea_agreement_condition_met(yes). "
REMEDIES = ("relief(specific_performance)", "relief(plea_withdrawal)")

CASES = {
    "a promise to move, condition met, no motion: breach and its remedies": Case(
        FILED_NONE + PROMISE,
        ("discretion_limited_by_agreement", "breach_of_plea_agreement", *REMEDIES, "below_minimum_authorized(compelled_motion)",
         "@santobello_binding_promise", "@santobello_breach", "@santobello_specific_performance", "@santobello_plea_withdrawal",
         "@santobello_compelled_motion"),
        ("broad_discretion", "power_not_duty(s3553e)")),
    "a good-faith-effort clause binds the same way": Case(
        FILED_NONE + PROMISE.replace("promise_to_move", "good_faith_effort"), ("breach_of_plea_agreement", *REMEDIES), ()),
    "condition unknown: no breach shown": Case(
        FILED_NONE + PROMISE.replace("condition_met(yes)", "condition_met(unknown)") + "allegation(breach_of_plea_agreement).",
        ("discretion_limited_by_agreement", "no_breach_of_plea_agreement"), ("breach_of_plea_agreement", *REMEDIES)),
    "motion filed: no breach": Case(
        "raised_below(yes). motion(s3553e). motion_filed(s3553e,yes). allegation(breach_of_plea_agreement). " + PROMISE, (), ("breach_of_plea_agreement",)),
    "unspecified promise kept by a § 5K1.1 motion": Case(
        FILED_NONE + "motion(s5k1_1). motion_filed(s5k1_1,yes). plea_agreement(promise_to_move). plea_agreement_motion(unspecified). "
        "plea_agreement_condition_met(yes).", (), ("breach_of_plea_agreement",)),
    "unspecified promise, nothing filed: breach": Case(
        FILED_NONE + "plea_agreement(promise_to_move). plea_agreement_motion(unspecified). plea_agreement_condition_met(yes).",
        ("breach_of_plea_agreement", *REMEDIES), ("below_minimum_authorized(compelled_motion)",)),
    "sole discretion (Mackmore): no breach": Case(
        FILED_NONE + PROMISE.replace("promise_to_move", "sole_discretion") + "allegation(breach_of_plea_agreement).",
        ("broad_discretion", "no_breach_of_plea_agreement", "@santobello_no_breach_shown"), ("breach_of_plea_agreement", *REMEDIES)),
    "promise to consider (King): a good-faith evaluation where the circuit reviews it; no breach shown": Case(
        FILED_NONE + PROMISE.replace("promise_to_move", "promise_to_consider") + "allegation(breach_of_plea_agreement).",
        ("good_faith_review(to_consider)", "@rexach_good_faith_review", "no_breach_of_plea_agreement"),
        ("breach_of_plea_agreement", "broad_discretion", *REMEDIES)),
    "breach conceded by the government": Case(
        FILED_NONE + "plea_agreement(sole_discretion). concession(breach). concession_by(breach,government).",
        ("breach_of_plea_agreement", "@santobello_conceded_breach", *REMEDIES), ()),
    "no breach alleged: no breach relief, whatever the agreement": Case(
        FILED_NONE.replace("allegation(breach_of_plea_agreement). ", "") + PROMISE,
        ("discretion_limited_by_agreement",), ("breach_of_plea_agreement", *REMEDIES)),
    "waived: no breach relief": Case(
        FILED_NONE + PROMISE + "waiver_conduct(withdrew_claim).", (), ("breach_of_plea_agreement", *REMEDIES)),
}


@table(CASES)
def test_agreements(case: Case) -> None:
    case.check()
