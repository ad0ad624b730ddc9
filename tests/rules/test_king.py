"""rules/king.lp: notice of custody's effect and custody as a rational basis (P12, P18, P19)."""

from __future__ import annotations

from conftest import Case, table

BASE = "raised_below(no). motion(unspecified). motion_filed(unspecified,no). allegation(failure_to_inform). "
UNINFORMED = "plea_agreement(promise_to_consider). custody(yes). informed_of_custody_effect(no). knew_custody_effect(no). "

CASES = {
    "failure to inform does not open Wade review (P19)": Case(
        BASE, ("not_wade_reviewable(failure_to_inform)", "@king_not_wade_reviewable"), ()),
    "plea agreement, not told, did not know: due process violation, no relief (P18)": Case(
        BASE + UNINFORMED,
        ("due_process_violation(uninformed_plea)", "@king_uninformed_plea", "not_wade_reviewable(failure_to_inform)"),
        ("relief(discovery)", "relief(remedy)", "relief(plea_withdrawal)", "threshold_showing(failure_to_inform)")),
    "whether told unknown: not shown (P18)": Case(
        BASE + UNINFORMED.replace("informed_of_custody_effect(no)", "informed_of_custody_effect(unknown)"),
        (), ("due_process_violation(uninformed_plea)",)),
    "what he knew unknown: not shown": Case(
        BASE + UNINFORMED.replace("knew_custody_effect(no)", "knew_custody_effect(unknown)"),
        (), ("due_process_violation(uninformed_plea)",)),
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
