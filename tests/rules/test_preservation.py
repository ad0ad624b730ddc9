"""rules/preservation.lp: waiver, plain error, preserved review (P21-P23)."""

from __future__ import annotations

from conftest import Case, table

REFUSAL = "motion(s3553e). motion_filed(s3553e,no). plea_agreement(none). "

CASES = {
    "proffers kept from the court: waived, and barred (P21)": Case(
        REFUSAL + "raised_below(yes). waiver_conduct(refused_to_disclose_proffers).",
        ("review(waived)", "@buffington_waiver_proffers"),
        ("review(preserved)", "broad_discretion", "power_not_duty(s3553e)"),
    ),
    "disclaimed interest: waived (P21)": Case(
        REFUSAL + "raised_below(yes). waiver_conduct(disclaimed_interest).",
        ("review(waived)", "@buffington_waiver_disclaimed"),
        ("review(preserved)",),
    ),
    "withdrawn claim: waived (outside the seeds)": Case(
        REFUSAL + "raised_below(no). waiver_conduct(withdrew_claim).",
        ("review(waived)", "@olano_waiver_withdrawn"),
        ("review(plain_error)",),
    ),
    "even if the waiver is set aside, the merits are reached": Case(
        REFUSAL + "raised_below(yes). waiver_conduct(refused_to_disclose_proffers).",
        ("review(preserved)", "broad_discretion", "power_not_duty(s3553e)"),
        ("review(waived)",),
        even_if=("review(waived)",),
    ),
    "not raised below: plain error (P22)": Case(
        REFUSAL + "raised_below(no).",
        ("review(plain_error)", "@olano_plain_error"),
        ("review(preserved)",),
    ),
    "record silent on preservation: no forfeiture is found, the ordinary standard (changed in round 5)": Case(
        REFUSAL + "raised_below(unknown).",
        ("review(preserved)", "@olano_silence_not_forfeiture"),
        ("review(plain_error)",),
    ),
    "record silent on preservation in the Eighth Circuit: its standard for a preserved claim": Case(
        REFUSAL + "raised_below(unknown).",
        ("review(preserved)", "review(abuse_of_discretion)"),
        ("review(plain_error)",),
        jurisdiction="eighth_circuit",
    ),
    "raised below in the Seventh Circuit: preserved, standard not in the seeds": Case(
        REFUSAL + "raised_below(yes).",
        ("review(preserved)", "@olano_preserved"),
        ("review(abuse_of_discretion)", "review(plain_error)"),
    ),
    "raised below in the Eighth Circuit: abuse of discretion (P23)": Case(
        REFUSAL + "raised_below(yes).",
        ("review(preserved)", "review(abuse_of_discretion)", "@perez_abuse_of_discretion"),
        (),
        jurisdiction="eighth_circuit",
    ),
    "forfeited in the Eighth Circuit: plain error too (Olano)": Case(
        REFUSAL + "raised_below(no).",
        ("review(plain_error)",),
        ("review(abuse_of_discretion)",),
        jurisdiction="eighth_circuit",
    ),
    "a district court reviews in the first instance": Case(
        REFUSAL + "court(district_court). circuit(seventh_circuit). raised_below(unknown).",
        ("review(first_instance)", "@wade_district_court_review"),
        ("review(plain_error)", "review(preserved)"),
    ),
    "waiver beats forfeiture": Case(
        REFUSAL + "raised_below(no). waiver_conduct(disclaimed_interest).",
        ("review(waived)",),
        ("review(plain_error)",),
    ),
}


@table(CASES)
def test_preservation(case: Case) -> None:
    case.check()


def test_waiver_is_a_declared_bar() -> None:
    result = Case(REFUSAL + "waiver_conduct(refused_to_disclose_proffers).").check()
    assert result.barred_by == {"review(waived)"}
