"""Plain English for the federal doctrine's conclusions and the case language v2's facts.

The conclusion
    misapprehended_authority(vary)
reads
    "the district court believed it lacked a power it had: to vary for cooperation under § 3553(a)"
"""

from __future__ import annotations

Template = tuple[str, str]

CONCLUSIONS: dict[tuple[str, int], Template] = {
    ("good_faith_review", 1): (
        "the agreement's reserved judgment ({0}) must be exercised in good faith, and a court may review it",
        "no good-faith review of the reserved judgment ({0}) in this circuit",
    ),
    ("bad_faith_evidence", 1): (
        "there is evidence that the government's judgment under the promise ({0}) was not made in good faith",
        "no evidence casts doubt on the government's good faith under the promise ({0})",
    ),
    ("condition_met", 1): (
        "the condition of the promise ({0}) was met",
        "the condition of the promise ({0}) is not shown met",
    ),
    ("promise_kept", 1): (
        "the government kept its promise ({0}): the motion was filed",
        "the promise ({0}) is not shown kept",
    ),
    ("defendant_breach", 0): (
        "the defendant broke his own duties under the agreement, which excuses the government",
        "no breach by the defendant is established",
    ),
    ("unrebutted_independent_reason", 0): (
        "an independent, legitimate reason that the record does not rebut supports the refusal",
        "no independent legitimate reason stands unrebutted",
    ),
    ("court_has_power", 1): (
        "the district court had the power {0}",
        "the district court is not shown to have had the power {0}",
    ),
    ("court_lacks_power", 1): (
        "the district court lacked the power {0}",
        "the district court is not shown to have lacked the power {0}",
    ),
    ("misapprehended_authority", 1): (
        "the district court believed it lacked a power it had: {0}",
        "the district court did not misunderstand its power {0}",
    ),
    ("claim_not_reached", 0): (
        "the district court did not reach the claim under the agreement on its merits (it refused to consider it, or applied Wade alone)",
        "the district court reached the claim under the agreement",
    ),
    ("extent_error", 0): (
        "the reduction below the minimum rested on factors other than the assistance",
        "the reduction below the minimum is not shown to rest on other factors",
    ),
    ("rule35b_untimely", 0): (
        "the Rule 35(b) motion came outside the rule's windows",
        "the Rule 35(b) motion is not shown to be untimely",
    ),
    ("rule35b_response_denied", 0): (
        "the court ruled on the government's Rule 35(b) motion without letting the defendant respond",
        "the defendant is not shown denied a response to the government's Rule 35(b) motion",
    ),
    ("no_rule35b_hearing_right", 0): (
        "Rule 35(b) gives the defendant no right to notice and a hearing before the court rules",
        "no holding that Rule 35(b) denies the defendant a hearing",
    ),
    # the doctrine's own reading of the record (contract.lp, good_faith.lp, relief.lp ...)
    ("clause", 1): ("the agreement holds a promise {0}", "the agreement holds no promise {0}"),
    ("objective", 1): (
        "the promise {0} has a condition the court decides",
        "the promise {0} leaves the judgment to the government (sole discretion, a committee) or is not a promise to move",
    ),
    ("reserved", 1): (
        "the promise {0} leaves the judgment to the government (sole discretion, a committee, a promise to consider)",
        "the promise {0} does not reserve the judgment to the government",
    ),
    ("performance_promise", 1): (
        "the promise {0} is to do something that does not wait on the government's judgment of the assistance",
        "the promise {0} is not one whose performance the court judges on its own (it reserves a judgment, or it is a promise to move or to consider)",
    ),
    ("conditional", 1): ("the promise {0} states a condition", "the promise {0} states no condition"),
    ("substantial_assistance_admitted", 0): (
        "the government itself acknowledged or conceded that the assistance was substantial",
        "the government did not acknowledge that the assistance was substantial",
    ),
    ("standing_reason", 0): (
        "a legitimate reason the government gave still stands",
        "no legitimate reason the government gave still stands (none was given, or each is rebutted)",
    ),
    ("irrational_theory", 1): ("the claim ({0}) charges a refusal with no rational basis", "the claim ({0}) does not charge a refusal with no rational basis"),
    ("open_promise", 0): ("some promise of the agreement is not shown kept", "every promise of the agreement was kept"),
    ("kept", 1): ("the promise {0} was kept", "the promise {0} is not shown kept"),
    ("weak_support", 1): ("the claim ({0}) rests only on say-so or on the assistance itself", "the claim ({0}) rests on more than say-so"),
    ("not_performed", 1): ("the government did not perform the promise {0}", "the promise {0} is not shown unperformed"),
    ("alleged_only", 1): (
        "the promise {0} rests on the defendant's word alone (his claim to prove)",
        "the promise {0} does not rest on the defendant's word alone",
    ),
    ("scope_stated", 0): ("the appeal waiver's scope is stated", "the appeal waiver's scope is not limited in the record"),
    ("rebutted", 1): ("the record rebuts the government's reason: {0}", "the record does not rebut the government's reason: {0}"),
    ("agreement_after_plea", 0): ("the only agreement came after the guilty plea", "the agreement is not shown to have come after the plea"),
    ("performance_kind", 1): (
        "a promise {0} is one whose performance does not wait on the government's judgment of the assistance",
        "a promise {0} waits on the government's judgment of the assistance",
    ),
    ("summary_terms", 1): ("an agreement's summary term: {0}", "no agreement's summary term is {0}"),
    ("has_agreement", 0): ("an agreement speaks to the motion", "no agreement speaks to the motion"),
    ("enforceable_agreement", 0): (
        "the agreement is one a court can enforce, by its terms or for good faith",
        "no agreement a court can enforce is shown",
    ),
    ("claims_breach", 0): ("the defendant claims the agreement was broken", "the defendant does not claim a breach"),
    ("some_threshold_showing", 0): ("some challenge to the refusal made a threshold showing", "no challenge to the refusal made a threshold showing"),
    ("motion_given", 1): ("every motion the claim ({0}) concerns was filed", "a motion the claim ({0}) concerns was refused"),
    ("assisted_below_minimum", 0): (
        "the sentence went below the statutory minimum on a substantial-assistance motion",
        "the sentence is not shown to have gone below the minimum on a substantial-assistance motion",
    ),
    ("category", 2): ("the reason {0} is of the legal kind {1}", "the reason {0} is not of the legal kind {1}"),
    ("admitted_value", 0): (
        "the government itself acknowledged the value of the assistance or its intent to file",
        "no acknowledgement by the government of the assistance's value is stated",
    ),
    ("specific_support", 1): ("the claim ({0}) rests on specific evidence", "the claim ({0}) rests on no specific evidence"),
    ("bad_faith_claim", 1): ("the claim ({0}) charges bad faith or breach", "the claim ({0}) is not a bad-faith or breach claim"),
    ("assisted_below_range", 0): (
        "the sentence went below the guideline range on a substantial-assistance motion",
        "the sentence is not shown below the range on a substantial-assistance motion",
    ),
    ("determination_stated", 0): (
        "the government stated what it found the assistance to be worth, or the defendant's default",
        "the government stated no finding whether the assistance was substantial",
    ),
    ("determination_not_stated", 1): (
        "under the promise ({0}) the government had to state whether it found the assistance substantial, and did not",
        "no unstated finding under the promise ({0}) is shown",
    ),
    ("determination_refused", 1): (
        "under the promise ({0}) the government had to decide before sentencing whether the assistance was substantial, and refused to",
        "no refusal to decide the assistance under the promise ({0}) is shown",
    ),
    ("breach_unprejudiced", 0): (
        "the forfeited breach is not shown to have changed the sentence",
        "the forfeited breach is shown to have changed the sentence, or was not forfeited",
    ),
    ("error_of_law_held", 0): (
        "the court of appeals holds that the district court's decision rested on an error of law",
        "no error of law in the district court's decision is established",
    ),
    ("error_of_law_mattered", 0): (
        "the error of law could have changed the result",
        "the error of law is not shown to have mattered",
    ),
    ("ambiguity_unresolved", 1): (
        "the promise ({0}) is ambiguous and the district court never found what the parties meant by it",
        "no ambiguous promise ({0}) is left unconstrued",
    ),
    ("held_harmless", 0): (
        "the record shows the error left the sentence as it was",
        "the record does not show the error left the sentence as it was",
    ),
    ("harmless_error", 0): (
        "the error was harmless: it did not affect the sentence imposed",
        "the error is not held harmless",
    ),
    ("denied_unexplained", 0): (
        "the district court denied a claim that could earn relief without explanation and without the government's response",
        "no claim that could earn relief was denied without explanation and without a response",
    ),
    ("rule35b_ruled_unheard", 0): (
        "the court ruled on the government's Rule 35(b) motion without hearing the defendant",
        "the court is not shown to have ruled on the government's Rule 35(b) motion without hearing the defendant",
    ),
    ("reviewable_claim", 0): ("a claim that could earn relief if reviewed", "no claim that could earn relief if reviewed"),
    ("error_mattered", 0): ("the error could have changed the result", "the error is not shown to have mattered"),
    ("court_error_mattered", 0): (
        "the court's error could have changed the result and was not held harmless",
        "the court's error is not shown to have mattered",
    ),
    ("rounsavall_governs", 0): ("Rounsavall is the law for this § 3553(e) decision", "Rounsavall does not govern here"),
    ("procedural_error", 1): (
        "the district court made a significant procedural error at sentencing: {0}",
        "no significant procedural error at sentencing ({0}) is established",
    ),
    ("condition_unmet_shown", 1): (
        "the record shows the condition of the promise ({0}) unmet",
        "the record does not show the condition of the promise ({0}) unmet",
    ),
    ("defendant_breach_stated", 0): (
        "the record states a duty of the defendant's broken",
        "the record states no duty of the defendant's broken",
    ),
    ("breach_excuse_unfound", 1): (
        "the government's reason ({0}) is the defendant's own breach, which no court has found",
        "no reason of the defendant's breach ({0}) stands unfound",
    ),
    ("compliance_unheard", 1): (
        "the district court denied relief without a hearing or a finding on the defendant's breach ({0}) the government relied on",
        "no ruling without a hearing on the defendant's breach ({0}) the government relied on",
    ),
    ("promise_unproven", 1): (
        "the promise ({0}) rests on the defendant's word alone: his claim to prove, not a term the record shows",
        "the promise ({0}) does not rest on the defendant's word alone",
    ),
    ("ineffective_assistance_unrefuted", 0): (
        "on the § 2255 motion, the record does not conclusively refute the claim that counsel failed to raise the government's breach: it must be heard",
        "the record is not shown to leave unrefuted a claim that counsel failed to raise the government's breach",
    ),
    ("promise_claim_unrefuted", 0): (
        "on the § 2255 motion, the defendant swears to a promise the government did not keep, and the record does not conclusively refute it: it must be heard",
        "no sworn claim of an unkept promise that the record leaves unrefuted is shown",
    ),
    ("ineffective_assistance_shown", 0): (
        "a court found counsel's assistance ineffective: deficient performance that prejudiced the defendant",
        "no finding that counsel's assistance was ineffective",
    ),
    ("counsel_omitted_breach", 0): (
        "the claim is that counsel failed to raise the government's breach of the agreement",
        "no claim that counsel failed to raise the government's breach",
    ),
    ("breach_unrefuted", 1): (
        "the record does not show that the claim that the promise ({0}) was broken must fail",
        "the record shows that the claim that the promise ({0}) was broken fails (kept, reserved, excused or resting on his word alone)",
    ),
    ("every_claim_forfeited", 0): (
        "every claim the case states was forfeited below",
        "not every claim the case states is shown forfeited below",
    ),
    ("claim_not_shown_forfeited", 0): (
        "some claim is not shown forfeited below",
        "every claim is shown forfeited below",
    ),
    ("breach_unproven", 1): (
        "the government refused for the defendant's own breach ({0}), which no court has found",
        "no refusal rests on an unproven breach of the defendant's ({0})",
    ),
    ("defendant_challenges", 1): (
        "the error ({0}) was held on the defendant's own challenge",
        "the error ({0}) is not shown held on a challenge of the defendant's (as on the government's appeal of his sentence)",
    ),
    ("unreasonable_sentence", 1): (
        "the sentence is unreasonable: {0}",
        "the sentence is not established unreasonable ({0})",
    ),
    ("range_error_prejudicial", 0): (
        "the error in the guidelines range itself shows a reasonable probability of a different sentence",
        "the error in the range is not shown to have affected the sentence",
    ),
    ("procedural_error_mattered", 0): (
        "the procedural error could have changed the sentence",
        "the procedural error is not shown to have mattered (forfeited without prejudice shown, or the same sentence anyway)",
    ),
    ("plea_not_knowing", 1): (
        "the plea was not knowing and voluntary: the court or the government misinformed the defendant about {0}",
        "the plea is not shown unknowing for a misstatement about {0}",
    ),
    ("plea_misled", 1): (
        "the court or the government misinformed the defendant, when he pleaded, about {0}",
        "no misstatement about {0} by the court or the government is established",
    ),
    ("correction_without_clear_error", 0): (
        "the court amended the sentence under Rule 35(a) although the original sentence had no arithmetical, technical or other clear error",
        "no Rule 35(a) amendment without a clear error is established",
    ),
    ("good_faith_valuation", 0): (
        "under a judgment the agreement reserves, the refusal rests on the government's own valuation of the assistance, which the record does not rebut: no bad faith",
        "no unrebutted valuation of the assistance stands against a finding of bad faith",
    ),
    ("misled_into_plea", 0): (
        "the court or the government misled the defendant when he pleaded",
        "no misstatement at the plea by the court or the government is established",
    ),
    ("plea_error_mattered", 1): (
        "the misstatement about {0} could have changed his decision to plead",
        "the misstatement about {0} is not shown to have changed his decision to plead",
    ),
    ("waiver_reaches", 1): ("the appeal waiver's scope reaches the claim ({0})", "the appeal waiver's scope does not reach the claim ({0})"),
}


def _keyed(head: str, child: str) -> Template:
    return (f"{head} {{0}}: {child} {{1}}", f"{head} {{0}}: {child} is not shown to be {{1}}")


def _single(text: str) -> Template:
    return (f"{text}: {{0}}", f"{text} is not shown to be {{0}}")


INPUTS: dict[tuple[str, int], Template] = {
    ("promise", 1): ("the government promised {0}", "no promise {0} is stated"),
    ("promise_in", 2): _keyed("the promise", "held in"),
    ("promise_motion", 2): _keyed("the promise", "the motion named"),
    ("promise_condition", 2): _keyed("the promise", "its condition"),
    ("promise_judged_by", 2): _keyed("the promise", "whether its condition was met is judged by"),
    ("promise_condition_status", 2): _keyed("the promise", "its condition"),
    ("promise_performed", 2): _keyed("the promise", "performed by the government"),
    ("promise_ambiguous", 2): _keyed("the promise", "held ambiguous by the court of appeals"),
    ("sentencing_error_raised_by", 2): _keyed("the error in the sentence", "held on the challenge of"),
    ("promise_construed_below", 2): _keyed("the promise", "construed by the district court (what the parties meant)"),
    ("promise_per", 2): _keyed("the promise", "on the word of"),
    ("defendant_duty", 1): ("the agreement put on the defendant a duty of {0}", "no duty of {0} is stated"),
    ("defendant_duty_breached", 2): _keyed("the defendant's duty of", "breached"),
    ("defendant_duty_per", 2): _keyed("the defendant's duty of", "its breach on the word of"),
    ("government_act", 1): ("the government's act: {0}", "no such act of the government is stated ({0})"),
    ("government_act_by", 2): _keyed("the government's act", "by"),
    ("government_act_when", 2): _keyed("the government's act", "when"),
    ("government_act_motion", 2): _keyed("the government's act", "about the motion"),
    ("government_act_per", 2): _keyed("the government's act", "on the word of"),
    ("government_reason_kind", 2): _keyed("the government's reason", "of the legal kind"),
    ("government_reason_when", 2): _keyed("the government's reason", "first given"),
    ("government_reason_facts_known", 2): _keyed("the government's reason", "its facts known"),
    ("government_reason_rebutted", 2): _keyed("the government's reason", "rebutted by the record"),
    ("allegation_preserved", 2): _keyed("the claim", "in the district court"),
    ("allegation_failed_to_raise", 2): _keyed("the claim", "that counsel failed to raise"),
    ("reasons_given", 1): _single("the government stated reasons"),
    ("district_court", 1): _single("the district court's ruling on the motion"),
    ("district_court_hearing", 1): _single("an evidentiary hearing"),
    ("district_court_ruling", 1): _single("the district court ruled"),
    ("district_court_asked_reasons", 1): _single("the district court asked the government for its reasons"),
    ("district_court_finding_basis", 1): _single("the district court's findings rested on"),
    ("district_court_standard", 1): _single("the standard the district court applied"),
    ("district_court_found_threshold", 1): _single("the district court found a threshold showing"),
    ("district_court_found_bad_faith", 1): _single("the district court found bad faith"),
    ("district_court_found_breach", 1): _single("the district court found the government in breach"),
    ("district_court_found_defendant_breach", 1): _single("the district court found the defendant in breach"),
    ("district_court_clear_basis", 1): _single("the basis of the district court's finding is clear"),
    ("district_court_safety_valve", 1): _single("the district court found the safety valve met"),
    ("believed", 1): ("the district court took a view of its power {0}", "no view of its power {0} is stated"),
    ("believed_power", 2): _keyed("the district court's view of its power", "it believed it"),
    ("believed_mistaken", 2): _keyed("the district court's view of its power", "held mistaken"),
    ("appeal_waiver", 1): _single("an appeal waiver in the plea agreement"),
    ("appeal_waiver_knowing", 1): _single("the appeal waiver was knowing and voluntary"),
    ("appeal_waiver_scope", 1): _single("the appeal waiver covers"),
    ("appeal_waiver_invoked", 1): _single("the government invoked the appeal waiver"),
    ("plea_agreement_rejected", 1): _single("the district court rejected the plea agreement"),
    ("sentencing_error", 1): ("the district court's sentencing error: {0}", "no sentencing error {0} is stated"),
    ("sentencing_error_per", 2): _keyed("the sentencing error", "on the word of"),
    ("plea_misinformed", 1): ("when he pleaded, the defendant was misinformed about {0}", "no misstatement about {0} is stated"),
    ("plea_misinformed_by", 2): _keyed("the misstatement about", "made by"),
    ("plea_misinformed_per", 2): _keyed("the misstatement about", "on the word of"),
    ("would_not_have_pleaded", 2): _keyed("the misstatement about", "he would not have pleaded guilty without it"),
    ("rule35a_correction", 1): _single("the district court amended the sentence under Rule 35(a)"),
    ("rule35a_clear_error", 1): _single("the original sentence resulted from a clear error"),
    ("rule35a_clear_error_per", 1): _single("the answer on clear error is the word of"),
    ("sentence_would_differ", 1): _single("a reasonable probability of a different sentence"),
    ("same_sentence_anyway", 1): _single("the court said it would impose the same sentence anyway"),
    ("rule35b_timing", 1): _single("the Rule 35(b) motion's timing"),
    ("extent_basis", 1): _single("the extent of the reduction rested on"),
    ("sentence_basis", 1): _single("the sentence rested on"),
    ("range_lowered", 1): _single("the amendment lowered the range the sentence was based on"),
    ("counts_uncovered", 1): _single("a count with a minimum is left uncovered by any § 3553(e) motion"),
    ("from_circuit", 1): _single("on certiorari from"),
}

WORDS: dict[str, str] = {
    "review_refusal": "to review the government's refusal",
    "compel": "to compel the motion",
    "depart": "to depart without a motion",
    "vary": "to vary for cooperation under § 3553(a)",
    "below_minimum": "to go below the statutory minimum",
    "consider_cooperation": "to consider the cooperation",
    "reduce_further": "to reduce further than the government asked",
    "reduce_sentence": "to reduce the sentence under § 3582(c)(2)",
    "reduce_below_amended_range": "to reduce a § 3582(c)(2) sentence below the amended guideline range",
    "use_other_factors": "to weigh factors other than the assistance",
    "to_move": "to move",
    "to_consider": "to consider a motion",
    "to_recommend_sentence": "to recommend a sentence",
    "not_to_oppose": "not to oppose",
    "to_make_cooperation_known": "to make the cooperation known",
    "opportunity_to_cooperate": "an opportunity to cooperate",
    "sole_discretion": "the government's sole discretion",
    "us_attorney": "the U.S. Attorney",
    "prevented_by_government": "prevented by the government",
    "full_truthful_cooperation": "full and truthful cooperation",
    "passing_polygraph": "passing a polygraph",
    "good_faith_effort": "a good-faith effort",
    "substantial_assistance": "substantial assistance",
    "range_not_calculated": "it did not calculate the guidelines range",
    "range_miscalculated": "it used an incorrect guidelines range",
    "guidelines_treated_mandatory": "it treated the guidelines as mandatory",
    "factors_not_considered": "it did not consider the § 3553(a) factors",
    "clearly_erroneous_facts": "it rested the sentence on clearly erroneous facts",
    "not_explained": "it did not adequately explain the sentence",
    "substantively_unreasonable": "the sentence is unreasonable in its length",
    "unreasonable": "the sentence is unreasonable (procedure or length unsaid)",
    "procedural": "a significant procedural error (of another kind, or unnamed)",
    "error_of_law": "its decision rested on an error of law",
    "motion_effect": "what a substantial-assistance motion could do",
    "sentence_exposure": "the sentence the plea could bring",
    "agreement_terms": "the plea agreement's terms",
}


def phrase(constant: str) -> str:
    """A constant with no phrase of its own reads as its words."""
    return WORDS.get(constant, constant.replace("_", " "))
