"""The federal doctrine beyond the seeds: one table per question (contract.lp, good_faith.lp,
reasons.lp, gates.lp, district_court.lp, after_sentencing.lp, relief.lp).

Each row is a tiny fact set, a jurisdiction, what must hold (`@rule` = the rule applied) and
what must not. Rows marked "wrong before" fail on the rules as they stood before the federal
doctrine (the brief's "wrong today" list), and pass now.
"""

from __future__ import annotations

from conftest import Case, solve, table

NO_MOTION = "motion(s5k1_1). motion_sought(s5k1_1,yes). motion_filed(s5k1_1,no). raised_below(yes). "
GOOD_FAITH_EFFORT = (
    "promise(to_move). promise_in(to_move,plea_agreement). promise_motion(to_move,s5k1_1). "
    "promise_condition(to_move,good_faith_effort). promise_judged_by(to_move,court). "
    "assistance(attempted). assistance_good_faith(yes). assistance_useful(no). "
    "allegation(breach_of_plea_agreement). allegation_motion(breach_of_plea_agreement,s5k1_1). "
)
SOLE_DISCRETION = (
    "promise(to_move). promise_in(to_move,plea_agreement). promise_motion(to_move,s5k1_1). "
    "promise_condition(to_move,substantial_assistance). promise_judged_by(to_move,sole_discretion). "
)
BAD_FAITH_EVIDENCE = (
    "allegation(bad_faith). allegation_motion(bad_faith,s5k1_1). allegation_support(bad_faith,sworn_affidavit). "
    "government_reason(insufficient_assistance). government_reason_rebutted(insufficient_assistance,yes). "
)

COURT_JUDGED = (
    "promise(to_move). promise_in(to_move,plea_agreement). promise_motion(to_move,s5k1_1). "
    "promise_condition(to_move,substantial_assistance). promise_judged_by(to_move,court). assistance(given). "
)
S3553E_REDUCTION = "posture(sentence_reduction). motion(s3553e). motion_filed(s3553e,yes). motion_granted(s3553e,yes). "
RULE35B_UNHEARD = (
    "posture(rule_35b_proceeding). motion(rule35b). motion_filed(rule35b,yes). motion_granted(rule35b,yes). "
    "district_court(granted). district_court_hearing(denied). allegation(legal_error). allegation_motion(legal_error,rule35b)."
)

GALL_RANGE = (
    "posture(appeal_after_sentence). motion(s5k1_1). motion_filed(s5k1_1,yes). motion_granted(s5k1_1,yes). "
    "allegation(legal_error). allegation_motion(legal_error,s5k1_1). "
    "sentencing_error(range_miscalculated). sentencing_error_per(range_miscalculated,found_on_appeal). "
)
RULE35A = (
    "posture(appeal_after_sentence). motion(s3553e). motion_filed(s3553e,yes). motion_granted(s3553e,yes). "
    "allegation(legal_error). rule35a_correction(yes). rule35a_clear_error(no). rule35a_clear_error_per(found_on_appeal). "
)
# the law as of August 2007 (the engine's --as-of states the authorities not yet decided)
BEFORE_GALL = "not_yet_decided(gall). not_yet_decided(molina_martinez). not_yet_decided(vargas_ruiz). "
VALUED = (
    "posture(appeal_after_sentence). raised_below(yes). motion(s3553e). motion_filed(s3553e,no). "
    "promise(to_consider). promise_in(to_consider,plea_agreement). promise_motion(to_consider,s3553e). "
    "promise_judged_by(to_consider,sole_discretion). assistance(given). reasons_given(yes). "
    "government_reason(cost_benefit). government_reason_stated_by(cost_benefit,government). "
    "allegation(bad_faith). allegation_motion(bad_faith,s3553e). district_court(granted). district_court_found_bad_faith(yes). "
)
# counsel did not object to the government's breach; the § 2255 court denied without a hearing (Allen, 5th Cir. 2019)
COUNSEL_OMITTED_BREACH = (
    "posture(section_2255). raised_below(no). promise(to_make_cooperation_known). "
    "promise_in(to_make_cooperation_known,plea_agreement). promise_performed(to_make_cooperation_known,no). "
    "allegation(breach_of_plea_agreement). allegation(ineffective_assistance). "
    "allegation_failed_to_raise(ineffective_assistance,breach_of_plea_agreement). "
    "district_court(denied). district_court_hearing(denied). "
)
# an oral promise of a Rule 35(b) motion, on the defendant's sworn word; the § 2255 court denied without a hearing
SWORN_PROMISE = (
    "posture(section_2255). promise(to_move). promise_in(to_move,oral). promise_motion(to_move,rule35b). "
    "promise_performed(to_move,no). promise_per(to_move,alleged). motion(rule35b). motion_filed(rule35b,no). "
    "allegation(breach_of_plea_agreement). allegation_support(breach_of_plea_agreement,sworn_affidavit). "
    "district_court(denied). district_court_hearing(denied). "
)
UNPROVEN_BREACH = (
    "posture(appeal_after_sentence). raised_below(yes). promise(to_move). promise_in(to_move,plea_agreement). "
    "promise_motion(to_move,s5k1_1). promise_condition(to_move,substantial_assistance). promise_performed(to_move,no). "
    "motion(s5k1_1). motion_filed(s5k1_1,no). assistance(given). reasons_given(yes). government_reason(new_crime). "
    "government_reason_stated_by(new_crime,government). allegation(breach_of_plea_agreement). "
    "allegation_motion(breach_of_plea_agreement,s5k1_1). district_court(denied). "
)
ACKNOWLEDGED = (
    "posture(appeal_after_sentence). raised_below(yes). promise(to_move). promise_in(to_move,plea_agreement). "
    "promise_motion(to_move,s5k1_1). promise_condition(to_move,substantial_assistance). promise_judged_by(to_move,us_attorney). "
    "promise_performed(to_move,no). motion(s5k1_1). motion_filed(s5k1_1,no). assistance(given). "
    "government_act(acknowledged_substantial). allegation(breach_of_plea_agreement). "
    "allegation_motion(breach_of_plea_agreement,s5k1_1). "
)
PROVEN_BREACH = (
    "posture(appeal_after_sentence). raised_below(yes). promise(to_move). promise_in(to_move,plea_agreement). "
    "promise_motion(to_move,s5k1_1). motion(s5k1_1). motion_filed(s5k1_1,no). "
    "allegation(breach_of_plea_agreement). allegation_motion(breach_of_plea_agreement,s5k1_1). "
    "allegation_proven(breach_of_plea_agreement,yes). "
)
UNEXPLAINED = (
    "posture(motion_to_compel). raised_below(yes). promise(to_move). promise_in(to_move,plea_agreement). "
    "promise_motion(to_move,rule35b). motion(rule35b). motion_filed(rule35b,no). assistance(given). "
    "allegation(breach_of_plea_agreement). allegation_motion(breach_of_plea_agreement,rule35b). "
    "district_court(denied). district_court_ruling(summary). district_court_asked_reasons(no). "
)
AMBIGUOUS = (
    "posture(appeal_after_sentence). raised_below(yes). promise(to_consider). promise_in(to_consider,plea_agreement). "
    "promise_motion(to_consider,unspecified). promise_condition(to_consider,substantial_assistance). "
    "promise_performed(to_consider,no). promise_ambiguous(to_consider,yes). promise_construed_below(to_consider,no). "
    "motion(unspecified). motion_filed(unspecified,no). allegation(breach_of_plea_agreement). district_court(denied). "
)
REFUSED_TO_DECIDE = (
    "posture(appeal_after_sentence). raised_below(yes). promise(to_move). promise_in(to_move,plea_agreement). "
    "promise_motion(to_move,s5k1_1). promise_condition(to_move,substantial_assistance). promise_performed(to_move,no). "
    "motion(s5k1_1). motion_filed(s5k1_1,no). assistance(given). government_act(refused_to_evaluate). "
    "allegation(breach_of_plea_agreement). allegation_motion(breach_of_plea_agreement,s5k1_1). district_court(denied). "
)
MISLED_PLEA = (
    "posture(appeal_after_sentence). motion(s5k1_1). motion_filed(s5k1_1,yes). "
    "appeal_waiver(yes). appeal_waiver_scope(all_claims). allegation(legal_error). allegation_motion(legal_error,s5k1_1). "
    "plea_misinformed(motion_effect). plea_misinformed_by(motion_effect,court). plea_misinformed_per(motion_effect,found_on_appeal). "
)

CASES = {
    # § 1: bad faith is a contractual ground
    "no agreement: bad faith is no ground (wrong before)": Case(
        NO_MOTION + "plea_agreement(none). allegation(bad_faith). allegation_support(bad_faith,record_evidence). "
        "allegation_rebuts_stated_reasons(bad_faith,yes). allegation_motion(bad_faith,s5k1_1).",
        ("ground_not_recognized(bad_faith)", "@wade_no_bad_faith_ground"),
        ("threshold_showing(bad_faith)", "relief(evidentiary_hearing)"), jurisdiction="tenth_circuit"),
    # § 2: a good-faith-effort clause is met by the effort
    "good-faith effort made: breach, and no 'unsuccessful attempt' (wrong before)": Case(
        NO_MOTION + GOOD_FAITH_EFFORT,
        ("breach_of_plea_agreement", "@santobello_breach", "relief(specific_performance)"),
        ("unsuccessful_attempt_no_duty", "no_breach_of_plea_agreement"), jurisdiction="eighth_circuit"),
    "the defendant's own breach, found below, excuses the government": Case(
        NO_MOTION + GOOD_FAITH_EFFORT + "defendant_duty(truthfulness). defendant_duty_breached(truthfulness,yes). "
        "defendant_duty_per(truthfulness,found_below).",
        ("defendant_breach", "@sealed_case_defendant_breach", "no_breach_of_plea_agreement"),
        ("breach_of_plea_agreement", "relief(specific_performance)"), jurisdiction="eighth_circuit"),
    "a promise kept (the motion filed) is no breach": Case(
        "motion(s5k1_1). motion_filed(s5k1_1,yes). raised_below(yes). " + GOOD_FAITH_EFFORT,
        ("promise_kept(to_move)", "@santobello_promise_kept"), ("breach_of_plea_agreement",),
        jurisdiction="eighth_circuit"),
    "a concession is evidence, not a bar to a binding promise (wrong before)": Case(
        "motion(s3553e). motion_filed(s3553e,no). raised_below(yes). plea_agreement(promise_to_move). "
        "plea_agreement_motion(s3553e). plea_agreement_condition_met(yes). allegation(breach_of_plea_agreement). "
        "concession(not_bound_by_plea_agreement). concession_by(not_bound_by_plea_agreement,defendant).",
        ("breach_of_plea_agreement", "relief(specific_performance)"), (), jurisdiction="eighth_circuit"),
    "a separate cooperation agreement's promise binds like a plea agreement's (wrong before)": Case(
        NO_MOTION + "plea_agreement(none). cooperation_agreement(after_plea). cooperation_agreement_terms(promise_to_move). "
        "assistance(given). assistance_substantial(yes). allegation(breach_of_cooperation_agreement).",
        ("condition_met(to_move)", "breach_of_plea_agreement", "relief(specific_performance)"),
        ("relief(plea_withdrawal)",), jurisdiction="fourth_circuit"),
    # § 2: reserved judgments, per circuit
    "sole discretion, bad faith shown, where good-faith review is recognized: a hearing": Case(
        NO_MOTION + SOLE_DISCRETION + BAD_FAITH_EVIDENCE,
        ("good_faith_review(to_move)", "threshold_showing(bad_faith)", "relief(evidentiary_hearing)"), (),
        jurisdiction="second_circuit"),
    "sole discretion where the circuit rejects good-faith review: Wade only": Case(
        NO_MOTION + SOLE_DISCRETION + BAD_FAITH_EVIDENCE,
        ("broad_discretion", "@mackmore_reserved_wade_only"), ("good_faith_review(to_move)", "relief(evidentiary_hearing)"),
        jurisdiction="eighth_circuit", branch=(("bad_faith_review", "rejected"),)),
    "a refusal to evaluate at all breaches a promise to consider": Case(
        NO_MOTION + "promise(to_consider). promise_motion(to_consider,s5k1_1). promise_judged_by(to_consider,sole_discretion). "
        "government_act(refused_to_evaluate). allegation(refusal_to_evaluate).",
        ("breach_of_plea_agreement", "@doe_refusal_to_evaluate"), (), jurisdiction="tenth_circuit"),
    # § 3: reasons by kind
    "the defendant's new crime is a legitimate reason, never a Rounsavall factor (wrong before)": Case(
        "motion(s3553e). motion_filed(s3553e,no). raised_below(yes). plea_agreement(none). "
        "government_reason(continued_criminal_activity). allegation(impermissible_factor). "
        "allegation_ground(impermissible_factor,continued_criminal_activity). allegation_support(impermissible_factor,record_evidence). "
        "allegation_ties_decision_maker(impermissible_factor,yes). allegation_motion(impermissible_factor,s3553e).",
        ("legitimate_reason(continued_criminal_activity)", "@wade_legitimate_category"),
        ("threshold_showing(impermissible_factor)", "below_minimum_authorized(compelled_motion)"),
        jurisdiction="eighth_circuit"),
    # § 5: gates
    "an appeal waiver of any and all issues bars the claim": Case(
        NO_MOTION + SOLE_DISCRETION + BAD_FAITH_EVIDENCE + "appeal_waiver(yes). appeal_waiver_scope(all_claims).",
        ("review(waived)", "@kilcrease_appeal_waiver"), ("relief(evidentiary_hearing)",), jurisdiction="second_circuit"),
    "a waiver of the sentence appeal does not reach a breach claim": Case(
        NO_MOTION + GOOD_FAITH_EFFORT + "appeal_waiver(yes). appeal_waiver_scope(appeal_of_sentence).",
        ("breach_of_plea_agreement",), ("review(waived)",), jurisdiction="eighth_circuit"),
    "a forfeited, conceded breach without prejudice gets nothing (Puckett; wrong before)": Case(
        "motion(s5k1_1). motion_filed(s5k1_1,no). raised_below(no). plea_agreement(promise_to_move). "
        "allegation(breach_of_plea_agreement). concession(breach). concession_by(breach,government).",
        ("breach_of_plea_agreement", "@puckett_no_prejudice", "review(plain_error)"),
        ("relief(specific_performance)", "relief(plea_withdrawal)"), jurisdiction="seventh_circuit"),
    "a forfeited breach that affected the sentence: relief": Case(
        "motion(s5k1_1). motion_filed(s5k1_1,no). raised_below(no). plea_agreement(promise_to_move). "
        "allegation(breach_of_plea_agreement). concession(breach). concession_by(breach,government). "
        "sentence_would_differ(yes).",
        ("relief(specific_performance)",), ("@puckett_no_prejudice",), jurisdiction="seventh_circuit"),
    # § 3-4: a refusal the government's own acts contradict
    "stated intent to file, then no motion and no reason: a threshold showing (wrong before)": Case(
        "raised_below(yes). plea_agreement(none). motion(rule35b). motion_sought(rule35b,yes). motion_filed(rule35b,no). "
        "government_act(stated_intent_to_file). government_act_by(stated_intent_to_file,government). "
        "allegation(no_rational_relation). allegation_support(no_rational_relation,government_admission). "
        "allegation_motion(no_rational_relation,rule35b).",
        ("threshold_showing(no_rational_relation)", "@wilson_contradicted_refusal", "relief(evidentiary_hearing)"), (),
        jurisdiction="seventh_circuit"),
    "a reason about the assistance that the record rebuts is no legitimate reason (wrong before)": Case(
        NO_MOTION + "plea_agreement(none). government_reason(insufficient_assistance). "
        "government_reason_rebutted(insufficient_assistance,yes). government_act(acknowledged_substantial). "
        "allegation(pretext). allegation_support(pretext,government_admission).",
        ("threshold_showing(pretext)",), ("legitimate_reason(insufficient_assistance)", "refusal_upheld"),
        jurisdiction="first_circuit"),
    "...an unrebutted reason about the assistance still stands": Case(
        NO_MOTION + "plea_agreement(none). government_reason(insufficient_assistance). "
        "government_act(acknowledged_substantial). allegation(pretext). allegation_support(pretext,government_admission).",
        ("legitimate_reason(insufficient_assistance)", "refusal_upheld"), ("threshold_showing(pretext)",),
        jurisdiction="first_circuit"),
    "a motion filed and granted: the acknowledgement opens nothing": Case(
        "raised_below(yes). plea_agreement(none). motion(rule35b). motion_filed(rule35b,yes). motion_granted(rule35b,yes). "
        "government_act(acknowledged_substantial). allegation(court_authority). allegation_motion(court_authority,rule35b).",
        (), ("threshold_showing(court_authority)", "relief(evidentiary_hearing)"), jurisdiction="eleventh_circuit"),
    # § 2: the defendant's breach, disputed
    "a refusal for the defendant's breach, rebutted by specific evidence, under a court-judged promise: a hearing (wrong before)": Case(
        NO_MOTION + "promise(to_move). promise_in(to_move,plea_agreement). promise_motion(to_move,s5k1_1). "
        "promise_condition(to_move,full_truthful_cooperation). government_reason(withheld_information). "
        "allegation(bad_faith). allegation_support(bad_faith,unknown). allegation_rebuts_stated_reasons(bad_faith,yes). "
        "district_court(denied). district_court_hearing(denied).",
        ("threshold_showing(bad_faith)", "relief(evidentiary_hearing)", "relief(remand)"), (),
        jurisdiction="second_circuit"),
    "...not on the defendant's say-so": Case(
        NO_MOTION + "promise(to_move). promise_in(to_move,plea_agreement). promise_motion(to_move,s5k1_1). "
        "promise_condition(to_move,full_truthful_cooperation). government_reason(withheld_information). "
        "allegation(bad_faith). allegation_support(bad_faith,own_say_so). allegation_rebuts_stated_reasons(bad_faith,yes).",
        (), ("threshold_showing(bad_faith)", "relief(evidentiary_hearing)"), jurisdiction="second_circuit"),
    "a breach found below cannot stand on promises all kept (wrong before)": Case(
        "raised_below(yes). posture(sentence_reduction). promise(to_move). promise_in(to_move,plea_agreement). "
        "promise_motion(to_move,s5k1_1). promise_performed(to_move,yes). motion(s5k1_1). motion_filed(s5k1_1,yes). "
        "allegation(breach_of_plea_agreement). district_court(granted). district_court_found_breach(yes).",
        ("no_breach_of_plea_agreement",), ("breach_of_plea_agreement", "relief(specific_performance)"),
        jurisdiction="eleventh_circuit"),
    # § 5: appeal waivers
    "an appeal waiver whose scope the record does not limit reaches a challenge to the refusal (wrong before)": Case(
        NO_MOTION + "plea_agreement(none). appeal_waiver(yes). allegation(no_rational_relation). "
        "allegation_support(no_rational_relation,own_say_so).",
        ("review(waived)", "@kilcrease_appeal_waiver"), (), jurisdiction="seventh_circuit"),
    "...but not a claim that the government broke the agreement": Case(
        NO_MOTION + GOOD_FAITH_EFFORT + "appeal_waiver(yes).",
        ("breach_of_plea_agreement",), ("review(waived)",), jurisdiction="seventh_circuit"),
    "an appeal waiver bars the claim before Kilcrease (2012) too: Wiggins (1990; wrong before)": Case(
        NO_MOTION + "plea_agreement(none). appeal_waiver(yes). allegation(no_rational_relation). "
        "allegation_support(no_rational_relation,own_say_so). not_yet_decided(kilcrease).",
        ("review(waived)", "@wiggins_appeal_waiver"), ("@kilcrease_appeal_waiver",), jurisdiction="ninth_circuit"),
    "a waiver in a plea agreement the district court rejected falls with it (Mendenhall; wrong before)": Case(
        NO_MOTION + "plea_agreement(promise_to_consider). plea_agreement_rejected(yes). appeal_waiver(yes). "
        "appeal_waiver_scope(all_claims). allegation(no_rational_relation). allegation_support(no_rational_relation,own_say_so).",
        (), ("review(waived)",), jurisdiction="ninth_circuit"),
    # § 10: the district court's handling
    "a court that believed it could not weigh cooperation must resentence": Case(
        "raised_below(yes). believed(vary). believed_power(vary,lacks).",
        ("misapprehended_authority(vary)", "relief(resentencing)", "relief(remand)"), (), jurisdiction="fifth_circuit"),
    "believing it could not review a refusal is harmless without a reviewable claim (Wade at 186-87)": Case(
        "raised_below(yes). plea_agreement(none). motion(s5k1_1). motion_filed(s5k1_1,no). "
        "allegation(no_rational_relation). allegation_support(no_rational_relation,own_say_so). "
        "believed(review_refusal). believed_power(review_refusal,lacks).",
        ("misapprehended_authority(review_refusal)",), ("relief(remand)",), jurisdiction="first_circuit"),
    "a threshold showing met by a denial of a hearing: remand": Case(
        NO_MOTION + SOLE_DISCRETION + BAD_FAITH_EVIDENCE + "district_court(denied). district_court_hearing(denied).",
        ("relief(remand)", "@rounsavall_remand_for_hearing"), (), jurisdiction="second_circuit"),
    "a motion filed and granted leaves no refusal to review (wrong before)": Case(
        "raised_below(yes). plea_agreement(none). motion(s5k1_1). motion_filed(s5k1_1,yes). motion_granted(s5k1_1,yes). "
        "allegation(unconstitutional_motive). allegation_ground(unconstitutional_motive,race). "
        "allegation_support(unconstitutional_motive,record_evidence). allegation_ties_decision_maker(unconstitutional_motive,yes). "
        "allegation_motion(unconstitutional_motive,s5k1_1).",
        (), ("relief(evidentiary_hearing)", "relief(discovery)"), jurisdiction="seventh_circuit"),
    # § 2: every promise of a plea agreement binds, not only a promise to move
    "a preserved breach is remedied though the sentence would not have differed (Santobello)": Case(
        "raised_below(yes). promise(to_recommend_sentence). promise_in(to_recommend_sentence,plea_agreement). "
        "promise_performed(to_recommend_sentence,no). promise_per(to_recommend_sentence,conceded). "
        "allegation(breach_of_plea_agreement). sentence_would_differ(no).",
        ("breach_of_plea_agreement", "relief(specific_performance)"), ("harmless_error",), jurisdiction="third_circuit"),
    "a conceded failure to make the promised sentence recommendation is a breach (wrong before)": Case(
        "raised_below(yes). promise(to_recommend_sentence). promise_in(to_recommend_sentence,plea_agreement). "
        "promise_performed(to_recommend_sentence,no). promise_per(to_recommend_sentence,conceded). "
        "allegation(breach_of_plea_agreement).",
        ("condition_met(to_recommend_sentence)", "breach_of_plea_agreement", "relief(specific_performance)"),
        ("no_breach_of_plea_agreement",), jurisdiction="third_circuit"),
    "a recommendation promise whose stated condition is unmet is not broken": Case(
        "raised_below(yes). promise(to_recommend_sentence). promise_in(to_recommend_sentence,plea_agreement). "
        "promise_condition(to_recommend_sentence,no_new_crimes). promise_condition_status(to_recommend_sentence,unmet). "
        "promise_performed(to_recommend_sentence,no). allegation(breach_of_plea_agreement).",
        ("no_breach_of_plea_agreement",), ("breach_of_plea_agreement",), jurisdiction="third_circuit"),
    "a promised chance to cooperate, never given (never debriefed), is broken (wrong before)": Case(
        "raised_below(yes). promise(opportunity_to_cooperate). promise_in(opportunity_to_cooperate,plea_agreement). "
        "government_act(never_debriefed). allegation(breach_of_plea_agreement).",
        ("breach_of_plea_agreement",), (), jurisdiction="sixth_circuit"),
    "...not where the refusal to debrief is only his word (wrong before)": Case(
        "raised_below(yes). promise(opportunity_to_cooperate). promise_in(opportunity_to_cooperate,plea_agreement). "
        "government_act(never_debriefed). government_act_per(never_debriefed,alleged). "
        "allegation(breach_of_plea_agreement).",
        ("no_breach_of_plea_agreement",), ("breach_of_plea_agreement",), jurisdiction="sixth_circuit"),
    "...nor where the promise itself is only his word (wrong before)": Case(
        "raised_below(yes). promise(opportunity_to_cooperate). promise_in(opportunity_to_cooperate,plea_agreement). "
        "promise_per(opportunity_to_cooperate,alleged). government_act(never_debriefed). "
        "allegation(breach_of_plea_agreement).",
        ("no_breach_of_plea_agreement", "promise_unproven(opportunity_to_cooperate)"), ("breach_of_plea_agreement",),
        jurisdiction="sixth_circuit"),
    "...and a promise to move he alone says was made, not kept, is no breach shown (wrong before)": Case(
        NO_MOTION + "promise(to_move). promise_in(to_move,plea_agreement). promise_motion(to_move,s5k1_1). "
        "promise_condition(to_move,none). promise_per(to_move,alleged). promise_performed(to_move,no). "
        "allegation(breach_of_plea_agreement).",
        ("no_breach_of_plea_agreement",), ("breach_of_plea_agreement", "relief(specific_performance)"),
        jurisdiction="fourth_circuit"),
    "...which the court of appeals' finding of the promise makes a breach": Case(
        NO_MOTION + "promise(to_move). promise_in(to_move,plea_agreement). promise_motion(to_move,s5k1_1). "
        "promise_condition(to_move,none). promise_per(to_move,found_on_appeal). promise_performed(to_move,no). "
        "allegation(breach_of_plea_agreement).",
        ("breach_of_plea_agreement",), ("no_breach_of_plea_agreement",), jurisdiction="fourth_circuit"),
    "an objective condition: the government's own acknowledgement of substantial help meets it (wrong before)": Case(
        NO_MOTION + "promise(to_move). promise_in(to_move,plea_agreement). promise_motion(to_move,s5k1_1). "
        "promise_condition(to_move,substantial_assistance). government_act(acknowledged_substantial). "
        "allegation(breach_of_plea_agreement).",
        ("condition_met(to_move)", "breach_of_plea_agreement"), (), jurisdiction="fourth_circuit"),
    "...but not where the record states the condition unmet": Case(
        NO_MOTION + "promise(to_move). promise_in(to_move,plea_agreement). promise_motion(to_move,s5k1_1). "
        "promise_condition(to_move,substantial_assistance). promise_condition_status(to_move,unmet). "
        "government_act(acknowledged_substantial). allegation(breach_of_plea_agreement).",
        ("no_breach_of_plea_agreement",), ("condition_met(to_move)", "breach_of_plea_agreement"),
        jurisdiction="fourth_circuit"),
    # § 6: a filed motion gives the court the power it names
    "a timely Rule 35(b) motion: believing the minimum a bar is error, and a remand (wrong before)": Case(
        "raised_below(yes). posture(sentence_reduction). motion(rule35b). motion_filed(rule35b,yes). "
        "rule35b_timing(within_year). statutory_minimum(term). believed(below_minimum). believed_power(below_minimum,lacks).",
        ("court_has_power(below_minimum)", "misapprehended_authority(below_minimum)", "relief(remand)"), (),
        jurisdiction="fourth_circuit"),
    "an untimely Rule 35(b) motion gives no such power": Case(
        "raised_below(yes). posture(sentence_reduction). motion(rule35b). motion_filed(rule35b,yes). "
        "rule35b_timing(none). statutory_minimum(term). believed(below_minimum). believed_power(below_minimum,lacks).",
        (), ("court_has_power(below_minimum)", "relief(remand)"), jurisdiction="fourth_circuit"),
    "a § 5K1.1 motion filed: believing a departure barred is error (wrong before)": Case(
        "raised_below(yes). motion(s5k1_1). motion_filed(s5k1_1,yes). believed(depart). believed_power(depart,lacks).",
        ("court_has_power(depart)", "@ussg_5k1_1_below_guidelines", "relief(resentencing)"), (),
        jurisdiction="eleventh_circuit"),
    "...held harmless on appeal (it did not affect the sentence): no remand (wrong before)": Case(
        "raised_below(yes). motion(s5k1_1). motion_filed(s5k1_1,yes). believed(depart). believed_power(depart,lacks). "
        "sentence_would_differ(no).",
        ("harmless_error", "@williams_1992_harmless_error"), ("relief(resentencing)", "relief(remand)"),
        jurisdiction="eleventh_circuit"),
    "...nor where the court said it would impose the same sentence anyway (wrong before)": Case(
        "raised_below(yes). motion(s5k1_1). motion_filed(s5k1_1,yes). believed(depart). believed_power(depart,lacks). "
        "same_sentence_anyway(yes).",
        ("harmless_error",), ("relief(resentencing)", "relief(remand)"), jurisdiction="eleventh_circuit"),
    "a safety-valve sentence has no minimum floor in a reduction (wrong before)": Case(
        "posture(sentence_reduction). statutory_minimum(term). safety_valve(yes).",
        ("below_minimum_authorized(safety_valve)",), ("reduction_floor(statutory_minimum)",),
        jurisdiction="eighth_circuit"),
    # § 10: the district court's handling
    "a court that refused to consider a claim under a reviewable agreement: remand (wrong before)": Case(
        NO_MOTION + SOLE_DISCRETION + "allegation(bad_faith). district_court(denied). district_court_ruling(refused_to_consider).",
        ("claim_not_reached", "@doe_claim_not_reached", "relief(remand)"), (), jurisdiction="tenth_circuit"),
    "Wade alone applied to a binding promise: remand (wrong before)": Case(
        NO_MOTION + GOOD_FAITH_EFFORT.replace("assistance_good_faith(yes)", "assistance_good_faith(unknown)")
        + "district_court(denied). district_court_standard(wade_only).",
        ("claim_not_reached", "relief(remand)"), (), jurisdiction="eighth_circuit"),
    "Wade alone applied where the circuit reviews only under Wade: no error": Case(
        NO_MOTION + SOLE_DISCRETION + "allegation(bad_faith). district_court(denied). district_court_standard(wade_only).",
        (), ("claim_not_reached", "relief(remand)"), jurisdiction="eleventh_circuit",
        branch=(("bad_faith_review", "rejected"),)),  # the 11th's own position is unverified: take the branch
    "a breach found on appeal is remanded for the choice of remedy (wrong before)": Case(
        NO_MOTION + GOOD_FAITH_EFFORT + "posture(appeal_after_sentence).",
        ("relief(remand)", "@santobello_remand", "relief(resentencing)"), (), jurisdiction="eighth_circuit"),
    "where the circuit allows other factors in a Rule 35(b) reduction, believing them barred is error (wrong before)": Case(
        "raised_below(yes). posture(rule_35b_proceeding). motion(rule35b). motion_filed(rule35b,yes). motion_granted(rule35b,yes). "
        "believed(use_other_factors). believed_power(use_other_factors,lacks). allegation(court_authority).",
        ("court_has_power(use_other_factors)", "@tadio_rule35b_other_factors", "relief(remand)"), (),
        jurisdiction="ninth_circuit"),
    # § 7: after sentencing
    "a Rule 35(b) motion outside the windows gives no authority below the minimum": Case(
        "motion(rule35b). motion_filed(rule35b,yes). statutory_minimum(term). rule35b_timing(none).",
        ("rule35b_untimely", "@rule35b_windows"), ("below_minimum_authorized(rule35b_motion)",),
        jurisdiction="eleventh_circuit"),
    "after Koons, a sentence on the minimum and the assistance is not reducible": Case(
        "posture(sentence_reduction). sentence_basis(minimum_and_assistance). believed(reduce_sentence). "
        "believed_power(reduce_sentence,lacks).",
        ("court_lacks_power(reduce_sentence)", "@koons_not_based_on_range"), ("relief(remand)",),
        jurisdiction="third_circuit"),
    "a term below the range for assistance may be reduced comparably below the amended range (wrong before)": Case(
        "posture(sentence_reduction). motion(rule35b). motion_filed(rule35b,yes). motion_granted(rule35b,yes). "
        "believed(reduce_below_amended_range). believed_power(reduce_below_amended_range,lacks). "
        "allegation(legal_error). district_court(denied).",
        ("court_has_power(reduce_below_amended_range)", "@ussg_1b1_10_comparable_reduction",
         "misapprehended_authority(reduce_below_amended_range)", "relief(remand)"), (),
        jurisdiction="fourth_circuit"),
    "the comparable reduction is the extent, not eligibility (Guyton)": Case(
        "posture(sentence_reduction). motion(s5k1_1). motion_filed(s5k1_1,yes). motion_granted(s5k1_1,yes). "
        "believed(reduce_sentence). believed_power(reduce_sentence,lacks). allegation(legal_error). district_court(denied).",
        (), ("court_has_power(reduce_sentence)", "@ussg_1b1_10_comparable_reduction", "relief(remand)"),
        jurisdiction="seventh_circuit"),
    "no comparable reduction for a term that no assistance motion lowered": Case(
        "posture(sentence_reduction). believed(reduce_below_amended_range). "
        "believed_power(reduce_below_amended_range,lacks). allegation(legal_error). district_court(denied).",
        (), ("court_has_power(reduce_below_amended_range)", "relief(remand)"), jurisdiction="fourth_circuit"),
    "no comparable reduction for a term based on a minimum (Koons)": Case(
        S3553E_REDUCTION + "sentence_basis(minimum_and_assistance). believed(reduce_below_amended_range). "
        "believed_power(reduce_below_amended_range,lacks).",
        ("court_lacks_power(reduce_sentence)",), ("@ussg_1b1_10_comparable_reduction", "relief(remand)"),
        jurisdiction="fourth_circuit"),
    "a term below a minimum whose range is unknown is not read as based on the minimum": Case(
        S3553E_REDUCTION + "statutory_minimum(term). guidelines_range_below_minimum(unknown). believed(reduce_sentence). "
        "believed_power(reduce_sentence,lacks).",
        (), ("court_lacks_power(reduce_sentence)", "assisted_below_minimum"), jurisdiction="eighth_circuit"),
    "a term below a minimum whose range fell below it is based on the minimum": Case(
        S3553E_REDUCTION + "statutory_minimum(term). guidelines_range_below_minimum(yes). believed(reduce_sentence). "
        "believed_power(reduce_sentence,lacks).",
        ("court_lacks_power(reduce_sentence)", "@koons_not_based_on_range"), ("relief(remand)",),
        jurisdiction="eighth_circuit"),
    "a court-judged condition the government denies, disputed by specific evidence: a hearing (wrong before)": Case(
        NO_MOTION + COURT_JUDGED + "government_reason(insufficient_assistance). allegation(breach_of_plea_agreement). "
        "allegation_support(breach_of_plea_agreement,record_evidence). "
        "allegation_rebuts_stated_reasons(breach_of_plea_agreement,yes). district_court(denied). district_court_hearing(denied).",
        ("threshold_showing(breach_of_plea_agreement)", "@rounsavall_bad_faith_showing", "relief(evidentiary_hearing)"),
        ("breach_of_plea_agreement",), jurisdiction="fourth_circuit"),
    "...not where the record confirms the government's reason": Case(
        NO_MOTION + COURT_JUDGED + "government_reason(insufficient_assistance). "
        "government_reason_rebutted(insufficient_assistance,no). allegation(breach_of_plea_agreement). "
        "allegation_support(breach_of_plea_agreement,record_evidence). "
        "allegation_rebuts_stated_reasons(breach_of_plea_agreement,yes).",
        (), ("threshold_showing(breach_of_plea_agreement)", "relief(evidentiary_hearing)"), jurisdiction="fourth_circuit"),
    "...nor on the defendant's say-so": Case(
        NO_MOTION + COURT_JUDGED + "government_reason(insufficient_assistance). allegation(breach_of_plea_agreement). "
        "allegation_support(breach_of_plea_agreement,own_say_so). "
        "allegation_rebuts_stated_reasons(breach_of_plea_agreement,yes).",
        (), ("threshold_showing(breach_of_plea_agreement)", "relief(evidentiary_hearing)"), jurisdiction="fourth_circuit"),
    "a sole-discretion promise refused with no finding stated, where the circuit requires one (wrong before)": Case(
        NO_MOTION + SOLE_DISCRETION + "assistance(given). reasons_given(no). allegation(breach_of_plea_agreement).",
        ("determination_not_stated(to_move)", "@villareal_determination_required", "relief(remand)"), (),
        jurisdiction="sixth_circuit"),
    "a sole-discretion promise refused on a stated finding that the assistance fell short": Case(
        NO_MOTION + SOLE_DISCRETION + "assistance(given). government_reason(insufficient_assistance). "
        "allegation(breach_of_plea_agreement).",
        (), ("determination_not_stated(to_move)",), jurisdiction="sixth_circuit"),
    "a sole-discretion promise refused for the defendant's own default states enough": Case(
        NO_MOTION + SOLE_DISCRETION + "assistance(given). government_reason(new_crime). allegation(breach_of_plea_agreement).",
        (), ("determination_not_stated(to_move)",), jurisdiction="sixth_circuit"),
    "a sole-discretion promise refused on a breach the government declared states enough (wrong before)": Case(
        NO_MOTION + SOLE_DISCRETION + "assistance(given). government_act(declared_breach). allegation(breach_of_plea_agreement).",
        (), ("determination_not_stated(to_move)",), jurisdiction="sixth_circuit"),
    "no finding need be stated where the defendant's own breach is found (wrong before)": Case(
        NO_MOTION + SOLE_DISCRETION + "assistance(given). reasons_given(no). allegation(breach_of_plea_agreement). "
        "district_court_found_defendant_breach(yes).",
        ("defendant_breach",), ("determination_not_stated(to_move)", "relief(remand)"), jurisdiction="sixth_circuit"),
    "ruling on the government's Rule 35(b) motion unheard, where the circuit requires a response (wrong before)": Case(
        RULE35B_UNHEARD, ("rule35b_response_denied", "@redacted_rule35b_response", "relief(remand)"), (),
        jurisdiction="sixth_circuit"),
    "ruling on the government's Rule 35(b) motion unheard, where Rule 35(b) requires no hearing": Case(
        RULE35B_UNHEARD, ("no_rule35b_hearing_right", "@mcmahan_rule35b_no_hearing_right"),
        ("rule35b_response_denied", "relief(remand)"), jurisdiction="fifth_circuit"),
    "a Rule 35(b) motion the government withdrew is no ruling on it unheard (wrong before)": Case(
        RULE35B_UNHEARD + " government_act(withdrew_motion). government_act_motion(withdrew_motion,rule35b).", (),
        ("rule35b_response_denied", "relief(remand)"), jurisdiction="sixth_circuit"),
    "a Rule 35(b) ruling after a hearing is no denied response": Case(
        RULE35B_UNHEARD.replace("district_court_hearing(denied)", "district_court_hearing(held)"), (),
        ("rule35b_response_denied", "relief(remand)"), jurisdiction="sixth_circuit"),
    # § 10: the sentencing court's procedure (Gall) and the plea (Vargas Ruiz)
    "an incorrect range, held on appeal, after a preserved objection: vacated for resentencing (wrong before)": Case(
        GALL_RANGE + "raised_below(yes).",
        ("procedural_error(range_miscalculated)", "@gall_procedural_error", "relief(resentencing)",
         "@gall_vacate_for_procedural_error"), (), jurisdiction="ninth_circuit"),
    "...held harmless on appeal (it did not affect the sentence): no resentencing (wrong before)": Case(
        GALL_RANGE + "raised_below(yes). sentence_would_differ(no).",
        ("procedural_error(range_miscalculated)",), ("relief(resentencing)", "relief(vacated_sentence)"),
        jurisdiction="ninth_circuit"),
    "an incorrect range on plain-error review: the error itself shows prejudice (wrong before)": Case(
        GALL_RANGE + "raised_below(no).",
        ("range_error_prejudicial", "@molina_martinez_range_prejudice", "relief(vacated_sentence)"), (),
        jurisdiction="ninth_circuit"),
    "an incorrect range, but the court said it would impose the same sentence anyway": Case(
        GALL_RANGE + "raised_below(yes). same_sentence_anyway(yes).",
        ("procedural_error(range_miscalculated)",), ("relief(resentencing)", "relief(vacated_sentence)"),
        jurisdiction="ninth_circuit"),
    "an unexplained sentence forfeited, no prejudice shown: no relief": Case(
        GALL_RANGE.replace("range_miscalculated", "not_explained") + "raised_below(no).",
        ("procedural_error(not_explained)",), ("relief(resentencing)", "range_error_prejudicial"),
        jurisdiction="ninth_circuit"),
    "an error the defendant only alleges is not decided": Case(
        GALL_RANGE.replace("found_on_appeal", "alleged") + "raised_below(yes).",
        (), ("procedural_error(range_miscalculated)", "relief(resentencing)"), jurisdiction="ninth_circuit"),
    "a procedural error of a kind Gall does not name, held on appeal and preserved: vacated (wrong before)": Case(
        GALL_RANGE.replace("range_miscalculated", "procedural") + "raised_below(yes).",
        ("procedural_error(procedural)", "@gall_vacate_for_procedural_error", "relief(vacated_sentence)"), (),
        jurisdiction="sixth_circuit"),
    "a decision resting on an error of law, held on appeal: vacated and remanded (Koon) (wrong before)": Case(
        GALL_RANGE.replace("range_miscalculated", "error_of_law") + "raised_below(yes).",
        ("error_of_law_held", "@koon_error_of_law", "relief(vacated_sentence)", "relief(resentencing)"), (),
        jurisdiction="ninth_circuit"),
    "an error of law the government concedes is established": Case(
        GALL_RANGE.replace("range_miscalculated", "error_of_law").replace("found_on_appeal", "conceded") + "raised_below(yes).",
        ("error_of_law_held", "relief(remand)"), (), jurisdiction="ninth_circuit"),
    "an error of law the defendant only alleges is not decided": Case(
        GALL_RANGE.replace("range_miscalculated", "error_of_law").replace("found_on_appeal", "alleged") + "raised_below(yes).",
        (), ("error_of_law_held", "relief(remand)"), jurisdiction="ninth_circuit"),
    "a forfeited error of law without prejudice shown: no relief": Case(
        GALL_RANGE.replace("range_miscalculated", "error_of_law") + "raised_below(no).",
        ("error_of_law_held",), ("relief(remand)", "relief(vacated_sentence)"), jurisdiction="ninth_circuit"),
    "an error of law that would not have changed the sentence: no relief": Case(
        GALL_RANGE.replace("range_miscalculated", "error_of_law") + "raised_below(yes). sentence_would_differ(no).",
        ("error_of_law_held",), ("relief(remand)",), jurisdiction="ninth_circuit"),
    "on the government's appeal, an error of law is no relief for the defendant": Case(
        GALL_RANGE.replace("range_miscalculated", "error_of_law")
        .replace("allegation(legal_error). allegation_motion(legal_error,s5k1_1). ", "") + "raised_below(yes).",
        ("error_of_law_held",), ("relief(remand)", "relief(vacated_sentence)"), jurisdiction="ninth_circuit"),
    "before Koon (1996) an error of law in the sentence is still remanded: Williams (1992), 'imposed in violation of law' (wrong before)": Case(
        GALL_RANGE.replace("range_miscalculated", "error_of_law") + "raised_below(yes). not_yet_decided(koon).",
        ("error_of_law_held", "@williams_1992_incorrect_application", "relief(vacated_sentence)", "relief(remand)"),
        ("@koon_error_of_law",), jurisdiction="ninth_circuit"),
    "...but an error of law in a ruling outside the sentence is Koon's, not yet the law": Case(
        GALL_RANGE.replace("range_miscalculated", "error_of_law").replace("posture(appeal_after_sentence)", "posture(rule_35b_proceeding)")
        + "raised_below(yes). not_yet_decided(koon).",
        (), ("error_of_law_held", "relief(remand)"), jurisdiction="ninth_circuit"),
    "a plea on the court's misstatement of what a motion could do: withdrawal, and the waiver falls (wrong before)": Case(
        MISLED_PLEA + "raised_below(yes).",
        ("plea_not_knowing(motion_effect)", "@vargas_ruiz_unknowing_plea", "relief(plea_withdrawal)"),
        ("review(waived)",), jurisdiction="sixth_circuit"),
    "a plea on the court's misstatement before Vargas Ruiz (2021) is not knowing either: McCarthy (1969; wrong before)": Case(
        MISLED_PLEA + "raised_below(yes). not_yet_decided(vargas_ruiz).",
        ("plea_not_knowing(motion_effect)", "@mccarthy_voluntary_plea", "relief(plea_withdrawal)"),
        ("@vargas_ruiz_unknowing_plea", "review(waived)"), jurisdiction="fifth_circuit"),
    "a forfeited misstatement without a showing he would not have pleaded: no relief": Case(
        MISLED_PLEA + "raised_below(no).",
        ("plea_not_knowing(motion_effect)",), ("relief(plea_withdrawal)",), jurisdiction="sixth_circuit"),
    "a forfeited misstatement he would not have pleaded without: withdrawal": Case(
        MISLED_PLEA + "raised_below(no). would_not_have_pleaded(motion_effect,yes).",
        ("relief(plea_withdrawal)", "relief(vacated_sentence)"), (), jurisdiction="sixth_circuit"),
    "a Rule 35(a) amendment with no clear error in the original sentence is vacated (wrong before)": Case(
        RULE35A + "raised_below(yes).",
        ("correction_without_clear_error", "@rule35a_clear_error_only", "relief(vacated_sentence)"), (),
        jurisdiction="third_circuit"),
    "a Rule 35(a) amendment correcting a clear error stands": Case(
        RULE35A.replace("rule35a_clear_error(no)", "rule35a_clear_error(yes)") + "raised_below(yes).",
        (), ("correction_without_clear_error", "relief(vacated_sentence)"), jurisdiction="third_circuit"),
    "a Rule 35(a) amendment the defendant only says was unauthorized is not decided": Case(
        RULE35A.replace("found_on_appeal", "alleged") + "raised_below(yes).",
        (), ("correction_without_clear_error", "relief(vacated_sentence)"), jurisdiction="third_circuit"),
    "before Gall, an incorrect range held on appeal is still remanded (Williams, 1992) (wrong before)": Case(
        GALL_RANGE + "raised_below(yes). " + BEFORE_GALL,
        ("procedural_error(range_miscalculated)", "@williams_1992_incorrect_application", "relief(resentencing)"),
        ("@gall_procedural_error",), jurisdiction="third_circuit"),
    "before Gall, an unexplained sentence is not this rule": Case(
        GALL_RANGE.replace("range_miscalculated", "not_explained") + "raised_below(yes). " + BEFORE_GALL,
        (), ("procedural_error(not_explained)", "relief(resentencing)"), jurisdiction="third_circuit"),
    "a sentence held substantively unreasonable on appeal is vacated for resentencing (wrong before)": Case(
        GALL_RANGE.replace("range_miscalculated", "substantively_unreasonable") + "raised_below(no). same_sentence_anyway(yes).",
        ("unreasonable_sentence(substantively_unreasonable)", "@booker_unreasonable_sentence", "relief(resentencing)"),
        ("procedural_error(substantively_unreasonable)",), jurisdiction="tenth_circuit"),
    "before Gall, a sentence held unreasonable (which way unsaid) is vacated under Booker (wrong before)": Case(
        GALL_RANGE.replace("range_miscalculated", "unreasonable") + "raised_below(yes). " + BEFORE_GALL,
        ("unreasonable_sentence(unreasonable)", "relief(vacated_sentence)", "relief(remand)"), (),
        jurisdiction="tenth_circuit"),
    "on the government's appeal (no claim of the defendant's), a sentence held unreasonable is no relief for him": Case(
        GALL_RANGE.replace("range_miscalculated", "substantively_unreasonable")
        .replace("allegation(legal_error). allegation_motion(legal_error,s5k1_1). ", "")
        + "raised_below(yes).",
        ("unreasonable_sentence(substantively_unreasonable)",), ("relief(resentencing)", "relief(vacated_sentence)"),
        jurisdiction="ninth_circuit"),
    "a sentence the defendant only calls unreasonable is not decided": Case(
        GALL_RANGE.replace("range_miscalculated", "substantively_unreasonable").replace("found_on_appeal", "alleged")
        + "raised_below(yes).",
        (), ("unreasonable_sentence(substantively_unreasonable)", "relief(resentencing)"), jurisdiction="tenth_circuit"),
    "a refusal for the defendant's breach that no court found cannot stand: remand (wrong before)": Case(
        UNPROVEN_BREACH,
        ("breach_unproven(new_crime)", "@lukse_breach_unproven", "relief(remand)", "relief(resentencing)"), (),
        jurisdiction="sixth_circuit"),
    "the breach found below excuses the government": Case(
        UNPROVEN_BREACH + "district_court_found_defendant_breach(yes).",
        ("defendant_breach",), ("breach_unproven(new_crime)", "relief(remand)"), jurisdiction="sixth_circuit"),
    "a reason the record confirms is no unproven breach": Case(
        UNPROVEN_BREACH + "government_reason_rebutted(new_crime,no).",
        (), ("breach_unproven(new_crime)", "relief(remand)"), jurisdiction="sixth_circuit"),
    "assistance stated not substantial: the condition is unmet, whatever the breach": Case(
        UNPROVEN_BREACH + "assistance_substantial(no).",
        (), ("breach_unproven(new_crime)", "relief(remand)"), jurisdiction="sixth_circuit"),
    "under a judgment reserved to the government, the unproven-breach rule does not reach": Case(
        UNPROVEN_BREACH + "promise_judged_by(to_move,government).",
        (), ("breach_unproven(new_crime)",), jurisdiction="sixth_circuit"),
    "before Lukse (2002) the rule is not yet the law": Case(
        UNPROVEN_BREACH + "not_yet_decided(lukse).",
        (), ("breach_unproven(new_crime)",), jurisdiction="sixth_circuit"),
    "before Lukse, a refusal for an unfound breach of his, denied without a hearing, is remanded (Leonard, 1995) (wrong before)": Case(
        UNPROVEN_BREACH + "not_yet_decided(lukse).",
        ("compliance_unheard(new_crime)", "@leonard_compliance_hearing", "relief(remand)", "relief(vacated_sentence)"),
        ("breach_unproven(new_crime)", "threshold_showing(breach_of_plea_agreement)"), jurisdiction="sixth_circuit"),
    "a hearing held below is no ground for a remand for one": Case(
        UNPROVEN_BREACH + "district_court_hearing(held).",
        (), ("@leonard_compliance_hearing",), jurisdiction="sixth_circuit"),
    "a forfeited claim without prejudice shown earns no remand on compliance": Case(
        UNPROVEN_BREACH.replace("raised_below(yes)", "raised_below(no)"),
        (), ("relief(remand)", "relief(vacated_sentence)"),
        jurisdiction="sixth_circuit"),
    "a breach of his the record states is no unfound excuse, whatever the year": Case(
        UNPROVEN_BREACH + "defendant_duty(no_new_crimes). defendant_duty_breached(no_new_crimes,yes). "
        "defendant_duty_per(no_new_crimes,found_on_appeal). not_yet_decided(sealed_case).",
        (), ("breach_unproven(new_crime)", "compliance_unheard(new_crime)"), jurisdiction="sixth_circuit"),
    "under a reserved judgment, a breach the government declared and no court found must be proved (Lukse) (wrong before)": Case(
        UNPROVEN_BREACH + "promise_judged_by(to_move,government). government_act(declared_breach).",
        ("breach_unproven(declared_breach)", "@lukse_breach_unproven", "relief(remand)", "relief(resentencing)"), (),
        jurisdiction="sixth_circuit"),
    "a declared breach the district court found excuses the government": Case(
        UNPROVEN_BREACH + "promise_judged_by(to_move,government). government_act(declared_breach). "
        "district_court_found_defendant_breach(yes).",
        ("defendant_breach",), ("breach_unproven(declared_breach)", "relief(remand)"), jurisdiction="sixth_circuit"),
    "a declared breach only the defendant says the government declared is no unproven excuse": Case(
        UNPROVEN_BREACH + "promise_judged_by(to_move,government). government_act(declared_breach). "
        "government_act_per(declared_breach,alleged).",
        (), ("breach_unproven(declared_breach)",), jurisdiction="sixth_circuit"),
    "a declared breach with the assistance stated not substantial: the condition is unmet": Case(
        UNPROVEN_BREACH + "promise_judged_by(to_move,government). government_act(declared_breach). assistance_substantial(no).",
        (), ("breach_unproven(declared_breach)", "relief(remand)"), jurisdiction="sixth_circuit"),
    # Olano's third limitation binds before Puckett too (Anderson, 9th Cir. 1997, in the corpus)
    "before Puckett, a forfeited breach without prejudice shown earns nothing (Olano) (wrong before)": Case(
        NO_MOTION.replace("raised_below(yes)", "raised_below(no)") + GOOD_FAITH_EFFORT + "not_yet_decided(puckett).",
        ("breach_of_plea_agreement", "@olano_no_prejudice"), ("relief(specific_performance)", "relief(plea_withdrawal)"),
        jurisdiction="ninth_circuit"),
    "before Puckett, a forfeited breach that changed the sentence gets its remedy": Case(
        NO_MOTION.replace("raised_below(yes)", "raised_below(no)") + GOOD_FAITH_EFFORT
        + "not_yet_decided(puckett). sentence_would_differ(yes).",
        ("relief(specific_performance)",), (), jurisdiction="ninth_circuit"),
    # a breach a court found proven (Spencer, 5th Cir. 2025: "the Government breached ... We agree")
    "a claim of breach found proven is a breach, whatever the condition read (wrong before)": Case(
        PROVEN_BREACH,
        ("breach_of_plea_agreement", "@santobello_conceded_breach", "relief(specific_performance)"), (),
        jurisdiction="fifth_circuit"),
    "a claim of breach found proven, but forfeited without prejudice shown, earns nothing (Puckett)": Case(
        PROVEN_BREACH.replace("raised_below(yes)", "raised_below(no)"),
        (), ("relief(specific_performance)", "relief(resentencing)"), jurisdiction="fifth_circuit"),
    "a claim of breach found proven is no breach where the promise was kept": Case(
        PROVEN_BREACH + "promise_performed(to_move,yes).",
        (), ("breach_of_plea_agreement",), jurisdiction="fifth_circuit"),
    "a claim of breach not found proven decides nothing by itself": Case(
        PROVEN_BREACH.replace("allegation_proven(breach_of_plea_agreement,yes)", "allegation_proven(breach_of_plea_agreement,no)"),
        (), ("breach_of_plea_agreement",), jurisdiction="fifth_circuit"),
    # a claim denied without explanation and without the government's response (McDowell, 7th Cir. 2005)
    "a breach claim denied summarily without the government's response is remanded (wrong before)": Case(
        UNEXPLAINED,
        ("denied_unexplained", "@mcdowell_unexplained_denial", "relief(remand)"), ("breach_of_plea_agreement",),
        jurisdiction="seventh_circuit"),
    "a denial with reasons is no unexplained denial": Case(
        UNEXPLAINED.replace("district_court_ruling(summary)", "district_court_ruling(with_reasons)"),
        (), ("denied_unexplained",), jurisdiction="seventh_circuit"),
    "a denial after the government was asked to respond is no unexplained denial": Case(
        UNEXPLAINED.replace("district_court_asked_reasons(no)", "district_court_asked_reasons(yes)"),
        (), ("denied_unexplained",), jurisdiction="seventh_circuit"),
    "a bare claim (say-so, no promise) denied summarily earns nothing": Case(
        UNEXPLAINED.replace("promise(to_move). promise_in(to_move,plea_agreement). promise_motion(to_move,rule35b). ", "")
        .replace("allegation(breach_of_plea_agreement)", "allegation(bad_faith)")
        .replace("allegation_motion(breach_of_plea_agreement,rule35b)", "allegation_motion(bad_faith,rule35b)"),
        (), ("denied_unexplained", "relief(remand)"), jurisdiction="seventh_circuit"),
    "before McDowell (2005) an unexplained denial is not yet this rule": Case(
        UNEXPLAINED + "not_yet_decided(mcdowell).",
        (), ("denied_unexplained",), jurisdiction="seventh_circuit"),
    # an error held on the government's cross-appeal is its win (Hodge, 8th Cir. 2006)
    "a sentence held unreasonably low on the government's cross-appeal is no relief for the defendant (wrong before)": Case(
        GALL_RANGE.replace("range_miscalculated", "substantively_unreasonable")
        + "raised_below(yes). sentencing_error_raised_by(substantively_unreasonable,government).",
        ("unreasonable_sentence(substantively_unreasonable)",), ("relief(vacated_sentence)", "relief(resentencing)"),
        jurisdiction="eighth_circuit"),
    "a procedural error held on the government's challenge is no relief for the defendant": Case(
        GALL_RANGE + "raised_below(yes). sentencing_error_raised_by(range_miscalculated,government).",
        ("procedural_error(range_miscalculated)",), ("relief(vacated_sentence)", "relief(resentencing)"),
        jurisdiction="ninth_circuit"),
    "an error held on the defendant's own challenge is his relief": Case(
        GALL_RANGE + "raised_below(yes). sentencing_error_raised_by(range_miscalculated,defendant).",
        ("relief(vacated_sentence)",), (), jurisdiction="ninth_circuit"),
    # an ambiguous promise the district court never construed (Hernandez, 5th Cir. 1994)
    "an ambiguous promise never construed below is remanded (wrong before)": Case(
        AMBIGUOUS,
        ("ambiguity_unresolved(to_consider)", "@hernandez_ambiguity_unresolved", "relief(vacated_sentence)",
         "relief(resentencing)"), ("breach_of_plea_agreement",), jurisdiction="fifth_circuit"),
    "an ambiguity the district court resolved is no ground for a remand": Case(
        AMBIGUOUS.replace("promise_construed_below(to_consider,no)", "promise_construed_below(to_consider,yes)"),
        (), ("ambiguity_unresolved(to_consider)",), jurisdiction="fifth_circuit"),
    "an ambiguity with nothing said of the district court's reading decides nothing": Case(
        AMBIGUOUS.replace("promise_construed_below(to_consider,no). ", ""),
        (), ("ambiguity_unresolved(to_consider)",), jurisdiction="fifth_circuit"),
    "an ambiguous promise the government kept is no ground": Case(
        AMBIGUOUS.replace("promise_performed(to_consider,no)", "promise_performed(to_consider,yes)"),
        (), ("ambiguity_unresolved(to_consider)",), jurisdiction="fifth_circuit"),
    "a forfeited ambiguity, without prejudice shown, earns nothing": Case(
        AMBIGUOUS.replace("raised_below(yes)", "raised_below(no)"),
        (), ("relief(remand)", "relief(vacated_sentence)"), jurisdiction="fifth_circuit"),
    "before Hernandez (1994) the unresolved ambiguity is not yet this rule": Case(
        AMBIGUOUS + "not_yet_decided(hernandez).",
        (), ("ambiguity_unresolved(to_consider)",), jurisdiction="fifth_circuit"),
    # the government must decide the assistance before sentencing (Quach, 9th Cir. 2002)
    "a refusal to decide the assistance before sentencing under a promise to move vacates the sentence (wrong before)": Case(
        REFUSED_TO_DECIDE,
        ("determination_refused(to_move)", "@quach_determination_before_sentencing", "relief(vacated_sentence)",
         "relief(resentencing)"), ("breach_of_plea_agreement",), jurisdiction="fifth_circuit"),
    "a refusal to decide only the defendant alleges is no error found": Case(
        REFUSED_TO_DECIDE + "government_act_per(refused_to_evaluate,alleged).",
        (), ("determination_refused(to_move)",), jurisdiction="fifth_circuit"),
    "the government's evaluation answers a claim of refusal to decide": Case(
        REFUSED_TO_DECIDE + "government_act(evaluated_assistance).",
        (), ("determination_refused(to_move)",), jurisdiction="fifth_circuit"),
    "the defendant's own breach excuses the refusal to decide": Case(
        REFUSED_TO_DECIDE + "district_court_found_defendant_breach(yes).",
        (), ("determination_refused(to_move)",), jurisdiction="fifth_circuit"),
    "a forfeited refusal to decide, without prejudice shown, earns nothing": Case(
        REFUSED_TO_DECIDE.replace("raised_below(yes)", "raised_below(no)"),
        (), ("relief(vacated_sentence)", "relief(remand)"), jurisdiction="fifth_circuit"),
    "before Quach (2002) the refusal to decide is not yet an error": Case(
        REFUSED_TO_DECIDE + "not_yet_decided(quach).",
        (), ("determination_refused(to_move)",), jurisdiction="fifth_circuit"),
    "a reserved judgment the government made in the defendant's favour is a condition met: breach (wrong before)": Case(
        ACKNOWLEDGED,
        ("condition_met(to_move)", "breach_of_plea_agreement"), (), jurisdiction="eighth_circuit"),
    "a reserved judgment without the government's acknowledgement is no condition met": Case(
        ACKNOWLEDGED.replace("government_act(acknowledged_substantial). ", ""),
        (), ("condition_met(to_move)",), jurisdiction="eighth_circuit"),
    "a finding of bad faith cannot stand on the government's unrebutted valuation of the assistance (wrong before)": Case(
        VALUED,
        ("good_faith_valuation", "@trimm_good_faith_valuation"), ("breach_of_plea_agreement", "relief(specific_performance)"),
        jurisdiction="second_circuit"),
    "a finding of bad faith stands where the valuation is rebutted": Case(
        VALUED + "government_reason_rebutted(cost_benefit,yes).",
        ("breach_of_plea_agreement", "@knights_bad_faith_breach"), ("good_faith_valuation",),
        jurisdiction="second_circuit"),
    "a misstatement by defense counsel is not the court's: the waiver stands": Case(
        MISLED_PLEA.replace("plea_misinformed_by(motion_effect,court)", "plea_misinformed_by(motion_effect,defense_counsel)")
        + "raised_below(yes).",
        ("review(waived)",), ("plea_not_knowing(motion_effect)", "relief(plea_withdrawal)"), jurisdiction="sixth_circuit"),
    # counsel's failure to raise the government's breach on a § 2255 motion (Machibroda; Allen, 5th Cir. 2019)
    "counsel's unraised breach, unrefuted by the record, must be heard: remand (wrong before)": Case(
        COUNSEL_OMITTED_BREACH,
        ("ineffective_assistance_unrefuted", "@machibroda_2255_hearing", "relief(evidentiary_hearing)", "relief(remand)"),
        ("relief(specific_performance)",), jurisdiction="fifth_circuit"),
    "the forfeited breach itself, without prejudice shown, still earns nothing": Case(
        COUNSEL_OMITTED_BREACH.replace("allegation(ineffective_assistance). ", "")
        .replace("allegation_failed_to_raise(ineffective_assistance,breach_of_plea_agreement). ", ""),
        ("breach_of_plea_agreement",), ("relief(remand)", "relief(evidentiary_hearing)"), jurisdiction="fifth_circuit"),
    "a promise the record shows kept refutes the claim: no hearing": Case(
        COUNSEL_OMITTED_BREACH.replace("promise_performed(to_make_cooperation_known,no)", "promise_performed(to_make_cooperation_known,yes)"),
        (), ("ineffective_assistance_unrefuted", "relief(remand)"), jurisdiction="fifth_circuit"),
    "a promise on the defendant's word alone does not need a hearing here": Case(
        COUNSEL_OMITTED_BREACH + "promise_per(to_make_cooperation_known,alleged).",
        (), ("ineffective_assistance_unrefuted",), jurisdiction="fifth_circuit"),
    "a promise reserved to the government's judgment is no unrefuted breach": Case(
        COUNSEL_OMITTED_BREACH + "promise_judged_by(to_make_cooperation_known,sole_discretion).",
        (), ("ineffective_assistance_unrefuted",), jurisdiction="fifth_circuit"),
    "the defendant's own breach refutes the claim": Case(
        COUNSEL_OMITTED_BREACH + "district_court_found_defendant_breach(yes).",
        (), ("ineffective_assistance_unrefuted",), jurisdiction="fifth_circuit"),
    "the court's word that the sentence would be the same refutes prejudice": Case(
        COUNSEL_OMITTED_BREACH + "same_sentence_anyway(yes).",
        (), ("ineffective_assistance_unrefuted",), jurisdiction="fifth_circuit"),
    "a hearing held below leaves no remand for one": Case(
        COUNSEL_OMITTED_BREACH.replace("district_court_hearing(denied)", "district_court_hearing(held)"),
        ("ineffective_assistance_unrefuted",), ("relief(remand)", "relief(evidentiary_hearing)"), jurisdiction="fifth_circuit"),
    "on direct appeal the claim is not this rule's": Case(
        COUNSEL_OMITTED_BREACH.replace("posture(section_2255)", "posture(appeal_after_sentence)"),
        (), ("ineffective_assistance_unrefuted",), jurisdiction="fifth_circuit"),
    "counsel's failure to raise another claim is not judged here": Case(
        COUNSEL_OMITTED_BREACH.replace("allegation_failed_to_raise(ineffective_assistance,breach_of_plea_agreement)",
                                       "allegation_failed_to_raise(ineffective_assistance,court_authority)"),
        (), ("ineffective_assistance_unrefuted",), jurisdiction="fifth_circuit"),
    "an appeal waiver does not reach the claim that counsel failed to raise the breach": Case(
        COUNSEL_OMITTED_BREACH + "appeal_waiver(yes).",
        ("relief(remand)",), ("review(waived)",), jurisdiction="fifth_circuit"),
    "a waiver of any and all claims does": Case(
        COUNSEL_OMITTED_BREACH + "appeal_waiver(yes). appeal_waiver_scope(all_claims).",
        ("review(waived)",), ("relief(remand)",), jurisdiction="fifth_circuit"),
    # a promise the defendant swears the government made and did not keep (Machibroda's own facts)
    "a sworn claim of an unkept promise, unrefuted by the record, must be heard: remand (Machibroda; wrong before)": Case(
        SWORN_PROMISE,
        ("promise_claim_unrefuted", "@machibroda_promise_hearing", "relief(evidentiary_hearing)", "relief(remand)"),
        ("relief(specific_performance)", "breach_of_plea_agreement"), jurisdiction="sixth_circuit"),
    "...but not on his unsworn word": Case(
        SWORN_PROMISE.replace("sworn_affidavit", "own_say_so"),
        (), ("promise_claim_unrefuted", "relief(evidentiary_hearing)"), jurisdiction="sixth_circuit"),
    "...nor where a hearing found the claim unproven": Case(
        SWORN_PROMISE + "allegation_proven(breach_of_plea_agreement,no).",
        (), ("promise_claim_unrefuted", "relief(remand)"), jurisdiction="sixth_circuit"),
    "...nor where his own breach is established": Case(
        SWORN_PROMISE + "district_court_found_defendant_breach(yes).",
        (), ("promise_claim_unrefuted",), jurisdiction="sixth_circuit"),
    "...nor on direct appeal": Case(
        SWORN_PROMISE.replace("posture(section_2255)", "posture(appeal_after_sentence)"),
        (), ("promise_claim_unrefuted",), jurisdiction="sixth_circuit"),
    "ineffective assistance a court found vacates the sentence (wrong before)": Case(
        "posture(section_2255). allegation(ineffective_assistance). allegation_proven(ineffective_assistance,yes). ",
        ("ineffective_assistance_shown", "@strickland_ineffective_assistance", "relief(vacated_sentence)",
         "relief(resentencing)", "relief(remand)"), (), jurisdiction="tenth_circuit"),
    "ineffective assistance alleged but not found earns no resentencing": Case(
        "posture(section_2255). allegation(ineffective_assistance). ",
        (), ("ineffective_assistance_shown", "relief(resentencing)"), jurisdiction="tenth_circuit"),
    # a promise on the defendant's word alone is his claim to prove on every breach route (round 9)
    "a promise only the defendant alleges is no ground for Lukse's or Leonard's remand (wrong before)": Case(
        UNPROVEN_BREACH + "promise_per(to_move,alleged).",
        (), ("breach_unproven(new_crime)", "compliance_unheard(new_crime)", "relief(remand)"), jurisdiction="sixth_circuit"),
    "an ambiguous promise only the defendant alleges is no ground for Hernandez's remand (wrong before)": Case(
        AMBIGUOUS + "promise_per(to_consider,alleged).",
        (), ("ambiguity_unresolved(to_consider)", "relief(remand)"), jurisdiction="fifth_circuit"),
    "a promise to move only the defendant alleges is no ground for Quach's remand (wrong before)": Case(
        REFUSED_TO_DECIDE + "promise_per(to_move,alleged).",
        (), ("determination_refused(to_move)", "relief(remand)"), jurisdiction="ninth_circuit"),
    "the same promise found below is a ground again": Case(
        REFUSED_TO_DECIDE + "promise_per(to_move,found_below).",
        ("determination_refused(to_move)", "relief(remand)"), (), jurisdiction="ninth_circuit"),
    # § 3582(c)(2)'s own condition: a range the Commission has since lowered (Lindsey, 4th Cir. 2009; Liberse, 11th Cir. 2012)
    "before Koons, a court that thought it could not reduce a sentence based on a lowered range is remanded (wrong before)": Case(
        "posture(sentence_reduction). raised_below(yes). sentence_basis(guidelines_range). range_lowered(yes). "
        "motion(rule35b). motion_filed(rule35b,yes). motion_granted(rule35b,yes). believed(reduce_sentence). "
        "believed_power(reduce_sentence,lacks). allegation(court_authority). district_court(denied). not_yet_decided(koons).",
        ("court_has_power(reduce_sentence)", "@s3582c2_range_lowered", "misapprehended_authority(reduce_sentence)",
         "relief(remand)"), (), jurisdiction="eleventh_circuit"),
    "a range the amendment left the same gives no authority to reduce, on either branch of the split (wrong before)": Case(
        S3553E_REDUCTION + "statutory_minimum(life). range_lowered(no). believed(reduce_sentence). "
        "believed_power(reduce_sentence,lacks). allegation(court_authority). district_court(denied). raised_below(yes).",
        ("court_lacks_power(reduce_sentence)", "@s3582c2_range_lowered"),
        ("court_has_power(reduce_sentence)", "relief(remand)"), jurisdiction="eighth_circuit"),
    "a range whose lowering the record does not state decides nothing under the statute's condition": Case(
        "posture(sentence_reduction). sentence_basis(guidelines_range). believed(reduce_sentence). "
        "believed_power(reduce_sentence,lacks). not_yet_decided(koons).",
        (), ("@s3582c2_range_lowered",), jurisdiction="fourth_circuit"),
    # per-claim preservation (round 9): a record that states every claim forfeited is no silence
    "every claim stated forfeited, with raised_below left out, is reviewed for plain error (wrong before)": Case(
        REFUSED_TO_DECIDE.replace("raised_below(yes). ", "raised_below(unknown). ")
        + "allegation_preserved(breach_of_plea_agreement,forfeited).",
        ("review(plain_error)",), ("review(preserved)", "relief(vacated_sentence)"), jurisdiction="ninth_circuit"),
    "one claim stated raised leaves the silent record preserved": Case(
        REFUSED_TO_DECIDE.replace("raised_below(yes). ", "raised_below(unknown). ")
        + "allegation_preserved(breach_of_plea_agreement,forfeited). allegation(bad_faith). "
        "allegation_preserved(bad_faith,raised).",
        ("review(preserved)",), ("review(plain_error)",), jurisdiction="ninth_circuit"),
    "a case-wide raised_below yes governs over a claim stated forfeited": Case(
        REFUSED_TO_DECIDE + "allegation_preserved(breach_of_plea_agreement,forfeited).",
        ("review(preserved)",), ("review(plain_error)",), jurisdiction="ninth_circuit"),
}


@table(CASES)
def test_federal_doctrine(case: Case) -> None:
    case.check()


def test_before_koons_a_circuit_that_held_such_sentences_eligible_remands() -> None:
    facts = ("posture(sentence_reduction). sentence_basis(minimum_and_assistance). believed(reduce_sentence). "
             "believed_power(reduce_sentence,lacks). not_yet_decided(koons).")
    assert "relief(remand)" in solve(facts, "third_circuit").holds
    assert "relief(remand)" not in solve(facts, "eighth_circuit").holds


def test_an_unverified_rule35b_factors_position_is_decided_both_ways() -> None:
    facts = ("raised_below(yes). posture(rule_35b_proceeding). motion(rule35b). motion_filed(rule35b,yes). "
             "believed(use_other_factors). believed_power(use_other_factors,lacks). allegation(court_authority).")
    may = solve(facts, "sixth_circuit", branch=[("rule35b_other_factors", "recognized")])
    only = solve(facts, "sixth_circuit", branch=[("rule35b_other_factors", "rejected")])
    assert "relief(remand)" in may.holds and "court_has_power(use_other_factors)" in may.holds
    assert "relief(remand)" not in only.holds and "court_lacks_power(use_other_factors)" in only.holds


def test_an_unverified_rule35b_response_position_is_decided_both_ways() -> None:
    heard = solve(RULE35B_UNHEARD, "seventh_circuit", branch=[("rule35b_response", "recognized")])
    unheard = solve(RULE35B_UNHEARD, "seventh_circuit", branch=[("rule35b_response", "rejected")])
    assert "relief(remand)" in heard.holds and "relief(remand)" not in unheard.holds


def test_an_unverified_determination_position_is_decided_both_ways() -> None:
    facts = NO_MOTION + SOLE_DISCRETION + "assistance(given). reasons_given(no). allegation(breach_of_plea_agreement)."
    must = solve(facts, "first_circuit", branch=[("determination_required", "recognized")])
    need_not = solve(facts, "first_circuit", branch=[("determination_required", "rejected")])
    assert "determination_not_stated(to_move)" in must.holds
    assert "determination_not_stated(to_move)" not in need_not.holds


def test_every_jurisdiction_file_loads_cleanly() -> None:
    from conftest import RULES

    for path in sorted((RULES / "jurisdictions").glob("*.lp")):
        result = solve("", path.stem)
        assert result.models == 1 and not result.messages, (path.name, result.messages)
