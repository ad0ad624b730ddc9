"""rules/billings.lp: remarks, concession, good-faith failure, Rounsavall dictum, notice, allocution (P3, P8, P10-P12, P14, P17, P20, P25)."""

from __future__ import annotations

from conftest import Case, table

FORFEITED = "raised_below(no). motion(s3553e). motion_filed(s3553e,no). plea_agreement(none). "
FACTOR = ("allegation(impermissible_factor). allegation_ground(impermissible_factor,family_circumstances). "
          "allegation_support(impermissible_factor,remark). allegation_motion(impermissible_factor,s3553e). "
          "allegation_ties_decision_maker(impermissible_factor,unknown). ")


def remark(topic: str, by: str, purpose: str) -> str:
    return f"remark({topic}). remark_by({topic},{by}). remark_purpose({topic},{purpose}). "


RECOGNIZED = (("rounsavall_rule", "recognized"),)

CASES = {
    "no plea agreement: discretion (P3)": Case(
        FORFEITED, ("broad_discretion", "@billings_general_discretion"), ()),
    "a stand-in's aside is no evidence (P8)": Case(
        FORFEITED + FACTOR + remark("family_circumstances", "stand_in", "aside"),
        ("remark_not_evidence(family_circumstances)", "@billings_remark_aside", "@billings_stand_in_not_decider",
         "no_threshold_showing(impermissible_factor)", "@billings_remarks_no_showing"),
        ("threshold_showing(impermissible_factor)",), branch=RECOGNIZED),
    "a remark explaining the minimum is no reason for the refusal (P8)": Case(
        FORFEITED + FACTOR.replace("family_circumstances", "criminal_history") + remark("criminal_history", "decision_maker", "explain_minimum"),
        ("remark_not_evidence(criminal_history)", "@billings_remark_explains_minimum",
         "no_threshold_showing(impermissible_factor)"),
        ("threshold_showing(impermissible_factor)",), branch=RECOGNIZED),
    "the decider's remark giving the reason is evidence (P8, converse)": Case(
        FORFEITED + FACTOR + remark("family_circumstances", "decision_maker", "reason_for_refusal"),
        ("motive_evidence(impermissible_factor)", "@billings_decision_maker_reason",
         "threshold_showing(impermissible_factor)", "relief(discovery)"),
        ("no_threshold_showing(impermissible_factor)",), branch=RECOGNIZED),
    "a stand-in's remark stating the reason is still not the decider's motive (P8)": Case(
        FORFEITED + FACTOR + remark("family_circumstances", "stand_in", "reason_for_refusal"),
        ("no_threshold_showing(impermissible_factor)",), ("threshold_showing(impermissible_factor)",), branch=RECOGNIZED),
    "the government's own stated reason reaches the decision": Case(
        FORFEITED + FACTOR + "government_reason(family_circumstances). government_reason_stated_by(family_circumstances,government).",
        ("threshold_showing(impermissible_factor)",), (), branch=RECOGNIZED),
    "the Rounsavall dictum, no branch and recognized, not rejected (P14)": Case(
        FORFEITED + FACTOR, ("would_be_impermissible(impermissible_factor)", "@billings_rounsavall_dictum"), ()),
    "the dictum is silent where the rule is rejected": Case(
        FORFEITED + FACTOR, (), ("would_be_impermissible(impermissible_factor)",),
        branch=(("rounsavall_rule", "rejected"),)),
    "the government decides whether cooperation merits a motion (P10)": Case(
        FORFEITED + "government_reason(insufficient_assistance). government_reason_stated_by(insufficient_assistance,stand_in).",
        ("legitimate_reason(insufficient_assistance)", "@billings_government_decides", "rationally_related"), ()),
    "counsel's concession of a rational basis (P12)": Case(
        FORFEITED + "concession(rational_basis). concession_by(rational_basis,defense_counsel).",
        ("rational_basis_conceded", "@billings_rational_basis_conceded"), ()),
    "a concession by the government is not the defence's": Case(
        FORFEITED + "concession(rational_basis). concession_by(rational_basis,government).", (), ("rational_basis_conceded",)),
    "an unsuccessful good-faith attempt requires no motion (P11)": Case(
        FORFEITED + "assistance(attempted). assistance_good_faith(yes). assistance_useful(no). assistance_led_to(nothing).",
        ("unsuccessful_attempt_no_duty", "@billings_unsuccessful_attempt"), ()),
    "good faith unknown: Billings's rule not applied (§ 3553(e))": Case(
        FORFEITED + "assistance(attempted). assistance_good_faith(unknown). assistance_useful(no).", (), ("unsuccessful_attempt_no_duty",)),
    "gaps in the record do not help one who never moved to compel (P8, dictum)": Case(
        FORFEITED + "cooperation_agreement(after_plea). cooperation_agreement_contents(not_in_record).",
        ("record_gaps_no_help", "@billings_record_gaps"), ()),
    "no plea agreement: no duty to inform (P17)": Case(
        FORFEITED + "allegation(failure_to_inform). allegation_support(failure_to_inform,own_say_so).",
        ("no_duty_to_inform", "@billings_no_plea_agreement", "not_wade_reviewable(failure_to_inform)"),
        ("due_process_violation(uninformed_plea)",)),
    "no plea agreement: nothing to breach (P17)": Case(
        FORFEITED + "allegation(breach_of_plea_agreement). allegation_support(breach_of_plea_agreement,own_say_so).",
        ("no_breach_of_plea_agreement", "@billings_no_plea_agreement_breach"), ("breach_of_plea_agreement",)),
    "approached while free, then absconded: some idea (P20)": Case(
        FORFEITED.replace("plea_agreement(none)", "plea_agreement(promise_to_consider)")
        + "allegation(failure_to_inform). custody(yes). approached_before_charging(yes). absconded_before_arrest(yes). "
        "informed_of_custody_effect(no). knew_custody_effect(no).",
        ("had_notice_of_custody_effect", "@billings_some_idea", "no_duty_to_inform", "@billings_notice_no_duty"),
        ("due_process_violation(uninformed_plea)",)),
    "knowing custody's effect is notice (P20)": Case(
        FORFEITED + "allegation(failure_to_inform). knew_custody_effect(some_idea).",
        ("had_notice_of_custody_effect", "@billings_knew_effect"), ()),
    "allocution denied: error (P25)": Case(
        FORFEITED + "allocution(denied). allocution_would_have_changed_decision(unknown).",
        ("allocution_error", "@billings_allocution_error"), ("allocution_error_harmless",)),
    "no prejudice conceded: harmless (P25)": Case(
        FORFEITED + "allocution(denied). allocution_would_have_changed_decision(no). concession(no_prejudice). concession_by(no_prejudice,defense_counsel).",
        ("allocution_error_harmless", "@billings_allocution_no_prejudice"), ()),
    "at a binding minimum, allocution could not change the government's mind: harmless (P25)": Case(
        FORFEITED + "allocution(denied). allocution_would_have_changed_decision(no). statutory_minimum(life). sentence_at_minimum(yes). safety_valve(no).",
        ("allocution_error_harmless", "@billings_allocution_at_minimum", "sentencing_changes_no_effect",
         "@billings_sentencing_changes"), ()),
    "a claim that allocution would have changed the decision: not harmless": Case(
        FORFEITED + "allocution(denied). allocution_would_have_changed_decision(yes). statutory_minimum(life). sentence_at_minimum(yes). concession(no_prejudice). concession_by(no_prejudice,defense_counsel).",
        ("allocution_error",), ("allocution_error_harmless",)),
    "allocution given: no error": Case(
        FORFEITED + "allocution(given).", (), ("allocution_error",)),
}


@table(CASES)
def test_billings(case: Case) -> None:
    case.check()
