"""rules/relief.lp: discovery, hearing, remedy, breach remedies, and the refusal upheld (P2, P4, P5)."""

from __future__ import annotations

from conftest import Case, table

BASE = "raised_below(yes). motion(s3553e). motion_filed(s3553e,no). plea_agreement(none). statutory_minimum(term). "
RACE = ("allegation(unconstitutional_motive). allegation_ground(unconstitutional_motive,race). "
        "allegation_support(unconstitutional_motive,record_evidence). allegation_ties_decision_maker(unconstitutional_motive,yes). ")
ANIMUS = ("government_reason(insufficient_assistance). government_reason_stated_by(insufficient_assistance,decision_maker). "
          "allegation(no_rational_relation). allegation_ground(no_rational_relation,arbitrary). "
          "allegation_support(no_rational_relation,record_evidence). allegation_rebuts_stated_reasons(no_rational_relation,yes). ")
HEARING = ("relief(discovery)", "relief(evidentiary_hearing)")

CASES = {
    "(a) race tied to the decider: discovery and a hearing available (P5)": Case(
        BASE + RACE + "allegation_proven(unconstitutional_motive,unknown).",
        (*HEARING, "@wade_discovery_available", "@wade_hearing_available"), ("relief(remedy)", "refusal_upheld")),
    "(a) proven: a remedy (P2)": Case(
        BASE + RACE + "allegation_proven(unconstitutional_motive,yes).",
        (*HEARING, "relief(remedy)", "improper_refusal(unconstitutional_motive)", "@wade_improper_refusal", "@wade_remedy"),
        ("refusal_upheld",)),
    "(a) proven but no threshold showing: no remedy": Case(
        BASE + "allegation(unconstitutional_motive). allegation_ground(unconstitutional_motive,race). "
        "allegation_support(unconstitutional_motive,own_say_so). allegation_proven(unconstitutional_motive,yes).",
        ("no_threshold_showing(unconstitutional_motive)", "refusal_upheld"), ("relief(remedy)", *HEARING)),
    "(b) arbitrary reason rebutting the stated ones: showing, then a remedy (P2)": Case(
        BASE + ANIMUS + "allegation_proven(no_rational_relation,yes).",
        (*HEARING, "relief(remedy)", "improper_refusal(no_rational_relation)"), ()),
    "(b) in the Eighth Circuit too": Case(
        BASE + ANIMUS + "allegation_proven(no_rational_relation,no).", HEARING, ("relief(remedy)",), jurisdiction="eighth_circuit"),
    "(c) § 3553(e) refusal for family circumstances, Eighth Circuit": Case(
        BASE + "government_reason(family_circumstances). government_reason_stated_by(family_circumstances,decision_maker). "
        "allegation(impermissible_factor). allegation_ground(impermissible_factor,family_circumstances). "
        "allegation_support(impermissible_factor,record_evidence). allegation_motion(impermissible_factor,s3553e). "
        "allegation_proven(impermissible_factor,yes).",
        (*HEARING, "relief(remedy)", "below_minimum_authorized(compelled_motion)"), (), jurisdiction="eighth_circuit"),
    "the refusal upheld when nothing passes the gate (P4)": Case(
        BASE + "allegation(unconstitutional_motive). allegation_support(unconstitutional_motive,assistance_only).",
        ("refusal_upheld", "@billings_no_second_guess"), (*HEARING, "relief(remedy)")),
    "waived: nothing": Case(
        BASE + RACE + "allegation_proven(unconstitutional_motive,yes). waiver_conduct(refused_to_disclose_proffers).",
        ("review(waived)",), (*HEARING, "relief(remedy)", "refusal_upheld")),
    "waived, even if: the merits give relief in the alternative": Case(
        BASE + RACE + "allegation_proven(unconstitutional_motive,yes). waiver_conduct(refused_to_disclose_proffers).",
        (*HEARING, "relief(remedy)"), ("review(waived)",), even_if=("review(waived)",)),
}


@table(CASES)
def test_relief(case: Case) -> None:
    case.check()
