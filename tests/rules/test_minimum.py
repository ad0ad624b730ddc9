"""rules/minimum.lp: authority below a minimum or a guidelines range, and the § 3582(c)(2) floor (P24)."""

from __future__ import annotations

from conftest import Case, table

MIN = "statutory_minimum(term). "
S5K = "motion(s5k1_1). motion_filed(s5k1_1,yes). "

CASES = {
    "a § 3553(e) motion unlocks the minimum": Case(
        MIN + "motion(s3553e). motion_filed(s3553e,yes).",
        ("below_minimum_authorized(s3553e_motion)", "@s3553e_below_minimum"), ("no_authority_below_minimum",)),
    "the safety valve unlocks it without a motion": Case(
        MIN + "safety_valve(yes).", ("below_minimum_authorized(safety_valve)", "@billings_safety_valve"),
        ("no_authority_below_minimum",)),
    "safety valve unknown: not read as yes": Case(
        MIN + "safety_valve(unknown).", ("no_authority_below_minimum",), ("below_minimum_authorized(safety_valve)",)),
    "a § 5K1.1 motion: below the range, not below the minimum": Case(
        MIN + S5K, ("below_guidelines_authorized(s5k1_1)", "no_authority_below_minimum", "@melendez_s5k1_1_not_below_minimum",
                    "@wade_no_motion_no_authority"), ("below_minimum_authorized(s3553e_motion)",)),
    "no motion, life minimum: no authority below it": Case(
        "statutory_minimum(life). motion(s3553e). motion_filed(s3553e,no).", ("no_authority_below_minimum",), ()),
    "no minimum, nothing to unlock": Case(
        "statutory_minimum(none). " + S5K, ("below_guidelines_authorized(s5k1_1)",), ("no_authority_below_minimum",)),
    "a § 3582(c)(2) reduction floors at the minimum": Case(
        MIN + S5K + "posture(sentence_reduction). reduced_range_below_minimum(yes).",
        ("reduction_floor(statutory_minimum)", "@black_reduction_floor", "@mackmore_reduction_floor"), ()),
    "unless a § 3553(e) motion was filed": Case(
        MIN + "posture(sentence_reduction). motion(s3553e). motion_filed(s3553e,yes). reduced_range_below_minimum(yes).",
        ("below_minimum_authorized(s3553e_motion)",), ("reduction_floor(statutory_minimum)",)),
    "a remedy on a proven § 3553(e) claim compels the motion": Case(
        MIN + "raised_below(yes). motion(s3553e). motion_filed(s3553e,no). allegation(unconstitutional_motive). "
        "allegation_ground(unconstitutional_motive,race). allegation_support(unconstitutional_motive,record_evidence). "
        "allegation_ties_decision_maker(unconstitutional_motive,yes). allegation_proven(unconstitutional_motive,yes). "
        "allegation_motion(unconstitutional_motive,s3553e). posture(sentence_reduction).",
        ("relief(remedy)", "below_minimum_authorized(compelled_motion)", "@wade_compelled_motion"),
        ("no_authority_below_minimum", "reduction_floor(statutory_minimum)")),
    "a remedy on a § 5K1.1 claim does not reach the minimum": Case(
        MIN + "raised_below(yes). motion(s5k1_1). motion_filed(s5k1_1,no). allegation(unconstitutional_motive). "
        "allegation_ground(unconstitutional_motive,race). allegation_support(unconstitutional_motive,record_evidence). "
        "allegation_ties_decision_maker(unconstitutional_motive,yes). allegation_proven(unconstitutional_motive,yes). "
        "allegation_motion(unconstitutional_motive,s5k1_1).",
        ("relief(remedy)", "no_authority_below_minimum"), ("below_minimum_authorized(compelled_motion)",)),
    "authority survives a waiver of the Wade claim": Case(
        MIN + "motion(s3553e). motion_filed(s3553e,yes). waiver_conduct(disclaimed_interest).",
        ("review(waived)", "below_minimum_authorized(s3553e_motion)"), ()),
}


@table(CASES)
def test_minimum(case: Case) -> None:
    case.check()
