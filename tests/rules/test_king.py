"""rules/king.lp: notice of custody's effect and custody as a rational basis (custody as a rational basis; no duty to inform)."""

from __future__ import annotations

from conftest import Case, table

BASE = "raised_below(no). motion(unspecified). motion_filed(unspecified,no). allegation(failure_to_inform). "
UNINFORMED = "plea_agreement(promise_to_consider). custody(yes). informed_of_custody_effect(no). knew_custody_effect(no). "

CASES = {
    "failure to inform does not open Wade review (P19)": Case(
        BASE, ("not_wade_reviewable(failure_to_inform)", "@king_not_wade_reviewable"), ()),
    "plea agreement, not told, did not know: no due-process violation, no relief (federal doctrine § 8)": Case(
        BASE + UNINFORMED,
        ("not_wade_reviewable(failure_to_inform)",),
        ("due_process_violation(uninformed_plea)", "relief(discovery)", "relief(remedy)", "relief(plea_withdrawal)",
         "threshold_showing(failure_to_inform)")),
    "notice by other means defeats it (P20)": Case(
        BASE + UNINFORMED + "approached_before_charging(yes). absconded_before_arrest(yes).",
        ("no_duty_to_inform",), ("due_process_violation(uninformed_plea)",)),
    "no plea agreement: Billings, not King (P17)": Case(
        BASE + UNINFORMED.replace("plea_agreement(promise_to_consider)", "plea_agreement(none)"),
        ("no_duty_to_inform",), ("due_process_violation(uninformed_plea)",)),
    "incarceration that left him unable to help is a rational basis (P12)": Case(
        BASE + "custody(yes). custody_limited_assistance(yes).",
        ("custody_rational_basis", "@king_custody_rational_basis"), ()),
    "custody alone is not enough": Case(
        BASE + "custody(yes). custody_limited_assistance(unknown).", (), ("custody_rational_basis",)),
}


@table(CASES)
def test_king(case: Case) -> None:
    case.check()
