"""rules/mackmore.lp: sole discretion, the concession, reiterated assistance, bad faith (P6, P15, P16)."""

from __future__ import annotations

from conftest import Case, table

BASE = ("raised_below(yes). motion(s3553e). motion_sought(s3553e,yes). motion_filed(s3553e,no). "
        "motion(s5k1_1). motion_filed(s5k1_1,yes). plea_agreement(sole_discretion). plea_agreement_motion(unspecified). ")
BAD_FAITH = "allegation(bad_faith). allegation_support(bad_faith,assistance_only). allegation_motion(bad_faith,s3553e). "
BAD_FAITH_SHOWN = ("allegation(bad_faith). allegation_support(bad_faith,record_evidence). allegation_motion(bad_faith,s3553e). "
                   "allegation_ties_decision_maker(bad_faith,yes). ")
EIGHTH = "eighth_circuit"

CASES = {
    "sole discretion preserves the discretion (P15)": Case(
        BASE, ("broad_discretion", "@mackmore_sole_discretion"), ("discretion_limited_by_agreement",), jurisdiction=EIGHTH),
    "conceded not bound (P15)": Case(
        BASE + "concession(not_bound_by_plea_agreement). concession_by(not_bound_by_plea_agreement,defendant).",
        ("not_bound_by_plea_agreement", "@mackmore_not_bound_concession"), (), jurisdiction=EIGHTH),
    "the concession is evidence, not a bar: a binding promise still binds (federal doctrine § 2)": Case(
        BASE.replace("plea_agreement(sole_discretion)", "plea_agreement(promise_to_move)")
        + "plea_agreement_condition_met(yes). concession(not_bound_by_plea_agreement). concession_by(not_bound_by_plea_agreement,defendant).",
        ("discretion_limited_by_agreement", "not_bound_by_plea_agreement"), (), jurisdiction=EIGHTH),
    "a § 5K1.1 motion creates no duty to file a § 3553(e) motion (P15)": Case(
        BASE, ("no_duty_to_file(s3553e)", "@mackmore_no_s3553e_duty"), (), jurisdiction=EIGHTH),
    "reiterated assistance: no showing (P6)": Case(
        BASE + "allegation(unconstitutional_motive). allegation_support(unconstitutional_motive,assistance_only).",
        ("no_threshold_showing(unconstitutional_motive)", "@mackmore_no_evidence"), (), jurisdiction=EIGHTH),
    "bad faith unsettled, no branch: assumed, not shown (P16)": Case(
        BASE + BAD_FAITH, ("no_threshold_showing(bad_faith)", "@mackmore_bad_faith_not_shown"),
        ("ground_not_recognized(bad_faith)",), jurisdiction=EIGHTH),
    "bad faith recognized: assumed, not shown (P16)": Case(
        BASE + BAD_FAITH, ("no_threshold_showing(bad_faith)", "@mackmore_bad_faith_not_shown"), (),
        jurisdiction=EIGHTH, branch=(("bad_faith_review", "recognized"),)),
    "bad faith rejected: not a ground (P16)": Case(
        BASE + BAD_FAITH, ("ground_not_recognized(bad_faith)", "@perez_bad_faith_rejected", "no_threshold_showing(bad_faith)"),
        ("@mackmore_bad_faith_not_shown",), jurisdiction=EIGHTH, branch=(("bad_faith_review", "rejected"),)),
    "bad faith shown where recognized: threshold showing": Case(
        BASE + BAD_FAITH_SHOWN, ("threshold_showing(bad_faith)", "@perez_bad_faith_ground", "relief(discovery)"),
        ("no_threshold_showing(bad_faith)",), jurisdiction=EIGHTH, branch=(("bad_faith_review", "recognized"),)),
    "a legitimate stated reason is no evidence of bad faith, even where recognized": Case(
        BASE + "allegation(bad_faith). allegation_ground(bad_faith,seriousness_of_offense). "
        "allegation_support(bad_faith,nothing). government_reason(seriousness_of_offense). "
        "government_reason_stated_by(seriousness_of_offense,decision_maker).",
        ("rationally_related",), ("threshold_showing(bad_faith)", "relief(discovery)", "relief(evidentiary_hearing)"),
        jurisdiction="seventh_circuit", branch=(("bad_faith_review", "recognized"), ("rounsavall_rule", "rejected"))),
    "bad faith shown where rejected: no showing": Case(
        BASE + BAD_FAITH_SHOWN, ("no_threshold_showing(bad_faith)",), ("threshold_showing(bad_faith)", "relief(discovery)"),
        jurisdiction=EIGHTH, branch=(("bad_faith_review", "rejected"),)),
}


@table(CASES)
def test_mackmore(case: Case) -> None:
    case.check()
