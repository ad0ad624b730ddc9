"""rules/wade.lp: the power, the grounds of review and the substantial threshold showing (P1, P2, P5-P7, P14)."""

from __future__ import annotations

from conftest import Case, table

PRESERVED = "raised_below(yes). motion(s3553e). motion_filed(s3553e,no). plea_agreement(none). "
FORFEITED = PRESERVED.replace("raised_below(yes)", "raised_below(no)")


def allegation(kind: str, *, ground: str = "", support: str = "record_evidence", ties: str = "unknown",
               rebuts: str = "unknown", proven: str = "unknown", motion: str = "") -> str:
    facts = [f"allegation({kind})", f"allegation_support({kind},{support})",
             f"allegation_ties_decision_maker({kind},{ties})", f"allegation_rebuts_stated_reasons({kind},{rebuts})",
             f"allegation_proven({kind},{proven})"]
    if ground:
        facts.append(f"allegation_ground({kind},{ground})")
    if motion:
        facts.append(f"allegation_motion({kind},{motion})")
    return " ".join(f + "." for f in facts) + " "


RACE_TIED = allegation("unconstitutional_motive", ground="race", ties="yes")
ANIMUS_REBUTS = allegation("no_rational_relation", ground="personal_animus", rebuts="yes")
STATED = "government_reason(insufficient_assistance). government_reason_stated_by(insufficient_assistance,decision_maker). "

RACE_REMARK = allegation("unconstitutional_motive", ground="race", support="remark", ties="yes")

CASES = {
    # P8: a remark counts only when the person who decided made it, and not as an aside
    "the decision-maker's own remark on the ground: a showing (P5, P8)": Case(
        PRESERVED + RACE_REMARK + "remark(race). remark_by(race,decision_maker). remark_purpose(race,reason_for_refusal).",
        ("threshold_showing(unconstitutional_motive)", "@wade_specific_evidence"), ()),
    "a stand-in's remark, even said to tie the decision-maker: no showing (P8)": Case(
        PRESERVED + RACE_REMARK + "remark(race). remark_by(race,stand_in). remark_purpose(race,reason_for_refusal).",
        (), ("threshold_showing(unconstitutional_motive)", "relief(evidentiary_hearing)")),
    "the decision-maker's aside: no showing (P8)": Case(
        PRESERVED + RACE_REMARK + "remark(race). remark_by(race,decision_maker). remark_purpose(race,aside).",
        (), ("threshold_showing(unconstitutional_motive)",)),
    # P1
    "no agreement: a power, not a duty (P1)": Case(
        PRESERVED, ("power_not_duty(s3553e)", "@wade_power_not_duty"), ()),
    "a binding promise takes the refusal out of mere power": Case(
        PRESERVED.replace("plea_agreement(none)", "plea_agreement(promise_to_move)"),
        ("discretion_limited_by_agreement",), ("power_not_duty(s3553e)",)),
    # P2, P5, P14: unconstitutional motive
    "evidence tying the decider to race: threshold showing (P2, P5)": Case(
        PRESERVED + RACE_TIED,
        ("suspect_ground(unconstitutional_motive)", "motive_evidence(unconstitutional_motive)",
         "threshold_showing(unconstitutional_motive)", "@wade_threshold_unconstitutional"),
        ("no_threshold_showing(unconstitutional_motive)",)),
    "religion counts too (Perez)": Case(
        PRESERVED + allegation("unconstitutional_motive", ground="religion", ties="yes"),
        ("threshold_showing(unconstitutional_motive)", "@wade_unconstitutional_motive"), ()),
    "national origin (outside the seeds, Wayte)": Case(
        PRESERVED + allegation("unconstitutional_motive", ground="national_origin", ties="yes"),
        ("threshold_showing(unconstitutional_motive)", "@wayte_other_suspect_grounds"), ()),
    "going to trial is not a suspect classification (federal doctrine § 3: vindictiveness law)": Case(
        PRESERVED + allegation("punishment_for_trial", ground="exercise_of_trial_right", ties="yes"),
        (), ("threshold_showing(punishment_for_trial)", "suspect_ground(punishment_for_trial)")),
    "race evidence that does not reach the decider: no showing (P8)": Case(
        PRESERVED + allegation("unconstitutional_motive", ground="race", ties="no"),
        ("no_threshold_showing(unconstitutional_motive)", "@wade_threshold_required"),
        ("threshold_showing(unconstitutional_motive)",)),
    "race, ties unknown: not read as yes": Case(
        PRESERVED + allegation("unconstitutional_motive", ground="race", ties="unknown"),
        ("no_threshold_showing(unconstitutional_motive)",), ("threshold_showing(unconstitutional_motive)",)),
    "race on plain error with the decider tied: still a showing": Case(
        FORFEITED + RACE_TIED, ("threshold_showing(unconstitutional_motive)",), ()),
    "a legitimate stated reason does not save an unconstitutional motive": Case(
        PRESERVED + STATED + RACE_TIED, ("threshold_showing(unconstitutional_motive)", "rationally_related"), ()),
    # P2: no rational relation
    "animus, rebutting the stated reasons: threshold showing (P2)": Case(
        PRESERVED + STATED + ANIMUS_REBUTS,
        ("irrational_ground(no_rational_relation)", "rebuttal_evidence(no_rational_relation)",
         "threshold_showing(no_rational_relation)", "@wade_threshold_irrational", "@perez_clear_evidence"), ()),
    "animus tied to the decider but legitimate reason unrebutted: no showing": Case(
        PRESERVED + STATED + allegation("no_rational_relation", ground="personal_animus", ties="yes"),
        ("rationally_related", "no_threshold_showing(no_rational_relation)"),
        ("threshold_showing(no_rational_relation)",)),
    "arbitrary, tied, no reason stated: threshold showing": Case(
        PRESERVED + allegation("no_rational_relation", ground="arbitrary", ties="yes"),
        ("threshold_showing(no_rational_relation)",), ()),
    "rebuttal by inference is not plain error": Case(
        FORFEITED + STATED + ANIMUS_REBUTS,
        ("no_threshold_showing(no_rational_relation)",), ("threshold_showing(no_rational_relation)",)),
    "rebuttal plus a tie to the decider is plain": Case(
        FORFEITED + STATED + allegation("no_rational_relation", ground="personal_animus", ties="yes", rebuts="yes"),
        ("threshold_showing(no_rational_relation)",), ()),
    "a conceded rational basis defeats the irrationality claim (P12)": Case(
        PRESERVED + STATED + ANIMUS_REBUTS + "concession(rational_basis). concession_by(rational_basis,defense_counsel).",
        ("no_threshold_showing(no_rational_relation)",), ("threshold_showing(no_rational_relation)",)),
    "custody that made him useless defeats it too (P12)": Case(
        PRESERVED + STATED + ANIMUS_REBUTS + "custody(yes). custody_limited_assistance(yes).",
        ("custody_rational_basis", "no_threshold_showing(no_rational_relation)"),
        ("threshold_showing(no_rational_relation)",)),
    "the flight of the target is left undecided: no ground (P7)": Case(
        PRESERVED + allegation("no_rational_relation", ground="target_fled", ties="yes", rebuts="yes"),
        ("no_threshold_showing(no_rational_relation)",),
        ("irrational_ground(no_rational_relation)", "threshold_showing(no_rational_relation)")),
    "cost and benefit is a legitimate reason (outside the seeds)": Case(
        PRESERVED + "government_reason(cost_benefit). government_reason_stated_by(cost_benefit,decision_maker).",
        ("legitimate_reason(cost_benefit)", "rationally_related", "@wade_cost_benefit"), ()),
    # P6, P7: what is not a showing
    "mere assistance: no showing (P6)": Case(
        PRESERVED + allegation("unconstitutional_motive", support="assistance_only"),
        ("no_threshold_showing(unconstitutional_motive)", "@wade_mere_assistance", "@mullins_bare_assertions",
         "@perez_more_than_assistance"), ("threshold_showing(unconstitutional_motive)",)),
    "generalized allegations: no showing (P6)": Case(
        PRESERVED + allegation("unconstitutional_motive", ground="race", support="nothing"),
        ("no_threshold_showing(unconstitutional_motive)", "@wade_generalized_allegations"), ()),
    "say-so with a ground: no showing (P7)": Case(
        PRESERVED + allegation("unconstitutional_motive", ground="race", support="own_say_so"),
        ("no_threshold_showing(unconstitutional_motive)", "@wade_generalized_allegations"), ()),
    "say-so and record evidence: the evidence counts": Case(
        PRESERVED + RACE_TIED + "allegation_support(unconstitutional_motive,own_say_so).",
        ("threshold_showing(unconstitutional_motive)",), ("no_threshold_showing(unconstitutional_motive)",)),
    # P14: Rounsavall
    "§ 3553(e) refusal for criminal history stated by the decider, Eighth Circuit (P14)": Case(
        PRESERVED + "government_reason(criminal_history). government_reason_stated_by(criminal_history,decision_maker). "
        + allegation("impermissible_factor", ground="criminal_history", motion="s3553e"),
        ("impermissible_ground(impermissible_factor)", "threshold_showing(impermissible_factor)",
         "@rounsavall_other_factors", "@rounsavall_threshold"), (),
        jurisdiction="eighth_circuit"),
    "same, Seventh Circuit, Rounsavall recognized": Case(
        PRESERVED + "government_reason(criminal_history). government_reason_stated_by(criminal_history,decision_maker). "
        + allegation("impermissible_factor", ground="criminal_history", motion="s3553e"),
        ("threshold_showing(impermissible_factor)", "would_be_impermissible(impermissible_factor)"), (),
        branch=(("rounsavall_rule", "recognized"),)),
    "same, Seventh Circuit, Rounsavall rejected": Case(
        PRESERVED + "government_reason(criminal_history). government_reason_stated_by(criminal_history,decision_maker). "
        + allegation("impermissible_factor", ground="criminal_history", motion="s3553e"),
        ("no_threshold_showing(impermissible_factor)",),
        ("threshold_showing(impermissible_factor)", "impermissible_ground(impermissible_factor)",
         "would_be_impermissible(impermissible_factor)"),
        branch=(("rounsavall_rule", "rejected"),)),
    "Rounsavall is about § 3553(e) only": Case(
        PRESERVED + "motion(s5k1_1). motion_filed(s5k1_1,no). " + allegation("impermissible_factor", ground="criminal_history", ties="yes", motion="s5k1_1"),
        ("no_threshold_showing(impermissible_factor)",), ("impermissible_ground(impermissible_factor)",),
        jurisdiction="eighth_circuit"),
    "assistance-based reasons are never impermissible factors": Case(
        PRESERVED + allegation("impermissible_factor", ground="insufficient_assistance", ties="yes", motion="s3553e"),
        ("no_threshold_showing(impermissible_factor)",), ("threshold_showing(impermissible_factor)",),
        jurisdiction="eighth_circuit"),
    "waived: no merits at all": Case(
        PRESERVED + RACE_TIED + "waiver_conduct(disclaimed_interest).",
        ("review(waived)",),
        ("threshold_showing(unconstitutional_motive)", "no_threshold_showing(unconstitutional_motive)",
         "motive_evidence(unconstitutional_motive)", "power_not_duty(s3553e)")),
}


@table(CASES)
def test_wade(case: Case) -> None:
    case.check()
